//! What the widget runs on a photo before uploading it, exported for the browser bench:
//! the real type from the bytes, the photo without its privacy metadata, its SHA-256.
#![cfg(target_arch = "wasm32")]

use redress_core::evidence::{MediaType, sha256_hex, sniff, strip_metadata};
use wasm_bindgen::prelude::*;

/// Sniffs, strips and hashes `bytes` as the widget does before an upload; returns
/// `"<media type> <sha256 of the stripped file> <stripped size> <had gps>"`, or the
/// reason it was refused.
#[wasm_bindgen]
pub fn prepare(bytes: &[u8]) -> String {
    let Some(media_type) = sniff(bytes) else {
        return "refused: unknown type".to_owned();
    };
    match strip_metadata(media_type, bytes) {
        Ok(stripped) => format!(
            "{} {} {} {}",
            media_type.mime(),
            sha256_hex(stripped.bytes()),
            stripped.bytes().len(),
            stripped.had_gps()
        ),
        Err(e) => format!("refused: {}", e.code()),
    }
}

/// Only the sniff step: the media type, or an empty string.
#[wasm_bindgen]
pub fn sniff_type(bytes: &[u8]) -> String {
    sniff(bytes)
        .map(|t: MediaType| t.mime().to_owned())
        .unwrap_or_default()
}

/// Only the strip step on a JPEG; the stripped bytes (copied back to JavaScript).
#[wasm_bindgen]
pub fn strip_jpeg(bytes: &[u8]) -> Vec<u8> {
    strip_metadata(MediaType::Jpeg, bytes)
        .map(|s| s.into_bytes())
        .unwrap_or_default()
}

/// Only the hash step: SHA-256 as lowercase hex.
#[wasm_bindgen]
pub fn sha256(bytes: &[u8]) -> String {
    sha256_hex(bytes)
}
