//! What can happen to a complaint, and who makes it happen.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::{Money, ResolutionKind};
use crate::escalation::ExternalBody;

use super::text::{HandlerName, Statement};

/// Who recorded an event. The shop's desk, the shopper's tracker and the board each may
/// record only their own events (see [`LifecycleEvent::may_be_recorded_by`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    /// The person who complains.
    Shopper,
    /// The shop's customer service or the assigned handler.
    Shop,
    /// The shop's complaint board (or customer-service manager) reviewing an escalation.
    Board,
    /// Redress itself, e.g. the server recording the receipt of a filed complaint.
    System,
}

/// The remedy the shop (or the board) grants: a kind and, for money, the amount.
///
/// ```
/// use redress_core::domain::{Currency, Money, ResolutionKind};
/// use redress_core::lifecycle::Remedy;
/// let refund = Remedy::new(ResolutionKind::Refund, Some(Money::new(2_499, Currency::EUR).unwrap()));
/// assert_eq!(refund.kind(), ResolutionKind::Refund);
/// assert_eq!(refund.amount().unwrap().minor_units(), 2_499);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Remedy {
    kind: ResolutionKind,
    #[serde(default)]
    amount: Option<Money>,
}

impl Remedy {
    /// A remedy; the amount is for refunds and compensation, and optional for either.
    pub fn new(kind: ResolutionKind, amount: Option<Money>) -> Remedy {
        Remedy { kind, amount }
    }

    /// What kind of remedy it is.
    pub fn kind(&self) -> ResolutionKind {
        self.kind
    }

    /// The amount granted, if the remedy is money.
    pub fn amount(&self) -> Option<Money> {
        self.amount
    }
}

/// The written outcome DOMAIN.md asks for: what was done to investigate, what was
/// concluded, and what action was taken or which process changed.
///
/// ```
/// use redress_core::lifecycle::{Statement, WrittenOutcome};
/// let outcome = WrittenOutcome::new(
///     Statement::parse("We checked the carrier's scans.").unwrap(),
///     Statement::parse("The parcel was lost in transit.").unwrap(),
///     Statement::parse("We refunded the order and changed carrier for your area.").unwrap(),
/// );
/// assert!(outcome.conclusions().as_ref().contains("lost"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WrittenOutcome {
    investigation: Statement,
    conclusions: Statement,
    actions: Statement,
}

impl WrittenOutcome {
    /// The three parts of an outcome; each is required, so none can be skipped.
    pub fn new(investigation: Statement, conclusions: Statement, actions: Statement) -> Self {
        WrittenOutcome {
            investigation,
            conclusions,
            actions,
        }
    }

    /// What was done to investigate.
    pub fn investigation(&self) -> &Statement {
        &self.investigation
    }

    /// What was concluded.
    pub fn conclusions(&self) -> &Statement {
        &self.conclusions
    }

    /// The action taken or the process changed.
    pub fn actions(&self) -> &Statement {
        &self.actions
    }
}

/// One thing that happened to a complaint. Events carry what the shopper must be told
/// (the handler, the promised date, the outcome); the state and the due dates follow
/// from them.
///
/// Serialized with a `type` tag:
///
/// ```
/// use redress_core::lifecycle::{EventKind, LifecycleEvent};
/// let event: LifecycleEvent = serde_json::from_str(
///     r#"{ "type": "acknowledged", "handler": "Sanne", "expected_answer_on": "2026-05-08" }"#,
/// ).unwrap();
/// assert_eq!(event.kind(), EventKind::Acknowledged);
/// assert!(serde_json::from_str::<LifecycleEvent>(r#"{ "type": "acknowledged", "handler": " " }"#).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum LifecycleEvent {
    /// The complaint reached the shop. Always the first event, and only the first.
    Received,
    /// The shop confirmed receipt, naming the handler and when an answer can be expected.
    Acknowledged {
        /// Who handles the complaint.
        handler: HandlerName,
        /// When the shopper can expect an answer.
        expected_answer_on: NaiveDate,
        /// A word to the shopper with the acknowledgement, if the shop writes one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        message: Option<Statement>,
    },
    /// The complaint entered the complaint log and was assigned (or re-assigned) to an
    /// investigator.
    Assigned {
        /// Who investigates it from now on.
        handler: HandlerName,
    },
    /// The investigation is not finished; the shop says how far it is and when the full
    /// answer will come. The resolution deadline moves to that date.
    ProgressReported {
        /// How far the investigation is.
        message: Statement,
        /// The date the full answer will come.
        expected_answer_on: NaiveDate,
    },
    /// The shop settled the complaint with a remedy and a written outcome.
    Resolved {
        /// What the shopper gets.
        remedy: Remedy,
        /// What was investigated, concluded and done.
        outcome: WrittenOutcome,
    },
    /// The shop rejected the complaint.
    Rejected {
        /// Why, so the shopper can review them and re-submit documentation.
        reasons: Statement,
    },
    /// The shopper accepted the answer; the complaint is closed.
    Accepted,
    /// The shopper asked the shop's board to review the complaint.
    EscalatedToBoard,
    /// The board answered: with a remedy if it grants one, without if it upholds the
    /// shop's position.
    BoardAnswered {
        /// What the board grants, if anything.
        #[serde(default)]
        remedy: Option<Remedy>,
        /// The board's written outcome.
        outcome: WrittenOutcome,
    },
    /// The shopper took the complaint to an external body.
    ReferredExternally {
        /// Which one.
        body: ExternalBody,
    },
    /// The shopper withdrew the complaint.
    Withdrawn,
}

