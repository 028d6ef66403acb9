//! Stadsporten's user interface: Leptos pages and islands with their server functions, organised
//! by feature. Pages render on the server only (islands mode); the few interactive parts are
//! `#[island]`s that hydrate. Every page and form works without JavaScript.

#![recursion_limit = "256"]

pub mod account;
pub mod admin;
#[cfg(feature = "ssr")]
pub mod api;
pub mod auth;
pub mod bundles;
pub mod business;
pub mod cases;
pub mod catalogue;
pub mod compare;
pub mod contact;
pub mod content;
pub mod context;
pub mod error;
pub mod eservices;
pub mod files;
pub mod flash;
pub mod i18n;
pub mod mail;
#[cfg(feature = "ssr")]
pub mod measure;
pub mod officer;
pub mod provider;
pub mod records;
pub mod routes;
pub mod security;
pub mod settings;
pub mod stats;
pub mod test_idp;
pub mod ui;
#[cfg(feature = "ssr")]
pub mod web;

pub use routes::{shell, App};
