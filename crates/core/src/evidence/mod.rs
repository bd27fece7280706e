//! Evidence files: what they are (sniffed from their bytes, never from their name) and
//! how their privacy metadata is removed before they leave the shopper's device.
//!
//! The widget runs [`check_declared_type`] and [`strip_metadata`] on the shopper's
//! device, so GPS coordinates and camera serial numbers never reach the shop; the
//! server runs them again on arrival, because a request can come from anywhere.

mod digest;
mod media_type;
mod sniff;
mod strip;

pub use digest::sha256_hex;
pub use media_type::MediaType;
pub use sniff::{TypeMismatch, check_declared_type, sniff};
pub use strip::{MetadataKind, StripError, Stripped, strip_metadata};
