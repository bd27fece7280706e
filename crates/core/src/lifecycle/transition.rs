//! The status machine: which event may follow which state.
//!
//! The machine records what happened; it does not judge *when* a shopper may escalate.
//! A shopper may escalate to the board or go outside while the shop still owes an answer
//! (the shop may have missed a deadline), so the machine allows it; whether the tracker
//! offers it right now is decided by [`crate::escalation::next_steps`], which the server
//! consults before recording a shopper's escalation.

use super::event::{EventKind, LifecycleEvent};
use super::state::ComplaintState;

/// An event that the complaint's state does not allow.
///
/// ```
/// use redress_core::lifecycle::{transition, ComplaintState, LifecycleEvent};
/// let err = transition(ComplaintState::Withdrawn, &LifecycleEvent::Accepted).unwrap_err();
/// assert_eq!(err.code(), "transition.not_allowed");
/// assert_eq!(err.to_string(), "a complaint that is withdrawn does not allow the event accepted");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a complaint that is {state} does not allow the event {event}")]
pub struct TransitionError {
    /// The state the complaint was in.
    pub state: ComplaintState,
    /// The event that was refused.
    pub event: EventKind,
}

impl TransitionError {
    /// The stable code the desk and the widget translate.
    pub fn code(&self) -> &'static str {
        "transition.not_allowed"
    }
}

/// The events a complaint in `state` allows; the desk and the tracker offer only these.
/// `Received` is never listed: it only starts a timeline.
///
/// ```
/// use redress_core::lifecycle::{allowed_events, ComplaintState, EventKind};
/// assert!(allowed_events(ComplaintState::Received).contains(&EventKind::Acknowledged));
/// assert!(!allowed_events(ComplaintState::Received).contains(&EventKind::Assigned));
/// assert!(allowed_events(ComplaintState::Accepted).is_empty());
/// ```
pub fn allowed_events(state: ComplaintState) -> &'static [EventKind] {
    use EventKind::*;
    match state {
        // An acknowledgement names the handler, so the shop acknowledges before assigning.
        ComplaintState::Received => &[
            Acknowledged,
            Resolved,
            Rejected,
            EscalatedToBoard,
            ReferredExternally,
            Withdrawn,
        ],
        ComplaintState::Acknowledged
        | ComplaintState::InvestigationOpen
        | ComplaintState::ProgressReported => &[
            Assigned,
            ProgressReported,
            Resolved,
            Rejected,
            EscalatedToBoard,
            ReferredExternally,
            Withdrawn,
        ],
        ComplaintState::Resolved | ComplaintState::Rejected => {
            &[Accepted, EscalatedToBoard, ReferredExternally, Withdrawn]
        }
        // The board has its own deadline; if it misses it the shopper may go outside.
        ComplaintState::EscalatedToBoard => &[BoardAnswered, ReferredExternally, Withdrawn],
        ComplaintState::BoardAnswered => &[Accepted, ReferredExternally, Withdrawn],
        ComplaintState::Accepted
        | ComplaintState::ReferredExternally
        | ComplaintState::Withdrawn => &[],
    }
}

