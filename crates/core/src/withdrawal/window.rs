//! The withdrawal period: open until the end of its last day in the shop's time zone.

use chrono::{DateTime, Days, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::policy::ComplaintPolicy;

/// Whether the shopper can still withdraw, and until when.
///
/// Serialized with a `status` tag: `{"status": "open", "last_day": "2026-12-03",
/// "ends_at": "2026-12-03T22:59:59Z"}`, `{"status": "closed", "last_day": ...}`,
/// `{"status": "not_started"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum WithdrawalWindow {
    /// The shopper can withdraw up to and including `last_day`.
    Open {
        /// The last day, in the shop's time zone.
        last_day: NaiveDate,
        /// The last whole second of `last_day` in the shop's time zone, for a countdown.
        ends_at: DateTime<Utc>,
    },
    /// The period ended with `last_day`: the widget offers the complaint flow instead.
    Closed {
        /// The last day the period was open.
        last_day: NaiveDate,
    },
    /// Not delivered yet. The shopper may already withdraw; the period only starts at
    /// delivery (Art. 9(2)(b) CRD), so there is no last day to show yet.
    NotStarted,
}

impl WithdrawalWindow {
    /// Whether a withdrawal can be made now.
    pub fn is_open(self) -> bool {
        !matches!(self, WithdrawalWindow::Closed { .. })
    }

    /// The last day, once delivery has started the period.
    pub fn last_day(self) -> Option<NaiveDate> {
        match self {
            WithdrawalWindow::Open { last_day, .. } | WithdrawalWindow::Closed { last_day } => {
                Some(last_day)
            }
            WithdrawalWindow::NotStarted => None,
        }
    }
}

/// The withdrawal window for goods delivered on `delivered_on` (`None`: not delivered
/// yet), judged at `now` on the shop's clock. The period is
/// [`ComplaintPolicy::withdrawal_period`] counted from the day after delivery; it ends at
/// local midnight after its last day, so summer and winter time move the UTC instant but
/// never the day.
///
/// ```
/// use chrono::{NaiveDate, TimeZone, Utc};
/// use redress_core::policy::ComplaintPolicy;
/// use redress_core::withdrawal::{withdrawal_window, WithdrawalWindow};
///
/// let policy = ComplaintPolicy::default(); // Europe/Amsterdam, 14 days
/// let delivered = NaiveDate::from_ymd_opt(2026, 11, 19);
/// let last_day = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
/// let ends_at = Utc.with_ymd_and_hms(2026, 12, 3, 22, 59, 59).unwrap();
/// assert_eq!(withdrawal_window(delivered, &policy, ends_at), WithdrawalWindow::Open { last_day, ends_at });
/// let midnight = Utc.with_ymd_and_hms(2026, 12, 3, 23, 0, 0).unwrap();
/// assert_eq!(withdrawal_window(delivered, &policy, midnight), WithdrawalWindow::Closed { last_day });
/// assert_eq!(withdrawal_window(None, &policy, midnight), WithdrawalWindow::NotStarted);
/// ```
pub fn withdrawal_window(
    delivered_on: Option<NaiveDate>,
    policy: &ComplaintPolicy,
    now: DateTime<Utc>,
) -> WithdrawalWindow {
    let Some(delivered_on) = delivered_on else {
        return WithdrawalWindow::NotStarted;
    };
    let zone = policy.shop.time_zone;
    // A last day beyond chrono's calendar is as good as never: open until the end of time.
    let last_day = policy
        .withdrawal_period()
        .last_day(delivered_on)
        .unwrap_or(NaiveDate::MAX);
    if policy.today(now) <= last_day {
        WithdrawalWindow::Open {
            last_day,
            ends_at: zone.end_of_local_day(last_day),
        }
    } else {
        WithdrawalWindow::Closed { last_day }
    }
}

/// The day the shop must have refunded by: `policy.withdrawal.refund_days` (at most 14)
/// calendar days after `received_on`, the shop's date the withdrawal arrived
/// (Art. 13(1) CRD). `None` only beyond chrono's calendar.
///
/// ```
/// use chrono::NaiveDate;
/// use redress_core::policy::ComplaintPolicy;
/// use redress_core::withdrawal::refund_deadline;
/// let received = NaiveDate::from_ymd_opt(2026, 12, 24).unwrap();
/// assert_eq!(refund_deadline(received, &ComplaintPolicy::default()), NaiveDate::from_ymd_opt(2027, 1, 7));
/// ```
pub fn refund_deadline(received_on: NaiveDate, policy: &ComplaintPolicy) -> Option<NaiveDate> {
    received_on.checked_add_days(Days::new(u64::from(policy.withdrawal.refund_days)))
}
