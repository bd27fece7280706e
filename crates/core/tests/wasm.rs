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

// The rules below are the ones the widget runs in the shopper's browser. Each test checks a
// result a shopper would see, computed by the wasm32 build of the crate.

use chrono::{NaiveDate, TimeZone, Utc};
use redress_core::calendar::WorkingCalendar;
use redress_core::draft::{ComplaintDraft, validate};
use redress_core::error::ErrorCode;
use redress_core::evidence::{MetadataKind, check_declared_type, sniff, strip_metadata};
use redress_core::json::FromJson;
use redress_core::lifecycle::{Actor, DeadlineRules, DueStepKind, Timeline};
use redress_core::policy::ComplaintPolicy;
use redress_core::time_zone::ShopTimeZone;
use redress_core::trustmark::{
    Member, MemberRegistry, SignedEnvelope, TrustedKey, TrustedKeys, key_id, registry_payload,
};
use redress_core::withdrawal::withdrawal_window;

fn day(text: &str) -> NaiveDate {
    text.parse().expect("a test date")
}

#[wasm_bindgen_test]
fn dutch_working_days_skip_kings_day_and_easter_monday() {
    let nl = WorkingCalendar::for_country(Country::NL).expect("NL has a calendar");
    assert!(!nl.is_working_day(day("2026-04-27")), "King's Day 2026");
    assert!(!nl.is_working_day(day("2026-04-06")), "Easter Monday 2026");
    // Received on Friday 24 April 2026: Monday 27 is King's Day, so 3 working days is Thursday.
    assert_eq!(nl.add_working_days(day("2026-04-24"), 3), day("2026-04-30"));
    assert_eq!(
        nl.working_days_between(day("2026-04-24"), day("2026-04-30")),
        3
    );
}

#[wasm_bindgen_test]
fn the_shop_day_follows_summer_time_in_amsterdam() {
    let amsterdam = ShopTimeZone::parse("Europe/Amsterdam").expect("a known zone");
    // 22:30 UTC on 21 November is already 22 November in Amsterdam (UTC+1).
    let late = Utc.with_ymd_and_hms(2026, 11, 21, 23, 30, 0).unwrap();
    assert_eq!(amsterdam.local_date(late), day("2026-11-22"));
    let summer = Utc.with_ymd_and_hms(2026, 7, 1, 12, 0, 0).unwrap();
    assert_eq!(amsterdam.offset_seconds_at(summer), 2 * 3600);
    assert!(ShopTimeZone::parse("Mars/Olympus_Mons").is_err());
}

#[wasm_bindgen_test]
fn a_draft_reports_every_field_error_at_once() {
    let now = Utc.with_ymd_and_hms(2026, 11, 21, 12, 0, 0).unwrap();
    let draft = ComplaintDraft {
        email: "anna@".into(),
        reason: "defective_or_damaged".into(),
        description: "Too short".into(),
        resolution: "repair".into(),
        ..ComplaintDraft::default()
    };
    let errors = validate(&draft, &ComplaintPolicy::default(), now).unwrap_err();
    let codes: Vec<ErrorCode> = errors.iter().map(|e| e.code()).collect();
    assert!(codes.contains(&ErrorCode::OrderNumberMissing), "{codes:?}");
    assert!(codes.contains(&ErrorCode::EmailFormat), "{codes:?}");
    assert!(codes.contains(&ErrorCode::DescriptionTooShort), "{codes:?}");
}

