//! From the submitted draft to the complaint the server stores and signs.
//!
//! The rules are the core crate's: this module only calls them and shapes the receipt.

use chrono::{DateTime, SecondsFormat, Utc};
use redress_core::error::FieldError;
use redress_core::policy::ComplaintPolicy;
use serde_json::json;

use crate::error::AppError;
use crate::store::EvidenceRecord;

/// A complaint that passed the core crate's validation.
#[derive(Debug, Clone)]
pub struct ValidComplaint {
    /// The validated complaint as the core crate serializes it.
    pub json: serde_json::Value,
    pub order_number: Option<String>,
    pub email: Option<String>,
    /// The SHA-256 of each evidence file the draft declares, in order.
    pub evidence_sha256: Vec<String>,
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

/// Validates the draft with the core crate, returning every field error at once.
pub fn validate(
    policy: &ComplaintPolicy,
    draft: serde_json::Value,
    now: DateTime<Utc>,
) -> Result<ValidComplaint, Vec<FieldError>> {
    crate::draft_bridge::validate(policy, draft, now)
}

/// The uploads must be exactly the files the draft declares (same bytes, same order):
/// the receipt then proves which files the shop received.
pub fn check_evidence(
    complaint: &ValidComplaint,
    evidence: &[EvidenceRecord],
) -> Result<(), AppError> {
    let uploaded: Vec<&str> = evidence.iter().map(|e| e.sha256.as_str()).collect();
    let declared: Vec<&str> = complaint
        .evidence_sha256
        .iter()
        .map(String::as_str)
        .collect();
    if uploaded == declared {
        Ok(())
    } else {
        Err(AppError::rejected(
            axum::http::StatusCode::UNPROCESSABLE_ENTITY,
            "evidence.mismatch",
            "evidence_ids must name the uploads of the draft's evidence files, in the same order",
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
