//! `POST /api/trustmark/complaints`: a complaint about a member shop, filed on the
//! trustmark's own page and stored on the trustmark's own server.
//!
//! The server trusts nothing the page decided: it verifies its own signed registry, finds
//! the member, verifies the shop's receipt against the receipt keys the registry lists for
//! it, and runs the core crate's gate again before the complaint goes through the same
//! pipeline as `POST /api/complaints`.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use chrono::NaiveDate;
use redress_core::calendar::{WorkingCalendar, parse_iso_date};
use redress_core::receipt::{VerifiedReceipt, receipt_signature_to_check_among};
use redress_core::trustmark::{GateAnswers, Member, TrustmarkRoute, route_complaint};
use serde::Deserialize;

use crate::error::AppError;
use crate::idempotency::{self, Fresh, Submission};
use crate::routes::{ClientIp, complaints};
use crate::state::AppState;
use crate::store::NewTrustmarkCase;

/// The longest shop reference kept.
const REFERENCE_MAX_CHARS: usize = 120;

/// A complaint about a member shop.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TrustmarkComplaintRequest {
    /// The shopper's language (BCP 47), as for `POST /api/complaints`.
    pub language: String,
    /// The member id as the trustmark's registry lists it.
    pub member_id: String,
    /// The shopper's earlier complaint to the shop.
    pub complained_to_shop: ComplainedToShop,
    /// The receipt the shop's widget issued for that complaint, as JSON text or as the
    /// object itself. When it verifies, its day and reference replace the stated ones.
    #[serde(default)]
    #[schema(value_type = Option<Object>)]
    pub shop_receipt: Option<serde_json::Value>,
    /// The complaint form as the core crate's `ComplaintDraft` JSON.
    #[schema(value_type = crate::openapi::ComplaintDraftSchema)]
    pub draft: serde_json::Value,
    /// Ids from `POST /api/evidence`, in the order of the draft's evidence list.
    #[serde(default)]
    pub evidence_ids: Vec<String>,
}

/// When, and under which reference, the shopper complained to the shop.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ComplainedToShop {
    /// `YYYY-MM-DD`.
    pub on: String,
    /// The shop's reference, if the shopper had one.
    #[serde(default)]
    pub reference: Option<String>,
}

/// Files a complaint about a member shop with the trustmark. The same `Idempotency-Key`
/// semantics and answer as `POST /api/complaints`.
#[utoipa::path(post, path = "/api/trustmark/complaints", tag = "trustmark", request_body = TrustmarkComplaintRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "1-128 visible ASCII characters, e.g. a UUID")),
    responses((status = 201, body = crate::routes::complaints::FiledComplaint),
              (status = 404, body = crate::error::ErrorBody, description = "trustmark.not_configured"),
              (status = 422, body = crate::error::ErrorBody, description = "trustmark.member_not_found, trustmark.receipt_invalid, trustmark.too_early (the opening day in the message), trustmark.shop_first, trustmark.not_member, trustmark.travel, trustmark.cross_border, complained_to_shop.on, complained_to_shop.reference; and those of POST /api/complaints"),
              (status = 400, body = crate::error::ErrorBody, description = "json.syntax, idempotency_key.format"),
              (status = 413, body = crate::error::ErrorBody, description = "body.too_large"),
              (status = 429, body = crate::error::ErrorBody, description = "rate_limited: as for POST /api/complaints, one allowance per client IP for every kind of filing")))]
pub async fn file(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    body: Result<Bytes, axum::extract::rejection::BytesRejection>,
) -> Result<Response, AppError> {
    let Fresh {
        key,
        request,
        request_hash,
    } = match idempotency::read_submission::<TrustmarkComplaintRequest>(
        state.store.as_ref(),
        &headers,
        body,
    )
    .await?
    {
        Submission::Replayed(answer) => return Ok(answer),
        Submission::Fresh(fresh) => fresh,
    };
    state.refuse_exhausted_filer(&ip).await?;
    let now = chrono::Utc::now();
    let today = state.policy.today(now);
    let registry = super::trustmark::verified_registry(&state, today).await?;
    let member = registry
        .members()
        .iter()
        .find(|m| m.member_id().as_ref() == request.member_id.trim())
        .ok_or_else(|| {
            refused(
                "trustmark.member_not_found",
                "the trustmark's registry lists no member with this id",
            )
        })?;
    let stated = stated_complaint(&request.complained_to_shop)?;
    let receipt = request
        .shop_receipt
        .as_ref()
        .map(receipt_text)
        .transpose()?;
    let verified = receipt
        .as_deref()
        .map(|text| verified_receipt(text, member))
        .transpose()?;
    let case = trustmark_case(member, stated, receipt, verified.as_ref());
    let checked = complaints::check(
        &state,
        &request.language,
        request.draft,
        request.evidence_ids,
        now,
    )
    .await?;
    let calendar =
        WorkingCalendar::for_country(state.policy.shop.country).map_err(AppError::internal)?;
    let answers = GateAnswers {
        member: Some(member),
        complained_on: Some(case.complained_on),
        cross_border: checked.complaint.facts.shopper_country != state.policy.shop.country,
    };
    let wait_days = state.policy.deadlines.trustmark_wait_working_days;
    match route_complaint(&answers, today, &calendar, wait_days) {
        TrustmarkRoute::Trustmark => {}
        other => return Err(gate_refusal(other)),
    }
    complaints::store(&state, &ip, checked, key, request_hash, now, Some(case)).await
}

