use chrono::{NaiveDate, TimeZone};
use proptest::prelude::*;

use super::*;
use crate::domain::{ComplaintReason, ResolutionKind};
use crate::json::FromJson;

mod escalation_facts;
mod read_back;
mod rules;

pub(super) fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 12, 0, 0).unwrap()
}

pub(super) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub(super) fn photo(size_bytes: u64) -> EvidenceDraft {
    EvidenceDraft {
        file_name: "kapot.jpg".into(),
        media_type: "image/jpeg".into(),
        size_bytes,
        sha256: "0".repeat(64),
    }
}

pub(super) fn good_draft() -> ComplaintDraft {
    ComplaintDraft {
        order_number: "web-1001".into(),
        email: "Anna@Example.NL".into(),
        phone: "06 1234 5678".into(),
        reason: "defective_or_damaged".into(),
        items: vec![" Waterkoker 1.7 l ".into()],
        order_date: "2026-11-01".into(),
        delivery_date: "2026-11-03".into(),
        incident_date: "2026-11-05".into(),
        description: "De waterkoker slaat na twee dagen niet meer aan.".into(),
        resolution: "compensation".into(),
        amount: "12,50".into(),
        evidence: vec![photo(1000)],
        ..ComplaintDraft::default()
    }
}

pub(super) fn codes(draft: &ComplaintDraft, policy: &ComplaintPolicy) -> Vec<(String, ErrorCode)> {
    match validate(draft, policy, now()) {
        Ok(_) => Vec::new(),
        Err(errors) => errors
            .iter()
            .map(|e| (e.field().to_owned(), e.code()))
            .collect(),
    }
}

pub(super) fn one(field: &str, code: ErrorCode) -> Vec<(String, ErrorCode)> {
    vec![(field.to_owned(), code)]
}
#[test]
fn a_complete_draft_becomes_a_normalised_complaint() {
    let complaint = validate(&good_draft(), &ComplaintPolicy::default(), now()).unwrap();
    assert_eq!(complaint.order_number().unwrap().as_ref(), "WEB-1001");
    assert_eq!(
        complaint.contact().email().unwrap().as_ref(),
        "Anna@example.nl"
    );
    assert_eq!(complaint.contact().phone().unwrap().as_ref(), "0612345678");
    assert_eq!(complaint.contact().preferred(), ContactChannel::Email);
    assert_eq!(complaint.reason(), ComplaintReason::DefectiveOrDamaged);
    assert_eq!(complaint.items(), ["Waterkoker 1.7 l"]);
    assert_eq!(complaint.delivery_date(), Some(date(2026, 11, 3)));
    assert_eq!(complaint.resolution().kind(), ResolutionKind::Compensation);
    assert_eq!(complaint.resolution().amount().unwrap().minor_units(), 1250);
    assert_eq!(complaint.evidence().len(), 1);
    let json = serde_json::to_string(&complaint).unwrap();
    assert_eq!(serde_json::from_str::<Complaint>(&json).unwrap(), complaint);
}

#[test]
fn every_error_is_reported_at_once_in_form_order() {
    let draft = ComplaintDraft {
        order_number: "x".into(),
        email: "anna@".into(),
        reason: "bored".into(),
        description: "short".into(),
        resolution: "".into(),
        evidence: vec![photo(0)],
        ..ComplaintDraft::default()
    };
    assert_eq!(
        codes(&draft, &ComplaintPolicy::default()),
        vec![
            ("order_number".to_owned(), ErrorCode::OrderNumberLength),
            ("contact.email".to_owned(), ErrorCode::EmailFormat),
            ("reason".to_owned(), ErrorCode::ReasonUnknown),
            ("description".to_owned(), ErrorCode::DescriptionTooShort),
            ("resolution".to_owned(), ErrorCode::ResolutionMissing),
            ("evidence[0]".to_owned(), ErrorCode::EvidenceEmpty),
        ]
    );
}

