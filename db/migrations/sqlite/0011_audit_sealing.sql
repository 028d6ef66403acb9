-- The audit trail sealed by one worker (SQLite). See db/src/audit.rs for the policy.
--
-- Entries are written into audit_pending inside the transaction of the write they describe (or on
-- their own, for reads and refusals): no lock shared by all writers. The sealing worker moves them,
-- in the order they became visible, into audit_log, where each is chained to the one before with
-- an HMAC keyed from configuration. Entries sealed before this migration keep their plain SHA-256
-- links: audit_head.keyed_from is the first sequence number with a keyed link.

create table audit_pending (
    id integer primary key autoincrement,
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
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

alter table audit_head add column keyed_from integer not null default 1;
update audit_head set keyed_from = seq + 1 where id = 1;

-- Signed checkpoints: the head's sequence number and hash, written once a day by the sealer and
-- signed with the same key, so a chain rebuilt after an edit of the database does not verify.
create table audit_checkpoints (
    day text primary key,
    seq integer not null,
    hash text not null,
    signature text not null,
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

create trigger audit_checkpoints_no_update before update on audit_checkpoints
begin
    select raise(abort, 'audit checkpoints are append-only');
end;

create trigger audit_checkpoints_no_delete before delete on audit_checkpoints
begin
    select raise(abort, 'audit checkpoints are append-only');
end;
