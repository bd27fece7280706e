//! redress-server: the reference endpoint the Redress widget posts to.
//!
//! A thin HTTP shell (axum) over the core crate's rules and a SQL store (sqlx; SQLite by
//! default, PostgreSQL when `DATABASE_URL` says so). Entry points: [`startup::serve`] runs
//! the server, [`app::router`] builds the routes, [`store`] holds every SQL statement.

pub mod app;
pub mod client_ip;
pub mod config;
pub mod demo;
pub mod error;
pub mod filing;
pub mod idempotency;
pub mod import;
pub mod mail;
pub mod notify;
pub mod openapi;
pub mod rate_limit;
pub mod receipt;
pub mod routes;
pub mod shop_auth;
pub mod startup;
pub mod state;
pub mod store;
pub mod token;
pub mod tracking;
pub mod trustmark;
pub mod withdrawal;
