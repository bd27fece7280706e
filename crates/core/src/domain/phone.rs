//! The shopper's phone number, for shops that call back.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::{ErrorCode, ErrorParams, FieldRule};

/// A phone number in E.164 style: an optional `+` and 7 to 15 digits.
///
/// Shoppers type numbers the way they say them, so spaces, `-`, `.` and parentheses are
/// accepted and dropped, a leading international `00` becomes `+`, and the trunk `(0)`
/// written after a country code (`+31 (0)6 ...`) is dropped, as it is never dialled. The normal form is
/// `+` and digits (`+31612345678`) or, for a number typed without country code, the
/// digits alone (`0612345678`): Redress does not guess the country.
///
/// ```
/// use redress_core::domain::Phone;
/// assert_eq!(Phone::parse("+31 (0)6-1234 5678").unwrap().as_ref(), "+31612345678");
/// assert_eq!(Phone::parse("12 34").unwrap_err().to_string(),
///            "phone: must have 7 to 15 digits, not 4");
/// assert_eq!(Phone::parse("0031 6 1234 5678").unwrap().as_ref(), "+31612345678");
/// assert_eq!(Phone::parse("06-12 34 56 78").unwrap().as_ref(), "0612345678");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Phone(String);

/// Why a text is not a phone number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    /// A character that is not a digit, a leading `+` or a separator.
    #[error("phone: character {character:?} is not allowed")]
    Format {
        /// The first offending character.
        character: char,
    },
    /// Too few or too many digits.
    #[error("phone: must have {min} to {max} digits, not {actual}")]
    Length {
        /// The fewest digits allowed.
        min: usize,
        /// The most digits allowed (E.164's limit).
        max: usize,
        /// How many the input had.
        actual: usize,
    },
}

impl Phone {
    /// The fewest digits of a phone number.
    pub const MIN_DIGITS: usize = 7;
    /// The most digits (E.164).
    pub const MAX_DIGITS: usize = 15;

    /// Parses a phone number as a shopper typed it.
    pub fn parse(input: &str) -> Result<Phone, PhoneError> {
        let trimmed = input.trim();
        let (international, rest) = match trimmed.strip_prefix('+') {
            Some(rest) => (true, rest.replace("(0)", "")),
            None => (false, trimmed.to_owned()),
        };
        let mut digits = String::with_capacity(rest.len());
        for c in rest.chars() {
            match c {
                '0'..='9' => digits.push(c),
                ' ' | '-' | '.' | '(' | ')' => {}
                character => return Err(PhoneError::Format { character }),
            }
        }
        let (international, digits) = match digits.strip_prefix("00") {
            Some(rest) if !international => (true, rest.to_owned()),
            _ => (international, digits),
        };
        let actual = digits.len();
        if !(Self::MIN_DIGITS..=Self::MAX_DIGITS).contains(&actual) {
            return Err(PhoneError::Length {
                min: Self::MIN_DIGITS,
                max: Self::MAX_DIGITS,
                actual,
            });
        }
        Ok(Phone(if international {
            format!("+{digits}")
        } else {
            digits
        }))
    }
}

impl FieldRule for PhoneError {
    fn code(&self) -> ErrorCode {
        match self {
            PhoneError::Format { .. } => ErrorCode::PhoneFormat,
            PhoneError::Length { .. } => ErrorCode::PhoneLength,
        }
    }

    fn params(&self) -> ErrorParams {
        match *self {
            PhoneError::Format { character } => ErrorParams::value(character),
            PhoneError::Length { min, max, actual } => {
                ErrorParams::range(min as u64, max as u64, actual as u64)
            }
        }
    }
}

impl AsRef<str> for Phone {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for Phone {
    type Error = PhoneError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Phone::parse(&value)
    }
}

impl From<Phone> for String {
    fn from(value: Phone) -> String {
        value.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn digit_counts_7_and_15_are_accepted_6_and_16_are_not() {
        assert_eq!(Phone::parse("1234567").unwrap().as_ref(), "1234567");
        assert_eq!(
            Phone::parse("+123456789012345").unwrap().as_ref(),
            "+123456789012345"
        );
        assert_eq!(
            Phone::parse("123 456"),
            Err(PhoneError::Length {
                min: 7,
                max: 15,
                actual: 6
            })
        );
        assert_eq!(
            Phone::parse("+1234567890123456").unwrap_err().code(),
            ErrorCode::PhoneLength
        );
    }

    #[test]
    fn separators_are_dropped() {
        assert_eq!(
            Phone::parse("+32 (2) 555.12-34").unwrap().as_ref(),
            "+3225551234"
        );
    }

    #[test]
    fn letters_and_a_second_plus_are_refused() {
        assert_eq!(
            Phone::parse("0800-FLOWERS"),
            Err(PhoneError::Format { character: 'F' })
        );
        assert_eq!(
            Phone::parse("+31+612345678"),
            Err(PhoneError::Format { character: '+' })
        );
        assert_eq!(
            Phone::parse("٠٦١٢٣٤٥٦٧٨").unwrap_err().code(),
            ErrorCode::PhoneFormat
        );
    }

    proptest! {
        #[test]
        fn never_panics_and_normal_form_round_trips(input in "\\PC{0,30}") {
            if let Ok(p) = Phone::parse(&input) {
                prop_assert_eq!(Phone::parse(p.as_ref()), Ok(p.clone()));
            }
        }

        #[test]
        fn typed_numbers_round_trip(input in "\\+?[0-9 ()-]{7,24}") {
            if let Ok(p) = Phone::parse(&input) {
                prop_assert_eq!(Phone::parse(p.as_ref()), Ok(p.clone()));
            }
        }
    }
}
