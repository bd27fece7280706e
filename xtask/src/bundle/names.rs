//! Names and integrity of built files: content-hashed names, so a file can be cached
//! forever, and the SRI hash the loader checks it against.

use sha2::{Digest, Sha256, Sha384};

/// `<prefix>-<first 10 hex of SHA-256>.<ext>`: a new build gets a new name, so the files
/// can be served with `Cache-Control: immutable`.
pub(super) fn hashed_name(prefix: &str, ext: &str, bytes: &[u8]) -> String {
    format!("{prefix}-{}.{ext}", short_hex(&Sha256::digest(bytes)))
}

/// The first five bytes of a digest in hex: enough to tell builds apart in a file name.
pub(super) fn short_hex(digest: &[u8]) -> String {
    digest.iter().take(5).map(|b| format!("{b:02x}")).collect()
}

/// The Subresource Integrity value of a file (`sha384-<base64>`).
pub(super) fn integrity(bytes: &[u8]) -> String {
    format!("sha384-{}", base64(&Sha384::digest(bytes)))
}

pub(super) fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::DESK;

    #[test]
    fn base64_matches_the_rfc_4648_vectors() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in cases {
            assert_eq!(base64(plain.as_bytes()), encoded);
        }
    }

    #[test]
    fn integrity_is_the_browser_sri_format() {
        // `printf 'alert(1)' | openssl dgst -sha384 -binary | base64`
        assert_eq!(
            integrity(b"alert(1)"),
            "sha384-HT2E9NfWiuQ/w1PRai+hTyqW16NIoCGA/m8VQDUopfAtcz6YQjtsMmQd5uRbVDpW"
        );
    }

    #[test]
    fn a_changed_file_gets_a_new_name() {
        assert_ne!(
            hashed_name("redress", "js", b"a"),
            hashed_name("redress", "js", b"b")
        );
        assert!(hashed_name("redress", "wasm", b"a").starts_with("redress-"));
        assert!(hashed_name(DESK.prefix, "wasm", b"a").starts_with("desk-"));
    }
}
