//! What the complaint records about an evidence file: never its bytes, only what
//! identifies and limits them.

use std::fmt;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::{ErrorCode, ErrorParams, FieldRule};
use crate::evidence::MediaType;

/// A file name safe to show and to store: no directories, no control characters, at most
/// 255 bytes (the limit of common file systems).
///
/// Browsers send a base name, but older ones and some upload tools send a whole path; only
/// the part after the last `/` or `\` is kept. Control characters are removed and white
/// space around the name trimmed. The server never uses this name on disk: it stores
/// files by digest.
///
/// ```
/// use redress_core::domain::FileName;
/// assert_eq!(FileName::parse(r"C:\Users\anna\Desktop\kapot.jpg").unwrap().as_ref(), "kapot.jpg");
/// assert!(FileName::parse("../").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct FileName(String);

/// A SHA-256 digest as 64 lowercase hexadecimal characters: how the server names a stored
/// file and how the receipt proves which file was sent.
///
/// ```
/// use redress_core::domain::Sha256Digest;
/// let digest = Sha256Digest::of(b"abc");
/// assert_eq!(digest.as_ref(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
/// assert_eq!(Sha256Digest::parse(digest.as_ref()), Ok(digest));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Sha256Digest(String);

/// Metadata of one evidence file as the shopper's device declares it.
///
/// ```
/// use redress_core::domain::{EvidenceFile, FileName, Sha256Digest};
/// use redress_core::evidence::MediaType;
/// let file = EvidenceFile::new(
///     FileName::parse("photo.jpg").unwrap(),
///     MediaType::Jpeg,
///     48_213,
///     Sha256Digest::of(b"..."),
/// ).unwrap();
/// assert_eq!(file.size_bytes(), 48_213);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "EvidenceFileParts")]
pub struct EvidenceFile {
    file_name: FileName,
    media_type: MediaType,
    size_bytes: u64,
    sha256: Sha256Digest,
}

/// Why evidence metadata is not acceptable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EvidenceFileError {
    /// The name is empty (after removing directories), `.`/`..`, or too long.
    #[error("evidence: file name must be 1 to {max} bytes without directories")]
    FileName {
        /// The most bytes a name may have.
        max: usize,
    },
    /// A file of zero bytes proves nothing.
    #[error("evidence: the file is empty")]
    Empty,
    /// The digest is not 64 lowercase hexadecimal characters.
    #[error("evidence: sha256 must be 64 lowercase hexadecimal characters")]
    Digest,
}

impl FileName {
    /// The most bytes a file name has.
    pub const MAX_BYTES: usize = 255;

    /// Sanitises and checks a file name as the browser reported it.
    pub fn parse(input: &str) -> Result<FileName, EvidenceFileError> {
        let base = input.rsplit(['/', '\\']).next().unwrap_or_default();
        let cleaned: String = base.chars().filter(|c| !c.is_control()).collect();
        let name = cleaned.trim();
        if name.is_empty() || name == "." || name == ".." || name.len() > Self::MAX_BYTES {
            return Err(EvidenceFileError::FileName {
                max: Self::MAX_BYTES,
            });
        }
        Ok(FileName(name.to_owned()))
    }
}

impl Sha256Digest {
    /// Parses a digest; upper-case hex is refused so one file has one spelling.
    pub fn parse(input: &str) -> Result<Sha256Digest, EvidenceFileError> {
        let ok = input.len() == 64
            && input
                .bytes()
                .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
        if ok {
            Ok(Sha256Digest(input.to_owned()))
        } else {
            Err(EvidenceFileError::Digest)
        }
    }

    /// The digest of `bytes`.
    pub fn of(bytes: &[u8]) -> Sha256Digest {
        let hash = Sha256::digest(bytes);
        let mut hex = String::with_capacity(64);
        for byte in hash {
            hex.push(char::from(b"0123456789abcdef"[usize::from(byte >> 4)]));
            hex.push(char::from(b"0123456789abcdef"[usize::from(byte & 0xf)]));
        }
        Sha256Digest(hex)
    }
}

impl EvidenceFile {
    /// Metadata of a non-empty file. Whether the policy accepts its type and size is
    /// decided when the draft is validated, as it depends on the other files too.
    pub fn new(
        file_name: FileName,
        media_type: MediaType,
        size_bytes: u64,
        sha256: Sha256Digest,
    ) -> Result<EvidenceFile, EvidenceFileError> {
        if size_bytes == 0 {
            return Err(EvidenceFileError::Empty);
        }
        Ok(EvidenceFile {
            file_name,
            media_type,
            size_bytes,
            sha256,
        })
    }

    /// The sanitised name the shopper's device gave the file.
    pub fn file_name(&self) -> &FileName {
        &self.file_name
    }

    /// The declared media type.
    pub fn media_type(&self) -> MediaType {
        self.media_type
    }

