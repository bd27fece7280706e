//! The facts escalation routing reads from the draft: the shopper's country and the
//! product category.

use super::*;
use crate::country::Country;
use crate::escalation::ProductCategory;

#[test]
fn an_empty_shopper_country_is_the_shops_and_a_general_purchase() {
    let policy = ComplaintPolicy::default();
    let complaint = validate(&good_draft(), &policy, now()).unwrap();
    assert_eq!(complaint.shopper_country(), policy.shop.country);
    assert_eq!(complaint.category(), ProductCategory::General);
}

#[test]
fn a_shopper_abroad_and_a_travel_purchase_are_kept() {
    let draft = ComplaintDraft {
        shopper_country: " de ".into(),
        category: "travel".into(),
        ..good_draft()
    };
    let complaint = validate(&draft, &ComplaintPolicy::default(), now()).unwrap();
    assert_eq!(complaint.shopper_country(), Country::DE);
    assert_eq!(complaint.category(), ProductCategory::Travel);
}

#[test]
fn an_unknown_country_code_is_refused_on_shopper_country() {
    for bad in ["XX", "Germany", "D", "US"] {
        let draft = ComplaintDraft {
            shopper_country: bad.into(),
            ..good_draft()
        };
        let errors = validate(&draft, &ComplaintPolicy::default(), now()).unwrap_err();
        assert_eq!(errors.len(), 1, "{bad}");
        assert_eq!(errors[0].field(), "shopper_country");
        assert_eq!(errors[0].code(), ErrorCode::ShopperCountryUnknown);
        assert_eq!(errors[0].params().value.as_deref(), Some(bad));
    }
}

#[test]
fn an_unknown_category_is_refused_naming_the_known_ones() {
    let draft = ComplaintDraft {
        category: "Travel".into(),
        ..good_draft()
    };
    let errors = validate(&draft, &ComplaintPolicy::default(), now()).unwrap_err();
    assert_eq!(
        errors
            .iter()
            .map(|e| (e.field(), e.code()))
            .collect::<Vec<_>>(),
        [("category", ErrorCode::CategoryUnknown)]
    );
    assert_eq!(errors[0].params().allowed, ["general", "travel"]);
}

#[test]
fn the_new_fields_are_optional_on_the_wire_and_stored_with_the_complaint() {
    let draft =
        ComplaintDraft::from_json_text(r#"{"shopper_country": "BE", "category": "travel"}"#)
            .unwrap();
    assert_eq!(draft.shopper_country, "BE");
    assert_eq!(draft.category, "travel");

    let complaint = validate(
        &ComplaintDraft {
            shopper_country: "BE".into(),
            ..good_draft()
        },
        &ComplaintPolicy::default(),
        now(),
    )
    .unwrap();
    let json = serde_json::to_value(&complaint).unwrap();
    assert_eq!(json["shopper_country"], "BE");
    assert_eq!(json["category"], "general");
    let back: Complaint = serde_json::from_value(json).unwrap();
    assert_eq!(back, complaint);
}
