-- Content the city runs (issue 18): editors' versions of service pages, publication and its
-- schedule, operating messages that name the services and districts they concern, and the
-- accessibility statement's known shortcomings. See db/src/content.rs.

-- `seed_slug`: the demo seed's page a row came from (see the SQLite migration).
alter table services add column published bigint not null default 1;
alter table services add column seed_slug text;
update services set seed_slug = slug;
alter table services add column external_url text;
alter table services add column contact_email text;

create table service_versions (
    id bigint generated always as identity primary key,
    service_id bigint not null references services (id) on delete cascade,
    number bigint not null,
    content text not null,
    author_id bigint references users (id) on delete set null,
    author_name text not null,
    note text not null default '',
    created_at bigint not null,
    publish_at bigint,
    published_at bigint,
    unique (service_id, number)
);
create index service_versions_due on service_versions (publish_at) where published_at is null;

create table operating_message_targets (
    message_id bigint not null references operating_messages (id) on delete cascade,
    kind text not null check (kind in ('service', 'district')),
    target text not null,
    primary key (message_id, kind, target)
);
insert into operating_message_targets (message_id, kind, target)
    select id, 'service', cast(service_id as text) from operating_messages where service_id is not null;
alter table operating_messages add column updated_at bigint;
alter table operating_messages add column updated_by text;

create table accessibility_shortcomings (
    id bigint generated always as identity primary key,
    fix_by text,
    resolved_at bigint,
    created_at bigint not null,
    updated_at bigint,
    updated_by text
);
create table accessibility_shortcoming_translations (
    shortcoming_id bigint not null references accessibility_shortcomings (id) on delete cascade,
    lang text not null,
    title text not null,
    body text not null,
    primary key (shortcoming_id, lang)
);

-- Other nodes' caches of these (see 0012).
create trigger operating_message_targets_changed after insert or update or delete on operating_message_targets
    for each statement execute function stadsporten_notify_change('content');
create trigger accessibility_shortcomings_changed after insert or update or delete on accessibility_shortcomings
    for each statement execute function stadsporten_notify_change('content');
create trigger accessibility_shortcoming_translations_changed after insert or update or delete on accessibility_shortcoming_translations
    for each statement execute function stadsporten_notify_change('content');

-- A decision carries its service's appeal instructions (överklagandehänvisning) as they stood
-- when it was made; older decisions show the general text.
alter table decisions add column appeal text not null default '';

-- An offer a decision carries (a place, a start date), answered by the resident before a date;
-- reminded once, lapsing when the date passes (see db/src/offers.rs).
create table case_offers (
    case_id bigint primary key references cases (id),
    what text not null,
    starts_on text,
    reply_by bigint not null,
    remind_at bigint not null,
    reminded_at bigint,
    answer text check (answer in ('accepted', 'declined', 'lapsed')),
    answered_at bigint,
    answered_via text check (answered_via in ('my-pages', 'phone')),
    recorded_by bigint references users (id),
    created_at bigint not null
);
create index case_offers_waiting on case_offers (reply_by) where answer is null;

-- Units' names in Finnish and Arabic too (Swedish where missing).
alter table units add column name_fi text;
alter table units add column name_ar text;
