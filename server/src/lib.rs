//! The Stadsporten server: configuration, start-up, telemetry, HTTP middleware and plain routes
//! around the Leptos application.

pub mod auth;
pub mod clock;
pub mod config;
pub mod exports;
pub mod mail;
mod middleware;
pub mod pages;
mod routes;
pub mod startup;
pub mod telemetry;
