//! The tracker's reading of the shop's answer to `GET /complaints/{ref}?token=`: only
//! what the shopper is shown, with every field optional so a newer server never breaks
//! an older widget.

use redress_core::domain::{Currency, Money};
use redress_core::from_json_object;
use redress_core::json::{FromJson, UnknownKeys};

/// One complaint as the shopper follows it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrackedComplaint {
    pub reference: String,
    pub tracking: Tracking,
    pub evidence: Vec<TrackedEvidence>,
}

/// The core crate's derived view of the timeline.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tracking {
    /// A `ComplaintState` code: `received`, `acknowledged`, ...
    pub status: String,
    pub open: bool,
    pub handler: Option<String>,
    pub expected_answer_on: Option<String>,
    pub received_at: String,
    pub overdue: bool,
    pub due_steps: Vec<DueLine>,
    pub next_steps: Vec<EscalationLine>,
    pub timeline: Vec<TimelineLine>,
}

/// A deadline of the shop's policy, with where it stands.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DueLine {
    /// `acknowledgement`, `assignment`, `resolution`, `board_answer`.
    pub kind: String,
    /// `YYYY-MM-DD` in the shop's time zone.
    pub due_on: String,
    /// `open`, `overdue`, `met`, `met_late`, `missed`, `lapsed`.
    pub status: String,
    pub working_days_left: Option<i64>,
}

impl DueLine {
    /// Still ahead of the shop: the steps the shopper waits for.
    pub fn pending(&self) -> bool {
        matches!(self.status.as_str(), "open" | "overdue")
    }
}

/// Somewhere the shopper may take the complaint, now or from a date.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EscalationLine {
    /// An `EscalationRoute` code: `board`, `trustmark`, `small_claims_court`, ...
    pub route: String,
    pub name: Option<String>,
    pub url: Option<String>,
    pub availability: Availability,
}

/// `{status: "open_now"}`, `{status: "opens_on", date}` or `{status: "unavailable", why}`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Availability {
    pub status: String,
    pub date: Option<String>,
}

/// One event of the audit log.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TimelineLine {
    /// RFC 3339, UTC.
    pub at: String,
    /// `shopper`, `shop`, `board`, `system`.
    pub actor: String,
    pub event: EventLine,
}

/// What happened, with the words the shop wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventLine {
    pub kind: String,
    pub handler: Option<String>,
    pub expected_answer_on: Option<String>,
    pub message: Option<String>,
    pub reasons: Option<String>,
    pub outcome: Option<OutcomeLine>,
    pub remedy: Option<RemedyLine>,
    pub body: Option<String>,
}

/// The written outcome of a resolution or a board answer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutcomeLine {
    pub investigation: String,
    pub conclusions: String,
    pub actions: String,
}

/// The remedy granted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RemedyLine {
    /// A `ResolutionKind` code.
    pub kind: String,
    pub amount: Option<AmountLine>,
}

/// An amount in minor units (cents) of a currency.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AmountLine {
    pub minor_units: u64,
    pub currency: String,
}

impl AmountLine {
    /// The amount, when it is one the core accepts (a known currency, within range).
    pub fn money(&self) -> Option<Money> {
        Money::new(self.minor_units, Currency::parse(&self.currency).ok()?).ok()
    }
}

/// A file on the complaint, as stored by the shop.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrackedEvidence {
    pub name: String,
    pub file_name: String,
    pub sha256: String,
}

impl TrackedEvidence {
    /// The name the shopper gave the file.
    pub fn shown_name(&self) -> &str {
        if self.name.is_empty() {
            &self.file_name
        } else {
            &self.name
        }
    }
}

impl TrackedComplaint {
    /// Reads the server's JSON; anything unreadable is `None` (the tracker then says it
    /// could not load, and retries).
    pub fn from_json(text: &str) -> Option<TrackedComplaint> {
        TrackedComplaint::from_json_text(text).ok()
    }
}

