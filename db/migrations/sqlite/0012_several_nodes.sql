-- Several nodes on one PostgreSQL (see db/src/changes.rs, db/src/files.rs, db/src/jobs.rs).
-- SQLite is the single-node default: no change notices are needed (every change is made by this
-- process). The tables exist so that the same code, and its tests, run on both backends.

create table stored_files (
    key text primary key,
    bytes blob not null,
    size_bytes integer not null,
    stored_at integer not null
);

create table job_leases (
    name text primary key,
    holder text not null,
    until integer not null
);
