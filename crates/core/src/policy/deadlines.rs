//! How many working days each step of the complaint lifecycle may take.

use serde::Serialize;

/// Deadlines of a complaint policy, in working days of the shop's country. The defaults are
/// those of DOMAIN.md: acknowledge in 3, log and assign in 5, resolve (or report progress)
/// in 10, the board answers in 5; a trustmark takes a complaint only after the shopper
/// waited 5, and then handles it in 5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Deadlines {
    /// From receipt to the acknowledgement naming the handler.
    pub acknowledge_working_days: u16,
    /// From receipt to the entry in the complaint log and a named, assigned investigator.
    pub assign_working_days: u16,
    /// From receipt to the resolution, or to a progress report with a new date.
    pub resolve_working_days: u16,
    /// From the shopper's escalation to the board's answer.
    pub board_answer_working_days: u16,
    /// How long the shopper must have waited for the shop before a trustmark takes the case.
    pub trustmark_wait_working_days: u16,
    /// How long the trustmark takes to handle it with the shop.
    pub trustmark_handling_working_days: u16,
}

impl Default for Deadlines {
    fn default() -> Self {
        Deadlines {
            acknowledge_working_days: 3,
            assign_working_days: 5,
            resolve_working_days: 10,
            board_answer_working_days: 5,
            trustmark_wait_working_days: 5,
            trustmark_handling_working_days: 5,
        }
    }
}
