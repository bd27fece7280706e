//! What a shopper reads in each message, in English and Dutch.

use chrono::NaiveDate;
use redress_core::lifecycle::{DueStepKind, LifecycleEvent};
use serde_json::json;

use super::*;

fn event(json: serde_json::Value) -> LifecycleEvent {
    serde_json::from_value(json).expect("a lifecycle event")
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a date")
}

/// The message for `event` with status `status`, in `language`, no deadline open.
fn mail(language: &str, event: &LifecycleEvent, status: &str) -> Notification {
    mail_by(language, event, status, None)
}

/// As [`mail`], for a complaint the trustmark `trustmark` handles.
fn mail_by(
    language: &str,
    event: &LifecycleEvent,
    status: &str,
    trustmark: Option<&str>,
) -> Notification {
    message(
        "1".into(),
        "C-7",
        None,
        language,
        Occasion::Recorded {
            event,
            status,
            next_step: None,
        },
        trustmark,
        0,
    )
}

fn assert_says(note: &Notification, parts: &[&str]) {
    for part in parts {
        assert!(
            note.body.contains(part),
            "{part:?} missing from:\n{}",
            note.body
        );
    }
}

#[test]
fn an_acknowledgement_names_the_handler_the_date_and_the_shops_message() {
    let ack = event(json!({"type": "acknowledged", "handler": "Sanne de Vries",
        "expected_answer_on": "2026-12-04", "message": "We have asked the courier."}));
    let en = mail("en", &ack, "acknowledged");
    assert_eq!(en.subject, "Your complaint C-7: Confirmed by the shop");
    assert_says(
        &en,
        &[
            "The shop confirmed receipt.",
            "Handled by Sanne de Vries",
            "Answer expected by 4 December 2026",
            "Message from the shop:\nWe have asked the courier.",
            "link from your confirmation",
        ],
    );
    let nl = mail("nl-BE", &ack, "acknowledged");
    assert!(nl.subject.starts_with("Je klacht C-7: "), "{}", nl.subject);
    assert_says(
        &nl,
        &[
            "Behandeld door Sanne de Vries",
            "uiterlijk 4 december 2026",
            "Bericht van de winkel:\nWe have asked the courier.",
        ],
    );
    let without = event(json!({"type": "acknowledged", "handler": "Sanne",
        "expected_answer_on": "2026-12-04"}));
    assert!(
        !mail("en", &without, "acknowledged")
            .body
            .contains("Message from the shop")
    );
}

#[test]
fn a_rejection_carries_the_shops_reasons() {
    let rejected =
        event(json!({"type": "rejected", "reasons": "The seal was broken <b>after</b> delivery."}));
    let en = mail("en", &rejected, "rejected");
    assert_eq!(en.subject, "Your complaint C-7: Rejected");
    assert_says(
        &en,
        &[
            "The shop rejected the complaint.",
            "Why the shop rejected it:\nThe seal was broken <b>after</b> delivery.",
        ],
    );
    let nl = mail("nl", &rejected, "rejected");
    assert_says(
        &nl,
        &[
            "Afgewezen",
            "Waarom de winkel je klacht afwijst:\nThe seal was broken",
        ],
    );
    // What the shop typed stays out of the subject, which holds catalogue words only.
    assert!(!en.subject.contains("seal") && !nl.subject.contains("seal"));
}

fn outcome() -> serde_json::Value {
    json!({"investigation": "We checked the carrier's scans.",
        "conclusions": "The parcel was lost in transit.",
        "actions": "We changed carrier for your area."})
}

