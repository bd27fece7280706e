//! The complaint's timeline as the tracker and the shop see it: stored entries in, the
//! core crate's derived state, due steps and escalation routes out.
//!
//! Only the timeline is stored (one `TimelineEntry` JSON per row). The `status`, `open`
//! and `next_due_at` columns of the complaints table are an index for the shop's list
//! filters, rewritten from this derivation on every append; the tracker never reads them.

use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use redress_core::country::Country;
use redress_core::escalation::{
    EscalationOption, EscalationRoute, ProductCategory, next_steps_for_policy,
};
use redress_core::lifecycle::{
    Actor, DeadlineRules, DueStatus, LifecycleEvent, Timeline, TimelineEntry, TimelineError,
};
use redress_core::policy::ComplaintPolicy;
use serde_json::json;

use crate::error::AppError;
use crate::store::{StoredComplaint, StoredEvent};

/// What escalation routing needs to know about a complaint besides its timeline: a
/// shopper abroad opens the European Consumer Centre of their country, a travel purchase
/// the travel disputes committee.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ComplaintFacts {
    pub shopper_country: Country,
    pub category: ProductCategory,
}

impl ComplaintFacts {
    /// The facts stored with `complaint`. A complaint filed before they were stored (no
    /// shopper country) counts as domestic and general, as it was treated then.
    pub fn of(policy: &ComplaintPolicy, complaint: &StoredComplaint) -> Result<Self, AppError> {
        let shopper_country = match &complaint.shopper_country {
            None => policy.shop.country,
            Some(code) => Country::parse(code).map_err(AppError::internal)?,
        };
        let category = redress_core::draft::field::category(&complaint.category)
            .map_err(AppError::internal)?;
        Ok(ComplaintFacts {
            shopper_country,
            category,
        })
    }

    /// The category's code as stored (`general`, `travel`), the core crate's serde name.
    pub fn category_code(&self) -> &'static str {
        match self.category {
            ProductCategory::General => "general",
            ProductCategory::Travel => "travel",
        }
    }
}

/// What the timeline says now.
#[derive(Debug, Clone)]
pub struct Derived {
    /// The core `ComplaintState` code, e.g. `acknowledged`.
    pub status: String,
    /// Not closed (accepted, referred outside or withdrawn).
    pub open: bool,
    /// The earliest due time of a step still open (Unix seconds), for the overdue filter.
    pub next_due_at: Option<i64>,
    /// The tracker view (see [`derive`]).
    pub view: serde_json::Value,
}

/// The first entry of every timeline: received, recorded by the server.
pub fn received_event(now: DateTime<Utc>) -> String {
    let entry = TimelineEntry::new(now, Actor::System, LifecycleEvent::Received);
    serde_json::to_string(&entry).unwrap_or_default()
}

/// A stored entry built in memory (for deriving before the first write).
pub fn stored(seq: i64, at: i64, event: &str) -> StoredEvent {
    StoredEvent {
        seq,
        at,
        event: event.to_owned(),
    }
}

/// The shopper's escalation: to the board, or (with `to`) to an external body.
pub fn escalation_event(to: Option<serde_json::Value>) -> Result<serde_json::Value, AppError> {
    Ok(match to {
        None => json!({"type": "escalated_to_board"}),
        Some(body) => json!({"type": "referred_externally", "body": body}),
    })
}

fn timeline(events: &[StoredEvent]) -> Result<Timeline, AppError> {
    let entries: Vec<TimelineEntry> = events
        .iter()
        .map(|e| serde_json::from_str(&e.event))
        .collect::<Result<_, _>>()
        .map_err(AppError::internal)?;
    Timeline::try_from(entries).map_err(AppError::internal)
}

fn rules(policy: &ComplaintPolicy) -> Result<DeadlineRules, AppError> {
    DeadlineRules::from_policy(policy).map_err(AppError::internal)
}

/// The escalation routes of the shop's policy (`policy.escalation`) for this complaint.
fn escalation_options(
    policy: &ComplaintPolicy,
    facts: ComplaintFacts,
    timeline: &Timeline,
    now: DateTime<Utc>,
) -> Result<Vec<EscalationOption>, AppError> {
    next_steps_for_policy(timeline, policy, facts.shopper_country, facts.category, now)
        .map_err(AppError::internal)
}

/// Derives the tracker view from the stored entries:
/// `{status, open, handler, received_at, expected_answer_on, overdue, due_steps,
/// allowed_events, shopper_events, shopper_country, category, next_steps, timeline}`
/// where `due_steps` are core `DueStep`s, `next_steps` core `EscalationOption`s and
/// `timeline` core `TimelineEntry`s (`{at, actor, event}`), all as the core crate
/// serializes them.
pub fn derive(
    policy: &ComplaintPolicy,
    facts: ComplaintFacts,
    events: &[StoredEvent],
    now: DateTime<Utc>,
) -> Result<Derived, AppError> {
    let timeline = timeline(events)?;
    view(policy, facts, &timeline, now)
}

