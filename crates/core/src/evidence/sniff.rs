//! What a file really is, from its first bytes.
//!
//! A browser declares a file's type from its name, and a name is whatever the shopper
//! (or an attacker) typed. The bytes decide: an `.exe` renamed to `.jpg` is refused.

use super::MediaType;

/// How much of a file is looked at to decide whether it is text.
const TEXT_WINDOW: usize = 8 * 1024;

/// Header fields that mark the start of a saved e-mail (RFC 5322, plus the trace and
/// MIME fields mail programs write first).
const EMAIL_FIELDS: [&str; 12] = [
    "from",
    "to",
    "cc",
    "subject",
    "date",
    "received",
    "return-path",
    "mime-version",
    "message-id",
    "delivered-to",
    "reply-to",
    "sender",
];

/// The media type the bytes of a file show, or `None` for anything Redress does not
/// accept (including an empty file).
///
/// Images and PDFs are known by their signatures; text is valid UTF-8 without NUL bytes
/// in its first 8 KB; an e-mail is text that opens with RFC 5322 header lines.
///
/// ```
/// use redress_core::evidence::{MediaType, sniff};
/// assert_eq!(sniff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Some(MediaType::Png));
/// assert_eq!(sniff(b"%PDF-1.7\n"), Some(MediaType::Pdf));
/// assert_eq!(sniff("The chair broke after two days.".as_bytes()), Some(MediaType::PlainText));
/// assert_eq!(sniff(b"From: shop@example.com\r\nSubject: Your order\r\n\r\nHello"), Some(MediaType::Email));
/// assert_eq!(sniff(b"MZ\x90\0\x03\0\0\0"), None);
/// ```
pub fn sniff(bytes: &[u8]) -> Option<MediaType> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Some(MediaType::Jpeg);
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some(MediaType::Png);
    }
    if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        return Some(MediaType::Gif);
    }
    if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
        return Some(MediaType::Webp);
    }
    if is_heic(bytes) {
        return Some(MediaType::Heic);
    }
    if bytes.starts_with(b"%PDF-") {
        return Some(MediaType::Pdf);
    }
    let text = text_prefix(bytes)?;
    if is_email(text) {
        Some(MediaType::Email)
    } else {
        Some(MediaType::PlainText)
    }
}

/// An ISO base media file whose `ftyp` box names a HEIF brand, either as its major
/// brand or among the compatible ones. AVIF shares the container and the `mif1` brand,
/// so an AVIF major brand is not taken for HEIC.
fn is_heic(bytes: &[u8]) -> bool {
    const HEIF_BRANDS: [&[u8; 4]; 9] = [
        b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"heif",
    ];
    if bytes.len() < 16 || &bytes[4..8] != b"ftyp" {
        return false;
    }
    let major = &bytes[8..12];
    if major == b"avif" || major == b"avis" {
        return false;
    }
    let box_size = u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
    let box_end = usize::try_from(box_size)
        .unwrap_or(usize::MAX)
        .min(bytes.len());
    // Major brand, minor version, then compatible brands up to the end of the box.
    let compatible = bytes.get(16..box_end.max(16)).unwrap_or(&[]);
    std::iter::once(major)
        .chain(compatible.chunks_exact(4))
        .any(|brand| HEIF_BRANDS.iter().any(|heif| brand == &heif[..]))
}

/// The text of the first 8 KB, if they are UTF-8 without NUL bytes, after an optional
/// byte-order mark. A character cut by the window's end is fine, and so is one cut at
/// the end of a full 8 KB input: callers (the server) may pass only a file's first 8 KB.
fn text_prefix(bytes: &[u8]) -> Option<&str> {
    let may_be_cut = bytes.len() >= TEXT_WINDOW;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let window = &bytes[..bytes.len().min(TEXT_WINDOW)];
    if window.is_empty() || window.contains(&0) {
        return None;
    }
    match std::str::from_utf8(window) {
        Ok(text) => Some(text),
        Err(error) if error.error_len().is_none() && may_be_cut => {
            std::str::from_utf8(&window[..error.valid_up_to()]).ok()
        }
        Err(_) => None,
    }
}

