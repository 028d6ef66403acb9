-- Content the city runs (issue 18): editors' versions of service pages, publication and its
-- schedule, operating messages that name the services and districts they concern, and the
-- accessibility statement's known shortcomings. See db/src/content.rs.

-- A service page residents see only while published; a service run by another authority links
-- out instead of starting an e-service here. `seed_slug` names the demo seed's page a row came
-- from (whatever an editor renames it to), so seeding never adds a page an editor renamed.
alter table services add column published integer not null default 1;
alter table services add column seed_slug text;
update services set seed_slug = slug;
alter table services add column external_url text;
alter table services add column contact_email text;

-- Every saved state of a service page, whole (JSON of domain `content::ServiceContent`), by
-- number per service. A version is a draft until published; `publish_at` schedules it.
create table service_versions (
    id integer primary key autoincrement,
    service_id integer not null references services (id) on delete cascade,
    number integer not null,
    content text not null,
    author_id integer references users (id) on delete set null,
    author_name text not null,
    note text not null default '',
    created_at integer not null,
    publish_at integer,
    published_at integer,
    unique (service_id, number)
);
create index service_versions_due on service_versions (publish_at) where published_at is null;

-- What an operating message concerns: services (by id) and districts (by unit code). None at
-- all means the whole site.
create table operating_message_targets (
    message_id integer not null references operating_messages (id) on delete cascade,
    kind text not null check (kind in ('service', 'district')),
    target text not null,
    primary key (message_id, kind, target)
);
insert into operating_message_targets (message_id, kind, target)
    select id, 'service', cast(service_id as text) from operating_messages where service_id is not null;
alter table operating_messages add column updated_at integer;
alter table operating_messages add column updated_by text;

-- The accessibility statement's known shortcomings, kept by the editors.
create table accessibility_shortcomings (
    id integer primary key autoincrement,
    fix_by text,
    resolved_at integer,
    created_at integer not null,
    updated_at integer,
    updated_by text
);
create table accessibility_shortcoming_translations (
    shortcoming_id integer not null references accessibility_shortcomings (id) on delete cascade,
    lang text not null,
    title text not null,
    body text not null,
    primary key (shortcoming_id, lang)
);

-- A decision carries its service's appeal instructions (överklagandehänvisning) as they stood
-- when it was made; older decisions show the general text.
alter table decisions add column appeal text not null default '';

-- An offer a decision carries (a place, a start date), answered by the resident before a date;
-- reminded once, lapsing when the date passes (see db/src/offers.rs).
create table case_offers (
    case_id integer primary key references cases (id),
    what text not null,
    starts_on text,
    reply_by integer not null,
    remind_at integer not null,
    reminded_at integer,
    answer text check (answer in ('accepted', 'declined', 'lapsed')),
    answered_at integer,
    answered_via text check (answered_via in ('my-pages', 'phone')),
    recorded_by integer references users (id),
    created_at integer not null
);
create index case_offers_waiting on case_offers (reply_by) where answer is null;

-- Units' names in Finnish and Arabic too (Swedish where missing).
alter table units add column name_fi text;
alter table units add column name_ar text;
