//! Fixtures are built here, never downloaded: a real encoder makes the picture, this
//! code makes the metadata a phone would add, and a real decoder checks the result.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;

const LATITUDE: [(u32, u32); 3] = [(52, 1), (22, 1), (1234, 100)];
const CAMERA: &[u8] = b"TestCam";
const SERIAL: &[u8] = b"SN-4711-SECRET";
const TAKEN: &[u8] = b"2026:11:20 14:03:07";
const ICC: &[u8] = b"not a real profile, but the decoder hands it back";

/// One IFD entry: tag, TIFF type, count, value bytes (little-endian).
type Tag = (u16, u16, u32, Vec<u8>);

fn ascii(tag: u16, text: &[u8]) -> Tag {
    let mut value = text.to_vec();
    value.push(0);
    (tag, 2, value.len() as u32, value)
}

/// A little-endian TIFF block with IFD0, an Exif IFD and a GPS IFD, laid out the way
/// cameras do: IFDs first, then the values that do not fit in four bytes.
fn phone_exif(orientation: u16) -> Vec<u8> {
    let rationals: Vec<u8> = LATITUDE
        .iter()
        .flat_map(|(n, d)| n.to_le_bytes().into_iter().chain(d.to_le_bytes()))
        .collect();
    let ifd0 = vec![
        ascii(0x010F, CAMERA),
        (0x0112, 3, 1, orientation.to_le_bytes().to_vec()),
        (0x8769, 4, 1, Vec::new()), // Exif IFD pointer, filled in below
        (0x8825, 4, 1, Vec::new()), // GPS IFD pointer
    ];
    let exif_ifd = vec![ascii(0x9003, TAKEN), ascii(0xA431, SERIAL)];
    let gps_ifd = vec![ascii(0x0001, b"N"), (0x0002, 5, 3, rationals)];
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
            let field: [u8; 4] = match (pointers, tag) {
                (true, 0x8769) => (exif_at as u32).to_le_bytes(),
                (true, 0x8825) => (gps_at as u32).to_le_bytes(),
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

fn xmp_packet() -> Vec<u8> {
    let mut segment = b"http://ns.adobe.com/xap/1.0/\0".to_vec();
    segment.extend_from_slice(
        br#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description exif:GPSLatitude="52,22.2N" exif:GPSLongitude="4,53.4E" tiff:Model="TestCam"/></rdf:RDF></x:xmpmeta>"#,
    );
    segment
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
    let latitude: Vec<u8> = LATITUDE
        .iter()
        .flat_map(|(n, d)| n.to_le_bytes().into_iter().chain(d.to_le_bytes()))
        .collect();
    for secret in [
        CAMERA,
        SERIAL,
        TAKEN,
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

#[test]
fn a_phone_jpeg_loses_location_and_identity_but_not_a_pixel() {
    for progressive in [false, true] {
        let original = phone_jpeg(6, progressive);
        let stripped = strip_metadata(MediaType::Jpeg, &original).unwrap();
        assert_eq!(
            decode_jpeg(stripped.bytes()),
            decode_jpeg(&original),
            "progressive: {progressive}"
        );
        assert_no_private_bytes(stripped.bytes());
        assert!(stripped.had_gps());
        assert_eq!(stripped.captured_at(), Some(taken()));
        assert_eq!(stripped.orientation(), Some(6));
        for kind in [
            MetadataKind::Exif,
            MetadataKind::Xmp,
            MetadataKind::Iptc,
            MetadataKind::Comment,
            MetadataKind::TrailingData,
        ] {
            assert!(stripped.removed().contains(&kind), "{kind:?}");
        }
    }
}

#[test]
fn the_orientation_and_colour_profile_survive_in_a_stripped_jpeg() {
    let stripped = strip_metadata(MediaType::Jpeg, &phone_jpeg(6, false)).unwrap();
    let mut decoder = jpeg_decoder::Decoder::new(stripped.bytes());
    decoder.decode().unwrap();
    assert_eq!(decoder.exif_data(), Some(&exif::orientation_only(6)[..]));
    assert_eq!(
        exif::read(decoder.exif_data().unwrap()).orientation,
        Some(6)
    );
    assert_eq!(decoder.icc_profile().as_deref(), Some(ICC));
    // JFIF's APP0 still comes first (the comment before it is gone), the orientation
    // right after it.
    let bytes = stripped.bytes();
    assert_eq!(&bytes[..4], b"\xFF\xD8\xFF\xE0");
    let app0_end = 4 + usize::from(u16::from_be_bytes([bytes[4], bytes[5]]));
    assert_eq!(&bytes[app0_end..app0_end + 2], b"\xFF\xE1");
}

#[test]
fn an_upright_photo_gets_no_exif_at_all() {
    let stripped = strip_metadata(MediaType::Jpeg, &phone_jpeg(1, false)).unwrap();
    assert_eq!(stripped.orientation(), Some(1));
    assert!(!contains(stripped.bytes(), b"Exif"));
    let mut decoder = jpeg_decoder::Decoder::new(stripped.bytes());
    decoder.decode().unwrap();
    assert_eq!(decoder.exif_data(), None);
}

#[test]
fn stripping_twice_changes_nothing_more() {
    let once = strip_metadata(MediaType::Jpeg, &phone_jpeg(8, true)).unwrap();
    let twice = strip_metadata(MediaType::Jpeg, once.bytes()).unwrap();
    assert_eq!(twice.bytes(), once.bytes());
    assert_eq!(twice.removed(), [MetadataKind::Exif]);
    assert!(!twice.had_gps());
    assert_eq!(twice.captured_at(), None);
    assert_eq!(twice.orientation(), Some(8));
}

#[test]
fn a_clean_jpeg_comes_out_byte_identical() {
    let mut clean = Vec::new();
    jpeg_encoder::Encoder::new(&mut clean, 80)
        .encode(&pixels(16, 16), 16, 16, jpeg_encoder::ColorType::Rgb)
        .unwrap();
    let stripped = strip_metadata(MediaType::Jpeg, &clean).unwrap();
    assert_eq!(stripped.bytes(), clean);
    assert!(stripped.removed().is_empty());
}

#[test]
fn damaged_jpegs_are_refused_not_passed_on() {
    let original = phone_jpeg(6, false);
    // Cut inside the image data: no end marker.
    let cut = &original[..original.len() - 300];
    let err = strip_metadata(MediaType::Jpeg, cut).unwrap_err();
    assert_eq!(err.code(), "evidence.damaged");
    // A segment length that points past the end.
    let err = strip_metadata(MediaType::Jpeg, b"\xFF\xD8\xFF\xE1\x40\x00Exif\0\0").unwrap_err();
    assert!(matches!(err, StripError::Damaged { offset: 4, .. }));
    assert!(err.to_string().contains("image/jpeg"));
    assert!(strip_metadata(MediaType::Jpeg, b"\xFF\xD8").is_err());
    assert!(strip_metadata(MediaType::Jpeg, b"\x89PNG").is_err());
    assert!(strip_metadata(MediaType::Jpeg, b"\xFF\xD8\xFF\xC4\x00\x01").is_err());
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
        let xmp = String::from_utf8(xmp_packet()[29..].to_vec()).unwrap();
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

#[test]
fn a_png_loses_its_text_and_exif_but_not_a_pixel() {
    let (original, rgb) = phone_png(3);
    let mut with_trailer = original.clone();
    with_trailer.extend_from_slice(b"trailing TestCam");
    let stripped = strip_metadata(MediaType::Png, &with_trailer).unwrap();
    let (decoded, exif) = decode_png(stripped.bytes());
    assert_eq!(decoded, rgb);
    assert_eq!(decoded, decode_png(&original).0);
    // The rewritten eXIf passed the decoder's own CRC check and holds the orientation only.
    assert_eq!(exif, Some(exif::orientation_only(3)));
    assert_no_private_bytes(stripped.bytes());
    for chunk in [b"tEXt", b"zTXt", b"iTXt", b"tIME"] {
        assert!(!contains(stripped.bytes(), chunk));
    }
    assert!(stripped.had_gps());
    assert_eq!(stripped.captured_at(), Some(taken()));
    assert_eq!(
        stripped.removed(),
        [
            MetadataKind::Text,
            MetadataKind::Exif,
            MetadataKind::ModificationTime,
            MetadataKind::TrailingData
        ]
    );
}

#[test]
fn an_upright_png_gets_no_exif_chunk() {
    let (original, rgb) = phone_png(1);
    let stripped = strip_metadata(MediaType::Png, &original).unwrap();
    let (decoded, exif) = decode_png(stripped.bytes());
    assert_eq!(decoded, rgb);
    assert_eq!(exif, None);
}

#[test]
fn damaged_pngs_are_refused() {
    let (original, _) = phone_png(1);
    for cut in [9, 20, 40, original.len() - 1] {
        let err = strip_metadata(MediaType::Png, &original[..cut]).unwrap_err();
        assert_eq!(err.code(), "evidence.damaged");
    }
    let mut huge = original.clone();
    huge[8..12].copy_from_slice(&0xFFFF_FFF0u32.to_be_bytes());
    assert!(strip_metadata(MediaType::Png, &huge).is_err());
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

#[test]
fn a_webp_loses_its_exif_and_xmp_chunks_and_their_flags() {
    // The image chunk's bytes are opaque here: they must come out exactly as they went in.
    let image = riff_chunk(b"VP8L", b"\x2f\x00\x00\x00 odd-length image data");
    let vp8x = riff_chunk(b"VP8X", &[0x08 | 0x04 | 0x10, 0, 0, 0, 11, 0, 0, 6, 0, 0]);
    let mut exif = b"Exif\0\0".to_vec();
    exif.extend_from_slice(&phone_exif(6));
    let original = riff(&[
        vp8x,
        image.clone(),
        riff_chunk(b"EXIF", &exif),
        riff_chunk(b"XMP ", &xmp_packet()),
    ]);
    let stripped = strip_metadata(MediaType::Webp, &original).unwrap();
    let expected_vp8x = riff_chunk(b"VP8X", &[0x10, 0, 0, 0, 11, 0, 0, 6, 0, 0]);
    assert_eq!(stripped.bytes(), riff(&[expected_vp8x, image]));
    assert_no_private_bytes(stripped.bytes());
    assert!(stripped.had_gps());
    assert_eq!(stripped.captured_at(), Some(taken()));
    assert_eq!(stripped.removed(), [MetadataKind::Exif, MetadataKind::Xmp]);
    assert!(strip_metadata(MediaType::Webp, &original[..original.len() - 3]).is_err());
}

#[test]
fn formats_without_camera_metadata_pass_and_heic_is_refused() {
    for media_type in [
        MediaType::Gif,
        MediaType::Pdf,
        MediaType::PlainText,
        MediaType::Email,
    ] {
        let stripped = strip_metadata(media_type, b"GIF89a%PDF- text").unwrap();
        assert_eq!(stripped.bytes(), b"GIF89a%PDF- text");
    }
    let err = strip_metadata(MediaType::Heic, b"\0\0\0\x18ftypheic").unwrap_err();
    assert_eq!(err, StripError::Unsupported(MediaType::Heic));
    assert_eq!(err.code(), "evidence.metadata_unsupported");
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = crate::evidence::sniff(&bytes);
        for media_type in MediaType::ALL {
            let _ = strip_metadata(media_type, &bytes);
        }
    }

    #[test]
    fn arbitrary_bytes_behind_a_signature_never_panic(
        signature in prop::sample::select(vec![&b"\xFF\xD8"[..], b"\x89PNG\r\n\x1a\n", b"RIFF\x40\0\0\0WEBP"]),
        rest in proptest::collection::vec(any::<u8>(), 0..600),
    ) {
        let mut bytes = signature.to_vec();
        bytes.extend_from_slice(&rest);
        for media_type in [MediaType::Jpeg, MediaType::Png, MediaType::Webp] {
            let _ = strip_metadata(media_type, &bytes);
        }
    }

    #[test]
    fn damaged_photos_never_panic(cut in 0usize..4000, flip in 0usize..4000, value in any::<u8>()) {
        for (media_type, mut bytes) in [(MediaType::Jpeg, phone_jpeg(6, false)), (MediaType::Png, phone_png(6).0)] {
            let flip = flip % bytes.len();
            bytes[flip] = value;
            bytes.truncate(cut.min(bytes.len()));
            let _ = strip_metadata(media_type, &bytes);
            let _ = crate::evidence::sniff(&bytes);
        }
    }
}

#[test]
fn adobe_colour_segments_stay_so_cmyk_photos_keep_their_colours() {
    // YCCK needs Adobe's APP14 transform flag to decode; a vendor APP2 (MPF) goes.
    let (width, height) = (16u16, 8u16);
    let cmyk: Vec<u8> = (0..width * height)
        .flat_map(|i| [(i * 3) as u8, (i * 5) as u8, (i * 7) as u8, 40])
        .collect();
    let mut encoded = Vec::new();
    let mut encoder = jpeg_encoder::Encoder::new(&mut encoded, 90);
    encoder.add_exif_metadata(&phone_exif(1)).unwrap();
    encoder
        .add_app_segment(2, b"MPF\0II*\0 preview index".to_vec())
        .unwrap();
    encoder
        .encode(&cmyk, width, height, jpeg_encoder::ColorType::CmykAsYcck)
        .unwrap();
    assert!(contains(&encoded, b"Adobe"));
    let stripped = strip_metadata(MediaType::Jpeg, &encoded).unwrap();
    assert!(contains(stripped.bytes(), b"Adobe"));
    assert!(!contains(stripped.bytes(), b"MPF"));
    assert_eq!(
        stripped.removed(),
        [MetadataKind::Exif, MetadataKind::Vendor]
    );
    assert_eq!(decode_jpeg(stripped.bytes()), decode_jpeg(&encoded));
    assert_no_private_bytes(stripped.bytes());
}
