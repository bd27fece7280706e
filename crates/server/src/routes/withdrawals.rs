//! The EU withdrawal function: the shopper withdraws (`POST /api/withdrawals`), the shop
//! lists withdrawals with their refund deadlines (`GET /api/shop/withdrawals`).

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{NaiveDate, SubsecRound, Utc};
use redress_core::withdrawal::{KeptItem, Withdrawal, WithdrawalDraft, WithdrawalWindow};
use serde::{Deserialize, Serialize};

use crate::error::{AppError, Json};
use crate::idempotency::{self, Fresh, Submission};
use crate::receipt::Receipt;
use crate::routes::ClientIp;
use crate::shop_auth::ShopAuth;
use crate::state::AppState;
use crate::store::{Filed, IdempotencyRecord, NewWithdrawal, StoredResponse, StoredWithdrawal};
use crate::withdrawal::{
    acknowledgement, lookup_proof, order_facts, receipt_payload, reference, rfc3339,
};
use crate::{filing, token};

/// The submitted withdrawal.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WithdrawRequest {
    /// The shopper's language (BCP 47); the acknowledgement uses it when the shop offers it.
    pub language: String,
    /// The withdrawal form, read as the core crate's `WithdrawalDraft` (unknown keys
    /// refused) by the core's JSON reader, as the widget reads it.
    #[schema(value_type = crate::openapi::WithdrawalDraftSchema)]
    #[serde(deserialize_with = "withdrawal_draft")]
    pub draft: WithdrawalDraft,
}

/// The draft handed to the core's reader while the request is read, so a malformed one
/// is the request's 422 `json.shape`, answered before an idempotent replay is looked up.
fn withdrawal_draft<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<WithdrawalDraft, D::Error> {
    let draft = serde_json::Value::deserialize(deserializer)?;
    filing::read_draft(&draft).map_err(serde::de::Error::custom)
}

/// The answer to a recorded withdrawal; the widget shows it and offers it as a download.
#[derive(Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct RecordedWithdrawal {
    /// `W-` and ten Crockford base-32 characters.
    pub reference: String,
    /// The exact receipt instant, RFC 3339 UTC (seconds), as the receipt states it.
    pub received_at: String,
    /// The core `WithdrawalWindow` (`{"status": "open", "last_day", "ends_at"}`,
    /// `{"status": "not_started"}`); `null` when no order was found.
    #[schema(value_type = Option<Object>)]
    pub window: Option<WithdrawalWindow>,
    /// The day the shop must have refunded by, `YYYY-MM-DD`.
    #[schema(value_type = Option<String>)]
    pub refund_due: Option<NaiveDate>,
    /// The order lines withdrawn from; empty means the whole contract.
    pub items: Vec<String>,
    /// Lines a whole-order withdrawal keeps: `{name, category}` (core `ExcludedCategory`).
    #[schema(value_type = Vec<Object>)]
    pub kept: Vec<KeptItem>,
    pub receipt: Receipt,
}

/// Records a withdrawal from a distance contract (Art. 11a CRD). The order is looked up
/// by `order_number` + `lookup_email`, or + `lookup_postcode` where the policy's
/// `order_lookup.key` is `post_code`; when that finds nothing, the typed `order_date`
/// and `goods` identify the contract. With an `Idempotency-Key`, a retry returns the
/// first answer (`Idempotent-Replayed: true`) and never records a second withdrawal.
#[utoipa::path(post, path = "/api/withdrawals", tag = "shopper", request_body = WithdrawRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "1-128 visible ASCII characters, e.g. a UUID")),
    responses((status = 201, body = RecordedWithdrawal),
              (status = 422, body = crate::error::ErrorBody, description = "validation (every field error at once; `withdrawal.window_closed` on field `withdrawal` with params.date = the last day), json.shape, idempotency_key.reused"),
              (status = 400, body = crate::error::ErrorBody, description = "json.syntax, idempotency_key.format"),
              (status = 413, body = crate::error::ErrorBody, description = "body.too_large"),
              (status = 429, body = crate::error::ErrorBody, description = "rate_limited: too many wrong lookup e-mails or postcodes for this order number, or this client IP's stored filings (withdrawals, complaints, trustmark complaints) used up `filings_per_ip`; a replayed key is still answered")))]
