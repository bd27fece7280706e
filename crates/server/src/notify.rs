//! Messages to the shopper about their complaint, in the shopper's language.
//!
//! Every message is written to the outbox table in the transaction of the event it
//! reports; a sender (SMTP when configured) delivers it later, so a mail server outage
//! never loses or blocks a status change.

use crate::store::Notification;

/// What happened, as far as the shopper's message is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Occasion {
    /// The complaint was received.
    Received,
    /// The status changed; the label is the new status code.
    StatusChanged,
}

/// Builds the message for `reference` in `language` (English when not translated).
pub fn message(
    id: String,
    reference: &str,
    recipient: Option<String>,
    language: &str,
    occasion: Occasion,
    status: &str,
    created_at: i64,
) -> Notification {
    let primary = language.split('-').next().unwrap_or("en");
    let status = status_label(primary, status);
    let (subject, body) = match (primary, occasion) {
        ("nl", Occasion::Received) => (
            format!("Uw klacht {reference} is ontvangen"),
            format!(
                "Wij hebben uw klacht ontvangen onder referentie {reference}. U kunt de status volgen met de link uit de bevestiging."
            ),
        ),
        ("nl", Occasion::StatusChanged) => (
            format!("Nieuwe status van uw klacht {reference}"),
            format!("De status van uw klacht {reference} is nu: {status}."),
        ),
        ("ru", Occasion::Received) => (
            format!("Ваша жалоба {reference} получена"),
            format!("Мы получили вашу жалобу под номером {reference}."),
        ),
        ("ru", Occasion::StatusChanged) => (
            format!("Новый статус жалобы {reference}"),
            format!("Статус вашей жалобы {reference}: {status}."),
        ),
        (_, Occasion::Received) => (
            format!("Your complaint {reference} was received"),
            format!(
                "We received your complaint under reference {reference}. Follow its status with the link from your confirmation."
            ),
        ),
        (_, Occasion::StatusChanged) => (
            format!("New status of your complaint {reference}"),
            format!("The status of your complaint {reference} is now: {status}."),
        ),
    };
    Notification {
        id,
        complaint_reference: reference.to_owned(),
        recipient,
        language: language.to_owned(),
        subject,
        body,
        created_at,
    }
}

/// The status in words, for the languages the messages are written in; the core state
/// code otherwise.
fn status_label<'a>(language: &str, code: &'a str) -> &'a str {
    const LABELS: &[(&str, &str, &str, &str)] = &[
        // (code, English, Dutch, Russian)
        ("received", "received", "ontvangen", "получена"),
        (
            "acknowledged",
            "acknowledged",
            "in behandeling genomen",
            "принята к рассмотрению",
        ),
        (
            "investigation_open",
            "under investigation",
            "in onderzoek",
            "расследуется",
        ),
        (
            "progress_reported",
            "progress reported",
            "voortgang gemeld",
            "сообщено о ходе рассмотрения",
        ),
        ("resolved", "resolved", "opgelost", "решена"),
        ("rejected", "rejected", "afgewezen", "отклонена"),
        (
            "accepted",
            "closed, answer accepted",
            "afgesloten, antwoord geaccepteerd",
            "закрыта, ответ принят",
        ),
        (
            "escalated_to_board",
            "with the board",
            "bij de directie",
            "передана руководству",
        ),
        (
            "board_answered",
            "answered by the board",
            "beantwoord door de directie",
            "руководство ответило",
        ),
        (
            "referred_externally",
            "referred to an outside body",
            "voorgelegd aan een externe instantie",
            "передана во внешний орган",
        ),
        ("withdrawn", "withdrawn", "ingetrokken", "отозвана"),
    ];
    LABELS
        .iter()
        .find(|(c, ..)| *c == code)
        .map(|(_, en, nl, ru)| match language {
            "nl" => *nl,
            "ru" => *ru,
            _ => *en,
        })
        .unwrap_or(code)
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
        assert!(nl.body.contains("afgewezen"), "{}", nl.body);
        let fy = message(
            "2".into(),
            "C-1",
            None,
            "fy",
            Occasion::Received,
            "received",
            0,
        );
        assert!(fy.subject.starts_with("Your complaint C-1"));
        assert_eq!(fy.language, "fy");
    }
}
