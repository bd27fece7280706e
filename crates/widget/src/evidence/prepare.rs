//! What happens to a file the moment the shopper adds it, before a byte leaves the
//! device: its real type from the bytes, the shop's limits, privacy metadata removed,
//! and its SHA-256 taken over exactly the bytes that will be sent.

use redress_core::draft::{EvidenceDraft, field};
use redress_core::evidence::{MediaType, MetadataKind, check_declared_type, sniff, strip_metadata};
use redress_core::policy::ComplaintPolicy;

/// A file ready to upload: the bytes to send and the metadata the draft declares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prepared {
    /// Name, type, size and digest of the bytes below (the stripped ones).
    pub file: EvidenceDraft,
    /// The bytes that leave the device.
    pub bytes: Vec<u8>,
    /// Location data (GPS) was found and removed.
    pub location_removed: bool,
    /// Any metadata (camera, times, comments) was found and removed.
    pub metadata_removed: bool,
}

/// Why a file is not sent, as the core crate's code plus the figures the message needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    /// `evidence.type_mismatch`, `evidence.too_large`, ... (see the message catalogue).
    pub code: &'static str,
    /// The limit that was passed, in bytes or files, where the code has one.
    pub limit: Option<u64>,
}

impl FileProblem {
    fn new(code: &'static str) -> FileProblem {
        FileProblem { code, limit: None }
    }

    fn over(code: &'static str, limit: u64) -> FileProblem {
        FileProblem {
            code,
            limit: Some(limit),
        }
    }
}

/// A file whose real type the shop takes, with its privacy metadata removed: what is
/// left before it may join the complaint is its digest and the shop's limits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned {
    name: String,
    media_type: MediaType,
    bytes: Vec<u8>,
    location_removed: bool,
    metadata_removed: bool,
}

/// Judges one file the shopper added by its bytes and strips it.
///
/// `declared_mime` is what the browser says (from the file name's extension; empty when
/// it does not know); the bytes decide.
pub fn clean(
    name: &str,
    declared_mime: &str,
    bytes: &[u8],
    policy: &ComplaintPolicy,
) -> Result<Cleaned, FileProblem> {
    if bytes.is_empty() {
        return Err(FileProblem::new("evidence.empty"));
    }
    let media_type = match MediaType::from_mime(declared_mime) {
        // A name that says .jpg on a file that is something else is refused, not
        // silently re-typed: the shopper picked the wrong file, or the file lies.
        Some(declared) => {
            check_declared_type(declared, bytes).map_err(|e| FileProblem::new(e.code()))?
        }
        None => sniff(bytes).ok_or(FileProblem::new("evidence.type_not_accepted"))?,
    };
    if !policy.evidence.accepts(media_type) {
        return Err(FileProblem::new("evidence.type_not_accepted"));
    }
    let stripped = strip_metadata(media_type, bytes).map_err(|e| FileProblem::new(e.code()))?;
    let removed = stripped.removed();
    let location_removed = stripped.had_gps();
    let camera_note = removed.contains(&MetadataKind::Exif) || location_removed;
    Ok(Cleaned {
        name: name.to_owned(),
        media_type,
        location_removed,
        metadata_removed: !removed.is_empty() || camera_note,
        bytes: stripped.into_bytes(),
    })
}

