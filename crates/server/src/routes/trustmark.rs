//! `GET /api/trustmark/*`: the trustmark's signed registry, its published keys and the
//! members' attestations, read from the data directory on every request so a new `sign`
//! is served without a restart. Served only once the data directory holds a registry.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use redress_core::trustmark::{MemberRegistry, SignedEnvelope, TrustedKeys};
use sha2::{Digest, Sha256};

use crate::error::AppError;
use crate::receipt::Receipt;
use crate::state::AppState;
use crate::trustmark::TrustmarkDir;

/// The signed member registry (envelope format 1); `304` when `If-None-Match` matches.
#[utoipa::path(get, path = "/api/trustmark/registry", tag = "trustmark",
    responses((status = 200, description = "The signed registry; `signed` holds the registry payload of redress_core::trustmark", body = Receipt),
              (status = 304, description = "Unchanged since the ETag given in If-None-Match"),
              (status = 404, description = "`trustmark.not_configured`: no registry signed in this data directory", body = crate::error::ErrorBody)))]
pub async fn registry(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let dir = configured(&state).await?;
    let text = read(&dir.registry()).await?;
    let etag = format!("\"{}\"", hex::encode(&Sha256::digest(&text)[..16]));
    let etag_value = HeaderValue::from_str(&etag).map_err(AppError::internal)?;
    let cache = HeaderValue::from_static("no-cache");
    let matches = super::etag_matches(&headers, &etag);
    if matches {
        return Ok((
            StatusCode::NOT_MODIFIED,
            [(header::ETAG, etag_value), (header::CACHE_CONTROL, cache)],
        )
            .into_response());
    }
    Ok(json_response(
        text,
        [(header::ETAG, etag_value), (header::CACHE_CONTROL, cache)],
    ))
}

/// The published keys: `{"trustmark", "keys":[{"key_id","public_key","retired_from"?}]}`,
/// the format `redress_core::trustmark::TrustedKeys::from_json` reads.
#[utoipa::path(get, path = "/api/trustmark/keys", tag = "trustmark",
    responses((status = 200, description = "The trustmark's published keys (TrustedKeys::from_json format)", body = Object),
              (status = 404, description = "`trustmark.not_configured`", body = crate::error::ErrorBody)))]
pub async fn keys(State(state): State<AppState>) -> Result<Response, AppError> {
    let dir = configured(&state).await?;
    let text = read(&dir.keys()).await?;
    Ok(json_response(
        text,
        [(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"))],
    ))
}

/// One member's signed membership attestation, for the shop to embed in its badge.
#[utoipa::path(get, path = "/api/trustmark/attestations/{member_id}", tag = "trustmark",
    params(("member_id" = String, Path, description = "The member id as in the registry")),
    responses((status = 200, description = "The signed attestation (envelope format 1)", body = Receipt),
              (status = 404, description = "`trustmark.not_configured`, or `trustmark.member_not_found` for an id the registry does not list", body = crate::error::ErrorBody)))]
pub async fn attestation(
    State(state): State<AppState>,
    Path(member_id): Path<String>,
) -> Result<Response, AppError> {
    let dir = configured(&state).await?;
    let text = read(&dir.attestations()).await?;
    let mut attestations: std::collections::BTreeMap<String, Receipt> =
        serde_json::from_str(&text).map_err(AppError::internal)?;
    let attestation = attestations.remove(&member_id).ok_or_else(|| {
        AppError::not_found(
            "trustmark.member_not_found",
            "the registry lists no member with this id",
        )
    })?;
    Ok(crate::error::Json(attestation).into_response())
}

/// The registry of this data directory, verified with the core crate against the keys the
/// server publishes beside it, as any shopper's browser verifies it: the server decides
/// nothing on a list it could not verify either.
pub(crate) async fn verified_registry(
    state: &AppState,
    today: chrono::NaiveDate,
) -> Result<MemberRegistry, AppError> {
    let dir = configured(state).await?;
    let keys = TrustedKeys::from_json(&read(&dir.keys()).await?).map_err(AppError::internal)?;
    let envelope =
        SignedEnvelope::from_json(&read(&dir.registry()).await?).map_err(AppError::internal)?;
    MemberRegistry::verify(&envelope, &keys, today).map_err(AppError::internal)
}

/// The name of the trustmark handling complaint `reference`, as its own verified
/// registry states it, or `None` for a complaint the shop handles (one without a
/// trustmark case). The shopper's messages then name the trustmark, not the shop, as
/// the one acting. A registry that no longer verifies is logged and the words fall back
/// to the shop's, so a broken registry file never blocks the desk's work.
pub(crate) async fn handling_trustmark(
    state: &AppState,
    reference: &str,
) -> Result<Option<String>, AppError> {
    if state.store.trustmark_case(reference).await?.is_none() {
        return Ok(None);
    }
    let today = state.policy.today(chrono::Utc::now());
    match verified_registry(state, today).await {
        Ok(registry) => Ok(Some(registry.trustmark().to_string())),
        Err(error) => {
            tracing::warn!(
                reference,
                ?error,
                "trustmark case, but the registry does not verify"
            );
            Ok(None)
        }
    }
}

async fn configured(state: &AppState) -> Result<TrustmarkDir, AppError> {
    let dir = TrustmarkDir::of(&state.data_dir);
    if tokio::fs::try_exists(dir.registry()).await.unwrap_or(false) {
        Ok(dir)
    } else {
        Err(AppError::not_found(
            "trustmark.not_configured",
            "this server publishes no trustmark registry",
        ))
    }
}

async fn read(path: &std::path::Path) -> Result<String, AppError> {
    Ok(tokio::fs::read_to_string(path).await?)
}

fn json_response<const N: usize>(
    text: String,
    headers: [(header::HeaderName, HeaderValue); N],
) -> Response {
    let mut response = (headers, text).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}
