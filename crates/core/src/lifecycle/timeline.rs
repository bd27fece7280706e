//! The append-only record of a complaint: the one thing stored. Status, handler and due
//! dates are derived from it on every read, so they can never drift from what happened.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::event::{Actor, EventKind, LifecycleEvent};
use super::state::ComplaintState;
use super::text::HandlerName;
use super::transition::{TransitionError, allowed_events, transition};

/// One event, when it happened and who recorded it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimelineEntry {
    at: DateTime<Utc>,
    actor: Actor,
    event: LifecycleEvent,
}

impl TimelineEntry {
    /// An entry; whether it may follow the timeline so far is checked by
    /// [`Timeline::append`].
    pub fn new(at: DateTime<Utc>, actor: Actor, event: LifecycleEvent) -> TimelineEntry {
        TimelineEntry { at, actor, event }
    }

    /// When it happened.
    pub fn at(&self) -> DateTime<Utc> {
        self.at
    }

    /// Who recorded it.
    pub fn actor(&self) -> Actor {
        self.actor
    }

    /// What happened.
    pub fn event(&self) -> &LifecycleEvent {
        &self.event
    }
}

/// Why an entry cannot be added to a timeline (or a stored timeline cannot be read back).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimelineError {
    /// A stored timeline without any entry.
    #[error("timeline: a timeline starts with the receipt of the complaint and cannot be empty")]
    Empty,
    /// The first entry is not the receipt, or a later one is.
    #[error("timeline: the receipt must be the first entry and only the first, not {event}")]
    ReceiptNotFirst {
        /// The event found where it does not belong.
        event: EventKind,
    },
    /// The event is not allowed in the complaint's state.
    #[error("timeline: {0}")]
    Transition(#[from] TransitionError),
    /// The actor may not record this event (a shopper cannot resolve their own complaint).
    #[error("timeline: {actor:?} may not record the event {event}")]
    ActorNotAllowed {
        /// The event.
        event: EventKind,
        /// Who tried to record it.
        actor: Actor,
    },
    /// The entry is dated before the last one.
    #[error("timeline: an entry at {at} cannot follow one at {last}")]
    TimeWentBackwards {
        /// The time of the last entry.
        last: DateTime<Utc>,
        /// The time of the refused entry.
        at: DateTime<Utc>,
    },
    /// An acknowledgement or progress report promises an answer on a day already past.
    #[error("timeline: the promised answer date {promised} is before the day of the entry ({at})")]
    PromiseInThePast {
        /// The promised date.
        promised: chrono::NaiveDate,
        /// The time of the entry.
        at: DateTime<Utc>,
    },
}

impl TimelineError {
    /// The stable code the desk and the widget translate.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use redress_core::lifecycle::{Actor, LifecycleEvent, Timeline, TimelineEntry};
    /// let friday = Utc.with_ymd_and_hms(2026, 4, 24, 9, 0, 0).unwrap();
    /// let mut timeline = Timeline::received(friday, Actor::Shopper).unwrap();
    /// let err = timeline
    ///     .append(TimelineEntry::new(friday, Actor::Shopper, LifecycleEvent::Accepted))
    ///     .unwrap_err();
    /// assert_eq!(err.code(), "transition.not_allowed");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            TimelineError::Empty => "timeline.empty",
            TimelineError::ReceiptNotFirst { .. } => "timeline.receipt_not_first",
            TimelineError::Transition(err) => err.code(),
            TimelineError::ActorNotAllowed { .. } => "timeline.actor_not_allowed",
            TimelineError::TimeWentBackwards { .. } => "timeline.time_went_backwards",
            TimelineError::PromiseInThePast { .. } => "timeline.promise_in_the_past",
        }
    }
}

/// The complaint's history, oldest first. It can only grow by [`append`](Timeline::append),
/// which checks the transition, the actor and the time; a stored timeline is checked the
/// same way when it is deserialized (serde replays it entry by entry).
///
/// ```
/// use chrono::{NaiveDate, TimeZone, Utc};
/// use redress_core::lifecycle::{
///     Actor, ComplaintState, HandlerName, LifecycleEvent, Timeline, TimelineEntry,
/// };
/// let filed = Utc.with_ymd_and_hms(2026, 4, 24, 9, 0, 0).unwrap();
/// let mut timeline = Timeline::received(filed, Actor::Shopper).unwrap();
/// timeline.append(TimelineEntry::new(
///     Utc.with_ymd_and_hms(2026, 4, 28, 10, 0, 0).unwrap(),
///     Actor::Shop,
///     LifecycleEvent::Acknowledged {
///         handler: HandlerName::parse("Sanne").unwrap(),
///         expected_answer_on: NaiveDate::from_ymd_opt(2026, 5, 8).unwrap(),
///         message: None,
///     },
/// )).unwrap();
/// assert_eq!(timeline.state(), ComplaintState::Acknowledged);
/// assert_eq!(timeline.handler().unwrap().as_ref(), "Sanne");
///
/// let json = serde_json::to_string(&timeline).unwrap();
/// assert_eq!(serde_json::from_str::<Timeline>(&json).unwrap(), timeline);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<TimelineEntry>", into = "Vec<TimelineEntry>")]
pub struct Timeline {
    entries: Vec<TimelineEntry>,
}

