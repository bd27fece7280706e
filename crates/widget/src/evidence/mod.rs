//! Evidence on the shopper's device: each file is judged by the core crate (real type
//! from the bytes, the shop's limits), stripped of location and camera metadata, hashed,
//! and uploaded in the background while the shopper goes on.

mod prepare;
mod upload;

pub use prepare::{Cleaned, FileProblem, Prepared, accept_attribute, clean};
pub use upload::{UploadEvent, UploadFailure, UploadHandle, Uploaded, start, upload_url};
