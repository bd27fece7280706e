//! `POST /api/orders/lookup`: finds the shopper's order without telling strangers which
//! order numbers exist.

use axum::extract::State;
use chrono::NaiveDate;
use redress_core::domain::{Email, OrderNumber, PostCode};
use redress_core::error::{ErrorCode, ErrorParams, FieldError};
use redress_core::policy::LookupKey;
use serde::{Deserialize, Serialize};
use subtle::ConstantTimeEq;

use crate::error::{AppError, Json};
use crate::routes::ClientIp;
use crate::state::AppState;
use crate::store::OrderItem;

/// What the shopper types: the order number and, per the policy, the e-mail or postcode.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LookupRequest {
    pub order_number: String,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub postcode: Option<String>,
}

/// The order, as far as the complaint form needs it.
#[derive(Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct OrderSummary {
    pub order_number: String,
    /// `YYYY-MM-DD`.
    #[schema(value_type = String)]
    pub order_date: NaiveDate,
    /// `YYYY-MM-DD`, or null when not delivered yet.
    #[schema(value_type = Option<String>)]
    pub delivery_date: Option<NaiveDate>,
    pub items: Vec<OrderItem>,
}

/// Looks an order up. "No such order" and "wrong e-mail" give the same `404
/// order.not_found`; too many attempts per client IP or per order number give `429`.
#[utoipa::path(post, path = "/api/orders/lookup", tag = "shopper", request_body = LookupRequest,
    responses((status = 200, body = OrderSummary),
              (status = 404, body = crate::error::ErrorBody, description = "order.not_found"),
              (status = 422, body = crate::error::ErrorBody),
              (status = 429, body = crate::error::ErrorBody, description = "rate_limited"),
              (status = 400, body = crate::error::ErrorBody, description = "json.syntax"),
              (status = 413, body = crate::error::ErrorBody, description = "body.too_large")))]
pub async fn lookup(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Json(request): Json<LookupRequest>,
) -> Result<Json<OrderSummary>, AppError> {
    let order = owned_order(&state, &ip, &request).await?;
    Ok(Json(OrderSummary {
        order_number: order.order_number,
        order_date: order.order_date,
        delivery_date: order.delivery_date,
        items: order.items,
    }))
}

/// The order `request` names, if the shopper proved it is theirs (the e-mail or postcode
/// the policy asks for). Shared by every route that answers "by order number and
/// e-mail", so they share its rate limits and its one neutral not-found.
pub async fn owned_order(
    state: &AppState,
    ip: &str,
    request: &LookupRequest,
) -> Result<crate::store::Order, AppError> {
    let order_number = OrderNumber::parse(&request.order_number)
        .map_err(|e| AppError::field("order_number", &e))?;
    let order_number = order_number.as_ref();
    // Per client, every attempt counts; per order number only failed ones, so a shopper
    // who reloads the form is never locked out of their own order while guessing the
    // e-mail of someone else's order stops after a few tries.
    // `OrderNumber::parse` upper-cases, so "rd-1001" and "RD-1001" share one count.
    let ip_allowed = state.lookups_per_ip.allow(ip).await?;
    if !ip_allowed || state.lookups_per_order.exhausted(order_number).await? {
        return Err(AppError::rate_limited(
            "too many order lookups; wait a few minutes",
        ));
    }
    let given = lookup_key(state.policy.order_lookup.key, request)?;
    let order = state.orders.order(order_number).await?;
    let same = proof_matches(state.policy.order_lookup.key, order.as_ref(), &given);
    match order {
        Some(order) if same => Ok(order),
        _ => {
            state.lookups_per_order.count(order_number).await?;
            Err(AppError::not_found(
                "order.not_found",
                "no order matches this order number and the details given",
            ))
        }
    }
}

/// Whether `proof` (in the form [`expected_proof`] gives) is `order`'s. The comparison
/// runs whether or not the order exists, in constant time, so the answer and its timing
/// do not reveal which order numbers are real.
pub(crate) fn proof_matches(
    key: LookupKey,
    order: Option<&crate::store::Order>,
    proof: &str,
) -> bool {
    let expected = match order {
        Some(order) => expected_proof(key, order),
        None => "\u{0}no-such-order".to_owned(),
    };
    expected.as_bytes().ct_eq(proof.as_bytes()).into()
}

/// What the order book holds for `order` in the form a shopper's proof is compared to
/// (the e-mail lower-cased, the postcode compact), or an empty string when the book's
/// own value does not parse, which no parsed proof equals.
fn expected_proof(key: LookupKey, order: &crate::store::Order) -> String {
    match key {
        LookupKey::Email => Email::parse(&order.email)
            .map(|e| e.as_ref().to_lowercase())
            .unwrap_or_default(),
        LookupKey::PostCode => PostCode::parse(&order.postcode)
            .map(|p| p.compact())
            .unwrap_or_default(),
    }
}

/// The shopper's proof of ownership in comparable form, parsed by the core crate's rules.
fn lookup_key(key: LookupKey, request: &LookupRequest) -> Result<String, AppError> {
    let missing = |field: &'static str, code: ErrorCode| {
        AppError::Validation(vec![FieldError::with(field, code, ErrorParams::default())])
    };
    match key {
        LookupKey::Email => {
            let raw = request.email.as_deref().filter(|e| !e.trim().is_empty());
            let raw = raw.ok_or_else(|| missing("email", ErrorCode::EmailMissing))?;
            let email = Email::parse(raw).map_err(|e| AppError::field("email", &e))?;
            Ok(email.as_ref().to_lowercase())
        }
        LookupKey::PostCode => {
            let raw = request.postcode.as_deref().filter(|p| !p.trim().is_empty());
            let raw = raw.ok_or_else(|| missing("postcode", ErrorCode::PostCodeMissing))?;
            let postcode = PostCode::parse(raw).map_err(|e| AppError::field("postcode", &e))?;
            Ok(postcode.compact())
        }
    }
}
