//! The complaint's timeline as the tracker and the shop see it: stored events in, derived
//! status, due dates and next steps out.
//!
//! TODO(core): the derivation belongs to `redress_core::lifecycle::Timeline` and
//! `redress_core::escalation::next_steps`; until they land this module keeps a minimal
//! stop-gap (event kinds and the acknowledgement deadline only).

use chrono::{DateTime, SecondsFormat, Utc};
use redress_core::calendar::WorkingCalendar;
use redress_core::policy::ComplaintPolicy;
use serde_json::json;

use crate::error::AppError;
use crate::store::StoredEvent;

/// What the timeline says now.
#[derive(Debug, Clone)]
pub struct Derived {
    pub status: String,
    pub open: bool,
    /// The next deadline (Unix seconds), for the overdue filter.
    pub next_due_at: Option<i64>,
    /// The tracker view: status, timeline, due dates, next steps.
    pub view: serde_json::Value,
}

const KINDS: &[(&str, &str)] = &[
    ("received", "received"),
    ("acknowledged", "acknowledged"),
    ("assigned", "assigned"),
    ("progress_reported", "in_progress"),
    ("resolved", "resolved"),
    ("rejected", "rejected"),
    ("escalated", "escalated"),
    ("board_answered", "board_answered"),
    ("referred", "referred"),
];

/// The first event of every timeline.
pub fn received_event(_now: DateTime<Utc>) -> String {
    json!({"type": "received"}).to_string()
}

/// A stored event built in memory (for deriving before the first write).
pub fn stored(seq: i64, at: i64, event: &str) -> StoredEvent {
    StoredEvent {
        seq,
        at,
        event: event.to_owned(),
    }
}

/// The shopper's escalation to the board.
pub fn escalation_event(statement: Option<&str>) -> Result<serde_json::Value, AppError> {
    Ok(json!({"type": "escalated", "statement": statement}))
}

/// Derives the status and the view from the stored events.
pub fn derive(
    policy: &ComplaintPolicy,
    events: &[StoredEvent],
    now: DateTime<Utc>,
) -> Result<Derived, AppError> {
    let parsed: Vec<(i64, serde_json::Value)> = events
        .iter()
        .map(|e| serde_json::from_str(&e.event).map(|v| (e.at, v)))
        .collect::<Result<_, _>>()
        .map_err(AppError::internal)?;
    let last_kind = parsed
        .last()
        .and_then(|(_, v)| v.get("type").and_then(|t| t.as_str()))
        .unwrap_or("received");
    let status = KINDS
        .iter()
        .find(|(k, _)| *k == last_kind)
        .map(|(_, s)| *s)
        .unwrap_or("received");
    let open = !matches!(status, "resolved" | "rejected" | "referred");
    let filed_at = parsed
        .first()
        .map(|(at, _)| *at)
        .unwrap_or_else(|| now.timestamp());
    let next_due_at = if status == "received" {
        acknowledge_due(policy, filed_at)
    } else {
        None
    };
    let stamp = |s: i64| {
        DateTime::from_timestamp(s, 0)
            .map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, true))
            .unwrap_or_default()
    };
    let view = json!({
        "status": status,
        "open": open,
        "overdue": next_due_at.is_some_and(|due| due < now.timestamp()),
        "next_due_at": next_due_at.map(stamp),
        "timeline": parsed.iter().map(|(at, v)| json!({"at": stamp(*at), "event": v})).collect::<Vec<_>>(),
        "next_steps": [],
    });
    Ok(Derived {
        status: status.to_owned(),
        open,
        next_due_at,
        view,
    })
}

/// Checks `event` against the timeline and returns its stored form and the new state.
pub fn apply(
    policy: &ComplaintPolicy,
    events: &[StoredEvent],
    event: serde_json::Value,
    now: DateTime<Utc>,
) -> Result<(String, Derived), AppError> {
    let kind = event
        .get("type")
        .and_then(|t| t.as_str())
        .unwrap_or_default();
    if kind == "received" || !KINDS.iter().any(|(k, _)| *k == kind) {
        return Err(AppError::rejected(
            axum::http::StatusCode::UNPROCESSABLE_ENTITY,
            "lifecycle.event",
            format!("{kind:?} is not an event that can be appended"),
        ));
    }
    let current = derive(policy, events, now)?;
    if !current.open && kind != "escalated" {
        return Err(AppError::rejected(
            axum::http::StatusCode::CONFLICT,
            "lifecycle.transition",
            format!("a {} complaint cannot take {kind:?}", current.status),
        ));
    }
    let text = event.to_string();
    let mut all = events.to_vec();
    all.push(stored(
        i64::try_from(events.len()).unwrap_or(i64::MAX),
        now.timestamp(),
        &text,
    ));
    Ok((text, derive(policy, &all, now)?))
}

fn acknowledge_due(policy: &ComplaintPolicy, filed_at: i64) -> Option<i64> {
    let calendar = WorkingCalendar::for_country(policy.shop.country).ok()?;
    let filed = DateTime::from_timestamp(filed_at, 0)?;
    let day = calendar.add_working_days(
        policy.today(filed),
        u32::from(policy.deadlines.acknowledge_working_days),
    );
    Some(policy.shop.time_zone.end_of_local_day(day).timestamp())
}
