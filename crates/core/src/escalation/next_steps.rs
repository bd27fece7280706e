//! Which escalation routes are open for a complaint now, and when the others open.
//!
//! Two rules of timing, both from DOMAIN.md:
//! - the shop's **board** opens after an answer the shopper did not accept (a rejection, or
//!   a resolution that did not satisfy), or once a deadline of the shop has been missed;
//! - **outside bodies** open once the shop has had its chance: after an answer the shopper
//!   did not accept, or after `trustmark_wait_working_days` (default 5) working days since
//!   the complaint without an answer. Trustmarks state this rule; for the others (ADR,
//!   ombudsman, ECC, chargeback, court, which all ask that the trader was approached first)
//!   Redress applies the same reasonable wait.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::calendar::CalendarError;
use crate::country::Country;
use crate::lifecycle::{ComplaintState, DeadlineRules, DueStatus, Timeline};
use crate::policy::ComplaintPolicy;

use super::route::{Availability, EscalationOption, EscalationRoute, WhyNot};
use super::targets::{BodyUrl, EscalationTargets, NamedBody};

/// What kind of purchase the complaint is about; travel has its own disputes committee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProductCategory {
    /// Goods and services other than travel.
    #[default]
    General,
    /// Package travel, flights, stays.
    Travel,
}

/// The facts about one complaint that routing depends on, besides its timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EscalationContext {
    /// Where the shop is established.
    pub shop_country: Country,
    /// Where the shopper lives; different from the shop's: the complaint is cross-border.
    pub shopper_country: Country,
    /// Whether the purchase was travel.
    pub category: ProductCategory,
    /// The moment the routes are judged at.
    pub now: DateTime<Utc>,
}

impl EscalationContext {
    /// The context of a complaint against the shop whose policy this is.
    pub fn for_policy(
        policy: &ComplaintPolicy,
        shopper_country: Country,
        category: ProductCategory,
        now: DateTime<Utc>,
    ) -> EscalationContext {
        EscalationContext {
            shop_country: policy.shop.country,
            shopper_country,
            category,
            now,
        }
    }
}

/// [`next_steps`] with the targets, calendar, time zone and deadlines of the shop's policy.
/// Fails only for a shop country whose holidays are not modelled.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use redress_core::{country::Country, policy::ComplaintPolicy};
/// use redress_core::escalation::{next_steps_for_policy, EscalationRoute, ProductCategory};
/// use redress_core::lifecycle::{Actor, Timeline};
/// let policy = ComplaintPolicy::default();
/// let filed = Utc.with_ymd_and_hms(2026, 4, 24, 9, 0, 0).unwrap();
/// let timeline = Timeline::received(filed, Actor::Shopper).unwrap();
/// let options = next_steps_for_policy(&timeline, &policy, Country::DE, ProductCategory::General, filed).unwrap();
/// assert_eq!(options.len(), EscalationRoute::ALL.len());
/// ```
pub fn next_steps_for_policy(
    timeline: &Timeline,
    policy: &ComplaintPolicy,
    shopper_country: Country,
    category: ProductCategory,
    now: DateTime<Utc>,
) -> Result<Vec<EscalationOption>, CalendarError> {
    let rules = DeadlineRules::from_policy(policy)?;
    let context = EscalationContext::for_policy(policy, shopper_country, category, now);
    Ok(next_steps(timeline, &policy.escalation, &rules, &context))
}

