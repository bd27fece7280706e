//! Complaint windows: how long after delivery a reason can still be raised.

use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::domain::ComplaintReason;

/// The length of a complaint window, counted in calendar days or calendar months from
/// the day of delivery. Months exist because the legal guarantee runs two years, which is
/// not a fixed number of days.
///
/// Serialized as `{"days": 14}` or `{"months": 24}`; read with the policy by the crate's
/// JSON reader (`policy::read`), not serde.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ComplaintWindow {
    /// Calendar days after the day of delivery (the withdrawal period: 14).
    Days(u32),
    /// Calendar months after the day of delivery (the legal guarantee: 24).
    Months(u32),
}

impl ComplaintWindow {
    /// The last day the window is open for a delivery on `delivered_on`, or `None` when
    /// that date is beyond the calendar chrono can represent.
    ///
    /// The window starts the day after delivery, so a 14-day window for a delivery on
    /// 1 March is open until 15 March inclusive. A month window ending on a day the
    /// month does not have ends on the month's last day (29 February + 12 months is
    /// 28 February).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use redress_core::policy::ComplaintWindow;
    /// let delivered = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    /// assert_eq!(ComplaintWindow::Days(14).last_day(delivered), NaiveDate::from_ymd_opt(2026, 3, 15));
    /// assert_eq!(ComplaintWindow::Months(24).last_day(delivered), NaiveDate::from_ymd_opt(2028, 3, 1));
    /// ```
    pub fn last_day(self, delivered_on: NaiveDate) -> Option<NaiveDate> {
        match self {
            ComplaintWindow::Days(days) => {
                delivered_on.checked_add_days(Days::new(u64::from(days)))
            }
            ComplaintWindow::Months(months) => delivered_on.checked_add_months(Months::new(months)),
        }
    }

    /// Whether the window has any length at all.
    pub(crate) fn is_empty(self) -> bool {
        matches!(self, ComplaintWindow::Days(0) | ComplaintWindow::Months(0))
    }

    /// Whether the window is at least `days` long for every delivery date (a month
    /// counts as 28 days here, its shortest).
    pub(crate) fn at_least_days(self, days: u32) -> bool {
        match self {
            ComplaintWindow::Days(d) => d >= days,
            ComplaintWindow::Months(m) => u64::from(m) * 28 >= u64::from(days),
        }
    }

    /// Whether the window is at least `months` long for every delivery date (a month
    /// can have 31 days).
    pub(crate) fn at_least_months(self, months: u32) -> bool {
        match self {
            ComplaintWindow::Days(d) => u64::from(d) >= u64::from(months) * 31,
            ComplaintWindow::Months(m) => m >= months,
        }
    }
}

/// Whether a reason can still be raised, and until when.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum WindowStatus {
    /// The reason can be raised up to and including `last_day`.
    Open {
        /// The last day, in the shop's time zone.
        last_day: NaiveDate,
    },
    /// The window closed after `last_day`.
    Closed {
        /// The last day it was open.
        last_day: NaiveDate,
    },
    /// The policy sets no window for this reason (e.g. a parcel that never arrived).
    Unlimited,
}

impl WindowStatus {
    /// Whether a complaint for the reason can be filed today.
    pub fn is_open(self) -> bool {
        !matches!(self, WindowStatus::Closed { .. })
    }
}

/// The complaint window of each reason; `null` means the reason has no window. The
/// defaults: 14 days for a withdrawal, 24 months (the legal guarantee) for a defective or
/// wrong item, none for the rest. Keys left out of a policy keep their default, so a
/// shop that lengthens the guarantee cannot lose the withdrawal window by accident.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ComplaintWindows {
    /// Window for [`ComplaintReason::WrongItem`].
    pub wrong_item: Option<ComplaintWindow>,
    /// Window for [`ComplaintReason::DefectiveOrDamaged`]; at least the legal guarantee.
    pub defective_or_damaged: Option<ComplaintWindow>,
    /// Window for [`ComplaintReason::NotReceived`].
    pub not_received: Option<ComplaintWindow>,
    /// Window for [`ComplaintReason::LateDelivery`].
    pub late_delivery: Option<ComplaintWindow>,
    /// Window for [`ComplaintReason::ReturnOrWithdrawal`]; at least the 14-day right of
    /// withdrawal.
    pub return_or_withdrawal: Option<ComplaintWindow>,
    /// Window for [`ComplaintReason::InvoiceOrBilling`].
    pub invoice_or_billing: Option<ComplaintWindow>,
    /// Window for [`ComplaintReason::Other`].
    pub other: Option<ComplaintWindow>,
}

