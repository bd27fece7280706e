//! The trustmark's gate: which body a complaint about a listed (or unlisted) shop goes to,
//! and when a trustmark may take it. A trustmark takes complaints about its current members
//! only, and only once the shop had its chance: the shopper complained to the shop and the
//! wait (5 working days by default) has run out without a satisfying answer.

use chrono::NaiveDate;

use super::Member;
use crate::calendar::WorkingCalendar;

/// What the trustmark page tells the shopper.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrustmarkRoute {
    /// A current member, the shop had its chance: the trustmark takes the complaint.
    Trustmark,
    /// A current member, but the shopper has not complained to the shop yet: do that first.
    ShopFirst,
    /// A current member, the shop's time has not run out: the trustmark can take it from
    /// `opens_on`.
    TooEarly {
        /// The first day the trustmark takes the complaint.
        opens_on: NaiveDate,
    },
    /// Not a member, or no longer (`expired_on` names the last day): the consumer
    /// ombudsman.
    ConsumerOmbudsman {
        /// The last day of a lapsed membership; `None` for a shop never listed.
        expired_on: Option<NaiveDate>,
    },
    /// A travel member: the travel disputes committee.
    TravelDisputesCommittee,
    /// The shopper lives in another country than the shop: the European Consumer Centre.
    EuropeanConsumerCentre,
}

impl TrustmarkRoute {
    /// The stable code the page translates.
    pub fn code(&self) -> &'static str {
        match self {
            TrustmarkRoute::Trustmark => "trustmark_route.trustmark",
            TrustmarkRoute::ShopFirst => "trustmark_route.shop_first",
            TrustmarkRoute::TooEarly { .. } => "trustmark_route.too_early",
            TrustmarkRoute::ConsumerOmbudsman { .. } => "trustmark_route.consumer_ombudsman",
            TrustmarkRoute::TravelDisputesCommittee => "trustmark_route.travel",
            TrustmarkRoute::EuropeanConsumerCentre => "trustmark_route.ecc",
        }
    }
}

/// What the shopper told the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GateAnswers<'a> {
    /// The member the shopper picked from the verified registry, `None` when the shop is
    /// not listed.
    pub member: Option<&'a Member>,
    /// The day the shopper complained to the shop, `None` when they did not.
    pub complained_on: Option<NaiveDate>,
    /// The shopper lives in another country than the shop.
    pub cross_border: bool,
}

/// Routes a complaint on the trustmark's page. Cross-border goes to the European Consumer
/// Centre, a shop not (or no longer) listed to the consumer ombudsman, a travel member to
/// the travel disputes committee; a current member to the trustmark once `wait_days`
/// working days of `calendar` have passed since the complaint to the shop.
///
/// ```
/// use redress_core::calendar::WorkingCalendar;
/// use redress_core::country::Country;
/// use redress_core::trustmark::{GateAnswers, TrustmarkRoute, route_complaint};
/// let belgium = WorkingCalendar::for_country(Country::BE).unwrap();
/// let day = |d: &str| d.parse::<chrono::NaiveDate>().unwrap();
/// let stranger = GateAnswers { member: None, complained_on: Some(day("2026-11-02")), cross_border: false };
/// assert_eq!(
///     route_complaint(&stranger, day("2026-11-20"), &belgium, 5),
///     TrustmarkRoute::ConsumerOmbudsman { expired_on: None }
/// );
/// ```
pub fn route_complaint(
    answers: &GateAnswers<'_>,
    today: NaiveDate,
    calendar: &WorkingCalendar,
    wait_days: u16,
) -> TrustmarkRoute {
    if answers.cross_border {
        return TrustmarkRoute::EuropeanConsumerCentre;
    }
    let Some(member) = answers.member else {
        return TrustmarkRoute::ConsumerOmbudsman { expired_on: None };
    };
    if member.standing(today).is_err() {
        return TrustmarkRoute::ConsumerOmbudsman {
            expired_on: Some(member.valid_until()).filter(|&until| until < today),
        };
    }
    if member.is_travel() {
        return TrustmarkRoute::TravelDisputesCommittee;
    }
    let Some(complained_on) = answers.complained_on else {
        return TrustmarkRoute::ShopFirst;
    };
    let opens_on = calendar.add_working_days(complained_on, u32::from(wait_days));
    if today < opens_on {
        TrustmarkRoute::TooEarly { opens_on }
    } else {
        TrustmarkRoute::Trustmark
    }
}
