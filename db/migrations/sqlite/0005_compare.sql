-- Compare providers: provider units, quality indicators and their values, the provider portal's
-- change history, and feedback routed to providers (SQLite). Times are Unix seconds.

create table provider_units (
    id text primary key,
    kind text not null check (kind in ('preschool', 'compulsory-school', 'upper-secondary', 'elderly-home', 'home-care')),
    name text not null,
    -- Lowercased, diacritics folded: the name filter matches "solrosen" to "Solrosen".
    name_folded text not null,
    operator_type text not null check (operator_type in ('city', 'private')),
    organisation_number text,
    operator_name text not null,
    district text not null,
    street text not null,
    postcode text not null default '',
    lat real not null,
    lon real not null,
    opens_min integer not null,
    closes_min integer not null,
    weekends integer not null default 0,
    -- ",sv,ar," so that a filter is one LIKE '%,ar,%'.
    languages text not null default ',',
    profiles text not null default ',',
    size integer,
    phone text,
    email text,
    website text,
    has_places integer not null default 0,
    -- {"sv": "...", "en": "..."}: the description per language.
    descriptions text not null,
    updated_at integer not null,
    updated_by_kind text not null check (updated_by_kind in ('seed', 'import', 'provider', 'city')),
    updated_by_user integer references users (id),
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    check (operator_type = 'city' or organisation_number is not null)
);

create index provider_units_list on provider_units (kind, district);
create index provider_units_operator on provider_units (organisation_number);

create table indicators (
    key text primary key,
    -- ",preschool,compulsory-school,"
    kinds text not null,
    measure text not null check (measure in ('percent', 'ratio', 'points', 'count')),
    higher_is_better integer not null,
    survey integer not null,
    decimals integer not null,
    source text not null,
    names text not null,
    definitions text not null,
    position integer not null
);

create table indicator_values (
    unit_id text not null references provider_units (id) on delete cascade,
    indicator text not null references indicators (key),
    period integer not null,
    value real not null,
    n integer,
    response_rate real,
    -- 1 on each unit's newest period of each indicator (kept by the import).
    latest integer not null default 0,
    primary key (unit_id, indicator, period)
);

create index indicator_values_latest on indicator_values (indicator, latest, unit_id);

-- Every change of a unit's facts (provider portal, the city's revert), with the facts before and
-- after as JSON, so any change can be shown and undone.
create table provider_unit_revisions (
    id integer primary key autoincrement,
    unit_id text not null references provider_units (id) on delete cascade,
    at integer not null,
    by_user integer references users (id),
    by_kind text not null check (by_kind in ('provider', 'city')),
    changed text not null,
    before_facts text not null,
    after_facts text not null,
    -- The revision that undid this one.
    reverted_by integer references provider_unit_revisions (id)
);

create index provider_unit_revisions_unit on provider_unit_revisions (unit_id, id);

create table provider_imports (
    id integer primary key autoincrement,
    at integer not null,
    by_user integer references users (id),
    file_name text not null,
    kind text not null check (kind in ('units', 'values', 'combined')),
    row_count integer not null,
    added integer not null,
    changed integer not null
);

-- Feedback about a unit: the unit it concerns, and the private provider that answers it (null
-- when the city answers).
alter table cases add column provider_unit text;
alter table cases add column provider_org text;
create index cases_provider on cases (provider_org, status);
