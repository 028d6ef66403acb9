-- The service catalogue, operating messages and server-side sessions (SQLite).
-- Times that queries compare are Unix seconds (integer) on both backends; created_at is bookkeeping.

create table services (
    id integer primary key autoincrement,
    slug text not null unique,
    situation text not null,
    for_residents integer not null,
    for_businesses integer not null,
    provider_kind text not null check (provider_kind in ('city', 'external')),
    provider_name text not null,
    channels text not null,
    handling_days integer,
    has_e_service integer not null default 0,
    phone text,
    monthly_users integer not null default 0,
    last_reviewed text not null,
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

create table service_translations (
    service_id integer not null references services (id) on delete cascade,
    lang text not null,
    title text not null,
    summary text not null,
    body text not null,
    who_may_use text not null,
    cost text not null,
    help text not null,
    keywords text not null default '',
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    primary key (service_id, lang)
);

create table operating_messages (
    id integer primary key autoincrement,
    service_id integer references services (id) on delete cascade,
    severity text not null check (severity in ('notice', 'disruption')),
    valid_from integer not null,
    valid_until integer not null,
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    check (valid_until > valid_from)
);

create table operating_message_translations (
    message_id integer not null references operating_messages (id) on delete cascade,
    lang text not null,
    title text not null,
    body text not null,
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    primary key (message_id, lang)
);

create index operating_messages_validity on operating_messages (valid_until, valid_from);

create table sessions (
    id text primary key,
    data blob not null,
    expiry_date integer not null,
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

create index sessions_expiry on sessions (expiry_date);
