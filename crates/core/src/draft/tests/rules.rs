//! One test per rule family of `validate`.

use chrono::{TimeZone, Utc};

use super::{codes, date, good_draft, now, one, photo};
use crate::domain::{ComplaintReason, ResolutionKind};
use crate::draft::{EvidenceDraft, validate};
use crate::error::ErrorCode;
use crate::policy::{ComplaintPolicy, LookupKey, MIB};

#[test]
fn contact_rules() {
    let policy = ComplaintPolicy::default();
    let mut draft = good_draft();
    draft.email.clear();
    draft.preferred_channel = "email".into();
    assert_eq!(
        codes(&draft, &policy),
        one(
            "contact.preferred_channel",
            ErrorCode::ContactPreferredChannel
        )
    );
    draft.preferred_channel = "pigeon".into();
    assert_eq!(
        codes(&draft, &policy),
        one(
            "contact.preferred_channel",
            ErrorCode::ContactPreferredChannel
        )
    );
    draft.preferred_channel = "phone".into();
    assert_eq!(codes(&draft, &policy), vec![]);
    draft.phone = "12".into();
    assert_eq!(
        codes(&draft, &policy),
        one("contact.phone", ErrorCode::PhoneLength)
    );
    draft.phone = "06-CALL-ME".into();
    assert_eq!(
        codes(&draft, &policy),
        one("contact.phone", ErrorCode::PhoneFormat)
    );

    let mut strict = policy.clone();
    strict.required.email = true;
    let mut draft = good_draft();
    draft.email.clear();
    assert_eq!(
        codes(&draft, &strict),
        one("contact.email", ErrorCode::EmailMissing)
    );
    draft.email = "anna@localhost".into();
    assert_eq!(
        codes(&draft, &strict),
        one("contact.email", ErrorCode::EmailDomain)
    );
    draft.email = format!("{}@example.nl", "a".repeat(65));
    assert_eq!(
        codes(&draft, &strict),
        one("contact.email", ErrorCode::EmailLength)
    );
}

#[test]
fn order_lookup_rules() {
    let mut policy = ComplaintPolicy::default();
    policy.order_lookup.required = true;
    let mut draft = good_draft();
    draft.email.clear();
    assert_eq!(
        codes(&draft, &policy),
        one("contact.email", ErrorCode::EmailMissing)
    );

    policy.order_lookup.key = LookupKey::PostCode;
    assert_eq!(
        codes(&draft, &policy),
        one("post_code", ErrorCode::PostCodeMissing)
    );
    draft.post_code = "ABC".into();
    assert_eq!(
        codes(&draft, &policy),
        one("post_code", ErrorCode::PostCodeFormat)
    );
    draft.post_code = "1234 ab".into();
    let complaint = validate(&draft, &policy, now()).unwrap();
    assert_eq!(complaint.post_code().unwrap().as_ref(), "1234 AB");

    policy.required.order_number = false;
    draft.order_number.clear();
    assert!(
        validate(&draft, &policy, now())
            .unwrap()
            .order_number()
            .is_none()
    );
    draft.order_number = "12#ab 3".into();
    assert_eq!(
        codes(&draft, &policy),
        one("order_number", ErrorCode::OrderNumberFormat)
    );
}

#[test]
fn reasons_and_resolutions_must_be_offered() {
    let policy = ComplaintPolicy {
        reasons: vec![ComplaintReason::NotReceived],
        resolutions: vec![ResolutionKind::Refund],
        ..ComplaintPolicy::default()
    };
    let errors = validate(&good_draft(), &policy, now()).unwrap_err();
    let reason = &errors[0];
    assert_eq!(
        (reason.field(), reason.code()),
        ("reason", ErrorCode::ReasonNotOffered)
    );
    assert_eq!(reason.params().allowed, ["not_received"]);
    let resolution = &errors[1];
    assert_eq!(resolution.code(), ErrorCode::ResolutionNotOffered);
    assert_eq!(resolution.params().value.as_deref(), Some("compensation"));
    let mut draft = good_draft();
    draft.resolution = "money".into();
    assert_eq!(
        codes(&draft, &ComplaintPolicy::default()),
        one("resolution", ErrorCode::ResolutionUnknown)
    );
}