impl Cleaned {
    /// The bytes that will leave the device, for their digest.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// Joins the file to the complaint, given the SHA-256 of [`Cleaned::bytes`] in
    /// lowercase hex, if the shop's count and size limits still allow it with `attached`
    /// (the files already on the complaint or on their way). Call it without awaiting
    /// anything after reading `attached`, so two files never both take the last place.
    pub fn admit(
        self,
        sha256: String,
        policy: &ComplaintPolicy,
        attached: &[EvidenceDraft],
    ) -> Result<Prepared, FileProblem> {
        let rules = &policy.evidence;
        if attached.len() >= usize::from(rules.max_count) {
            return Err(FileProblem::over(
                "evidence.too_many",
                u64::from(rules.max_count),
            ));
        }
        let size = self.bytes.len() as u64;
        if size > rules.max_file_bytes {
            return Err(FileProblem::over(
                "evidence.too_large",
                rules.max_file_bytes,
            ));
        }
        let total = attached
            .iter()
            .fold(size, |sum, f| sum.saturating_add(f.size_bytes));
        if total > rules.max_total_bytes {
            return Err(FileProblem::over(
                "evidence.total_too_large",
                rules.max_total_bytes,
            ));
        }
        let file = EvidenceDraft {
            file_name: self.name,
            media_type: self.media_type.mime().to_owned(),
            size_bytes: size,
            sha256,
        };
        // The core crate's own check of the declared metadata (name, digest, type, size):
        // what the server will run again on the complaint.
        field::evidence_file(attached.len(), &file, policy)
            .map_err(|e| FileProblem::new(e.code().as_str()))?;
        Ok(Prepared {
            file,
            bytes: self.bytes,
            location_removed: self.location_removed,
            metadata_removed: self.metadata_removed,
        })
    }
}

/// The `accept` attribute of the file picker: the types the shop takes.
pub fn accept_attribute(policy: &ComplaintPolicy) -> String {
    let mut parts: Vec<&str> = policy.evidence.accepted.iter().map(|t| t.mime()).collect();
    // Browsers map `.eml` poorly to message/rfc822; offer the extension too.
    if policy.evidence.accepts(MediaType::Email) {
        parts.push(".eml");
    }
    parts.join(",")
}

#[cfg(test)]
mod tests {
    use super::*;
    use redress_core::evidence::sha256_hex;
    use redress_core::policy::ComplaintPolicy;

