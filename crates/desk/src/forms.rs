//! From what the handler typed to a core `LifecycleEvent`: each text goes through the core
//! crate's own type (`HandlerName`, `Statement`, `Money`), so a form shows the same codes
//! the server would answer with, before anything is sent.

use chrono::NaiveDate;
use redress_core::domain::{Currency, Money, MoneyError, ResolutionKind};
use redress_core::lifecycle::{HandlerName, LifecycleEvent, Remedy, Statement, WrittenOutcome};

/// A field of a desk form that breaks a rule: `field` is the form field's name, `code` a
/// stable code (`handler_name.empty`, `date.in_the_past`) the catalogue translates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormError {
    pub field: &'static str,
    pub code: &'static str,
}

/// What the resolve and board-answer forms hold, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutcomeForm {
    /// A core `ResolutionKind` code; empty means no remedy (board answers only).
    pub remedy: String,
    /// Decimal amount, `12,50` or `12.50`; empty means none.
    pub amount: String,
    pub investigation: String,
    pub conclusions: String,
    pub actions: String,
}

/// Collects every error of a form, so the handler sees them all at once.
#[derive(Default)]
struct Errors(Vec<FormError>);

impl Errors {
    fn check<T, E>(
        &mut self,
        field: &'static str,
        result: Result<T, E>,
        code: impl Fn(&E) -> &'static str,
    ) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(error) => {
                self.0.push(FormError {
                    field,
                    code: code(&error),
                });
                None
            }
        }
    }

    fn finish(self, event: Option<LifecycleEvent>) -> Result<LifecycleEvent, Vec<FormError>> {
        match event {
            Some(event) if self.0.is_empty() => Ok(event),
            _ => Err(self.0),
        }
    }
}

fn handler(errors: &mut Errors, raw: &str) -> Option<HandlerName> {
    errors.check("handler", HandlerName::parse(raw), |e| e.code())
}

fn statement(errors: &mut Errors, field: &'static str, raw: &str) -> Option<Statement> {
    errors.check(field, Statement::parse(raw), |e| e.code())
}

/// A promised date: `YYYY-MM-DD` (what `<input type=date>` gives), not before `today`.
fn promised(errors: &mut Errors, raw: &str, today: NaiveDate) -> Option<NaiveDate> {
    let parsed = match raw.trim() {
        "" => Err("date.missing"),
        text => NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map_err(|_| "date.format")
            .and_then(|d| {
                if d < today {
                    Err("date.in_the_past")
                } else {
                    Ok(d)
                }
            }),
    };
    errors.check("expected_answer_on", parsed, |code| code)
}

fn money_code(error: &MoneyError) -> &'static str {
    match error {
        MoneyError::Format | MoneyError::Currency(_) => "amount.format",
        MoneyError::NotPositive => "amount.not_positive",
        MoneyError::TooLarge { .. } => "amount.too_large",
    }
}

/// The remedy of a resolve or board-answer form; `Ok(None)` when none was chosen.
fn remedy(
    errors: &mut Errors,
    form: &OutcomeForm,
    currency: Currency,
    required: bool,
) -> Option<Option<Remedy>> {
    let kind = match form.remedy.trim() {
        "" if required => {
            errors.0.push(FormError {
                field: "remedy",
                code: "remedy.missing",
            });
            return None;
        }
        "" => return Some(None),
        code => errors.check(
            "remedy",
            ResolutionKind::parse_code(code).ok_or(()),
            |_| "remedy.unknown",
        )?,
    };
    let amount = match form.amount.trim() {
        "" => None,
        text => Some(errors.check("amount", Money::parse_decimal(text, currency), money_code)?),
    };
    Some(Some(Remedy::new(kind, amount)))
}

fn outcome(errors: &mut Errors, form: &OutcomeForm) -> Option<WrittenOutcome> {
    let investigation = statement(errors, "investigation", &form.investigation);
    let conclusions = statement(errors, "conclusions", &form.conclusions);
    let actions = statement(errors, "actions", &form.actions);
    Some(WrittenOutcome::new(investigation?, conclusions?, actions?))
}

/// Acknowledge: the handler's name and the date the shopper can expect an answer.
pub fn acknowledge(
    handler_name: &str,
    expected: &str,
    message: &str,
    today: NaiveDate,
) -> Result<LifecycleEvent, Vec<FormError>> {
    let mut errors = Errors::default();
    let handler = handler(&mut errors, handler_name);
    let expected_answer_on = promised(&mut errors, expected, today);
    // The message is optional: blank is none, anything else must be a valid statement.
    let message = match message.trim() {
        "" => Some(None),
        text => statement(&mut errors, "message", text).map(Some),
    };
    let event = handler.zip(expected_answer_on).zip(message).map(
        |((handler, expected_answer_on), message)| LifecycleEvent::Acknowledged {
            handler,
            expected_answer_on,
            message,
        },
    );
    errors.finish(event)
}

