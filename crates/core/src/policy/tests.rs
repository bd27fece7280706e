use super::*;
use crate::evidence::MediaType;

fn rule_error(json: &str) -> String {
    match ComplaintPolicy::from_json(json) {
        Err(e @ PolicyError::Rule { .. }) => e.to_string(),
        other => panic!("expected a rule error for {json}, got {other:?}"),
    }
}

#[test]
fn default_policy_round_trips_through_json() {
    let policy = ComplaintPolicy::default();
    let json = policy.to_json();
    assert_eq!(ComplaintPolicy::from_json(&json), Ok(policy));
}

#[test]
fn an_empty_document_is_the_default_policy() {
    assert_eq!(
        ComplaintPolicy::from_json("{}"),
        Ok(ComplaintPolicy::default())
    );
}

#[test]
fn defaults_follow_the_domain() {
    let p = ComplaintPolicy::default();
    assert_eq!(p.evidence.max_file_bytes, 10 * 1024 * 1024);
    assert_eq!(p.evidence.max_count, 10);
    assert_eq!(p.evidence.max_total_bytes, 50 * 1024 * 1024);
    assert_eq!(p.description.min_chars, 20);
    assert_eq!(p.description.max_chars, 4000);
    assert_eq!(
        p.windows.get(ComplaintReason::ReturnOrWithdrawal),
        Some(ComplaintWindow::Days(14))
    );
    assert_eq!(
        p.windows.get(ComplaintReason::DefectiveOrDamaged),
        Some(ComplaintWindow::Months(24))
    );
    assert!(p.required.order_number && p.required.description);
}

#[test]
fn a_full_document_parses() {
    let json = r#"{
        "shop": {"name": "Fietsen Jansen", "country": "BE", "time_zone": "Europe/Brussels", "languages": ["nl-BE", "fr-BE"]},
        "reasons": ["defective_or_damaged", "not_received"],
        "resolutions": ["repair", "replacement", "compensation"],
        "required": {"incident_date": true, "evidence": true},
        "description": {"min_chars": 10, "max_chars": 1000},
        "order_lookup": {"key": "post_code", "required": true},
        "evidence": {"accepted": ["image/jpeg", "application/pdf"], "max_count": 3},
        "windows": {"defective_or_damaged": {"months": 36}},
        "deadlines": {"acknowledge_working_days": 2},
        "escalation": {"chargeback": false}
    }"#;
    let p = ComplaintPolicy::from_json(json).unwrap();
    assert_eq!(p.shop.country, crate::country::Country::BE);
    assert_eq!(p.order_lookup.key, LookupKey::PostCode);
    assert!(p.evidence.accepts(MediaType::Pdf));
    assert!(!p.evidence.accepts(MediaType::Png));
    assert!(!p.offers_reason(ComplaintReason::Other));
    assert!(p.offers_resolution(ResolutionKind::Compensation));
    assert_eq!(
        p.windows.get(ComplaintReason::ReturnOrWithdrawal),
        Some(ComplaintWindow::Days(14)),
        "a key left out keeps its default"
    );
    assert_eq!(p.deadlines.acknowledge_working_days, 2);
    assert_eq!(p.deadlines.resolve_working_days, 10);
    assert!(!p.escalation.chargeback);
}

