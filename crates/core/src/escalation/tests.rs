//! Routing rules, on complaints filed Friday 24 April 2026.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

use super::*;
use crate::calendar::WorkingCalendar;
use crate::country::Country;
use crate::lifecycle::{Actor, DeadlineRules, LifecycleEvent, Statement, Timeline, TimelineEntry};
use crate::policy::Deadlines;
use crate::time_zone::ShopTimeZone;

fn rules(country: Country) -> DeadlineRules {
    DeadlineRules::new(
        WorkingCalendar::for_country(country).unwrap(),
        ShopTimeZone::for_country(country),
        Deadlines::default(),
    )
}

fn utc(month: u32, day: u32, hour: u32, minute: u32, second: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, month, day, hour, minute, second)
        .unwrap()
}

fn date(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, month, day).unwrap()
}

fn filed_friday() -> Timeline {
    Timeline::received(utc(4, 24, 9, 0, 0), Actor::Shopper).unwrap()
}

fn rejected_on_monday() -> Timeline {
    let mut timeline = filed_friday();
    timeline
        .append(TimelineEntry::new(
            utc(4, 27, 9, 0, 0),
            Actor::Shop,
            LifecycleEvent::Rejected {
                reasons: Statement::parse("Outside the guarantee.").unwrap(),
            },
        ))
        .unwrap();
    timeline
}

fn becom_member() -> EscalationTargets {
    EscalationTargets {
        trustmark: Some(TrustmarkMembership {
            name: BodyName::parse("Becom").unwrap(),
            member_id: MemberId::parse("B-2231").unwrap(),
            kind: TrustmarkKind::Becom,
            complaint_url: Some(BodyUrl::parse("https://www.becom.be").unwrap()),
        }),
        ..EscalationTargets::default()
    }
}

fn context(shop: Country, shopper: Country, now: DateTime<Utc>) -> EscalationContext {
    EscalationContext {
        shop_country: shop,
        shopper_country: shopper,
        category: ProductCategory::General,
        now,
    }
}

fn option(
    timeline: &Timeline,
    targets: &EscalationTargets,
    context: &EscalationContext,
    route: EscalationRoute,
) -> EscalationOption {
    let rules = rules(context.shop_country);
    next_steps(timeline, targets, &rules, context)
        .into_iter()
        .find(|option| option.route() == route)
        .unwrap()
}

fn why(why: WhyNot) -> Availability {
    Availability::Unavailable { why }
}

#[test]
fn a_member_shops_trustmark_shows_the_day_it_opens_while_the_shopper_must_still_wait() {
    // Belgium: 1 May is Labour Day, so five working days after Friday 24 April end on
    // Monday 4 May; the trustmark opens on Tuesday 5 May.
    let early = context(Country::BE, Country::BE, utc(4, 30, 12, 0, 0));
    let trustmark = option(
        &filed_friday(),
        &becom_member(),
        &early,
        EscalationRoute::Trustmark,
    );
    assert_eq!(
        trustmark.availability(),
        Availability::OpensOn { date: date(5, 5) }
    );
    assert_eq!(trustmark.name().unwrap().as_ref(), "Becom");
    assert_eq!(trustmark.member_id().unwrap().as_ref(), "B-2231");
    assert_eq!(trustmark.code(), "escalation.trustmark");
    // Brussels is at UTC+2: Monday 4 May ends at 21:59:59 UTC.
    let last_second = context(Country::BE, Country::BE, utc(5, 4, 21, 59, 59));
    assert!(
        !option(
            &filed_friday(),
            &becom_member(),
            &last_second,
            EscalationRoute::Trustmark
        )
        .is_open()
    );
    let after = context(Country::BE, Country::BE, utc(5, 4, 22, 0, 0));
    assert!(
        option(
            &filed_friday(),
            &becom_member(),
            &after,
            EscalationRoute::Trustmark
        )
        .is_open()
    );
}

#[test]
fn a_member_shops_trustmark_opens_at_once_after_an_unsatisfying_answer() {
    let now = context(Country::BE, Country::BE, utc(4, 27, 10, 0, 0));
    let trustmark = option(
        &rejected_on_monday(),
        &becom_member(),
        &now,
        EscalationRoute::Trustmark,
    );
    assert_eq!(trustmark.availability(), Availability::OpenNow);
}

