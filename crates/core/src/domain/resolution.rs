//! What a shopper asks for.

use serde::{Deserialize, Serialize};

/// The kind of resolution (remedy) a shopper desires. Only [`ResolutionKind::Compensation`]
/// carries an amount, and it does so at the draft level (see `crate::draft`), so this
/// enum stays a plain code usable in policies and translations.
///
/// ```
/// use redress_core::domain::ResolutionKind;
/// assert_eq!(ResolutionKind::Compensation.code(), "compensation");
/// assert!(ResolutionKind::Compensation.needs_amount());
/// assert!(!ResolutionKind::Refund.needs_amount());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResolutionKind {
    /// Money back in full.
    Refund,
    /// The same item again, or the right one.
    Replacement,
    /// The item repaired.
    Repair,
    /// A partial refund or compensation of a stated amount.
    Compensation,
    /// An apology; the shopper wants acknowledgement, not money.
    Apology,
    /// Anything else; the description carries the substance.
    Other,
}

impl ResolutionKind {
    /// Every resolution kind, in the order the widget lists them.
    pub const ALL: [ResolutionKind; 6] = [
        ResolutionKind::Refund,
        ResolutionKind::Replacement,
        ResolutionKind::Repair,
        ResolutionKind::Compensation,
        ResolutionKind::Apology,
        ResolutionKind::Other,
    ];

    /// The stable wire code (same as the serde name), used as a translation key.
    pub fn code(self) -> &'static str {
        match self {
            ResolutionKind::Refund => "refund",
            ResolutionKind::Replacement => "replacement",
            ResolutionKind::Repair => "repair",
            ResolutionKind::Compensation => "compensation",
            ResolutionKind::Apology => "apology",
            ResolutionKind::Other => "other",
        }
    }

    /// The kind for a wire code; `None` for a code Redress does not know.
    pub fn parse_code(code: &str) -> Option<ResolutionKind> {
        ResolutionKind::ALL.into_iter().find(|r| r.code() == code)
    }

    /// Whether the shopper must state an amount (only for compensation).
    pub fn needs_amount(self) -> bool {
        self == ResolutionKind::Compensation
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_serializes_as_its_code_and_back() {
        for k in ResolutionKind::ALL {
            let json = serde_json::to_string(&k).unwrap();
            assert_eq!(json, format!("\"{}\"", k.code()));
            assert_eq!(serde_json::from_str::<ResolutionKind>(&json).unwrap(), k);
            assert_eq!(ResolutionKind::parse_code(k.code()), Some(k));
        }
        assert_eq!(ResolutionKind::parse_code("Refund"), None);
    }
}
