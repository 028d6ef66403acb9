-- Several nodes on one PostgreSQL (see db/src/changes.rs, db/src/files.rs, db/src/jobs.rs).

-- Caches kept coherent: a change to these tables notifies every node's listener at commit.
-- Per statement, not per row: one notice per change, whatever its size (PostgreSQL also folds
-- equal notices within one transaction into one).
create function stadsporten_notify_change() returns trigger language plpgsql as $$
begin
    perform pg_notify('stadsporten_changes', tg_argv[0]);
    return null;
end
$$;

-- People: per row, naming the person (`identity:<user id>`), so that one person's change (a
-- sign-in updates the name) drops only their cached answer on the other nodes.
create function stadsporten_notify_person() returns trigger language plpgsql as $$
declare
    r record;
begin
    if tg_op = 'DELETE' then r := old; else r := new; end if;
    if tg_table_name = 'users' then
        perform pg_notify('stadsporten_changes', 'identity:' || r.id);
    else
        perform pg_notify('stadsporten_changes', 'identity:' || r.user_id);
    end if;
    return null;
end
$$;

create trigger users_changed after insert or update or delete on users
    for each row execute function stadsporten_notify_person();
create trigger mandates_changed after insert or update or delete on mandates
    for each row execute function stadsporten_notify_person();
create trigger access_grants_changed after insert or update or delete on access_grants
    for each row execute function stadsporten_notify_person();

create trigger services_changed after insert or update or delete on services
    for each statement execute function stadsporten_notify_change('content');
create trigger service_translations_changed after insert or update or delete on service_translations
    for each statement execute function stadsporten_notify_change('content');
create trigger operating_messages_changed after insert or update or delete on operating_messages
    for each statement execute function stadsporten_notify_change('content');
create trigger operating_message_translations_changed after insert or update or delete on operating_message_translations
    for each statement execute function stadsporten_notify_change('content');
create trigger units_changed after insert or update or delete on units
    for each statement execute function stadsporten_notify_change('content');
create trigger service_definitions_changed after insert or update or delete on service_definitions
    for each statement execute function stadsporten_notify_change('content');
create trigger provider_units_changed after insert or update or delete on provider_units
    for each statement execute function stadsporten_notify_change('content');
create trigger indicators_changed after insert or update or delete on indicators
    for each statement execute function stadsporten_notify_change('content');
create trigger indicator_values_changed after insert or update or delete on indicator_values
    for each statement execute function stadsporten_notify_change('content');
create trigger business_rulesets_changed after insert or update or delete on business_rulesets
    for each statement execute function stadsporten_notify_change('content');

-- Uploaded files where every node reaches them. Stored as they came (no compression: PDFs and
-- images are compressed already), out of line.
create table stored_files (
    key text primary key,
    bytes bytea not null,
    size_bytes bigint not null,
    stored_at bigint not null
);
alter table stored_files alter column bytes set storage external;

-- Periodic jobs (draft reminders and expiry, rescans, session clean-up): one node runs a round at
-- a time, by a lease taken with a compare-and-set.
create table job_leases (
    name text primary key,
    holder text not null,
    until bigint not null
);