fn refused(code: &'static str, message: impl Into<String>) -> AppError {
    AppError::rejected(StatusCode::UNPROCESSABLE_ENTITY, code, message)
}

/// The day and reference the shopper stated.
fn stated_complaint(stated: &ComplainedToShop) -> Result<(NaiveDate, Option<String>), AppError> {
    let day = parse_iso_date(stated.on.trim()).ok_or_else(|| {
        refused(
            "complained_to_shop.on",
            "complained_to_shop.on must be a date, YYYY-MM-DD",
        )
    })?;
    let reference = stated
        .reference
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(str::to_owned);
    if reference
        .as_ref()
        .is_some_and(|r| r.chars().count() > REFERENCE_MAX_CHARS || r.chars().any(char::is_control))
    {
        return Err(refused(
            "complained_to_shop.reference",
            format!(
                "complained_to_shop.reference: at most {REFERENCE_MAX_CHARS} characters on one line"
            ),
        ));
    }
    Ok((day, reference))
}

/// The receipt as text: the signature covers the `signed` string inside it, so an object
/// written out again verifies just as the text the shop issued.
fn receipt_text(receipt: &serde_json::Value) -> Result<String, AppError> {
    match receipt {
        serde_json::Value::String(text) => Ok(text.clone()),
        serde_json::Value::Object(_) => Ok(receipt.to_string()),
        _ => Err(receipt_invalid("not a receipt")),
    }
}

fn receipt_invalid(why: &str) -> AppError {
    refused(
        "trustmark.receipt_invalid",
        format!("the shop's receipt does not verify against the member's receipt keys: {why}"),
    )
}

/// Verifies the shop's receipt against the receipt key it names among those the registry
/// lists for `member` (old and new keys, so a receipt from before a rotation still counts).
fn verified_receipt(text: &str, member: &Member) -> Result<VerifiedReceipt, AppError> {
    receipt_signature_to_check_among(text, member.receipt_keys())
        .and_then(|check| check.verify())
        .map_err(|error| receipt_invalid(&error.to_string()))
}

/// The case as stored: a verified receipt's day and reference win over the stated ones.
fn trustmark_case(
    member: &Member,
    (stated_on, stated_reference): (NaiveDate, Option<String>),
    receipt: Option<String>,
    verified: Option<&VerifiedReceipt>,
) -> NewTrustmarkCase {
    NewTrustmarkCase {
        member_id: member.member_id().as_ref().to_owned(),
        shop_name: member.shop_name().as_ref().to_owned(),
        complained_on: verified
            .and_then(VerifiedReceipt::received_on)
            .unwrap_or(stated_on),
        shop_reference: verified
            .map(|r| r.reference().to_owned())
            .or(stated_reference),
        shop_receipt_verified: verified.is_some(),
        shop_receipt: verified.and(receipt),
    }
}

/// The refusal naming the route the gate chose instead of the trustmark.
fn gate_refusal(route: TrustmarkRoute) -> AppError {
    match route {
        TrustmarkRoute::Trustmark | TrustmarkRoute::ShopFirst => refused(
            "trustmark.shop_first",
            "complain to the shop first; the trustmark takes the complaint afterwards",
        ),
        TrustmarkRoute::TooEarly { opens_on } => refused(
            "trustmark.too_early",
            format!(
                "the shop still has time to answer; the trustmark takes this complaint from {opens_on}"
            ),
        ),
        TrustmarkRoute::ConsumerOmbudsman { expired_on } => refused(
            "trustmark.not_member",
            match expired_on {
                Some(day) => format!(
                    "the membership ended on {day}; the consumer ombudsman takes this complaint"
                ),
                None => {
                    "not a current member; the consumer ombudsman takes this complaint".to_owned()
                }
            },
        ),
        TrustmarkRoute::TravelDisputesCommittee => refused(
            "trustmark.travel",
            "a travel member: the travel disputes committee takes this complaint",
        ),
        TrustmarkRoute::EuropeanConsumerCentre => refused(
            "trustmark.cross_border",
            "the shopper lives in another country than the shop: the European Consumer Centre takes this complaint",
        ),
    }
}
