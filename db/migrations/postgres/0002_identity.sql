-- Identity, access and the audit trail (PostgreSQL). Integers are bigint so both backends decode them as i64. Times are Unix seconds.

create table units (
    code text primary key,
    name_sv text not null,
    name_en text not null,
    created_at timestamptz not null default now()
);

-- A person (resident or representative, with a personnummer) or a staff member.
create table users (
    id bigint generated always as identity primary key,
    kind text not null check (kind in ('person', 'staff')),
    display_name text not null,
    personal_identity_number text unique,
    email text,
    email_verified bigint not null default 0,
    phone text,
    preferred_lang text,
    notify_channel text not null default 'email' check (notify_channel in ('email', 'sms', 'letter')),
    disabled_at bigint,
    -- Raised to end every session of the user at once (sessions carry the epoch they began in).
    session_epoch bigint not null default 0,
    -- Demo personas only: the built-in test identity provider's subject.
    persona text unique,
    updated_at bigint not null,
    created_at timestamptz not null default now()
);

-- The user key: (issuer, subject) from an identity provider.
create table user_identities (
    issuer text not null,
    subject text not null,
    user_id bigint not null references users (id) on delete cascade,
    last_sign_in_at bigint,
    created_at timestamptz not null default now(),
    primary key (issuer, subject)
);

create table email_verifications (
    token_hash text primary key,
    user_id bigint not null references users (id) on delete cascade,
    email text not null,
    expires_at bigint not null,
    used_at bigint,
    created_at timestamptz not null default now()
);

-- The right to act for an organisation (from the company register in production).
create table mandates (
    id bigint generated always as identity primary key,
    user_id bigint not null references users (id) on delete cascade,
    organisation_number text not null,
    organisation_name text not null,
    source text not null,
    valid_until bigint,
    created_at timestamptz not null default now(),
    unique (user_id, organisation_number)
);

-- Staff access, granted formally: who, why, from when, until when.
create table access_grants (
    id bigint generated always as identity primary key,
    user_id bigint not null references users (id) on delete cascade,
    role text not null,
    scope text not null,
    reason text not null,
    granted_by bigint references users (id),
    valid_from bigint not null,
    valid_until bigint not null,
    revoked_at bigint,
    revoked_by bigint references users (id),
    revoke_reason text,
    confirmed_at bigint,
    confirmed_by bigint references users (id),
    created_at timestamptz not null default now(),
    check (valid_until > valid_from)
);

create index access_grants_user on access_grants (user_id);
create index access_grants_scope on access_grants (scope);

create table access_requests (
    id bigint generated always as identity primary key,
    user_id bigint not null references users (id) on delete cascade,
    role text not null,
    scope text not null,
    reason text not null,
    wanted_until bigint not null,
    status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
    decided_by bigint references users (id),
    decided_at bigint,
    decision_note text,
    requested_at bigint not null,
    created_at timestamptz not null default now()
);

-- A completed periodic review of one scope's grants.
create table access_reviews (
    id bigint generated always as identity primary key,
    scope text not null,
    reviewer_id bigint not null references users (id),
    completed_at bigint not null,
    confirmed bigint not null,
    revoked bigint not null,
    created_at timestamptz not null default now()
);

create index access_reviews_scope on access_reviews (scope, completed_at);

-- The audit trail: append-only, each row hash-chained to the one before.
create table audit_log (
    seq bigint primary key,
    at bigint not null,
    actor_id bigint,
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
    created_at timestamptz not null default now()
);

create index audit_log_at on audit_log (at);
create index audit_log_actor on audit_log (actor_id, at);
create index audit_log_object on audit_log (object_type, object_id);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only';
end;
$$;

create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_append_only();

create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only();

-- The chain's head: one row, locked by every append so appends are serial on both backends.
create table audit_head (
    id bigint primary key check (id = 1),
    seq bigint not null,
    hash text not null,
    created_at timestamptz not null default now()
);

insert into audit_head (id, seq, hash) values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
