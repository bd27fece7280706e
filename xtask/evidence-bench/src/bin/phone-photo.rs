//! Writes the photo the evidence bench prepares: 12 megapixels (4000 x 3000) encoded by a
//! real JPEG encoder at quality 90, with what a phone adds: EXIF (camera, serial number,
//! capture time, orientation, GPS position and altitude), XMP with GPS, IPTC, an ICC
//! profile and a comment.
//!
//! `phone-photo OUT.jpg`

use std::process::ExitCode;

use redress_photo_fixture::{self as fixture, ascii, rationals};

const WIDTH: u16 = 4000;
const HEIGHT: u16 = 3000;

fn main() -> ExitCode {
    let Some(out) = std::env::args().nth(1) else {
        eprintln!("usage: phone-photo OUT.jpg");
        return ExitCode::FAILURE;
    };
    match photo().and_then(|bytes| std::fs::write(&out, bytes).map_err(|e| e.to_string())) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("phone-photo: {e}");
            ExitCode::FAILURE
        }
    }
}

fn photo() -> Result<Vec<u8>, String> {
    let mut encoded = Vec::new();
    let mut encoder = jpeg_encoder::Encoder::new(&mut encoded, 90);
    encoder
        .add_exif_metadata(&exif())
        .map_err(|e| e.to_string())?;
    encoder
        .add_app_segment(1, xmp())
        .map_err(|e| e.to_string())?;
    encoder
        .add_icc_profile(&[0x42; 3144])
        .map_err(|e| e.to_string())?;
    let mut iptc = b"Photoshop 3.0\08BIM\x04\x04\0\0\0\0\0\x20".to_vec();
    iptc.extend_from_slice(b"\x1c\x02\x50\0\x0bJane Doe NL\x1c\x02\x78\0\x0bBroken mug.");
    encoder
        .add_app_segment(13, iptc)
        .map_err(|e| e.to_string())?;
    encoder
        .encode(&pixels(), WIDTH, HEIGHT, jpeg_encoder::ColorType::Rgb)
        .map_err(|e| e.to_string())?;
    // A comment spliced in after SOI, as editors do.
    let text = b"shot on TestCam by Jane Doe";
    let mut jpeg = encoded[..2].to_vec();
    jpeg.extend_from_slice(&[0xFF, 0xFE]);
    jpeg.extend_from_slice(&(text.len() as u16 + 2).to_be_bytes());
    jpeg.extend_from_slice(text);
    jpeg.extend_from_slice(&encoded[2..]);
    Ok(jpeg)
}

/// A photo-like picture: smooth light with fine texture, so it compresses like a phone
/// photo (a few MB) rather than like a flat test card or pure noise.
fn pixels() -> Vec<u8> {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut out = Vec::with_capacity(usize::from(WIDTH) * usize::from(HEIGHT) * 3);
    for y in 0..u32::from(HEIGHT) {
        for x in 0..u32::from(WIDTH) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let grain = (state % 24) as u32;
            let r = (x / 20 + y / 40 + grain) % 256;
            let g = (y / 14 + grain * 2) % 256;
            let b = ((x + y) / 30 + grain) % 256;
            out.extend_from_slice(&[r as u8, g as u8, b as u8]);
        }
    }
    out
}

/// EXIF as a phone writes it: camera, model, orientation, firmware, time and owner;
/// capture times, serial number and lens; GPS position, altitude and date.
fn exif() -> Vec<u8> {
    fixture::exif(
        vec![
            ascii(0x010F, "TestCam"),
            ascii(0x0110, "TestCam Pro 12"),
            fixture::short(0x0112, 1),
            ascii(0x0131, "TestCam firmware 4.2"),
            ascii(0x0132, "2026:11:20 14:03:07"),
            ascii(0x013B, "Jane Doe"),
        ],
        vec![
            ascii(0x9003, "2026:11:20 14:03:07"),
            ascii(0x9004, "2026:11:20 14:03:07"),
            ascii(0xA431, "SN-4711-SECRET"),
            ascii(0xA434, "TestCam 26mm f/1.8"),
        ],
        vec![
            (0x0000, 1, 4, vec![2, 3, 0, 0]),
            ascii(0x0001, "N"),
            rationals(0x0002, &[(52, 1), (22, 1), (1234, 100)]),
            ascii(0x0003, "E"),
            rationals(0x0004, &[(4, 1), (53, 1), (4321, 100)]),
            (0x0005, 1, 1, vec![0, 0, 0, 0]),
            rationals(0x0006, &[(1234, 100)]),
            ascii(0x001D, "2026:11:20"),
        ],
    )
}

fn xmp() -> Vec<u8> {
    fixture::xmp(
        r#"exif:GPSLatitude="52,22.2N" exif:GPSLongitude="4,53.4E" tiff:Model="TestCam Pro 12" dc:creator="Jane Doe""#,
    )
}
