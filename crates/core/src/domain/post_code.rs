//! The delivery postcode, for shops that look orders up by it.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::{ErrorCode, ErrorParams, FieldRule};

/// A postcode in the shape every European postal system shares: 3 to 10 ASCII letters,
/// digits, single spaces and `-`, with at least one digit. Letters are upper-cased and
/// runs of white space become one space, so `1234ab` and `1234 AB ` differ from `1234 AB`
/// only if the shop's system compares spaces (the server's lookup should ignore them).
/// Country formats are not checked: a shop ships abroad, and a wrong postcode simply
/// does not find the order.
///
/// ```
/// use redress_core::domain::PostCode;
/// assert_eq!(PostCode::parse(" 1234  ab ").unwrap().as_ref(), "1234 AB");
/// assert_eq!(PostCode::parse("SW1A 1AA").unwrap().as_ref(), "SW1A 1AA");
/// assert!(PostCode::parse("ABC").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PostCode(String);

/// Why a text is not a postcode.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("post_code: must be {min} to {max} letters, digits, spaces or '-', with a digit")]
pub struct PostCodeError {
    /// The fewest characters.
    pub min: usize,
    /// The most characters.
    pub max: usize,
}

impl PostCode {
    /// The fewest characters of a postcode (Iceland, Faroe: 3 digits).
    pub const MIN_CHARS: usize = 3;
    /// The most characters (after collapsing spaces).
    pub const MAX_CHARS: usize = 10;

    /// Parses a postcode as a shopper typed it.
    pub fn parse(input: &str) -> Result<PostCode, PostCodeError> {
        let error = PostCodeError {
            min: Self::MIN_CHARS,
            max: Self::MAX_CHARS,
        };
        let normal = input
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_ascii_uppercase();
        let len = normal.chars().count();
        let allowed = normal
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-');
        let has_digit = normal.chars().any(|c| c.is_ascii_digit());
        if !(Self::MIN_CHARS..=Self::MAX_CHARS).contains(&len) || !allowed || !has_digit {
            return Err(error);
        }
        Ok(PostCode(normal))
    }

    /// The postcode without spaces or dashes, for comparing with a shop's records.
    pub fn compact(&self) -> String {
        self.0.chars().filter(char::is_ascii_alphanumeric).collect()
    }
}

impl FieldRule for PostCodeError {
    fn code(&self) -> ErrorCode {
        ErrorCode::PostCodeFormat
    }

    fn params(&self) -> ErrorParams {
        ErrorParams {
            min: Some(self.min as u64),
            max: Some(self.max as u64),
            ..ErrorParams::default()
        }
    }
}

impl AsRef<str> for PostCode {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PostCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for PostCode {
    type Error = PostCodeError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        PostCode::parse(&value)
    }
}

impl From<PostCode> for String {
    fn from(value: PostCode) -> String {
        value.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn european_postcodes_are_accepted() {
        for (input, normal) in [
            ("1000", "1000"),
            ("75008", "75008"),
            ("d02 x285", "D02 X285"),
            ("LV-1050", "LV-1050"),
            ("101", "101"),
            ("1234 ab", "1234 AB"),
        ] {
            assert_eq!(PostCode::parse(input).unwrap().as_ref(), normal);
        }
        assert_eq!(PostCode::parse("1234 ab").unwrap().compact(), "1234AB");
    }

    #[test]
    fn boundaries_and_bad_characters() {
        assert!(PostCode::parse("12").is_err());
        assert!(PostCode::parse("1234567890").is_ok());
        assert!(PostCode::parse("12345678901").is_err());
        assert!(PostCode::parse("1234;DROP").is_err());
        assert_eq!(
            PostCode::parse("ÄÖ123").unwrap_err().code(),
            ErrorCode::PostCodeFormat
        );
    }

    proptest! {
        #[test]
        fn never_panics_and_normal_form_round_trips(input in "\\PC{0,20}|[0-9A-Za-z \\t-]{0,14}") {
            if let Ok(p) = PostCode::parse(&input) {
                prop_assert_eq!(PostCode::parse(p.as_ref()), Ok(p.clone()));
            }
        }
    }
}
