use super::*;

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
