//! `GET /api/policy`: the shop's complaint policy, cacheable with an ETag.

use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::state::AppState;

/// The policy JSON (the core crate's `ComplaintPolicy`); `304` when `If-None-Match` matches.
#[utoipa::path(get, path = "/api/policy", tag = "shopper",
    responses((status = 200, description = "The complaint policy (redress_core::policy::ComplaintPolicy)", body = crate::openapi::answers::ComplaintPolicySchema),
              (status = 304, description = "Unchanged since the ETag given in If-None-Match")))]
pub async fn policy(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let etag =
        HeaderValue::from_str(&state.policy_etag).unwrap_or(HeaderValue::from_static("\"0\""));
    let matches = super::etag_matches(&headers, &state.policy_etag);
    let cache = HeaderValue::from_static("no-cache");
    if matches {
        return (
            StatusCode::NOT_MODIFIED,
            [(header::ETAG, etag), (header::CACHE_CONTROL, cache)],
        )
            .into_response();
    }
    (
        [
            (header::ETAG, etag),
            (header::CACHE_CONTROL, cache),
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            ),
        ],
        state.policy_json.clone(),
    )
        .into_response()
}
