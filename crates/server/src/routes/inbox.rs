//! The shop desk's inbox: each complaint summed up from its timeline (reason, handler,
//! overdue), the desk's filters and search, and the counts per state.
//!
//! The complaints table's status columns narrow the query; everything the desk filters on
//! besides (reason, handler, search) is read from the complaint and derived from the
//! timeline per request, like the tracker, so the inbox never disagrees with it.

use axum::extract::State;
use chrono::{DateTime, Utc};
use redress_core::lifecycle::{Actor, ComplaintState, EventKind, Timeline, TimelineEntry};
use serde::Serialize;

use crate::error::{AppError, Json};
use crate::shop_auth::ShopAuth;
use crate::state::AppState;
use crate::store::{ComplaintFilter, StoredComplaint, StoredEvent};
use crate::tracking;

/// One line of the inbox.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct InboxEntry {
    pub reference: String,
    pub order_number: Option<String>,
    pub email: Option<String>,
    /// RFC 3339 UTC.
    pub filed_at: String,
    /// The core `ComplaintState` code.
    pub status: String,
    pub open: bool,
    /// The core `ComplaintReason` code the shopper chose.
    pub reason: Option<String>,
    /// The handler the latest acknowledgement or assignment named.
    pub handler: Option<String>,
    /// RFC 3339 UTC: the earliest due time of a step still open.
    pub next_due_at: Option<String>,
    /// A due step is past its time now.
    pub overdue: bool,
    /// For a complaint filed on the trustmark's page: the member shop it is about (left out
    /// otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shop_name: Option<String>,
}

/// What the desk narrows the inbox by, besides the stored status columns.
#[derive(Debug, Clone, Default)]
pub struct InboxFilter {
    /// A core `ComplaintReason` code.
    pub reason: Option<String>,
    /// The handler's name, compared without case.
    pub handler: Option<String>,
    /// `true`: only overdue complaints; `false`: only those not overdue.
    pub overdue: Option<bool>,
    /// Part of the reference, the order number, the e-mail address or the member shop's
    /// name, without case.
    pub search: Option<String>,
}

impl InboxFilter {
    fn keeps(&self, entry: &InboxEntry) -> bool {
        let same = |wanted: &Option<String>, actual: &Option<String>| match wanted {
            None => true,
            Some(w) => actual.as_deref().is_some_and(|a| a.eq_ignore_ascii_case(w)),
        };
        let searched = self
            .search
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty());
        let found = searched.is_none_or(|needle| {
            let needle = needle.to_lowercase();
            [
                Some(&entry.reference),
                entry.order_number.as_ref(),
                entry.email.as_ref(),
                entry.shop_name.as_ref(),
            ]
            .into_iter()
            .flatten()
            .any(|field| field.to_lowercase().contains(&needle))
        });
        same(&self.reason, &entry.reason)
            && same(&self.handler, &entry.handler)
            && self.overdue.is_none_or(|o| o == entry.overdue)
            && found
    }
}

/// How the inbox is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InboxOrder {
    /// Newest first (the API's historic order).
    #[default]
    Filed,
    /// Next due first; complaints with nothing due last, newest first among them.
    Due,
}