#[test]
fn a_non_member_is_sent_to_the_consumer_ombudsman_not_a_trustmark() {
    let now = context(Country::BE, Country::BE, utc(5, 11, 10, 0, 0));
    let targets = EscalationTargets::default();
    let timeline = filed_friday();
    assert_eq!(
        option(&timeline, &targets, &now, EscalationRoute::Trustmark).availability(),
        why(WhyNot::NotAMember)
    );
    let ombudsman = option(
        &timeline,
        &targets,
        &now,
        EscalationRoute::ConsumerOmbudsman,
    );
    assert!(ombudsman.is_open());
    assert_eq!(
        ombudsman.name().unwrap().as_ref(),
        "Consumentenombudsdienst"
    );
    // A member goes to its trustmark instead.
    let member = option(
        &timeline,
        &becom_member(),
        &now,
        EscalationRoute::ConsumerOmbudsman,
    );
    assert_eq!(member.availability(), why(WhyNot::TrustmarkMember));
    // The Belgian ombudsman does not take complaints against Dutch shops.
    let dutch = context(Country::NL, Country::NL, utc(5, 11, 10, 0, 0));
    assert_eq!(
        option(
            &timeline,
            &targets,
            &dutch,
            EscalationRoute::ConsumerOmbudsman
        )
        .availability(),
        why(WhyNot::OtherCountry)
    );
}

#[test]
fn travel_goes_to_the_travel_disputes_committee() {
    let targets = EscalationTargets::default();
    let mut travel = context(Country::NL, Country::NL, utc(4, 28, 10, 0, 0));
    travel.category = ProductCategory::Travel;
    let committee = option(
        &rejected_on_monday(),
        &targets,
        &travel,
        EscalationRoute::TravelDisputesCommittee,
    );
    assert!(committee.is_open());
    assert_eq!(
        committee.name().unwrap().as_ref(),
        "Geschillencommissie Reizen"
    );
    let goods = context(Country::NL, Country::NL, utc(4, 28, 10, 0, 0));
    assert_eq!(
        option(
            &rejected_on_monday(),
            &targets,
            &goods,
            EscalationRoute::TravelDisputesCommittee
        )
        .availability(),
        why(WhyNot::NotTravel)
    );
}

#[test]
fn cross_border_complaints_go_to_the_shoppers_european_consumer_centre() {
    let targets = EscalationTargets::default();
    let timeline = rejected_on_monday();
    let belgian_shopper = context(Country::NL, Country::BE, utc(4, 28, 10, 0, 0));
    let ecc = option(
        &timeline,
        &targets,
        &belgian_shopper,
        EscalationRoute::EuropeanConsumerCentre,
    );
    assert!(ecc.is_open());
    assert_eq!(ecc.country(), Some(Country::BE));
    assert_eq!(ecc.url().unwrap().as_ref(), "https://www.eccbelgie.be");
    let domestic = context(Country::NL, Country::NL, utc(4, 28, 10, 0, 0));
    assert_eq!(
        option(
            &timeline,
            &targets,
            &domestic,
            EscalationRoute::EuropeanConsumerCentre
        )
        .availability(),
        why(WhyNot::NotCrossBorder)
    );
    let british_shopper = context(Country::NL, Country::GB, utc(4, 28, 10, 0, 0));
    assert_eq!(
        option(
            &timeline,
            &targets,
            &british_shopper,
            EscalationRoute::EuropeanConsumerCentre
        )
        .availability(),
        why(WhyNot::NoConsumerCentre)
    );
}

#[test]
fn the_board_opens_after_an_unsatisfying_answer_or_a_missed_deadline() {
    let targets = EscalationTargets::default();
    // NL: the acknowledgement is due Thursday 30 April, so the board opens 1 May.
    let waiting = context(Country::NL, Country::NL, utc(4, 28, 10, 0, 0));
    assert_eq!(
        option(&filed_friday(), &targets, &waiting, EscalationRoute::Board).availability(),
        Availability::OpensOn { date: date(5, 1) }
    );
    let missed = context(Country::NL, Country::NL, utc(4, 30, 22, 0, 0));
    assert!(option(&filed_friday(), &targets, &missed, EscalationRoute::Board).is_open());
    assert!(
        option(
            &rejected_on_monday(),
            &targets,
            &waiting,
            EscalationRoute::Board
        )
        .is_open()
    );

    let mut escalated = rejected_on_monday();
    escalated
        .append(TimelineEntry::new(
            utc(4, 28, 9, 0, 0),
            Actor::Shopper,
            LifecycleEvent::EscalatedToBoard,
        ))
        .unwrap();
    assert_eq!(
        option(&escalated, &targets, &waiting, EscalationRoute::Board).availability(),
        why(WhyNot::AlreadyEscalated)
    );
    let no_board = EscalationTargets {
        board: false,
        ..EscalationTargets::default()
    };
    assert_eq!(
        option(
            &rejected_on_monday(),
            &no_board,
            &waiting,
            EscalationRoute::Board
        )
        .availability(),
        why(WhyNot::NotOffered)
    );
}

