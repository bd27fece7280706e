use super::*;
use crate::json::FromJson;
use crate::policy::ExcludedCategory;
use crate::withdrawal::{
    ERROR_CODES, KeptItem, OrderFacts, OrderItem, WithdrawalDraft, WithdrawalWindow,
    validate_withdrawal,
};

fn now() -> DateTime<Utc> {
    utc(2026, 11, 21, 12, 0, 0)
}

fn item(name: &str, category: Option<ExcludedCategory>) -> OrderItem {
    OrderItem {
        name: name.into(),
        category,
    }
}

/// Delivered 10 November (open until 24 November), a kettle, a tailored suit and cheese.
fn order() -> OrderFacts {
    OrderFacts {
        delivered_on: Some(date(2026, 11, 10)),
        items: vec![
            item("Kettle", None),
            item("Suit", Some(ExcludedCategory::MadeToMeasure)),
            item("Gouda", Some(ExcludedCategory::Perishable)),
        ],
    }
}

/// A shop excluding made-to-measure goods (but not perishables).
fn shop() -> ComplaintPolicy {
    policy(r#"{"withdrawal": {"excluded": ["made_to_measure"]}}"#)
}

fn good_draft() -> WithdrawalDraft {
    WithdrawalDraft {
        name: "Anna de Vries".into(),
        order_number: "web-1001".into(),
        lookup_email: "anna@example.nl".into(),
        email: "anna@example.nl".into(),
        ..WithdrawalDraft::default()
    }
}

fn errors(draft: &WithdrawalDraft, order: Option<&OrderFacts>) -> Vec<FieldError> {
    validate_withdrawal(draft, &shop(), order, now()).unwrap_err()
}

#[test]
fn a_whole_order_withdrawal_takes_every_eligible_item_and_names_the_kept_ones() {
    let w = validate_withdrawal(&good_draft(), &shop(), Some(&order()), now()).unwrap();
    assert_eq!(w.name().as_ref(), "Anna de Vries");
    assert_eq!(w.order_number().unwrap().as_ref(), "WEB-1001");
    assert_eq!(w.lookup_email().unwrap().as_ref(), "anna@example.nl");
    assert_eq!(w.confirmation_email().as_ref(), "anna@example.nl");
    assert_eq!(w.items(), ["Kettle", "Gouda"]);
    assert_eq!(
        w.kept(),
        [KeptItem {
            name: "Suit".into(),
            category: ExcludedCategory::MadeToMeasure
        }]
    );
    assert_eq!(w.received_at(), now());
    assert_eq!(w.received_on(), date(2026, 11, 21));
    assert_eq!(w.refund_due(), Some(date(2026, 12, 5)));
    assert_eq!(
        w.window(),
        Some(WithdrawalWindow::Open {
            last_day: date(2026, 11, 24),
            ends_at: utc(2026, 11, 24, 22, 59, 59)
        })
    );
    assert_eq!(w.contract(), None);
}

#[test]
fn chosen_items_match_the_order_without_regard_to_case_and_only_once() {
    let draft = WithdrawalDraft {
        items: vec![" kettle ".into(), "KETTLE".into()],
        ..good_draft()
    };
    let w = validate_withdrawal(&draft, &shop(), Some(&order()), now()).unwrap();
    assert_eq!(w.items(), ["Kettle"]);
    assert!(w.kept().is_empty());
}

#[test]
fn an_excluded_or_unknown_item_is_refused_with_its_reason() {
    let draft = WithdrawalDraft {
        items: vec!["Kettle".into(), "Suit".into(), "Toaster".into()],
        ..good_draft()
    };
    let errors = errors(&draft, Some(&order()));
    assert_eq!(
        fields(&errors),
        [
            ("items[1]", ErrorCode::WithdrawalItemExcluded),
            ("items[2]", ErrorCode::WithdrawalItemUnknown),
        ]
    );
    assert_eq!(errors[0].params().value.as_deref(), Some("made_to_measure"));
    assert_eq!(errors[1].params().value.as_deref(), Some("Toaster"));
    assert_eq!(errors[1].params().allowed, ["Kettle", "Suit", "Gouda"]);
}

#[test]
fn a_category_the_shop_does_not_exclude_stays_withdrawable() {
    let draft = WithdrawalDraft {
        items: vec!["Gouda".into(), "Suit".into()],
        ..good_draft()
    };
    let w =
        validate_withdrawal(&draft, &ComplaintPolicy::default(), Some(&order()), now()).unwrap();
    assert_eq!(w.items(), ["Gouda", "Suit"]);
}

#[test]
fn an_order_of_only_excluded_items_cannot_be_withdrawn_from() {
    let only_suit = OrderFacts {
        items: vec![item("Suit", Some(ExcludedCategory::MadeToMeasure))],
        ..order()
    };
    let errors = errors(&good_draft(), Some(&only_suit));
    assert_eq!(
        fields(&errors),
        [("items", ErrorCode::WithdrawalNothingEligible)]
    );
    assert_eq!(errors[0].params().allowed, ["made_to_measure"]);
    // Each reason is named once, whatever the order of the lines.
    let strict = policy(r#"{"withdrawal": {"excluded": ["made_to_measure", "perishable"]}}"#);
    let mixed = OrderFacts {
        items: vec![
            item("Suit", Some(ExcludedCategory::MadeToMeasure)),
            item("Gouda", Some(ExcludedCategory::Perishable)),
            item("Shirt", Some(ExcludedCategory::MadeToMeasure)),
        ],
        ..order()
    };
    let errors = validate_withdrawal(&good_draft(), &strict, Some(&mixed), now()).unwrap_err();
    assert_eq!(
        errors[0].params().allowed,
        ["made_to_measure", "perishable"]
    );
}

#[test]
fn past_the_window_the_error_names_the_last_day() {
    let late = utc(2026, 11, 24, 23, 0, 0); // local midnight after 24 November
    let errors = validate_withdrawal(&good_draft(), &shop(), Some(&order()), late).unwrap_err();
    assert_eq!(
        fields(&errors),
        [("withdrawal", ErrorCode::WithdrawalWindowClosed)]
    );
    assert_eq!(errors[0].params().date, Some(date(2026, 11, 24)));
    let just_in_time = utc(2026, 11, 24, 22, 59, 59);
    assert!(validate_withdrawal(&good_draft(), &shop(), Some(&order()), just_in_time).is_ok());
}

#[test]
fn before_delivery_a_withdrawal_is_accepted_without_a_last_day() {
    let undelivered = OrderFacts {
        delivered_on: None,
        ..order()
    };
    let w = validate_withdrawal(&good_draft(), &shop(), Some(&undelivered), now()).unwrap();
    assert_eq!(w.window(), Some(WithdrawalWindow::NotStarted));
}

#[test]
fn a_shop_with_the_function_off_refuses_it() {
    let off = policy(r#"{"withdrawal": {"enabled": false}}"#);
    let errors = validate_withdrawal(&good_draft(), &off, Some(&order()), now()).unwrap_err();
    assert_eq!(
        fields(&errors),
        [("withdrawal", ErrorCode::WithdrawalDisabled)]
    );
}

#[test]
fn without_a_lookup_typed_contract_details_identify_the_contract() {
    let draft = WithdrawalDraft {
        order_number: String::new(),
        lookup_email: String::new(),
        order_date: "2026-11-02".into(),
        goods: "Blue kettle\nTwo mugs".into(),
        items: vec!["Blue kettle".into()],
        ..good_draft()
    };
    let w = validate_withdrawal(&draft, &shop(), None, now()).unwrap();
    assert_eq!(w.order_number(), None);
    assert_eq!(w.window(), None);
    assert_eq!(w.items(), ["Blue kettle"]);
    let contract = w.contract().unwrap();
    assert_eq!(contract.order_date, date(2026, 11, 2));
    assert_eq!(contract.goods.as_ref(), "Blue kettle\nTwo mugs");
}

#[test]
fn without_a_lookup_the_order_date_and_goods_are_required() {
    let draft = WithdrawalDraft {
        order_number: String::new(),
        ..good_draft()
    };
    assert_eq!(
        fields(&errors(&draft, None)),
        [
            ("order_date", ErrorCode::DateMissing),
            ("goods", ErrorCode::GoodsMissing),
        ]
    );
}

#[test]
fn every_field_error_is_reported_at_once() {
    let draft = WithdrawalDraft {
        name: " ".into(),
        order_number: String::new(),
        lookup_email: "anna@".into(),
        lookup_postcode: "anna@example.nl".into(),
        email: String::new(),
        order_date: "2026-12-01".into(),
        goods: "x".repeat(501),
        items: vec!["Suit".into(), "\u{7}".into()],
    };
    let late = utc(2026, 11, 30, 12, 0, 0);
    let errors = validate_withdrawal(&draft, &shop(), Some(&order()), late).unwrap_err();
    assert_eq!(
        fields(&errors),
        [
            ("withdrawal", ErrorCode::WithdrawalWindowClosed),
            ("name", ErrorCode::NameMissing),
            ("order_number", ErrorCode::OrderNumberMissing),
            ("lookup_email", ErrorCode::EmailFormat),
            ("lookup_postcode", ErrorCode::PostCodeFormat),
            ("email", ErrorCode::EmailMissing),
            ("order_date", ErrorCode::DateInFuture),
            ("goods", ErrorCode::GoodsFormat),
            ("items[0]", ErrorCode::WithdrawalItemExcluded),
            ("items[1]", ErrorCode::ItemsFormat),
        ]
    );
}

#[test]
fn names_are_one_line_of_at_most_200_characters() {
    for bad in ["Anna\nde Vries".to_owned(), "a".repeat(201)] {
        let draft = WithdrawalDraft {
            name: bad,
            ..good_draft()
        };
        let errors = errors(&draft, Some(&order()));
        assert_eq!(fields(&errors), [("name", ErrorCode::NameFormat)]);
        assert_eq!(errors[0].params().max, Some(200));
    }
}

#[test]
fn too_many_items_are_refused_as_a_whole() {
    let draft = WithdrawalDraft {
        items: vec!["Kettle".into(); 51],
        ..good_draft()
    };
    assert_eq!(
        fields(&errors(&draft, Some(&order()))),
        [("items", ErrorCode::ItemsTooMany)]
    );
}

#[test]
fn the_draft_refuses_unknown_keys_and_the_withdrawal_round_trips() {
    let bad = WithdrawalDraft::from_json_text(r#"{"nam": "Anna"}"#);
    assert_eq!(bad.unwrap_err().to_string(), "unknown field `nam` at .");
    let draft = WithdrawalDraft::from_json_text(
        r#"{"name": "Anna", "order_number": "WEB-1001", "email": "anna@example.nl"}"#,
    )
    .unwrap();
    let w = validate_withdrawal(&draft, &shop(), Some(&order()), now()).unwrap();
    let json = serde_json::to_string(&w).unwrap();
    assert_eq!(
        serde_json::from_str::<crate::withdrawal::Withdrawal>(&json).unwrap(),
        w
    );
}

#[test]
fn a_lookup_postcode_is_kept_as_a_postcode_and_a_malformed_one_is_named() {
    let draft = WithdrawalDraft {
        lookup_email: String::new(),
        lookup_postcode: " 1011  ab ".into(),
        ..good_draft()
    };
    let w = validate_withdrawal(&draft, &shop(), Some(&order()), now()).unwrap();
    assert_eq!(w.lookup_email(), None);
    assert_eq!(w.lookup_postcode().unwrap().as_ref(), "1011 AB");
    assert_eq!(w.lookup_postcode().unwrap().compact(), "1011AB");
    assert_eq!(
        validate_withdrawal(&good_draft(), &shop(), Some(&order()), now())
            .unwrap()
            .lookup_postcode(),
        None
    );

    let draft = WithdrawalDraft {
        lookup_postcode: "anna@example.nl".into(),
        ..draft
    };
    let errors = errors(&draft, Some(&order()));
    assert_eq!(
        fields(&errors),
        [("lookup_postcode", ErrorCode::PostCodeFormat)]
    );
    assert_eq!(errors[0].code().as_str(), "post_code.format");
}

#[test]
fn the_postcode_is_read_from_the_draft_and_older_json_still_reads() {
    let draft = WithdrawalDraft::from_json_text(
        r#"{"name": "Anna", "order_number": "WEB-1001", "lookup_postcode": "1011 AB", "email": "anna@example.nl"}"#,
    )
    .unwrap();
    assert_eq!(draft.lookup_postcode, "1011 AB");
    let written = serde_json::to_value(&draft).unwrap();
    assert_eq!(written["lookup_postcode"], "1011 AB");
    assert_eq!(
        serde_json::to_value(good_draft())
            .unwrap()
            .get("lookup_postcode"),
        None,
        "an e-mail shop's draft is written as before"
    );

    let w = validate_withdrawal(&draft, &shop(), Some(&order()), now()).unwrap();
    let mut recorded = serde_json::to_value(&w).unwrap();
    assert_eq!(recorded["lookup_postcode"], "1011 AB");
    recorded.as_object_mut().unwrap().remove("lookup_postcode");
    let older: crate::withdrawal::Withdrawal = serde_json::from_value(recorded).unwrap();
    assert_eq!(older.lookup_postcode(), None);
    assert_eq!(older.name(), w.name());
}

#[test]
fn every_withdrawal_error_code_is_produced_by_a_test_above() {
    let produced = [
        ErrorCode::NameMissing,
        ErrorCode::NameFormat,
        ErrorCode::GoodsMissing,
        ErrorCode::GoodsFormat,
        ErrorCode::WithdrawalDisabled,
        ErrorCode::WithdrawalWindowClosed,
        ErrorCode::WithdrawalItemUnknown,
        ErrorCode::WithdrawalItemExcluded,
        ErrorCode::WithdrawalNothingEligible,
    ];
    for code in ERROR_CODES {
        assert!(produced.contains(code), "no test produces {code}");
    }
    for code in ErrorCode::ALL {
        let ours = ["name.", "goods.", "withdrawal."]
            .iter()
            .any(|prefix| code.as_str().starts_with(prefix));
        assert_eq!(ours, ERROR_CODES.contains(code), "{code}");
    }
}