#[test]
fn a_resolution_names_the_remedy_with_its_amount_and_the_written_outcome() {
    let resolved = event(json!({"type": "resolved",
        "remedy": {"kind": "refund", "amount": {"minor_units": 2499, "currency": "EUR"}},
        "outcome": outcome()}));
    let en = mail("en", &resolved, "resolved");
    assert_says(
        &en,
        &[
            "The shop resolved the complaint.",
            "What you get: Refund (24.99 EUR)",
            "What was investigated:\nWe checked the carrier's scans.",
            "What was concluded:\nThe parcel was lost in transit.",
            "What was done:\nWe changed carrier for your area.",
        ],
    );
    let nl = mail("nl", &resolved, "resolved");
    assert_says(
        &nl,
        &[
            "Wat je krijgt: Terugbetaling (24.99 EUR)",
            "Wat er is onderzocht:\nWe checked",
            "Wat er is geconcludeerd:\nThe parcel",
            "Wat er is gedaan:\nWe changed",
        ],
    );
}

#[test]
fn a_board_answer_says_whether_it_grants_a_remedy() {
    let upheld = event(json!({"type": "board_answered", "outcome": outcome()}));
    assert_says(
        &mail("en", &upheld, "board_answered"),
        &["No remedy was granted.", "What was concluded:\nThe parcel"],
    );
    assert_says(
        &mail("nl", &upheld, "board_answered"),
        &[
            "Er is geen oplossing toegekend.",
            "Wat er is gedaan:\nWe changed",
        ],
    );
    let granted = event(json!({"type": "board_answered",
        "remedy": {"kind": "replacement"}, "outcome": outcome()}));
    let en = mail("en", &granted, "board_answered");
    assert_says(&en, &["What you get: Replacement"]);
    assert!(!en.body.contains("No remedy"), "{}", en.body);
}

#[test]
fn a_progress_report_and_an_assignment_say_how_far_and_who() {
    let progress = event(json!({"type": "progress_reported",
        "message": "The supplier is testing the headphones.", "expected_answer_on": "2027-01-08"}));
    assert_says(
        &mail("en", &progress, "progress_reported"),
        &[
            "How far the investigation is:\nThe supplier is testing",
            "Answer expected by 8 January 2027",
        ],
    );
    assert_says(
        &mail("nl", &progress, "progress_reported"),
        &[
            "Zo ver is het onderzoek:\nThe supplier",
            "uiterlijk 8 januari 2027",
        ],
    );
    let assigned = event(json!({"type": "assigned", "handler": "Piet"}));
    assert_says(
        &mail("en", &assigned, "investigation_open"),
        &["Handled by Piet"],
    );
    assert_says(
        &mail("nl", &assigned, "investigation_open"),
        &["Behandeld door Piet"],
    );
}

#[test]
fn the_shoppers_own_steps_are_confirmed_by_name() {
    let referred = event(json!({"type": "referred_externally", "body": "payment_provider"}));
    let en = mail("en", &referred, "referred_externally");
    let en_words = Lang::En.messages();
    assert_says(
        &en,
        &[
            en_words.route_chargeback,
            en_words.event_referred_externally,
        ],
    );
    let nl_words = Lang::Nl.messages();
    assert_says(
        &mail("nl", &referred, "referred_externally"),
        &[nl_words.route_chargeback],
    );
    for (kind, status) in [
        ("accepted", "accepted"),
        ("escalated_to_board", "escalated_to_board"),
        ("withdrawn", "withdrawn"),
    ] {
        let done = event(json!({ "type": kind }));
        for (language, words) in [("en", en_words), ("nl", nl_words)] {
            let note = mail(language, &done, status);
            assert_says(&note, &[words.event_label(kind), words.state_label(status)]);
        }
    }
}