#[test]
fn the_withdrawal_window_closes_14_days_after_delivery() {
    let policy = ComplaintPolicy::default();
    let mut draft = good_draft();
    draft.reason = "return_or_withdrawal".into();
    draft.delivery_date = "2026-11-07".into();
    assert_eq!(codes(&draft, &policy), vec![]);
    draft.delivery_date = "2026-11-06".into();
    let errors = validate(&draft, &policy, now()).unwrap_err();
    assert_eq!(errors[0].code(), ErrorCode::ReasonWindowClosed);
    assert_eq!(errors[0].params().date, Some(date(2026, 11, 20)));
    // Without a delivery date the window cannot be judged, and the shopper is not shut out.
    draft.delivery_date.clear();
    assert_eq!(codes(&draft, &policy), vec![]);
}

#[test]
fn compensation_needs_a_valid_amount() {
    let policy = ComplaintPolicy::default();
    let mut draft = good_draft();
    for (amount, currency, code) in [
        ("", "", ErrorCode::AmountMissing),
        ("twelve", "", ErrorCode::AmountFormat),
        ("0", "", ErrorCode::AmountNotPositive),
        ("5000000", "", ErrorCode::AmountTooLarge),
        ("12", "USD", ErrorCode::AmountCurrency),
    ] {
        draft.amount = amount.into();
        draft.currency = currency.into();
        assert_eq!(
            codes(&draft, &policy),
            one("amount", code),
            "{amount} {currency}"
        );
    }
    draft.amount = "12".into();
    draft.currency = "chf".into();
    let money = validate(&draft, &policy, now())
        .unwrap()
        .resolution()
        .amount()
        .unwrap();
    assert_eq!(money.to_string(), "12.00 CHF");
    // An amount left in the form is ignored once the shopper picks another remedy.
    draft.resolution = "repair".into();
    draft.amount = "garbage".into();
    assert_eq!(
        validate(&draft, &policy, now())
            .unwrap()
            .resolution()
            .amount(),
        None
    );
}

#[test]
fn dates_are_iso_not_in_the_future_and_not_before_the_order() {
    let policy = ComplaintPolicy::default();
    let mut draft = good_draft();
    draft.incident_date = "5-11-2026".into();
    assert_eq!(
        codes(&draft, &policy),
        one("incident_date", ErrorCode::DateFormat)
    );
    draft.incident_date = "2026-11-22".into();
    let errors = validate(&draft, &policy, now()).unwrap_err();
    assert_eq!(
        (errors[0].field(), errors[0].code()),
        ("incident_date", ErrorCode::DateInFuture)
    );
    assert_eq!(errors[0].params().date, Some(date(2026, 11, 21)));
    draft.incident_date = "2026-11-21".into();
    assert_eq!(codes(&draft, &policy), vec![]);
    draft.incident_date = "2026-10-31".into();
    draft.delivery_date = "2026-10-30".into();
    assert_eq!(
        codes(&draft, &policy),
        vec![
            ("delivery_date".to_owned(), ErrorCode::DateBeforeOrder),
            ("incident_date".to_owned(), ErrorCode::DateBeforeOrder),
        ]
    );
    let mut strict = policy.clone();
    strict.required.incident_date = true;
    draft = good_draft();
    draft.incident_date.clear();
    assert_eq!(
        codes(&draft, &strict),
        one("incident_date", ErrorCode::DateMissing)
    );
}

#[test]
fn today_is_the_shops_date_not_utcs() {
    // 23:30 UTC on 21 November is 22 November in Amsterdam.
    let late = Utc.with_ymd_and_hms(2026, 11, 21, 23, 30, 0).unwrap();
    let mut draft = good_draft();
    draft.incident_date = "2026-11-22".into();
    assert!(validate(&draft, &ComplaintPolicy::default(), late).is_ok());
}

