//! The EU withdrawal function ("withdraw from contract here", Art. 11a of the Consumer
//! Rights Directive, in force since 19 June 2026).
//!
//! The shopper gives a name, the order (found by the shop's lookup, or typed contract
//! details when the lookup fails), the items withdrawn from (all by default) and the
//! e-mail for the acknowledgement. [`validate_withdrawal`] turns that
//! [`WithdrawalDraft`] into a [`Withdrawal`] or every field error at once;
//! [`withdrawal_window`] says whether the period is still open and until which instant,
//! so the widget can route a late shopper to the complaint flow instead of a dead end;
//! [`refund_deadline`] derives the day the shop must have refunded by.
//!
//! The period is the policy's `windows.return_or_withdrawal`; the refund speed and the
//! excluded categories are its `withdrawal` section ([`crate::policy::WithdrawalRules`]).

mod accepted;
mod order;
mod text;
mod validate;
mod window;

use crate::error::ErrorCode;

pub use accepted::{ContractDetails, KeptItem, Withdrawal};
pub use order::{Eligibility, OrderFacts, OrderItem};
pub use text::{GoodsDescription, ShopperName, WithdrawalTextError};
pub use validate::{WithdrawalDraft, validate_withdrawal};
pub use window::{WithdrawalWindow, refund_deadline, withdrawal_window};

/// The error codes only the withdrawal function produces, for the widget's catalogue of
/// withdrawal messages. It also produces shared ones (`order_number.*`, `email.*`,
/// `date.*`, `items.*`).
pub const ERROR_CODES: &[ErrorCode] = &[
    ErrorCode::NameMissing,
    ErrorCode::NameFormat,
    ErrorCode::GoodsMissing,
    ErrorCode::GoodsFormat,
    ErrorCode::WithdrawalDisabled,
    ErrorCode::WithdrawalWindowClosed,
    ErrorCode::WithdrawalItemUnknown,
    ErrorCode::WithdrawalItemExcluded,
    ErrorCode::WithdrawalNothingEligible,
];

#[cfg(test)]
mod tests;
