//! From the submitted draft to the complaint the server stores and signs.
//!
//! The rules are the core crate's: this module only calls them and shapes the receipt.

use chrono::{DateTime, SecondsFormat, Utc};
use redress_core::draft::{self, ComplaintDraft};
use redress_core::json::FromJson;
use redress_core::policy::ComplaintPolicy;
use serde_json::json;

use crate::error::AppError;
use crate::store::EvidenceRecord;
use crate::tracking::ComplaintFacts;

/// A complaint that passed the core crate's validation.
#[derive(Debug, Clone)]
pub struct ValidComplaint {
    /// The validated complaint as the core crate serializes it.
    pub json: serde_json::Value,
    pub order_number: Option<String>,
    pub email: Option<String>,
    /// The shopper's country and the product category, for escalation routing.
    pub facts: ComplaintFacts,
    /// The evidence files the draft declares, in order.
    pub evidence: Vec<DeclaredFile>,
}

/// What identifies an evidence file: its bytes' hash, its type and its size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeclaredFile {
    pub sha256: String,
    pub media_type: String,
    pub size_bytes: u64,
}

/// The language messages to the shopper use: the requested one when the shop offers it,
/// else the shop's first language.
pub fn language(policy: &ComplaintPolicy, requested: &str) -> Result<String, AppError> {
    let offered = &policy.shop.languages;
    let chosen = offered
        .iter()
        .find(|l| l.eq_ignore_ascii_case(requested))
        .or_else(|| offered.first())
        .cloned()
        .unwrap_or_else(|| "en".to_owned());
    Ok(chosen)
}

/// Reads a submitted form (the request's `draft`) with the core crate's JSON reader, the
/// one the widget reads its saved form with, so the two cannot disagree on a key. The
/// error names where the draft is wrong, for a 422 `json.shape`:
/// `draft.evidence[0].size_bytes: invalid type: expected an integer`,
/// ``draft: unknown field `colour` ``.
pub fn read_draft<T: FromJson>(draft: &serde_json::Value) -> Result<T, String> {
    T::from_json_text(&draft.to_string()).map_err(|e| {
        let at = match e.path() {
            "." => String::new(),
            path if path.starts_with('[') => path.to_owned(),
            path => format!(".{path}"),
        };
        format!("draft{at}: {}", e.rule())
    })
}

/// Validates the draft (core `ComplaintDraft` JSON) with the core crate, returning every
/// field error at once. A draft of the wrong shape (a number where text belongs, an
/// unknown key) is a `json.shape` error (see [`read_draft`]).
pub fn validate(
    policy: &ComplaintPolicy,
    draft: serde_json::Value,
    now: DateTime<Utc>,
) -> Result<ValidComplaint, AppError> {
    let draft: ComplaintDraft = read_draft(&draft).map_err(|message| {
        AppError::rejected(
            axum::http::StatusCode::UNPROCESSABLE_ENTITY,
            "json.shape",
            message,
        )
    })?;
    let complaint = draft::validate(&draft, policy, now).map_err(AppError::Validation)?;
    Ok(ValidComplaint {
        json: serde_json::to_value(&complaint).map_err(AppError::internal)?,
        order_number: complaint.order_number().map(|o| o.as_ref().to_owned()),
        email: complaint.contact().email().map(|e| e.as_ref().to_owned()),
        facts: ComplaintFacts {
            shopper_country: complaint.shopper_country(),
            category: complaint.category(),
        },
        evidence: complaint
            .evidence()
            .iter()
            .map(|e| DeclaredFile {
                sha256: e.sha256().as_ref().to_owned(),
                media_type: e.media_type().mime().to_owned(),
                size_bytes: e.size_bytes(),
            })
            .collect(),
    })
}

/// The uploads must be exactly the files the draft declares (same bytes, type and size,
/// same order): the receipt then proves which files the shop received.
pub fn check_evidence(
    complaint: &ValidComplaint,
    evidence: &[EvidenceRecord],
) -> Result<(), AppError> {
    let uploaded: Vec<DeclaredFile> = evidence
        .iter()
        .map(|e| DeclaredFile {
            sha256: e.sha256.clone(),
            media_type: e.media_type.clone(),
            size_bytes: u64::try_from(e.size_bytes).unwrap_or_default(),
        })
        .collect();
    if uploaded == complaint.evidence {
        Ok(())
    } else {
        Err(AppError::rejected(
            axum::http::StatusCode::UNPROCESSABLE_ENTITY,
            "evidence.mismatch",
            "evidence_ids must name the uploads of the draft's evidence files (same sha256, media type and size), in the same order",
        ))
    }
}

/// The payload the receipt signs (see `crate::receipt` for the canonical form).
pub fn receipt_payload(
    reference: &str,
    complaint: &ValidComplaint,
    evidence: &[EvidenceRecord],
    received_at: DateTime<Utc>,
) -> serde_json::Value {
    json!({
        "reference": reference,
        "received_at": received_at.to_rfc3339_opts(SecondsFormat::Secs, true),
        "complaint": complaint.json,
        "evidence": evidence.iter().map(|e| json!({
            "id": e.id,
            "media_type": e.media_type,
            "sha256": e.sha256,
            "size_bytes": e.size_bytes,
        })).collect::<Vec<_>>(),
    })
}
