//! Which fields of the complaint form a shopper must fill in, and the description's size.

use serde::Serialize;

/// Fields a shop may require beyond the ones every complaint needs. A contact (e-mail or
/// phone), a reason and a desired resolution are always required: without them a
/// complaint cannot be answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RequiredFields {
    /// The order number, which is also the complaint's reference (default: required).
    pub order_number: bool,
    /// A free-text description of what went wrong (default: required).
    pub description: bool,
    /// An e-mail address even when a phone number is given (default: not required).
    pub email: bool,
    /// The date the problem occurred (default: not required).
    pub incident_date: bool,
    /// The date of the order, against which the incident date is checked.
    pub order_date: bool,
    /// The date of delivery, from which complaint windows run.
    pub delivery_date: bool,
    /// At least one evidence file (default: not required).
    pub evidence: bool,
    /// At least one line item the complaint concerns (default: not required).
    pub items: bool,
}

impl Default for RequiredFields {
    fn default() -> Self {
        RequiredFields {
            order_number: true,
            description: true,
            email: false,
            incident_date: false,
            order_date: false,
            delivery_date: false,
            evidence: false,
            items: false,
        }
    }
}

/// How long a description must and may be, in characters (Unicode scalar values), so a
/// Cyrillic or emoji description counts the same as a Latin one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DescriptionRules {
    /// At least this many characters after trimming (default 20): "broken" alone does not
    /// let a handler investigate.
    pub min_chars: u32,
    /// At most this many characters (default 4000).
    pub max_chars: u32,
}

impl Default for DescriptionRules {
    fn default() -> Self {
        DescriptionRules {
            min_chars: 20,
            max_chars: 4000,
        }
    }
}
