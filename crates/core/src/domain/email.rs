//! The shopper's e-mail address: where the receipt and every status change go.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::{ErrorCode, ErrorParams, FieldRule};

/// An e-mail address in the pragmatic subset of RFC 5322 that mail systems deliver to:
/// `local@domain`, the local part of ASCII "atext" characters and single dots (at most 64),
/// the domain of at least two dot-separated labels of ASCII letters, digits and inner
/// hyphens (each at most 63), the whole at most 254 characters. Quoted local parts,
/// comments and IP-literal domains are refused: no shop sends mail to them. International
/// domains must be given in their `xn--` form.
///
/// The domain is lower-cased (domains are case-insensitive); the local part is kept as
/// typed, since the receiving server decides whether its case matters.
///
/// ```
/// use redress_core::domain::Email;
/// assert_eq!(Email::parse(" Anna.de.Vries@Example.NL ").unwrap().as_ref(), "Anna.de.Vries@example.nl");
/// assert!(Email::parse("anna@localhost").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

/// Why a text is not an e-mail address.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    /// The address or its local part is too long.
    #[error("email: must be at most {max} characters, not {actual}")]
    Length {
        /// The most characters allowed (254 for the address, 64 for the local part).
        max: usize,
        /// How many the input had.
        actual: usize,
    },
    /// Not of the form `local@domain`, or the local part has a character mail refuses.
    #[error("email: must look like name@example.com")]
    Format,
    /// The domain is not a dotted host name.
    #[error("email: the part after @ must be a domain such as example.com")]
    Domain,
}

impl Email {
    /// The longest address, in characters (RFC 5321's path limit less the brackets).
    pub const MAX_CHARS: usize = 254;
    /// The longest local part.
    pub const MAX_LOCAL_CHARS: usize = 64;

    /// Parses an e-mail address as a shopper typed it.
    pub fn parse(input: &str) -> Result<Email, EmailError> {
        let trimmed = input.trim();
        let actual = trimmed.chars().count();
        if actual > Self::MAX_CHARS {
            return Err(EmailError::Length {
                max: Self::MAX_CHARS,
                actual,
            });
        }
        let mut parts = trimmed.split('@');
        let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else {
            return Err(EmailError::Format);
        };
        let local_chars = local.chars().count();
        if local_chars > Self::MAX_LOCAL_CHARS {
            return Err(EmailError::Length {
                max: Self::MAX_LOCAL_CHARS,
                actual: local_chars,
            });
        }
        if !is_dot_atom(local) {
            return Err(EmailError::Format);
        }
        if domain.is_empty() {
            return Err(EmailError::Format);
        }
        let domain = domain.to_ascii_lowercase();
        if !is_host_name(&domain) {
            return Err(EmailError::Domain);
        }
        Ok(Email(format!("{local}@{domain}")))
    }

    /// The part after the `@`, lower-cased.
    pub fn domain(&self) -> &str {
        self.0.rsplit('@').next().unwrap_or_default()
    }
}

/// RFC 5322 dot-atom: atext runs separated by single dots.
fn is_dot_atom(local: &str) -> bool {
    !local.is_empty()
        && local.split('.').all(|atom| {
            !atom.is_empty()
                && atom
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~".contains(c))
        })
}

/// A dotted host name with at least two labels and a top-level label that is not numeric.
fn is_host_name(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    let tld_ok = labels
        .last()
        .is_some_and(|tld| tld.chars().any(|c| c.is_ascii_alphabetic()));
    labels.len() >= 2
        && tld_ok
        && labels.iter().all(|label| {
            (1..=63).contains(&label.len())
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

impl FieldRule for EmailError {
    fn code(&self) -> ErrorCode {
        match self {
            EmailError::Length { .. } => ErrorCode::EmailLength,
            EmailError::Format => ErrorCode::EmailFormat,
            EmailError::Domain => ErrorCode::EmailDomain,
        }
    }

    fn params(&self) -> ErrorParams {
        match *self {
            EmailError::Length { max, actual } => ErrorParams {
                max: Some(max as u64),
                actual: Some(actual as u64),
                ..ErrorParams::default()
            },
            EmailError::Format | EmailError::Domain => ErrorParams::default(),
        }
    }
}

impl AsRef<str> for Email {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for Email {
    type Error = EmailError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Email::parse(&value)
    }
}

impl From<Email> for String {
    fn from(value: Email) -> String {
        value.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// An address of exactly `len` characters.
    fn address_of_len(len: usize) -> String {
        let domain = format!("{0}.{0}.{0}.{0}.nl", "d".repeat(60));
        let local = "a".repeat(len - domain.len() - 1);
        format!("{local}@{domain}")
    }

    #[test]
    fn accepts_everyday_addresses() {
        for ok in [
            "anna@example.nl",
            "j.janssens+complaints@shop.co.uk",
            "o'brien@mail.example.ie",
            "x@xn--bcher-kva.de",
            "1@2.example",
        ] {
            assert!(Email::parse(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn exactly_254_characters_is_accepted_and_255_is_not() {
        let at_limit = address_of_len(254);
        assert_eq!(at_limit.len(), 254);
        assert!(Email::parse(&at_limit).is_ok());
        assert_eq!(
            Email::parse(&address_of_len(255)),
            Err(EmailError::Length {
                max: 254,
                actual: 255
            })
        );
    }

    #[test]
    fn local_part_is_limited_to_64() {
        assert!(Email::parse(&format!("{}@example.nl", "a".repeat(64))).is_ok());
        assert_eq!(
            Email::parse(&format!("{}@example.nl", "a".repeat(65))),
            Err(EmailError::Length {
                max: 64,
                actual: 65
            })
        );
    }

    #[test]
    fn malformed_addresses_say_which_part_is_wrong() {
        for bad in [
            "",
            "anna",
            "anna@",
            "@example.nl",
            "a@b@example.nl",
            "a..b@example.nl",
            ".a@example.nl",
            "a b@example.nl",
            "änna@example.nl",
            "\"a\"@example.nl",
        ] {
            assert_eq!(Email::parse(bad), Err(EmailError::Format), "{bad}");
        }
        for bad in [
            "anna@localhost",
            "anna@example..nl",
            "anna@-example.nl",
            "anna@example.123",
            "anna@exa_mple.nl",
            "anna@[127.0.0.1]",
            "anna@example.nl.",
        ] {
            assert_eq!(Email::parse(bad), Err(EmailError::Domain), "{bad}");
        }
    }

    #[test]
    fn domain_is_lower_cased_local_part_kept() {
        let email = Email::parse("Anna@EXAMPLE.NL").unwrap();
        assert_eq!(email.as_ref(), "Anna@example.nl");
        assert_eq!(email.domain(), "example.nl");
    }

    proptest! {
        #[test]
        fn never_panics_and_normal_form_round_trips(input in "\\PC{0,80}") {
            if let Ok(e) = Email::parse(&input) {
                prop_assert_eq!(Email::parse(e.as_ref()), Ok(e.clone()));
            }
        }

        #[test]
        fn plausible_addresses_round_trip(local in "[a-zA-Z0-9._+-]{1,20}", domain in "[a-zA-Z0-9-]{1,20}\\.[a-z]{2,6}") {
            if let Ok(e) = Email::parse(&format!("{local}@{domain}")) {
                prop_assert_eq!(Email::parse(e.as_ref()), Ok(e.clone()));
            }
        }
    }
}
