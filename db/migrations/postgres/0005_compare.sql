-- Compare providers: provider units, quality indicators and their values, the provider portal's
-- change history, and feedback routed to providers (PostgreSQL). Times are Unix seconds.

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
    lat double precision not null,
    lon double precision not null,
    opens_min bigint not null,
    closes_min bigint not null,
    weekends bigint not null default 0,
    -- ",sv,ar," so that a filter is one LIKE '%,ar,%'.
    languages text not null default ',',
    profiles text not null default ',',
    size bigint,
    phone text,
    email text,
    website text,
    has_places bigint not null default 0,
    -- {"sv": "...", "en": "..."}: the description per language.
    descriptions text not null,
    updated_at bigint not null,
    updated_by_kind text not null check (updated_by_kind in ('seed', 'import', 'provider', 'city')),
    updated_by_user bigint references users (id),
    created_at timestamptz not null default now(),
    check (operator_type = 'city' or organisation_number is not null)
);

create index provider_units_list on provider_units (kind, district);
create index provider_units_operator on provider_units (organisation_number);

create table indicators (
    key text primary key,
    -- ",preschool,compulsory-school,"
    kinds text not null,
    measure text not null check (measure in ('percent', 'ratio', 'points', 'count')),
    higher_is_better bigint not null,
    survey bigint not null,
    decimals bigint not null,
    source text not null,
    names text not null,
    definitions text not null,
    position bigint not null
);

create table indicator_values (
    unit_id text not null references provider_units (id) on delete cascade,
    indicator text not null references indicators (key),
    period bigint not null,
    value double precision not null,
    n bigint,
    response_rate double precision,
    -- 1 on each unit's newest period of each indicator (kept by the import).
    latest bigint not null default 0,
    primary key (unit_id, indicator, period)
);

create index indicator_values_latest on indicator_values (indicator, latest, unit_id);

-- Every change of a unit's facts (provider portal, the city's revert), with the facts before and
-- after as JSON, so any change can be shown and undone.
create table provider_unit_revisions (
    id bigint generated always as identity primary key,
    unit_id text not null references provider_units (id) on delete cascade,
    at bigint not null,
    by_user bigint references users (id),
    by_kind text not null check (by_kind in ('provider', 'city')),
    changed text not null,
    before_facts text not null,
    after_facts text not null,
    -- The revision that undid this one.
    reverted_by bigint references provider_unit_revisions (id)
);

create index provider_unit_revisions_unit on provider_unit_revisions (unit_id, id);

create table provider_imports (
    id bigint generated always as identity primary key,
    at bigint not null,
    by_user bigint references users (id),
    file_name text not null,
    kind text not null check (kind in ('units', 'values', 'combined')),
    row_count bigint not null,
    added bigint not null,
    changed bigint not null
);

-- Feedback about a unit: the unit it concerns, and the private provider that answers it (null
-- when the city answers).
alter table cases add column provider_unit text;
alter table cases add column provider_org text;
create index cases_provider on cases (provider_org, status);
