//! Timeline and due-date behaviour, on the Dutch calendar of spring 2026: Friday 24 April,
//! then King's Day on Monday 27 April, Liberation Day on Tuesday 5 May.

use chrono::{DateTime, NaiveDate, TimeDelta, TimeZone, Utc};

use super::*;
use crate::calendar::WorkingCalendar;
use crate::country::Country;
use crate::domain::ResolutionKind;
use crate::escalation::ExternalBody;
use crate::policy::Deadlines;
use crate::time_zone::ShopTimeZone;

pub(crate) fn nl_rules() -> DeadlineRules {
    DeadlineRules::new(
        WorkingCalendar::for_country(Country::NL).unwrap(),
        ShopTimeZone::parse("Europe/Amsterdam").unwrap(),
        Deadlines::default(),
    )
}

pub(crate) fn utc(month: u32, day: u32, hour: u32, minute: u32, second: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, month, day, hour, minute, second)
        .unwrap()
}

pub(crate) fn date(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, month, day).unwrap()
}

fn statement(text: &str) -> Statement {
    Statement::parse(text).unwrap()
}

fn outcome() -> WrittenOutcome {
    WrittenOutcome::new(
        statement("We checked the carrier's scans."),
        statement("The parcel was lost."),
        statement("We sent a new one."),
    )
}

pub(crate) fn acknowledged(handler: &str, expected: NaiveDate) -> LifecycleEvent {
    LifecycleEvent::Acknowledged {
        handler: HandlerName::parse(handler).unwrap(),
        expected_answer_on: expected,
        message: None,
    }
}

pub(crate) fn resolved() -> LifecycleEvent {
    LifecycleEvent::Resolved {
        remedy: Remedy::new(ResolutionKind::Replacement, None),
        outcome: outcome(),
    }
}

pub(crate) fn rejected() -> LifecycleEvent {
    LifecycleEvent::Rejected {
        reasons: statement("The guarantee ended in March."),
    }
}

/// Filed on Friday 24 April 2026 at 11:00 in Amsterdam.
pub(crate) fn filed_friday() -> Timeline {
    Timeline::received(utc(4, 24, 9, 0, 0), Actor::Shopper).unwrap()
}

fn push(timeline: &mut Timeline, at: DateTime<Utc>, actor: Actor, event: LifecycleEvent) {
    timeline
        .append(TimelineEntry::new(at, actor, event))
        .unwrap();
}

fn step(timeline: &Timeline, kind: DueStepKind, now: DateTime<Utc>) -> DueStep {
    timeline
        .due_steps(&nl_rules(), now)
        .into_iter()
        .find(|step| step.kind() == kind)
        .unwrap()
}

#[test]
fn due_dates_skip_the_weekend_and_kings_day_and_liberation_day() {
    let timeline = filed_friday();
    let steps = timeline.due_steps(&nl_rules(), utc(4, 24, 12, 0, 0));
    let due: Vec<(DueStepKind, NaiveDate)> = steps.iter().map(|s| (s.kind(), s.due_on())).collect();
    assert_eq!(
        due,
        vec![
            // Tue 28, Wed 29, Thu 30.
            (DueStepKind::Acknowledgement, date(4, 30)),
            // Fri 1 May, Mon 4 May.
            (DueStepKind::Assignment, date(5, 4)),
            // Wed 6, Thu 7, Fri 8, Mon 11, Tue 12 (5 May is Liberation Day).
            (DueStepKind::Resolution, date(5, 12)),
        ]
    );
    assert!(steps.iter().all(|s| s.status() == DueStatus::Open));
}

#[test]
fn a_complaint_filed_after_local_midnight_counts_from_the_shops_date() {
    // 22:30 UTC on Thursday 23 April is 00:30 on Friday 24 April in Amsterdam.
    let timeline = Timeline::received(utc(4, 23, 22, 30, 0), Actor::System).unwrap();
    let ack = step(&timeline, DueStepKind::Acknowledgement, utc(4, 24, 8, 0, 0));
    assert_eq!(ack.due_on(), date(4, 30));
}

#[test]
fn overdue_starts_exactly_when_the_due_day_ends_in_amsterdam() {
    let timeline = filed_friday();
    // Thursday 30 April ends at 22:00 UTC (summer time, UTC+2).
    let last_second = utc(4, 30, 21, 59, 59);
    let ack = step(&timeline, DueStepKind::Acknowledgement, last_second);
    assert_eq!(ack.due_by(), last_second);
    assert_eq!(ack.status(), DueStatus::Open);
    assert!(!ack.is_overdue());
    let just_before = last_second + TimeDelta::milliseconds(999);
    assert!(!step(&timeline, DueStepKind::Acknowledgement, just_before).is_overdue());
    let midnight = utc(4, 30, 22, 0, 0);
    let ack = step(&timeline, DueStepKind::Acknowledgement, midnight);
    assert!(ack.is_overdue());
    assert_eq!(ack.working_days_left(), Some(-1));
}