fn view(
    policy: &ComplaintPolicy,
    facts: ComplaintFacts,
    timeline: &Timeline,
    now: DateTime<Utc>,
) -> Result<Derived, AppError> {
    let rules = rules(policy)?;
    let state = timeline.state();
    let due = timeline.due_steps(&rules, now);
    let next_due_at = due
        .iter()
        .filter(|s| matches!(s.status(), DueStatus::Open | DueStatus::Overdue))
        .map(|s| s.due_by().timestamp())
        .min();
    let options = escalation_options(policy, facts, timeline, now)?;
    let view = json!({
        "status": state.code(),
        "open": !state.is_closed(),
        "handler": timeline.handler().map(|h| h.as_ref().to_owned()),
        "received_at": timeline.received_at(),
        "overdue": due.iter().any(|s| s.is_overdue()),
        "due_steps": due,
        "expected_answer_on": timeline.expected_answer_on(),
        "allowed_events": timeline.allowed_events(),
        "shopper_events": timeline.allowed_events_for(Actor::Shopper),
        "shopper_country": facts.shopper_country,
        "category": facts.category,
        "next_steps": options,
        "timeline": timeline.entries(),
    });
    Ok(Derived {
        status: state.code().to_owned(),
        open: !state.is_closed(),
        next_due_at,
        view,
    })
}

/// Checks `event` (core `LifecycleEvent` JSON) recorded by `actor` against the timeline;
/// returns the entry to store and the state after it. A shopper's escalation must also be
/// a route open now (`next_steps`), as the core lifecycle asks of the server.
pub fn apply(
    policy: &ComplaintPolicy,
    facts: ComplaintFacts,
    events: &[StoredEvent],
    actor: Actor,
    event: serde_json::Value,
    now: DateTime<Utc>,
) -> Result<(String, Derived), AppError> {
    let event: LifecycleEvent = serde_json::from_value(event).map_err(|e| {
        AppError::rejected(
            StatusCode::UNPROCESSABLE_ENTITY,
            "lifecycle.event",
            format!("not a lifecycle event: {e}"),
        )
    })?;
    let mut timeline = timeline(events)?;
    if actor == Actor::Shopper {
        let route = match &event {
            LifecycleEvent::EscalatedToBoard => Some(EscalationRoute::Board),
            LifecycleEvent::ReferredExternally { body } => Some(EscalationRoute::from(*body)),
            _ => None,
        };
        if let Some(route) = route {
            let options = escalation_options(policy, facts, &timeline, now)?;
            if !options.iter().any(|o| o.route() == route && o.is_open()) {
                return Err(AppError::rejected(
                    StatusCode::CONFLICT,
                    "escalation.not_open",
                    "this escalation route is not open for the complaint now; see next_steps",
                ));
            }
        }
    }
    let entry = TimelineEntry::new(now, actor, event);
    let stored = serde_json::to_string(&entry).map_err(AppError::internal)?;
    timeline.append(entry).map_err(|e| refused(&e))?;
    Ok((stored, view(policy, facts, &timeline, now)?))
}

fn refused(error: &TimelineError) -> AppError {
    let status = match error {
        TimelineError::ActorNotAllowed { .. } => StatusCode::FORBIDDEN,
        TimelineError::PromiseInThePast { .. } => StatusCode::UNPROCESSABLE_ENTITY,
        _ => StatusCode::CONFLICT,
    };
    AppError::rejected(status, error.code(), error.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored(shopper_country: Option<&str>, category: &str) -> StoredComplaint {
        StoredComplaint {
            reference: "C-TEST".into(),
            token_hash: String::new(),
            order_number: None,
            email: None,
            language: "en".into(),
            body: "{}".into(),
            receipt: "{}".into(),
            filed_at: 0,
            status: "received".into(),
            open: true,
            next_due_at: None,
            shopper_country: shopper_country.map(str::to_owned),
            category: category.into(),
        }
    }

    #[test]
    fn complaints_stored_before_migration_0002_count_as_domestic_and_general() {
        let policy = ComplaintPolicy::default();
        let facts = ComplaintFacts::of(&policy, &stored(None, "general")).unwrap();
        assert_eq!(facts.shopper_country, policy.shop.country);
        assert_eq!(facts.category, ProductCategory::General);
    }

    #[test]
    fn stored_facts_read_back_and_their_category_code_round_trips() {
        let policy = ComplaintPolicy::default();
        let facts = ComplaintFacts::of(&policy, &stored(Some("DE"), "travel")).unwrap();
        assert_eq!(facts.shopper_country, Country::DE);
        assert_eq!(facts.category, ProductCategory::Travel);
        assert_eq!(facts.category_code(), "travel");
        assert!(ComplaintFacts::of(&policy, &stored(Some("XX"), "general")).is_err());
    }
}