#[test]
fn null_removes_a_window() {
    let p = ComplaintPolicy::from_json(r#"{"windows": {"wrong_item": null}}"#).unwrap();
    assert_eq!(p.windows.get(ComplaintReason::WrongItem), None);
}

#[test]
fn unknown_fields_are_refused_with_their_path() {
    let cases = [
        (r#"{"colour": "red"}"#, ".", "colour"),
        (r#"{"shop": {"colour": "red"}}"#, "shop", "colour"),
        (r#"{"evidence": {"max_size": 1}}"#, "evidence", "max_size"),
        (r#"{"deadlines": {"ack": 1}}"#, "deadlines", "ack"),
        (r#"{"escalation": {"odr": true}}"#, "escalation", "odr"),
        (
            r#"{"windows": {"defective_or_damaged": {"years": 2}}}"#,
            "windows.defective_or_damaged",
            "years",
        ),
    ];
    for (json, path, key) in cases {
        let err = ComplaintPolicy::from_json(json).unwrap_err();
        assert_eq!(err.path(), path, "{json}: {err}");
        assert_eq!(err.code(), "policy.shape");
        let message = err.to_string();
        assert!(
            message.contains(key) && message.contains(&format!("at {path}")),
            "{message}"
        );
    }
}

#[test]
fn wrong_types_and_unknown_codes_name_the_key() {
    let err = ComplaintPolicy::from_json(r#"{"evidence": {"max_file_bytes": -1}}"#).unwrap_err();
    assert_eq!(err.path(), "evidence.max_file_bytes");
    let err = ComplaintPolicy::from_json(r#"{"reasons": ["wrong_item", "bored"]}"#).unwrap_err();
    assert_eq!(err.path(), "reasons[1]");
    let err =
        ComplaintPolicy::from_json(r#"{"evidence": {"accepted": ["video/mp4"]}}"#).unwrap_err();
    assert_eq!(err.path(), "evidence.accepted[0]");
    let err = ComplaintPolicy::from_json(r#"{"shop": {"country": "US"}}"#).unwrap_err();
    assert_eq!(err.path(), "shop.country");
    let err = ComplaintPolicy::from_json(r#"{"shop": {"time_zone": "Mars/Base"}}"#).unwrap_err();
    assert_eq!(err.path(), "shop.time_zone");
    assert!(err.to_string().contains("Mars/Base"), "{err}");
}

#[test]
fn broken_json_is_a_syntax_error() {
    for json in ["", "{", "{\"shop\": }", "{} trailing"] {
        let err = ComplaintPolicy::from_json(json).unwrap_err();
        assert!(
            matches!(err, PolicyError::Syntax { .. }) || err.code() == "policy.shape",
            "{json}: {err:?}"
        );
    }
    assert_eq!(
        ComplaintPolicy::from_json("{").unwrap_err().code(),
        "policy.syntax"
    );
}

#[test]
fn each_semantic_rule_names_its_key() {
    let cases = [
        (
            r#"{"shop": {"name": "  "}}"#,
            "shop.name: must not be empty",
        ),
        (
            r#"{"shop": {"languages": []}}"#,
            "shop.languages: must name at least one language",
        ),
        (
            r#"{"shop": {"languages": ["nl", "nl_BE"]}}"#,
            "shop.languages[1]: must be a BCP 47 language tag such as \"nl\" or \"nl-BE\"",
        ),
        (
            r#"{"shop": {"languages": ["nl", "nl"]}}"#,
            "shop.languages[1]: is listed twice",
        ),
        (r#"{"reasons": []}"#, "reasons: must offer at least one"),
        (
            r#"{"reasons": ["other", "other"]}"#,
            "reasons[1]: is listed twice",
        ),
        (
            r#"{"resolutions": []}"#,
            "resolutions: must offer at least one",
        ),
        (
            r#"{"description": {"max_chars": 0, "min_chars": 0}}"#,
            "description.max_chars: must be > 0",
        ),
        (
            r#"{"description": {"max_chars": 20001}}"#,
            "description.max_chars: must be <= 20000",
        ),
        (
            r#"{"description": {"min_chars": 50, "max_chars": 40}}"#,
            "description.min_chars: must be <= description.max_chars",
        ),
        (
            r#"{"evidence": {"max_file_bytes": 0}}"#,
            "evidence.max_file_bytes: must be > 0",
        ),
        (
            r#"{"evidence": {"max_file_bytes": 100, "max_total_bytes": 99}}"#,
            "evidence.max_total_bytes: must be >= evidence.max_file_bytes",
        ),
        (
            r#"{"evidence": {"accepted": ["image/png", "image/png"]}}"#,
            "evidence.accepted[1]: is listed twice",
        ),
        (
            r#"{"required": {"evidence": true}, "evidence": {"max_count": 0}}"#,
            "evidence.max_count: must be > 0 when required.evidence is true",
        ),
        (
            r#"{"required": {"evidence": true}, "evidence": {"accepted": []}}"#,
            "evidence.accepted: must name a type when required.evidence is true",
        ),
        (
            r#"{"windows": {"wrong_item": {"days": 0}}}"#,
            "windows.wrong_item: must be > 0",
        ),
        (
            r#"{"deadlines": {"board_answer_working_days": 0}}"#,
            "deadlines.board_answer_working_days: must be > 0",
        ),
        (
            r#"{"deadlines": {"acknowledge_working_days": 6}}"#,
            "deadlines.assign_working_days: must be >= deadlines.acknowledge_working_days",
        ),
        (
            r#"{"deadlines": {"resolve_working_days": 4}}"#,
            "deadlines.resolve_working_days: must be >= deadlines.assign_working_days",
        ),
    ];
    for (json, message) in cases {
        assert_eq!(rule_error(json), message, "{json}");
    }
}

#[test]
fn a_served_policy_reads_back_as_the_same_rules_and_bad_ones_are_still_refused() {
    let mut policy = ComplaintPolicy::default();
    policy.evidence.max_count = 3;
    assert_eq!(
        ComplaintPolicy::from_served_json(&policy.to_json()),
        Ok(policy)
    );
    // The browser's reader names no key for a shape error, but refuses the same inputs.
    assert!(ComplaintPolicy::from_served_json(r#"{"colour": "red"}"#).is_err());
    assert!(ComplaintPolicy::from_served_json("{not json").is_err());
    let err =
        ComplaintPolicy::from_served_json(r#"{"evidence": {"max_file_bytes": 0}}"#).unwrap_err();
    assert_eq!(err.path(), "evidence.max_file_bytes");
}
