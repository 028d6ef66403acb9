-- Measurement (issue 19): where a case came in and how its handling time is counted, first-party
-- journey counts, the case and survey roll-ups the figures are read from, and the staff's
-- anonymous usability answers. See db/src/measure.rs and db/src/figures.rs.

-- The channel a case came in by and the day kind of its promise (the definition's, when submitted).
alter table cases add column channel text not null default 'web'
    check (channel in ('web', 'lite', 'assisted', 'officer'));
alter table cases add column day_kind text not null default 'calendar' check (day_kind in ('calendar', 'working'));
create index cases_submitted_at on cases (submitted_at);
create index cases_decided_at on cases (decided_at);
-- Backlogs per unit read only the open cases.
create index cases_open on cases (unit_code, due_at) where status in ('submitted', 'in-progress', 'awaiting-completion');

-- Where the journey comes from (`channel:device`), so an expired draft is counted where it began.
alter table drafts add column journey text not null default 'web:computer';
-- How far a draft has come (1 = its first step, steps + 1 = the check page): a step is counted
-- reached once per journey, however often the resident goes back and forth.
alter table drafts add column furthest bigint not null default 0;

-- Journey counts per month (YYYYMM): no person, no draft, no address, no cookie. `detail` is the
-- step reached or the field refused; empty for the other kinds.
create table journey_counts (
    month bigint not null,
    service_slug text not null,
    kind text not null,
    detail text not null default '',
    channel text not null,
    device text not null,
    n bigint not null,
    primary key (month, service_slug, kind, detail, channel, device)
);
create index journey_counts_service on journey_counts (service_slug, month);

-- Cases per month, service, unit and channel: submitted that month; decided that month, and of
-- those, decided within the promised time. Rebuilt from `cases` (see figures.rs).
create table case_months (
    month bigint not null,
    service_slug text not null,
    unit_code text not null,
    channel text not null,
    submitted bigint not null,
    decided bigint not null,
    in_time bigint not null,
    primary key (month, service_slug, unit_code, channel)
);
create index case_months_service on case_months (service_slug, month);
create index case_months_unit on case_months (unit_code, month);

-- The handling times of the cases decided in a month, as a histogram of days (in the service's
-- day kind, pauses for completion left out): medians without reading the cases. One row per
-- month, service and unit, the histogram written `days:cases,days:cases,…` (a year of every
-- service is a few hundred rows to read, not tens of thousands).
create table case_month_days (
    month bigint not null,
    service_slug text not null,
    unit_code text not null,
    histogram text not null,
    primary key (month, service_slug, unit_code)
);
create index case_month_days_service on case_month_days (service_slug, month);

-- Satisfaction (1–5) and UMUX-Lite (0–100) per month and service: counts, sums and sums of
-- squares, enough for a mean and its confidence interval.
create table survey_months (
    month bigint not null,
    service_slug text not null,
    n bigint not null,
    score_sum double precision not null,
    score_sq double precision not null,
    umux_n bigint not null,
    umux_sum double precision not null,
    umux_sq double precision not null,
    primary key (month, service_slug)
);

-- Staff asked about the tool they work in, at most once a quarter (YYYYQ): who was asked is kept
-- apart from what was answered, as with residents' answers.
create table staff_survey_asks (
    user_id bigint not null references users (id),
    quarter bigint not null,
    answered bigint not null default 0,
    at bigint not null,
    primary key (user_id, quarter)
);
create table staff_survey_answers (
    id bigint generated always as identity primary key,
    quarter bigint not null,
    tool text not null check (tool in ('case-handling', 'contact-centre')),
    useful bigint not null check (useful between 1 and 7),
    easy bigint not null check (easy between 1 and 7)
);
create index staff_survey_answers_quarter on staff_survey_answers (quarter);
