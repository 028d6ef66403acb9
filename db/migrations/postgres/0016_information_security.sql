-- Information security (issue 21, PostgreSQL): classifications that drive controls, the population
-- register's addresses and protection markings with the specific grants to see a protected
-- person's details, the security-incident register with its 72-hour clock, rate-limit windows
-- shared by every node, and encrypted files. See db/src/security.rs.

-- An e-service's (`service:slug`) or an information type's (`information:audit-trail`)
-- confidentiality, integrity and availability, 1–4; confidentiality 4 is refused by the platform.
create table classifications (
    subject text primary key,
    confidentiality bigint not null check (confidentiality between 1 and 3),
    integrity bigint not null check (integrity between 1 and 4),
    availability bigint not null check (availability between 1 and 4),
    reason text not null,
    set_by bigint references users (id),
    set_at bigint not null
);

-- The population register's entry for a person (seeded for the demo; the real register's
-- integration writes here): their registered address and its protection marking.
create table population_register (
    user_id bigint primary key references users (id),
    street text not null,
    postal_code text not null,
    city text not null,
    protection text not null default 'none'
        check (protection in ('none', 'sekretessmarkering', 'skyddad-folkbokforing')),
    fetched_at bigint not null
);

-- A specific grant: one staff member may see one protected person's contact details, for a
-- reason, until it expires or is revoked.
create table protected_grants (
    id bigint generated always as identity primary key,
    staff_id bigint not null references users (id),
    person_id bigint not null references users (id),
    reason text not null,
    granted_by bigint not null references users (id),
    granted_at bigint not null,
    expires_at bigint not null,
    revoked_at bigint
);
create index protected_grants_staff on protected_grants (staff_id, person_id);

-- Yearly number series of incidents.
create table incident_series (
    year bigint primary key,
    last bigint not null
);

-- A security incident as reported, triaged and closed. `aware_at` starts the supervisory
-- authority's 72-hour clock when the incident is a personal-data breach.
create table incidents (
    id bigint generated always as identity primary key,
    number text not null unique,
    reported_by bigint not null references users (id),
    reported_at bigint not null,
    idempotency_key text,
    what text not null,
    occurred text,
    systems text not null default '',
    information text not null default '',
    personal_data text not null check (personal_data in ('yes', 'no', 'unknown')),
    status text not null default 'reported' check (status in ('reported', 'triaged', 'closed')),
    category text,
    severity text,
    owner_id bigint references users (id),
    breach bigint not null default 0,
    aware_at bigint,
    reminders_sent bigint not null default 0,
    imy_decision text check (imy_decision in ('notified', 'not-notified')),
    imy_text text,
    imy_decided_at bigint,
    imy_decided_by bigint references users (id),
    lessons text,
    closed_at bigint,
    unique (reported_by, idempotency_key)
);
create index incidents_open on incidents (status, reported_at);

-- The incident's timeline: reported, triaged, notes, the IMY decision, reminders, closed.
create table incident_events (
    id bigint generated always as identity primary key,
    incident_id bigint not null references incidents (id),
    at bigint not null,
    actor_id bigint references users (id),
    kind text not null,
    note text not null default ''
);
create index incident_events_incident on incident_events (incident_id, id);

-- Audit entries linked to an incident as evidence.
create table incident_audit_links (
    incident_id bigint not null references incidents (id),
    audit_seq bigint not null,
    linked_by bigint not null references users (id),
    linked_at bigint not null,
    primary key (incident_id, audit_seq)
);

-- Rate limits that hold across nodes (signing in): hits per key and fixed window.
create table rate_limit_windows (
    bucket text not null,
    window_start bigint not null,
    hits bigint not null,
    primary key (bucket, window_start)
);

-- A file encrypted at rest (its bytes are an envelope: see app/src/web/crypto.rs).
alter table attachments add column encrypted bigint not null default 0;

-- Residents' pages show a service's protection notice: a classification is content.
create trigger classifications_changed after insert or update or delete on classifications
    for each statement execute function stadsporten_notify_change('content');
