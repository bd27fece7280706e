//! Just enough of EXIF (a TIFF structure) to learn the three facts worth keeping
//! before the block is dropped, and to write back a block with the orientation only.
//!
//! Every read is bounds-checked: a damaged EXIF block yields fewer facts, never an
//! error, since the block is removed anyway.

use chrono::{NaiveDate, NaiveDateTime};

const ORIENTATION: u16 = 0x0112;
const EXIF_IFD: u16 = 0x8769;
const GPS_IFD: u16 = 0x8825;
const DATE_TIME_ORIGINAL: u16 = 0x9003;
const DATE_TIME_DIGITIZED: u16 = 0x9004;
const SHORT: u16 = 3;
const LONG: u16 = 4;
const ASCII: u16 = 2;

/// What an EXIF block said that Redress keeps or reports.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct ExifFacts {
    pub(super) orientation: Option<u16>,
    pub(super) captured_at: Option<NaiveDateTime>,
    pub(super) has_gps: bool,
}

#[derive(Clone, Copy)]
struct Tiff<'a> {
    bytes: &'a [u8],
    big_endian: bool,
}

impl<'a> Tiff<'a> {
    fn u16_at(self, offset: usize) -> Option<u16> {
        let b = self.bytes.get(offset..offset.checked_add(2)?)?;
        let pair = [b[0], b[1]];
        Some(if self.big_endian {
            u16::from_be_bytes(pair)
        } else {
            u16::from_le_bytes(pair)
        })
    }

    fn u32_at(self, offset: usize) -> Option<u32> {
        let b = self.bytes.get(offset..offset.checked_add(4)?)?;
        let quad = [b[0], b[1], b[2], b[3]];
        Some(if self.big_endian {
            u32::from_be_bytes(quad)
        } else {
            u32::from_le_bytes(quad)
        })
    }

    /// The 12-byte entries of the IFD at `offset`.
    fn entries(self, offset: usize) -> impl Iterator<Item = Entry> + 'a {
        let count = self.u16_at(offset).unwrap_or(0);
        (0..usize::from(count)).map_while(move |i| {
            let at = offset.checked_add(2)?.checked_add(i.checked_mul(12)?)?;
            Some(Entry {
                tag: self.u16_at(at)?,
                kind: self.u16_at(at + 2)?,
                count: self.u32_at(at + 4)?,
                value_at: at + 8,
            })
        })
    }

    /// A tag's ASCII value, inline if it fits in 4 bytes, else at the offset stored there.
    fn ascii(self, entry: &Entry) -> Option<&'a str> {
        let length = usize::try_from(entry.count).ok()?;
        let start = if length <= 4 {
            entry.value_at
        } else {
            usize::try_from(self.u32_at(entry.value_at)?).ok()?
        };
        let raw = self.bytes.get(start..start.checked_add(length)?)?;
        let raw = raw.split(|&b| b == 0).next().unwrap_or(raw);
        std::str::from_utf8(raw).ok()
    }

    fn offset_value(self, entry: &Entry) -> Option<usize> {
        match entry.kind {
            LONG => usize::try_from(self.u32_at(entry.value_at)?).ok(),
            _ => None,
        }
    }
}

struct Entry {
    tag: u16,
    kind: u16,
    count: u32,
    value_at: usize,
}

/// Reads the facts from a TIFF block (what follows `Exif\0\0` in a JPEG, or a PNG
/// `eXIf` chunk's data).
pub(super) fn read(bytes: &[u8]) -> ExifFacts {
    let mut facts = ExifFacts::default();
    let big_endian = match bytes.get(0..4) {
        Some(b"MM\0*") => true,
        Some(b"II*\0") => false,
        _ => return facts,
    };
    let tiff = Tiff { bytes, big_endian };
    let Some(ifd0) = tiff.u32_at(4).and_then(|o| usize::try_from(o).ok()) else {
        return facts;
    };
    let mut exif_ifd = None;
    for entry in tiff.entries(ifd0) {
        match entry.tag {
            ORIENTATION if entry.kind == SHORT => {
                facts.orientation = tiff.u16_at(entry.value_at).filter(|o| (1..=8).contains(o));
            }
            EXIF_IFD => exif_ifd = tiff.offset_value(&entry),
            // The pointer alone says the camera recorded a position: be conservative.
            GPS_IFD => facts.has_gps = true,
            _ => {}
        }
    }
    if let Some(exif_ifd) = exif_ifd.filter(|&o| o != ifd0) {
        let mut digitized = None;
        for entry in tiff.entries(exif_ifd) {
            match entry.tag {
                DATE_TIME_ORIGINAL if entry.kind == ASCII => {
                    facts.captured_at = tiff.ascii(&entry).and_then(parse_exif_time);
                }
                DATE_TIME_DIGITIZED if entry.kind == ASCII => {
                    digitized = tiff.ascii(&entry).and_then(parse_exif_time);
                }
                _ => {}
            }
        }
        facts.captured_at = facts.captured_at.or(digitized);
    }
    facts
}