    /// A 1×1 JPEG with an EXIF segment holding a GPS IFD pointer, as phones write it.
    fn jpeg_with_gps() -> Vec<u8> {
        let mut tiff = Vec::new();
        tiff.extend_from_slice(b"MM\x00\x2a\x00\x00\x00\x08");
        // IFD0: one entry, GPSInfo (0x8825) pointing at offset 26.
        tiff.extend_from_slice(&[0x00, 0x01, 0x88, 0x25, 0x00, 0x04, 0, 0, 0, 1, 0, 0, 0, 26]);
        tiff.extend_from_slice(&[0, 0, 0, 0]);
        // GPS IFD: GPSLatitudeRef = 'N'.
        tiff.extend_from_slice(&[
            0x00, 0x01, 0x00, 0x01, 0x00, 0x02, 0, 0, 0, 2, b'N', 0, 0, 0,
        ]);
        tiff.extend_from_slice(&[0, 0, 0, 0]);
        let mut app1 = b"Exif\x00\x00".to_vec();
        app1.extend_from_slice(&tiff);
        let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE1];
        jpeg.extend_from_slice(&((app1.len() + 2) as u16).to_be_bytes());
        jpeg.extend_from_slice(&app1);
        jpeg.extend_from_slice(TINY_JPEG_BODY);
        jpeg
    }

    /// The tables, frame, scan and end of a valid 1×1 grey JPEG (after SOI).
    const TINY_JPEG_BODY: &[u8] = &[
        0xFF, 0xDB, 0x00, 0x43, 0x00, 8, 6, 6, 7, 6, 5, 8, 7, 7, 7, 9, 9, 8, 10, 12, 20, 13, 12,
        11, 11, 12, 25, 18, 19, 15, 20, 29, 26, 31, 30, 29, 26, 28, 28, 32, 36, 46, 39, 32, 34, 44,
        35, 28, 28, 40, 55, 41, 44, 48, 49, 52, 52, 52, 31, 39, 57, 61, 56, 50, 60, 46, 51, 52, 50,
        0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00, 0xFF, 0xC4,
        0x00, 0x14, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x09, 0xFF, 0xC4,
        0x00, 0x14, 0x10, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00, 0xFF, 0xDA,
        0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00, 0x2A, 0x9F, 0xFF, 0xD9,
    ];

    fn policy() -> ComplaintPolicy {
        ComplaintPolicy::default()
    }

    /// Both steps, hashed by the core as the browser's WebCrypto would.
    fn prepare(
        name: &str,
        declared_mime: &str,
        bytes: &[u8],
        policy: &ComplaintPolicy,
        attached: &[EvidenceDraft],
    ) -> Result<Prepared, FileProblem> {
        let cleaned = clean(name, declared_mime, bytes, policy)?;
        let sha256 = sha256_hex(cleaned.bytes());
        cleaned.admit(sha256, policy, attached)
    }

    #[test]
    fn a_phone_photo_loses_its_location_and_is_hashed_as_sent() {
        let original = jpeg_with_gps();
        let prepared = prepare("IMG_0042.jpg", "image/jpeg", &original, &policy(), &[]).unwrap();
        assert!(prepared.location_removed);
        assert!(prepared.metadata_removed);
        assert!(prepared.bytes.len() < original.len());
        assert!(!prepared.bytes.windows(4).any(|w| w == b"Exif"));
        assert_eq!(prepared.file.media_type, "image/jpeg");
        assert_eq!(prepared.file.size_bytes, prepared.bytes.len() as u64);
        assert_eq!(prepared.file.sha256, sha256_hex(&prepared.bytes));
    }

    #[test]
    fn a_file_named_as_a_photo_that_is_text_is_refused_as_lying() {
        let problem = prepare(
            "invoice.jpg",
            "image/jpeg",
            b"not a photo at all",
            &policy(),
            &[],
        )
        .unwrap_err();
        assert_eq!(problem.code, "evidence.type_mismatch");
    }

    #[test]
    fn an_unknown_declared_type_is_judged_by_the_bytes() {
        let prepared = prepare("scan", "", b"%PDF-1.7\n%%EOF\n", &policy(), &[]).unwrap();
        assert_eq!(prepared.file.media_type, "application/pdf");
        assert!(!prepared.metadata_removed);
        let problem = prepare(
            "tool.exe",
            "application/x-msdownload",
            b"MZ\x90\0",
            &policy(),
            &[],
        )
        .unwrap_err();
        assert_eq!(problem.code, "evidence.type_not_accepted");
    }

    #[test]
    fn limits_name_the_rule_and_the_figure() {
        let mut small = policy();
        small.evidence.max_file_bytes = 10;
        let problem =
            prepare("a.txt", "text/plain", b"more than ten bytes", &small, &[]).unwrap_err();
        assert_eq!(problem, FileProblem::over("evidence.too_large", 10));

        let one = prepare("a.txt", "text/plain", b"receipt", &policy(), &[])
            .unwrap()
            .file;
        let mut two = policy();
        two.evidence.max_count = 1;
        let problem = prepare(
            "b.txt",
            "text/plain",
            b"receipt",
            &two,
            std::slice::from_ref(&one),
        )
        .unwrap_err();
        assert_eq!(problem, FileProblem::over("evidence.too_many", 1));

        let mut total = policy();
        total.evidence.max_total_bytes = 10;
        let problem = prepare("b.txt", "text/plain", b"again", &total, &[one]).unwrap_err();
        assert_eq!(problem.code, "evidence.total_too_large");

        assert_eq!(
            prepare("empty.txt", "text/plain", b"", &policy(), &[])
                .unwrap_err()
                .code,
            "evidence.empty"
        );
    }

    #[test]
    fn a_type_the_shop_does_not_take_is_refused_and_not_offered_in_the_picker() {
        let mut photos_only = policy();
        photos_only.evidence.accepted = vec![MediaType::Jpeg, MediaType::Png];
        let problem =
            prepare("a.pdf", "application/pdf", b"%PDF-1.7\n", &photos_only, &[]).unwrap_err();
        assert_eq!(problem.code, "evidence.type_not_accepted");
        assert_eq!(accept_attribute(&photos_only), "image/jpeg,image/png");
        assert!(accept_attribute(&policy()).ends_with("message/rfc822,.eml"));
    }
}
