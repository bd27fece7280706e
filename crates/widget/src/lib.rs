//! redress-widget: the shopper widget, rendered by Leptos into the shadow root the loader
//! (`redress.js`) prepares.
//!
//! The components live in this library so wasm-bindgen tests can import them; the only
//! entry point the loader calls is [`mount`] in `entry`. Every user-visible string comes
//! from [`messages`]; every HTTP call goes through [`api`].

pub mod api;
pub mod config;
pub mod evidence;
pub mod field_check;
pub mod filing;
pub mod find_order;
pub mod input_field;
pub mod messages;
pub mod shop_policy;
pub mod start;
pub mod tracker;
pub mod trustmark;
pub mod webcrypto;
#[cfg(feature = "withdraw")]
pub mod withdrawal;

#[cfg(target_arch = "wasm32")]
mod entry;
#[cfg(target_arch = "wasm32")]
pub use entry::mount;
