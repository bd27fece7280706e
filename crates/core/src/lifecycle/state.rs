//! Where a complaint stands.

use serde::{Deserialize, Serialize};

/// The state of a complaint, as DOMAIN.md's lifecycle describes it. A state is never
/// stored: [`Timeline::state`](super::Timeline::state) folds the timeline's events.
///
/// ```
/// use redress_core::lifecycle::ComplaintState;
/// assert!(ComplaintState::Withdrawn.is_closed());
/// assert!(!ComplaintState::Rejected.is_closed());
/// assert_eq!(ComplaintState::EscalatedToBoard.code(), "escalated_to_board");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ComplaintState {
    /// Filed with the shop; the acknowledgement (3 working days) is awaited.
    Received,
    /// The shop acknowledged it, naming the handler and when an answer can be expected.
    Acknowledged,
    /// Entered in the complaint log and assigned to someone who investigates it.
    InvestigationOpen,
    /// The investigation is not done yet; the shop reported progress and a new answer date.
    ProgressReported,
    /// The shop answered with a remedy and a written outcome; the shopper may accept it or
    /// escalate.
    Resolved,
    /// The shop rejected the complaint, giving its reasons; the shopper may accept that,
    /// re-submit through the board, or go outside.
    Rejected,
    /// The shopper accepted the shop's (or the board's) answer. Closed.
    Accepted,
    /// The shopper was not satisfied and asked the shop's board to review; the board answers
    /// within 5 working days.
    EscalatedToBoard,
    /// The board answered; this is the shop's last word.
    BoardAnswered,
    /// The shopper took the complaint to an external body (trustmark, ADR body, ECC, court,
    /// payment provider). Closed as far as the shop's own procedure goes.
    ReferredExternally,
    /// The shopper withdrew the complaint. Closed.
    Withdrawn,
}

impl ComplaintState {
    /// Every state, in lifecycle order.
    pub const ALL: [ComplaintState; 11] = [
        ComplaintState::Received,
        ComplaintState::Acknowledged,
        ComplaintState::InvestigationOpen,
        ComplaintState::ProgressReported,
        ComplaintState::Resolved,
        ComplaintState::Rejected,
        ComplaintState::Accepted,
        ComplaintState::EscalatedToBoard,
        ComplaintState::BoardAnswered,
        ComplaintState::ReferredExternally,
        ComplaintState::Withdrawn,
    ];

    /// The stable wire code (same as the serde name), used as a translation key.
    pub fn code(self) -> &'static str {
        match self {
            ComplaintState::Received => "received",
            ComplaintState::Acknowledged => "acknowledged",
            ComplaintState::InvestigationOpen => "investigation_open",
            ComplaintState::ProgressReported => "progress_reported",
            ComplaintState::Resolved => "resolved",
            ComplaintState::Rejected => "rejected",
            ComplaintState::Accepted => "accepted",
            ComplaintState::EscalatedToBoard => "escalated_to_board",
            ComplaintState::BoardAnswered => "board_answered",
            ComplaintState::ReferredExternally => "referred_externally",
            ComplaintState::Withdrawn => "withdrawn",
        }
    }

    /// Whether the shop's procedure is over: no event is allowed and no deadline applies.
    pub fn is_closed(self) -> bool {
        matches!(
            self,
            ComplaintState::Accepted
                | ComplaintState::ReferredExternally
                | ComplaintState::Withdrawn
        )
    }

    /// Whether the shop still owes its first substantive answer (a resolution or a
    /// rejection).
    pub fn awaits_shop_answer(self) -> bool {
        matches!(
            self,
            ComplaintState::Received
                | ComplaintState::Acknowledged
                | ComplaintState::InvestigationOpen
                | ComplaintState::ProgressReported
        )
    }

    /// Whether the shop has given an answer the shopper has not accepted: the ground for
    /// escalating to the board or going outside.
    pub fn has_open_answer(self) -> bool {
        matches!(
            self,
            ComplaintState::Resolved
                | ComplaintState::Rejected
                | ComplaintState::EscalatedToBoard
                | ComplaintState::BoardAnswered
        )
    }
}

impl std::fmt::Display for ComplaintState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}
