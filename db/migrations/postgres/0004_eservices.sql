-- E-services, drafts, attachments, cases and the notification outbox (PostgreSQL). Times are Unix seconds.

-- A versioned e-service definition (TOML). At most one live version per service.
create table service_definitions (
    id bigint generated always as identity primary key,
    slug text not null,
    version bigint not null,
    status text not null check (status in ('draft', 'live', 'retired')),
    source text not null,
    title_sv text not null,
    unit_code text not null references units (code),
    handling_days bigint not null,
    uploaded_by bigint references users (id),
    uploaded_at bigint not null,
    published_by bigint references users (id),
    published_at bigint,
    created_at timestamptz not null default now(),
    unique (slug, version)
);

create unique index service_definitions_one_live on service_definitions (slug) where status = 'live';

-- Each unit's yearly case number series.
create table case_series (
    unit_code text not null references units (code),
    year bigint not null,
    last_seq bigint not null,
    primary key (unit_code, year)
);

create table cases (
    id bigint generated always as identity primary key,
    case_number text not null unique,
    unit_code text not null references units (code),
    definition_id bigint not null references service_definitions (id),
    service_slug text not null,
    applicant_id bigint not null references users (id),
    acting_for text,
    lang text not null,
    answers text not null,
    status text not null check (status in ('submitted', 'in-progress', 'awaiting-completion', 'decided', 'closed', 'withdrawn')),
    outcome text check (outcome in ('approved', 'rejected', 'partly-approved')),
    submitted_at bigint not null,
    handling_days bigint not null,
    paused_seconds bigint not null default 0,
    paused_since bigint,
    -- Kept equal to the SLA clock's due time (pauses included) for the queue's filters and sorting.
    due_at bigint not null,
    assignee_id bigint references users (id),
    decided_at bigint,
    closed_at bigint,
    -- Double clicks, retries and resubmits carry the same key: one case per key and applicant.
    idempotency_key text not null,
    updated_at bigint not null,
    created_at timestamptz not null default now(),
    unique (applicant_id, idempotency_key)
);

create index cases_queue on cases (unit_code, status, due_at);
create index cases_applicant on cases (applicant_id, submitted_at);

-- A form being filled in. The token is the URL's id (not guessable); a submitted draft keeps its
-- case id, so a resubmission finds the case it became.
create table drafts (
    id bigint generated always as identity primary key,
    token text not null unique,
    user_id bigint not null references users (id) on delete cascade,
    acting_for text,
    definition_id bigint not null references service_definitions (id),
    answers text not null default '{}',
    current_step text,
    created_at bigint not null,
    updated_at bigint not null,
    expires_at bigint not null,
    reminded_at bigint,
    case_id bigint references cases (id)
);

create index drafts_user on drafts (user_id, updated_at);
create index drafts_expiry on drafts (expires_at);

-- The timeline: every change of a case, by whom and when.
create table case_events (
    id bigint generated always as identity primary key,
    case_id bigint not null references cases (id),
    at bigint not null,
    actor_id bigint references users (id),
    kind text not null,
    from_status text,
    to_status text,
    detail text,
    -- Shown to the applicant (internal events such as assignment are not).
    public bigint not null default 1
);

create index case_events_case on case_events (case_id, id);

create table case_messages (
    id bigint generated always as identity primary key,
    case_id bigint not null references cases (id),
    at bigint not null,
    author_id bigint not null references users (id),
    from_applicant bigint not null,
    body text not null,
    read_at bigint
);

create index case_messages_case on case_messages (case_id, id);

-- Internal notes: never shown to the applicant.
create table case_notes (
    id bigint generated always as identity primary key,
    case_id bigint not null references cases (id),
    at bigint not null,
    author_id bigint not null references users (id),
    body text not null
);

create index case_notes_case on case_notes (case_id, id);

create table completion_requests (
    id bigint generated always as identity primary key,
    case_id bigint not null references cases (id),
    requested_at bigint not null,
    requested_by bigint not null references users (id),
    message text not null,
    reply_by text not null,
    answered_at bigint,
    answer text,
    closed_at bigint
);

create index completion_requests_case on completion_requests (case_id, id);

create table decisions (
    case_id bigint primary key references cases (id),
    outcome text not null check (outcome in ('approved', 'rejected', 'partly-approved')),
    decided_by bigint not null references users (id),
    decided_at bigint not null,
    lang text not null,
    template text not null,
    motivation text not null
);

-- Uploaded files. The storage key is random: the applicant's file name is only ever displayed.
-- Scan status: clean, held (waiting for a virus scan; never shown to staff), not-scanned (no
-- scanner configured: development only). Infected files are refused and never stored.
create table attachments (
    id bigint generated always as identity primary key,
    storage_key text not null unique,
    owner_id bigint not null references users (id),
    draft_id bigint references drafts (id) on delete set null,
    case_id bigint references cases (id),
    message_id bigint references case_messages (id),
    field_id text,
    file_name text not null,
    content_type text not null,
    size_bytes bigint not null,
    sha256 text not null,
    scan_status text not null check (scan_status in ('clean', 'held', 'not-scanned', 'infected')),
    uploaded_at bigint not null,
    removed_at bigint
);

create index attachments_draft on attachments (draft_id);
create index attachments_case on attachments (case_id);

-- Who was asked the satisfaction question (so it is asked once), kept apart from the answers.
create table survey_invitations (
    case_id bigint not null references cases (id),
    stage text not null check (stage in ('after-submission', 'after-decision')),
    answered_at bigint,
    primary key (case_id, stage)
);

-- The answers: anonymous by construction — no case, no person, and only the day.
create table survey_answers (
    id bigint generated always as identity primary key,
    service_slug text not null,
    stage text not null,
    day text not null,
    score bigint not null check (score between 1 and 5),
    useful bigint check (useful between 1 and 7),
    easy bigint check (easy between 1 and 7),
    comment text
);

create index survey_answers_service on survey_answers (service_slug, day);

-- Notifications, written in the same transaction as their event and sent by a background worker
-- with retries: an SMTP outage delays mail but loses none.
create table outbox (
    id bigint generated always as identity primary key,
    channel text not null check (channel in ('email', 'sms')),
    recipient text not null,
    lang text not null,
    event text not null,
    user_id bigint references users (id),
    case_id bigint references cases (id),
    draft_id bigint,
    args text not null default '{}',
    created_at bigint not null,
    status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
    attempts bigint not null default 0,
    next_attempt_at bigint not null,
    locked_until bigint,
    last_error text,
    sent_at bigint
);

create index outbox_due on outbox (status, next_attempt_at);
