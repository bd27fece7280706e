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
fn shape_errors_name_the_path_of_the_bad_value() {
    for (json, path, message) in [
        (r#"{"colour": "red"}"#, ".", "unknown field `colour`"),
        (
            r#"{"reasons": ["wrong_item", "broken"]}"#,
            "reasons[1]",
            "invalid type: expected a complaint reason code",
        ),
        (
            r#"{"shop": {"country": "XX"}}"#,
            "shop.country",
            "invalid type: expected an ISO 3166-1 alpha-2 code such as \"NL\"",
        ),
        (
            r#"{"shop": {"time_zone": "Mars/Olympus"}}"#,
            "shop.time_zone",
            "time_zone: unknown time zone \"Mars/Olympus\"; expected an IANA name such as \"Europe/Amsterdam\"",
        ),
        (
            r#"{"windows": {"other": {"weeks": 2}}}"#,
            "windows.other",
            "unknown field `weeks`",
        ),
        (
            r#"{"escalation": {"trustmark": {"name": "Becom", "kind": "becom"}}}"#,
            "escalation.trustmark",
            "missing field `member_id`",
        ),
        (
            r#"{"escalation": {"adr_body": {"name": "X", "url": "http://x.nl"}}}"#,
            "escalation.adr_body.url",
            "body_url must start with https:// and name a host",
        ),
        (
            r#"{"evidence": {"max_count": -1}}"#,
            "evidence.max_count",
            "invalid type: expected an integer that fits u16",
        ),
        (
            r#"{"evidence": {"max_count": 3, "max_count": 30}}"#,
            "evidence",
            "duplicate field `max_count`",
        ),
    ] {
        let err = ComplaintPolicy::from_json(json).unwrap_err();
        assert_eq!((err.code(), err.path()), ("policy.shape", path), "{json}");
        assert_eq!(err.to_string(), format!("{message} at {path}"), "{json}");
    }
    let err = ComplaintPolicy::from_json("{\n  \"shop\": {,}\n}").unwrap_err();
    assert_eq!(
        err,
        PolicyError::Syntax {
            message: "not valid JSON".into(),
            line: 2,
            column: 12
        }
    );
}

mod read_back {
    //! Random policies, written by serde and read by the policy reader: a field the
    //! reader forgets reads back as its default and fails the comparison.

    use proptest::prelude::*;

    use super::*;
    use crate::country::Country;
    use crate::domain::Currency;
    use crate::escalation::{
        BodyName, BodyUrl, MemberId, NamedBody, TrustmarkKind, TrustmarkMembership,
    };
    use crate::json::FromJson;
    use crate::time_zone::ShopTimeZone;

    fn pick<T: Copy + std::fmt::Debug + 'static>(all: &'static [T]) -> impl Strategy<Value = T> {
        prop::sample::select(all)
    }

    fn window() -> impl Strategy<Value = Option<ComplaintWindow>> {
        prop_oneof![
            Just(None),
            any::<u32>().prop_map(|d| Some(ComplaintWindow::Days(d))),
            any::<u32>().prop_map(|m| Some(ComplaintWindow::Months(m))),
        ]
    }

    fn body() -> impl Strategy<Value = Option<NamedBody>> {
        prop::option::of(
            (
                "[A-Za-z][A-Za-z ]{0,20}",
                any::<bool>(),
                prop::option::of(pick(&Country::ALL)),
            )
                .prop_map(|(name, url, shop_country)| NamedBody {
                    name: BodyName::parse(&name).unwrap(),
                    url: url.then(|| BodyUrl::parse("https://body.example/complaints").unwrap()),
                    shop_country,
                }),
        )
    }

    fn trustmark() -> impl Strategy<Value = Option<TrustmarkMembership>> {
        const KINDS: [TrustmarkKind; 5] = [
            TrustmarkKind::Becom,
            TrustmarkKind::ThuiswinkelWaarborg,
            TrustmarkKind::WebshopKeurmerk,
            TrustmarkKind::TrustedShops,
            TrustmarkKind::Other,
        ];
        prop::option::of(
            (
                "[A-Za-z]{1,12}",
                "[A-Z0-9-]{1,12}",
                pick(&KINDS),
                any::<bool>(),
            )
                .prop_map(|(name, member, kind, url)| TrustmarkMembership {
                    name: BodyName::parse(&name).unwrap(),
                    member_id: MemberId::parse(&member).unwrap(),
                    kind,
                    complaint_url: url
                        .then(|| BodyUrl::parse("https://trustmark.example/k").unwrap()),
                }),
        )
    }

    fn policy() -> impl Strategy<Value = ComplaintPolicy> {
        let shop = (
            ".{0,30}",
            pick(&Country::ALL),
            pick(&Currency::ALL),
            prop::collection::vec("[a-z]{2}", 0..3),
        )
            .prop_map(|(name, country, currency, languages)| ShopIdentity {
                name,
                country,
                time_zone: ShopTimeZone::for_country(country),
                currency,
                languages,
            });
        let lists = (
            prop::collection::vec(pick(&ComplaintReason::ALL), 0..8),
            prop::collection::vec(pick(&ResolutionKind::ALL), 0..7),
            prop::collection::vec(pick(&MediaType::ALL), 0..9),
            prop::collection::vec(pick(&ExcludedCategory::ALL), 0..4),
        );
        let required = prop::array::uniform8(any::<bool>()).prop_map(|b| RequiredFields {
            order_number: b[0],
            description: b[1],
            email: b[2],
            incident_date: b[3],
            order_date: b[4],
            delivery_date: b[5],
            evidence: b[6],
            items: b[7],
        });
        let numbers = (
            any::<(u32, u32, bool, u64, u16, u64, bool, u32)>(),
            prop::array::uniform6(any::<u16>()),
        );
        let windows = prop::collection::vec(window(), 7);
        let escalation = (
            trustmark(),
            body(),
            body(),
            body(),
            prop::array::uniform4(any::<bool>()),
        );
        (shop, lists, required, numbers, windows, escalation).prop_map(
            |(
                shop,
                (reasons, resolutions, accepted, excluded),
                required,
                (n, d),
                w,
                (trustmark, adr, ombudsman, travel, b),
            )| {
                ComplaintPolicy {
                    shop,
                    reasons,
                    resolutions,
                    required,
                    description: DescriptionRules {
                        min_chars: n.0,
                        max_chars: n.1,
                    },
                    order_lookup: OrderLookup {
                        key: if n.2 {
                            LookupKey::PostCode
                        } else {
                            LookupKey::Email
                        },
                        required: n.6,
                    },
                    evidence: EvidenceRules {
                        accepted,
                        max_file_bytes: n.3,
                        max_count: n.4,
                        max_total_bytes: n.5,
                    },
                    windows: ComplaintWindows {
                        wrong_item: w[0],
                        defective_or_damaged: w[1],
                        not_received: w[2],
                        late_delivery: w[3],
                        return_or_withdrawal: w[4],
                        invoice_or_billing: w[5],
                        other: w[6],
                    },
                    deadlines: Deadlines {
                        acknowledge_working_days: d[0],
                        assign_working_days: d[1],
                        resolve_working_days: d[2],
                        board_answer_working_days: d[3],
                        trustmark_wait_working_days: d[4],
                        trustmark_handling_working_days: d[5],
                    },
                    escalation: EscalationTargets {
                        board: b[0],
                        trustmark,
                        adr_body: adr,
                        consumer_ombudsman: ombudsman,
                        travel_disputes_committee: travel,
                        european_consumer_centres: b[1],
                        chargeback: b[2],
                        small_claims_court: b[3],
                    },
                    withdrawal: WithdrawalRules {
                        enabled: n.6 ^ n.2,
                        refund_days: n.7,
                        excluded,
                    },
                }
            },
        )
    }

    proptest! {
        #[test]
        fn what_serde_writes_reads_back_whole(policy in policy()) {
            prop_assert_eq!(ComplaintPolicy::from_json_text(&policy.to_json()), Ok(policy));
        }
    }
}
