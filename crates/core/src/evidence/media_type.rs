//! The kinds of evidence file Redress accepts, named by what the bytes really are.

use serde::{Deserialize, Serialize};

/// A type of evidence file. Serialized as its MIME type (`"image/jpeg"`), which is also
/// how a policy lists the accepted types and how a browser declares a file's type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MediaType {
    #[serde(rename = "image/jpeg")]
    Jpeg,
    #[serde(rename = "image/png")]
    Png,
    #[serde(rename = "image/webp")]
    Webp,
    #[serde(rename = "image/heic")]
    Heic,
    #[serde(rename = "image/gif")]
    Gif,
    #[serde(rename = "application/pdf")]
    Pdf,
    #[serde(rename = "text/plain")]
    PlainText,
    /// An e-mail saved from a mail program (`.eml`, RFC 5322).
    #[serde(rename = "message/rfc822")]
    Email,
}

impl MediaType {
    /// Every media type Redress knows.
    pub const ALL: [MediaType; 8] = [
        MediaType::Jpeg,
        MediaType::Png,
        MediaType::Webp,
        MediaType::Heic,
        MediaType::Gif,
        MediaType::Pdf,
        MediaType::PlainText,
        MediaType::Email,
    ];

    /// The MIME type, e.g. `"image/jpeg"`.
    pub fn mime(self) -> &'static str {
        match self {
            MediaType::Jpeg => "image/jpeg",
            MediaType::Png => "image/png",
            MediaType::Webp => "image/webp",
            MediaType::Heic => "image/heic",
            MediaType::Gif => "image/gif",
            MediaType::Pdf => "application/pdf",
            MediaType::PlainText => "text/plain",
            MediaType::Email => "message/rfc822",
        }
    }

    /// The usual file extension, without the dot; the server never uses the shopper's.
    pub fn extension(self) -> &'static str {
        match self {
            MediaType::Jpeg => "jpg",
            MediaType::Png => "png",
            MediaType::Webp => "webp",
            MediaType::Heic => "heic",
            MediaType::Gif => "gif",
            MediaType::Pdf => "pdf",
            MediaType::PlainText => "txt",
            MediaType::Email => "eml",
        }
    }

    /// The media type for a MIME type as a browser declares it. Parameters such as
    /// `; charset=utf-8` are ignored, and so is case; `image/jpg` is taken for JPEG and
    /// `image/heif` for HEIC, as browsers and phones write both.
    ///
    /// ```
    /// use redress_core::evidence::MediaType;
    /// assert_eq!(MediaType::from_mime("Text/Plain; charset=utf-8"), Some(MediaType::PlainText));
    /// assert_eq!(MediaType::from_mime("application/x-msdownload"), None);
    /// ```
    pub fn from_mime(mime: &str) -> Option<MediaType> {
        let essence = mime
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        match essence.as_str() {
            "image/jpg" | "image/pjpeg" => Some(MediaType::Jpeg),
            "image/heif" => Some(MediaType::Heic),
            other => MediaType::ALL.into_iter().find(|t| t.mime() == other),
        }
    }

    /// Whether the file is a picture a browser (or a thumbnail) can show.
    pub fn is_image(self) -> bool {
        matches!(
            self,
            MediaType::Jpeg | MediaType::Png | MediaType::Webp | MediaType::Heic | MediaType::Gif
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_round_trips_through_its_mime_string() {
        for t in MediaType::ALL {
            assert_eq!(MediaType::from_mime(t.mime()), Some(t));
            let json = serde_json::to_string(&t).unwrap();
            assert_eq!(json, format!("\"{}\"", t.mime()));
        }
    }

    #[test]
    fn browser_spellings_are_understood() {
        assert_eq!(MediaType::from_mime("image/jpg"), Some(MediaType::Jpeg));
        assert_eq!(MediaType::from_mime("IMAGE/HEIF"), Some(MediaType::Heic));
        assert_eq!(MediaType::from_mime(""), None);
    }
}