/// Every escalation route, in [`EscalationRoute::ALL`] order, with whether it is open now,
/// the day it opens, or why it will not.
///
/// ```
/// use chrono::{NaiveDate, TimeZone, Utc};
/// use redress_core::{calendar::WorkingCalendar, country::Country, policy::Deadlines,
///     time_zone::ShopTimeZone};
/// use redress_core::escalation::{next_steps, Availability, EscalationContext,
///     EscalationRoute, EscalationTargets, ProductCategory, WhyNot};
/// use redress_core::lifecycle::{Actor, DeadlineRules, Timeline};
///
/// let rules = DeadlineRules::new(
///     WorkingCalendar::for_country(Country::NL).unwrap(),
///     ShopTimeZone::for_country(Country::NL),
///     Deadlines::default(),
/// );
/// let filed = Utc.with_ymd_and_hms(2026, 4, 24, 9, 0, 0).unwrap();
/// let timeline = Timeline::received(filed, Actor::Shopper).unwrap();
/// let context = EscalationContext {
///     shop_country: Country::NL,
///     shopper_country: Country::BE,
///     category: ProductCategory::General,
///     now: Utc.with_ymd_and_hms(2026, 4, 27, 12, 0, 0).unwrap(),
/// };
/// let options = next_steps(&timeline, &EscalationTargets::default(), &rules, &context);
/// let ecc = options.iter().find(|o| o.route() == EscalationRoute::EuropeanConsumerCentre).unwrap();
/// // Five working days after Friday 24 April (King's Day skipped) is Monday 4 May: open from 5 May.
/// assert_eq!(ecc.availability(), Availability::OpensOn { date: NaiveDate::from_ymd_opt(2026, 5, 5).unwrap() });
/// let trustmark = options.iter().find(|o| o.route() == EscalationRoute::Trustmark).unwrap();
/// assert_eq!(trustmark.availability(), Availability::Unavailable { why: WhyNot::NotAMember });
/// ```
pub fn next_steps(
    timeline: &Timeline,
    targets: &EscalationTargets,
    rules: &DeadlineRules,
    context: &EscalationContext,
) -> Vec<EscalationOption> {
    let outside = outside_timing(timeline, rules, context.now);
    EscalationRoute::ALL
        .into_iter()
        .map(|route| match route {
            EscalationRoute::Board => board(timeline, targets, rules, context.now),
            EscalationRoute::Trustmark => match &targets.trustmark {
                None => unavailable(route, WhyNot::NotAMember),
                Some(membership) => EscalationOption::new(route, outside)
                    .with_body(Some(&membership.name), membership.complaint_url.as_ref())
                    .with_member_id(&membership.member_id),
            },
            EscalationRoute::ConsumerOmbudsman if targets.trustmark.is_some() => {
                unavailable(route, WhyNot::TrustmarkMember)
            }
            EscalationRoute::ConsumerOmbudsman => {
                named_body(route, targets.consumer_ombudsman.as_ref(), context, outside)
            }
            EscalationRoute::AdrBody => {
                named_body(route, targets.adr_body.as_ref(), context, outside)
            }
            EscalationRoute::TravelDisputesCommittee
                if context.category != ProductCategory::Travel =>
            {
                unavailable(route, WhyNot::NotTravel)
            }
            EscalationRoute::TravelDisputesCommittee => named_body(
                route,
                targets.travel_disputes_committee.as_ref(),
                context,
                outside,
            ),
            EscalationRoute::EuropeanConsumerCentre => consumer_centre(targets, context, outside),
            EscalationRoute::Chargeback => switched(route, targets.chargeback, outside),
            EscalationRoute::SmallClaimsCourt => {
                switched(route, targets.small_claims_court, outside)
            }
        })
        .collect()
}

fn unavailable(route: EscalationRoute, why: WhyNot) -> EscalationOption {
    EscalationOption::new(route, Availability::Unavailable { why })
}

/// When the bodies outside the shop open: see the module documentation.
fn outside_timing(timeline: &Timeline, rules: &DeadlineRules, now: DateTime<Utc>) -> Availability {
    let state = timeline.state();
    if state.is_closed() {
        return Availability::Unavailable {
            why: WhyNot::Closed,
        };
    }
    let answered = timeline.first_answer_at().is_some() || state == ComplaintState::BoardAnswered;
    if answered {
        return Availability::OpenNow;
    }
    let waited_until = rules.working_days_after(
        timeline.received_at(),
        rules.deadlines().trustmark_wait_working_days,
    );
    opens_after(rules, waited_until, now)
}