/// EXIF writes times as `2026:11:20 14:03:07`; unknown parts are blanks or zeros. Read
/// by hand: chrono's format parser would cost the widget far more than these lines.
fn parse_exif_time(text: &str) -> Option<NaiveDateTime> {
    let b = text.trim().as_bytes();
    if b.len() != 19
        || b[4] != b':'
        || b[7] != b':'
        || b[10] != b' '
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let number = |from: usize, to: usize| -> Option<u32> {
        let digits = b.get(from..to)?;
        digits.iter().try_fold(0u32, |value, &d| {
            d.is_ascii_digit().then(|| value * 10 + u32::from(d - b'0'))
        })
    };
    let year = i32::try_from(number(0, 4)?).ok()?;
    let date = NaiveDate::from_ymd_opt(year, number(5, 7)?, number(8, 10)?)?;
    date.and_hms_opt(number(11, 13)?, number(14, 16)?, number(17, 19)?)
}

/// A TIFF block holding one tag, the orientation: what is written back so the photo
/// still shows upright.
pub(super) fn orientation_only(orientation: u16) -> Vec<u8> {
    let mut tiff = Vec::with_capacity(26);
    tiff.extend_from_slice(b"MM\0*");
    tiff.extend_from_slice(&8u32.to_be_bytes()); // IFD0 right after the header
    tiff.extend_from_slice(&1u16.to_be_bytes()); // one entry
    tiff.extend_from_slice(&ORIENTATION.to_be_bytes());
    tiff.extend_from_slice(&SHORT.to_be_bytes());
    tiff.extend_from_slice(&1u32.to_be_bytes());
    tiff.extend_from_slice(&orientation.to_be_bytes());
    tiff.extend_from_slice(&[0, 0]);
    tiff.extend_from_slice(&0u32.to_be_bytes()); // no next IFD
    tiff
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_written_back_block_reads_as_the_orientation_alone() {
        for orientation in 1..=8 {
            let facts = read(&orientation_only(orientation));
            assert_eq!(facts.orientation, Some(orientation));
            assert_eq!(facts.captured_at, None);
            assert!(!facts.has_gps);
        }
    }

    #[test]
    fn damaged_blocks_yield_no_facts_rather_than_a_panic() {
        let mut block = orientation_only(6);
        block[9] = 0xFF; // entry count far beyond the block: the entries there still count
        assert_eq!(read(&block).orientation, Some(6));
        block[4..8].copy_from_slice(&[0xFF, 0xFF, 0xFF, 0xF0]); // IFD0 past the end
        assert_eq!(read(&block), ExifFacts::default());
        assert_eq!(read(b"MM\0*\xFF\xFF\xFF\xFF"), ExifFacts::default());
        assert_eq!(read(b"II"), ExifFacts::default());
    }

    #[test]
    fn exif_times_parse_and_blank_ones_do_not() {
        let time = parse_exif_time("2026:11:20 14:03:07").unwrap();
        assert_eq!(time.to_string(), "2026-11-20 14:03:07");
        assert_eq!(parse_exif_time("    :  :     :  :  "), None);
        assert_eq!(parse_exif_time("0000:00:00 00:00:00"), None);
        assert_eq!(parse_exif_time("2026:02:30 10:00:00"), None);
        assert_eq!(parse_exif_time("2026:11:20 25:00:00"), None);
        assert_eq!(parse_exif_time("2026-11-20 14:03:07"), None);
        assert_eq!(parse_exif_time("2026:11:20 14:03:0é"), None);
    }
}
