use proptest::prelude::*;

use super::*;
use crate::json::FromJson;
use crate::policy::ExcludedCategory;
use crate::withdrawal::{
    OrderFacts, OrderItem, WithdrawalDraft, validate_withdrawal, withdrawal_window,
};

fn any_date() -> impl Strategy<Value = NaiveDate> {
    (-400_000i32..400_000).prop_map(|days| {
        NaiveDate::from_num_days_from_ce_opt(739_000 + days).unwrap_or(NaiveDate::MIN)
    })
}

fn any_instant() -> impl Strategy<Value = DateTime<Utc>> {
    any::<i64>().prop_map(|s| DateTime::from_timestamp(s % 200_000_000_000, 0).unwrap_or_default())
}

fn any_category() -> impl Strategy<Value = Option<ExcludedCategory>> {
    prop::option::of(prop::sample::select(ExcludedCategory::ALL.to_vec()))
}

proptest! {
    /// The draft is written with serde and read with the crate's JSON reader (the
    /// widget's saved form, the server's request): a key the reader lacks would be
    /// refused as unknown.
    #[test]
    fn drafts_read_back_whole(
        text in prop::collection::vec(".{0,16}", 7),
        items in prop::collection::vec(".{0,16}", 0..3),
    ) {
        let [name, order_number, lookup_email, lookup_postcode, email, order_date, goods] =
            <[String; 7]>::try_from(text).unwrap();
        let draft = WithdrawalDraft { name, order_number, lookup_email, lookup_postcode, items, email, order_date, goods };
        let json = serde_json::to_string(&draft).unwrap();
        prop_assert_eq!(WithdrawalDraft::from_json_text(&json), Ok(draft));
    }

    #[test]
    fn the_last_day_is_never_before_the_laws_14_days(
        delivered in any_date(),
        now in any_instant(),
        days in 14u32..3_000,
        zone in prop::sample::select(vec!["Europe/Amsterdam", "Europe/Helsinki", "Europe/Lisbon", "Atlantic/Azores"]),
    ) {
        let p = policy(&format!(
            r#"{{"shop": {{"time_zone": "{zone}"}}, "windows": {{"return_or_withdrawal": {{"days": {days}}}}}}}"#
        ));
        let window = withdrawal_window(Some(delivered), &p, now);
        let last_day = window.last_day().unwrap();
        if let Some(floor) = delivered.checked_add_days(chrono::Days::new(14)) {
            prop_assert!(last_day >= floor);
        }
        prop_assert_eq!(window.is_open(), p.today(now) <= last_day);
    }

    #[test]
    fn validation_never_panics(
        name in ".{0,250}",
        order_number in ".{0,50}",
        lookup_email in ".{0,60}",
        lookup_postcode in prop_oneof![".{0,12}", "[0-9]{4} ?[A-Za-z]{2}"],
        email in ".{0,60}",
        order_date in prop_oneof![".{0,12}", "20[0-9]{2}-[01][0-9]-[0-3][0-9]"],
        goods in ".{0,600}",
        items in prop::collection::vec(".{0,30}", 0..60),
        order_items in prop::collection::vec(("[A-Za-z ]{0,12}", any_category()), 0..8),
        delivered in prop::option::of(any_date()),
        looked_up in any::<bool>(),
        now in any_instant(),
        excluded in prop::collection::btree_set(prop::sample::select(ExcludedCategory::ALL.to_vec()), 0..5),
    ) {
        let mut p = ComplaintPolicy::default();
        p.withdrawal.excluded = excluded.into_iter().collect();
        let draft = WithdrawalDraft { name, order_number, lookup_email, lookup_postcode, items, email, order_date, goods };
        let order = OrderFacts {
            delivered_on: delivered,
            items: order_items.into_iter().map(|(name, category)| OrderItem { name, category }).collect(),
        };
        let result = validate_withdrawal(&draft, &p, looked_up.then_some(&order), now);
        if let Ok(w) = result {
            prop_assert!(!w.items().is_empty() || !looked_up || order.items.is_empty());
            prop_assert_eq!(w.received_at(), now);
            prop_assert_eq!(w.lookup_postcode().is_some(), !draft.lookup_postcode.trim().is_empty());
        }
    }
}