/// Assign (or re-assign) the investigator.
pub fn assign(handler_name: &str) -> Result<LifecycleEvent, Vec<FormError>> {
    let mut errors = Errors::default();
    let event =
        handler(&mut errors, handler_name).map(|handler| LifecycleEvent::Assigned { handler });
    errors.finish(event)
}

/// A progress report with the new date of the full answer.
pub fn progress(
    message: &str,
    expected: &str,
    today: NaiveDate,
) -> Result<LifecycleEvent, Vec<FormError>> {
    let mut errors = Errors::default();
    let message = statement(&mut errors, "message", message);
    let expected_answer_on = promised(&mut errors, expected, today);
    let event = message
        .zip(expected_answer_on)
        .map(
            |(message, expected_answer_on)| LifecycleEvent::ProgressReported {
                message,
                expected_answer_on,
            },
        );
    errors.finish(event)
}

/// Resolve with a remedy and the written outcome.
pub fn resolve(form: &OutcomeForm, currency: Currency) -> Result<LifecycleEvent, Vec<FormError>> {
    let mut errors = Errors::default();
    let remedy = remedy(&mut errors, form, currency, true);
    let outcome = outcome(&mut errors, form);
    let event = match (remedy, outcome) {
        (Some(Some(remedy)), Some(outcome)) => Some(LifecycleEvent::Resolved { remedy, outcome }),
        _ => None,
    };
    errors.finish(event)
}

/// Reject, with the reasons the shopper can review.
pub fn reject(reasons: &str) -> Result<LifecycleEvent, Vec<FormError>> {
    let mut errors = Errors::default();
    let event = statement(&mut errors, "reasons", reasons)
        .map(|reasons| LifecycleEvent::Rejected { reasons });
    errors.finish(event)
}

/// The board's answer, with a remedy when it grants one.
pub fn board_answer(
    form: &OutcomeForm,
    currency: Currency,
) -> Result<LifecycleEvent, Vec<FormError>> {
    let mut errors = Errors::default();
    let remedy = remedy(&mut errors, form, currency, false);
    let outcome = outcome(&mut errors, form);
    let event = match (remedy, outcome) {
        (Some(remedy), Some(outcome)) => Some(LifecycleEvent::BoardAnswered { remedy, outcome }),
        _ => None,
    };
    errors.finish(event)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
    }

    fn codes(result: Result<LifecycleEvent, Vec<FormError>>) -> Vec<(&'static str, &'static str)> {
        result
            .unwrap_err()
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect()
    }

    #[test]
    fn an_acknowledgement_is_the_core_event_the_server_reads() {
        let event = acknowledge(" Sanne de Vries ", "2026-11-28", " ", today()).unwrap();
        assert_eq!(
            serde_json::to_value(&event).unwrap(),
            serde_json::json!({"type": "acknowledged", "handler": "Sanne de Vries", "expected_answer_on": "2026-11-28"})
        );
        let with_word = acknowledge(
            "Sanne",
            "2026-11-28",
            "We test the kettle this week.",
            today(),
        )
        .unwrap();
        assert_eq!(
            serde_json::to_value(&with_word).unwrap()["message"],
            "We test the kettle this week."
        );
    }

    #[test]
    fn every_error_of_a_form_is_reported_at_once_with_core_codes() {
        assert_eq!(
            codes(acknowledge("  ", "2026-11-20", "", today())),
            [
                ("handler", "handler_name.empty"),
                ("expected_answer_on", "date.in_the_past")
            ]
        );
        assert_eq!(
            codes(progress("", "", today())),
            [
                ("message", "statement.empty"),
                ("expected_answer_on", "date.missing")
            ]
        );
        let form = OutcomeForm {
            remedy: String::new(),
            amount: "abc".into(),
            ..OutcomeForm::default()
        };
        assert_eq!(
            codes(resolve(&form, Currency::EUR)),
            [
                ("remedy", "remedy.missing"),
                ("investigation", "statement.empty"),
                ("conclusions", "statement.empty"),
                ("actions", "statement.empty")
            ]
        );
    }

    #[test]
    fn a_refund_carries_its_amount_in_minor_units() {
        let form = OutcomeForm {
            remedy: "refund".into(),
            amount: "24,99".into(),
            investigation: "We tested it.".into(),
            conclusions: "The element failed.".into(),
            actions: "Refunded.".into(),
        };
        let json = serde_json::to_value(resolve(&form, Currency::EUR).unwrap()).unwrap();
        assert_eq!(json["remedy"]["amount"]["minor_units"], 2499);
        let bad = OutcomeForm {
            amount: "0".into(),
            ..form.clone()
        };
        assert_eq!(
            codes(resolve(&bad, Currency::EUR)),
            [("amount", "amount.not_positive")]
        );
        // A board may uphold the shop's position: no remedy.
        let upheld = OutcomeForm {
            remedy: String::new(),
            amount: String::new(),
            ..form
        };
        let json = serde_json::to_value(board_answer(&upheld, Currency::EUR).unwrap()).unwrap();
        assert_eq!(json["type"], "board_answered");
        assert!(json["remedy"].is_null());
    }
}
