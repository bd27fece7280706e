//! WebP: a RIFF container of chunks (FourCC, little-endian size, data, pad byte). EXIF
//! and XMP are chunks of their own, announced by flags in the `VP8X` header chunk.

use super::{MetadataKind, StripError, Stripped};
use crate::evidence::MediaType;

const VP8X_EXIF_FLAG: u8 = 0x08;
const VP8X_XMP_FLAG: u8 = 0x04;

fn damaged(offset: usize, reason: &'static str) -> StripError {
    StripError::Damaged {
        media_type: MediaType::Webp,
        offset,
        reason,
    }
}

pub(super) fn strip(bytes: &[u8]) -> Result<Stripped, StripError> {
    if bytes.len() < 12 || !bytes.starts_with(b"RIFF") || &bytes[8..12] != b"WEBP" {
        return Err(damaged(0, "it does not start with a RIFF WEBP header"));
    }
    let riff_size = u32::from_le_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]);
    let riff_end = usize::try_from(riff_size)
        .ok()
        .and_then(|size| size.checked_add(8))
        .filter(|&end| end <= bytes.len())
        .ok_or_else(|| damaged(4, "the RIFF size runs past the end of the file"))?;
    let mut report = Stripped::unchanged(&[]);
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(&bytes[..12]);
    let mut at = 12;
    let mut vp8x_flags_at = None;
    while at < riff_end {
        let header = bytes
            .get(at..at + 8)
            .filter(|_| at + 8 <= riff_end)
            .ok_or_else(|| damaged(at, "the file ends inside a chunk header"))?;
        let fourcc = [header[0], header[1], header[2], header[3]];
        let size = u32::from_le_bytes([header[4], header[5], header[6], header[7]]);
        let data_end = usize::try_from(size)
            .ok()
            .and_then(|size| (at + 8).checked_add(size))
            .filter(|&end| end <= riff_end)
            .ok_or_else(|| damaged(at, "a chunk runs past the end of the file"))?;
        // Odd-sized chunks are followed by one pad byte (which a writer may have left off
        // at the very end).
        let chunk_end = (data_end + (data_end - at) % 2).min(riff_end);
        let data = &bytes[at + 8..data_end];
        match &fourcc {
            b"EXIF" => {
                let tiff = data.strip_prefix(b"Exif\0\0").unwrap_or(data);
                report.learn_from_exif(tiff);
                report.note(MetadataKind::Exif);
            }
            b"XMP " => {
                report.learn_from_xmp(data);
                report.note(MetadataKind::Xmp);
            }
            _ => {
                if &fourcc == b"VP8X" && !data.is_empty() {
                    vp8x_flags_at = Some(out.len() + 8);
                }
                out.extend_from_slice(&bytes[at..chunk_end]);
            }
        }
        at = chunk_end;
    }
    if let Some(flags) = vp8x_flags_at.and_then(|i| out.get_mut(i)) {
        *flags &= !(VP8X_EXIF_FLAG | VP8X_XMP_FLAG);
    }
    if riff_end < bytes.len() {
        report.note(MetadataKind::TrailingData);
    }
    let riff_size = u32::try_from(out.len() - 8).unwrap_or(u32::MAX);
    out[4..8].copy_from_slice(&riff_size.to_le_bytes());
    report.bytes = out;
    Ok(report)
}