impl Timeline {
    /// A new timeline: the complaint was received at `at`, recorded by the shopper's
    /// widget or by the server.
    pub fn received(at: DateTime<Utc>, actor: Actor) -> Result<Timeline, TimelineError> {
        let entry = TimelineEntry::new(at, actor, LifecycleEvent::Received);
        if !entry.event.may_be_recorded_by(actor) {
            return Err(TimelineError::ActorNotAllowed {
                event: EventKind::Received,
                actor,
            });
        }
        Ok(Timeline {
            entries: vec![entry],
        })
    }

    /// Adds an entry if its event is allowed in the current state, its actor may record it,
    /// it is not dated before the last entry, and any answer date it promises is not
    /// already past. On error the timeline is unchanged.
    pub fn append(&mut self, entry: TimelineEntry) -> Result<(), TimelineError> {
        let kind = entry.event.kind();
        if kind == EventKind::Received {
            return Err(TimelineError::ReceiptNotFirst { event: kind });
        }
        transition(self.state(), &entry.event)?;
        if !entry.event.may_be_recorded_by(entry.actor) {
            return Err(TimelineError::ActorNotAllowed {
                event: kind,
                actor: entry.actor,
            });
        }
        let last = self.last_at();
        if entry.at < last {
            return Err(TimelineError::TimeWentBackwards { last, at: entry.at });
        }
        // The UTC date is never after the shop's local date in the European zones, so this
        // refuses only dates that are past everywhere the shop may be.
        if let Some(promised) = entry.event.promised_date()
            && promised < entry.at.date_naive()
        {
            return Err(TimelineError::PromiseInThePast {
                promised,
                at: entry.at,
            });
        }
        self.entries.push(entry);
        Ok(())
    }

    /// The entries, oldest first; the first is always the receipt.
    pub fn entries(&self) -> &[TimelineEntry] {
        &self.entries
    }

    /// When the complaint was received.
    pub fn received_at(&self) -> DateTime<Utc> {
        self.entries
            .first()
            .map(TimelineEntry::at)
            .unwrap_or(DateTime::<Utc>::MIN_UTC)
    }

    /// The current state: the fold of every event through [`transition`].
    pub fn state(&self) -> ComplaintState {
        self.entries
            .iter()
            .skip(1)
            .fold(ComplaintState::Received, |state, entry| {
                transition(state, &entry.event).unwrap_or(state)
            })
    }

    /// The events the current state allows.
    pub fn allowed_events(&self) -> &'static [EventKind] {
        allowed_events(self.state())
    }

    /// The events the current state allows that `actor` may record: what the shop's desk
    /// offers (`Actor::Shop`), and what the shopper's tracker offers (`Actor::Shopper`).
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use redress_core::lifecycle::{Actor, EventKind, Timeline};
    /// let filed = Utc.with_ymd_and_hms(2026, 4, 24, 9, 0, 0).unwrap();
    /// let timeline = Timeline::received(filed, Actor::Shopper).unwrap();
    /// assert_eq!(
    ///     timeline.allowed_events_for(Actor::Shop),
    ///     vec![EventKind::Acknowledged, EventKind::Resolved, EventKind::Rejected]
    /// );
    /// assert!(timeline.allowed_events_for(Actor::Board).is_empty());
    /// ```
    pub fn allowed_events_for(&self, actor: Actor) -> Vec<EventKind> {
        self.allowed_events()
            .iter()
            .copied()
            .filter(|kind| kind.may_be_recorded_by(actor))
            .collect()
    }

    /// The answer date last promised to the shopper, by the acknowledgement or a progress
    /// report; `None` before the acknowledgement.
    pub fn expected_answer_on(&self) -> Option<chrono::NaiveDate> {
        self.entries
            .iter()
            .rev()
            .find_map(|entry| entry.event.promised_date())
    }

    /// The handler named last, by the acknowledgement or an assignment.
    pub fn handler(&self) -> Option<&HandlerName> {
        self.entries
            .iter()
            .rev()
            .find_map(|entry| match &entry.event {
                LifecycleEvent::Acknowledged { handler, .. }
                | LifecycleEvent::Assigned { handler } => Some(handler),
                _ => None,
            })
    }

    /// When the complaint was closed (accepted, referred outside or withdrawn), if it is.
    pub fn closed_at(&self) -> Option<DateTime<Utc>> {
        self.state().is_closed().then(|| self.last_at())
    }

    /// When the shop first answered (resolved or rejected), if it has.
    pub fn first_answer_at(&self) -> Option<DateTime<Utc>> {
        self.entries
            .iter()
            .find(|entry| {
                matches!(
                    entry.event.kind(),
                    EventKind::Resolved | EventKind::Rejected
                )
            })
            .map(TimelineEntry::at)
    }

    fn last_at(&self) -> DateTime<Utc> {
        self.entries
            .last()
            .map(TimelineEntry::at)
            .unwrap_or(DateTime::<Utc>::MIN_UTC)
    }
}

impl TryFrom<Vec<TimelineEntry>> for Timeline {
    type Error = TimelineError;

    fn try_from(entries: Vec<TimelineEntry>) -> Result<Self, Self::Error> {
        let mut entries = entries.into_iter();
        let first = entries.next().ok_or(TimelineError::Empty)?;
        if first.event != LifecycleEvent::Received {
            return Err(TimelineError::ReceiptNotFirst {
                event: first.event.kind(),
            });
        }
        let mut timeline = Timeline::received(first.at, first.actor)?;
        for entry in entries {
            timeline.append(entry)?;
        }
        Ok(timeline)
    }
}

impl From<Timeline> for Vec<TimelineEntry> {
    fn from(timeline: Timeline) -> Self {
        timeline.entries
    }
}
