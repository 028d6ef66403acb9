//! The storage stories, each on SQLite and on PostgreSQL. One test binary for the crate (one
//! module per area), so it is compiled and linked once.

mod api;
mod audit;
mod bundles;
mod business;
mod cases;
mod compare;
mod contact_centre;
mod content;
mod figures;
mod identity;
mod nodes;
mod security;
mod storage;
