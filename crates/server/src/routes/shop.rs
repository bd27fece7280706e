//! The shop-side API (bearer token): list and read complaints, download evidence, and
//! append the status events of the core lifecycle. Events are appended, never edited.

use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use redress_core::lifecycle::{Actor, LifecycleEvent, TimelineEntry};
use serde::Deserialize;

use crate::error::{AppError, Json};
use crate::routes::complaints::evidence_view;
use crate::routes::inbox::{self, rfc3339};
use crate::shop_auth::ShopAuth;
use crate::state::AppState;
use crate::store::{AppendedEvent, ComplaintFilter, StoredComplaint};
use crate::tracking::{self, Derived};
use crate::{notify, token};

/// Filters of the complaint list; all optional and combined with AND.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    /// Only complaints in this status (the core lifecycle's status code).
    pub status: Option<String>,
    /// `true`: only open complaints; `false`: only closed ones.
    pub open: Option<bool>,
    /// `true`: only open complaints past their next due time; `false`: none of those.
    pub overdue: Option<bool>,
    /// Only complaints filed for this reason (core `ComplaintReason` code).
    pub reason: Option<String>,
    /// Only complaints this handler handles (case-insensitive).
    pub handler: Option<String>,
    /// Part of the reference, the order number or the e-mail address (case-insensitive).
    pub q: Option<String>,
    /// `due`: next due first (the desk's inbox); `filed` (default): newest first.
    pub sort: Option<String>,
}

/// Lists complaints with their reason, handler and due state, derived from each timeline.
#[utoipa::path(get, path = "/api/shop/complaints", tag = "shop", params(ListQuery),
    security(("shop_token" = [])),
    responses((status = 200, body = Vec<inbox::InboxEntry>), (status = 401, body = crate::error::ErrorBody)))]
pub async fn list(
    _: ShopAuth,
    State(state): State<AppState>,
    Query(query): Query<ListQuery>,
) -> Result<Json<Vec<inbox::InboxEntry>>, AppError> {
    let stored = ComplaintFilter {
        status: query.status,
        open: query.open,
        overdue_at: query
            .overdue
            .filter(|o| *o)
            .map(|_| chrono::Utc::now().timestamp()),
    };
    let filter = inbox::InboxFilter {
        reason: query.reason,
        handler: query.handler,
        overdue: query.overdue,
        search: query.q,
    };
    let order = match query.sort.as_deref() {
        Some("due") => inbox::InboxOrder::Due,
        _ => inbox::InboxOrder::Filed,
    };
    Ok(Json(inbox::entries(&state, &stored, &filter, order).await?))
}

/// One complaint with its evidence, timeline and the messages sent to the shopper.
#[utoipa::path(get, path = "/api/shop/complaints/{reference}", tag = "shop", params(("reference" = String, Path)),
    security(("shop_token" = [])),
    responses((status = 200, body = crate::openapi::answers::ShopComplaintSchema), (status = 401, body = crate::error::ErrorBody), (status = 404, body = crate::error::ErrorBody)))]
pub async fn read(
    _: ShopAuth,
    State(state): State<AppState>,
    Path(reference): Path<String>,
) -> Result<Json<serde_json::Value>, AppError> {
    let complaint = find(&state, &reference).await?;
    let events = state.store.events(&reference).await?;
    let facts = tracking::ComplaintFacts::of(&state.policy, &complaint)?;
    let derived = tracking::derive(&state.policy, facts, &events, chrono::Utc::now())?;
    let evidence = state.store.evidence_of(&reference).await?;
    let outbox = state.store.outbox(&reference).await?;
    let trustmark_case = state.store.trustmark_case(&reference).await?;
    let parse =
        |text: &str| serde_json::from_str::<serde_json::Value>(text).map_err(AppError::internal);
    let mut answer = serde_json::json!({
        "reference": complaint.reference,
        "order_number": complaint.order_number,
        "email": complaint.email,
        "language": complaint.language,
        "filed_at": rfc3339(complaint.filed_at),
        "complaint": parse(&complaint.body)?,
        "receipt": parse(&complaint.receipt)?,
        "tracking": derived.view,
        "desk_events": inbox::desk_events(&events)?,
        "evidence": evidence.iter().map(evidence_view).collect::<Vec<_>>(),
        "notifications": outbox.iter().map(|n| serde_json::json!({
            "recipient": n.recipient, "language": n.language, "subject": n.subject,
            "body": n.body, "created_at": rfc3339(n.created_at),
        })).collect::<Vec<_>>(),
    });
    if let Some(stored) = trustmark_case {
        let case = stored.case;
        answer["trustmark_case"] = serde_json::json!({
            "member_id": case.member_id,
            "shop_name": case.shop_name,
            "complained_on": case.complained_on.to_string(),
            "shop_reference": case.shop_reference,
            "shop_receipt_verified": case.shop_receipt_verified,
        });
    }
    Ok(Json(answer))
}

/// Downloads one evidence file of a complaint, always as an attachment.
#[utoipa::path(get, path = "/api/shop/complaints/{reference}/evidence/{id}", tag = "shop",
    params(("reference" = String, Path), ("id" = String, Path)), security(("shop_token" = [])),
    responses((status = 200, description = "the file's bytes"), (status = 401, body = crate::error::ErrorBody), (status = 404, body = crate::error::ErrorBody)))]
