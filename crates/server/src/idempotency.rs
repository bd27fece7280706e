//! `Idempotency-Key`: a retried submit gets the first answer, never a second complaint.
//!
//! The key is claimed in the same transaction that stores the complaint (see
//! `ComplaintStore::file_complaint`), so two concurrent submits with one key cannot both
//! win: the second waits on the first's row and then replays its answer.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use crate::error::AppError;
use crate::store::{ComplaintStore, StoredResponse};

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

/// A submit to an idempotent route, read once in the same way for every such route.
pub enum Submission<T> {
    /// The key was answered before: that answer, replayed.
    Replayed(Response),
    /// A first submission (or one without a key).
    Fresh(Fresh<T>),
}

/// A first submission: its request, its key if any, and the fingerprint stored with the
/// answer so a later retry can be matched to it.
pub struct Fresh<T> {
    pub key: Option<IdempotencyKey>,
    pub request: T,
    pub request_hash: String,
}

/// Reads an idempotent JSON submit: the body (too large: 413 `body.too_large`), the key
/// (400 `idempotency_key.format`), the JSON (400 `json.syntax`) and its shape (422
/// `json.shape`, a key repeated within one object first); a key answered before replays
/// that answer.
pub async fn read_submission<T: serde::de::DeserializeOwned>(
    store: &dyn ComplaintStore,
    headers: &HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Submission<T>, AppError> {
    let body = body.map_err(|e| {
        AppError::rejected(
            StatusCode::PAYLOAD_TOO_LARGE,
            "body.too_large",
            e.body_text(),
        )
    })?;
    let key = IdempotencyKey::from_headers(headers)?;
    let value: serde_json::Value = serde_json::from_slice(&body).map_err(|e| {
        AppError::rejected(
            StatusCode::BAD_REQUEST,
            "json.syntax",
            format!("the body is not JSON: {e}"),
        )
    })?;
    crate::error::refuse_repeated_keys(&body)?;
    let request: T = serde_json::from_value(value.clone()).map_err(|e| {
        AppError::rejected(
            StatusCode::UNPROCESSABLE_ENTITY,
            "json.shape",
            e.to_string(),
        )
    })?;
    let request_hash = request_hash(&value);
    if let Some(key) = &key
        && let Some(first) = store.idempotent_response(key.as_ref()).await?
    {
        return replay(first, &request_hash).map(Submission::Replayed);
    }
    Ok(Submission::Fresh(Fresh {
        key,
        request,
        request_hash,
    }))
}