/// Whether `text` opens with a header block of at least two fields, one of them a
/// field every mail program writes. A note that starts "Subject: broken chair" and then
/// goes on in prose is not an e-mail.
fn is_email(text: &str) -> bool {
    let mut fields = 0;
    let mut known = false;
    let mut lines = text
        .split('\n')
        .map(|line| line.strip_suffix('\r').unwrap_or(line));
    // An mbox export starts with an envelope line "From sender date".
    let mut first = true;
    for line in lines.by_ref() {
        if first && line.starts_with("From ") {
            first = false;
            continue;
        }
        first = false;
        if line.is_empty() {
            break;
        }
        if line.starts_with([' ', '\t']) {
            if fields == 0 {
                return false;
            }
            continue;
        }
        let Some((name, _)) = line.split_once(':') else {
            return false;
        };
        let is_field_name =
            !name.is_empty() && name.bytes().all(|b| b.is_ascii_graphic() && b != b':');
        if !is_field_name {
            return false;
        }
        fields += 1;
        known |= EMAIL_FIELDS
            .iter()
            .any(|field| name.eq_ignore_ascii_case(field));
    }
    fields >= 2 && known
}

/// A file whose bytes are not what the browser declared.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "evidence: the file is declared as {} but its content is {}",
    declared.mime(),
    sniffed.map_or("of no accepted type", MediaType::mime)
)]
pub struct TypeMismatch {
    declared: MediaType,
    sniffed: Option<MediaType>,
}

impl TypeMismatch {
    /// The type the browser (or the request) declared.
    pub fn declared(&self) -> MediaType {
        self.declared
    }

    /// The type the bytes show, `None` if no accepted type.
    pub fn sniffed(&self) -> Option<MediaType> {
        self.sniffed
    }

    /// The stable code the widget translates: `evidence.type_mismatch`.
    pub fn code(&self) -> &'static str {
        "evidence.type_mismatch"
    }
}

