//! The complaint policy a shop (or a trustmark) serves as JSON.
//!
//! One document decides everything the widget and the server enforce: which reasons and
//! resolutions are offered, which fields are required, how the order is looked up, what
//! evidence is accepted, how long each reason stays open after delivery, the
//! working-day deadlines of the lifecycle and the escalation targets. Every key is optional (missing keys take the
//! DOMAIN.md defaults) and every unknown key is an error, so a typo never silently falls
//! back to a default.

mod check;
mod deadlines;
mod error;
mod evidence_rules;
mod lookup;
mod read;
mod required;
mod shop;
mod window;
mod withdrawal;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::domain::{ComplaintReason, ResolutionKind};
use crate::escalation::EscalationTargets;
use crate::json::FromJson;

pub use check::MAX_DESCRIPTION_CHARS;
pub use deadlines::Deadlines;
pub use error::PolicyError;
pub use evidence_rules::{EvidenceRules, MIB};
pub use lookup::{LookupKey, OrderLookup};
pub use required::{DescriptionRules, RequiredFields};
pub use shop::ShopIdentity;
pub use window::{ComplaintWindow, ComplaintWindows, WindowStatus};
pub use withdrawal::{ExcludedCategory, REFUND_DAYS, WithdrawalRules};

/// A shop's complaint policy. Build it with [`ComplaintPolicy::from_json`] (for a document
/// from outside) or start from [`ComplaintPolicy::default`] (the DOMAIN.md defaults) and
/// call [`ComplaintPolicy::check`] after changing fields.
///
/// ```
/// use redress_core::policy::ComplaintPolicy;
/// let policy = ComplaintPolicy::from_json(r#"{"evidence": {"max_count": 3}}"#).unwrap();
/// assert_eq!(policy.evidence.max_count, 3);
/// assert_eq!(policy.deadlines.acknowledge_working_days, 3);
///
/// let err = ComplaintPolicy::from_json(r#"{"evidence": {"max_file_bytes": 0}}"#).unwrap_err();
/// assert_eq!(err.to_string(), "evidence.max_file_bytes: must be > 0");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ComplaintPolicy {
    /// Who the complaint is addressed to.
    pub shop: ShopIdentity,
    /// The reasons the widget offers, in this order.
    pub reasons: Vec<ComplaintReason>,
    /// The resolutions the widget offers, in this order.
    pub resolutions: Vec<ResolutionKind>,
    /// Fields required beyond contact, reason and resolution.
    pub required: RequiredFields,
    /// How long the description must and may be.
    pub description: DescriptionRules,
    /// How the order is looked up.
    pub order_lookup: OrderLookup,
    /// Which evidence files are accepted, and how many.
    pub evidence: EvidenceRules,
    /// How long after delivery each reason can be raised.
    pub windows: ComplaintWindows,
    /// Working-day deadlines of the lifecycle.
    pub deadlines: Deadlines,
    /// Where the shopper can turn when the shop's answer does not satisfy.
    pub escalation: EscalationTargets,
    /// The withdrawal function: on or off, refund speed, excluded categories. Its period
    /// is `windows.return_or_withdrawal` (see [`ComplaintPolicy::withdrawal_period`]).
    pub withdrawal: WithdrawalRules,
}

impl Default for ComplaintPolicy {
    fn default() -> Self {
        ComplaintPolicy {
            shop: ShopIdentity::default(),
            reasons: ComplaintReason::ALL.to_vec(),
            resolutions: ResolutionKind::ALL.to_vec(),
            required: RequiredFields::default(),
            description: DescriptionRules::default(),
            order_lookup: OrderLookup::default(),
            evidence: EvidenceRules::default(),
            windows: ComplaintWindows::default(),
            deadlines: Deadlines::default(),
            escalation: EscalationTargets::default(),
            withdrawal: WithdrawalRules::default(),
        }
    }
}

impl ComplaintPolicy {
    /// Parses and checks a policy document. Errors name the JSON path of the bad key.
    ///
    /// ```
    /// use redress_core::policy::ComplaintPolicy;
    /// let err = ComplaintPolicy::from_json(r#"{"shop": {"colour": "red"}}"#).unwrap_err();
    /// assert_eq!(err.path(), "shop");
    /// assert!(err.to_string().starts_with("unknown field `colour`"));
    /// ```
    pub fn from_json(json: &str) -> Result<ComplaintPolicy, PolicyError> {
        let policy = ComplaintPolicy::from_json_text(json).map_err(PolicyError::from)?;
        policy.check()?;
        Ok(policy)
    }

    /// The policy as JSON, the form [`ComplaintPolicy::from_json`] reads back.
    pub fn to_json(&self) -> String {
        // A policy holds only strings, numbers, enums and string-keyed maps: serializing
        // it cannot fail, but the fallback keeps this function panic-free regardless.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Today's date where the shop is: the day deadlines and complaint windows are
    /// judged on.
    pub fn today(&self, now: DateTime<Utc>) -> NaiveDate {
        self.shop.time_zone.local_date(now)
    }

    /// Whether `reason` can still be raised for a delivery on `delivered_on`, judged on
    /// the shop's date at `now`, and until which day.
    ///
    /// ```
    /// use chrono::{NaiveDate, TimeZone, Utc};
    /// use redress_core::domain::ComplaintReason;
    /// use redress_core::policy::{ComplaintPolicy, WindowStatus};
    /// let policy = ComplaintPolicy::default();
    /// let delivered = NaiveDate::from_ymd_opt(2026, 11, 7).unwrap();
    /// // 23:30 UTC on 21 November is already 22 November in Amsterdam: one day too late.
    /// let now = Utc.with_ymd_and_hms(2026, 11, 21, 23, 30, 0).unwrap();
    /// assert_eq!(
    ///     policy.window_status(ComplaintReason::ReturnOrWithdrawal, delivered, now),
    ///     WindowStatus::Closed { last_day: NaiveDate::from_ymd_opt(2026, 11, 21).unwrap() },
    /// );
    /// ```
    pub fn window_status(
        &self,
        reason: ComplaintReason,
        delivered_on: NaiveDate,
        now: DateTime<Utc>,
    ) -> WindowStatus {
        self.windows.status(reason, delivered_on, self.today(now))
    }

    /// The withdrawal period: `windows.return_or_withdrawal`, the one place a shop sets
    /// it, so the complaint form and the withdrawal function judge returns alike. A
    /// policy built in code without it falls back to the law's 14 days, never to "no
    /// limit".
    ///
    /// ```
    /// use redress_core::policy::{ComplaintPolicy, ComplaintWindow};
    /// let policy = ComplaintPolicy::from_json(r#"{"windows": {"return_or_withdrawal": {"days": 30}}}"#).unwrap();
    /// assert_eq!(policy.withdrawal_period(), ComplaintWindow::Days(30));
    /// let err = ComplaintPolicy::from_json(r#"{"windows": {"return_or_withdrawal": {"days": 10}}}"#).unwrap_err();
    /// assert_eq!(err.path(), "windows.return_or_withdrawal");
    /// ```
    pub fn withdrawal_period(&self) -> ComplaintWindow {
        self.windows
            .return_or_withdrawal
            .unwrap_or(ComplaintWindow::Days(check::WITHDRAWAL_DAYS))
    }

    /// Whether reason is offered by this policy.
    pub fn offers_reason(&self, reason: ComplaintReason) -> bool {
        self.reasons.contains(&reason)
    }

    /// Whether the resolution is offered by this policy.
    pub fn offers_resolution(&self, resolution: ResolutionKind) -> bool {
        self.resolutions.contains(&resolution)
    }
}

#[cfg(test)]
mod tests;
