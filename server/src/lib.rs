//! The Stadsporten server: configuration, start-up, telemetry, HTTP middleware and plain routes
//! around the Leptos application.

pub mod admin_routes;
pub mod attachments;
pub mod auth;
pub mod bundle_forms;
pub mod case_routes;
pub mod clock;
pub mod config;
pub mod exports;
pub mod forms;
pub mod mail;
mod middleware;
pub mod notify;
pub mod officer_routes;
pub mod open_data;
pub mod pages;
pub mod provider_routes;
mod routes;
pub mod startup;
pub mod telemetry;