impl Default for ComplaintWindows {
    fn default() -> Self {
        ComplaintWindows {
            wrong_item: Some(ComplaintWindow::Months(24)),
            defective_or_damaged: Some(ComplaintWindow::Months(24)),
            not_received: None,
            late_delivery: None,
            return_or_withdrawal: Some(ComplaintWindow::Days(14)),
            invoice_or_billing: None,
            other: None,
        }
    }
}

impl ComplaintWindows {
    /// The window of a reason, if the policy sets one.
    pub fn get(&self, reason: ComplaintReason) -> Option<ComplaintWindow> {
        match reason {
            ComplaintReason::WrongItem => self.wrong_item,
            ComplaintReason::DefectiveOrDamaged => self.defective_or_damaged,
            ComplaintReason::NotReceived => self.not_received,
            ComplaintReason::LateDelivery => self.late_delivery,
            ComplaintReason::ReturnOrWithdrawal => self.return_or_withdrawal,
            ComplaintReason::InvoiceOrBilling => self.invoice_or_billing,
            ComplaintReason::Other => self.other,
        }
    }

    /// Whether `reason` is still open for a delivery on `delivered_on`, judged on
    /// `today` (the date in the shop's time zone).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use redress_core::domain::ComplaintReason;
    /// use redress_core::policy::{ComplaintWindows, WindowStatus};
    /// let windows = ComplaintWindows::default();
    /// let delivered = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    /// let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
    /// assert_eq!(
    ///     windows.status(ComplaintReason::ReturnOrWithdrawal, delivered, today),
    ///     WindowStatus::Closed { last_day: NaiveDate::from_ymd_opt(2026, 11, 15).unwrap() },
    /// );
    /// assert!(windows.status(ComplaintReason::DefectiveOrDamaged, delivered, today).is_open());
    /// ```
    pub fn status(
        &self,
        reason: ComplaintReason,
        delivered_on: NaiveDate,
        today: NaiveDate,
    ) -> WindowStatus {
        match self.get(reason).and_then(|w| w.last_day(delivered_on)) {
            None => WindowStatus::Unlimited,
            Some(last_day) if today <= last_day => WindowStatus::Open { last_day },
            Some(last_day) => WindowStatus::Closed { last_day },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn withdrawal_is_open_on_its_last_day_and_closed_the_day_after() {
        let w = ComplaintWindows::default();
        let r = ComplaintReason::ReturnOrWithdrawal;
        let delivered = date(2026, 6, 19);
        assert_eq!(
            w.status(r, delivered, date(2026, 7, 3)),
            WindowStatus::Open {
                last_day: date(2026, 7, 3)
            }
        );
        assert_eq!(
            w.status(r, delivered, date(2026, 7, 4)),
            WindowStatus::Closed {
                last_day: date(2026, 7, 3)
            }
        );
    }

    #[test]
    fn guarantee_runs_two_calendar_years_and_leap_days_clamp() {
        let w = ComplaintWindows::default();
        let r = ComplaintReason::DefectiveOrDamaged;
        assert!(w.status(r, date(2024, 2, 29), date(2026, 2, 28)).is_open());
        assert!(!w.status(r, date(2024, 2, 29), date(2026, 3, 1)).is_open());
    }

    #[test]
    fn reasons_without_a_window_stay_open() {
        let w = ComplaintWindows::default();
        let status = w.status(
            ComplaintReason::NotReceived,
            date(2020, 1, 1),
            date(2026, 1, 1),
        );
        assert_eq!(status, WindowStatus::Unlimited);
        assert!(status.is_open());
    }

    #[test]
    fn windows_serialize_keyed_by_reason_code_with_null_for_none() {
        let json = serde_json::to_value(ComplaintWindows::default()).unwrap();
        assert_eq!(
            json["return_or_withdrawal"],
            serde_json::json!({"days": 14})
        );
        assert_eq!(
            json["defective_or_damaged"],
            serde_json::json!({"months": 24})
        );
        assert_eq!(json["not_received"], serde_json::Value::Null);
        for reason in ComplaintReason::ALL {
            assert!(json.get(reason.code()).is_some(), "{}", reason.code());
        }
    }

    #[test]
    fn window_lengths_compare_safely_across_units() {
        assert!(ComplaintWindow::Months(1).at_least_days(14));
        assert!(!ComplaintWindow::Days(13).at_least_days(14));
        assert!(ComplaintWindow::Days(744).at_least_months(24));
        assert!(!ComplaintWindow::Days(730).at_least_months(24));
        assert!(ComplaintWindow::Months(u32::MAX).at_least_days(u32::MAX));
    }
}
