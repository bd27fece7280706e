//! Due dates, derived from the timeline and the policy's deadlines, never stored.
//!
//! A step is due at the end of its due day in the shop's time zone: it is overdue from the
//! first instant of the next local day on. Steps stop applying once the complaint is
//! closed, and the shop's own steps stop applying once the shopper escalates to the board
//! (the board's deadline runs instead); a step that stopped applying after its due day had
//! passed is shown as missed.
//!
//! The resolution step follows the shop's latest progress report: its promised date
//! replaces the policy's 10 working days, even when the report itself came late (the
//! tracker shows where things stand now, not a history of lateness). The date an
//! acknowledgement promises is shown to the shopper but does not move the policy deadline.

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use crate::calendar::{CalendarError, WorkingCalendar};
use crate::policy::{ComplaintPolicy, Deadlines};
use crate::time_zone::ShopTimeZone;

use super::event::{EventKind, LifecycleEvent};
use super::timeline::Timeline;

/// What due dates are counted with: the shop's working days, its time zone, and the
/// policy's deadlines. All three are small copies, so the rules can be built once and kept.
///
/// ```
/// use redress_core::{calendar::WorkingCalendar, country::Country, lifecycle::DeadlineRules,
///     policy::Deadlines, time_zone::ShopTimeZone};
/// let rules = DeadlineRules::new(
///     WorkingCalendar::for_country(Country::NL).unwrap(),
///     ShopTimeZone::for_country(Country::NL),
///     Deadlines::default(),
/// );
/// assert_eq!(rules.deadlines().acknowledge_working_days, 3);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeadlineRules {
    calendar: WorkingCalendar,
    time_zone: ShopTimeZone,
    deadlines: Deadlines,
}

impl DeadlineRules {
    /// Rules from their parts.
    pub fn new(calendar: WorkingCalendar, time_zone: ShopTimeZone, deadlines: Deadlines) -> Self {
        DeadlineRules {
            calendar,
            time_zone,
            deadlines,
        }
    }

    /// The rules of a shop's policy: its country's calendar, its time zone, its deadlines.
    /// Fails for a shop country whose holidays are not modelled.
    pub fn from_policy(policy: &ComplaintPolicy) -> Result<DeadlineRules, CalendarError> {
        Ok(DeadlineRules::new(
            WorkingCalendar::for_country(policy.shop.country)?,
            policy.shop.time_zone,
            policy.deadlines,
        ))
    }

    /// The shop's working days.
    pub fn calendar(&self) -> &WorkingCalendar {
        &self.calendar
    }

    /// The shop's time zone.
    pub fn time_zone(&self) -> ShopTimeZone {
        self.time_zone
    }

    /// The policy's deadlines.
    pub fn deadlines(&self) -> &Deadlines {
        &self.deadlines
    }

    /// The day `n` working days after the local day of `instant`.
    pub(crate) fn working_days_after(&self, instant: DateTime<Utc>, n: u16) -> NaiveDate {
        self.calendar
            .add_working_days(self.time_zone.local_date(instant), u32::from(n))
    }

    /// The first instant at which something due on `date` is late.
    pub(crate) fn late_from(&self, date: NaiveDate) -> DateTime<Utc> {
        match date.succ_opt() {
            Some(next) => self.time_zone.start_of_local_day(next),
            None => DateTime::<Utc>::MAX_UTC,
        }
    }
}

/// The steps a complaint owes the shopper, in lifecycle order.
///
/// ```
/// use redress_core::lifecycle::{DueStatus, DueStepKind};
/// assert_eq!(DueStepKind::BoardAnswer.code(), "due.board_answer");
/// assert_eq!(serde_json::to_string(&DueStatus::MetLate).unwrap(), r#""met_late""#);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DueStepKind {
    /// Acknowledge receipt, naming the handler (default 3 working days after receipt).
    Acknowledgement,
    /// Log and assign to an investigator (default 5 working days after receipt).
    Assignment,
    /// Resolve, reject, or report progress (default 10 working days after receipt; after a
    /// progress report, the date it promised).
    Resolution,
    /// The board answers an escalation (default 5 working days after the escalation).
    BoardAnswer,
}

