//! The shopper's account of what went wrong.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::{ErrorCode, ErrorParams, FieldRule};
use crate::policy::DescriptionRules;

/// A description of the complaint, trimmed, with line breaks as `\n`, of a length the
/// policy allows. Lengths count characters (Unicode scalar values), not bytes, so a
/// Russian or Frisian description gets as much room as an English one. Control
/// characters other than newline and tab are refused: they are invisible in the
/// handler's view and can spoof what is shown.
///
/// ```
/// use redress_core::domain::Description;
/// use redress_core::policy::DescriptionRules;
/// let rules = DescriptionRules { min_chars: 5, max_chars: 100 };
/// let d = Description::parse("  Screen cracked.\r\nBox intact. ", rules).unwrap();
/// assert_eq!(d.as_ref(), "Screen cracked.\nBox intact.");
/// assert_eq!(Description::parse("Bad", rules).unwrap_err().to_string(),
///            "description: must be at least 5 characters, not 3");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Description(String);

/// Why a text is not an acceptable description.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DescriptionError {
    /// Shorter than the policy's minimum.
    #[error("description: must be at least {min} characters, not {actual}")]
    TooShort {
        /// The policy's minimum.
        min: u32,
        /// How many characters the trimmed text had.
        actual: usize,
    },
    /// Longer than the policy's maximum.
    #[error("description: must be at most {max} characters, not {actual}")]
    TooLong {
        /// The policy's maximum.
        max: u32,
        /// How many characters the trimmed text had.
        actual: usize,
    },
    /// A control character other than newline or tab.
    #[error("description: control character U+{0:04X} is not allowed")]
    ControlCharacter(u32),
}

impl Description {
    /// Parses a description against the policy's length rules.
    pub fn parse(input: &str, rules: DescriptionRules) -> Result<Description, DescriptionError> {
        // Browsers submit textarea line breaks as CRLF; a lone CR is an old Mac break.
        let text = input.replace("\r\n", "\n").replace('\r', "\n");
        let text = text.trim();
        if let Some(c) = text
            .chars()
            .find(|&c| c.is_control() && c != '\n' && c != '\t')
        {
            return Err(DescriptionError::ControlCharacter(u32::from(c)));
        }
        let actual = text.chars().count();
        if actual < rules.min_chars as usize {
            return Err(DescriptionError::TooShort {
                min: rules.min_chars,
                actual,
            });
        }
        if actual > rules.max_chars as usize {
            return Err(DescriptionError::TooLong {
                max: rules.max_chars,
                actual,
            });
        }
        Ok(Description(text.to_owned()))
    }

    /// How many characters the description has.
    pub fn char_count(&self) -> usize {
        self.0.chars().count()
    }
}

impl FieldRule for DescriptionError {
    fn code(&self) -> ErrorCode {
        match self {
            DescriptionError::TooShort { .. } => ErrorCode::DescriptionTooShort,
            DescriptionError::TooLong { .. } => ErrorCode::DescriptionTooLong,
            DescriptionError::ControlCharacter(_) => ErrorCode::DescriptionControlCharacter,
        }
    }

    fn params(&self) -> ErrorParams {
        match *self {
            DescriptionError::TooShort { min, actual } => ErrorParams {
                min: Some(u64::from(min)),
                actual: Some(actual as u64),
                ..ErrorParams::default()
            },
            DescriptionError::TooLong { max, actual } => ErrorParams {
                max: Some(u64::from(max)),
                actual: Some(actual as u64),
                ..ErrorParams::default()
            },
            DescriptionError::ControlCharacter(_) => ErrorParams::default(),
        }
    }
}

impl AsRef<str> for Description {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Description {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Deserializing cannot know the policy that admitted the description, so it checks the
/// limits every policy lies within: not empty, at most
/// [`crate::policy::MAX_DESCRIPTION_CHARS`], no control characters.
impl TryFrom<String> for Description {
    type Error = DescriptionError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        let widest = DescriptionRules {
            min_chars: 1,
            max_chars: crate::policy::MAX_DESCRIPTION_CHARS,
        };
        Description::parse(&value, widest)
    }
}

impl From<Description> for String {
    fn from(value: Description) -> String {
        value.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const DEFAULT: DescriptionRules = DescriptionRules {
        min_chars: 20,
        max_chars: 4000,
    };

    #[test]
    fn exact_minimum_and_maximum_are_accepted() {
        assert!(Description::parse(&"a".repeat(20), DEFAULT).is_ok());
        assert!(Description::parse(&"a".repeat(4000), DEFAULT).is_ok());
        assert_eq!(
            Description::parse(&"a".repeat(19), DEFAULT),
            Err(DescriptionError::TooShort {
                min: 20,
                actual: 19
            })
        );
        assert_eq!(
            Description::parse(&"a".repeat(4001), DEFAULT),
            Err(DescriptionError::TooLong {
                max: 4000,
                actual: 4001
            })
        );
    }

    #[test]
    fn unicode_is_counted_in_characters_not_bytes() {
        // 20 Cyrillic letters are 40 bytes; 20 emoji are 80.
        assert!(Description::parse(&"ж".repeat(20), DEFAULT).is_ok());
        assert!(Description::parse(&"📦".repeat(20), DEFAULT).is_ok());
        let err = Description::parse(&"ж".repeat(4001), DEFAULT).unwrap_err();
        assert_eq!(
            err,
            DescriptionError::TooLong {
                max: 4000,
                actual: 4001
            }
        );
        assert_eq!(
            Description::parse(&"ж".repeat(19), DEFAULT)
                .unwrap_err()
                .code(),
            ErrorCode::DescriptionTooShort
        );
    }

    #[test]
    fn surrounding_white_space_does_not_count() {
        let padded = format!("   {}   \n", "a".repeat(19));
        assert_eq!(
            Description::parse(&padded, DEFAULT),
            Err(DescriptionError::TooShort {
                min: 20,
                actual: 19
            })
        );
    }

    #[test]
    fn newlines_and_tabs_are_kept_other_controls_refused() {
        let ok = "Line one of it\n\tline two, indented";
        assert_eq!(Description::parse(ok, DEFAULT).unwrap().as_ref(), ok);
        for bad in ["\u{7}", "\u{1b}[31m", "\u{0}", "\u{85}"] {
            let text = format!("A long enough description {bad} here");
            assert_eq!(
                Description::parse(&text, DEFAULT).unwrap_err().code(),
                ErrorCode::DescriptionControlCharacter
            );
        }
    }

    #[test]
    fn deserializing_checks_the_widest_limits() {
        assert!(serde_json::from_str::<Description>("\"  \"").is_err());
        assert!(serde_json::from_str::<Description>("\"short but fine\"").is_ok());
    }

    proptest! {
        #[test]
        fn never_panics_and_normal_form_round_trips(input in "\\PC{0,60}|[\\s\\S]{0,60}", min in 0u32..30) {
            let rules = DescriptionRules { min_chars: min, max_chars: 50 };
            if let Ok(d) = Description::parse(&input, rules) {
                prop_assert_eq!(Description::parse(d.as_ref(), rules), Ok(d.clone()));
            }
        }
    }
}
