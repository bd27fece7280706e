//! Removing privacy metadata from evidence photos, without touching a single pixel.
//!
//! A phone photo carries where it was taken (GPS), the camera's serial number, its
//! owner's name, editing software and history, thumbnails. None of it helps a complaint,
//! and GPS coordinates are personal data (GDPR): they are removed on the shopper's
//! device. Two things are kept because they matter: the orientation (or the photo shows
//! sideways) and the capture time, which is returned to the caller as a value (it can
//! show when the damage was photographed) rather than left in the file.
//!
//! Only metadata containers are dropped; compressed image data is copied byte for byte.

mod exif;
mod jpeg;
mod png;
mod webp;

use chrono::NaiveDateTime;
use serde::Serialize;

use super::MediaType;

/// A kind of metadata that was found and removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MetadataKind {
    /// EXIF: camera, serial numbers, GPS, times, thumbnail (JPEG APP1, PNG `eXIf`, WebP `EXIF`).
    Exif,
    /// XMP: Adobe's XML metadata, often with GPS and editing history.
    Xmp,
    /// IPTC / Photoshop resources (JPEG APP13): author, captions, keywords.
    Iptc,
    /// A free-text comment (JPEG COM).
    Comment,
    /// Text chunks (PNG `tEXt`, `zTXt`, `iTXt`): author, software, anything.
    Text,
    /// The last-modification time (PNG `tIME`).
    ModificationTime,
    /// Vendor segments (other JPEG APPn, such as MPF with appended preview images).
    Vendor,
    /// Bytes after the end of the image, where some phones append more pictures.
    TrailingData,
}

/// A photo without its privacy metadata, and what was learnt from it first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stripped {
    bytes: Vec<u8>,
    removed: Vec<MetadataKind>,
    had_gps: bool,
    captured_at: Option<NaiveDateTime>,
    orientation: Option<u16>,
}

impl Stripped {
    fn unchanged(bytes: &[u8]) -> Stripped {
        Stripped {
            bytes: bytes.to_vec(),
            removed: Vec::new(),
            had_gps: false,
            captured_at: None,
            orientation: None,
        }
    }

    /// The file to upload.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The file to upload, without copying.
    pub fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }

    /// What was removed, each kind once, in the order first met.
    pub fn removed(&self) -> &[MetadataKind] {
        &self.removed
    }

    /// Whether the original said where it was taken; the widget can tell the shopper
    /// that the location was removed.
    pub fn had_gps(&self) -> bool {
        self.had_gps
    }

    /// When the photo was taken, as the camera's clock read it (EXIF `DateTimeOriginal`,
    /// else `DateTimeDigitized`; EXIF keeps no time zone with it).
    pub fn captured_at(&self) -> Option<NaiveDateTime> {
        self.captured_at
    }

    /// The EXIF orientation (1 to 8) of the original, if it had one; a value other than
    /// 1 was written back into a stripped JPEG or PNG (WebP viewers ignore it).
    pub fn orientation(&self) -> Option<u16> {
        self.orientation
    }

    fn note(&mut self, kind: MetadataKind) {
        if !self.removed.contains(&kind) {
            self.removed.push(kind);
        }
    }

    fn learn_from_exif(&mut self, tiff: &[u8]) {
        let facts = exif::read(tiff);
        self.had_gps |= facts.has_gps;
        self.captured_at = self.captured_at.or(facts.captured_at);
        self.orientation = self.orientation.or(facts.orientation);
    }

    fn learn_from_xmp(&mut self, xmp: &[u8]) {
        self.had_gps |= contains(xmp, b"GPSLatitude") || contains(xmp, b"GPSLongitude");
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

/// Why a photo could not be stripped. The file is then not sent: a file that cannot be
/// parsed cannot be shown to be free of location data.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StripError {
    /// The file's structure is broken (cut off, a length pointing past the end, ...).
    #[error("evidence: the {} file is damaged at byte {offset}: {reason}", media_type.mime())]
    Damaged {
        media_type: MediaType,
        offset: usize,
        reason: &'static str,
    },
    /// Metadata of this type cannot be removed on the device (HEIC): the widget should
    /// convert the photo (e.g. to JPEG through a canvas) or ask for another format.
    #[error("evidence: metadata cannot be removed from {} files", .0.mime())]
    Unsupported(MediaType),
}

impl StripError {
    /// The stable code the widget translates.
    pub fn code(&self) -> &'static str {
        match self {
            StripError::Damaged { .. } => "evidence.damaged",
            StripError::Unsupported(_) => "evidence.metadata_unsupported",
        }
    }
}

/// Removes privacy metadata from a file of type `media_type` (as sniffed, see
/// [`check_declared_type`](super::check_declared_type)).
///
/// JPEG: EXIF, XMP, IPTC, comments, vendor segments and trailing data go; the JFIF
/// header, the ICC colour profile and Adobe's colour-transform segment stay, and a
/// minimal EXIF with only the orientation is written back if it was not 1. PNG: text,
/// `eXIf` (rewritten with the orientation only, where needed) and `tIME` chunks go.
/// WebP: the `EXIF` and `XMP` chunks go. GIF, PDF, plain text and e-mail are returned
/// unchanged: they carry no camera location. HEIC is refused as
/// [`StripError::Unsupported`].
///
/// ```
/// use redress_core::evidence::{MediaType, strip_metadata};
/// let text = b"The chair broke.";
/// let stripped = strip_metadata(MediaType::PlainText, text).unwrap();
/// assert_eq!(stripped.bytes(), text);
/// assert!(stripped.removed().is_empty());
/// let err = strip_metadata(MediaType::Jpeg, b"\xFF\xD8\xFF\xE1\xFF\xFF").unwrap_err();
/// assert_eq!(err.code(), "evidence.damaged");
/// ```
pub fn strip_metadata(media_type: MediaType, bytes: &[u8]) -> Result<Stripped, StripError> {
    match media_type {
        MediaType::Jpeg => jpeg::strip(bytes),
        MediaType::Png => png::strip(bytes),
        MediaType::Webp => webp::strip(bytes),
        MediaType::Heic => Err(StripError::Unsupported(MediaType::Heic)),
        MediaType::Gif | MediaType::Pdf | MediaType::PlainText | MediaType::Email => {
            Ok(Stripped::unchanged(bytes))
        }
    }
}

#[cfg(test)]
mod tests;
