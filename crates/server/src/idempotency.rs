//! `Idempotency-Key`: a retried submit gets the first answer, never a second complaint.
//!
//! The key is claimed in the same transaction that stores the complaint (see
//! `ComplaintStore::file_complaint`), so two concurrent submits with one key cannot both
//! win: the second waits on the first's row and then replays its answer.

use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use crate::error::AppError;
use crate::store::StoredResponse;

/// The header name.
pub const HEADER: &str = "idempotency-key";

/// A client-chosen key: 1 to 128 visible ASCII characters (a UUID is typical).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdempotencyKey(String);

impl IdempotencyKey {
    /// Reads the optional header; a present but malformed key is an error.
    pub fn from_headers(headers: &HeaderMap) -> Result<Option<IdempotencyKey>, AppError> {
        let Some(value) = headers.get(HEADER) else {
            return Ok(None);
        };
        value
            .to_str()
            .ok()
            .and_then(|v| IdempotencyKey::parse(v).ok())
            .map(Some)
            .ok_or_else(|| {
                AppError::rejected(
                    StatusCode::BAD_REQUEST,
                    "idempotency_key.format",
                    "Idempotency-Key must be 1 to 128 visible ASCII characters",
                )
            })
    }

    /// Parses a key.
    pub fn parse(raw: &str) -> Result<IdempotencyKey, IdempotencyKeyError> {
        let ok = (1..=128).contains(&raw.len()) && raw.bytes().all(|b| b.is_ascii_graphic());
        if ok {
            Ok(IdempotencyKey(raw.to_owned()))
        } else {
            Err(IdempotencyKeyError)
        }
    }
}

/// The key is empty, too long or has characters other than visible ASCII.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("idempotency_key: must be 1 to 128 visible ASCII characters")]
pub struct IdempotencyKeyError;

impl AsRef<str> for IdempotencyKey {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// The fingerprint of a request: SHA-256 of its canonical JSON, so a retry that
/// re-serializes the same content still matches.
pub fn request_hash(request: &serde_json::Value) -> String {
    hex::encode(Sha256::digest(
        crate::receipt::canonical_json(request).as_bytes(),
    ))
}

/// Replays a stored answer if it belongs to the same request; a key reused for a
/// different request is refused.
pub fn replay(stored: StoredResponse, request_hash: &str) -> Result<Response, AppError> {
    if stored.request_hash != request_hash {
        return Err(AppError::rejected(
            StatusCode::UNPROCESSABLE_ENTITY,
            "idempotency_key.reused",
            "this Idempotency-Key was used for a different request",
        ));
    }
    let status = StatusCode::from_u16(stored.status).unwrap_or(StatusCode::OK);
    Ok((
        status,
        [
            (axum::http::header::CONTENT_TYPE, "application/json"),
            (
                axum::http::HeaderName::from_static("idempotent-replayed"),
                "true",
            ),
        ],
        stored.body,
    )
        .into_response())
}
