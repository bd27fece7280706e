//! Stop-gap until `redress_core::draft::validate` lands: parses the fields with the core
//! crate's domain types (every rule is theirs) and collects all field errors.
//!
//! TODO(core): replace with `redress_core::draft::validate`.

use chrono::{DateTime, Utc};
use redress_core::domain::{
    ComplaintReason, Contact, Description, Email, OrderNumber, Phone, ResolutionKind, Sha256Digest,
};
use redress_core::error::{ErrorCode, ErrorParams, FieldError};
use redress_core::policy::ComplaintPolicy;
use serde_json::json;

use crate::filing::ValidComplaint;

pub fn validate(
    policy: &ComplaintPolicy,
    draft: serde_json::Value,
    _now: DateTime<Utc>,
) -> Result<ValidComplaint, Vec<FieldError>> {
    let text = |key: &str| {
        draft
            .get(key)
            .and_then(|v| v.as_str())
            .map(str::to_owned)
            .filter(|s| !s.trim().is_empty())
    };
    let mut errors = Vec::new();
    let missing = |field: &str, code| FieldError::with(field, code, ErrorParams::default());

    let order_number = match text("order_number") {
        Some(raw) => OrderNumber::parse(&raw)
            .map_err(|e| errors.push(FieldError::new("order_number", &e)))
            .ok(),
        None if policy.required.order_number => {
            errors.push(missing("order_number", ErrorCode::OrderNumberMissing));
            None
        }
        None => None,
    };
    let email = text("email").and_then(|raw| {
        Email::parse(&raw)
            .map_err(|e| errors.push(FieldError::new("email", &e)))
            .ok()
    });
    let phone = text("phone").and_then(|raw| {
        Phone::parse(&raw)
            .map_err(|e| errors.push(FieldError::new("phone", &e)))
            .ok()
    });
    if errors
        .iter()
        .all(|e| e.field() != "email" && e.field() != "phone")
    {
        if let Err(e) = Contact::new(email.clone(), phone.clone(), None) {
            errors.push(FieldError::new("contact", &e));
        }
    }
    let description = match text("description") {
        Some(raw) => Description::parse(&raw, policy.description)
            .map_err(|e| errors.push(FieldError::new("description", &e)))
            .ok(),
        None if policy.required.description => {
            errors.push(missing("description", ErrorCode::DescriptionMissing));
            None
        }
        None => None,
    };
    let reason = match draft.get("reason") {
        None | Some(serde_json::Value::Null) => {
            errors.push(missing("reason", ErrorCode::ReasonMissing));
            None
        }
        Some(v) => serde_json::from_value::<ComplaintReason>(v.clone())
            .map_err(|_| errors.push(missing("reason", ErrorCode::ReasonUnknown)))
            .ok(),
    };
    let resolution = match draft.get("resolution") {
        None | Some(serde_json::Value::Null) => {
            errors.push(missing("resolution", ErrorCode::ResolutionMissing));
            None
        }
        Some(v) => serde_json::from_value::<ResolutionKind>(v.clone())
            .map_err(|_| errors.push(missing("resolution", ErrorCode::ResolutionUnknown)))
            .ok(),
    };
    let mut evidence_sha256 = Vec::new();
    if let Some(files) = draft.get("evidence").and_then(|v| v.as_array()) {
        for (i, file) in files.iter().enumerate() {
            let raw = file
                .get("sha256")
                .and_then(|v| v.as_str())
                .unwrap_or_default();
            match Sha256Digest::parse(raw) {
                Ok(d) => evidence_sha256.push(d.as_ref().to_owned()),
                Err(e) => errors.push(FieldError::new(format!("evidence[{i}]"), &e)),
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ValidComplaint {
        json: json!({
            "order_number": order_number.as_ref().map(|o| o.as_ref().to_owned()),
            "email": email.as_ref().map(|e| e.as_ref().to_owned()),
            "phone": phone.as_ref().map(|p| p.as_ref().to_owned()),
            "description": description.as_ref().map(|d| d.as_ref().to_owned()),
            "reason": reason,
            "resolution": resolution,
            "evidence": draft.get("evidence").cloned().unwrap_or(json!([])),
        }),
        order_number: order_number.map(|o| o.as_ref().to_owned()),
        email: email.map(|e| e.as_ref().to_owned()),
        evidence_sha256,
    })
}
