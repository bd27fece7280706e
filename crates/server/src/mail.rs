//! Delivers the outbox by SMTP when `smtp_url` is configured.
//!
//! The outbox row is written with the event; this task hands unsent rows to the mail
//! server and marks them sent, so a mail outage delays messages but never loses them.
//! Without `smtp_url` the messages stay in the outbox and are logged when queued.

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
    /// `smtp://user:pass@host:port` (this build speaks plain SMTP; put a TLS relay in front
    /// for a remote mail server).
    pub fn new(url: &str, from: &str) -> Result<Mailer, MailError> {
        let rest = url
            .strip_prefix("smtp://")
            .ok_or_else(|| MailError::Url("must start with smtp:// (plain SMTP)".to_owned()))?;
        let (credentials, address) = match rest.rsplit_once('@') {
            Some((credentials, address)) => (Some(credentials), address),
            None => (None, rest),
        };
        let address = address.trim_end_matches('/');
        let (host, port) = match address.rsplit_once(':') {
            Some((host, port)) => (
                host,
                port.parse::<u16>()
                    .map_err(|_| MailError::Url(format!("port {port:?} is not a number")))?,
            ),
            None => (address, 25),
        };
        if host.is_empty() {
            return Err(MailError::Url("no host".to_owned()));
        }
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host).port(port);
        if let Some((user, password)) = credentials.and_then(|c| c.split_once(':')) {
            builder =
                builder.credentials(lettre::transport::smtp::authentication::Credentials::new(
                    user.to_owned(),
                    password.to_owned(),
                ));
        }
        let transport = builder.build();
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