#[test]
fn the_next_deadline_is_named_with_its_day_in_the_shoppers_language() {
    let next_step = Some(NextStep {
        kind: DueStepKind::Acknowledgement,
        due_on: day(2026, 11, 24),
    });
    let received = |language| {
        message(
            "1".into(),
            "C-7",
            None,
            language,
            Occasion::Received { next_step },
            None,
            0,
        )
    };
    assert_says(
        &received("en"),
        &["Next step: Confirmation of receipt, by 24 November 2026 at the latest."],
    );
    assert_says(
        &received("nl"),
        &["Volgende stap: Ontvangstbevestiging, uiterlijk 24 november 2026."],
    );
    assert_says(&received("de"), &["spätestens am 24. November 2026"]);
    let ack = event(json!({"type": "acknowledged", "handler": "Sanne",
        "expected_answer_on": "2026-12-04"}));
    let note = message(
        "2".into(),
        "C-7",
        None,
        "en",
        Occasion::Recorded {
            event: &ack,
            status: "acknowledged",
            next_step: Some(NextStep {
                kind: DueStepKind::Assignment,
                due_on: day(2026, 11, 27),
            }),
        },
        None,
        0,
    );
    assert_says(
        &note,
        &["Next step: Assigned for investigation, by 27 November 2026"],
    );
}

#[test]
fn the_next_deadline_is_the_earliest_open_step_of_the_tracker_view() {
    let view = json!({"due_steps": [
        {"kind": "acknowledgement", "due_on": "2026-11-24", "due_by": "2026-11-24T22:59:59Z",
         "met": {"at": "2026-11-22T10:00:00Z", "event": "acknowledged"}, "status": "met", "working_days_left": null},
        {"kind": "resolution", "due_on": "2026-12-20", "due_by": "2026-12-20T22:59:59Z",
         "met": null, "status": "open", "working_days_left": 20},
        {"kind": "assignment", "due_on": "2026-11-27", "due_by": "2026-11-27T22:59:59Z",
         "met": null, "status": "open", "working_days_left": 4},
    ]});
    assert_eq!(
        NextStep::of_view(&view),
        Some(NextStep {
            kind: DueStepKind::Assignment,
            due_on: day(2026, 11, 27)
        })
    );
    assert_eq!(NextStep::of_view(&json!({"due_steps": []})), None);
    assert_eq!(NextStep::of_view(&json!({})), None);
}

#[test]
fn messages_use_the_shoppers_language_and_fall_back_to_english() {
    let rejected = event(json!({"type": "rejected", "reasons": "Out of warranty."}));
    assert!(
        mail("nl-BE", &rejected, "rejected")
            .body
            .contains("Afgewezen")
    );
    let de = mail("de-AT", &rejected, "resolved");
    assert!(de.subject.contains("Beschwerde C-7"), "{}", de.subject);
    assert!(!de.body.contains('{'), "{}", de.body);
    let unknown = message(
        "3".into(),
        "C-7",
        None,
        "pt",
        Occasion::Received { next_step: None },
        None,
        0,
    );
    assert!(unknown.subject.starts_with("Your complaint C-7"));
    assert_eq!(unknown.language, "pt");
}

#[test]
fn a_trustmarks_complaint_names_the_trustmark_where_a_shops_names_the_shop() {
    let ack = event(json!({"type": "acknowledged", "handler": "Sanne de Vries",
        "expected_answer_on": "2026-12-04", "message": "We have asked the shop."}));
    let en = mail_by("en", &ack, "acknowledged", Some("Becom"));
    assert_eq!(en.subject, "Your complaint C-7: Confirmed by Becom");
    assert_says(
        &en,
        &[
            "Becom confirmed receipt.",
            "The status of your complaint C-7 is now: Confirmed by Becom.",
            "Message from Becom:\nWe have asked the shop.",
        ],
    );
    let rejected =
        event(json!({"type": "rejected", "reasons": "The bell was not part of the order."}));
    let nl = mail_by("nl", &rejected, "rejected", Some("Becom"));
    assert_says(
        &nl,
        &[
            "Becom heeft de klacht afgewezen.",
            "Waarom Becom je klacht afwijst:",
        ],
    );
    for note in [en, nl] {
        assert!(
            !note.body.contains("shop confirmed") && !note.body.contains("winkel"),
            "{}",
            note.body
        );
    }
}
