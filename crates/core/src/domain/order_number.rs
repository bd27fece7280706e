//! The order number: how the shop finds the order, and the complaint's reference.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::{ErrorCode, ErrorParams, FieldRule};

/// An order number as the shop issued it.
///
/// Surrounding white space is trimmed and ASCII letters are upper-cased: shoppers retype
/// order numbers from e-mails and receipts, and shop systems treat `ab-123` and `AB-123`
/// as the same order. Only ASCII letters, digits and `-` `_` `/` `#` `.` are allowed,
/// 3 to 40 of them: enough for every shop system we know (`#1001`, `2026/00042`,
/// `WEB-NL.88812`) and nothing that needs escaping in a URL path or a log line.
///
/// ```
/// use redress_core::domain::OrderNumber;
/// assert_eq!(OrderNumber::parse("  web-1001 ").unwrap().as_ref(), "WEB-1001");
/// assert_eq!(OrderNumber::parse("AB 12").unwrap_err().to_string(),
///            "order_number: character ' ' is not allowed");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct OrderNumber(String);

/// Why a text is not an order number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OrderNumberError {
    /// Fewer than 3 or more than 40 characters after trimming.
    #[error("order_number: must be {min} to {max} characters, not {actual}")]
    Length {
        /// The fewest characters allowed.
        min: usize,
        /// The most characters allowed.
        max: usize,
        /// How many the input had.
        actual: usize,
    },
    /// A character outside the allowed set.
    #[error("order_number: character {character:?} is not allowed")]
    Format {
        /// The first offending character.
        character: char,
    },
}

impl OrderNumber {
    /// The fewest characters an order number has.
    pub const MIN_CHARS: usize = 3;
    /// The most characters an order number has.
    pub const MAX_CHARS: usize = 40;

    /// Parses an order number as a shopper typed it.
    pub fn parse(input: &str) -> Result<OrderNumber, OrderNumberError> {
        let trimmed = input.trim();
        let actual = trimmed.chars().count();
        if !(Self::MIN_CHARS..=Self::MAX_CHARS).contains(&actual) {
            return Err(OrderNumberError::Length {
                min: Self::MIN_CHARS,
                max: Self::MAX_CHARS,
                actual,
            });
        }
        if let Some(character) = trimmed
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '/' | '#' | '.')))
        {
            return Err(OrderNumberError::Format { character });
        }
        Ok(OrderNumber(trimmed.to_ascii_uppercase()))
    }
}

impl FieldRule for OrderNumberError {
    fn code(&self) -> ErrorCode {
        match self {
            OrderNumberError::Length { .. } => ErrorCode::OrderNumberLength,
            OrderNumberError::Format { .. } => ErrorCode::OrderNumberFormat,
        }
    }

    fn params(&self) -> ErrorParams {
        match *self {
            OrderNumberError::Length { min, max, actual } => {
                ErrorParams::range(min as u64, max as u64, actual as u64)
            }
            OrderNumberError::Format { character } => ErrorParams::value(character),
        }
    }
}

impl AsRef<str> for OrderNumber {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for OrderNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for OrderNumber {
    type Error = OrderNumberError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        OrderNumber::parse(&value)
    }
}

impl From<OrderNumber> for String {
    fn from(value: OrderNumber) -> String {
        value.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn lengths_3_and_40_are_accepted_2_and_41_are_not() {
        assert!(OrderNumber::parse("abc").is_ok());
        assert!(OrderNumber::parse(&"9".repeat(40)).is_ok());
        assert_eq!(
            OrderNumber::parse(" ab "),
            Err(OrderNumberError::Length {
                min: 3,
                max: 40,
                actual: 2
            })
        );
        assert_eq!(
            OrderNumber::parse(&"9".repeat(41)).unwrap_err().code(),
            ErrorCode::OrderNumberLength
        );
    }

    #[test]
    fn shop_formats_are_kept_and_upper_cased() {
        for (input, expected) in [
            ("#1001", "#1001"),
            ("2026/00042", "2026/00042"),
            ("web-nl.88812", "WEB-NL.88812"),
            ("ord_7", "ORD_7"),
        ] {
            assert_eq!(OrderNumber::parse(input).unwrap().as_ref(), expected);
        }
    }

    #[test]
    fn spaces_unicode_and_markup_are_refused() {
        for bad in ["AB 123", "ÄB123", "12<script>", "12\u{0}34", "1234;"] {
            let err = OrderNumber::parse(bad).unwrap_err();
            assert_eq!(err.code(), ErrorCode::OrderNumberFormat, "{bad}");
        }
    }

    #[test]
    fn deserializing_validates() {
        assert!(serde_json::from_str::<OrderNumber>("\"a\"").is_err());
        let n: OrderNumber = serde_json::from_str("\"abc-1\"").unwrap();
        assert_eq!(serde_json::to_string(&n).unwrap(), "\"ABC-1\"");
    }

    proptest! {
        #[test]
        fn never_panics_and_normal_form_round_trips(input in "\\PC{0,50}") {
            if let Ok(n) = OrderNumber::parse(&input) {
                prop_assert_eq!(OrderNumber::parse(n.as_ref()), Ok(n.clone()));
            }
        }
    }
}
