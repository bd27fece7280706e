//! Short texts people type into the complaint desk or the policy: parsed once, then trusted.
//!
//! Every such text is trimmed, must not be empty, is bounded in characters (so a stored
//! timeline cannot be blown up by one field) and carries no control characters (which
//! would let a handler name forge extra lines in an e-mail or a log). Multi-line texts
//! keep line breaks and tabs and refuse every other control character.

/// Which rule a text broke; the error types built by `text_newtype!` wrap it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TextRule {
    Empty,
    TooLong,
    ControlCharacter,
}

/// Trims `raw` and checks it against the rules shared by all people-typed texts.
pub(crate) fn checked_text(
    raw: &str,
    max_chars: usize,
    multiline: bool,
) -> Result<String, TextRule> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Err(TextRule::Empty);
    }
    if trimmed.chars().count() > max_chars {
        return Err(TextRule::TooLong);
    }
    let allowed_control = |c: char| multiline && (c == '\n' || c == '\t' || c == '\r');
    if trimmed
        .chars()
        .any(|c| c.is_control() && !allowed_control(c))
    {
        return Err(TextRule::ControlCharacter);
    }
    Ok(trimmed.to_owned())
}

/// Declares a validated text newtype: one fallible `parse`, `AsRef<str>`, `Display`, serde
/// and `FromJson` through `parse` (so a value read from JSON is validated too), and an error enum whose
/// `code()` names the field and the rule (`handler_name.empty`).
macro_rules! text_newtype {
    (
        $(#[$doc:meta])*
        $name:ident, $error:ident, field = $field:literal, max = $max:literal, multiline = $multi:literal
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        #[doc = concat!("Why a text was refused as `", stringify!($name), "`.")]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
        pub enum $error {
            /// Nothing but white space was given.
            #[error("{} is empty", $field)]
            Empty,
            /// More characters than the bound.
            #[error("{} is longer than {} characters", $field, $max)]
            TooLong,
            /// A control character (other than a line break or tab in multi-line texts).
            #[error("{} contains a control character", $field)]
            ControlCharacter,
        }

        impl $error {
            /// The stable code the widget translates.
            pub fn code(&self) -> &'static str {
                match self {
                    $error::Empty => concat!($field, ".empty"),
                    $error::TooLong => concat!($field, ".too_long"),
                    $error::ControlCharacter => concat!($field, ".control_character"),
                }
            }
        }

        impl $name {
            /// The most characters the text may have after trimming.
            pub const MAX_CHARS: usize = $max;

            /// Trims the text and checks it is non-empty, bounded and free of control characters.
            pub fn parse(raw: &str) -> Result<Self, $error> {
                $crate::lifecycle::text::checked_text(raw, $max, $multi)
                    .map($name)
                    .map_err(|rule| match rule {
                        $crate::lifecycle::text::TextRule::Empty => $error::Empty,
                        $crate::lifecycle::text::TextRule::TooLong => $error::TooLong,
                        $crate::lifecycle::text::TextRule::ControlCharacter => $error::ControlCharacter,
                    })
            }
        }

        impl $name {
            /// For texts written in this crate's own defaults, which are known to pass `parse`.
            #[allow(dead_code)]
            pub(crate) fn from_known(text: &'static str) -> Self {
                $name(text.to_owned())
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl $crate::json::FromJson for $name {
            fn from_json(json: &$crate::json::Json) -> Result<Self, $crate::json::JsonError> {
                $crate::json::parsed(json, Self::parse)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl TryFrom<String> for $name {
            type Error = $error;
            fn try_from(raw: String) -> Result<Self, Self::Error> {
                $name::parse(&raw)
            }
        }

        impl From<$name> for String {
            fn from(text: $name) -> String {
                text.0
            }
        }
    };
}

pub(crate) use text_newtype;

text_newtype!(
    /// The person at the shop who handles the complaint, as the acknowledgement names them.
    ///
    /// ```
    /// use redress_core::lifecycle::HandlerName;
    /// let handler = HandlerName::parse("  Sanne de Vries ").unwrap();
    /// assert_eq!(handler.as_ref(), "Sanne de Vries");
    /// assert_eq!(HandlerName::parse("   ").unwrap_err().code(), "handler_name.empty");
    /// assert_eq!(HandlerName::parse("Eve\nBcc: x").unwrap_err().code(), "handler_name.control_character");
    /// ```
    HandlerName, HandlerNameError, field = "handler_name", max = 120, multiline = false
);

text_newtype!(
    /// A paragraph the shop or the board writes to the shopper: a progress message, the
    /// reasons for a rejection, or one part of a written outcome. Line breaks are kept.
    ///
    /// ```
    /// use redress_core::lifecycle::Statement;
    /// let reasons = Statement::parse("The parcel was delivered on 2 May.\nSee the carrier's scan.").unwrap();
    /// assert!(reasons.as_ref().contains('\n'));
    /// assert_eq!(Statement::parse("").unwrap_err().code(), "statement.empty");
    /// ```
    Statement, StatementError, field = "statement", max = 4000, multiline = true
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handler_names_are_trimmed_and_bounded() {
        assert_eq!(HandlerName::parse(" Jan ").unwrap().as_ref(), "Jan");
        let long = "x".repeat(HandlerName::MAX_CHARS + 1);
        assert_eq!(HandlerName::parse(&long), Err(HandlerNameError::TooLong));
        let exact = "é".repeat(HandlerName::MAX_CHARS);
        assert!(HandlerName::parse(&exact).is_ok());
    }

    #[test]
    fn single_line_texts_refuse_line_breaks_but_statements_keep_them() {
        assert_eq!(
            HandlerName::parse("a\tb"),
            Err(HandlerNameError::ControlCharacter)
        );
        assert!(Statement::parse("first\r\nsecond\tcolumn").is_ok());
        assert_eq!(
            Statement::parse("bell\u{7}"),
            Err(StatementError::ControlCharacter)
        );
    }

    #[test]
    fn deserializing_validates_like_parse() {
        let ok: HandlerName = serde_json::from_str("\" Jan \"").unwrap();
        assert_eq!(ok.as_ref(), "Jan");
        assert!(serde_json::from_str::<HandlerName>("\"  \"").is_err());
        assert_eq!(serde_json::to_string(&ok).unwrap(), "\"Jan\"");
    }
}
