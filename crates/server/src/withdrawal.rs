//! The EU withdrawal function on the server side: finding the order the shopper names,
//! the receipt a withdrawal is signed with, and its acknowledgement on a durable medium.
//!
//! The rules (window, excluded items, typed contract details, refund deadline) are the
//! core crate's `redress_core::withdrawal`; this module only feeds and shapes them.

use chrono::{DateTime, SecondsFormat, Utc};
use redress_catalogue::Lang;
use redress_core::domain::{Email, OrderNumber, PostCode};
use redress_core::policy::{ComplaintPolicy, LookupKey};
use redress_core::withdrawal::{OrderFacts, OrderItem, Withdrawal, WithdrawalDraft};
use serde_json::json;

use crate::error::AppError;
use crate::routes::orders::proof_matches;
use crate::state::AppState;
use crate::store::Notification;

/// What proves the order is the shopper's, as the shop's policy asks for it
/// (`order_lookup.key`): the draft's `lookup_email` or `lookup_postcode`, in the form
/// the order book's value is compared to (the e-mail lower-cased, the postcode compact;
/// see `expected_proof`). `None` when not given or malformed: the core crate names a
/// malformed one, and without a proof the shopper types the contract details instead.
pub fn lookup_proof(draft: &WithdrawalDraft, key: LookupKey) -> Option<String> {
    match key {
        LookupKey::Email => Email::parse(draft.lookup_email.trim())
            .ok()
            .map(|email| email.as_ref().to_lowercase()),
        LookupKey::PostCode => PostCode::parse(draft.lookup_postcode.trim())
            .ok()
            .map(|postcode| postcode.compact()),
    }
}

/// What the shop's order book knows about order `number`, or `None` when the number is
/// unknown or `proof` (see [`lookup_proof`]: the e-mail or the postcode, as the policy
/// says) does not match it: then the core crate asks for typed contract details
/// instead, and the answer reveals nothing about the order. A failed match counts against
/// the order lookup's per-order limit, so guessing the e-mail or postcode of someone
/// else's order stops here as it does at `/api/orders/lookup` (429). An unknown number
/// counts too, as it does there: the count is a database write, and writing only for real
/// orders would tell them apart by the time the answer takes.
pub async fn order_facts(
    state: &AppState,
    number: &str,
    proof: &str,
) -> Result<Option<OrderFacts>, AppError> {
    // A malformed number names no order (the import refuses them) and the core crate
    // names it; it is neither looked up nor counted, so keys stay short.
    let Ok(order_number) = OrderNumber::parse(number) else {
        return Ok(None);
    };
    let order_key = order_number.as_ref();
    if state.lookups_per_order.exhausted(order_key).await? {
        return Err(AppError::rate_limited(
            "too many attempts for this order number; wait a few minutes",
        ));
    }
    let order = state.orders.order(number.trim()).await?;
    let same = proof_matches(state.policy.order_lookup.key, order.as_ref(), proof);
    if !same {
        state.lookups_per_order.count(order_key).await?;
    }
    let Some(order) = order.filter(|_| same) else {
        return Ok(None);
    };
    Ok(Some(OrderFacts {
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
/// `kind` (`"withdrawal"`), `reference`, `received_at` (RFC 3339 UTC, seconds),
/// `order_found_by` (the proof the order book matched, `"email"` or `"post_code"`;
/// `null` when no order was found and the typed contract details identify it) and
/// `withdrawal` (the validated withdrawal as the core crate serializes it).
pub fn receipt_payload(
    reference: &str,
    withdrawal: &Withdrawal,
    order_found_by: Option<LookupKey>,
) -> Result<serde_json::Value, AppError> {
    Ok(json!({
        "kind": "withdrawal",
        "reference": reference,
        "received_at": rfc3339(withdrawal.received_at()),
        "order_found_by": order_found_by,
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
