//! Delivers the outbox by SMTP when `smtp_url` is configured.
//!
//! The outbox row is written with the event; this task hands unsent rows to the mail
//! server and marks them sent, so a mail outage delays messages but never loses them.
//! Without `smtp_url` the messages stay in the outbox and are logged when queued.
//! `smtp_url` follows lettre's connection URLs, so a remote mail server is reached over
//! TLS (`smtps://` or `?tls=required`) without a relay in front.

use std::time::Duration;

use lettre::message::{Mailbox, header::ContentType};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::state::AppState;

/// Why the SMTP settings are unusable.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("smtp_url: {0}")]
    Url(String),
    #[error("smtp_from: {0}")]
    From(String),
}

/// A configured SMTP sender.
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Mailer {
    /// Reads `url` the way lettre's `AsyncSmtpTransport::from_url` does:
    /// - `smtp://[user:pass@]host[:port]`: plain SMTP (port 25), for a relay on the same
    ///   host or network;
    /// - `smtp://...?tls=required` (port 587): STARTTLS, refusing to send without it;
    /// - `smtp://...?tls=opportunistic` (port 587): STARTTLS when the server offers it;
    /// - `smtps://...` (port 465): TLS from the first byte.
    ///
    /// TLS checks the server's certificate against the Mozilla roots (webpki-roots).
    /// A user or password with reserved characters must be percent-encoded.
    pub fn new(url: &str, from: &str) -> Result<Mailer, MailError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| {
                MailError::Url(format!(
                    "{e} (expected smtp://host:port, smtp://host:port?tls=required or smtps://host:port)"
                ))
            })?
            .build();
        let from = from
            .parse()
            .map_err(|e: lettre::address::AddressError| MailError::From(e.to_string()))?;
        Ok(Mailer { transport, from })
    }
}

/// Sends unsent outbox messages every few seconds until the process ends.
pub async fn deliver(state: AppState, mailer: Mailer) {
    let mut tick = tokio::time::interval(Duration::from_secs(5));
    loop {
        tick.tick().await;
        let batch = match state.store.unsent(50).await {
            Ok(batch) => batch,
            Err(e) => {
                tracing::error!(error = %e, "reading the outbox failed");
                continue;
            }
        };
        for note in batch {
            let Some(to) = note
                .recipient
                .as_deref()
                .and_then(|r| r.parse::<Mailbox>().ok())
            else {
                continue;
            };
            let message = Message::builder()
                .from(mailer.from.clone())
                .to(to)
                .subject(note.subject.clone())
                .header(ContentType::TEXT_PLAIN)
                .body(note.body.clone());
            let message = match message {
                Ok(message) => message,
                Err(e) => {
                    tracing::error!(error = %e, id = %note.id, "building a notification failed");
                    continue;
                }
            };
            match mailer.transport.send(message).await {
                Ok(_) => {
                    if let Err(e) = state
                        .store
                        .mark_sent(&note.id, chrono::Utc::now().timestamp())
                        .await
                    {
                        tracing::error!(error = %e, id = %note.id, "marking a notification sent failed");
                    }
                }
                Err(e) => {
                    tracing::warn!(error = %e, id = %note.id, "SMTP delivery failed; will retry");
                    break;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_starttls_and_implicit_tls_urls_are_accepted() {
        for url in [
            "smtp://127.0.0.1:2525",
            "smtp://user:p%40ss@mail.example.com:587?tls=required",
            "smtp://mail.example.com?tls=opportunistic",
            "smtps://user:secret@mail.example.com",
            "smtps://mail.example.com:465/shop.example.com",
        ] {
            assert!(
                Mailer::new(url, "shop@example.com").is_ok(),
                "{url} was refused"
            );
        }
    }

    #[test]
    fn a_url_without_a_known_scheme_or_tls_mode_is_refused_naming_the_key() {
        for url in [
            "http://mail.example.com",
            "smtp://mail.example.com?tls=sometimes",
            "mail.example.com:25",
            "smtp://",
        ] {
            let Err(error) = Mailer::new(url, "shop@example.com") else {
                panic!("{url} was accepted");
            };
            assert!(error.to_string().starts_with("smtp_url: "), "{error}");
        }
        let Err(error) = Mailer::new("smtp://127.0.0.1:25", "not an address") else {
            panic!("a bad sender was accepted");
        };
        assert!(error.to_string().starts_with("smtp_from: "), "{error}");
    }
}
