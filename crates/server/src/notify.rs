//! Messages to the shopper about their complaint, in the shopper's language.
//!
//! Every message is written to the outbox table in the transaction of the event it
//! reports; a sender (SMTP when configured) delivers it later, so a mail server outage
//! never loses or blocks a status change.
//!
//! A message says what happened, not only the new status: the handler and the promised
//! date of an acknowledgement, the reasons of a rejection, the remedy and written outcome
//! of a resolution, and the day by which the shop must take its next step. The shop's and
//! the shopper's own words go into the body only; the message is sent as `text/plain`
//! (see `mail.rs`), so nothing typed can become markup, and the subject holds only the
//! reference and catalogue words.

use chrono::{Datelike, NaiveDate};
use redress_catalogue::{Lang, Messages};
use redress_core::escalation::EscalationRoute;
use redress_core::lifecycle::{
    DueStatus, DueStep, DueStepKind, LifecycleEvent, Remedy, WrittenOutcome,
};

use crate::store::Notification;

/// What happened, as far as the shopper's message is concerned.
#[derive(Debug, Clone, Copy)]
pub enum Occasion<'a> {
    /// The complaint was received.
    Received {
        /// The shop's first deadline (its acknowledgement), if the policy sets one.
        next_step: Option<NextStep>,
    },
    /// An event changed the status.
    Recorded {
        /// The event, whose content the message reports.
        event: &'a LifecycleEvent,
        /// The new status (core `ComplaintState` code).
        status: &'a str,
        /// The next deadline of the shop or its board, if one is open.
        next_step: Option<NextStep>,
    },
}

/// The next deadline the shop (or its board) must meet: which step and its due day, a
/// date in the shop's time zone as the core's deadline rules count it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NextStep {
    /// Which step is due.
    pub kind: DueStepKind,
    /// The last day for it, in the shop's time zone.
    pub due_on: NaiveDate,
}

impl NextStep {
    /// The earliest step still open in `view`, the tracker view `tracking::derive`
    /// builds (its `due_steps` are the core's `DueStep`s): the same deadline the shopper's
    /// tracker shows. Overdue steps are left out: their day has passed.
    pub fn of_view(view: &serde_json::Value) -> Option<NextStep> {
        let steps: Vec<DueStep> = serde_json::from_value(view.get("due_steps")?.clone()).ok()?;
        steps
            .iter()
            .filter(|s| s.status() == DueStatus::Open)
            .min_by_key(|s| s.due_by())
            .map(|s| NextStep {
                kind: s.kind(),
                due_on: s.due_on(),
            })
    }
}

/// Builds the message for `reference` in `language` (English when the widget does not
/// speak it). The words are the widget's catalogue (`redress-catalogue`), so the e-mail
/// names a status, an event and a deadline exactly as the shopper's tracker does; where
/// a trustmark handles the complaint, `trustmark` is its name, and every label that
/// would name the shop as the one acting names the trustmark instead.
pub fn message(
    id: String,
    reference: &str,
    recipient: Option<String>,
    language: &str,
    occasion: Occasion<'_>,
    trustmark: Option<&str>,
    created_at: i64,
) -> Notification {
    let words = Lang::from_tag(language).unwrap_or(Lang::En).messages();
    let fill = |template: &str, status: &str| {
        template
            .replace("{reference}", reference)
            .replace("{status}", &words.state_label_of(status, trustmark))
    };
    let mut paragraphs = Vec::new();
    let (subject, next_step) = match occasion {
        Occasion::Received { next_step } => {
            paragraphs.push(fill(words.mail_received_body, "received"));
            (fill(words.mail_received_subject, "received"), next_step)
        }
        Occasion::Recorded {
            event,
            status,
            next_step,
        } => {
            paragraphs.push(format!(
                "{}.",
                words.event_label_of(event.kind().code(), trustmark)
            ));
            paragraphs.push(fill(words.mail_status_body, status));
            paragraphs.extend(details(words, event, trustmark));
            (fill(words.mail_status_subject, status), next_step)
        }
    };
    if let Some(step) = next_step {
        paragraphs.push(
            words
                .mail_next_due
                .replace("{step}", due_kind_label(words, step.kind))
                .replace("{date}", &long_date(words, step.due_on)),
        );
    }
    if matches!(occasion, Occasion::Recorded { .. }) {
        paragraphs.push(words.mail_footer.to_owned());
    }
    Notification {
        id,
        complaint_reference: reference.to_owned(),
        recipient,
        language: language.to_owned(),
        subject,
        body: paragraphs.join("\n\n") + "\n",
        created_at,
    }
}