impl DueStepKind {
    /// The stable code the tracker translates, e.g. `due.acknowledgement`.
    pub fn code(self) -> &'static str {
        match self {
            DueStepKind::Acknowledgement => "due.acknowledgement",
            DueStepKind::Assignment => "due.assignment",
            DueStepKind::Resolution => "due.resolution",
            DueStepKind::BoardAnswer => "due.board_answer",
        }
    }

    /// The events that fulfil the step: any substantive answer also counts as an
    /// acknowledgement and makes an assignment unnecessary.
    fn met_by(self, kind: EventKind) -> bool {
        match self {
            DueStepKind::Acknowledgement => matches!(
                kind,
                EventKind::Acknowledged | EventKind::Resolved | EventKind::Rejected
            ),
            DueStepKind::Assignment => matches!(
                kind,
                EventKind::Assigned | EventKind::Resolved | EventKind::Rejected
            ),
            DueStepKind::Resolution => matches!(kind, EventKind::Resolved | EventKind::Rejected),
            DueStepKind::BoardAnswer => kind == EventKind::BoardAnswered,
        }
    }

    /// The events after which the step no longer applies, if it was not met before.
    fn ended_by(self, kind: EventKind) -> bool {
        let closes = matches!(
            kind,
            EventKind::Accepted | EventKind::ReferredExternally | EventKind::Withdrawn
        );
        match self {
            DueStepKind::BoardAnswer => closes,
            _ => closes || kind == EventKind::EscalatedToBoard,
        }
    }
}

/// Where a step stands at `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DueStatus {
    /// Not met yet, and the due day has not ended.
    Open,
    /// Not met, and the due day has ended.
    Overdue,
    /// Met on or before the due day.
    Met,
    /// Met, but after the due day.
    MetLate,
    /// Stopped applying (closed or escalated) after the due day had passed unmet.
    Missed,
    /// Stopped applying (closed or escalated) before its due day ended.
    Lapsed,
}

/// The event that met a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MetBy {
    /// When it was met.
    pub at: DateTime<Utc>,
    /// Which event met it.
    pub event: EventKind,
}

/// One deadline as the tracker shows it, with a countdown.
///
/// ```
/// use chrono::{NaiveDate, TimeZone, Utc};
/// use redress_core::{calendar::WorkingCalendar, country::Country, policy::Deadlines,
///     time_zone::ShopTimeZone};
/// use redress_core::lifecycle::{Actor, DeadlineRules, DueStatus, DueStepKind, Timeline};
/// let rules = DeadlineRules::new(
///     WorkingCalendar::for_country(Country::NL).unwrap(),
///     ShopTimeZone::for_country(Country::NL),
///     Deadlines::default(),
/// );
/// // Friday 24 April 2026; Monday 27 April is King's Day.
/// let filed = Utc.with_ymd_and_hms(2026, 4, 24, 9, 0, 0).unwrap();
/// let timeline = Timeline::received(filed, Actor::Shopper).unwrap();
/// let now = Utc.with_ymd_and_hms(2026, 4, 28, 12, 0, 0).unwrap();
/// let steps = timeline.due_steps(&rules, now);
/// assert_eq!(steps[0].kind(), DueStepKind::Acknowledgement);
/// assert_eq!(steps[0].due_on(), NaiveDate::from_ymd_opt(2026, 4, 30).unwrap());
/// assert_eq!(steps[0].status(), DueStatus::Open);
/// assert_eq!(steps[0].working_days_left(), Some(2));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueStep {
    kind: DueStepKind,
    due_on: NaiveDate,
    due_by: DateTime<Utc>,
    met: Option<MetBy>,
    status: DueStatus,
    working_days_left: Option<i64>,
}

impl DueStep {
    /// Which step.
    pub fn kind(&self) -> DueStepKind {
        self.kind
    }

    /// The due day, in the shop's time zone.
    pub fn due_on(&self) -> NaiveDate {
        self.due_on
    }

    /// The last whole second of the due day in the shop's time zone.
    pub fn due_by(&self) -> DateTime<Utc> {
        self.due_by
    }

