//! Fixtures are built here, never downloaded: a real encoder makes the picture, this
//! code makes the metadata a phone would add, and a real decoder checks the result.

use chrono::NaiveDate;

use redress_photo_fixture::{self as fixture, ascii};

use super::*;

const LATITUDE: [(u32, u32); 3] = [(52, 1), (22, 1), (1234, 100)];
const CAMERA: &str = "TestCam";
const SERIAL: &str = "SN-4711-SECRET";
const TAKEN: &str = "2026:11:20 14:03:07";
const ICC: &[u8] = b"not a real profile, but the decoder hands it back";

/// EXIF as a phone writes it: camera and orientation, capture time and serial number,
/// and a GPS position.
fn phone_exif(orientation: u16) -> Vec<u8> {
    fixture::exif(
        vec![ascii(0x010F, CAMERA), fixture::short(0x0112, orientation)],
        vec![ascii(0x9003, TAKEN), ascii(0xA431, SERIAL)],
        vec![ascii(0x0001, "N"), fixture::rationals(0x0002, &LATITUDE)],
    )
}

fn xmp_packet() -> Vec<u8> {
    fixture::xmp(r#"exif:GPSLatitude="52,22.2N" exif:GPSLongitude="4,53.4E" tiff:Model="TestCam""#)
}

fn pixels(width: u16, height: u16) -> Vec<u8> {
    (0..height)
        .flat_map(|y| {
            (0..width).flat_map(move |x| [(x * 9) as u8, (y * 13) as u8, ((x + y) * 5) as u8])
        })
        .collect()
}

/// A phone-like JPEG: JFIF, EXIF with GPS, XMP, ICC, IPTC, a comment, and a preview
/// image appended after the end marker.
fn phone_jpeg(orientation: u16, progressive: bool) -> Vec<u8> {
    let (width, height) = (40, 24);
    let mut encoded = Vec::new();
    let mut encoder = jpeg_encoder::Encoder::new(&mut encoded, 90);
    encoder.set_progressive(progressive);
    encoder.set_restart_interval(2);
    encoder.add_exif_metadata(&phone_exif(orientation)).unwrap();
    encoder.add_app_segment(1, xmp_packet()).unwrap();
    encoder.add_icc_profile(ICC).unwrap();
    let mut iptc = b"Photoshop 3.0\08BIM\x04\x04".to_vec();
    iptc.extend_from_slice(b"\0\0\0\0\0\x0cJane Doe NL");
    encoder.add_app_segment(13, iptc).unwrap();
    encoder
        .encode(
            &pixels(width, height),
            width,
            height,
            jpeg_encoder::ColorType::Rgb,
        )
        .unwrap();
    // Splice a comment in after SOI, as editors do, and a trailer after EOI.
    let comment = b"\xFF\xFE\x00\x12secret comment!!";
    let mut jpeg = encoded[..2].to_vec();
    jpeg.extend_from_slice(comment);
    jpeg.extend_from_slice(&encoded[2..]);
    jpeg.extend_from_slice(b"\xFF\xD8 appended preview with TestCam in it");
    jpeg
}

fn decode_jpeg(bytes: &[u8]) -> (Vec<u8>, u16, u16) {
    let mut decoder = jpeg_decoder::Decoder::new(bytes);
    let pixels = decoder.decode().unwrap();
    let info = decoder.info().unwrap();
    (pixels, info.width, info.height)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn assert_no_private_bytes(bytes: &[u8]) {
    let latitude = fixture::rational_bytes(&LATITUDE);
    for secret in [
        CAMERA.as_bytes(),
        SERIAL.as_bytes(),
        TAKEN.as_bytes(),
        &latitude[..],
        b"GPSLatitude",
        b"Jane Doe",
        b"secret comment",
        b"Photoshop",
        b"http://ns.adobe.com",
        b"II*\0",
    ] {
        assert!(
            !contains(bytes, secret),
            "{:?} left in the file",
            String::from_utf8_lossy(secret)
        );
    }
}

fn taken() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 20)
        .unwrap()
        .and_hms_opt(14, 3, 7)
        .unwrap()
}

fn phone_png(orientation: u16) -> (Vec<u8>, Vec<u8>) {
    let (width, height) = (12u32, 7u32);
    let rgb = pixels(width as u16, height as u16);
    let mut out = Vec::new();
    {
        let mut encoder = ::png::Encoder::new(&mut out, width, height);
        encoder.set_color(::png::ColorType::Rgb);
        encoder.set_depth(::png::BitDepth::Eight);
        encoder
            .add_text_chunk("Author".into(), "Jane Doe".into())
            .unwrap();
        encoder
            .add_ztxt_chunk("Comment".into(), "secret comment".into())
            .unwrap();
        let xmp = String::from_utf8(xmp_packet()[fixture::XMP_NAMESPACE.len()..].to_vec()).unwrap();
        encoder
            .add_itxt_chunk("XML:com.adobe.xmp".into(), xmp)
            .unwrap();
        let mut writer = encoder.write_header().unwrap();
        writer
            .write_chunk(::png::chunk::ChunkType(*b"eXIf"), &phone_exif(orientation))
            .unwrap();
        writer
            .write_chunk(
                ::png::chunk::ChunkType(*b"tIME"),
                &[7, 234, 11, 20, 14, 3, 7],
            )
            .unwrap();
        writer.write_image_data(&rgb).unwrap();
        writer.finish().unwrap();
    }
    (out, rgb)
}

fn decode_png(bytes: &[u8]) -> (Vec<u8>, Option<Vec<u8>>) {
    let mut reader = ::png::Decoder::new(std::io::Cursor::new(bytes))
        .read_info()
        .unwrap();
    let mut buffer = vec![0; reader.output_buffer_size().unwrap()];
    let frame = reader.next_frame(&mut buffer).unwrap();
    buffer.truncate(frame.buffer_size());
    let exif = reader.info().exif_metadata.as_ref().map(|e| e.to_vec());
    (buffer, exif)
}

fn riff_chunk(fourcc: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut chunk = fourcc.to_vec();
    chunk.extend_from_slice(&(data.len() as u32).to_le_bytes());
    chunk.extend_from_slice(data);
    if data.len() % 2 == 1 {
        chunk.push(0);
    }
    chunk
}

fn riff(chunks: &[Vec<u8>]) -> Vec<u8> {
    let body: Vec<u8> = chunks.concat();
    let mut file = b"RIFF".to_vec();
    file.extend_from_slice(&(body.len() as u32 + 4).to_le_bytes());
    file.extend_from_slice(b"WEBP");
    file.extend_from_slice(&body);
    file
}

mod jpeg;
mod never_panic;
mod png_webp;