#[test]
fn a_closed_complaint_offers_nothing() {
    let mut timeline = rejected_on_monday();
    timeline
        .append(TimelineEntry::new(
            utc(4, 28, 9, 0, 0),
            Actor::Shopper,
            LifecycleEvent::Accepted,
        ))
        .unwrap();
    let now = context(Country::NL, Country::BE, utc(5, 20, 9, 0, 0));
    let options = next_steps(&timeline, &becom_member(), &rules(Country::NL), &now);
    assert_eq!(options.len(), EscalationRoute::ALL.len());
    assert!(options.iter().all(|o| !o.is_open()));
    for route in [
        EscalationRoute::Board,
        EscalationRoute::Trustmark,
        EscalationRoute::EuropeanConsumerCentre,
        EscalationRoute::Chargeback,
        EscalationRoute::SmallClaimsCourt,
    ] {
        let closed = options.iter().find(|o| o.route() == route).unwrap();
        assert_eq!(
            closed.availability(),
            why(WhyNot::Closed),
            "{}",
            route.code()
        );
    }
}

#[test]
fn no_option_ever_points_to_the_discontinued_odr_platform() {
    let targets = [EscalationTargets::default(), becom_member()];
    let timelines = [filed_friday(), rejected_on_monday()];
    for shop in WorkingCalendar::SUPPORTED {
        for shopper in Country::ALL {
            for category in [ProductCategory::General, ProductCategory::Travel] {
                for targets in &targets {
                    for timeline in &timelines {
                        let context = EscalationContext {
                            shop_country: shop,
                            shopper_country: shopper,
                            category,
                            now: utc(6, 1, 9, 0, 0),
                        };
                        for option in next_steps(timeline, targets, &rules(shop), &context) {
                            let text = serde_json::to_string(&option).unwrap().to_lowercase();
                            assert!(!text.contains("odr"), "{text}");
                            assert!(!option.code().contains("odr"));
                        }
                    }
                }
            }
        }
    }
}

mod properties {
    use super::*;
    use crate::lifecycle::tests::properties::{attempts, grown};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn routing_never_panics_never_names_odr_and_lists_every_route(
            start in 946_684_800i64..4_102_444_800,
            attempts in attempts(),
            now_offset in -100_000i64..10_000_000,
            shop in 0usize..6,
            shopper in 0usize..32,
            travel in any::<bool>(),
            member in any::<bool>(),
        ) {
            let (timeline, _) = grown(start, &attempts);
            let shop = WorkingCalendar::SUPPORTED[shop];
            let context = EscalationContext {
                shop_country: shop,
                shopper_country: Country::ALL[shopper],
                category: if travel { ProductCategory::Travel } else { ProductCategory::General },
                now: timeline.received_at() + chrono::TimeDelta::seconds(now_offset),
            };
            let targets = if member { becom_member() } else { EscalationTargets::default() };
            let options = next_steps(&timeline, &targets, &rules(shop), &context);
            let routes: Vec<EscalationRoute> = options.iter().map(|o| o.route()).collect();
            prop_assert_eq!(routes, EscalationRoute::ALL.to_vec());
            let receipt_day = rules(shop).time_zone().local_date(timeline.received_at());
            for option in &options {
                let text = serde_json::to_string(option).unwrap().to_lowercase();
                prop_assert!(!text.contains("odr"));
                if let Availability::OpensOn { date } = option.availability() {
                    prop_assert!(date > receipt_day);
                }
                if timeline.state().is_closed() {
                    prop_assert!(!option.is_open());
                }
            }
        }
    }
}
