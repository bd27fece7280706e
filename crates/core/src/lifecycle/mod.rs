//! The complaint lifecycle: states, the events that move a complaint between them, and the
//! timeline from which status, handler and every due date are derived.
//!
//! The timeline is the only thing stored. [`transition`] is the status machine,
//! [`allowed_events`] what the desk offers, and [`Timeline::due_steps`] the deadlines a
//! tracker shows with countdowns.

mod due;
mod event;
mod state;
#[cfg(test)]
pub(crate) mod tests;
pub(crate) mod text;
mod timeline;
mod transition;

pub use due::{DeadlineRules, DueStatus, DueStep, DueStepKind, MetBy};
pub use event::{Actor, EventKind, LifecycleEvent, Remedy, WrittenOutcome};
pub use state::ComplaintState;
pub use text::{HandlerName, HandlerNameError, Statement, StatementError};
pub use timeline::{Timeline, TimelineEntry, TimelineError};
pub use transition::{TransitionError, allowed_events, transition};
