//! The shopper's complaint: filing it (`POST /api/complaints`), tracking it
//! (`GET /api/complaints/{reference}?token=`) and escalating it.

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use crate::error::{AppError, Json};
use crate::idempotency::{self, Fresh, IdempotencyKey, Submission};
use crate::receipt::Receipt;
use crate::routes::ClientIp;
use crate::state::AppState;
use crate::store::{
    EvidenceRecord, Filed, IdempotencyRecord, NewComplaint, NewTrustmarkCase, StoredResponse,
};
use crate::{filing, notify, token, tracking};

/// The submitted complaint.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FileComplaintRequest {
    /// The shopper's language (BCP 47, one of the policy's `shop.languages`); messages to
    /// the shopper use it.
    pub language: String,
    /// The complaint form as the core crate's `ComplaintDraft` JSON.
    #[schema(value_type = crate::openapi::ComplaintDraftSchema)]
    pub draft: serde_json::Value,
    /// Ids from `POST /api/evidence`, in the order of the draft's evidence list.
    #[serde(default)]
    pub evidence_ids: Vec<String>,
}

/// The answer to a filed complaint. Keep `tracking_token`: it is shown only here.
#[derive(Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct FiledComplaint {
    pub reference: String,
    /// 128 random bits, hex; the server keeps only its hash.
    pub tracking_token: String,
    /// Path of the tracker, token included.
    pub tracker_path: String,
    pub receipt: Receipt,
    #[schema(value_type = crate::openapi::answers::TrackingViewSchema)]
    pub tracking: serde_json::Value,
}

/// Where the tracking token goes on tracker requests.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct TokenQuery {
    /// The tracking token from the filing answer.
    pub token: Option<String>,
}

/// Files a complaint. With an `Idempotency-Key` header, a retry returns the first answer
/// (header `Idempotent-Replayed: true`) and never creates a second complaint.
#[utoipa::path(post, path = "/api/complaints", tag = "shopper", request_body = FileComplaintRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "1-128 visible ASCII characters, e.g. a UUID")),
    responses((status = 201, body = FiledComplaint),
              (status = 422, body = crate::error::ErrorBody, description = "validation (fields), json.shape, evidence.unavailable, evidence.mismatch, idempotency_key.reused"),
              (status = 400, body = crate::error::ErrorBody, description = "json.syntax, idempotency_key.format"),
              (status = 413, body = crate::error::ErrorBody, description = "body.too_large"),
              (status = 429, body = crate::error::ErrorBody, description = "rate_limited: this client IP's stored filings (complaints, withdrawals, trustmark complaints) used up `filings_per_ip`; a replayed key is still answered")))]
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
    } = match idempotency::read_submission::<FileComplaintRequest>(
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
    let checked = check(
        &state,
        &request.language,
        request.draft,
        request.evidence_ids,
        now,
    )
    .await?;
    store(&state, &ip, checked, key, request_hash, now, None).await
}

/// A complaint that passed the policy, with the evidence it attaches: ready to store.
pub(crate) struct Checked {
    pub language: String,
    pub complaint: filing::ValidComplaint,
    evidence: Vec<EvidenceRecord>,
    evidence_ids: Vec<String>,
}

