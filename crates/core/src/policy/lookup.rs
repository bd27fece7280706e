//! How the widget finds the shopper's order before the complaint is filed.

use serde::{Deserialize, Serialize};

/// What the shopper gives, besides the order number, to prove the order is theirs. An
/// order number alone is guessable; pairing it with the e-mail address or the delivery
/// postcode keeps strangers from reading an order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LookupKey {
    /// The e-mail address the order was placed with (the contact e-mail).
    Email,
    /// The postcode of the delivery address.
    PostCode,
}

/// Whether and how the widget looks the order up at the shop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct OrderLookup {
    /// What proves the order is the shopper's.
    pub key: LookupKey,
    /// When true, the complaint cannot be filed without the lookup key; when false the
    /// widget offers the lookup but a shopper without it can still complain (a guest
    /// whose confirmation e-mail is lost must not be shut out).
    pub required: bool,
}

impl Default for OrderLookup {
    fn default() -> Self {
        OrderLookup {
            key: LookupKey::Email,
            required: false,
        }
    }
}
