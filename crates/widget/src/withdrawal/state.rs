//! The withdrawal form between renders: the draft, its idempotency key, what the lookup
//! found, and the core crate's verdict. Plain Rust, tested natively.

use chrono::{DateTime, Utc};
use redress_core::calendar::parse_iso_date;
use redress_core::from_json_object;
use redress_core::json::{FromJson, Json, JsonError, UnknownKeys, code};
use redress_core::policy::{ComplaintPolicy, LookupKey};
use redress_core::withdrawal::{
    OrderFacts, OrderItem, WithdrawalDraft, WithdrawalWindow, validate_withdrawal,
    withdrawal_window,
};
use serde::Serialize;

use crate::api::FoundOrder;
use crate::field_check;

/// Where the shopper is in the withdrawal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Stage {
    /// Name, order, items, e-mail.
    Details,
    /// The separate confirmation step the law asks for.
    Confirm,
}

/// A withdrawal in progress, saved in the browser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SavedWithdrawal {
    pub stage: Stage,
    /// Generated once; a retry reuses it, so a withdrawal is recorded once.
    pub idempotency_key: String,
    pub draft: WithdrawalDraft,
    /// The order the shop's lookup found; `None` when the shopper types the contract.
    pub order: Option<FoundOrder>,
    /// The lookup found nothing: the contract details are typed instead.
    pub typed_contract: bool,
}

// Read back with the core's JSON reader, as the complaint's saved form is (no serde
// reader in the bundle). Keys a newer widget wrote, or an older one kept beside the
// draft (`lookup_postcode`), are skipped; a form saved before `typed_contract` existed
// reads as looked up by the shop.
from_json_object!(SavedWithdrawal, UnknownKeys::Skip,
    required { "stage" => stage, "idempotency_key" => idempotency_key, "draft" => draft }
    optional { "order" => order, "typed_contract" => typed_contract });

/// The stage as serde writes it: the variant's name.
impl FromJson for Stage {
    fn from_json(json: &Json) -> Result<Self, JsonError> {
        code(
            json,
            |name| match name {
                "Details" => Some(Stage::Details),
                "Confirm" => Some(Stage::Confirm),
                _ => None,
            },
            "a stage",
        )
    }
}

impl SavedWithdrawal {
    /// A fresh withdrawal.
    pub fn start(idempotency_key: String) -> SavedWithdrawal {
        SavedWithdrawal {
            stage: Stage::Details,
            idempotency_key,
            draft: WithdrawalDraft::default(),
            order: None,
            typed_contract: false,
        }
    }

    /// Whether the order was looked up (found, or not found so the contract is typed).
    pub fn looked_up(&self) -> bool {
        self.order.is_some() || self.typed_contract
    }

    /// The field the shopper proves the order theirs with, and its value, as `key` says.
    pub fn lookup_proof(&self, key: LookupKey) -> (&'static str, &str) {
        match key {
            LookupKey::Email => ("lookup_email", &self.draft.lookup_email),
            LookupKey::PostCode => ("lookup_postcode", &self.draft.lookup_postcode),
        }
    }

    /// What stops the lookup, by the checks the complaint's lookup runs (`field_check`):
    /// the order number and the e-mail or postcode, as `(field, code)`. Nothing once the
    /// order was looked up.
    pub fn lookup_errors(&self, key: LookupKey) -> Vec<(String, String)> {
        if self.looked_up() {
            return Vec::new();
        }
        let (field, proof) = self.lookup_proof(key);
        [
            (
                "order_number",
                field_check::order_number(&self.draft.order_number),
            ),
            (field, field_check::lookup_proof(key, proof)),
        ]
        .into_iter()
        .filter_map(|(field, check)| check.err().map(|code| (field.to_owned(), code.to_owned())))
        .collect()
    }

    /// The draft as sent to the shop and judged here: only the proof the policy's
    /// `order_lookup.key` asks for, the other left empty (the shop matches by that one
    /// only, and a stale entry in the other could only stand in the way).
    pub fn sent(&self, key: LookupKey) -> WithdrawalDraft {
        let mut draft = self.draft.clone();
        match key {
            LookupKey::Email => draft.lookup_postcode.clear(),
            LookupKey::PostCode => draft.lookup_email.clear(),
        }
        draft
    }

    /// [`sent`](Self::sent) as the JSON the shop reads.
    pub fn sent_json(&self, key: LookupKey) -> String {
        serde_json::to_string(&self.sent(key)).unwrap_or_default()
    }

