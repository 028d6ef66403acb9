-- E-services, drafts, attachments, cases and the notification outbox (SQLite). Times are Unix seconds.

-- A versioned e-service definition (TOML). At most one live version per service.
create table service_definitions (
    id integer primary key autoincrement,
    slug text not null,
    version integer not null,
    status text not null check (status in ('draft', 'live', 'retired')),
    source text not null,
    title_sv text not null,
    unit_code text not null references units (code),
    handling_days integer not null,
    uploaded_by integer references users (id),
    uploaded_at integer not null,
    published_by integer references users (id),
    published_at integer,
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    unique (slug, version)
);

create unique index service_definitions_one_live on service_definitions (slug) where status = 'live';

-- Each unit's yearly case number series.
create table case_series (
    unit_code text not null references units (code),
    year integer not null,
    last_seq integer not null,
    primary key (unit_code, year)
);

create table cases (
    id integer primary key autoincrement,
    case_number text not null unique,
    unit_code text not null references units (code),
    definition_id integer not null references service_definitions (id),
    service_slug text not null,
    applicant_id integer not null references users (id),
    acting_for text,
    lang text not null,
    answers text not null,
    status text not null check (status in ('submitted', 'in-progress', 'awaiting-completion', 'decided', 'closed', 'withdrawn')),
    outcome text check (outcome in ('approved', 'rejected', 'partly-approved')),
    submitted_at integer not null,
    handling_days integer not null,
    paused_seconds integer not null default 0,
    paused_since integer,
    -- Kept equal to the SLA clock's due time (pauses included) for the queue's filters and sorting.
    due_at integer not null,
    assignee_id integer references users (id),
    decided_at integer,
    closed_at integer,
    -- Double clicks, retries and resubmits carry the same key: one case per key and applicant.
    idempotency_key text not null,
    updated_at integer not null,
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    unique (applicant_id, idempotency_key)
);

create index cases_queue on cases (unit_code, status, due_at);
create index cases_applicant on cases (applicant_id, submitted_at);

-- A form being filled in. The token is the URL's id (not guessable); a submitted draft keeps its
-- case id, so a resubmission finds the case it became.
create table drafts (
    id integer primary key autoincrement,
    token text not null unique,
    user_id integer not null references users (id) on delete cascade,
    acting_for text,
    definition_id integer not null references service_definitions (id),
    answers text not null default '{}',
    current_step text,
    created_at integer not null,
    updated_at integer not null,
    expires_at integer not null,
    reminded_at integer,
    case_id integer references cases (id)
);

create index drafts_user on drafts (user_id, updated_at);
create index drafts_expiry on drafts (expires_at);

-- The timeline: every change of a case, by whom and when.
create table case_events (
    id integer primary key autoincrement,
    case_id integer not null references cases (id),
    at integer not null,
    actor_id integer references users (id),
    kind text not null,
    from_status text,
    to_status text,
    detail text,
    -- Shown to the applicant (internal events such as assignment are not).
    public integer not null default 1
);

create index case_events_case on case_events (case_id, id);

create table case_messages (
    id integer primary key autoincrement,
    case_id integer not null references cases (id),
    at integer not null,
    author_id integer not null references users (id),
    from_applicant integer not null,
    body text not null,
    read_at integer
);

create index case_messages_case on case_messages (case_id, id);

-- Internal notes: never shown to the applicant.
create table case_notes (
    id integer primary key autoincrement,
    case_id integer not null references cases (id),
    at integer not null,
    author_id integer not null references users (id),
    body text not null
);

create index case_notes_case on case_notes (case_id, id);

create table completion_requests (
    id integer primary key autoincrement,
    case_id integer not null references cases (id),
    requested_at integer not null,
    requested_by integer not null references users (id),
    message text not null,
    reply_by text not null,
    answered_at integer,
    answer text,
    closed_at integer
);

create index completion_requests_case on completion_requests (case_id, id);

create table decisions (
    case_id integer primary key references cases (id),
    outcome text not null check (outcome in ('approved', 'rejected', 'partly-approved')),
    decided_by integer not null references users (id),
    decided_at integer not null,
    lang text not null,
    template text not null,
    motivation text not null
);

-- Uploaded files. The storage key is random: the applicant's file name is only ever displayed.
-- Scan status: clean, held (waiting for a virus scan; never shown to staff), not-scanned (no
-- scanner configured: development only). Infected files are refused and never stored.
create table attachments (
    id integer primary key autoincrement,
    storage_key text not null unique,
    owner_id integer not null references users (id),
    draft_id integer references drafts (id) on delete set null,
    case_id integer references cases (id),
    message_id integer references case_messages (id),
    field_id text,
    file_name text not null,
    content_type text not null,
    size_bytes integer not null,
    sha256 text not null,
    scan_status text not null check (scan_status in ('clean', 'held', 'not-scanned', 'infected')),
    uploaded_at integer not null,
    removed_at integer
);

create index attachments_draft on attachments (draft_id);
create index attachments_case on attachments (case_id);

-- Who was asked the satisfaction question (so it is asked once), kept apart from the answers.
create table survey_invitations (
    case_id integer not null references cases (id),
    stage text not null check (stage in ('after-submission', 'after-decision')),
    answered_at integer,
    primary key (case_id, stage)
);

-- The answers: anonymous by construction — no case, no person, and only the day.
create table survey_answers (
    id integer primary key autoincrement,
    service_slug text not null,
    stage text not null,
    day text not null,
    score integer not null check (score between 1 and 5),
    useful integer check (useful between 1 and 7),
    easy integer check (easy between 1 and 7),
    comment text
);

create index survey_answers_service on survey_answers (service_slug, day);

-- Notifications, written in the same transaction as their event and sent by a background worker
-- with retries: an SMTP outage delays mail but loses none.
create table outbox (
    id integer primary key autoincrement,
    channel text not null check (channel in ('email', 'sms')),
    recipient text not null,
    lang text not null,
    event text not null,
    user_id integer references users (id),
    case_id integer references cases (id),
    draft_id integer,
    args text not null default '{}',
    created_at integer not null,
    status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
    attempts integer not null default 0,
    next_attempt_at integer not null,
    locked_until integer,
    last_error text,
    sent_at integer
);

create index outbox_due on outbox (status, next_attempt_at);
