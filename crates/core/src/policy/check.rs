//! The rules a well-formed policy must also follow to be usable.

use super::shop::is_language_tag;
use super::{ComplaintPolicy, PolicyError, REFUND_DAYS};
use crate::domain::ComplaintReason;

/// The longest description a policy may allow: beyond it a complaint is a document, and
/// the server's request limit would refuse it anyway.
pub const MAX_DESCRIPTION_CHARS: u32 = 20_000;

/// The EU right of withdrawal for distance purchases, in calendar days.
pub(crate) const WITHDRAWAL_DAYS: u32 = 14;

/// The EU legal guarantee (Directive 2019/771), in months.
const GUARANTEE_MONTHS: u32 = 24;

/// The longest shop name, in characters.
const MAX_SHOP_NAME_CHARS: usize = 200;

impl ComplaintPolicy {
    /// Checks the rules JSON's shape cannot express: at least one reason and resolution,
    /// no duplicates, minimums not above maximums, non-zero limits and deadlines. Returns
    /// the first broken rule.
    pub fn check(&self) -> Result<(), PolicyError> {
        self.check_shop()?;
        check_list("reasons", &self.reasons)?;
        check_list("resolutions", &self.resolutions)?;
        self.check_description()?;
        self.check_evidence()?;
        self.check_windows()?;
        self.check_withdrawal()?;
        self.check_deadlines()
    }

    fn check_withdrawal(&self) -> Result<(), PolicyError> {
        let rules = &self.withdrawal;
        if rules.enabled && self.windows.return_or_withdrawal.is_none() {
            return Err(PolicyError::rule(
                "windows.return_or_withdrawal",
                "must be set while withdrawal.enabled is true: it is the withdrawal period",
            ));
        }
        if !(1..=REFUND_DAYS).contains(&rules.refund_days) {
            return Err(PolicyError::rule(
                "withdrawal.refund_days",
                format!("must be 1 to {REFUND_DAYS} (the EU refund deadline)"),
            ));
        }
        check_duplicates("withdrawal.excluded", &rules.excluded)
    }

    fn check_shop(&self) -> Result<(), PolicyError> {
        let name = self.shop.name.trim();
        if name.is_empty() {
            return Err(PolicyError::rule("shop.name", "must not be empty"));
        }
        if name.chars().count() > MAX_SHOP_NAME_CHARS || name.chars().any(char::is_control) {
            return Err(PolicyError::rule(
                "shop.name",
                "must be at most 200 characters without control characters",
            ));
        }
        if self.shop.languages.is_empty() {
            return Err(PolicyError::rule(
                "shop.languages",
                "must name at least one language",
            ));
        }
        for (i, tag) in self.shop.languages.iter().enumerate() {
            if !is_language_tag(tag) {
                return Err(PolicyError::rule(
                    format!("shop.languages[{i}]"),
                    "must be a BCP 47 language tag such as \"nl\" or \"nl-BE\"",
                ));
            }
        }
        check_duplicates("shop.languages", &self.shop.languages)
    }

    fn check_description(&self) -> Result<(), PolicyError> {
        let rules = self.description;
        if rules.max_chars == 0 {
            return Err(PolicyError::rule("description.max_chars", "must be > 0"));
        }
        if rules.max_chars > MAX_DESCRIPTION_CHARS {
            return Err(PolicyError::rule(
                "description.max_chars",
                format!("must be <= {MAX_DESCRIPTION_CHARS}"),
            ));
        }
        if rules.min_chars > rules.max_chars {
            return Err(PolicyError::rule(
                "description.min_chars",
                "must be <= description.max_chars",
            ));
        }
        Ok(())
    }

    fn check_evidence(&self) -> Result<(), PolicyError> {
        let rules = &self.evidence;
        if rules.max_file_bytes == 0 {
            return Err(PolicyError::rule("evidence.max_file_bytes", "must be > 0"));
        }
        if rules.max_total_bytes < rules.max_file_bytes {
            return Err(PolicyError::rule(
                "evidence.max_total_bytes",
                "must be >= evidence.max_file_bytes",
            ));
        }
        check_duplicates("evidence.accepted", &rules.accepted)?;
        if self.required.evidence {
            if rules.max_count == 0 {
                return Err(PolicyError::rule(
                    "evidence.max_count",
                    "must be > 0 when required.evidence is true",
                ));
            }
            if rules.accepted.is_empty() {
                return Err(PolicyError::rule(
                    "evidence.accepted",
                    "must name a type when required.evidence is true",
                ));
            }
        }
        Ok(())
    }

    fn check_windows(&self) -> Result<(), PolicyError> {
        for reason in ComplaintReason::ALL {
            if self.windows.get(reason).is_some_and(|w| w.is_empty()) {
                return Err(PolicyError::rule(
                    format!("windows.{}", reason.code()),
                    "must be > 0",
                ));
            }
        }
        // The law sets floors a shop may exceed but not undercut.
        if let Some(w) = self.windows.return_or_withdrawal
            && !w.at_least_days(WITHDRAWAL_DAYS)
        {
            return Err(PolicyError::rule(
                "windows.return_or_withdrawal",
                "must be at least 14 days (the EU right of withdrawal)",
            ));
        }
        if let Some(w) = self.windows.defective_or_damaged
            && !w.at_least_months(GUARANTEE_MONTHS)
        {
            return Err(PolicyError::rule(
                "windows.defective_or_damaged",
                "must be at least 24 months (the EU legal guarantee)",
            ));
        }
        Ok(())
    }

    fn check_deadlines(&self) -> Result<(), PolicyError> {
        let d = self.deadlines;
        let all = [
            ("acknowledge_working_days", d.acknowledge_working_days),
            ("assign_working_days", d.assign_working_days),
            ("resolve_working_days", d.resolve_working_days),
            ("board_answer_working_days", d.board_answer_working_days),
            ("trustmark_wait_working_days", d.trustmark_wait_working_days),
            (
                "trustmark_handling_working_days",
                d.trustmark_handling_working_days,
            ),
        ];
        for (name, days) in all {
            if days == 0 {
                return Err(PolicyError::rule(
                    format!("deadlines.{name}"),
                    "must be > 0",
                ));
            }
        }
        if d.assign_working_days < d.acknowledge_working_days {
            return Err(PolicyError::rule(
                "deadlines.assign_working_days",
                "must be >= deadlines.acknowledge_working_days",
            ));
        }
        if d.resolve_working_days < d.assign_working_days {
            return Err(PolicyError::rule(
                "deadlines.resolve_working_days",
                "must be >= deadlines.assign_working_days",
            ));
        }
        Ok(())
    }
}

fn check_list<T: PartialEq>(path: &str, items: &[T]) -> Result<(), PolicyError> {
    if items.is_empty() {
        return Err(PolicyError::rule(path, "must offer at least one"));
    }
    check_duplicates(path, items)
}

fn check_duplicates<T: PartialEq>(path: &str, items: &[T]) -> Result<(), PolicyError> {
    for (i, item) in items.iter().enumerate() {
        if items[..i].contains(item) {
            return Err(PolicyError::rule(format!("{path}[{i}]"), "is listed twice"));
        }
    }
    Ok(())
}
