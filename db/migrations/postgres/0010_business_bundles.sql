-- The single window's bundles (issue 6): one application for every permit an activity needs.
--
-- A bundle draft holds what is asked once (the shared facts) and owns one ordinary e-service
-- draft per permit (`drafts.bundle_draft_id`), so each permit's own questions are the e-service
-- engine's steps. Submitting files one case per permit, all in one transaction: a city unit's
-- permit in that unit's queue, an outside authority's permit as a referral case in the business
-- guide team's queue (its answer is recorded there). A document uploaded once is stored once per
-- case that needs it: each case stays a complete record in its own unit (archived on its own).
create table bundles (
    id bigint generated always as identity primary key,
    bundle_number text not null unique,
    organisation text not null,
    organisation_name text not null,
    applicant_id bigint not null references users (id),
    lang text not null,
    ruleset_version bigint not null references business_rulesets (version),
    guide_answers text not null,
    shared text not null,
    coordinator_id bigint references users (id),
    submitted_at bigint not null,
    idempotency_key text not null,
    unique (applicant_id, idempotency_key)
);

create table bundle_drafts (
    id bigint generated always as identity primary key,
    token text not null unique,
    user_id bigint not null references users (id) on delete cascade,
    organisation text not null,
    organisation_name text not null,
    ruleset_version bigint not null references business_rulesets (version),
    guide_answers text not null,
    shared text not null default '{}',
    created_at bigint not null,
    updated_at bigint not null,
    expires_at bigint not null,
    bundle_id bigint references bundles (id)
);

alter table drafts add column bundle_draft_id bigint references bundle_drafts (id);
alter table drafts add column permit_key text;
create index drafts_bundle on drafts (bundle_draft_id);

-- The copies of one uploaded bundle document share its group (removed together).
alter table attachments add column document_key text;
alter table attachments add column document_group text;

alter table cases add column bundle_id bigint references bundles (id);
create index cases_bundle on cases (bundle_id);

create table bundle_parts (
    bundle_id bigint not null references bundles (id),
    permit_key text not null,
    position bigint not null,
    case_id bigint not null unique references cases (id),
    -- An outside authority (Polisen, the fire and rescue service): the case is the referral.
    authority text,
    -- Permit keys this part waits for, space-separated.
    depends_on text not null default '',
    referral_sent_at bigint,
    primary key (bundle_id, permit_key)
);

create table bundle_messages (
    id bigint generated always as identity primary key,
    bundle_id bigint not null references bundles (id),
    at bigint not null,
    author_id bigint not null references users (id),
    from_applicant bigint not null,
    body text not null,
    read_at bigint
);
create index bundle_messages_bundle on bundle_messages (bundle_id, at);

create table bundle_events (
    id bigint generated always as identity primary key,
    bundle_id bigint not null references bundles (id),
    at bigint not null,
    actor_id bigint references users (id),
    kind text not null,
    permit_key text,
    detail text,
    public bigint not null default 1
);
create index bundle_events_bundle on bundle_events (bundle_id, at);

-- Statement requests (remiss) between the units of one bundle.
create table statement_requests (
    id bigint generated always as identity primary key,
    bundle_id bigint not null references bundles (id),
    case_id bigint not null references cases (id),
    to_unit text not null references units (code),
    question text not null,
    due_day bigint not null,
    requested_by bigint not null references users (id),
    requested_at bigint not null,
    answer text,
    answered_by bigint references users (id),
    answered_at bigint
);
create index statement_requests_unit on statement_requests (to_unit, answered_at);

-- Referrals to outside authorities go through the outbox like every other message.
alter table outbox add column bundle_id bigint references bundles (id);
