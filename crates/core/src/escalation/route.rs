//! The routes out of the shop's own procedure, and what the tracker shows for each.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::country::Country;

use super::targets::{BodyName, BodyUrl, MemberId};

/// A body outside the shop a complaint can be referred to; recorded in the timeline by
/// [`LifecycleEvent::ReferredExternally`](crate::lifecycle::LifecycleEvent::ReferredExternally).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExternalBody {
    /// The trustmark the shop is a member of.
    Trustmark,
    /// The consumer ombudsman (BE: Consumentenombudsdienst).
    ConsumerOmbudsman,
    /// The ADR body the shop is affiliated with.
    AdrBody,
    /// The disputes committee for travel (NL: Geschillencommissie Reizen).
    TravelDisputesCommittee,
    /// The European Consumer Centre of the shopper's country (ECC-Net).
    EuropeanConsumerCentre,
    /// The payment provider, for a chargeback.
    PaymentProvider,
    /// The small-claims court.
    SmallClaimsCourt,
}

/// A route the tracker can show, with a stable code for translation.
///
/// ```
/// use redress_core::escalation::{EscalationRoute, ExternalBody};
/// assert_eq!(EscalationRoute::Board.code(), "escalation.board");
/// assert_eq!(EscalationRoute::from(ExternalBody::PaymentProvider).code(), "escalation.chargeback");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EscalationRoute {
    /// The shop's own board (or customer-service manager).
    Board,
    /// The shop's trustmark.
    Trustmark,
    /// The consumer ombudsman.
    ConsumerOmbudsman,
    /// The shop's ADR body.
    AdrBody,
    /// The travel disputes committee.
    TravelDisputesCommittee,
    /// The European Consumer Centre of the shopper's country.
    EuropeanConsumerCentre,
    /// A chargeback through the payment provider.
    Chargeback,
    /// The small-claims court.
    SmallClaimsCourt,
}

impl EscalationRoute {
    /// Every route, in the order the tracker lists them: inside the shop first, the court
    /// last.
    pub const ALL: [EscalationRoute; 8] = [
        EscalationRoute::Board,
        EscalationRoute::Trustmark,
        EscalationRoute::ConsumerOmbudsman,
        EscalationRoute::AdrBody,
        EscalationRoute::TravelDisputesCommittee,
        EscalationRoute::EuropeanConsumerCentre,
        EscalationRoute::Chargeback,
        EscalationRoute::SmallClaimsCourt,
    ];

    /// The stable code the tracker translates.
    pub fn code(self) -> &'static str {
        match self {
            EscalationRoute::Board => "escalation.board",
            EscalationRoute::Trustmark => "escalation.trustmark",
            EscalationRoute::ConsumerOmbudsman => "escalation.consumer_ombudsman",
            EscalationRoute::AdrBody => "escalation.adr_body",
            EscalationRoute::TravelDisputesCommittee => "escalation.travel_disputes_committee",
            EscalationRoute::EuropeanConsumerCentre => "escalation.european_consumer_centre",
            EscalationRoute::Chargeback => "escalation.chargeback",
            EscalationRoute::SmallClaimsCourt => "escalation.small_claims_court",
        }
    }

    /// The external body the route leads to; `None` for the shop's own board.
    pub fn external_body(self) -> Option<ExternalBody> {
        match self {
            EscalationRoute::Board => None,
            EscalationRoute::Trustmark => Some(ExternalBody::Trustmark),
            EscalationRoute::ConsumerOmbudsman => Some(ExternalBody::ConsumerOmbudsman),
            EscalationRoute::AdrBody => Some(ExternalBody::AdrBody),
            EscalationRoute::TravelDisputesCommittee => Some(ExternalBody::TravelDisputesCommittee),
            EscalationRoute::EuropeanConsumerCentre => Some(ExternalBody::EuropeanConsumerCentre),
            EscalationRoute::Chargeback => Some(ExternalBody::PaymentProvider),
            EscalationRoute::SmallClaimsCourt => Some(ExternalBody::SmallClaimsCourt),
        }
    }
}

impl From<ExternalBody> for EscalationRoute {
    fn from(body: ExternalBody) -> Self {
        match body {
            ExternalBody::Trustmark => EscalationRoute::Trustmark,
            ExternalBody::ConsumerOmbudsman => EscalationRoute::ConsumerOmbudsman,
            ExternalBody::AdrBody => EscalationRoute::AdrBody,
            ExternalBody::TravelDisputesCommittee => EscalationRoute::TravelDisputesCommittee,
            ExternalBody::EuropeanConsumerCentre => EscalationRoute::EuropeanConsumerCentre,
            ExternalBody::PaymentProvider => EscalationRoute::Chargeback,
            ExternalBody::SmallClaimsCourt => EscalationRoute::SmallClaimsCourt,
        }
    }
}

