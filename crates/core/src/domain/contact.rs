//! How the shop reaches the shopper about the complaint.

use serde::{Deserialize, Serialize};

use super::{Email, Phone};
use crate::error::{ErrorCode, ErrorParams, FieldRule};

/// The channel the shopper prefers to be answered on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactChannel {
    /// Answer by e-mail.
    Email,
    /// Call back (or text).
    Phone,
}

impl ContactChannel {
    /// The wire code (`"email"`, `"phone"`).
    pub fn code(self) -> &'static str {
        match self {
            ContactChannel::Email => "email",
            ContactChannel::Phone => "phone",
        }
    }

    /// The channel for a wire code.
    pub fn parse_code(code: &str) -> Option<ContactChannel> {
        [ContactChannel::Email, ContactChannel::Phone]
            .into_iter()
            .find(|c| c.code() == code)
    }
}

/// An e-mail address, a phone number or both, and the channel to use. A complaint
/// nobody can answer is no complaint, so at least one is always there, and the
/// preferred channel is always one the shopper gave.
///
/// ```
/// use redress_core::domain::{Contact, ContactChannel, Email};
/// let email = Email::parse("anna@example.nl").unwrap();
/// let contact = Contact::new(Some(email), None, None).unwrap();
/// assert_eq!(contact.preferred(), ContactChannel::Email);
/// assert!(Contact::new(None, None, None).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "ContactParts")]
pub struct Contact {
    email: Option<Email>,
    phone: Option<Phone>,
    preferred: ContactChannel,
}

/// Why a contact cannot be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ContactError {
    /// Neither an e-mail address nor a phone number.
    #[error("contact: give an e-mail address or a phone number")]
    Missing,
    /// The preferred channel is one the shopper left empty.
    #[error("contact: preferred channel {0:?} was not given")]
    PreferredChannel(ContactChannel),
}

impl Contact {
    /// Builds a contact. Without a preference, e-mail is preferred when given: it leaves
    /// the written trail the complaint procedure needs.
    pub fn new(
        email: Option<Email>,
        phone: Option<Phone>,
        preferred: Option<ContactChannel>,
    ) -> Result<Contact, ContactError> {
        let preferred = match (preferred, &email, &phone) {
            (_, None, None) => return Err(ContactError::Missing),
            (Some(ContactChannel::Email), None, _) => {
                return Err(ContactError::PreferredChannel(ContactChannel::Email));
            }
            (Some(ContactChannel::Phone), _, None) => {
                return Err(ContactError::PreferredChannel(ContactChannel::Phone));
            }
            (Some(channel), _, _) => channel,
            (None, Some(_), _) => ContactChannel::Email,
            (None, None, Some(_)) => ContactChannel::Phone,
        };
        Ok(Contact {
            email,
            phone,
            preferred,
        })
    }

    /// The e-mail address, if given.
    pub fn email(&self) -> Option<&Email> {
        self.email.as_ref()
    }

    /// The phone number, if given.
    pub fn phone(&self) -> Option<&Phone> {
        self.phone.as_ref()
    }

    /// The channel to answer on; always one that was given.
    pub fn preferred(&self) -> ContactChannel {
        self.preferred
    }
}

impl FieldRule for ContactError {
    fn code(&self) -> ErrorCode {
        match self {
            ContactError::Missing => ErrorCode::ContactMissing,
            ContactError::PreferredChannel(_) => ErrorCode::ContactPreferredChannel,
        }
    }

    fn params(&self) -> ErrorParams {
        match self {
            ContactError::Missing => ErrorParams::default(),
            ContactError::PreferredChannel(channel) => ErrorParams::value(channel.code()),
        }
    }
}

/// The serialized form, checked again on the way in.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ContactParts {
    email: Option<Email>,
    phone: Option<Phone>,
    preferred: ContactChannel,
}

impl TryFrom<ContactParts> for Contact {
    type Error = ContactError;
    fn try_from(parts: ContactParts) -> Result<Self, Self::Error> {
        Contact::new(parts.email, parts.phone, Some(parts.preferred))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn email() -> Option<Email> {
        Some(Email::parse("anna@example.nl").unwrap())
    }

    fn phone() -> Option<Phone> {
        Some(Phone::parse("+31612345678").unwrap())
    }

    #[test]
    fn a_phone_alone_is_enough_and_preferred() {
        let contact = Contact::new(None, phone(), None).unwrap();
        assert_eq!(contact.preferred(), ContactChannel::Phone);
        assert!(contact.email().is_none());
    }

    #[test]
    fn the_shopper_may_prefer_the_phone_when_both_are_given() {
        let contact = Contact::new(email(), phone(), Some(ContactChannel::Phone)).unwrap();
        assert_eq!(contact.preferred(), ContactChannel::Phone);
    }

    #[test]
    fn a_preference_for_a_missing_channel_is_refused() {
        let err = Contact::new(email(), None, Some(ContactChannel::Phone)).unwrap_err();
        assert_eq!(err.code(), ErrorCode::ContactPreferredChannel);
        assert_eq!(err.params().value.as_deref(), Some("phone"));
        let err = Contact::new(None, phone(), Some(ContactChannel::Email)).unwrap_err();
        assert_eq!(err, ContactError::PreferredChannel(ContactChannel::Email));
        assert_eq!(
            Contact::new(None, None, None).unwrap_err().code(),
            ErrorCode::ContactMissing
        );
    }

    #[test]
    fn serde_round_trips_and_rechecks() {
        let contact = Contact::new(email(), phone(), None).unwrap();
        let json = serde_json::to_string(&contact).unwrap();
        assert_eq!(
            json,
            r#"{"email":"anna@example.nl","phone":"+31612345678","preferred":"email"}"#
        );
        assert_eq!(serde_json::from_str::<Contact>(&json).unwrap(), contact);
        let bad = r#"{"email":null,"phone":null,"preferred":"email"}"#;
        assert!(serde_json::from_str::<Contact>(bad).is_err());
    }
}
