//! The complaint policy a shop (or a trustmark) serves as JSON.

mod deadlines;

pub use deadlines::Deadlines;
