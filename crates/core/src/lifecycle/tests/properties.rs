//! Properties over random event sequences: shared with the escalation tests.

use super::*;
use proptest::prelude::*;

const KINDS: [EventKind; 11] = [
    EventKind::Received,
    EventKind::Acknowledged,
    EventKind::Assigned,
    EventKind::ProgressReported,
    EventKind::Resolved,
    EventKind::Rejected,
    EventKind::Accepted,
    EventKind::EscalatedToBoard,
    EventKind::BoardAnswered,
    EventKind::ReferredExternally,
    EventKind::Withdrawn,
];
const MOVING: [EventKind; 7] = [
    EventKind::Acknowledged,
    EventKind::Assigned,
    EventKind::ProgressReported,
    EventKind::Resolved,
    EventKind::Rejected,
    EventKind::EscalatedToBoard,
    EventKind::BoardAnswered,
];
const ACTORS: [Actor; 4] = [Actor::Shopper, Actor::Shop, Actor::Board, Actor::System];

fn event(kind: EventKind, promised: NaiveDate) -> LifecycleEvent {
    match kind {
        EventKind::Received => LifecycleEvent::Received,
        EventKind::Acknowledged => acknowledged("Sanne", promised),
        EventKind::Assigned => LifecycleEvent::Assigned {
            handler: HandlerName::parse("Piet").unwrap(),
        },
        EventKind::ProgressReported => LifecycleEvent::ProgressReported {
            message: statement("Still testing."),
            expected_answer_on: promised,
        },
        EventKind::Resolved => resolved(),
        EventKind::Rejected => rejected(),
        EventKind::Accepted => LifecycleEvent::Accepted,
        EventKind::EscalatedToBoard => LifecycleEvent::EscalatedToBoard,
        EventKind::BoardAnswered => LifecycleEvent::BoardAnswered {
            remedy: None,
            outcome: outcome(),
        },
        EventKind::ReferredExternally => LifecycleEvent::ReferredExternally {
            body: ExternalBody::SmallClaimsCourt,
        },
        EventKind::Withdrawn => LifecycleEvent::Withdrawn,
    }
}

/// A timeline grown from random attempts, some refused; returns it with the events
/// that were accepted.
pub(crate) fn grown(
    start: i64,
    attempts: &[(usize, usize, i64, i64)],
) -> (Timeline, Vec<LifecycleEvent>) {
    let received = DateTime::<Utc>::from_timestamp(start, 0).unwrap();
    let mut timeline = Timeline::received(received, Actor::Shopper).unwrap();
    let mut accepted = Vec::new();
    let mut at = received;
    for &(kind, actor, step_minutes, promise_days) in attempts {
        at += TimeDelta::minutes(step_minutes);
        let promised = at.date_naive() + TimeDelta::days(promise_days);
        // Closing events end a timeline; draw them less often to reach deep states.
        let kind = KINDS
            .get(kind)
            .copied()
            .unwrap_or(MOVING[kind % MOVING.len()]);
        let candidate = event(kind, promised);
        // Mostly the actor who may record the event, sometimes anyone.
        let actor = ACTORS
            .get(actor)
            .copied()
            .or_else(|| ACTORS.into_iter().find(|a| kind.may_be_recorded_by(*a)))
            .unwrap_or(Actor::System);
        let entry = TimelineEntry::new(at, actor, candidate.clone());
        if timeline.append(entry).is_ok() {
            accepted.push(candidate);
        }
    }
    (timeline, accepted)
}

pub(crate) fn attempts() -> impl Strategy<Value = Vec<(usize, usize, i64, i64)>> {
    proptest::collection::vec((0usize..60, 0usize..12, -600i64..20_000, -3i64..40), 0..25)
}

proptest! {
    #[test]
    fn no_event_sequence_panics_and_the_state_is_the_fold_of_transitions(
        start in 946_684_800i64..4_102_444_800,
        attempts in attempts(),
        now_offset in -100_000i64..10_000_000,
    ) {
        let (timeline, accepted) = grown(start, &attempts);
        let folded = accepted.iter().try_fold(ComplaintState::Received, |state, event| {
            transition(state, event)
        });
        prop_assert_eq!(folded, Ok(timeline.state()));
        let now = timeline.received_at() + TimeDelta::seconds(now_offset);
        let steps = timeline.due_steps(&nl_rules(), now);
        let receipt_day = nl_rules().time_zone().local_date(timeline.received_at());
        for step in &steps {
            prop_assert!(step.due_on() >= receipt_day, "{:?}", step);
            if timeline.state().is_closed() {
                prop_assert!(!step.is_overdue());
            }
        }
        let json = serde_json::to_string(&timeline).unwrap();
        prop_assert_eq!(serde_json::from_str::<Timeline>(&json).unwrap(), timeline);
    }
}