#[test]
fn an_acknowledgement_meets_its_step_and_names_the_handler() {
    let mut timeline = filed_friday();
    push(
        &mut timeline,
        utc(4, 28, 8, 0, 0),
        Actor::Shop,
        acknowledged("Sanne", date(5, 8)),
    );
    let ack = step(&timeline, DueStepKind::Acknowledgement, utc(5, 1, 9, 0, 0));
    assert_eq!(ack.status(), DueStatus::Met);
    assert_eq!(
        ack.met(),
        Some(MetBy {
            at: utc(4, 28, 8, 0, 0),
            event: EventKind::Acknowledged
        })
    );
    assert_eq!(ack.working_days_left(), None);
    assert_eq!(timeline.handler().unwrap().as_ref(), "Sanne");

    push(
        &mut timeline,
        utc(4, 29, 8, 0, 0),
        Actor::Shop,
        LifecycleEvent::Assigned {
            handler: HandlerName::parse("Piet").unwrap(),
        },
    );
    assert_eq!(timeline.handler().unwrap().as_ref(), "Piet");
    assert_eq!(timeline.state(), ComplaintState::InvestigationOpen);
}

#[test]
fn an_acknowledgement_after_the_due_day_is_met_late() {
    let mut timeline = filed_friday();
    push(
        &mut timeline,
        utc(5, 1, 7, 0, 0),
        Actor::Shop,
        acknowledged("Sanne", date(5, 8)),
    );
    let ack = step(&timeline, DueStepKind::Acknowledgement, utc(5, 1, 9, 0, 0));
    assert_eq!(ack.status(), DueStatus::MetLate);
}

#[test]
fn a_progress_report_moves_the_resolution_to_the_promised_date() {
    let mut timeline = filed_friday();
    push(
        &mut timeline,
        utc(4, 28, 8, 0, 0),
        Actor::Shop,
        acknowledged("Sanne", date(5, 8)),
    );
    push(
        &mut timeline,
        utc(5, 11, 8, 0, 0),
        Actor::Shop,
        LifecycleEvent::ProgressReported {
            message: statement("The manufacturer is testing the device."),
            expected_answer_on: date(5, 22),
        },
    );
    // 13 May: past the original 12 May, before the promised 22 May.
    let resolution = step(&timeline, DueStepKind::Resolution, utc(5, 13, 9, 0, 0));
    assert_eq!(resolution.due_on(), date(5, 22));
    assert_eq!(resolution.status(), DueStatus::Open);
    assert_eq!(timeline.expected_answer_on(), Some(date(5, 22)));
    // Without the report it would be overdue.
    let mut silent = filed_friday();
    push(
        &mut silent,
        utc(4, 28, 8, 0, 0),
        Actor::Shop,
        acknowledged("Sanne", date(5, 8)),
    );
    assert!(step(&silent, DueStepKind::Resolution, utc(5, 13, 9, 0, 0)).is_overdue());
    // The answer on the promised day meets it.
    push(&mut timeline, utc(5, 22, 15, 0, 0), Actor::Shop, resolved());
    let resolution = step(&timeline, DueStepKind::Resolution, utc(5, 25, 9, 0, 0));
    assert_eq!(resolution.status(), DueStatus::Met);
    assert_eq!(resolution.met().unwrap().event, EventKind::Resolved);
}

#[test]
fn a_quick_resolution_meets_every_step_of_the_shop() {
    let mut timeline = filed_friday();
    push(&mut timeline, utc(4, 24, 14, 0, 0), Actor::Shop, resolved());
    let steps = timeline.due_steps(&nl_rules(), utc(6, 1, 0, 0, 0));
    assert!(
        steps.iter().all(|s| s.status() == DueStatus::Met),
        "{steps:?}"
    );
}

#[test]
fn the_board_must_answer_within_five_working_days_of_the_escalation() {
    let mut timeline = filed_friday();
    push(&mut timeline, utc(4, 28, 8, 0, 0), Actor::Shop, rejected());
    push(
        &mut timeline,
        utc(4, 29, 8, 0, 0),
        Actor::Shopper,
        LifecycleEvent::EscalatedToBoard,
    );
    // Wednesday 29 April + 5: Thu 30, Fri 1, Mon 4, Wed 6, Thu 7.
    let board = step(&timeline, DueStepKind::BoardAnswer, utc(5, 7, 12, 0, 0));
    assert_eq!(board.due_on(), date(5, 7));
    assert_eq!(board.status(), DueStatus::Open);
    assert!(step(&timeline, DueStepKind::BoardAnswer, utc(5, 7, 22, 0, 0)).is_overdue());
    push(
        &mut timeline,
        utc(5, 8, 8, 0, 0),
        Actor::Board,
        LifecycleEvent::BoardAnswered {
            remedy: Some(Remedy::new(ResolutionKind::Refund, None)),
            outcome: outcome(),
        },
    );
    let board = step(&timeline, DueStepKind::BoardAnswer, utc(5, 9, 8, 0, 0));
    assert_eq!(board.status(), DueStatus::MetLate);
}

