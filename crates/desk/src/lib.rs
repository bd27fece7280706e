//! redress-desk: the shop desk, where a shop's staff work the complaints. A Leptos page of
//! its own (served at `/desk/`), compiled to a wasm bundle separate from the shopper
//! widget's so the widget stays small.
//!
//! The desk holds no rule: the server sends, with each complaint, the events the core
//! lifecycle allows now (`desk_events`), and the forms build those events from the core
//! crate's types. Every user-visible string comes from [`messages`]; every HTTP call goes
//! through [`api`]; what lives in the browser (token, language, open complaint) through
//! [`device`].

pub mod api;
pub mod app;
pub mod complaint;
pub mod device;
pub mod fields;
pub mod format;
pub mod forms;
pub mod inbox;
pub mod messages;
pub mod query;
pub mod signin;
pub mod trustmark_case;
pub mod wire;
pub mod withdrawals;

mod actions;

#[cfg(target_arch = "wasm32")]
mod entry;
#[cfg(target_arch = "wasm32")]
pub use entry::mount;
