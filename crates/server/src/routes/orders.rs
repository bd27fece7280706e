//! `POST /api/orders/lookup`: finds the shopper's order without telling strangers which
//! order numbers exist.

use axum::extract::State;
use axum::http::StatusCode;
use chrono::NaiveDate;
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
              (status = 429, body = crate::error::ErrorBody, description = "rate_limited")))]
pub async fn lookup(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Json(request): Json<LookupRequest>,
) -> Result<Json<OrderSummary>, AppError> {
    let order_number = request.order_number.trim();
    if order_number.is_empty() || order_number.len() > 64 {
        return Err(AppError::rejected(
            StatusCode::UNPROCESSABLE_ENTITY,
            "order_number.format",
            "the order number is empty or too long",
        ));
    }
    let ip_allowed = state.lookups_per_ip.allow(&ip);
    let order_allowed = state
        .lookups_per_order
        .allow(&order_number.to_ascii_uppercase());
    if !(ip_allowed && order_allowed) {
        return Err(AppError::rejected(
            StatusCode::TOO_MANY_REQUESTS,
            "rate_limited",
            "too many order lookups; wait a few minutes",
        ));
    }
    let (given, key_name) = match state.policy.order_lookup.key {
        LookupKey::Email => (request.email.as_deref().map(normalize_email), "email"),
        LookupKey::PostCode => (
            request.postcode.as_deref().map(normalize_postcode),
            "postcode",
        ),
    };
    let Some(given) = given.filter(|g| !g.is_empty()) else {
        return Err(AppError::rejected(
            StatusCode::UNPROCESSABLE_ENTITY,
            if key_name == "email" {
                "email.required"
            } else {
                "postcode.required"
            },
            format!("the lookup needs the order's {key_name}"),
        ));
    };
    let order = state.orders.order(order_number).await?;
    // The comparison runs whether or not the order exists, in constant time, so the
    // answer and its timing do not reveal which order numbers are real.
    let expected = match (&order, state.policy.order_lookup.key) {
        (Some(o), LookupKey::Email) => normalize_email(&o.email),
        (Some(o), LookupKey::PostCode) => normalize_postcode(&o.postcode),
        (None, _) => "\u{0}no-such-order".to_owned(),
    };
    let same: bool = expected.as_bytes().ct_eq(given.as_bytes()).into();
    match order {
        Some(order) if same => Ok(Json(OrderSummary {
            order_number: order.order_number,
            order_date: order.order_date,
            delivery_date: order.delivery_date,
            items: order.items,
        })),
        _ => Err(AppError::not_found(
            "order.not_found",
            "no order matches this order number and the details given",
        )),
    }
}

fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

fn normalize_postcode(postcode: &str) -> String {
    postcode
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase()
}
