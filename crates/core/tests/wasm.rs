//! The core crate's public API compiled to wasm32 and run in headless Chromium, so the
//! rules the widget applies in the browser are the ones the server applies.
//!
//! Run by `cargo xtask test` (wasm-bindgen-test-runner with Chromium's chromedriver).
//! Written by the pipeline engineer as a starting point; the core engineers own it.
#![cfg(target_arch = "wasm32")]

use redress_core::country::Country;
use redress_core::domain::ComplaintReason;
use redress_core::evidence::MediaType;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn country_codes_parse_in_the_browser_as_on_the_server() {
    assert_eq!(Country::parse(" nl"), Ok(Country::NL));
    assert_eq!(Country::parse("be").map(Country::code), Ok("BE"));
    assert!(Country::parse("XX").is_err());
    assert!(Country::NL.is_eu_member());
}

#[wasm_bindgen_test]
fn media_types_round_trip_through_their_mime_type() {
    for media in [MediaType::Jpeg, MediaType::Png, MediaType::Pdf] {
        assert_eq!(MediaType::from_mime(media.mime()), Some(media));
    }
    assert!(MediaType::Jpeg.is_image());
    assert!(!MediaType::Pdf.is_image());
    assert_eq!(MediaType::from_mime("application/x-msdownload"), None);
}

#[wasm_bindgen_test]
fn complaint_reasons_round_trip_through_their_wire_code() {
    for reason in ComplaintReason::ALL {
        assert_eq!(ComplaintReason::parse_code(reason.code()), Some(reason));
    }
    assert_eq!(ComplaintReason::parse_code("no_such_reason"), None);
}