#[test]
fn items_rules() {
    let mut policy = ComplaintPolicy::default();
    policy.required.items = true;
    let mut draft = good_draft();
    draft.items.clear();
    assert_eq!(
        codes(&draft, &policy),
        one("items", ErrorCode::ItemsMissing)
    );
    draft.items = vec!["ok".into(), " ".into(), "x".repeat(201)];
    assert_eq!(
        codes(&draft, &policy),
        vec![
            ("items[1]".to_owned(), ErrorCode::ItemsFormat),
            ("items[2]".to_owned(), ErrorCode::ItemsFormat),
        ]
    );
    draft.items = vec!["a".into(); 51];
    assert_eq!(
        codes(&draft, &policy),
        one("items", ErrorCode::ItemsTooMany)
    );
}

#[test]
fn evidence_is_checked_per_file_and_in_total() {
    let mut policy = ComplaintPolicy::default();
    let mut draft = good_draft();
    draft.evidence = vec![photo(10 * MIB), photo(10 * MIB + 1)];
    let errors = validate(&draft, &policy, now()).unwrap_err();
    assert_eq!(
        (errors[0].field(), errors[0].code()),
        ("evidence[1]", ErrorCode::EvidenceTooLarge)
    );
    assert_eq!(errors[0].params().max, Some(10 * MIB));

    draft.evidence = vec![photo(10 * MIB); 5];
    assert_eq!(codes(&draft, &policy), vec![]);
    draft.evidence.push(photo(1));
    let errors = validate(&draft, &policy, now()).unwrap_err();
    assert_eq!(
        (errors[0].field(), errors[0].code()),
        ("evidence", ErrorCode::EvidenceTotalTooLarge)
    );
    assert_eq!(errors[0].params().actual, Some(50 * MIB + 1));

    draft.evidence = vec![photo(1); 11];
    assert_eq!(
        codes(&draft, &policy),
        one("evidence", ErrorCode::EvidenceTooMany)
    );

    policy.evidence.accepted = vec![crate::evidence::MediaType::Pdf];
    draft.evidence = vec![photo(1)];
    let errors = validate(&draft, &policy, now()).unwrap_err();
    assert_eq!(errors[0].code(), ErrorCode::EvidenceTypeNotAccepted);
    assert_eq!(errors[0].params().allowed, ["application/pdf"]);

    policy = ComplaintPolicy::default();
    draft.evidence = vec![EvidenceDraft {
        file_name: "../".into(),
        ..photo(1)
    }];
    assert_eq!(
        codes(&draft, &policy),
        one("evidence[0]", ErrorCode::EvidenceFileName)
    );
    draft.evidence = vec![EvidenceDraft {
        sha256: "ABC".into(),
        ..photo(1)
    }];
    assert_eq!(
        codes(&draft, &policy),
        one("evidence[0]", ErrorCode::EvidenceDigest)
    );
    draft.evidence = vec![EvidenceDraft {
        media_type: "application/x-msdownload".into(),
        ..photo(1)
    }];
    assert_eq!(
        codes(&draft, &policy),
        one("evidence[0]", ErrorCode::EvidenceTypeNotAccepted)
    );

    policy.required.evidence = true;
    draft.evidence.clear();
    assert_eq!(
        codes(&draft, &policy),
        one("evidence", ErrorCode::EvidenceMissing)
    );
}

#[test]
fn description_rules_come_from_the_policy() {
    let mut policy = ComplaintPolicy::default();
    let mut draft = good_draft();
    draft.description = "x".repeat(4001);
    assert_eq!(
        codes(&draft, &policy),
        one("description", ErrorCode::DescriptionTooLong)
    );
    draft.description = "A description with a bell \u{7} in it".into();
    assert_eq!(
        codes(&draft, &policy),
        one("description", ErrorCode::DescriptionControlCharacter)
    );
    policy.required.description = false;
    draft.description.clear();
    assert!(
        validate(&draft, &policy, now())
            .unwrap()
            .description()
            .is_none()
    );
}