#[wasm_bindgen_test]
fn a_renamed_file_is_caught_and_photo_metadata_is_stripped() {
    // A PDF renamed to .jpg is refused by its bytes.
    assert!(check_declared_type(MediaType::Jpeg, b"%PDF-1.7\n").is_err());
    assert_eq!(sniff(b"%PDF-1.7\n"), Some(MediaType::Pdf));

    let mut encoded = Vec::new();
    jpeg_encoder::Encoder::new(&mut encoded, 90)
        .encode(&[200u8; 8 * 8 * 3], 8, 8, jpeg_encoder::ColorType::Rgb)
        .expect("encode a tiny photo");
    let xmp = b"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>secret place</x:xmpmeta>";
    let mut photo = encoded[..2].to_vec();
    photo.extend_from_slice(&[0xFF, 0xE1]);
    photo.extend_from_slice(&((xmp.len() + 2) as u16).to_be_bytes());
    photo.extend_from_slice(xmp);
    photo.extend_from_slice(&encoded[2..]);

    assert_eq!(sniff(&photo), Some(MediaType::Jpeg));
    let stripped = strip_metadata(MediaType::Jpeg, &photo).expect("a valid JPEG strips");
    assert!(stripped.removed().contains(&MetadataKind::Xmp));
    let bytes = stripped.bytes();
    assert!(!bytes.windows(12).any(|w| w == b"secret place"));
    let mut decoder = jpeg_decoder::Decoder::new(bytes);
    decoder.decode().expect("the stripped photo still decodes");
    let info = decoder.info().expect("decoded info");
    assert_eq!((info.width, info.height), (8, 8));
}

#[wasm_bindgen_test]
fn deadlines_of_a_new_complaint_are_derived_from_its_receipt() {
    let policy = ComplaintPolicy::default();
    let rules = DeadlineRules::from_policy(&policy).expect("the default shop has a calendar");
    let received = Utc.with_ymd_and_hms(2026, 11, 20, 10, 0, 0).unwrap(); // a Friday
    let timeline = Timeline::received(received, Actor::Shopper).expect("a fresh timeline");
    let steps = timeline.due_steps(&rules, received);
    let acknowledgement = steps
        .iter()
        .find(|s| s.kind() == DueStepKind::Acknowledgement)
        .expect("an acknowledgement is due");
    assert_eq!(acknowledgement.due_on(), day("2026-11-25"));
}

#[wasm_bindgen_test]
fn the_withdrawal_window_closes_fourteen_days_after_delivery() {
    let policy = ComplaintPolicy::default();
    let now = Utc.with_ymd_and_hms(2026, 11, 21, 12, 0, 0).unwrap();
    let open = withdrawal_window(Some(day("2026-11-14")), &policy, now);
    assert!(open.is_open());
    assert_eq!(open.last_day(), Some(day("2026-11-28")));
    assert!(!withdrawal_window(Some(day("2026-10-01")), &policy, now).is_open());
}

#[wasm_bindgen_test]
fn a_signed_member_registry_verifies_and_a_tampered_one_does_not() {
    use ed25519_dalek::{Signer, SigningKey};
    let hex = |bytes: &[u8]| bytes.iter().map(|b| format!("{b:02x}")).collect::<String>();
    let signer = SigningKey::from_bytes(&[7; 32]);
    let public = signer.verifying_key().to_bytes();
    let trustmark = redress_core::escalation::BodyName::parse("Becom").unwrap();
    let member = Member::from_json_text(
        r#"{"categories":["general"],"domains":["shop.example"],"member_id":"BE-1",
            "shop_name":"Kade Supply","valid_from":"2026-01-01","valid_until":"2027-01-01"}"#,
    )
    .expect("a member");
    let issued = Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0).unwrap();
    let payload = registry_payload(&trustmark, 3, issued, &[member]).expect("a payload");
    let seal = |signed: &str| SignedEnvelope {
        version: 1,
        algorithm: "Ed25519".into(),
        key_id: key_id(&public),
        signed: signed.into(),
        signature: hex(&signer.sign(payload.as_bytes()).to_bytes()),
    };
    let keys = TrustedKeys::new(
        trustmark.clone(),
        vec![TrustedKey::parse(&hex(&public)).unwrap()],
    );
    let registry = MemberRegistry::verify(&seal(&payload), &keys, day("2026-11-21"))
        .expect("the genuine registry verifies");
    assert!(registry.find_member_by_domain("www.shop.example").is_some());
    assert!(registry.find_member_by_domain("evilshop.example").is_none());

    let tampered = payload.replace("Kade Supply", "Kade Supplx");
    let err = MemberRegistry::verify(&seal(&tampered), &keys, day("2026-11-21")).unwrap_err();
    assert_eq!(err.code(), "trustmark.bad_signature");
}
