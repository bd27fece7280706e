//! Messages to the shopper about their complaint, in the shopper's language.
//!
//! Every message is written to the outbox table in the transaction of the event it
//! reports; a sender (SMTP when configured) delivers it later, so a mail server outage
//! never loses or blocks a status change.

use redress_catalogue::Lang;

use crate::store::Notification;

/// What happened, as far as the shopper's message is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Occasion {
    /// The complaint was received.
    Received,
    /// The status changed; the label is the new status code.
    StatusChanged,
}

/// Builds the message for `reference` in `language` (English when the widget does not
/// speak it). The words are the widget's catalogue (`redress-catalogue`), so the e-mail
/// names a status exactly as the shopper's tracker does.
pub fn message(
    id: String,
    reference: &str,
    recipient: Option<String>,
    language: &str,
    occasion: Occasion,
    status: &str,
    created_at: i64,
) -> Notification {
    let words = Lang::from_tag(language).unwrap_or(Lang::En).messages();
    let (subject, body) = match occasion {
        Occasion::Received => (words.mail_received_subject, words.mail_received_body),
        Occasion::StatusChanged => (words.mail_status_subject, words.mail_status_body),
    };
    let fill = |template: &str| {
        template
            .replace("{reference}", reference)
            .replace("{status}", words.state_label(status))
    };
    Notification {
        id,
        complaint_reference: reference.to_owned(),
        recipient,
        language: language.to_owned(),
        subject: fill(subject),
        body: fill(body),
        created_at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_use_the_shoppers_language_and_fall_back_to_english() {
        let nl = message(
            "1".into(),
            "C-1",
            None,
            "nl-BE",
            Occasion::StatusChanged,
            "rejected",
            0,
        );
        assert!(nl.body.contains("Afgewezen"), "{}", nl.body);
        let de = message(
            "2".into(),
            "C-1",
            None,
            "de-AT",
            Occasion::StatusChanged,
            "resolved",
            0,
        );
        assert!(de.subject.contains("Beschwerde C-1"), "{}", de.subject);
        assert!(!de.body.contains("{status}"), "{}", de.body);
        let unknown = message(
            "3".into(),
            "C-1",
            None,
            "pt",
            Occasion::Received,
            "received",
            0,
        );
        assert!(unknown.subject.starts_with("Your complaint C-1"));
        assert_eq!(unknown.language, "pt");
    }
}
