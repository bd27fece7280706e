//! Domain types of a complaint that can only be built valid: parse, don't validate.

mod reason;
mod resolution;

pub use reason::ComplaintReason;
pub use resolution::ResolutionKind;