// Every field is optional and unknown keys are skipped: a newer server never breaks an
// older widget.
from_json_object!(TrackedComplaint, UnknownKeys::Skip, {
    "reference" => reference, "tracking" => tracking, "evidence" => evidence,
});
from_json_object!(Tracking, UnknownKeys::Skip, {
    "status" => status, "open" => open, "handler" => handler,
    "expected_answer_on" => expected_answer_on, "received_at" => received_at,
    "overdue" => overdue, "due_steps" => due_steps, "next_steps" => next_steps,
    "timeline" => timeline,
});
from_json_object!(DueLine, UnknownKeys::Skip, {
    "kind" => kind, "due_on" => due_on, "status" => status,
    "working_days_left" => working_days_left,
});
from_json_object!(EscalationLine, UnknownKeys::Skip, {
    "route" => route, "name" => name, "url" => url, "availability" => availability,
});
from_json_object!(Availability, UnknownKeys::Skip, { "status" => status, "date" => date });
from_json_object!(TimelineLine, UnknownKeys::Skip, {
    "at" => at, "actor" => actor, "event" => event,
});
from_json_object!(EventLine, UnknownKeys::Skip, {
    "type" => kind, "handler" => handler, "expected_answer_on" => expected_answer_on,
    "message" => message, "reasons" => reasons, "outcome" => outcome, "remedy" => remedy,
    "body" => body,
});
from_json_object!(OutcomeLine, UnknownKeys::Skip, {
    "investigation" => investigation, "conclusions" => conclusions, "actions" => actions,
});
from_json_object!(RemedyLine, UnknownKeys::Skip, { "kind" => kind, "amount" => amount });
from_json_object!(AmountLine, UnknownKeys::Skip, {
    "minor_units" => minor_units, "currency" => currency,
});
from_json_object!(TrackedEvidence, UnknownKeys::Skip, {
    "name" => name, "file_name" => file_name, "sha256" => sha256,
});

/// Where a tracking link points: `#redress-track=C-XXXX.token` on the shop's page. The
/// fragment never reaches any server, so the token stays between shopper and widget.
pub fn tracking_fragment(reference: &str, token: &str) -> String {
    format!("#redress-track={reference}.{token}")
}

/// Reads `(reference, token)` back from a page's `location.hash`.
pub fn parse_tracking_fragment(hash: &str) -> Option<(String, String)> {
    let value = hash
        .trim_start_matches('#')
        .strip_prefix("redress-track=")?;
    let (reference, token) = value.split_once('.')?;
    let plain = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    (plain(reference) && plain(token)).then(|| (reference.to_owned(), token.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ANSWER: &str = r#"{"reference":"C-5XPD26PVTW","evidence":[{"id":"ev_1","name":"kettle.jpg","sha256":"ab","media_type":"image/jpeg","size_bytes":3}],"receipt":{},
      "tracking":{"status":"resolved","open":false,"handler":"Sanne de Vries","expected_answer_on":"2026-12-01","received_at":"2026-11-21T21:40:51Z","overdue":false,"new_field":1,
      "due_steps":[{"kind":"acknowledgement","due_on":"2026-11-25","due_by":"2026-11-25T22:59:59Z","met":{"at":"2026-11-21T21:45:56Z","event":"acknowledged"},"status":"met","working_days_left":null}],
      "next_steps":[{"route":"board","availability":{"status":"opens_on","date":"2026-11-26"},"country":null,"member_id":null,"name":null,"url":null},
                    {"route":"small_claims_court","availability":{"status":"open_now"},"url":"https://example.org"}],
      "timeline":[{"actor":"system","at":"2026-11-21T21:40:51.12Z","event":{"type":"received"}},
                  {"actor":"shop","at":"2026-11-21T21:45:56Z","event":{"type":"resolved","remedy":{"kind":"compensation","amount":{"minor_units":1250,"currency":"EUR"}},"outcome":{"investigation":"Tested.","conclusions":"Broken.","actions":"Refunded."}}}]}}"#;

    #[test]
    fn the_servers_answer_reads_into_what_the_tracker_shows() {
        let c = TrackedComplaint::from_json(ANSWER).unwrap();
        assert_eq!(c.tracking.handler.as_deref(), Some("Sanne de Vries"));
        assert!(!c.tracking.due_steps[0].pending());
        assert_eq!(
            c.tracking.next_steps[0].availability.date.as_deref(),
            Some("2026-11-26")
        );
        let resolved = &c.tracking.timeline[1].event;
        assert_eq!(
            resolved
                .remedy
                .as_ref()
                .unwrap()
                .amount
                .as_ref()
                .unwrap()
                .money()
                .map(|m| (m.minor_units(), m.currency().code())),
            Some((1250, "EUR"))
        );
        assert_eq!(resolved.outcome.as_ref().unwrap().conclusions, "Broken.");
        assert_eq!(c.evidence[0].shown_name(), "kettle.jpg");
        assert_eq!(TrackedComplaint::from_json("<html>"), None);
    }

    #[test]
    fn a_tracking_link_round_trips_and_junk_is_ignored() {
        let fragment = tracking_fragment("C-5XPD26PVTW", "247ce5ab");
        assert_eq!(
            parse_tracking_fragment(&fragment),
            Some(("C-5XPD26PVTW".into(), "247ce5ab".into()))
        );
        assert_eq!(parse_tracking_fragment("#top"), None);
        assert_eq!(parse_tracking_fragment("#redress-track=C-1.<script>"), None);
        assert_eq!(parse_tracking_fragment("#redress-track=C-1"), None);
    }
}
