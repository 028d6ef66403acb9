//! The Stadsporten server: configuration, start-up, telemetry, HTTP middleware and plain routes
//! around the Leptos application.

pub mod config;
mod middleware;
mod routes;
pub mod startup;
pub mod telemetry;
