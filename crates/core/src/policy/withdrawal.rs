//! The shop's settings for the EU right of withdrawal (Art. 9 to 16 and 11a of the
//! Consumer Rights Directive): whether the widget offers the withdrawal function, how
//! fast the shop refunds, and which item categories the law lets it exclude.
//!
//! The withdrawal **period** is not set here: it is `windows.return_or_withdrawal`, the
//! window the complaint form already judges a return by, so the two can never disagree.

use serde::{Deserialize, Serialize};

/// The latest refund the law allows, in calendar days from the day the withdrawal was
/// received (Art. 13(1) CRD). A shop may refund faster, never slower.
pub const REFUND_DAYS: u32 = 14;

/// The withdrawal section of a policy.
///
/// ```
/// use redress_core::policy::{ComplaintPolicy, ExcludedCategory};
/// let policy = ComplaintPolicy::from_json(
///     r#"{"withdrawal": {"excluded": ["made_to_measure", "sealed_hygiene"]}}"#,
/// ).unwrap();
/// assert!(policy.withdrawal.enabled);
/// assert_eq!(policy.withdrawal.refund_days, 14);
/// assert!(policy.withdrawal.excludes(ExcludedCategory::SealedHygiene));
/// assert!(!policy.withdrawal.excludes(ExcludedCategory::Perishable));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WithdrawalRules {
    /// Whether the widget offers the "withdraw from contract here" function. The law
    /// requires it of every EU online shop, so it is on unless the shop offers the
    /// function elsewhere.
    pub enabled: bool,
    /// Calendar days from the withdrawal's receipt to the refund; 1 to 14.
    pub refund_days: u32,
    /// The categories of Art. 16 CRD this shop excludes from withdrawal. Empty by
    /// default: an exception only holds when the shop told the shopper about it, so no
    /// shop loses a shopper's right by a default.
    pub excluded: Vec<ExcludedCategory>,
}

impl Default for WithdrawalRules {
    fn default() -> Self {
        WithdrawalRules {
            enabled: true,
            refund_days: REFUND_DAYS,
            excluded: Vec::new(),
        }
    }
}

impl WithdrawalRules {
    /// Whether items of `category` cannot be withdrawn from under this policy.
    pub fn excludes(&self, category: ExcludedCategory) -> bool {
        self.excluded.contains(&category)
    }
}

/// A category of goods or services the right of withdrawal does not cover (Art. 16
/// CRD), with a stable snake_case code the widget translates into its explanation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExcludedCategory {
    /// (a) A service fully performed with the shopper's prior consent.
    ServiceFullyPerformed,
    /// (b) Goods whose price follows the financial market.
    PriceFluctuation,
    /// (c) Made to the shopper's specifications or clearly personalised.
    MadeToMeasure,
    /// (d) Liable to deteriorate or expire rapidly.
    Perishable,
    /// (e) Sealed for health or hygiene reasons and unsealed after delivery.
    SealedHygiene,
    /// (f) Inseparably mixed with other items after delivery.
    InseparablyMixed,
    /// (g) Alcoholic beverages priced at the contract, delivered after 30 days.
    AlcoholicBeverages,
    /// (h) Urgent repairs or maintenance the shopper asked for at home.
    UrgentRepairs,
    /// (i) Sealed audio, video or software unsealed after delivery.
    SealedMedia,
    /// (j) A newspaper, periodical or magazine, except subscriptions.
    Periodical,
    /// (k) Bought at a public auction.
    PublicAuction,
    /// (l) Accommodation, transport, car rental, catering or leisure on a set date.
    DatedLeisure,
    /// (m) Digital content not on a tangible medium, begun with the shopper's consent.
    DigitalContentStarted,
}

impl ExcludedCategory {
    /// Every category, in the order of Art. 16 CRD.
    pub const ALL: [ExcludedCategory; 13] = [
        ExcludedCategory::ServiceFullyPerformed,
        ExcludedCategory::PriceFluctuation,
        ExcludedCategory::MadeToMeasure,
        ExcludedCategory::Perishable,
        ExcludedCategory::SealedHygiene,
        ExcludedCategory::InseparablyMixed,
        ExcludedCategory::AlcoholicBeverages,
        ExcludedCategory::UrgentRepairs,
        ExcludedCategory::SealedMedia,
        ExcludedCategory::Periodical,
        ExcludedCategory::PublicAuction,
        ExcludedCategory::DatedLeisure,
        ExcludedCategory::DigitalContentStarted,
    ];

    /// The stable code, e.g. `"made_to_measure"`.
    ///
    /// ```
    /// use redress_core::policy::ExcludedCategory;
    /// assert_eq!(ExcludedCategory::SealedHygiene.code(), "sealed_hygiene");
    /// assert_eq!(ExcludedCategory::parse_code("perishable"), Some(ExcludedCategory::Perishable));
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            ExcludedCategory::ServiceFullyPerformed => "service_fully_performed",
            ExcludedCategory::PriceFluctuation => "price_fluctuation",
            ExcludedCategory::MadeToMeasure => "made_to_measure",
            ExcludedCategory::Perishable => "perishable",
            ExcludedCategory::SealedHygiene => "sealed_hygiene",
            ExcludedCategory::InseparablyMixed => "inseparably_mixed",
            ExcludedCategory::AlcoholicBeverages => "alcoholic_beverages",
            ExcludedCategory::UrgentRepairs => "urgent_repairs",
            ExcludedCategory::SealedMedia => "sealed_media",
            ExcludedCategory::Periodical => "periodical",
            ExcludedCategory::PublicAuction => "public_auction",
            ExcludedCategory::DatedLeisure => "dated_leisure",
            ExcludedCategory::DigitalContentStarted => "digital_content_started",
        }
    }

    /// The category for a code, if Redress knows it.
    pub fn parse_code(code: &str) -> Option<ExcludedCategory> {
        ExcludedCategory::ALL.into_iter().find(|c| c.code() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn category_codes_are_what_serde_writes_and_all_differ() {
        for category in ExcludedCategory::ALL {
            let json = serde_json::to_string(&category).unwrap();
            assert_eq!(json, format!("\"{}\"", category.code()));
            assert_eq!(
                ExcludedCategory::parse_code(category.code()),
                Some(category)
            );
        }
        assert_eq!(ExcludedCategory::parse_code("fragile"), None);
    }
}