    /// The size in bytes (after metadata stripping, if the widget stripped it).
    pub fn size_bytes(&self) -> u64 {
        self.size_bytes
    }

    /// The SHA-256 of the file's bytes.
    pub fn sha256(&self) -> &Sha256Digest {
        &self.sha256
    }
}

impl FieldRule for EvidenceFileError {
    fn code(&self) -> ErrorCode {
        match self {
            EvidenceFileError::FileName { .. } => ErrorCode::EvidenceFileName,
            EvidenceFileError::Empty => ErrorCode::EvidenceEmpty,
            EvidenceFileError::Digest => ErrorCode::EvidenceDigest,
        }
    }

    fn params(&self) -> ErrorParams {
        match *self {
            EvidenceFileError::FileName { max } => ErrorParams {
                max: Some(max as u64),
                ..ErrorParams::default()
            },
            EvidenceFileError::Empty | EvidenceFileError::Digest => ErrorParams::default(),
        }
    }
}

macro_rules! string_newtype {
    ($name:ident) => {
        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl TryFrom<String> for $name {
            type Error = EvidenceFileError;
            fn try_from(value: String) -> Result<Self, Self::Error> {
                $name::parse(&value)
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.0
            }
        }
    };
}

string_newtype!(FileName);
string_newtype!(Sha256Digest);

/// The serialized form, checked again on the way in.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EvidenceFileParts {
    file_name: FileName,
    media_type: MediaType,
    size_bytes: u64,
    sha256: Sha256Digest,
}

impl TryFrom<EvidenceFileParts> for EvidenceFile {
    type Error = EvidenceFileError;
    fn try_from(p: EvidenceFileParts) -> Result<Self, Self::Error> {
        EvidenceFile::new(p.file_name, p.media_type, p.size_bytes, p.sha256)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn names_lose_directories_and_control_characters() {
        assert_eq!(FileName::parse("/etc/passwd").unwrap().as_ref(), "passwd");
        assert_eq!(
            FileName::parse("re\u{0}ceipt\n.pdf").unwrap().as_ref(),
            "receipt.pdf"
        );
        assert_eq!(
            FileName::parse("  bon (2).pdf ").unwrap().as_ref(),
            "bon (2).pdf"
        );
        for bad in ["", "dir/", "..", r"C:\..", "\u{7}", "   "] {
            assert_eq!(
                FileName::parse(bad).unwrap_err().code(),
                ErrorCode::EvidenceFileName,
                "{bad:?}"
            );
        }
    }

    #[test]
    fn names_are_limited_to_255_bytes_not_characters() {
        assert!(FileName::parse(&format!("{}.jpg", "a".repeat(251))).is_ok());
        assert!(FileName::parse(&format!("{}.jpg", "a".repeat(252))).is_err());
        // 128 two-byte letters are 256 bytes.
        let err = FileName::parse(&"ж".repeat(128)).unwrap_err();
        assert_eq!(err, EvidenceFileError::FileName { max: 255 });
        assert!(FileName::parse(&"ж".repeat(127)).is_ok());
    }

    #[test]
    fn digests_must_be_64_lowercase_hex() {
        let good = "a".repeat(64);
        assert!(Sha256Digest::parse(&good).is_ok());
        for bad in [
            "A".repeat(64),
            "a".repeat(63),
            "a".repeat(65),
            "g".repeat(64),
        ] {
            assert_eq!(Sha256Digest::parse(&bad), Err(EvidenceFileError::Digest));
        }
    }

    #[test]
    fn empty_files_are_refused() {
        let err = EvidenceFile::new(
            FileName::parse("a.png").unwrap(),
            MediaType::Png,
            0,
            Sha256Digest::of(b""),
        )
        .unwrap_err();
        assert_eq!(err.code(), ErrorCode::EvidenceEmpty);
    }

    #[test]
    fn evidence_serde_round_trips() {
        let file = EvidenceFile::new(
            FileName::parse("a.png").unwrap(),
            MediaType::Png,
            10,
            Sha256Digest::of(b"x"),
        )
        .unwrap();
        let json = serde_json::to_string(&file).unwrap();
        assert!(json.contains(r#""media_type":"image/png""#), "{json}");
        assert_eq!(serde_json::from_str::<EvidenceFile>(&json).unwrap(), file);
    }

    proptest! {
        #[test]
        fn never_panics_and_normal_forms_round_trip(input in "\\PC{0,300}|[\\s\\S]{0,40}") {
            if let Ok(n) = FileName::parse(&input) {
                prop_assert_eq!(FileName::parse(n.as_ref()), Ok(n.clone()));
            }
            if let Ok(d) = Sha256Digest::parse(&input) {
                prop_assert_eq!(Sha256Digest::parse(d.as_ref()), Ok(d.clone()));
            }
        }
    }
}
