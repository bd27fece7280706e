//! HTTP handlers, one module per resource. Handlers parse the request, call the core crate
//! and the stores, and shape the answer; they hold no complaint rules of their own.

pub mod complaints;
pub mod evidence;
pub mod export;
pub mod inbox;
pub mod orders;
pub mod policy;
pub mod shop;
pub mod trustmark;
pub mod trustmark_complaints;
pub mod withdrawals;

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts, State};
use axum::http::request::Parts;

use crate::error::Json;
use crate::receipt::ReceiptKey;
use crate::state::AppState;

/// The client's IP address: the socket's peer, or, when that is a trusted reverse proxy,
/// the client its `X-Forwarded-For` names (see [`crate::client_ip`]).
pub struct ClientIp(pub String);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let Some(ConnectInfo(peer)) = parts.extensions.get::<ConnectInfo<SocketAddr>>() else {
            return Ok(ClientIp("unknown".to_owned()));
        };
        let forwarded: Vec<&str> = parts
            .headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|value| value.to_str().ok())
            .collect();
        let client = state.trusted_proxies.client(peer.ip(), &forwarded);
        Ok(ClientIp(client.to_string()))
    }
}

/// Whether `If-None-Match` names `etag` (weak or strong) or `*`: the answer is a 304 then.
pub(crate) fn etag_matches(headers: &axum::http::HeaderMap, etag: &str) -> bool {
    headers
        .get_all(axum::http::header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|tag| {
            let tag = tag.trim();
            tag == "*" || tag.trim_start_matches("W/") == etag
        })
}

/// `GET /healthz`: answers once the database is migrated and the key loaded.
#[utoipa::path(get, path = "/healthz", tag = "operations", responses((status = 200, description = "ok")))]
pub async fn healthz() -> &'static str {
    "ok"
}

/// `GET /api/receipt-key`: the public key receipts are verified with.
#[utoipa::path(get, path = "/api/receipt-key", tag = "shopper", responses((status = 200, body = ReceiptKey)))]
pub async fn receipt_key(State(state): State<AppState>) -> Json<ReceiptKey> {
    Json(state.signer.public())
}