#[test]
fn deadlines_stop_applying_once_the_complaint_is_closed() {
    let mut timeline = filed_friday();
    push(
        &mut timeline,
        utc(5, 6, 8, 0, 0),
        Actor::Shopper,
        LifecycleEvent::Withdrawn,
    );
    let steps = timeline.due_steps(&nl_rules(), utc(7, 1, 0, 0, 0));
    let statuses: Vec<DueStatus> = steps.iter().map(|s| s.status()).collect();
    // The acknowledgement (30 April) and assignment (4 May) had been missed; the
    // resolution (12 May) no longer applies.
    assert_eq!(
        statuses,
        vec![DueStatus::Missed, DueStatus::Missed, DueStatus::Lapsed]
    );
    assert!(steps.iter().all(|s| !s.is_overdue()));
    assert_eq!(timeline.closed_at(), Some(utc(5, 6, 8, 0, 0)));
}

#[test]
fn append_refuses_wrong_actors_time_travel_and_past_promises() {
    let mut timeline = filed_friday();
    let before = timeline.clone();
    let err = timeline
        .append(TimelineEntry::new(
            utc(4, 25, 8, 0, 0),
            Actor::Shopper,
            resolved(),
        ))
        .unwrap_err();
    assert_eq!(err.code(), "timeline.actor_not_allowed");
    let err = timeline
        .append(TimelineEntry::new(
            utc(4, 24, 8, 0, 0),
            Actor::Shop,
            acknowledged("Sanne", date(5, 8)),
        ))
        .unwrap_err();
    assert_eq!(err.code(), "timeline.time_went_backwards");
    let err = timeline
        .append(TimelineEntry::new(
            utc(4, 28, 8, 0, 0),
            Actor::Shop,
            acknowledged("Sanne", date(4, 27)),
        ))
        .unwrap_err();
    assert_eq!(err.code(), "timeline.promise_in_the_past");
    let err = timeline
        .append(TimelineEntry::new(
            utc(4, 28, 8, 0, 0),
            Actor::System,
            LifecycleEvent::Received,
        ))
        .unwrap_err();
    assert_eq!(err.code(), "timeline.receipt_not_first");
    let err = timeline
        .append(TimelineEntry::new(
            utc(4, 28, 8, 0, 0),
            Actor::Shopper,
            LifecycleEvent::Accepted,
        ))
        .unwrap_err();
    assert_eq!(
        err,
        TimelineError::Transition(TransitionError {
            state: ComplaintState::Received,
            event: EventKind::Accepted
        })
    );
    assert_eq!(timeline, before);
    assert!(Timeline::received(utc(4, 24, 9, 0, 0), Actor::Shop).is_err());
}

#[test]
fn a_stored_timeline_is_replayed_and_checked_when_read() {
    let mut timeline = filed_friday();
    push(
        &mut timeline,
        utc(4, 28, 8, 0, 0),
        Actor::Shop,
        acknowledged("Sanne", date(5, 8)),
    );
    push(&mut timeline, utc(5, 6, 8, 0, 0), Actor::Shop, resolved());
    push(
        &mut timeline,
        utc(5, 7, 8, 0, 0),
        Actor::Shopper,
        LifecycleEvent::ReferredExternally {
            body: ExternalBody::EuropeanConsumerCentre,
        },
    );
    let json = serde_json::to_value(&timeline).unwrap();
    assert_eq!(json[0]["event"]["type"], "received");
    assert_eq!(json[1]["event"]["handler"], "Sanne");
    assert_eq!(json[3]["event"]["body"], "european_consumer_centre");
    let back: Timeline = serde_json::from_value(json).unwrap();
    assert_eq!(back, timeline);
    assert_eq!(back.state(), ComplaintState::ReferredExternally);

    let tampered = r#"[
        { "at": "2026-04-24T09:00:00Z", "actor": "shopper", "event": { "type": "received" } },
        { "at": "2026-04-25T09:00:00Z", "actor": "shopper", "event": { "type": "accepted" } }
    ]"#;
    assert!(serde_json::from_str::<Timeline>(tampered).is_err());
    assert!(serde_json::from_str::<Timeline>("[]").is_err());
}

pub(crate) mod properties;

#[test]
fn events_with_unknown_fields_are_refused_or_dropped() {
    let acknowledged = r#"{ "type": "acknowledged", "handler": "Sanne", "expected_answer_on": "2026-05-08", "cc": "x" }"#;
    assert!(serde_json::from_str::<LifecycleEvent>(acknowledged).is_err());
    // serde lets unit variants ignore extra keys; they are dropped, never stored.
    let withdrawn: LifecycleEvent =
        serde_json::from_str(r#"{ "type": "withdrawn", "reason": "x" }"#).unwrap();
    assert_eq!(
        serde_json::to_string(&withdrawn).unwrap(),
        r#"{"type":"withdrawn"}"#
    );
}