/// Validates a submitted draft and its evidence ids with the policy, as every filing
/// route does before it stores anything.
pub(crate) async fn check(
    state: &AppState,
    language: &str,
    draft: serde_json::Value,
    evidence_ids: Vec<String>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Checked, AppError> {
    let language = filing::language(&state.policy, language)?;
    let complaint = filing::validate(&state.policy, draft, now)?;
    let evidence = attached_evidence(state, &evidence_ids).await?;
    filing::check_evidence(&complaint, &evidence)?;
    Ok(Checked {
        language,
        complaint,
        evidence,
        evidence_ids,
    })
}

/// Signs, stores and answers a checked complaint (`201 FiledComplaint`), with the
/// trustmark's case beside it when filed on the trustmark's page, and counts it against
/// `ip`'s filings; a key answered meanwhile replays that answer.
pub(crate) async fn store(
    state: &AppState,
    ip: &str,
    checked: Checked,
    key: Option<IdempotencyKey>,
    request_hash: String,
    now: chrono::DateTime<chrono::Utc>,
    trustmark_case: Option<NewTrustmarkCase>,
) -> Result<Response, AppError> {
    let Checked {
        language,
        complaint,
        evidence,
        evidence_ids,
    } = checked;
    let reference = token::reference()?;
    let tracking_token = token::random_hex(16)?;
    let received_at = now.timestamp();
    let receipt = state.signer.sign(&filing::receipt_payload(
        &reference, &complaint, &evidence, now,
    ));
    let first_event = tracking::received_event(now);
    let derived = tracking::derive(
        &state.policy,
        complaint.facts,
        &[tracking::stored(0, received_at, &first_event)],
        now,
    )?;
    let answer = FiledComplaint {
        tracker_path: format!("/api/complaints/{reference}?token={tracking_token}"),
        reference: reference.clone(),
        tracking_token: tracking_token.clone(),
        receipt: receipt.clone(),
        tracking: derived.view.clone(),
    };
    let answer_json = serde_json::to_string(&answer).map_err(AppError::internal)?;
    let new = NewComplaint {
        reference: reference.clone(),
        token_hash: token::hash_token(&tracking_token),
        order_number: complaint.order_number.clone(),
        email: complaint.email.clone(),
        language: language.clone(),
        body: complaint.json.to_string(),
        receipt: serde_json::to_string(&receipt).map_err(AppError::internal)?,
        filed_at: received_at,
        status: derived.status.clone(),
        open: derived.open,
        next_due_at: derived.next_due_at,
        evidence_ids,
        shopper_country: complaint.facts.shopper_country.code().to_owned(),
        category: complaint.facts.category_code().to_owned(),
        first_event,
        notification: Some(notify::message(
            token::random_hex(16)?,
            &reference,
            complaint.email.clone(),
            &language,
            notify::Occasion::Received {
                next_step: notify::NextStep::of_view(&derived.view),
            },
            // "Received" and its deadline name no one acting, shop or trustmark.
            None,
            received_at,
        )),
        trustmark_case,
    };
    let record = key.as_ref().map(|key| IdempotencyRecord {
        key: key.as_ref().to_owned(),
        response: StoredResponse {
            request_hash: request_hash.clone(),
            status: StatusCode::CREATED.as_u16(),
            body: answer_json.clone(),
        },
    });
    match state.store.file_complaint(&new, record.as_ref()).await? {
        Filed::Created => {
            tracing::info!(reference = %reference, "complaint filed");
            state.count_filing(ip).await;
            if let Some(n) = &new.notification {
                tracing::info!(reference = %reference, recipient = ?n.recipient, subject = %n.subject, "notification queued");
            }
            Ok((
                StatusCode::CREATED,
                [(axum::http::header::CONTENT_TYPE, "application/json")],
                answer_json,
            )
                .into_response())
        }
        Filed::Replayed(first) => idempotency::replay(first, &request_hash),
        Filed::EvidenceUnavailable(id) => Err(evidence_unavailable(&id)),
    }
}

/// The tracker: timeline, derived status, due dates and next steps. A wrong or missing
/// token answers exactly like an unknown reference.
#[utoipa::path(get, path = "/api/complaints/{reference}", tag = "shopper", params(("reference" = String, Path), TokenQuery),
    responses((status = 200, description = "tracking view (core lifecycle)", body = crate::openapi::answers::TrackerSchema),
              (status = 404, body = crate::error::ErrorBody, description = "complaint.not_found")))]
pub async fn track(
    State(state): State<AppState>,
    Path(reference): Path<String>,
    Query(query): Query<TokenQuery>,
) -> Result<Json<serde_json::Value>, AppError> {
    let complaint = authorized(&state, &reference, query.token.as_deref()).await?;
    let events = state.store.events(&complaint.reference).await?;
    let facts = tracking::ComplaintFacts::of(&state.policy, &complaint)?;
    let derived = tracking::derive(&state.policy, facts, &events, chrono::Utc::now())?;
    let evidence = state.store.evidence_of(&complaint.reference).await?;
    Ok(Json(serde_json::json!({
        "reference": complaint.reference,
        "tracking": derived.view,
        "evidence": evidence.iter().map(evidence_view).collect::<Vec<_>>(),
        "receipt": serde_json::from_str::<serde_json::Value>(&complaint.receipt).map_err(AppError::internal)?,
    })))
}

/// The shopper's escalation request.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EscalateRequest {
    pub token: String,
    /// Absent: escalate to the shop's board. Present: the external body the shopper took
    /// the complaint to (core `ExternalBody` code, e.g. `european_consumer_centre`).
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub referred_to: Option<serde_json::Value>,
}

/// Escalates to the shop's board or records a referral outside; only routes the core
/// crate's `next_steps` reports open now are accepted (`409 escalation.not_open`).
#[utoipa::path(post, path = "/api/complaints/{reference}/escalate", tag = "shopper", params(("reference" = String, Path)),
    request_body = EscalateRequest,
    responses((status = 200, description = "tracking view after the escalation", body = crate::openapi::answers::TrackingViewSchema),
              (status = 404, body = crate::error::ErrorBody, description = "complaint.not_found"),
              (status = 409, body = crate::error::ErrorBody, description = "escalation.not_open, transition.not_allowed, complaint.concurrent_update"),
              (status = 422, body = crate::error::ErrorBody, description = "json.shape (a wrong type, a key given twice)")))]
