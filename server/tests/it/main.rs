//! The HTTP stories: the real server on port 0 with a fresh database per test, driven like a
//! browser (with and without JavaScript), on SQLite and PostgreSQL. One test binary for the
//! crate, so the server and its dependencies are linked once (one module per feature).

mod support;

mod access;
mod api;
mod auth;
mod authorization;
mod bundles;
mod business;
mod catalogue;
mod cluster;
mod compare;
mod contact;
mod content;
mod eservices;
mod infosec;
mod mail;
mod records;
mod scanning;
mod security;
mod stats;
mod webhooks;
