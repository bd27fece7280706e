//! The EU withdrawal function on the server side: finding the order the shopper names,
//! the receipt a withdrawal is signed with, and its acknowledgement on a durable medium.
//!
//! The rules (window, excluded items, typed contract details, refund deadline) are the
//! core crate's `redress_core::withdrawal`; this module only feeds and shapes them.

use chrono::{DateTime, SecondsFormat, Utc};
use redress_catalogue::Lang;
use redress_core::domain::{Email, PostCode};
use redress_core::error::FieldError;
use redress_core::policy::{ComplaintPolicy, LookupKey};
use redress_core::withdrawal::{OrderFacts, OrderItem, Withdrawal, WithdrawalDraft};
use serde_json::json;
use subtle::ConstantTimeEq;

use crate::error::AppError;
use crate::routes::orders::expected_proof;
use crate::state::AppState;
use crate::store::Notification;

/// The withdrawal form as the widget sends it: the core crate's `WithdrawalDraft` and,
/// beside its keys, `lookup_postcode`, the delivery postcode that proves the order is the
/// shopper's on a shop whose policy looks orders up by postcode (`order_lookup.key =
/// post_code`). The core's draft refuses unknown keys and has no postcode, so this key
/// is taken out before the rest is read as the draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentWithdrawal {
    /// The form as the core crate validates it.
    pub draft: WithdrawalDraft,
    /// The delivery postcode as typed; empty when not given.
    pub lookup_postcode: String,
}

impl SentWithdrawal {
    /// Reads the `draft` of a withdrawal request; any other unknown key is refused as
    /// the core crate refuses it.
    pub fn from_json(mut value: serde_json::Value) -> Result<SentWithdrawal, serde_json::Error> {
        let lookup_postcode = match value
            .as_object_mut()
            .and_then(|keys| keys.remove("lookup_postcode"))
        {
            None | Some(serde_json::Value::Null) => String::new(),
            Some(given) => serde_json::from_value(given)?,
        };
        Ok(SentWithdrawal {
            draft: serde_json::from_value(value)?,
            lookup_postcode,
        })
    }

    /// What proves the order is the shopper's, as the shop's policy asks for it, in the
    /// form the order book's value is compared to; `None` when not given (the shopper
    /// then types the contract details). A postcode that does not parse is the field
    /// error `lookup_postcode`; a malformed lookup e-mail is the core crate's to name.
    pub fn proof(&self, key: LookupKey) -> Result<Option<String>, FieldError> {
        match key {
            LookupKey::Email => Ok(Email::parse(self.draft.lookup_email.trim())
                .ok()
                .map(|email| email.as_ref().to_lowercase())),
            LookupKey::PostCode => match self.lookup_postcode.trim() {
                "" => Ok(None),
                typed => PostCode::parse(typed)
                    .map(|postcode| Some(postcode.compact()))
                    .map_err(|e| FieldError::new("lookup_postcode", &e)),
            },
        }
    }
}

/// What the shop's order book knows about order `number`, or `None` when the number is
/// unknown or `proof` (see [`SentWithdrawal::proof`]: the e-mail or the postcode, as the
/// policy says) does not match it: then the core crate asks for typed contract details
/// instead, and the answer reveals nothing about the order. A wrong proof counts against
/// the order lookup's per-order limit, so guessing the e-mail or postcode of someone
/// else's order stops here as it does at `/api/orders/lookup` (429).
pub async fn order_facts(
    state: &AppState,
    number: &str,
    proof: &str,
) -> Result<Option<OrderFacts>, AppError> {
    let number = number.trim();
    if number.is_empty() {
        return Ok(None);
    }
    let order_key = number.to_ascii_uppercase();
    if state.lookups_per_order.exhausted(&order_key) {
        return Err(AppError::rejected(
            axum::http::StatusCode::TOO_MANY_REQUESTS,
            "rate_limited",
            "too many attempts for this order number; wait a few minutes",
        ));
    }
    let Some(order) = state.orders.order(number).await? else {
        return Ok(None);
    };
    let expected = expected_proof(state.policy.order_lookup.key, &order);
    let same: bool = expected.as_bytes().ct_eq(proof.as_bytes()).into();
    if !same {
        state.lookups_per_order.count(&order_key);
    }
    Ok(same.then(|| OrderFacts {
        delivered_on: order.delivery_date,
        // The order book has no Art. 16 categories yet: every line is eligible.
        items: order
            .items
            .iter()
            .map(|item| OrderItem {
                name: item.name.clone(),
                category: None,
            })
            .collect(),
    }))
}