pub async fn escalate(
    State(state): State<AppState>,
    Path(reference): Path<String>,
    Json(request): Json<EscalateRequest>,
) -> Result<Json<serde_json::Value>, AppError> {
    let complaint = authorized(&state, &reference, Some(&request.token)).await?;
    let event = tracking::escalation_event(request.referred_to)?;
    let derived = crate::routes::shop::append(
        &state,
        &complaint,
        redress_core::lifecycle::Actor::Shopper,
        event,
    )
    .await?;
    Ok(Json(derived.view))
}

async fn authorized(
    state: &AppState,
    reference: &str,
    token: Option<&str>,
) -> Result<crate::store::StoredComplaint, AppError> {
    let not_found = || {
        AppError::not_found(
            "complaint.not_found",
            "no complaint with this reference and token",
        )
    };
    let token = token.ok_or_else(not_found)?;
    let complaint = state
        .store
        .complaint(reference)
        .await?
        .ok_or_else(not_found)?;
    if token::token_matches(token, &complaint.token_hash) {
        return Ok(complaint);
    }
    // Tokens granted later (the complaint found again by order number and e-mail).
    let grants = state.store.tracking_grants(reference).await?;
    if grants.iter().any(|hash| token::token_matches(token, hash)) {
        Ok(complaint)
    } else {
        Err(not_found())
    }
}

/// One complaint found again by order number and e-mail, with a fresh tracking token.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct FoundComplaint {
    pub reference: String,
    /// When it was filed, RFC 3339 UTC.
    pub received_at: String,
    /// A new private token for `GET /api/complaints/{reference}?token=`.
    pub tracking_token: String,
}

/// The complaints filed about an order, newest first.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct FoundComplaints {
    pub complaints: Vec<FoundComplaint>,
}

/// Finds the shopper's complaints again by order number and e-mail (or postcode, per
/// policy), for a shopper who lost the tracking link: each gets a fresh token. The same
/// proof, rate limits and neutral `404 order.not_found` as the order lookup.
#[utoipa::path(post, path = "/api/complaints/find", tag = "shopper",
    request_body = crate::routes::orders::LookupRequest,
    responses((status = 200, body = FoundComplaints),
              (status = 404, body = crate::error::ErrorBody, description = "order.not_found"),
              (status = 422, body = crate::error::ErrorBody),
              (status = 429, body = crate::error::ErrorBody, description = "rate_limited")))]
pub async fn find(
    State(state): State<AppState>,
    crate::routes::ClientIp(ip): crate::routes::ClientIp,
    Json(request): Json<crate::routes::orders::LookupRequest>,
) -> Result<Json<FoundComplaints>, AppError> {
    let order = crate::routes::orders::owned_order(&state, &ip, &request).await?;
    let filed = state.store.complaints_of_order(&order.order_number).await?;
    let now = chrono::Utc::now().timestamp();
    let mut complaints = Vec::with_capacity(filed.len());
    for complaint in filed {
        let tracking_token = token::random_hex(16)?;
        state
            .store
            .grant_tracking(
                &complaint.reference,
                &token::hash_token(&tracking_token),
                now,
            )
            .await?;
        complaints.push(FoundComplaint {
            received_at: chrono::DateTime::from_timestamp(complaint.filed_at, 0)
                .unwrap_or_default()
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            reference: complaint.reference,
            tracking_token,
        });
    }
    Ok(Json(FoundComplaints { complaints }))
}

/// The evidence rows for `ids`: each must exist and not belong to a complaint yet.
async fn attached_evidence(
    state: &AppState,
    ids: &[String],
) -> Result<Vec<EvidenceRecord>, AppError> {
    let mut records = Vec::with_capacity(ids.len());
    for (index, id) in ids.iter().enumerate() {
        if ids[..index].contains(id) {
            return Err(evidence_unavailable(id));
        }
        match state.store.evidence(id).await? {
            Some(record) if record.complaint_reference.is_none() => records.push(record),
            _ => return Err(evidence_unavailable(id)),
        }
    }
    Ok(records)
}

fn evidence_unavailable(id: &str) -> AppError {
    AppError::rejected(
        StatusCode::UNPROCESSABLE_ENTITY,
        "evidence.unavailable",
        format!(
            "evidence {id:?} does not exist, expired or is attached to another complaint; upload it again"
        ),
    )
}

/// Evidence as the shopper and the shop see it (never the stored path).
pub fn evidence_view(e: &EvidenceRecord) -> serde_json::Value {
    serde_json::json!({
        "id": e.id,
        "name": e.original_name,
        "media_type": e.media_type,
        "size_bytes": e.size_bytes,
        "sha256": e.sha256,
    })
}