/// The complaints the filters keep, summed up, in `order`.
pub async fn entries(
    state: &AppState,
    stored: &ComplaintFilter,
    filter: &InboxFilter,
    order: InboxOrder,
) -> Result<Vec<InboxEntry>, AppError> {
    let now = Utc::now();
    let mut shops: std::collections::HashMap<String, String> = state
        .store
        .trustmark_cases()
        .await?
        .into_iter()
        .map(|c| (c.complaint_reference, c.case.shop_name))
        .collect();
    let mut out = Vec::new();
    for complaint in state.store.complaints(stored).await? {
        let events = state.store.events(&complaint.reference).await?;
        let mut entry = summary(state, &complaint, &events, now)?;
        entry.shop_name = shops.remove(&complaint.reference);
        if filter.keeps(&entry) {
            out.push(entry);
        }
    }
    if order == InboxOrder::Due {
        // RFC 3339 UTC strings of one format sort as their instants.
        out.sort_by(|a, b| match (&a.next_due_at, &b.next_due_at) {
            (Some(x), Some(y)) => x.cmp(y).then_with(|| a.reference.cmp(&b.reference)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => b.filed_at.cmp(&a.filed_at),
        });
    }
    Ok(out)
}

/// One complaint as the inbox shows it, derived from its timeline at `now`.
pub fn summary(
    state: &AppState,
    complaint: &StoredComplaint,
    events: &[StoredEvent],
    now: DateTime<Utc>,
) -> Result<InboxEntry, AppError> {
    let facts = tracking::ComplaintFacts::of(&state.policy, complaint)?;
    let derived = tracking::derive(&state.policy, facts, events, now)?;
    let body: serde_json::Value =
        serde_json::from_str(&complaint.body).map_err(AppError::internal)?;
    Ok(InboxEntry {
        reference: complaint.reference.clone(),
        order_number: complaint.order_number.clone(),
        email: complaint.email.clone(),
        filed_at: rfc3339(complaint.filed_at),
        status: derived.status,
        open: derived.open,
        reason: body["reason"].as_str().map(str::to_owned),
        handler: derived.view["handler"].as_str().map(str::to_owned),
        next_due_at: derived.next_due_at.map(rfc3339),
        overdue: derived.view["overdue"].as_bool().unwrap_or(false),
        shop_name: None,
    })
}

/// The events the desk may record now: the shop's own, and the board's answer (the desk
/// records it on the board's behalf, as `actor: "board"`). The core crate decides.
pub fn desk_events(events: &[StoredEvent]) -> Result<Vec<EventKind>, AppError> {
    let entries: Vec<TimelineEntry> = events
        .iter()
        .map(|e| serde_json::from_str(&e.event))
        .collect::<Result<_, _>>()
        .map_err(AppError::internal)?;
    let timeline = Timeline::try_from(entries).map_err(AppError::internal)?;
    let mut kinds = timeline.allowed_events_for(Actor::Shop);
    kinds.extend(timeline.allowed_events_for(Actor::Board));
    Ok(kinds)
}

/// How many complaints are in each state, how many are open and how many overdue.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct InboxCounts {
    pub total: usize,
    pub open: usize,
    pub overdue: usize,
    /// Every core `ComplaintState` code, with zero for states no complaint is in.
    #[schema(value_type = Object)]
    pub by_status: serde_json::Map<String, serde_json::Value>,
}

/// Counts the shop's complaints per state, for the desk's state filter.
#[utoipa::path(get, path = "/api/shop/complaint-counts", tag = "shop", security(("shop_token" = [])),
    responses((status = 200, body = InboxCounts), (status = 401, body = crate::error::ErrorBody)))]
pub async fn counts(
    _: ShopAuth,
    State(state): State<AppState>,
) -> Result<Json<InboxCounts>, AppError> {
    let all = entries(
        &state,
        &ComplaintFilter::default(),
        &InboxFilter::default(),
        InboxOrder::Filed,
    )
    .await?;
    let by_status = ComplaintState::ALL
        .iter()
        .map(|s| {
            let n = all.iter().filter(|e| e.status == s.code()).count();
            (s.code().to_owned(), serde_json::Value::from(n))
        })
        .collect();
    Ok(Json(InboxCounts {
        total: all.len(),
        open: all.iter().filter(|e| e.open).count(),
        overdue: all.iter().filter(|e| e.overdue).count(),
        by_status,
    }))
}

/// RFC 3339 UTC with seconds, the API's instant format.
pub fn rfc3339(seconds: i64) -> String {
    chrono::DateTime::from_timestamp(seconds, 0)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry() -> InboxEntry {
        InboxEntry {
            reference: "C-7K2M9Q4XPA".into(),
            order_number: Some("RD-1001".into()),
            email: Some("Anna@Example.com".into()),
            filed_at: "2026-11-20T10:00:00Z".into(),
            status: "acknowledged".into(),
            open: true,
            reason: Some("defective_or_damaged".into()),
            handler: Some("Sanne de Vries".into()),
            next_due_at: None,
            overdue: false,
            shop_name: Some("Fietsen Peeters".into()),
        }
    }

    #[test]
    fn search_finds_reference_order_number_or_email_in_any_case() {
        for needle in ["7k2m", "rd-1001", "anna@example", " ANNA ", "peeters"] {
            let filter = InboxFilter {
                search: Some(needle.into()),
                ..InboxFilter::default()
            };
            assert!(filter.keeps(&entry()), "{needle}");
        }
        let filter = InboxFilter {
            search: Some("bram".into()),
            ..InboxFilter::default()
        };
        assert!(!filter.keeps(&entry()));
    }

    #[test]
    fn reason_handler_and_overdue_filters_combine() {
        let filter = InboxFilter {
            reason: Some("defective_or_damaged".into()),
            handler: Some("sanne de vries".into()),
            overdue: Some(false),
            search: None,
        };
        assert!(filter.keeps(&entry()));
        let overdue_only = InboxFilter {
            overdue: Some(true),
            ..filter.clone()
        };
        assert!(!overdue_only.keeps(&entry()));
        let other_handler = InboxFilter {
            handler: Some("Jan".into()),
            ..filter
        };
        assert!(!other_handler.keeps(&entry()));
    }
}