/// A withdrawal reference such as `W-7K3M9Q2XAB`: the complaint alphabet, its own prefix.
pub fn reference() -> Result<String, AppError> {
    let complaint = crate::token::reference().map_err(AppError::internal)?;
    Ok(format!("W-{}", complaint.trim_start_matches("C-")))
}

/// The payload the receipt signs (canonical form: see `crate::receipt`): the keys
/// `kind` (`"withdrawal"`), `reference`, `received_at` (RFC 3339 UTC, seconds) and
/// `withdrawal` (the validated withdrawal as the core crate serializes it).
pub fn receipt_payload(
    reference: &str,
    withdrawal: &Withdrawal,
) -> Result<serde_json::Value, AppError> {
    Ok(json!({
        "kind": "withdrawal",
        "reference": reference,
        "received_at": rfc3339(withdrawal.received_at()),
        "withdrawal": serde_json::to_value(withdrawal).map_err(AppError::internal)?,
    }))
}

/// RFC 3339 UTC with seconds precision, as receipts state instants.
pub fn rfc3339(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The acknowledgement on a durable medium (Art. 11a CRD): the content of the
/// withdrawal, its date and time in the shop's time zone and the signed receipt,
/// inlined, in the shopper's language (every language of the widget's catalogue;
/// English otherwise).
pub fn acknowledgement(
    id: String,
    reference: &str,
    withdrawal: &Withdrawal,
    receipt_json: &str,
    language: &str,
    policy: &ComplaintPolicy,
) -> Notification {
    let zone = policy.shop.time_zone;
    let received = withdrawal.received_at();
    let local = received.with_timezone(&zone.offset_at(received));
    let when = format!(
        "{} ({})",
        local.format("%Y-%m-%d %H:%M:%S %:z"),
        zone.name()
    );
    let t = Lang::from_tag(language).unwrap_or(Lang::En).messages();
    let mut lines = vec![
        t.ack_intro.to_owned(),
        String::new(),
        format!("{}: {reference}", t.ack_reference),
        format!("{}: {when}", t.ack_received_on),
        format!("{}: {}", t.ack_name, withdrawal.name()),
    ];
    if let Some(number) = withdrawal.order_number() {
        lines.push(format!("{}: {}", t.ack_order, number.as_ref()));
    }
    if let Some(contract) = withdrawal.contract() {
        lines.push(format!("{}: {}", t.ack_order_date, contract.order_date));
        lines.push(format!("{}: {}", t.ack_goods, contract.goods));
    }
    let withdrawn = if withdrawal.items().is_empty() {
        t.ack_whole_contract.to_owned()
    } else {
        withdrawal.items().join(", ")
    };
    lines.push(format!("{}: {withdrawn}", t.ack_withdrawn_from));
    for kept in withdrawal.kept() {
        lines.push(format!(
            "{}: {} ({})",
            t.withdraw_kept,
            kept.name,
            kept.category.code()
        ));
    }
    if let Some(due) = withdrawal.refund_due() {
        lines.push(format!("{}: {due}", t.ack_refund_by));
    }
    lines.push(String::new());
    lines.push(t.ack_receipt_intro.to_owned());
    lines.push(receipt_json.to_owned());
    Notification {
        id,
        complaint_reference: reference.to_owned(),
        recipient: Some(withdrawal.confirmation_email().as_ref().to_owned()),
        language: language.to_owned(),
        subject: t.ack_subject.replace("{reference}", reference),
        body: lines.join("\n"),
        created_at: received.timestamp(),
    }
}
