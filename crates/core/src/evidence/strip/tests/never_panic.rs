use proptest::prelude::*;

use super::*;

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