/// The state after `event`, or why the event is not allowed in `state`.
///
/// ```
/// use redress_core::lifecycle::{transition, ComplaintState, HandlerName, LifecycleEvent};
/// let assigned = LifecycleEvent::Assigned { handler: HandlerName::parse("Piet").unwrap() };
/// assert_eq!(
///     transition(ComplaintState::Acknowledged, &assigned),
///     Ok(ComplaintState::InvestigationOpen)
/// );
/// assert!(transition(ComplaintState::Received, &assigned).is_err());
/// ```
pub fn transition(
    state: ComplaintState,
    event: &LifecycleEvent,
) -> Result<ComplaintState, TransitionError> {
    let kind = event.kind();
    if !allowed_events(state).contains(&kind) {
        return Err(TransitionError { state, event: kind });
    }
    Ok(match kind {
        // Unreachable: no state allows a second receipt. Kept total without a panic.
        EventKind::Received => ComplaintState::Received,
        EventKind::Acknowledged => ComplaintState::Acknowledged,
        EventKind::Assigned => ComplaintState::InvestigationOpen,
        EventKind::ProgressReported => ComplaintState::ProgressReported,
        EventKind::Resolved => ComplaintState::Resolved,
        EventKind::Rejected => ComplaintState::Rejected,
        EventKind::Accepted => ComplaintState::Accepted,
        EventKind::EscalatedToBoard => ComplaintState::EscalatedToBoard,
        EventKind::BoardAnswered => ComplaintState::BoardAnswered,
        EventKind::ReferredExternally => ComplaintState::ReferredExternally,
        EventKind::Withdrawn => ComplaintState::Withdrawn,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ResolutionKind;
    use crate::escalation::ExternalBody;
    use crate::lifecycle::{HandlerName, Remedy, Statement, WrittenOutcome};
    use chrono::NaiveDate;

    fn text(s: &str) -> Statement {
        Statement::parse(s).unwrap()
    }

    fn sample(kind: EventKind) -> LifecycleEvent {
        let date = NaiveDate::from_ymd_opt(2026, 5, 8).unwrap();
        let outcome = WrittenOutcome::new(text("looked"), text("found"), text("fixed"));
        match kind {
            EventKind::Received => LifecycleEvent::Received,
            EventKind::Acknowledged => LifecycleEvent::Acknowledged {
                handler: HandlerName::parse("Sanne").unwrap(),
                expected_answer_on: date,
                message: None,
            },
            EventKind::Assigned => LifecycleEvent::Assigned {
                handler: HandlerName::parse("Piet").unwrap(),
            },
            EventKind::ProgressReported => LifecycleEvent::ProgressReported {
                message: text("Waiting for the carrier."),
                expected_answer_on: date,
            },
            EventKind::Resolved => LifecycleEvent::Resolved {
                remedy: Remedy::new(ResolutionKind::Replacement, None),
                outcome,
            },
            EventKind::Rejected => LifecycleEvent::Rejected {
                reasons: text("Outside the guarantee."),
            },
            EventKind::Accepted => LifecycleEvent::Accepted,
            EventKind::EscalatedToBoard => LifecycleEvent::EscalatedToBoard,
            EventKind::BoardAnswered => LifecycleEvent::BoardAnswered {
                remedy: None,
                outcome,
            },
            EventKind::ReferredExternally => LifecycleEvent::ReferredExternally {
                body: ExternalBody::EuropeanConsumerCentre,
            },
            EventKind::Withdrawn => LifecycleEvent::Withdrawn,
        }
    }

    const ALL_KINDS: [EventKind; 11] = [
        EventKind::Received,
        EventKind::Acknowledged,
        EventKind::Assigned,
        EventKind::ProgressReported,
        EventKind::Resolved,
        EventKind::Rejected,
        EventKind::Accepted,
        EventKind::EscalatedToBoard,
        EventKind::BoardAnswered,
        EventKind::ReferredExternally,
        EventKind::Withdrawn,
    ];

    /// The whole table, written out once more by hand: (state, event, next state).
    const EXPECTED: &[(ComplaintState, EventKind, ComplaintState)] = {
        use ComplaintState as S;
        use EventKind as E;
        &[
            (S::Received, E::Acknowledged, S::Acknowledged),
            (S::Received, E::Resolved, S::Resolved),
            (S::Received, E::Rejected, S::Rejected),
            (S::Received, E::EscalatedToBoard, S::EscalatedToBoard),
            (S::Received, E::ReferredExternally, S::ReferredExternally),
            (S::Received, E::Withdrawn, S::Withdrawn),
            (S::Acknowledged, E::Assigned, S::InvestigationOpen),
            (S::Acknowledged, E::ProgressReported, S::ProgressReported),
            (S::Acknowledged, E::Resolved, S::Resolved),
            (S::Acknowledged, E::Rejected, S::Rejected),
            (S::Acknowledged, E::EscalatedToBoard, S::EscalatedToBoard),
            (
                S::Acknowledged,
                E::ReferredExternally,
                S::ReferredExternally,
            ),
            (S::Acknowledged, E::Withdrawn, S::Withdrawn),
            (S::InvestigationOpen, E::Assigned, S::InvestigationOpen),
            (
                S::InvestigationOpen,
                E::ProgressReported,
                S::ProgressReported,
            ),
            (S::InvestigationOpen, E::Resolved, S::Resolved),
            (S::InvestigationOpen, E::Rejected, S::Rejected),
            (
                S::InvestigationOpen,
                E::EscalatedToBoard,
                S::EscalatedToBoard,
            ),
            (
                S::InvestigationOpen,
                E::ReferredExternally,
                S::ReferredExternally,
            ),
            (S::InvestigationOpen, E::Withdrawn, S::Withdrawn),
            (S::ProgressReported, E::Assigned, S::InvestigationOpen),
            (
                S::ProgressReported,
                E::ProgressReported,
                S::ProgressReported,
            ),
            (S::ProgressReported, E::Resolved, S::Resolved),
            (S::ProgressReported, E::Rejected, S::Rejected),
            (
                S::ProgressReported,
                E::EscalatedToBoard,
                S::EscalatedToBoard,
            ),
            (
                S::ProgressReported,
                E::ReferredExternally,
                S::ReferredExternally,
            ),
            (S::ProgressReported, E::Withdrawn, S::Withdrawn),
            (S::Resolved, E::Accepted, S::Accepted),
            (S::Resolved, E::EscalatedToBoard, S::EscalatedToBoard),
            (S::Resolved, E::ReferredExternally, S::ReferredExternally),
            (S::Resolved, E::Withdrawn, S::Withdrawn),
            (S::Rejected, E::Accepted, S::Accepted),
            (S::Rejected, E::EscalatedToBoard, S::EscalatedToBoard),
            (S::Rejected, E::ReferredExternally, S::ReferredExternally),
            (S::Rejected, E::Withdrawn, S::Withdrawn),
            (S::EscalatedToBoard, E::BoardAnswered, S::BoardAnswered),
            (
                S::EscalatedToBoard,
                E::ReferredExternally,
                S::ReferredExternally,
            ),
            (S::EscalatedToBoard, E::Withdrawn, S::Withdrawn),
            (S::BoardAnswered, E::Accepted, S::Accepted),
            (
                S::BoardAnswered,
                E::ReferredExternally,
                S::ReferredExternally,
            ),
            (S::BoardAnswered, E::Withdrawn, S::Withdrawn),
        ]
    };

    #[test]
    fn every_allowed_transition_lands_in_the_expected_state() {
        for &(from, kind, to) in EXPECTED {
            assert_eq!(transition(from, &sample(kind)), Ok(to), "{from} + {kind}");
        }
    }

    #[test]
    fn every_other_pair_is_refused_naming_state_and_event() {
        for from in ComplaintState::ALL {
            for kind in ALL_KINDS {
                if EXPECTED.iter().any(|&(s, e, _)| s == from && e == kind) {
                    continue;
                }
                let err = transition(from, &sample(kind)).unwrap_err();
                assert_eq!(
                    err,
                    TransitionError {
                        state: from,
                        event: kind
                    }
                );
                assert_eq!(err.code(), "transition.not_allowed");
                assert!(err.to_string().contains(from.code()));
                assert!(err.to_string().contains(kind.code()));
            }
        }
    }

    #[test]
    fn allowed_events_lists_exactly_the_allowed_transitions() {
        for from in ComplaintState::ALL {
            let mut listed: Vec<EventKind> = allowed_events(from).to_vec();
            let mut expected: Vec<EventKind> = EXPECTED
                .iter()
                .filter(|(s, _, _)| *s == from)
                .map(|(_, e, _)| *e)
                .collect();
            listed.sort_by_key(|k| k.code());
            expected.sort_by_key(|k| k.code());
            assert_eq!(listed, expected, "{from}");
        }
    }

    #[test]
    fn closed_complaints_allow_nothing() {
        for state in ComplaintState::ALL.into_iter().filter(|s| s.is_closed()) {
            assert!(allowed_events(state).is_empty());
        }
    }
}