/// The kind of an event without its content: what [`allowed_events`](super::allowed_events)
/// lists and what errors name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// See [`LifecycleEvent::Received`].
    Received,
    /// See [`LifecycleEvent::Acknowledged`].
    Acknowledged,
    /// See [`LifecycleEvent::Assigned`].
    Assigned,
    /// See [`LifecycleEvent::ProgressReported`].
    ProgressReported,
    /// See [`LifecycleEvent::Resolved`].
    Resolved,
    /// See [`LifecycleEvent::Rejected`].
    Rejected,
    /// See [`LifecycleEvent::Accepted`].
    Accepted,
    /// See [`LifecycleEvent::EscalatedToBoard`].
    EscalatedToBoard,
    /// See [`LifecycleEvent::BoardAnswered`].
    BoardAnswered,
    /// See [`LifecycleEvent::ReferredExternally`].
    ReferredExternally,
    /// See [`LifecycleEvent::Withdrawn`].
    Withdrawn,
}

impl EventKind {
    /// The stable wire code (same as the serde tag), used as a translation key.
    pub fn code(self) -> &'static str {
        match self {
            EventKind::Received => "received",
            EventKind::Acknowledged => "acknowledged",
            EventKind::Assigned => "assigned",
            EventKind::ProgressReported => "progress_reported",
            EventKind::Resolved => "resolved",
            EventKind::Rejected => "rejected",
            EventKind::Accepted => "accepted",
            EventKind::EscalatedToBoard => "escalated_to_board",
            EventKind::BoardAnswered => "board_answered",
            EventKind::ReferredExternally => "referred_externally",
            EventKind::Withdrawn => "withdrawn",
        }
    }

    /// Who may record an event of this kind. The receipt may be recorded by the shopper's
    /// widget or by the server; the acknowledgement by the shop or an automatic reply.
    ///
    /// ```
    /// use redress_core::lifecycle::{Actor, EventKind};
    /// assert!(EventKind::Resolved.may_be_recorded_by(Actor::Shop));
    /// assert!(!EventKind::Resolved.may_be_recorded_by(Actor::Shopper));
    /// assert!(EventKind::EscalatedToBoard.may_be_recorded_by(Actor::Shopper));
    /// ```
    pub fn may_be_recorded_by(self, actor: Actor) -> bool {
        match self {
            EventKind::Received => matches!(actor, Actor::Shopper | Actor::System),
            EventKind::Acknowledged => matches!(actor, Actor::Shop | Actor::System),
            EventKind::Assigned
            | EventKind::ProgressReported
            | EventKind::Resolved
            | EventKind::Rejected => actor == Actor::Shop,
            EventKind::BoardAnswered => actor == Actor::Board,
            EventKind::Accepted
            | EventKind::EscalatedToBoard
            | EventKind::ReferredExternally
            | EventKind::Withdrawn => actor == Actor::Shopper,
        }
    }
}

impl std::fmt::Display for EventKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl LifecycleEvent {
    /// The kind of this event.
    pub fn kind(&self) -> EventKind {
        match self {
            LifecycleEvent::Received => EventKind::Received,
            LifecycleEvent::Acknowledged { .. } => EventKind::Acknowledged,
            LifecycleEvent::Assigned { .. } => EventKind::Assigned,
            LifecycleEvent::ProgressReported { .. } => EventKind::ProgressReported,
            LifecycleEvent::Resolved { .. } => EventKind::Resolved,
            LifecycleEvent::Rejected { .. } => EventKind::Rejected,
            LifecycleEvent::Accepted => EventKind::Accepted,
            LifecycleEvent::EscalatedToBoard => EventKind::EscalatedToBoard,
            LifecycleEvent::BoardAnswered { .. } => EventKind::BoardAnswered,
            LifecycleEvent::ReferredExternally { .. } => EventKind::ReferredExternally,
            LifecycleEvent::Withdrawn => EventKind::Withdrawn,
        }
    }

    /// Whether `actor` may record this event; see [`EventKind::may_be_recorded_by`].
    pub fn may_be_recorded_by(&self, actor: Actor) -> bool {
        self.kind().may_be_recorded_by(actor)
    }

    /// The answer date the event promises, if it promises one.
    pub fn promised_date(&self) -> Option<NaiveDate> {
        match self {
            LifecycleEvent::Acknowledged {
                expected_answer_on, ..
            }
            | LifecycleEvent::ProgressReported {
                expected_answer_on, ..
            } => Some(*expected_answer_on),
            _ => None,
        }
    }
}
