//! Bridge to the core crate's type sniffer.
//!
//! TODO(core): replace the body with `redress_core::evidence::sniff(prefix)` once it lands;
//! this stop-gap only recognises magic numbers so uploads can be tested meanwhile.

use redress_core::evidence::MediaType;

/// What the leading bytes of a file say it is.
pub fn sniff(prefix: &[u8]) -> Option<MediaType> {
    if prefix.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(MediaType::Jpeg)
    } else if prefix.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(MediaType::Png)
    } else if prefix.starts_with(b"%PDF-") {
        Some(MediaType::Pdf)
    } else if prefix.starts_with(b"GIF87a") || prefix.starts_with(b"GIF89a") {
        Some(MediaType::Gif)
    } else if prefix.len() >= 12 && &prefix[..4] == b"RIFF" && &prefix[8..12] == b"WEBP" {
        Some(MediaType::Webp)
    } else if std::str::from_utf8(prefix).is_ok() && !prefix.contains(&0) {
        Some(MediaType::PlainText)
    } else {
        None
    }
}