/// Open from the first instant after the end of `day`, else from the next day on.
fn opens_after(rules: &DeadlineRules, day: NaiveDate, now: DateTime<Utc>) -> Availability {
    if now >= rules.late_from(day) {
        Availability::OpenNow
    } else {
        match day.succ_opt() {
            Some(date) => Availability::OpensOn { date },
            None => Availability::Unavailable {
                why: WhyNot::NotOffered,
            },
        }
    }
}

fn board(
    timeline: &Timeline,
    targets: &EscalationTargets,
    rules: &DeadlineRules,
    now: DateTime<Utc>,
) -> EscalationOption {
    let route = EscalationRoute::Board;
    let state = timeline.state();
    if state.is_closed() {
        return unavailable(route, WhyNot::Closed);
    }
    if !targets.board {
        return unavailable(route, WhyNot::NotOffered);
    }
    match state {
        ComplaintState::EscalatedToBoard => unavailable(route, WhyNot::AlreadyEscalated),
        ComplaintState::BoardAnswered => unavailable(route, WhyNot::BoardHasAnswered),
        ComplaintState::Resolved | ComplaintState::Rejected => {
            EscalationOption::new(route, Availability::OpenNow)
        }
        _ => {
            // Still waiting for the shop: the board opens when the first pending deadline
            // is missed.
            let steps = timeline.due_steps(rules, now);
            if steps.iter().any(|step| step.is_overdue()) {
                return EscalationOption::new(route, Availability::OpenNow);
            }
            let first_due = steps
                .iter()
                .filter(|step| step.status() == DueStatus::Open)
                .map(|step| step.due_on())
                .min();
            match first_due {
                Some(day) => EscalationOption::new(route, opens_after(rules, day, now)),
                None => unavailable(route, WhyNot::NotOffered),
            }
        }
    }
}

fn named_body(
    route: EscalationRoute,
    body: Option<&NamedBody>,
    context: &EscalationContext,
    timing: Availability,
) -> EscalationOption {
    match body {
        None => unavailable(route, WhyNot::NotOffered),
        Some(body) if !body.serves(context.shop_country) => {
            unavailable(route, WhyNot::OtherCountry)
        }
        Some(body) => {
            EscalationOption::new(route, timing).with_body(Some(&body.name), body.url.as_ref())
        }
    }
}

fn switched(route: EscalationRoute, offered: bool, timing: Availability) -> EscalationOption {
    if offered {
        EscalationOption::new(route, timing)
    } else {
        unavailable(route, WhyNot::NotOffered)
    }
}

fn consumer_centre(
    targets: &EscalationTargets,
    context: &EscalationContext,
    timing: Availability,
) -> EscalationOption {
    let route = EscalationRoute::EuropeanConsumerCentre;
    if !targets.european_consumer_centres {
        return unavailable(route, WhyNot::NotOffered);
    }
    if context.shopper_country == context.shop_country {
        return unavailable(route, WhyNot::NotCrossBorder);
    }
    if !has_consumer_centre(context.shopper_country) {
        return unavailable(route, WhyNot::NoConsumerCentre);
    }
    let url = consumer_centre_url(context.shopper_country);
    EscalationOption::new(route, timing)
        .with_body(None, Some(&url))
        .with_country(context.shopper_country)
}

/// ECC-Net has a centre in every EU country, Iceland and Norway; the United Kingdom left
/// it in 2021 and Switzerland and Liechtenstein are not part of it.
fn has_consumer_centre(country: Country) -> bool {
    country.is_eu_member() || matches!(country, Country::IS | Country::NO)
}

/// The centre's own site where Redress knows it, else the network's directory, which
/// lists every centre.
fn consumer_centre_url(country: Country) -> BodyUrl {
    BodyUrl::from_known(match country {
        Country::NL => "https://www.eccnederland.nl",
        Country::BE => "https://www.eccbelgie.be",
        Country::DE => "https://www.evz.de",
        Country::FR => "https://www.europe-consommateurs.eu",
        _ => {
            "https://commission.europa.eu/live-work-travel-eu/consumer-rights-and-complaints/resolve-your-consumer-complaint/european-consumer-centres-network-ecc-net_en"
        }
    })
}
