//! The withdrawal as validated: what the server records and acknowledges.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::{Email, OrderNumber, PostCode};
use crate::policy::ExcludedCategory;

use super::{GoodsDescription, ShopperName, WithdrawalWindow};

/// The contract as the shopper typed it when the order lookup found nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContractDetails {
    /// When the order was placed.
    pub order_date: NaiveDate,
    /// What was bought.
    pub goods: GoodsDescription,
}

/// An item of the order left out of a whole-order withdrawal because the shop excludes
/// its category: the acknowledgement names it, so the shopper knows it stays bought.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptItem {
    /// The order line.
    pub name: String,
    /// Why it cannot be withdrawn from.
    pub category: ExcludedCategory,
}

/// A withdrawal that passed every rule of the policy it was checked against, received
/// at one instant. Only [`super::validate_withdrawal`] builds one; dates derive from
/// the receipt, so they are never stored apart from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Withdrawal {
    pub(super) name: ShopperName,
    pub(super) order_number: Option<OrderNumber>,
    pub(super) lookup_email: Option<Email>,
    /// Absent from withdrawals recorded before the postcode was a proof.
    #[serde(default)]
    pub(super) lookup_postcode: Option<PostCode>,
    pub(super) confirmation_email: Email,
    pub(super) items: Vec<String>,
    pub(super) kept: Vec<KeptItem>,
    pub(super) contract: Option<ContractDetails>,
    pub(super) received_at: DateTime<Utc>,
    pub(super) received_on: NaiveDate,
    pub(super) window: Option<WithdrawalWindow>,
    pub(super) refund_due: Option<NaiveDate>,
}

impl Withdrawal {
    /// The shopper's name.
    pub fn name(&self) -> &ShopperName {
        &self.name
    }

    /// The order number; absent only when the shopper typed contract details instead.
    pub fn order_number(&self) -> Option<&OrderNumber> {
        self.order_number.as_ref()
    }

    /// The e-mail address the order was looked up by, if the shopper gave one.
    pub fn lookup_email(&self) -> Option<&Email> {
        self.lookup_email.as_ref()
    }

    /// The delivery postcode the order was looked up by, if the shopper gave one.
    pub fn lookup_postcode(&self) -> Option<&PostCode> {
        self.lookup_postcode.as_ref()
    }

    /// Where the acknowledgement on a durable medium goes.
    pub fn confirmation_email(&self) -> &Email {
        &self.confirmation_email
    }

    /// The order lines withdrawn from. Empty means the whole contract: the shopper
    /// chose no lines and no order was found to list them from.
    pub fn items(&self) -> &[String] {
        &self.items
    }

    /// Lines of the order a whole-order withdrawal leaves out, with the reason.
    pub fn kept(&self) -> &[KeptItem] {
        &self.kept
    }

    /// The contract as typed, when given (always, when no order was found).
    pub fn contract(&self) -> Option<&ContractDetails> {
        self.contract.as_ref()
    }

    /// The exact instant the withdrawal was received: the acknowledgement states it.
    pub fn received_at(&self) -> DateTime<Utc> {
        self.received_at
    }

    /// The shop's date of receipt: the day the refund deadline counts from.
    pub fn received_on(&self) -> NaiveDate {
        self.received_on
    }

    /// The window the withdrawal was made in; `None` when no order was found, so the
    /// shop checks the delivery date itself.
    pub fn window(&self) -> Option<WithdrawalWindow> {
        self.window
    }

    /// The day the shop must have refunded by (see [`super::refund_deadline`]).
    pub fn refund_due(&self) -> Option<NaiveDate> {
        self.refund_due
    }
}