#[test]
fn an_empty_draft_names_each_required_field() {
    assert_eq!(
        codes(&ComplaintDraft::default(), &ComplaintPolicy::default()),
        vec![
            ("order_number".to_owned(), ErrorCode::OrderNumberMissing),
            ("contact".to_owned(), ErrorCode::ContactMissing),
            ("reason".to_owned(), ErrorCode::ReasonMissing),
            ("description".to_owned(), ErrorCode::DescriptionMissing),
            ("resolution".to_owned(), ErrorCode::ResolutionMissing),
        ]
    );
}
#[test]
fn the_draft_wire_format_refuses_unknown_keys() {
    let draft = ComplaintDraft::from_json_text(r#"{"reason": "other"}"#).unwrap();
    assert_eq!(draft.reason, "other");
    assert!(ComplaintDraft::from_json_text(r#"{"colour": "red"}"#).is_err());
}

#[test]
fn every_error_code_is_produced_by_some_rule() {
    // Codes each test above produces; kept in one place so a new code without a test fails here.
    let produced = [
        ErrorCode::OrderNumberMissing,
        ErrorCode::OrderNumberLength,
        ErrorCode::OrderNumberFormat,
        ErrorCode::EmailMissing,
        ErrorCode::EmailLength,
        ErrorCode::EmailFormat,
        ErrorCode::EmailDomain,
        ErrorCode::PhoneFormat,
        ErrorCode::PhoneLength,
        ErrorCode::ContactMissing,
        ErrorCode::ContactPreferredChannel,
        ErrorCode::DescriptionMissing,
        ErrorCode::DescriptionTooShort,
        ErrorCode::DescriptionTooLong,
        ErrorCode::DescriptionControlCharacter,
        ErrorCode::AmountMissing,
        ErrorCode::AmountFormat,
        ErrorCode::AmountNotPositive,
        ErrorCode::AmountTooLarge,
        ErrorCode::AmountCurrency,
        ErrorCode::EvidenceMissing,
        ErrorCode::EvidenceFileName,
        ErrorCode::EvidenceEmpty,
        ErrorCode::EvidenceDigest,
        ErrorCode::EvidenceTooLarge,
        ErrorCode::EvidenceTooMany,
        ErrorCode::EvidenceTotalTooLarge,
        ErrorCode::EvidenceTypeNotAccepted,
        ErrorCode::ReasonMissing,
        ErrorCode::ReasonUnknown,
        ErrorCode::ReasonNotOffered,
        ErrorCode::ReasonWindowClosed,
        ErrorCode::ResolutionMissing,
        ErrorCode::ResolutionUnknown,
        ErrorCode::ResolutionNotOffered,
        ErrorCode::PostCodeMissing,
        ErrorCode::PostCodeFormat,
        ErrorCode::DateMissing,
        ErrorCode::DateFormat,
        ErrorCode::DateInFuture,
        ErrorCode::DateBeforeOrder,
        ErrorCode::ItemsMissing,
        ErrorCode::ItemsTooMany,
        ErrorCode::ItemsFormat,
        ErrorCode::ShopperCountryUnknown,
        ErrorCode::CategoryUnknown,
    ];
    // The withdrawal function's own codes are checked by its tests.
    let withdrawal = crate::withdrawal::ERROR_CODES;
    for code in ErrorCode::ALL.iter().filter(|c| !withdrawal.contains(c)) {
        assert!(produced.contains(code), "no test produces {code}");
    }
}

#[test]
fn a_stored_resolution_keeps_its_invariant() {
    let ok = r#"{"kind":"compensation","amount":{"minor_units":100,"currency":"EUR"}}"#;
    assert!(serde_json::from_str::<DesiredResolution>(ok).is_ok());
    for bad in [
        r#"{"kind":"compensation","amount":null}"#,
        r#"{"kind":"refund","amount":{"minor_units":100,"currency":"EUR"}}"#,
    ] {
        assert!(
            serde_json::from_str::<DesiredResolution>(bad).is_err(),
            "{bad}"
        );
    }
}

proptest! {
    #[test]
    fn validate_never_panics_on_any_text(
        texts in proptest::collection::vec("\\PC{0,30}|[0-9-]{0,12}", 14),
        size in any::<u64>(),
        seconds in 0i64..4_000_000_000,
    ) {
        let draft = ComplaintDraft {
            order_number: texts[0].clone(),
            email: texts[1].clone(),
            phone: texts[2].clone(),
            preferred_channel: texts[3].clone(),
            post_code: texts[4].clone(),
            reason: texts[5].clone(),
            items: vec![texts[6].clone()],
            order_date: texts[7].clone(),
            delivery_date: texts[8].clone(),
            incident_date: texts[9].clone(),
            description: texts[10].clone(),
            resolution: texts[11].clone(),
            shopper_country: texts[3].clone(),
            category: texts[5].clone(),
            amount: texts[12].clone(),
            currency: texts[13].clone(),
            evidence: vec![EvidenceDraft {
                file_name: texts[0].clone(),
                media_type: texts[1].clone(),
                size_bytes: size,
                sha256: texts[2].clone(),
            }, photo(size)],
        };
        let now = Utc.timestamp_opt(seconds, 0).unwrap();
        let _ = validate(&draft, &ComplaintPolicy::default(), now);
    }
}
