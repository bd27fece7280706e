//! The validated complaint: what the server stores and the lifecycle starts from.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::country::Country;
use crate::domain::{
    ComplaintReason, Contact, Description, EvidenceFile, Money, OrderNumber, PostCode,
    ResolutionKind,
};
use crate::escalation::ProductCategory;

/// The resolution the shopper asks for; compensation always carries its amount, and
/// nothing else does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "DesiredResolutionParts")]
pub struct DesiredResolution {
    kind: ResolutionKind,
    amount: Option<Money>,
}

impl DesiredResolution {
    /// A resolution without an amount; `None` for [`ResolutionKind::Compensation`],
    /// which needs [`DesiredResolution::compensation`].
    pub fn new(kind: ResolutionKind) -> Option<DesiredResolution> {
        (!kind.needs_amount()).then_some(DesiredResolution { kind, amount: None })
    }

    /// A partial refund or compensation of `amount`.
    pub fn compensation(amount: Money) -> DesiredResolution {
        DesiredResolution {
            kind: ResolutionKind::Compensation,
            amount: Some(amount),
        }
    }

    /// What the shopper asks for.
    pub fn kind(&self) -> ResolutionKind {
        self.kind
    }

    /// The amount asked, for compensation only.
    pub fn amount(&self) -> Option<Money> {
        self.amount
    }
}

/// The serialized form, checked again on the way in.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DesiredResolutionParts {
    kind: ResolutionKind,
    amount: Option<Money>,
}

impl TryFrom<DesiredResolutionParts> for DesiredResolution {
    type Error = &'static str;
    fn try_from(parts: DesiredResolutionParts) -> Result<Self, Self::Error> {
        match (parts.kind, parts.amount) {
            (ResolutionKind::Compensation, Some(amount)) => {
                Ok(DesiredResolution::compensation(amount))
            }
            (kind, None) => {
                DesiredResolution::new(kind).ok_or("resolution: compensation needs an amount")
            }
            (_, Some(_)) => Err("resolution: only compensation carries an amount"),
        }
    }
}

/// A complaint that passed every rule of the policy it was validated against. Only
/// [`crate::draft::validate`] builds one. Deserializing (for the server's storage)
/// re-checks each field's own rules, not the policy's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Complaint {
    pub(super) order_number: Option<OrderNumber>,
    pub(super) contact: Contact,
    pub(super) post_code: Option<PostCode>,
    pub(super) reason: ComplaintReason,
    pub(super) items: Vec<String>,
    pub(super) order_date: Option<NaiveDate>,
    pub(super) delivery_date: Option<NaiveDate>,
    pub(super) incident_date: Option<NaiveDate>,
    pub(super) description: Option<Description>,
    pub(super) resolution: DesiredResolution,
    pub(super) evidence: Vec<EvidenceFile>,
    pub(super) shopper_country: Country,
    // Complaints stored before the category existed read back as general.
    #[serde(default)]
    pub(super) category: ProductCategory,
}

impl Complaint {
    /// The order number (also the complaint's reference); absent only when the policy
    /// does not require one.
    pub fn order_number(&self) -> Option<&OrderNumber> {
        self.order_number.as_ref()
    }

    /// How to reach the shopper.
    pub fn contact(&self) -> &Contact {
        &self.contact
    }

    /// The delivery postcode, when given for the order lookup.
    pub fn post_code(&self) -> Option<&PostCode> {
        self.post_code.as_ref()
    }

    /// Why the shopper complains.
    pub fn reason(&self) -> ComplaintReason {
        self.reason
    }

    /// The order lines concerned, as the shopper named them (trimmed, non-empty).
    pub fn items(&self) -> &[String] {
        &self.items
    }

    /// When the order was placed.
    pub fn order_date(&self) -> Option<NaiveDate> {
        self.order_date
    }

    /// When the order was delivered; complaint windows run from it.
    pub fn delivery_date(&self) -> Option<NaiveDate> {
        self.delivery_date
    }

    /// When the problem occurred.
    pub fn incident_date(&self) -> Option<NaiveDate> {
        self.incident_date
    }

    /// What went wrong, in the shopper's words.
    pub fn description(&self) -> Option<&Description> {
        self.description.as_ref()
    }

    /// What the shopper asks for.
    pub fn resolution(&self) -> DesiredResolution {
        self.resolution
    }

    /// The evidence files' metadata.
    pub fn evidence(&self) -> &[EvidenceFile] {
        &self.evidence
    }

    /// Where the shopper lives: as given, or the shop's country when the draft left it
    /// empty. Differing from the shop's country makes the complaint cross-border.
    pub fn shopper_country(&self) -> Country {
        self.shopper_country
    }

    /// What kind of purchase the complaint is about; decides the travel committee route.
    pub fn category(&self) -> ProductCategory {
        self.category
    }
}