pub async fn withdraw(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    body: Result<Bytes, axum::extract::rejection::BytesRejection>,
) -> Result<Response, AppError> {
    let Fresh {
        key,
        request,
        request_hash,
    } = match idempotency::read_submission::<WithdrawRequest>(state.store.as_ref(), &headers, body)
        .await?
    {
        Submission::Replayed(answer) => return Ok(answer),
        Submission::Fresh(fresh) => fresh,
    };
    state.refuse_exhausted_filer(&ip).await?;
    // Whole seconds: the receipt, the record and the answer state the same instant.
    let now = Utc::now().trunc_subsecs(0);
    let language = filing::language(&state.policy, &request.language)?;
    let draft = &request.draft;
    let found_by = state.policy.order_lookup.key;
    let facts = match lookup_proof(draft, found_by) {
        Some(proof) => order_facts(&state, &draft.order_number, &proof).await?,
        None => None,
    };
    // Every field error at once, a malformed e-mail or postcode among them.
    let withdrawal =
        redress_core::withdrawal::validate_withdrawal(draft, &state.policy, facts.as_ref(), now)
            .map_err(AppError::Validation)?;

    let reference = reference()?;
    let receipt = state.signer.sign(&receipt_payload(
        &reference,
        &withdrawal,
        facts.is_some().then_some(found_by),
    )?);
    let receipt_json = serde_json::to_string(&receipt).map_err(AppError::internal)?;
    let answer = recorded(&reference, &withdrawal, receipt);
    let answer_json = serde_json::to_string(&answer).map_err(AppError::internal)?;
    let new = NewWithdrawal {
        reference: reference.clone(),
        order_number: withdrawal.order_number().map(|o| o.as_ref().to_owned()),
        email: withdrawal.confirmation_email().as_ref().to_owned(),
        language: language.clone(),
        body: serde_json::to_string(&withdrawal).map_err(AppError::internal)?,
        receipt: receipt_json.clone(),
        received_at: now.timestamp(),
        acknowledgement: acknowledgement(
            token::random_hex(16).map_err(AppError::internal)?,
            &reference,
            &withdrawal,
            &receipt_json,
            &language,
            &state.policy,
        ),
    };
    let record = key.as_ref().map(|key| IdempotencyRecord {
        key: key.as_ref().to_owned(),
        response: StoredResponse {
            request_hash: request_hash.clone(),
            status: StatusCode::CREATED.as_u16(),
            body: answer_json.clone(),
        },
    });
    match state.store.file_withdrawal(&new, record.as_ref()).await? {
        Filed::Replayed(first) => idempotency::replay(first, &request_hash),
        Filed::Created | Filed::EvidenceUnavailable(_) => {
            tracing::info!(reference = %reference, "withdrawal recorded, acknowledgement queued");
            state.count_filing(&ip).await;
            Ok((
                StatusCode::CREATED,
                [(axum::http::header::CONTENT_TYPE, "application/json")],
                answer_json,
            )
                .into_response())
        }
    }
}

fn recorded(reference: &str, withdrawal: &Withdrawal, receipt: Receipt) -> RecordedWithdrawal {
    RecordedWithdrawal {
        reference: reference.to_owned(),
        received_at: rfc3339(withdrawal.received_at()),
        window: withdrawal.window(),
        refund_due: withdrawal.refund_due(),
        items: withdrawal.items().to_vec(),
        kept: withdrawal.kept().to_vec(),
        receipt,
    }
}

/// A withdrawal as the shop's desk lists it.
#[derive(Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ListedWithdrawal {
    pub reference: String,
    pub order_number: Option<String>,
    pub email: String,
    pub language: String,
    /// RFC 3339 UTC, seconds.
    pub received_at: String,
    /// The day the shop must have refunded by, `YYYY-MM-DD`.
    #[schema(value_type = Option<String>)]
    pub refund_due: Option<NaiveDate>,
    /// Derived on every request: the shop's today is past `refund_due`.
    pub overdue: bool,
    /// The validated withdrawal as the core crate serializes it.
    #[schema(value_type = Object)]
    pub withdrawal: serde_json::Value,
}

/// Lists withdrawals, newest first, with their refund deadline and whether it passed.
#[utoipa::path(get, path = "/api/shop/withdrawals", tag = "shop", security(("shop_token" = [])),
    responses((status = 200, body = Vec<ListedWithdrawal>), (status = 401, body = crate::error::ErrorBody)))]
pub async fn list(
    _: ShopAuth,
    State(state): State<AppState>,
) -> Result<Json<Vec<ListedWithdrawal>>, AppError> {
    let today = state.policy.today(Utc::now());
    let stored = state.store.withdrawals().await?;
    let listed = stored
        .iter()
        .map(|w| listed(w, today))
        .collect::<Result<_, _>>()?;
    Ok(Json(listed))
}

/// One withdrawal with the acknowledgement messages queued for the shopper.
#[utoipa::path(get, path = "/api/shop/withdrawals/{reference}", tag = "shop", params(("reference" = String, Path)),
    security(("shop_token" = [])),
    responses((status = 200, body = crate::openapi::answers::ShopWithdrawalSchema, description = "the listed withdrawal plus `receipt` and `messages`"),
              (status = 401, body = crate::error::ErrorBody),
              (status = 404, body = crate::error::ErrorBody, description = "withdrawal.not_found")))]
pub async fn read(
    _: ShopAuth,
    State(state): State<AppState>,
    Path(reference): Path<String>,
) -> Result<Json<serde_json::Value>, AppError> {
    let stored = state.store.withdrawal(&reference).await?.ok_or_else(|| {
        AppError::not_found("withdrawal.not_found", "no withdrawal with this reference")
    })?;
    let today = state.policy.today(Utc::now());
    let mut view = serde_json::to_value(listed(&stored, today)?).map_err(AppError::internal)?;
    let messages = state.store.outbox(&reference).await?;
    view["receipt"] = serde_json::from_str(&stored.receipt).map_err(AppError::internal)?;
    view["messages"] = messages
        .iter()
        .map(|m| {
            serde_json::json!({
                "recipient": m.recipient,
                "language": m.language,
                "subject": m.subject,
                "body": m.body,
            })
        })
        .collect();
    Ok(Json(view))
}

fn listed(w: &StoredWithdrawal, today: NaiveDate) -> Result<ListedWithdrawal, AppError> {
    let withdrawal: Withdrawal = serde_json::from_str(&w.body).map_err(AppError::internal)?;
    let refund_due = withdrawal.refund_due();
    Ok(ListedWithdrawal {
        reference: w.reference.clone(),
        order_number: w.order_number.clone(),
        email: w.email.clone(),
        language: w.language.clone(),
        received_at: rfc3339(withdrawal.received_at()),
        refund_due,
        overdue: refund_due.is_some_and(|due| today > due),
        withdrawal: serde_json::to_value(&withdrawal).map_err(AppError::internal)?,
    })
}
