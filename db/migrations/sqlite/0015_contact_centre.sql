-- The contact centre (issue 20, SQLite): errands from every channel with their timelines, caller
-- look-ups with their reasons (which the person sees), the telephony platform's call events,
-- call-back promises and their tries, the staff and unit directory, and SMS delivery receipts.
-- See db/src/contact_centre.rs.

-- The units' public numbers, shown on their service pages.
alter table units add column phone text;
alter table units add column email text;

-- A person's contact number in E.164 (`+46701234567`), so an incoming call's number finds them;
-- and protected personal data (sekretessmarkering, skyddad folkbokföring) from the population
-- register: the contact centre sees a warning instead of contact details.
alter table users add column phone_e164 text;
alter table users add column protected_identity integer not null default 0;
create index users_phone_e164 on users (phone_e164);

-- Yearly number series of errands (`E`) and look-ups (`L`).
create table contact_series (
    kind text not null,
    year integer not null,
    last integer not null,
    primary key (kind, year)
);

-- One contact with the contact centre. Anonymous unless `person_id` (found by a look-up); the
-- caller's own number or address only when the outcome needs it (a link sent, a call-back).
create table errands (
    id integer primary key autoincrement,
    number text not null unique,
    channel text not null check (channel in ('phone', 'email', 'visit', 'chat', 'letter')),
    service_slug text,
    category text,
    person_id integer references users (id),
    caller_name text,
    caller_phone text,
    caller_email text,
    notes text not null default '',
    outcome text not null check (outcome in ('answered', 'handed-over', 'call-back', 'feedback')),
    status text not null check (status in ('open', 'with-unit', 'closed')),
    unit_code text references units (code),
    case_id integer references cases (id),
    answer_by text check (answer_by in ('my-pages', 'letter', 'phone')),
    call_key text,
    agent_id integer not null references users (id),
    agent_unit text not null,
    idempotency_key text not null,
    created_at integer not null,
    updated_at integer not null,
    closed_at integer,
    unique (agent_id, idempotency_key)
);
create index errands_person on errands (person_id, created_at);
create index errands_open on errands (status, created_at) where status <> 'closed';
create index errands_case on errands (case_id);
create index errands_created on errands (created_at);

-- An errand's timeline. `public` events are shown to the person in Mina sidor.
create table errand_events (
    id integer primary key autoincrement,
    errand_id integer not null references errands (id),
    at integer not null,
    actor_id integer references users (id),
    kind text not null,
    detail text,
    public integer not null default 1
);
create index errand_events_errand on errand_events (errand_id, id);

-- Every look-up of a person: who (the agent and their unit), when, why. Shown to the person.
create table caller_lookups (
    id integer primary key autoincrement,
    reference text not null unique,
    person_id integer not null references users (id),
    agent_id integer not null references users (id),
    agent_unit text not null,
    reason text not null,
    explanation text not null,
    searched_by text not null check (searched_by in ('personnummer', 'name-birth-date', 'phone')),
    at integer not null
);
create index caller_lookups_person on caller_lookups (person_id, at);
create index caller_lookups_agent on caller_lookups (agent_id, at);

-- Every accepted telephony event once (`platform`, `event_id`): a replay is refused by the key.
create table telephony_events (
    platform text not null,
    event_id text not null,
    kind text not null,
    call_key text,
    occurred_at integer not null,
    received_at integer not null,
    primary key (platform, event_id)
);
create index telephony_events_received on telephony_events (received_at);

-- A call as its events tell it (`platform:call_id`).
create table calls (
    call_key text primary key,
    queue text not null,
    caller text,
    state text not null check (state in ('offered', 'queued', 'answered', 'abandoned', 'voicemail', 'transferred', 'ended')),
    agent text,
    offered_at integer not null,
    answered_at integer,
    ended_at integer,
    waited_seconds integer,
    updated_at integer not null
);
create index calls_state on calls (state, offered_at);
create index calls_offered on calls (offered_at);
create index calls_ended on calls (ended_at);

-- A promise to call someone back, with its deadline in working hours. One per call.
create table callbacks (
    id integer primary key autoincrement,
    call_key text unique,
    phone text not null,
    queue text not null,
    reason text not null check (reason in ('abandoned', 'voicemail', 'booked')),
    about text,
    errand_id integer references errands (id),
    status text not null default 'open' check (status in ('open', 'done', 'gave-up')),
    created_at integer not null,
    due_at integer not null,
    claimed_by integer references users (id),
    claimed_until integer,
    attempts integer not null default 0,
    failed_attempts integer not null default 0,
    sms_at integer,
    done_at integer,
    kept integer
);
create index callbacks_open on callbacks (status, due_at);
create index callbacks_created on callbacks (created_at);
create index callbacks_done on callbacks (done_at);

create table callback_attempts (
    id integer primary key autoincrement,
    callback_id integer not null references callbacks (id),
    at integer not null,
    agent_id integer not null references users (id),
    outcome text not null,
    note text
);
create index callback_attempts_callback on callback_attempts (callback_id, id);

-- The staff and unit directory: one employee, one number. Direct numbers are for staff only.
create table staff_directory (
    id integer primary key autoincrement,
    name text not null,
    email text not null unique,
    unit_code text not null references units (code),
    function text not null default '',
    direct_number text,
    extension text,
    availability text not null default 'available' check (availability in ('available', 'busy', 'away', 'offline')),
    availability_note text,
    available_again_at integer,
    updated_at integer not null
);
create index staff_directory_unit on staff_directory (unit_code);

-- Assisted digital: a draft an agent started for a resident with their consent (given how, and
-- when), which the resident finishes in Mina sidor, or the agent submits where the definition
-- allows it (`agent_submits`). The case records it (`case_events` kind `assisted`).
alter table drafts add column assisted_by integer references users (id);
alter table drafts add column consent_at integer;
alter table drafts add column consent_via text;
alter table drafts add column agent_submits integer not null default 0;

-- SMS delivery: the gateway's message id and its delivery receipt.
alter table outbox add column gateway_id text;
alter table outbox add column delivery text;
alter table outbox add column delivered_at integer;
create index outbox_gateway on outbox (gateway_id);
