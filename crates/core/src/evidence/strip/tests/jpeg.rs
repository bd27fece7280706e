use super::*;

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