pub async fn evidence_file(
    _: ShopAuth,
    State(state): State<AppState>,
    Path((reference, id)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let record = state
        .store
        .evidence(&id)
        .await?
        .filter(|e| e.complaint_reference.as_deref() == Some(reference.as_str()))
        .ok_or_else(|| {
            AppError::not_found("evidence.not_found", "no such evidence on this complaint")
        })?;
    let path = crate::routes::evidence::stored_path(&state.evidence_dir(), &record.sha256);
    let file = tokio::fs::File::open(&path).await?;
    let ascii_name: String = record
        .original_name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    Ok((
        [
            (header::CONTENT_TYPE, record.media_type.clone()),
            (header::CONTENT_LENGTH, record.size_bytes.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{ascii_name}\""),
            ),
        ],
        Body::from_stream(tokio_util_stream(file)),
    )
        .into_response())
}

/// An event to append: the core lifecycle's event JSON.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AppendRequest {
    /// Who records it: `shop` (default) or `board` (for `board_answered`).
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub actor: Option<Actor>,
    /// The core crate's lifecycle event (acknowledge, assign, progress report, resolve,
    /// reject, board answer, refer), as JSON.
    #[schema(value_type = Object)]
    pub event: serde_json::Value,
}

/// Appends a status event; the core lifecycle refuses transitions it does not allow
/// (`409 lifecycle.transition`). The shopper is notified in their language.
#[utoipa::path(post, path = "/api/shop/complaints/{reference}/events", tag = "shop",
    params(("reference" = String, Path)), request_body = AppendRequest, security(("shop_token" = [])),
    responses((status = 200, description = "tracking view after the event", body = crate::openapi::answers::TrackingViewSchema),
              (status = 401, body = crate::error::ErrorBody, description = "shop.unauthorized"),
              (status = 403, body = crate::error::ErrorBody, description = "timeline.actor_not_allowed"),
              (status = 404, body = crate::error::ErrorBody, description = "complaint.not_found"),
              (status = 409, body = crate::error::ErrorBody, description = "transition.not_allowed, timeline.*, complaint.concurrent_update"),
              (status = 422, body = crate::error::ErrorBody, description = "lifecycle.event, timeline.promise_in_the_past, json.shape (a key given twice)")))]
pub async fn append_event(
    _: ShopAuth,
    State(state): State<AppState>,
    Path(reference): Path<String>,
    Json(request): Json<AppendRequest>,
) -> Result<Json<serde_json::Value>, AppError> {
    let actor = request.actor.unwrap_or(Actor::Shop);
    if !matches!(actor, Actor::Shop | Actor::Board) {
        return Err(AppError::rejected(
            StatusCode::FORBIDDEN,
            "timeline.actor_not_allowed",
            "the shop-side API records events of the shop or its board only",
        ));
    }
    let complaint = find(&state, &reference).await?;
    let derived = append(&state, &complaint, actor, request.event).await?;
    Ok(Json(derived.view))
}

/// Appends `event` after the stored timeline, as one transaction with its notification.
pub async fn append(
    state: &AppState,
    complaint: &StoredComplaint,
    actor: Actor,
    event: serde_json::Value,
) -> Result<Derived, AppError> {
    let now = chrono::Utc::now();
    let events = state.store.events(&complaint.reference).await?;
    let facts = tracking::ComplaintFacts::of(&state.policy, complaint)?;
    let (event_json, derived) = tracking::apply(&state.policy, facts, &events, actor, event, now)?;
    let seq = i64::try_from(events.len()).unwrap_or(i64::MAX);
    let entry: TimelineEntry = serde_json::from_str(&event_json).map_err(AppError::internal)?;
    // A status change is news for the shopper, and so is a moved answer date, which a
    // further progress report brings without changing the status.
    let news = derived.status != complaint.status
        || matches!(entry.event(), LifecycleEvent::ProgressReported { .. });
    let trustmark = match news {
        true => super::trustmark::handling_trustmark(state, &complaint.reference).await?,
        false => None,
    };
    let notification = news
        .then(|| -> Result<_, AppError> {
            Ok(notify::message(
                token::random_hex(16)?,
                &complaint.reference,
                complaint.email.clone(),
                &complaint.language,
                notify::Occasion::Recorded {
                    event: entry.event(),
                    status: &derived.status,
                    next_step: notify::NextStep::of_view(&derived.view),
                },
                trustmark.as_deref(),
                now.timestamp(),
            ))
        })
        .transpose()?;
    let appended = AppendedEvent {
        seq,
        at: now.timestamp(),
        event: event_json,
        status: derived.status.clone(),
        open: derived.open,
        next_due_at: derived.next_due_at,
        notification,
    };
    if !state
        .store
        .append_event(&complaint.reference, &appended)
        .await?
    {
        return Err(AppError::rejected(
            StatusCode::CONFLICT,
            "complaint.concurrent_update",
            "another event was appended at the same moment; reload and try again",
        ));
    }
    if let Some(n) = &appended.notification {
        tracing::info!(reference = %n.complaint_reference, recipient = ?n.recipient, subject = %n.subject, "notification queued");
    }
    Ok(derived)
}

async fn find(state: &AppState, reference: &str) -> Result<StoredComplaint, AppError> {
    state.store.complaint(reference).await?.ok_or_else(|| {
        AppError::not_found("complaint.not_found", "no complaint with this reference")
    })
}

fn tokio_util_stream(
    file: tokio::fs::File,
) -> impl futures_util::Stream<Item = std::io::Result<bytes::Bytes>> {
    use tokio::io::AsyncReadExt;
    // The state is `None` after an error, which ends the stream.
    futures_util::stream::unfold(Some(file), |state| async move {
        let mut file = state?;
        let mut buffer = vec![0u8; 64 * 1024];
        match file.read(&mut buffer).await {
            Ok(0) => None,
            Ok(n) => {
                buffer.truncate(n);
                Some((Ok(bytes::Bytes::from(buffer)), Some(file)))
            }
            Err(e) => Some((Err(e), None)),
        }
    })
}
