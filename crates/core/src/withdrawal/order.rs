//! What the shop knows about the order from its lookup, and which items can be withdrawn.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::policy::{ExcludedCategory, WithdrawalRules};

/// The order as the shop's lookup found it: when it was delivered and what it holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OrderFacts {
    /// The day the shopper took possession of the goods (of the last of them, for an
    /// order delivered in parts, Art. 9(2)(b) CRD); `None` while not delivered.
    pub delivered_on: Option<NaiveDate>,
    /// The order lines.
    pub items: Vec<OrderItem>,
}

/// One order line.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OrderItem {
    /// The line as the shopper sees it and the widget sends it back (name or article
    /// number); matched without regard to case or surrounding spaces.
    pub name: String,
    /// The Art. 16 category the shop puts the item in, if any. It only excludes the
    /// item when the shop's policy lists the category.
    pub category: Option<ExcludedCategory>,
}

/// Whether one item can be withdrawn from, and if not, why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "eligibility", content = "category")]
pub enum Eligibility {
    /// Covered by the right of withdrawal.
    Eligible,
    /// Of a category the shop excludes; the widget explains it by the category's code.
    Excluded(ExcludedCategory),
}

impl OrderItem {
    /// Whether this item can be withdrawn from under `rules`.
    ///
    /// ```
    /// use redress_core::policy::{ExcludedCategory, WithdrawalRules};
    /// use redress_core::withdrawal::{Eligibility, OrderItem};
    /// let rules = WithdrawalRules { excluded: vec![ExcludedCategory::MadeToMeasure], ..WithdrawalRules::default() };
    /// let suit = OrderItem { name: "Suit, tailored".into(), category: Some(ExcludedCategory::MadeToMeasure) };
    /// assert_eq!(suit.eligibility(&rules), Eligibility::Excluded(ExcludedCategory::MadeToMeasure));
    /// let cheese = OrderItem { name: "Gouda".into(), category: Some(ExcludedCategory::Perishable) };
    /// assert_eq!(cheese.eligibility(&rules), Eligibility::Eligible);
    /// ```
    pub fn eligibility(&self, rules: &WithdrawalRules) -> Eligibility {
        match self.category {
            Some(category) if rules.excludes(category) => Eligibility::Excluded(category),
            _ => Eligibility::Eligible,
        }
    }

    /// Whether `typed` names this line.
    pub(crate) fn is_named(&self, typed: &str) -> bool {
        self.name.trim().eq_ignore_ascii_case(typed.trim())
    }
}

impl OrderFacts {
    /// Each item of the order with its eligibility, in order: what the widget lists for
    /// the shopper to choose from.
    ///
    /// ```
    /// use redress_core::policy::{ComplaintPolicy, ExcludedCategory};
    /// use redress_core::withdrawal::{Eligibility, OrderFacts, OrderItem};
    /// let policy = ComplaintPolicy::from_json(r#"{"withdrawal": {"excluded": ["sealed_hygiene"]}}"#).unwrap();
    /// let order = OrderFacts {
    ///     delivered_on: None,
    ///     items: vec![
    ///         OrderItem { name: "Toothbrush".into(), category: Some(ExcludedCategory::SealedHygiene) },
    ///         OrderItem { name: "Towel".into(), category: None },
    ///     ],
    /// };
    /// let shown: Vec<_> = order.eligibility(&policy.withdrawal).map(|(item, e)| (item.name.as_str(), e)).collect();
    /// assert_eq!(shown, [
    ///     ("Toothbrush", Eligibility::Excluded(ExcludedCategory::SealedHygiene)),
    ///     ("Towel", Eligibility::Eligible),
    /// ]);
    /// ```
    pub fn eligibility<'a>(
        &'a self,
        rules: &'a WithdrawalRules,
    ) -> impl Iterator<Item = (&'a OrderItem, Eligibility)> + 'a {
        self.items
            .iter()
            .map(move |item| (item, item.eligibility(rules)))
    }
}