    /// The order as the core crate judges it; item categories are unknown to the lookup,
    /// so every item counts as eligible and the shop's own check decides on arrival.
    pub fn facts(&self) -> Option<OrderFacts> {
        self.order.as_ref().map(|order| OrderFacts {
            delivered_on: order
                .delivered_on
                .as_deref()
                .and_then(|d| parse_iso_date(d.get(..10)?)),
            items: order
                .items
                .iter()
                .map(|item| OrderItem {
                    name: item.name.clone(),
                    category: None,
                })
                .collect(),
        })
    }

    /// Whether the period is open, and until when; `None` before an order is found.
    pub fn window(&self, policy: &ComplaintPolicy, now: DateTime<Utc>) -> Option<WithdrawalWindow> {
        let facts = self.facts()?;
        Some(withdrawal_window(facts.delivered_on, policy, now))
    }

    /// The core crate's errors as `(field, code)`, in form order, for the draft as it
    /// will be sent.
    pub fn errors(&self, policy: &ComplaintPolicy, now: DateTime<Utc>) -> Vec<(String, String)> {
        let facts = self.facts();
        let sent = self.sent(policy.order_lookup.key);
        match validate_withdrawal(&sent, policy, facts.as_ref(), now) {
            Ok(_) => Vec::new(),
            Err(errors) => errors
                .into_iter()
                .map(|e| (e.field().to_owned(), e.code().as_str().to_owned()))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::OrderItem as Line;
    use chrono::TimeZone;

    fn found(delivered: &str) -> FoundOrder {
        FoundOrder {
            order_number: "RD-1001".into(),
            placed_on: Some("2026-11-01".into()),
            delivered_on: Some(delivered.into()),
            items: vec![Line {
                name: "Kettle".into(),
                quantity: 1,
            }],
            typed: false,
        }
    }

    fn filled(order: Option<FoundOrder>) -> SavedWithdrawal {
        let mut saved = SavedWithdrawal::start("k".into());
        saved.draft = WithdrawalDraft {
            name: "Anna de Vries".into(),
            order_number: "RD-1001".into(),
            lookup_email: "anna@example.com".into(),
            email: "anna@example.com".into(),
            ..WithdrawalDraft::default()
        };
        saved.order = order;
        saved
    }

    #[test]
    fn within_fourteen_days_of_delivery_the_withdrawal_is_complete() {
        let policy = ComplaintPolicy::default();
        let now = Utc.with_ymd_and_hms(2026, 11, 21, 12, 0, 0).unwrap();
        let saved = filled(Some(found("2026-11-14")));
        assert!(saved.window(&policy, now).unwrap().is_open());
        assert_eq!(saved.errors(&policy, now), []);
    }

    #[test]
    fn past_the_period_the_core_crate_says_closed_with_the_last_day() {
        let policy = ComplaintPolicy::default();
        let now = Utc.with_ymd_and_hms(2026, 11, 21, 12, 0, 0).unwrap();
        let saved = filled(Some(found("2026-10-01T09:00:00Z")));
        let window = saved.window(&policy, now).unwrap();
        assert!(!window.is_open());
        assert_eq!(window.last_day().unwrap().to_string(), "2026-10-15");
        assert!(
            saved
                .errors(&policy, now)
                .contains(&("withdrawal".into(), "withdrawal.window_closed".into()))
        );
    }

    #[test]
    fn a_draft_saved_before_the_postcode_was_part_of_it_still_reads() {
        // Saved before the postcode existed, and while it was kept beside the draft.
        let draft = r#"{"name": "Anna de Vries", "order_number": "RD-1001",
            "lookup_email": "anna@example.com", "items": [], "email": "anna@example.com",
            "order_date": "", "goods": ""}"#;
        let before = format!(
            r#"{{"stage": "Details", "idempotency_key": "k", "draft": {draft},
                "order": null, "typed_contract": false}}"#
        );
        let beside = format!(
            r#"{{"stage": "Details", "idempotency_key": "k", "draft": {draft},
                "order": null, "typed_contract": false, "lookup_postcode": "1011 AB"}}"#
        );
        for text in [before, beside] {
            assert_eq!(SavedWithdrawal::from_json_text(&text), Ok(filled(None)));
        }
    }

    #[test]
    fn a_form_saved_before_the_contract_could_be_typed_still_reads() {
        let text = r#"{"stage": "Confirm", "idempotency_key": "k",
            "draft": {"name": "Anna de Vries", "order_number": "RD-1001",
                "lookup_email": "anna@example.com", "email": "anna@example.com"},
            "order": {"order_number": "RD-1001", "placed_on": "2026-11-01",
                "delivered_on": "2026-11-14", "items": [{"name": "Kettle", "quantity": 1}]}}"#;
        let mut saved = filled(Some(found("2026-11-14")));
        saved.stage = Stage::Confirm;
        assert_eq!(SavedWithdrawal::from_json_text(text), Ok(saved));
    }

    #[test]
    fn what_is_saved_reads_back_whole() {
        for typed_contract in [false, true] {
            let mut saved = filled(Some(found("2026-11-14")));
            saved.stage = Stage::Confirm;
            saved.draft.lookup_postcode = "1011 AB".into();
            saved.draft.items = vec!["Kettle".into()];
            saved.typed_contract = typed_contract;
            let text = serde_json::to_string(&saved).unwrap();
            assert_eq!(SavedWithdrawal::from_json_text(&text), Ok(saved));
        }
        let typed = filled(Some(FoundOrder::typed("RD-1001")));
        let text = serde_json::to_string(&typed).unwrap();
        assert_eq!(SavedWithdrawal::from_json_text(&text), Ok(typed));
    }

    #[test]
    fn a_form_the_reader_cannot_read_is_refused_not_half_read() {
        let refused = |text: &str| {
            SavedWithdrawal::from_json_text(text)
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            refused(r#"{"stage": "Done", "idempotency_key": "k", "draft": {}}"#),
            "invalid type at stage: expected a stage"
        );
        assert_eq!(
            refused(r#"{"stage": "Details", "idempotency_key": "k", "draft": {"nam": "Anna"}}"#),
            "unknown field `nam` at draft"
        );
        assert_eq!(
            refused(r#"{"stage": "Details", "draft": {}}"#),
            "missing field `idempotency_key` at ."
        );
    }

    #[test]
    fn the_core_crate_judges_the_postcode_only_on_a_postcode_shop() {
        let postcode_shop =
            ComplaintPolicy::from_json(r#"{"order_lookup": {"key": "post_code"}}"#).unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 21, 12, 0, 0).unwrap();
        let mut saved = filled(Some(found("2026-11-14")));
        saved.draft.lookup_postcode = "anna@example.com".into();
        assert_eq!(
            saved.errors(&postcode_shop, now),
            [("lookup_postcode".into(), "post_code.format".into())]
        );
        assert_eq!(saved.errors(&ComplaintPolicy::default(), now), []);
        saved.draft.lookup_postcode = "1011 ab".into();
        saved.draft.lookup_email = "anna@".into();
        assert_eq!(saved.errors(&postcode_shop, now), []);
    }

    #[test]
    fn a_postcode_shop_checks_and_sends_the_postcode_not_the_email() {
        let mut saved = filled(None);
        assert_eq!(
            saved.lookup_errors(LookupKey::PostCode),
            [("lookup_postcode".into(), "post_code.missing".into())]
        );
        saved.draft.lookup_postcode = "anna@example.com".into();
        assert_eq!(
            saved.lookup_errors(LookupKey::PostCode),
            [("lookup_postcode".into(), "post_code.format".into())]
        );
        saved.draft.lookup_postcode = "1011 ab".into();
        assert_eq!(saved.lookup_errors(LookupKey::PostCode), []);
        let sent: serde_json::Value =
            serde_json::from_str(&saved.sent_json(LookupKey::PostCode)).unwrap();
        assert_eq!(sent["lookup_postcode"], "1011 ab");
        assert_eq!(sent["lookup_email"], "");
        assert_eq!(
            sent["email"], "anna@example.com",
            "the contact e-mail stays"
        );
        let sent: serde_json::Value =
            serde_json::from_str(&saved.sent_json(LookupKey::Email)).unwrap();
        assert_eq!(sent.get("lookup_postcode"), None);
        assert_eq!(sent["lookup_email"], "anna@example.com");
    }

    #[test]
    fn an_email_shop_names_a_blank_lookup_email_before_looking_up() {
        let mut saved = filled(None);
        saved.draft.lookup_email = " ".into();
        saved.draft.order_number = "RD 1001".into();
        assert_eq!(
            saved.lookup_errors(LookupKey::Email),
            [
                ("order_number".into(), "order_number.format".into()),
                ("lookup_email".into(), "email.missing".into())
            ]
        );
        saved.typed_contract = true;
        assert_eq!(saved.lookup_errors(LookupKey::Email), []);
    }

    #[test]
    fn without_a_found_order_the_typed_contract_details_are_required() {
        let policy = ComplaintPolicy::default();
        let now = Utc.with_ymd_and_hms(2026, 11, 21, 12, 0, 0).unwrap();
        let mut saved = filled(None);
        saved.typed_contract = true;
        let fields: Vec<String> = saved
            .errors(&policy, now)
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        assert!(fields.contains(&"order_date".to_owned()), "{fields:?}");
        assert!(fields.contains(&"goods".to_owned()), "{fields:?}");
        saved.draft.order_date = "2026-11-02".into();
        saved.draft.goods = "A kettle".into();
        assert_eq!(saved.errors(&policy, now), []);
    }
}
