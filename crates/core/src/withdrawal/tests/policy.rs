use super::*;
use crate::policy::{ComplaintWindow, ExcludedCategory, WithdrawalRules};

#[test]
fn the_default_policy_offers_withdrawal_with_the_laws_numbers() {
    let p = ComplaintPolicy::default();
    assert_eq!(p.withdrawal, WithdrawalRules::default());
    assert!(p.withdrawal.enabled);
    assert_eq!(p.withdrawal.refund_days, 14);
    assert!(p.withdrawal.excluded.is_empty());
    assert_eq!(p.withdrawal_period(), ComplaintWindow::Days(14));
    assert_eq!(ComplaintPolicy::from_json(&p.to_json()).unwrap(), p);
}

#[test]
fn a_period_under_14_days_is_refused_naming_the_key() {
    let err = ComplaintPolicy::from_json(r#"{"windows": {"return_or_withdrawal": {"days": 13}}}"#)
        .unwrap_err();
    assert_eq!(err.path(), "windows.return_or_withdrawal");
}

#[test]
fn no_withdrawal_period_is_refused_while_the_function_is_on() {
    let err =
        ComplaintPolicy::from_json(r#"{"windows": {"return_or_withdrawal": null}}"#).unwrap_err();
    assert_eq!(err.path(), "windows.return_or_withdrawal");
    let off =
        policy(r#"{"windows": {"return_or_withdrawal": null}, "withdrawal": {"enabled": false}}"#);
    // A policy built in code without a period still never gives less than the law.
    assert_eq!(off.withdrawal_period(), ComplaintWindow::Days(14));
}

#[test]
fn refund_days_outside_1_to_14_are_refused_naming_the_key() {
    for bad in [0, 15, 30] {
        let json = format!(r#"{{"withdrawal": {{"refund_days": {bad}}}}}"#);
        let err = ComplaintPolicy::from_json(&json).unwrap_err();
        assert_eq!(err.path(), "withdrawal.refund_days", "{bad}");
    }
    assert_eq!(
        policy(r#"{"withdrawal": {"refund_days": 1}}"#)
            .withdrawal
            .refund_days,
        1
    );
}

#[test]
fn excluded_categories_are_known_codes_listed_once() {
    let p = policy(r#"{"withdrawal": {"excluded": ["perishable", "sealed_media"]}}"#);
    assert_eq!(
        p.withdrawal.excluded,
        [ExcludedCategory::Perishable, ExcludedCategory::SealedMedia]
    );
    let twice =
        ComplaintPolicy::from_json(r#"{"withdrawal": {"excluded": ["perishable", "perishable"]}}"#)
            .unwrap_err();
    assert_eq!(twice.path(), "withdrawal.excluded[1]");
    let unknown =
        ComplaintPolicy::from_json(r#"{"withdrawal": {"excluded": ["fragile"]}}"#).unwrap_err();
    assert_eq!(unknown.code(), "policy.shape");
    assert!(
        unknown.path().starts_with("withdrawal.excluded"),
        "{}",
        unknown.path()
    );
    let typo = ComplaintPolicy::from_json(r#"{"withdrawal": {"period_days": 30}}"#).unwrap_err();
    assert_eq!(typo.path(), "withdrawal");
}
