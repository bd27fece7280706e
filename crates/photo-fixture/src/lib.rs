//! What a phone writes into a photo, built in code for the tests and the bench that check
//! it is removed: EXIF (IFD0, an Exif IFD and a GPS IFD laid out the way cameras do) and an
//! XMP packet with a position. Built, never downloaded, so every private byte is known and
//! a test can search the stripped file for each one.
//!
//! ```
//! use redress_photo_fixture::{ascii, exif, rationals};
//! let block = exif(
//!     vec![ascii(0x010F, "TestCam")],
//!     vec![ascii(0xA431, "SN-4711")],
//!     vec![ascii(0x0001, "N"), rationals(0x0002, &[(52, 1), (22, 1), (1234, 100)])],
//! );
//! assert!(block.starts_with(b"II*\0"));
//! assert!(block.windows(7).any(|w| w == b"SN-4711"));
//! ```

/// One IFD entry: tag, TIFF type, count, and its value bytes (little-endian).
pub type Tag = (u16, u16, u32, Vec<u8>);

/// An ASCII entry, NUL-terminated as TIFF wants it.
pub fn ascii(tag: u16, text: &str) -> Tag {
    let mut value = text.as_bytes().to_vec();
    value.push(0);
    (tag, 2, value.len() as u32, value)
}

/// A SHORT entry (e.g. the orientation, 0x0112).
pub fn short(tag: u16, value: u16) -> Tag {
    (tag, 3, 1, value.to_le_bytes().to_vec())
}

/// A RATIONAL entry: `(numerator, denominator)` pairs, e.g. degrees, minutes, seconds.
pub fn rationals(tag: u16, values: &[(u32, u32)]) -> Tag {
    (tag, 5, values.len() as u32, rational_bytes(values))
}

/// The bytes of RATIONAL values as they stand in the file, to search for them.
pub fn rational_bytes(values: &[(u32, u32)]) -> Vec<u8> {
    values
        .iter()
        .flat_map(|(n, d)| n.to_le_bytes().into_iter().chain(d.to_le_bytes()))
        .collect()
}

/// A little-endian TIFF block (the body of an EXIF segment after `Exif\0\0`): IFD0 with
/// pointers to the Exif and GPS IFDs appended, then those IFDs, then every value that
/// does not fit in four bytes. Entries must be given in ascending tag order.
pub fn exif(ifd0: Vec<Tag>, exif_ifd: Vec<Tag>, gps_ifd: Vec<Tag>) -> Vec<u8> {
    const EXIF_POINTER: u16 = 0x8769;
    const GPS_POINTER: u16 = 0x8825;
    let mut ifd0 = ifd0;
    ifd0.push((EXIF_POINTER, 4, 1, Vec::new()));
    ifd0.push((GPS_POINTER, 4, 1, Vec::new()));
    let ifd_size = |ifd: &Vec<Tag>| 2 + 12 * ifd.len() + 4;
    let ifd0_at = 8;
    let exif_at = ifd0_at + ifd_size(&ifd0);
    let gps_at = exif_at + ifd_size(&exif_ifd);
    let mut data_at = gps_at + ifd_size(&gps_ifd);
    let mut tiff = b"II*\0".to_vec();
    tiff.extend_from_slice(&(ifd0_at as u32).to_le_bytes());
    let mut data = Vec::new();
    for (ifd, pointers) in [(&ifd0, true), (&exif_ifd, false), (&gps_ifd, false)] {
        tiff.extend_from_slice(&(ifd.len() as u16).to_le_bytes());
        for (tag, kind, count, value) in ifd {
            tiff.extend_from_slice(&tag.to_le_bytes());
            tiff.extend_from_slice(&kind.to_le_bytes());
            tiff.extend_from_slice(&count.to_le_bytes());
            let field: [u8; 4] = match (pointers, *tag) {
                (true, EXIF_POINTER) => (exif_at as u32).to_le_bytes(),
                (true, GPS_POINTER) => (gps_at as u32).to_le_bytes(),
                _ if value.len() <= 4 => {
                    let mut inline = [0; 4];
                    inline[..value.len()].copy_from_slice(value);
                    inline
                }
                _ => {
                    let at = data_at;
                    data.extend_from_slice(value);
                    data_at += value.len();
                    (at as u32).to_le_bytes()
                }
            };
            tiff.extend_from_slice(&field);
        }
        tiff.extend_from_slice(&0u32.to_le_bytes());
    }
    tiff.extend_from_slice(&data);
    tiff
}

/// An XMP APP1 segment body (namespace, NUL, packet) whose description carries
/// `attributes`, e.g. `exif:GPSLatitude="52,22.2N" tiff:Model="TestCam"`.
pub fn xmp(attributes: &str) -> Vec<u8> {
    let mut segment = XMP_NAMESPACE.to_vec();
    segment.extend_from_slice(
        format!(
            r#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description {attributes}/></rdf:RDF></x:xmpmeta>"#
        )
        .as_bytes(),
    );
    segment
}

/// What an XMP APP1 segment starts with, NUL included.
pub const XMP_NAMESPACE: &[u8] = b"http://ns.adobe.com/xap/1.0/\0";

#[cfg(test)]
mod tests {
    use super::*;

    fn u32_at(block: &[u8], at: usize) -> usize {
        u32::from_le_bytes(block[at..at + 4].try_into().unwrap()) as usize
    }

    #[test]
    fn the_pointers_and_long_values_land_where_the_entries_say() {
        let block = exif(
            vec![ascii(0x010F, "TestCam"), short(0x0112, 6)],
            vec![ascii(0xA431, "SN-4711-SECRET")],
            vec![ascii(0x0001, "N")],
        );
        // IFD0 at 8: 4 entries (camera, orientation, two pointers).
        assert_eq!(u32_at(&block, 4), 8);
        assert_eq!(u16::from_le_bytes([block[8], block[9]]), 4);
        let entry = |n: usize| 10 + 12 * n;
        // The camera name (8 bytes) does not fit inline: its offset points at it.
        let camera_at = u32_at(&block, entry(0) + 8);
        assert_eq!(&block[camera_at..camera_at + 8], b"TestCam\0");
        // The orientation fits inline.
        assert_eq!(&block[entry(1) + 8..entry(1) + 10], &6u16.to_le_bytes());
        // The Exif pointer leads to an IFD holding the serial number.
        let exif_at = u32_at(&block, entry(2) + 8);
        assert_eq!(u16::from_le_bytes([block[exif_at], block[exif_at + 1]]), 1);
        let serial_at = u32_at(&block, exif_at + 2 + 8);
        assert_eq!(&block[serial_at..serial_at + 15], b"SN-4711-SECRET\0");
        // The GPS pointer leads to the GPS IFD, whose "N" is inline.
        let gps_at = u32_at(&block, entry(3) + 8);
        assert_eq!(&block[gps_at + 2..gps_at + 4], &1u16.to_le_bytes());
        assert_eq!(&block[gps_at + 2 + 8..gps_at + 2 + 10], b"N\0");
    }

    #[test]
    fn an_xmp_packet_starts_with_its_namespace() {
        let packet = xmp(r#"tiff:Model="TestCam""#);
        assert!(packet.starts_with(XMP_NAMESPACE));
        assert!(
            String::from_utf8_lossy(&packet)
                .ends_with(r#"<rdf:Description tiff:Model="TestCam"/></rdf:RDF></x:xmpmeta>"#)
        );
    }
}
