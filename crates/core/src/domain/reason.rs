//! Why a shopper complains.

use serde::{Deserialize, Serialize};

/// The reason a shopper gives for a complaint. The reason decides which complaint window
/// applies (a withdrawal has 14 days, a defect the two-year guarantee) and which
/// resolutions the widget proposes first.
///
/// ```
/// use redress_core::domain::ComplaintReason;
/// assert_eq!(ComplaintReason::NotReceived.code(), "not_received");
/// assert_eq!(ComplaintReason::parse_code("late_delivery"), Some(ComplaintReason::LateDelivery));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ComplaintReason {
    /// The shopper received something other than what was ordered.
    WrongItem,
    /// The item arrived broken or stopped working (the legal guarantee).
    DefectiveOrDamaged,
    /// The parcel never arrived.
    NotReceived,
    /// The parcel arrived after the promised date.
    LateDelivery,
    /// The shopper withdraws from the purchase or wants to return it.
    ReturnOrWithdrawal,
    /// The invoice or the amount charged is wrong.
    InvoiceOrBilling,
    /// Anything else; the description carries the substance.
    Other,
}

impl ComplaintReason {
    /// Every reason, in the order the widget lists them.
    pub const ALL: [ComplaintReason; 7] = [
        ComplaintReason::WrongItem,
        ComplaintReason::DefectiveOrDamaged,
        ComplaintReason::NotReceived,
        ComplaintReason::LateDelivery,
        ComplaintReason::ReturnOrWithdrawal,
        ComplaintReason::InvoiceOrBilling,
        ComplaintReason::Other,
    ];

    /// The stable wire code (same as the serde name), used as a translation key.
    pub fn code(self) -> &'static str {
        match self {
            ComplaintReason::WrongItem => "wrong_item",
            ComplaintReason::DefectiveOrDamaged => "defective_or_damaged",
            ComplaintReason::NotReceived => "not_received",
            ComplaintReason::LateDelivery => "late_delivery",
            ComplaintReason::ReturnOrWithdrawal => "return_or_withdrawal",
            ComplaintReason::InvoiceOrBilling => "invoice_or_billing",
            ComplaintReason::Other => "other",
        }
    }

    /// The reason for a wire code; `None` for a code Redress does not know.
    pub fn parse_code(code: &str) -> Option<ComplaintReason> {
        ComplaintReason::ALL.into_iter().find(|r| r.code() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reason_serializes_as_its_code_and_back() {
        for r in ComplaintReason::ALL {
            let json = serde_json::to_string(&r).unwrap();
            assert_eq!(json, format!("\"{}\"", r.code()));
            assert_eq!(serde_json::from_str::<ComplaintReason>(&json).unwrap(), r);
            assert_eq!(ComplaintReason::parse_code(r.code()), Some(r));
        }
        assert_eq!(ComplaintReason::parse_code("WrongItem"), None);
    }
}
