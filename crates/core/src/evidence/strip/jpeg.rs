//! JPEG: a sequence of marker segments; metadata lives in APPn and COM segments, the
//! picture in the others and in the entropy-coded data after each SOS, which is copied
//! byte for byte.

use super::{MetadataKind, StripError, Stripped, exif};
use crate::evidence::MediaType;

const EXIF_HEADER: &[u8] = b"Exif\0\0";
const XMP_HEADER: &[u8] = b"http://ns.adobe.com/xap/1.0/\0";
const XMP_EXTENSION_HEADER: &[u8] = b"http://ns.adobe.com/xmp/extension/\0";
const ICC_HEADER: &[u8] = b"ICC_PROFILE\0";
const ADOBE_HEADER: &[u8] = b"Adobe";

const SOI: u8 = 0xD8;
const EOI: u8 = 0xD9;
const SOS: u8 = 0xDA;
const APP0: u8 = 0xE0;
const APP1: u8 = 0xE1;
const APP2: u8 = 0xE2;
const APP13: u8 = 0xED;
const APP14: u8 = 0xEE;
const APP15: u8 = 0xEF;
const COM: u8 = 0xFE;

fn damaged(offset: usize, reason: &'static str) -> StripError {
    StripError::Damaged {
        media_type: MediaType::Jpeg,
        offset,
        reason,
    }
}

/// Markers that stand alone, without a length: RST0-7 and TEM.
fn is_standalone(marker: u8) -> bool {
    matches!(marker, 0xD0..=0xD7 | 0x01)
}

pub(super) fn strip(bytes: &[u8]) -> Result<Stripped, StripError> {
    if !bytes.starts_with(&[0xFF, SOI]) {
        return Err(damaged(
            0,
            "it does not start with the JPEG start-of-image marker",
        ));
    }
    let mut report = Stripped::unchanged(&[]);
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(&[0xFF, SOI]);
    // Where the orientation segment goes: after the JFIF header, if one comes before
    // the image segments; else right after SOI.
    let mut exif_slot = out.len();
    let mut in_header = true;
    let mut at = 2;
    loop {
        // Any number of 0xFF fill bytes may precede a marker.
        if bytes.get(at) != Some(&0xFF) {
            return Err(damaged(at, "a marker was expected"));
        }
        while bytes.get(at) == Some(&0xFF) {
            at += 1;
        }
        let marker = *bytes
            .get(at)
            .ok_or_else(|| damaged(at, "the file ends inside a marker"))?;
        let marker_start = at - 1;
        at += 1;
        if marker == EOI {
            out.extend_from_slice(&[0xFF, EOI]);
            if at < bytes.len() {
                report.note(MetadataKind::TrailingData);
            }
            break;
        }
        if marker == SOI || marker == 0x00 {
            return Err(damaged(marker_start, "an unexpected marker"));
        }
        if is_standalone(marker) {
            out.extend_from_slice(&[0xFF, marker]);
            continue;
        }
        let length = bytes
            .get(at..at + 2)
            .map(|b| usize::from(u16::from_be_bytes([b[0], b[1]])))
            .ok_or_else(|| damaged(at, "the file ends inside a segment length"))?;
        if length < 2 {
            return Err(damaged(at, "a segment length is shorter than itself"));
        }
        let segment_end = at + length;
        let payload = bytes
            .get(at + 2..segment_end)
            .ok_or_else(|| damaged(at, "a segment runs past the end of the file"))?;
        let segment = &bytes[marker_start..segment_end];
        at = segment_end;

        if !matches!(marker, APP0..=APP15 | COM) {
            in_header = false;
        }
        match marker {
            APP0 => {
                out.extend_from_slice(segment);
                if in_header {
                    exif_slot = out.len();
                }
            }
            APP1 if payload.starts_with(EXIF_HEADER) => {
                report.learn_from_exif(&payload[EXIF_HEADER.len()..]);
                report.note(MetadataKind::Exif);
            }
            APP1 if payload.starts_with(XMP_HEADER)
                || payload.starts_with(XMP_EXTENSION_HEADER) =>
            {
                report.learn_from_xmp(payload);
                report.note(MetadataKind::Xmp);
            }
            APP2 if payload.starts_with(ICC_HEADER) => out.extend_from_slice(segment),
            APP13 => report.note(MetadataKind::Iptc),
            // Adobe's segment says how to convert colours (YCCK, CMYK): the picture needs it.
            APP14 if payload.starts_with(ADOBE_HEADER) => out.extend_from_slice(segment),
            APP1..=APP15 => report.note(MetadataKind::Vendor),
            COM => report.note(MetadataKind::Comment),
            SOS => {
                out.extend_from_slice(segment);
                let scan_end = entropy_coded_end(bytes, at);
                out.extend_from_slice(&bytes[at..scan_end]);
                at = scan_end;
                if at >= bytes.len() {
                    return Err(damaged(
                        at,
                        "the image data is cut off before its end marker",
                    ));
                }
            }
            _ => out.extend_from_slice(segment),
        }
    }
    if let Some(orientation) = report.orientation.filter(|&o| o != 1) {
        let tiff = exif::orientation_only(orientation);
        let length = u16::try_from(2 + EXIF_HEADER.len() + tiff.len()).unwrap_or(u16::MAX);
        let mut segment = vec![0xFF, APP1];
        segment.extend_from_slice(&length.to_be_bytes());
        segment.extend_from_slice(EXIF_HEADER);
        segment.extend_from_slice(&tiff);
        out.splice(exif_slot..exif_slot, segment);
    }
    report.bytes = out;
    Ok(report)
}

/// Where the entropy-coded data that starts at `from` ends: at the first marker other
/// than a stuffed `FF 00` or a restart marker. Returns the length of `bytes` if none.
fn entropy_coded_end(bytes: &[u8], from: usize) -> usize {
    let mut at = from;
    while at < bytes.len() {
        if bytes[at] == 0xFF {
            match bytes.get(at + 1) {
                Some(0x00) | Some(0xD0..=0xD7) => at += 2,
                // Fill bytes before a marker: the marker starts here.
                Some(_) => return at,
                None => return bytes.len(),
            }
        } else {
            at += 1;
        }
    }
    bytes.len()
}