/// Accepts a file only if its bytes are of the type it was declared as, and returns the
/// type to store it under.
///
/// Plain text and e-mail count as one family: the e-mail test is a heuristic, and a
/// browser may call a saved message `text/plain`; the declared one of the two is kept.
///
/// ```
/// use redress_core::evidence::{MediaType, check_declared_type};
/// let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
/// assert_eq!(check_declared_type(MediaType::Png, png), Ok(MediaType::Png));
/// let err = check_declared_type(MediaType::Jpeg, png).unwrap_err();
/// assert_eq!(err.code(), "evidence.type_mismatch");
/// assert_eq!(err.sniffed(), Some(MediaType::Png));
/// assert!(err.to_string().contains("image/jpeg"));
/// ```
pub fn check_declared_type(declared: MediaType, bytes: &[u8]) -> Result<MediaType, TypeMismatch> {
    let sniffed = sniff(bytes);
    let is_text = |t: MediaType| matches!(t, MediaType::PlainText | MediaType::Email);
    match sniffed {
        Some(found) if found == declared => Ok(declared),
        Some(found) if is_text(found) && is_text(declared) => Ok(declared),
        _ => Err(TypeMismatch { declared, sniffed }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_are_known_by_their_signatures() {
        assert_eq!(
            sniff(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 16]),
            Some(MediaType::Jpeg)
        );
        assert_eq!(sniff(b"GIF89a\x01\0\x01\0"), Some(MediaType::Gif));
        assert_eq!(sniff(b"GIF87a"), Some(MediaType::Gif));
        assert_eq!(sniff(b"RIFF\x24\0\0\0WEBPVP8 "), Some(MediaType::Webp));
        // A WAV file is RIFF too.
        assert_eq!(sniff(b"RIFF\x24\0\0\0WAVEfmt "), None);
    }

    #[test]
    fn heic_is_known_by_its_brands_and_avif_is_not_taken_for_it() {
        let heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic";
        assert_eq!(sniff(heic), Some(MediaType::Heic));
        let mif1 = b"\0\0\0\x18ftypmif1\0\0\0\0mif1heic";
        assert_eq!(sniff(mif1), Some(MediaType::Heic));
        let avif = b"\0\0\0\x1cftypavif\0\0\0\0avifmif1miaf";
        assert_eq!(sniff(avif), None);
        let mp4 = b"\0\0\0\x18ftypisom\0\0\x02\0isomiso2";
        assert_eq!(sniff(mp4), None);
    }

    #[test]
    fn text_must_be_utf8_without_nul_bytes() {
        assert_eq!(
            sniff("Stoel kapot na twee dagen — graag een nieuwe.".as_bytes()),
            Some(MediaType::PlainText)
        );
        assert_eq!(
            sniff(b"\xEF\xBB\xBFwith a byte-order mark"),
            Some(MediaType::PlainText)
        );
        assert_eq!(sniff(b"text\0with a NUL"), None);
        assert_eq!(sniff(b"latin-1 \xe9t\xe9"), None);
        assert_eq!(sniff(b""), None);
        // A character cut by the 8 KB window is fine (the server passes only the first
        // 8 KB); one cut by the end of a short file is not.
        let mut long = "a".repeat(TEXT_WINDOW - 1).into_bytes();
        long.extend_from_slice("é and more".as_bytes());
        assert_eq!(sniff(&long), Some(MediaType::PlainText));
        assert_eq!(sniff(&long[..TEXT_WINDOW]), Some(MediaType::PlainText));
        assert_eq!(sniff("short é".as_bytes().split_last().unwrap().1), None);
    }

    #[test]
    fn e_mails_are_text_that_opens_with_header_fields() {
        let eml = "Return-Path: <shop@example.com>\r\nReceived: from mx.example.com\r\n\tby mail.example.net\r\nFrom: Shop <shop@example.com>\r\nSubject: Order 1234\r\n\r\nDear customer,\r\n";
        assert_eq!(sniff(eml.as_bytes()), Some(MediaType::Email));
        let mbox = "From shop@example.com Sat Nov 21 10:00:00 2026\nFrom: shop@example.com\nDate: Sat, 21 Nov 2026 10:00:00 +0100\n\nHi";
        assert_eq!(sniff(mbox.as_bytes()), Some(MediaType::Email));
        let note = "Subject: broken chair\nI bought it on Monday.";
        assert_eq!(sniff(note.as_bytes()), Some(MediaType::PlainText));
        let unknown_fields = "Colour: red\nSize: XL\n\nThat was my order.";
        assert_eq!(sniff(unknown_fields.as_bytes()), Some(MediaType::PlainText));
    }

    #[test]
    fn a_renamed_file_is_refused_naming_both_types() {
        let err = check_declared_type(MediaType::Png, b"%PDF-1.4").unwrap_err();
        assert_eq!(
            (err.declared(), err.sniffed()),
            (MediaType::Png, Some(MediaType::Pdf))
        );
        assert!(err.to_string().contains("image/png"));
        assert!(err.to_string().contains("application/pdf"));
        let exe = check_declared_type(MediaType::Jpeg, b"MZ\x90\0").unwrap_err();
        assert_eq!(exe.sniffed(), None);
        assert!(exe.to_string().contains("no accepted type"));
    }

    #[test]
    fn text_and_e_mail_may_stand_for_each_other() {
        let eml = b"From: a@example.com\nTo: b@example.com\n\nHi";
        assert_eq!(
            check_declared_type(MediaType::PlainText, eml),
            Ok(MediaType::PlainText)
        );
        assert_eq!(
            check_declared_type(MediaType::Email, b"just words"),
            Ok(MediaType::Email)
        );
        assert!(check_declared_type(MediaType::Email, b"%PDF-1.4").is_err());
    }
}
