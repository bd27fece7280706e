//! Any bytes a shopper may pick: sniffing, the declared-type check and metadata stripping
//! never panic, and a stripped image is still recognised as the same type.
#![no_main]

use libfuzzer_sys::fuzz_target;
use redress_core::evidence::{MediaType, check_declared_type, sniff, strip_metadata};

fuzz_target!(|bytes: &[u8]| {
    for declared in MediaType::ALL {
        let _ = check_declared_type(declared, bytes);
    }
    if let Some(media_type) = sniff(bytes)
        && let Ok(stripped) = strip_metadata(media_type, bytes)
        && matches!(media_type, MediaType::Jpeg | MediaType::Png)
    {
        assert_eq!(sniff(stripped.bytes()), Some(media_type));
    }
});