/// Why a route is not open and will not open by waiting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WhyNot {
    /// The complaint is closed (accepted, referred outside or withdrawn).
    Closed,
    /// The shop's policy has no board, or has switched this route off.
    NotOffered,
    /// The complaint is with the board already.
    AlreadyEscalated,
    /// The board has answered; the shop's procedure is exhausted.
    BoardHasAnswered,
    /// A trustmark handles complaints about its members only, and the shop is not one.
    NotAMember,
    /// The shop carries a trustmark: the trustmark, not the ombudsman, mediates.
    TrustmarkMember,
    /// The body does not handle complaints against shops in the shop's country.
    OtherCountry,
    /// The purchase was not travel.
    NotTravel,
    /// Shopper and shop are in the same country.
    NotCrossBorder,
    /// The shopper's country has no European Consumer Centre.
    NoConsumerCentre,
}

impl WhyNot {
    /// The stable code the tracker translates, e.g. `escalation.why_not.not_a_member`.
    pub fn code(self) -> &'static str {
        match self {
            WhyNot::Closed => "escalation.why_not.closed",
            WhyNot::NotOffered => "escalation.why_not.not_offered",
            WhyNot::AlreadyEscalated => "escalation.why_not.already_escalated",
            WhyNot::BoardHasAnswered => "escalation.why_not.board_has_answered",
            WhyNot::NotAMember => "escalation.why_not.not_a_member",
            WhyNot::TrustmarkMember => "escalation.why_not.trustmark_member",
            WhyNot::OtherCountry => "escalation.why_not.other_country",
            WhyNot::NotTravel => "escalation.why_not.not_travel",
            WhyNot::NotCrossBorder => "escalation.why_not.not_cross_border",
            WhyNot::NoConsumerCentre => "escalation.why_not.no_consumer_centre",
        }
    }
}

/// Whether the shopper can take a route, now or later. On the wire it carries a `status`
/// tag:
///
/// ```
/// use chrono::NaiveDate;
/// use redress_core::escalation::{Availability, WhyNot};
/// let opens = Availability::OpensOn { date: NaiveDate::from_ymd_opt(2026, 5, 5).unwrap() };
/// assert_eq!(serde_json::to_string(&opens).unwrap(), r#"{"status":"opens_on","date":"2026-05-05"}"#);
/// let closed = Availability::Unavailable { why: WhyNot::NotAMember };
/// assert_eq!(serde_json::to_string(&closed).unwrap(), r#"{"status":"unavailable","why":"not_a_member"}"#);
/// assert_eq!(WhyNot::NotAMember.code(), "escalation.why_not.not_a_member");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Availability {
    /// The shopper can take it now.
    OpenNow,
    /// It opens on this day (in the shop's time zone) unless the shop answers first.
    OpensOn {
        /// The first day it is open.
        date: NaiveDate,
    },
    /// It is not open and waiting will not open it.
    Unavailable {
        /// Why not.
        why: WhyNot,
    },
}

/// One route as the tracker shows it: whether it is open, and whom to contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EscalationOption {
    route: EscalationRoute,
    availability: Availability,
    name: Option<BodyName>,
    url: Option<BodyUrl>,
    member_id: Option<MemberId>,
    country: Option<Country>,
}

impl EscalationOption {
    pub(crate) fn new(route: EscalationRoute, availability: Availability) -> Self {
        EscalationOption {
            route,
            availability,
            name: None,
            url: None,
            member_id: None,
            country: None,
        }
    }

    pub(crate) fn with_body(
        mut self,
        name: Option<&BodyName>,
        url: Option<&BodyUrl>,
    ) -> EscalationOption {
        self.name = name.cloned();
        self.url = url.cloned();
        self
    }

    pub(crate) fn with_member_id(mut self, member_id: &MemberId) -> EscalationOption {
        self.member_id = Some(member_id.clone());
        self
    }

    pub(crate) fn with_country(mut self, country: Country) -> EscalationOption {
        self.country = Some(country);
        self
    }

    /// Which route.
    pub fn route(&self) -> EscalationRoute {
        self.route
    }

    /// The route's stable code, e.g. `escalation.trustmark`.
    pub fn code(&self) -> &'static str {
        self.route.code()
    }

    /// Whether and when the shopper can take it.
    pub fn availability(&self) -> Availability {
        self.availability
    }

    /// Whether the shopper can take it now.
    pub fn is_open(&self) -> bool {
        self.availability == Availability::OpenNow
    }

    /// The body's name, where the policy names one.
    pub fn name(&self) -> Option<&BodyName> {
        self.name.as_ref()
    }

    /// The body's complaint page.
    pub fn url(&self) -> Option<&BodyUrl> {
        self.url.as_ref()
    }

    /// The shop's member number with the trustmark.
    pub fn member_id(&self) -> Option<&MemberId> {
        self.member_id.as_ref()
    }

    /// For the European Consumer Centre: the shopper's country, whose centre to contact.
    pub fn country(&self) -> Option<Country> {
        self.country
    }
}
