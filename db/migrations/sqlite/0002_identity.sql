-- Identity, access and the audit trail (SQLite). Times are Unix seconds.

create table units (
    code text primary key,
    name_sv text not null,
    name_en text not null,
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- A person (resident or representative, with a personnummer) or a staff member.
create table users (
    id integer primary key autoincrement,
    kind text not null check (kind in ('person', 'staff')),
    display_name text not null,
    personal_identity_number text unique,
    email text,
    email_verified integer not null default 0,
    phone text,
    preferred_lang text,
    notify_channel text not null default 'email' check (notify_channel in ('email', 'sms', 'letter')),
    disabled_at integer,
    -- Raised to end every session of the user at once (sessions carry the epoch they began in).
    session_epoch integer not null default 0,
    -- Demo personas only: the built-in test identity provider's subject.
    persona text unique,
    updated_at integer not null,
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- The user key: (issuer, subject) from an identity provider.
create table user_identities (
    issuer text not null,
    subject text not null,
    user_id integer not null references users (id) on delete cascade,
    last_sign_in_at integer,
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    primary key (issuer, subject)
);

create table email_verifications (
    token_hash text primary key,
    user_id integer not null references users (id) on delete cascade,
    email text not null,
    expires_at integer not null,
    used_at integer,
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- The right to act for an organisation (from the company register in production).
create table mandates (
    id integer primary key autoincrement,
    user_id integer not null references users (id) on delete cascade,
    organisation_number text not null,
    organisation_name text not null,
    source text not null,
    valid_until integer,
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    unique (user_id, organisation_number)
);

-- Staff access, granted formally: who, why, from when, until when.
create table access_grants (
    id integer primary key autoincrement,
    user_id integer not null references users (id) on delete cascade,
    role text not null,
    scope text not null,
    reason text not null,
    granted_by integer references users (id),
    valid_from integer not null,
    valid_until integer not null,
    revoked_at integer,
    revoked_by integer references users (id),
    revoke_reason text,
    confirmed_at integer,
    confirmed_by integer references users (id),
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    check (valid_until > valid_from)
);

create index access_grants_user on access_grants (user_id);
create index access_grants_scope on access_grants (scope);

create table access_requests (
    id integer primary key autoincrement,
    user_id integer not null references users (id) on delete cascade,
    role text not null,
    scope text not null,
    reason text not null,
    wanted_until integer not null,
    status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
    decided_by integer references users (id),
    decided_at integer,
    decision_note text,
    requested_at integer not null,
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- A completed periodic review of one scope's grants.
create table access_reviews (
    id integer primary key autoincrement,
    scope text not null,
    reviewer_id integer not null references users (id),
    completed_at integer not null,
    confirmed integer not null,
    revoked integer not null,
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

create index access_reviews_scope on access_reviews (scope, completed_at);

-- The audit trail: append-only, each row hash-chained to the one before.
create table audit_log (
    seq integer primary key,
    at integer not null,
    actor_id integer,
    acting_for text,
    role text,
    action text not null,
    object_type text not null,
    object_id text,
    outcome text not null,
    reason text,
    request_id text,
    client_addr text,
    prev_hash text not null,
    hash text not null,
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

create index audit_log_at on audit_log (at);
create index audit_log_actor on audit_log (actor_id, at);
create index audit_log_object on audit_log (object_type, object_id);

create trigger audit_log_no_update before update on audit_log
begin
    select raise(abort, 'the audit trail is append-only');
end;

create trigger audit_log_no_delete before delete on audit_log
begin
    select raise(abort, 'the audit trail is append-only');
end;

-- The chain's head: one row, locked by every append so appends are serial on both backends.
create table audit_head (
    id integer primary key check (id = 1),
    seq integer not null,
    hash text not null,
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

insert into audit_head (id, seq, hash) values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
