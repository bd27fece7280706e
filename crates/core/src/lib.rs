//! redress-core: the complaint policy of Redress.
//!
//! This crate is pure: no I/O, no clock reads, no randomness, no async. Callers pass
//! `now` in. It compiles for native targets (the server) and for `wasm32-unknown-unknown`
//! (the shopper widget), so the browser and the server enforce the very same rules.

pub mod calendar;
pub mod country;
pub mod domain;
pub mod draft;
pub mod error;
pub mod escalation;
pub mod evidence;
pub mod json;
pub mod lifecycle;
pub mod policy;
pub mod receipt;
pub mod time_zone;
pub mod trustmark;
pub mod withdrawal;
