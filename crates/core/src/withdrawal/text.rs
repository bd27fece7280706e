//! The free texts of a withdrawal: the shopper's name and, when no order was found, the
//! goods bought.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::{ErrorCode, ErrorParams, FieldRule};

/// Why a text is not a usable name or goods description.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WithdrawalTextError {
    /// Nothing but white space.
    #[error("{field}: must not be empty")]
    Missing {
        /// `name` or `goods`.
        field: &'static str,
    },
    /// Too long, or a control character.
    #[error("{field}: must be at most {max} characters without control characters")]
    Format {
        /// `name` or `goods`.
        field: &'static str,
        /// The most characters allowed.
        max: usize,
    },
}

impl FieldRule for WithdrawalTextError {
    fn code(&self) -> ErrorCode {
        match self {
            WithdrawalTextError::Missing { field: "name" } => ErrorCode::NameMissing,
            WithdrawalTextError::Missing { .. } => ErrorCode::GoodsMissing,
            WithdrawalTextError::Format { field: "name", .. } => ErrorCode::NameFormat,
            WithdrawalTextError::Format { .. } => ErrorCode::GoodsFormat,
        }
    }

    fn params(&self) -> ErrorParams {
        match self {
            WithdrawalTextError::Missing { .. } => ErrorParams::default(),
            WithdrawalTextError::Format { max, .. } => ErrorParams {
                max: Some(*max as u64),
                ..ErrorParams::default()
            },
        }
    }
}

fn parse_text(
    input: &str,
    field: &'static str,
    max: usize,
    allow_newlines: bool,
) -> Result<String, WithdrawalTextError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(WithdrawalTextError::Missing { field });
    }
    let bad = |c: char| c.is_control() && !(allow_newlines && matches!(c, '\n' | '\t'));
    if text.chars().count() > max || text.chars().any(bad) {
        return Err(WithdrawalTextError::Format { field, max });
    }
    Ok(text.to_owned())
}

macro_rules! withdrawal_text {
    ($(#[$doc:meta])* $name:ident, $field:literal, $max:literal, $newlines:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// The most characters allowed.
            pub const MAX_CHARS: usize = $max;

            /// Parses the text as typed; surrounding white space is trimmed.
            pub fn parse(input: &str) -> Result<$name, WithdrawalTextError> {
                parse_text(input, $field, $max, $newlines).map($name)
            }
        }

        impl TryFrom<String> for $name {
            type Error = WithdrawalTextError;
            fn try_from(text: String) -> Result<Self, Self::Error> {
                $name::parse(&text)
            }
        }

        impl From<$name> for String {
            fn from(text: $name) -> String {
                text.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

withdrawal_text! {
    /// The shopper's name as they gave it: the law asks for it to identify the contract.
    /// Any script, 1 to 200 characters, one line.
    ///
    /// ```
    /// use redress_core::withdrawal::ShopperName;
    /// assert_eq!(ShopperName::parse("  Zoë de Vries ").unwrap().as_ref(), "Zoë de Vries");
    /// assert!(ShopperName::parse("   ").is_err());
    /// ```
    ShopperName, "name", 200, false
}

withdrawal_text! {
    /// What was bought, typed by the shopper when the order lookup found nothing, so the
    /// shop can still identify the contract. 1 to 500 characters; lines allowed.
    ///
    /// ```
    /// use redress_core::withdrawal::GoodsDescription;
    /// assert!(GoodsDescription::parse("Blue kettle, 1.7 l\nTwo mugs").is_ok());
    /// assert!(GoodsDescription::parse(&"x".repeat(501)).is_err());
    /// ```
    GoodsDescription, "goods", 500, true
}
