//! Escalation: where a shopper may take a complaint the shop has not settled, and when.
//!
//! [`EscalationTargets`] is the policy section naming the bodies; [`next_steps`] reads a
//! complaint's timeline and says which routes are open now and when the others open. No
//! route ever leads to the EU ODR platform, shut on 20 July 2025: cross-border complaints
//! go to the European Consumer Centre of the shopper's country.

mod next_steps;
mod route;
mod targets;
#[cfg(test)]
mod tests;

pub use next_steps::{EscalationContext, ProductCategory, next_steps, next_steps_for_policy};
pub use route::{Availability, EscalationOption, EscalationRoute, ExternalBody, WhyNot};
pub use targets::{
    BodyName, BodyNameError, BodyUrl, BodyUrlError, EscalationTargets, MemberId, MemberIdError,
    NamedBody, TrustmarkKind, TrustmarkMembership,
};