/// What the event tells the shopper beyond its name, one paragraph each; the same
/// details the tracker's timeline shows.
fn details(words: &Messages, event: &LifecycleEvent, trustmark: Option<&str>) -> Vec<String> {
    let by = |shop, of| Messages::handled_by(shop, of, trustmark);
    let headed = |heading: &str, text: &str| format!("{heading}\n{text}");
    let answer_by = |date: &NaiveDate| {
        words
            .tracker_answer_by
            .replace("{date}", &long_date(words, *date))
    };
    let handled_by = |name: &str| words.tracker_handler.replace("{name}", name);
    match event {
        LifecycleEvent::Acknowledged {
            handler,
            expected_answer_on,
            message,
        } => {
            let mut lines = vec![format!(
                "{}\n{}",
                handled_by(handler.as_ref()),
                answer_by(expected_answer_on)
            )];
            lines.extend(message.iter().map(|m| {
                headed(
                    &by(words.mail_shop_message, words.mail_shop_message_of),
                    m.as_ref(),
                )
            }));
            lines
        }
        LifecycleEvent::Assigned { handler } => vec![handled_by(handler.as_ref())],
        LifecycleEvent::ProgressReported {
            message,
            expected_answer_on,
        } => vec![
            headed(words.mail_progress, message.as_ref()),
            answer_by(expected_answer_on),
        ],
        LifecycleEvent::Rejected { reasons } => vec![headed(
            &by(words.mail_reasons, words.mail_reasons_of),
            reasons.as_ref(),
        )],
        LifecycleEvent::Resolved { remedy, outcome } => {
            let mut lines = vec![remedy_line(words, remedy)];
            lines.extend(outcome_lines(words, outcome));
            lines
        }
        LifecycleEvent::BoardAnswered { remedy, outcome } => {
            let mut lines = vec![match remedy {
                Some(remedy) => remedy_line(words, remedy),
                None => words.mail_no_remedy.to_owned(),
            }];
            lines.extend(outcome_lines(words, outcome));
            lines
        }
        LifecycleEvent::ReferredExternally { body } => {
            let code = EscalationRoute::from(*body).code();
            vec![words.route_label_of(code.trim_start_matches("escalation."), trustmark)]
        }
        LifecycleEvent::Received
        | LifecycleEvent::Accepted
        | LifecycleEvent::EscalatedToBoard
        | LifecycleEvent::Withdrawn => Vec::new(),
    }
}

/// "What you get: Refund (24.99 EUR)".
fn remedy_line(words: &Messages, remedy: &Remedy) -> String {
    let mut text = words.remedy_label(remedy.kind().code()).to_owned();
    if let Some(amount) = remedy.amount() {
        text.push_str(&format!(" ({amount})"));
    }
    words.mail_remedy.replace("{remedy}", &text)
}

/// The three parts of a written outcome, each under its heading.
fn outcome_lines(words: &Messages, outcome: &WrittenOutcome) -> [String; 3] {
    [
        (words.mail_investigation, outcome.investigation()),
        (words.mail_conclusions, outcome.conclusions()),
        (words.mail_actions, outcome.actions()),
    ]
    .map(|(heading, text)| format!("{heading}\n{}", text.as_ref()))
}

/// The tracker's name of a deadline (its codes read `due.acknowledgement`).
fn due_kind_label(words: &Messages, kind: DueStepKind) -> &'static str {
    words.due_kind_label(kind.code().trim_start_matches("due."))
}

fn long_date(words: &Messages, date: NaiveDate) -> String {
    words.long_date(date.year(), date.month(), date.day())
}

#[cfg(test)]
mod tests;
