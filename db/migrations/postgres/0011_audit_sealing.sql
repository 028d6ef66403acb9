-- The audit trail sealed by one worker (PostgreSQL). See db/src/audit.rs for the policy.
--
-- Entries are written into audit_pending inside the transaction of the write they describe (or on
-- their own, for reads and refusals): no lock shared by all writers. The sealing worker (one at a
-- time across every node, by an advisory lock) moves them, in the order they became visible, into
-- audit_log, where each is chained to the one before with an HMAC keyed from configuration.
-- Entries sealed before this migration keep their plain SHA-256 links: audit_head.keyed_from is
-- the first sequence number with a keyed link.

create table audit_pending (
    id bigint generated always as identity primary key,
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
    created_at timestamptz not null default now()
);

alter table audit_head add column keyed_from bigint not null default 1;
update audit_head set keyed_from = seq + 1 where id = 1;

-- Signed checkpoints: the head's sequence number and hash, written once a day by the sealer and
-- signed with the same key, so a chain rebuilt after an edit of the database does not verify.
create table audit_checkpoints (
    day text primary key,
    seq bigint not null,
    hash text not null,
    signature text not null,
    created_at timestamptz not null default now()
);

create trigger audit_checkpoints_no_update before update or delete on audit_checkpoints
    for each row execute function audit_log_append_only();

create trigger audit_checkpoints_no_truncate before truncate on audit_checkpoints
    for each statement execute function audit_log_append_only();
