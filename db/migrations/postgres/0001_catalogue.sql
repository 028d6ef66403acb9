-- The service catalogue, operating messages and server-side sessions (PostgreSQL).
-- Times that queries compare are Unix seconds (bigint) on both backends; created_at is bookkeeping.
-- Integers are bigint so that both backends decode them as i64.

create table services (
    id bigint generated always as identity primary key,
    slug text not null unique,
    situation text not null,
    for_residents bigint not null,
    for_businesses bigint not null,
    provider_kind text not null check (provider_kind in ('city', 'external')),
    provider_name text not null,
    channels text not null,
    handling_days bigint,
    has_e_service bigint not null default 0,
    phone text,
    monthly_users bigint not null default 0,
    last_reviewed text not null,
    created_at timestamptz not null default now()
);

create table service_translations (
    service_id bigint not null references services (id) on delete cascade,
    lang text not null,
    title text not null,
    summary text not null,
    body text not null,
    who_may_use text not null,
    cost text not null,
    help text not null,
    keywords text not null default '',
    created_at timestamptz not null default now(),
    primary key (service_id, lang)
);

create table operating_messages (
    id bigint generated always as identity primary key,
    service_id bigint references services (id) on delete cascade,
    severity text not null check (severity in ('notice', 'disruption')),
    valid_from bigint not null,
    valid_until bigint not null,
    created_at timestamptz not null default now(),
    check (valid_until > valid_from)
);

create table operating_message_translations (
    message_id bigint not null references operating_messages (id) on delete cascade,
    lang text not null,
    title text not null,
    body text not null,
    created_at timestamptz not null default now(),
    primary key (message_id, lang)
);

create index operating_messages_validity on operating_messages (valid_until, valid_from);

create table sessions (
    id text primary key,
    data bytea not null,
    expiry_date bigint not null,
    created_at timestamptz not null default now()
);

create index sessions_expiry on sessions (expiry_date);