    /// The event that met the step, if one did.
    pub fn met(&self) -> Option<MetBy> {
        self.met
    }

    /// Where the step stands.
    pub fn status(&self) -> DueStatus {
        self.status
    }

    /// Whether the step is overdue now: not met, still applying, and its due day is over.
    pub fn is_overdue(&self) -> bool {
        self.status == DueStatus::Overdue
    }

    /// For an open or overdue step: working days from today (in the shop) to the due day;
    /// 0 on the due day itself, negative once it has passed.
    pub fn working_days_left(&self) -> Option<i64> {
        self.working_days_left
    }

    /// For an open step: the time left until the due day ends, for a live countdown.
    pub fn time_left(&self, now: DateTime<Utc>) -> Option<TimeDelta> {
        (self.status == DueStatus::Open).then(|| {
            self.due_by
                .signed_duration_since(now)
                .max(TimeDelta::zero())
        })
    }
}

impl Timeline {
    /// Every deadline of the complaint, derived from its events and `rules`, judged at
    /// `now`: acknowledgement, assignment and resolution counted from the receipt (the
    /// resolution moved to the date a progress report promised), and the board's answer
    /// from the escalation, if there was one.
    pub fn due_steps(&self, rules: &DeadlineRules, now: DateTime<Utc>) -> Vec<DueStep> {
        let received = self.received_at();
        let receipt_day = rules.time_zone.local_date(received);
        let deadlines = rules.deadlines;
        let mut resolution_on = rules.working_days_after(received, deadlines.resolve_working_days);
        for entry in self.entries() {
            match entry.event() {
                LifecycleEvent::Resolved { .. } | LifecycleEvent::Rejected { .. } => break,
                LifecycleEvent::ProgressReported {
                    expected_answer_on, ..
                } => resolution_on = (*expected_answer_on).max(receipt_day),
                _ => {}
            }
        }
        let mut steps = vec![
            self.step(
                rules,
                now,
                DueStepKind::Acknowledgement,
                rules.working_days_after(received, deadlines.acknowledge_working_days),
                0,
            ),
            self.step(
                rules,
                now,
                DueStepKind::Assignment,
                rules.working_days_after(received, deadlines.assign_working_days),
                0,
            ),
            self.step(rules, now, DueStepKind::Resolution, resolution_on, 0),
        ];
        let escalation = self
            .entries()
            .iter()
            .position(|entry| entry.event().kind() == EventKind::EscalatedToBoard);
        if let Some(index) = escalation {
            let escalated = self.entries()[index].at();
            let due_on = rules.working_days_after(escalated, deadlines.board_answer_working_days);
            steps.push(self.step(rules, now, DueStepKind::BoardAnswer, due_on, index));
        }
        steps
    }

    /// Judges one step, looking at the events after index `from`.
    fn step(
        &self,
        rules: &DeadlineRules,
        now: DateTime<Utc>,
        kind: DueStepKind,
        due_on: NaiveDate,
        from: usize,
    ) -> DueStep {
        let late_from = rules.late_from(due_on);
        let mut met = None;
        let mut ended_at = None;
        for entry in self.entries().iter().skip(from + 1) {
            let event = entry.event().kind();
            if kind.met_by(event) {
                met = Some(MetBy {
                    at: entry.at(),
                    event,
                });
                break;
            }
            if kind.ended_by(event) {
                ended_at = Some(entry.at());
                break;
            }
        }
        let status = match (met, ended_at) {
            (Some(by), _) if by.at < late_from => DueStatus::Met,
            (Some(_), _) => DueStatus::MetLate,
            (None, Some(at)) if at >= late_from => DueStatus::Missed,
            (None, Some(_)) => DueStatus::Lapsed,
            (None, None) if now >= late_from => DueStatus::Overdue,
            (None, None) => DueStatus::Open,
        };
        let working_days_left = matches!(status, DueStatus::Open | DueStatus::Overdue).then(|| {
            rules
                .calendar
                .working_days_between(rules.time_zone.local_date(now), due_on)
        });
        DueStep {
            kind,
            due_on,
            due_by: rules.time_zone.end_of_local_day(due_on),
            met,
            status,
            working_days_left,
        }
    }
}
