//! Every HTTP call of the widget, through the browser's `fetch` (web-sys), so no HTTP or
//! JSON crate enters the bundle. Responses are read with the browser's JSON parser.

use redress_core::from_json_object;
use redress_core::json::UnknownKeys;
use redress_core::policy::LookupKey;
use serde::Serialize;

/// What the shopper typed to find their order: its number and, as the shop's policy
/// asks, the e-mail address or the delivery postcode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LookupQuery {
    pub order_number: String,
    /// Which of the two `proof` is.
    pub key: LookupKey,
    pub proof: String,
}

/// An order as the shop's endpoint describes it; only what the shopper is shown. Saved
/// with the draft so a reload resumes without a second lookup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FoundOrder {
    pub order_number: String,
    /// ISO date (`2026-11-03`) or date-time, formatted in the shopper's locale when shown.
    pub placed_on: Option<String>,
    pub delivered_on: Option<String>,
    pub items: Vec<OrderItem>,
    /// Typed by the shopper without a lookup (the policy allows it): only the number is
    /// known, and nothing about the order was confirmed by the shop.
    pub typed: bool,
}

impl FoundOrder {
    /// An order known only by the number the shopper typed.
    pub fn typed(order_number: &str) -> FoundOrder {
        FoundOrder {
            order_number: order_number.trim().to_owned(),
            placed_on: None,
            delivered_on: None,
            items: Vec::new(),
            typed: true,
        }
    }
}

// Saved with the complaint's and the withdrawal's forms, and read back with the core's
// JSON reader only (the shop's lookup answer is read by the browser's parser, see
// `browser::parse_order`); keys a newer widget wrote are skipped.
from_json_object!(FoundOrder, UnknownKeys::Skip,
    required { "order_number" => order_number, "items" => items }
    optional { "placed_on" => placed_on, "delivered_on" => delivered_on, "typed" => typed });

/// One line of the order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrderItem {
    pub name: String,
    pub quantity: u32,
}

from_json_object!(OrderItem, UnknownKeys::Skip,
    required { "name" => name, "quantity" => quantity } optional {});

/// The lookup's answer. Not found is an answer, not an error: the shop never tells
/// whether the number exists, so the widget shows one neutral message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LookupOutcome {
    Found(FoundOrder),
    NotFound,
}

/// Why a call failed; the shopper's input is kept and they can retry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// No answer: offline, DNS, CORS, CSP `connect-src`.
    Network,
    /// An answer with an unexpected status.
    Status(u16),
    /// An answer that is not the JSON we expect.
    Malformed,
}

/// A filed complaint, as the Done screen shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filed {
    pub reference: String,
    /// The acknowledgement's due day (`YYYY-MM-DD`) from `tracking.due_steps`.
    pub acknowledge_on: Option<String>,
    /// The private token that opens the tracker (never stored by the shop in clear).
    pub tracking_token: String,
    /// The signed receipt, as the JSON the shopper downloads.
    pub receipt: String,
}

/// The server's answer to a complaint: filed, or refused with field errors
/// (`(field path, code)`, the core crate's codes) to show next to their fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilingOutcome {
    Filed(Filed),
    Refused(Vec<(String, String)>),
}

/// What a complaint filed on a trustmark's page adds (`POST {endpoint}/trustmark/complaints`):
/// the member shop and the shopper's earlier complaint to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrustmarkCase {
    pub member_id: String,
    /// `YYYY-MM-DD`: the day the shopper complained to the shop.
    pub complained_on: String,
    pub shop_reference: Option<String>,
    /// The shop's receipt as imported (JSON text); the server verifies it again.
    pub shop_receipt: Option<String>,
}

/// A withdrawal the shop recorded: what the shopper is shown and can keep.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Withdrawn {
    pub reference: String,
    /// The exact receipt time, RFC 3339 UTC.
    pub received_at: String,
    /// The day the refund is due by, `YYYY-MM-DD`.
    pub refund_due: String,
    /// The items withdrawn from.
    pub items: Vec<String>,
    /// Items the right of withdrawal does not cover (an excluded category).
    pub kept: Vec<String>,
    /// The signed receipt, as the JSON the shopper downloads.
    pub receipt: String,
}

/// The server's answer to a withdrawal: recorded, or refused with field errors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WithdrawalOutcome {
    Recorded(Withdrawn),
    Refused(Vec<(String, String)>),
}

#[cfg(all(target_arch = "wasm32", feature = "trustmark-page"))]
pub use browser::file_trustmark_complaint;
#[cfg(target_arch = "wasm32")]
pub use browser::{
    escalate, fetch_policy, file_complaint, find_complaints, get_text, lookup_order, withdraw,
};

/// Outside the browser there is no `fetch`.
#[cfg(not(target_arch = "wasm32"))]
pub async fn escalate(
    _endpoint: &str,
    _reference: &str,
    _token: &str,
    _route: &str,
) -> Result<(), ApiError> {
    Err(ApiError::Network)
}

/// Outside the browser there is no `fetch`.
#[cfg(not(target_arch = "wasm32"))]
pub async fn find_complaints(
    _endpoint: &str,
    _query: &LookupQuery,
) -> Result<Option<Vec<(String, String)>>, ApiError> {
    Err(ApiError::Network)
}

/// Outside the browser there is no `fetch`.
#[cfg(not(target_arch = "wasm32"))]
pub async fn withdraw(
    _endpoint: &str,
    _idempotency_key: &str,
    _language: &str,
    _draft_json: &str,
) -> Result<WithdrawalOutcome, ApiError> {
    Err(ApiError::Network)
}

/// Outside the browser there is no `fetch`.
#[cfg(not(target_arch = "wasm32"))]
pub async fn get_text(_url: &str) -> Result<String, ApiError> {
    Err(ApiError::Network)
}

/// Outside the browser there is no `fetch`.
#[cfg(not(target_arch = "wasm32"))]
pub async fn fetch_policy(_endpoint: &str) -> Result<String, ApiError> {
    Err(ApiError::Network)
}

/// Outside the browser there is no `fetch`.
#[cfg(not(target_arch = "wasm32"))]
pub async fn file_complaint(
    _endpoint: &str,
    _idempotency_key: &str,
    _language: &str,
    _draft_json: &str,
    _evidence_ids: &[String],
) -> Result<FilingOutcome, ApiError> {
    Err(ApiError::Network)
}

/// Outside the browser there is no `fetch`.
#[cfg(all(not(target_arch = "wasm32"), feature = "trustmark-page"))]
pub async fn file_trustmark_complaint(
    _endpoint: &str,
    _idempotency_key: &str,
    _language: &str,
    _draft_json: &str,
    _evidence_ids: &[String],
    _case: &TrustmarkCase,
) -> Result<FilingOutcome, ApiError> {
    Err(ApiError::Network)
}

/// Outside the browser there is no `fetch`: native builds (the unit tests of the
/// catalogue and the checks) see the network as down.
#[cfg(not(target_arch = "wasm32"))]
pub async fn lookup_order(
    _endpoint: &str,
    _query: &LookupQuery,
) -> Result<LookupOutcome, ApiError> {
    Err(ApiError::Network)
}

#[cfg(target_arch = "wasm32")]
mod browser;
