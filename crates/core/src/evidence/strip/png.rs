//! PNG: a signature and a sequence of chunks (length, type, data, CRC). Metadata lives
//! in ancillary chunks, which a decoder may skip by definition; the others are copied.

use super::{MetadataKind, StripError, Stripped, exif};
use crate::evidence::MediaType;

const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

fn damaged(offset: usize, reason: &'static str) -> StripError {
    StripError::Damaged {
        media_type: MediaType::Png,
        offset,
        reason,
    }
}

pub(super) fn strip(bytes: &[u8]) -> Result<Stripped, StripError> {
    if !bytes.starts_with(SIGNATURE) {
        return Err(damaged(0, "it does not start with the PNG signature"));
    }
    let mut report = Stripped::unchanged(&[]);
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(SIGNATURE);
    let mut at = SIGNATURE.len();
    loop {
        let header = bytes
            .get(at..at + 8)
            .ok_or_else(|| damaged(at, "the file ends before the image end chunk"))?;
        let length = u32::from_be_bytes([header[0], header[1], header[2], header[3]]);
        if length > 0x7FFF_FFFF {
            return Err(damaged(at, "a chunk length is larger than PNG allows"));
        }
        let kind = [header[4], header[5], header[6], header[7]];
        let data_start = at + 8;
        let chunk_end = usize::try_from(length)
            .ok()
            .and_then(|length| data_start.checked_add(length)?.checked_add(4))
            .filter(|&end| end <= bytes.len())
            .ok_or_else(|| damaged(at, "a chunk runs past the end of the file"))?;
        let data = &bytes[data_start..chunk_end - 4];
        let chunk = &bytes[at..chunk_end];
        at = chunk_end;
        match &kind {
            b"tEXt" | b"zTXt" | b"iTXt" => {
                report.learn_from_xmp(data);
                report.note(MetadataKind::Text);
            }
            b"eXIf" => {
                report.learn_from_exif(data);
                report.note(MetadataKind::Exif);
                // Written back in place: eXIf must precede the image data.
                if let Some(orientation) = report.orientation.filter(|&o| o != 1) {
                    write_chunk(&mut out, b"eXIf", &exif::orientation_only(orientation));
                }
            }
            b"tIME" => report.note(MetadataKind::ModificationTime),
            b"IEND" => {
                out.extend_from_slice(chunk);
                if at < bytes.len() {
                    report.note(MetadataKind::TrailingData);
                }
                break;
            }
            _ => out.extend_from_slice(chunk),
        }
    }
    report.bytes = out;
    Ok(report)
}

fn write_chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    let length = u32::try_from(data.len()).unwrap_or(u32::MAX);
    out.extend_from_slice(&length.to_be_bytes());
    let crc_from = out.len();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = crc32(&out[crc_from..]);
    out.extend_from_slice(&crc.to_be_bytes());
}

/// The CRC-32 PNG uses (ISO 3309, reflected, polynomial 0xEDB88320), bit by bit: it
/// only ever runs over the few bytes of a rewritten `eXIf` chunk.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_matches_the_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        // The CRC of every PNG's last chunk.
        assert_eq!(crc32(b"IEND"), 0xAE42_6082);
    }
}
