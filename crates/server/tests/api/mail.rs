//! Messages to the shopper really leave by SMTP: a real SMTP sink on a loopback port
//! (`smtp_sink.rs`) receives what the server's mail sender hands over, in the shopper's
//! language.

use redress_catalogue::Lang;
use serde_json::{Value, json};

use crate::complaints::{acknowledge_event, draft, submit};
use crate::helpers::{SHOP_TOKEN, ServerOptions, TestServer, json};
use crate::smtp_sink::SmtpSink;

/// A server that mails through `sink`.
fn mailing_server(sink: &SmtpSink) -> TestServer {
    TestServer::start_with(ServerOptions {
        config: format!(
            "smtp_url = \"{}\"\nsmtp_from = \"shop@example.com\"\n[limits]\nlookups_per_ip = 1000\nlookups_per_order = 1000\n",
            sink.url()
        ),
        ..Default::default()
    })
}

#[tokio::test]
async fn the_withdrawal_acknowledgement_is_mailed_with_the_receipt() {
    let mut sink = SmtpSink::start().await;
    let server = mailing_server(&sink);
    let body = json!({"language": "en", "draft": {
        "name": "Anna de Vries", "order_number": "RD-1001", "lookup_email": "anna@example.com",
        "email": "anna@example.com",
    }});
    let response = server.post_json("/api/withdrawals", &body).await;
    assert_eq!(response.status(), 201);
    let answer = json(response).await;
    let reference = answer["reference"].as_str().unwrap();
    let signature = answer["receipt"]["signature"].as_str().unwrap();

    let mail = sink.next().await;
    assert_eq!(mail.envelope_to, ["anna@example.com"]);
    assert_eq!(mail.envelope_from, "shop@example.com");
    assert_eq!(
        mail.subject(),
        format!("Confirmation of your withdrawal {reference}")
    );
    let text = mail.body();
    for expected in [
        "Anna de Vries",
        "Wireless headphones",
        "Europe/Amsterdam",
        signature,
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from:\n{text}"
        );
    }
}

/// Appends `event` through the shop API and expects it accepted.
async fn append(server: &TestServer, reference: &str, event: Value) {
    let response = server
        .client
        .post(server.url(&format!("/api/shop/complaints/{reference}/events")))
        .bearer_auth(SHOP_TOKEN)
        .json(&json!({ "event": event }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200, "{}", response.text().await.unwrap());
}

#[tokio::test]
async fn every_status_change_mails_the_shopper_in_their_language() {
    let mut sink = SmtpSink::start().await;
    let server = mailing_server(&sink);
    let in_a_week = (chrono::Utc::now().date_naive() + chrono::Days::new(7)).to_string();
    let in_two_weeks = (chrono::Utc::now().date_naive() + chrono::Days::new(14)).to_string();
    let mut complaints = Vec::new();
    for (language, order, email) in [
        ("en", "RD-1001", "anna@example.com"),
        ("nl", "RD-1002", "bram@example.com"),
    ] {
        let mut complaint = draft("The headphones crackle on the left side.", &[]);
        complaint["order_number"] = json!(order);
        complaint["email"] = json!(email);
        let response = submit(
            &server,
            None,
            &json!({"language": language, "draft": complaint}),
        )
        .await;
        assert_eq!(response.status(), 201);
        let reference = json(response).await["reference"]
            .as_str()
            .unwrap()
            .to_owned();
        append(&server, &reference, acknowledge_event()).await;
        append(
            &server,
            &reference,
            json!({"type": "assigned", "handler": "Piet"}),
        )
        .await;
        // A new handler is no news for the shopper: the status stays, no message.
        append(
            &server,
            &reference,
            json!({"type": "assigned", "handler": "Joke"}),
        )
        .await;
        append(
            &server,
            &reference,
            json!({"type": "progress_reported",
            "message": "The supplier is testing the headphones.", "expected_answer_on": in_a_week}),
        )
        .await;
        // A further report moves the promised day: news even though the status stays.
        append(
            &server,
            &reference,
            json!({"type": "progress_reported",
            "message": "The supplier needs another week.", "expected_answer_on": in_two_weeks}),
        )
        .await;
        append(
            &server,
            &reference,
            json!({"type": "rejected",
            "reasons": "The supplier found <b>water damage</b> & rust."}),
        )
        .await;
        complaints.push((language, email, reference));
    }

    // The sender hands messages over in outbox order; two queued in the same second may
    // swap, so match them by subject rather than by position.
    let mut mails = Vec::new();
    for _ in 0..complaints.len() * 6 {
        mails.push(sink.next().await);
    }
    let answer_on = chrono::Utc::now().date_naive() + chrono::Days::new(7);
    for (language, email, reference) in &complaints {
        use chrono::Datelike;
        // The words come from the catalogue the widget shows: look them up in this
        // language, so the check fails when a mail falls back to another one.
        let words = Lang::from_tag(language).unwrap().messages();
        let theirs: Vec<_> = mails.iter().filter(|m| m.envelope_to == [*email]).collect();
        assert_eq!(theirs.len(), 6, "{language}: {theirs:#?}");
        for mail in &theirs {
            assert_eq!(mail.header("To").as_deref(), Some(*email));
            assert_eq!(mail.header("From").as_deref(), Some("shop@example.com"));
            assert!(mail.body().contains(reference.as_str()), "{}", mail.body());
        }
        let with_status = |status: &str| {
            let subject = words
                .mail_status_subject
                .replace("{reference}", reference)
                .replace("{status}", words.state_label(status));
            let found = theirs.iter().find(|m| m.subject() == subject);
            found.unwrap_or_else(|| panic!("{language}: no mail {subject:?} among {theirs:#?}"))
        };
        // One of the mails with `status` in its subject carries every part.
        let says = |status: &str, parts: &[String]| {
            let subject = with_status(status).subject();
            let bodies: Vec<String> = theirs
                .iter()
                .filter(|m| m.subject() == subject)
                .map(|m| m.body().replace("\r\n", "\n"))
                .collect();
            assert!(
                bodies
                    .iter()
                    .any(|body| parts.iter().all(|part| body.contains(part.as_str()))),
                "{language} {status}: no mail carries all of {parts:#?} in:\n{bodies:#?}"
            );
        };
        let received = words
            .mail_received_subject
            .replace("{reference}", reference);
        let received = theirs.iter().find(|m| m.subject() == received);
        let received = received.unwrap_or_else(|| panic!("{language}: no receipt mail"));
        // The receipt names the shop's first deadline.
        let first_step = words.mail_next_due.split("{step}").next().unwrap();
        assert!(
            received
                .body()
                .contains(&format!("{first_step}{}", words.due_acknowledgement)),
            "{language}: {}",
            received.body()
        );
        // The acknowledgement names the handler and the promised day in the shopper's words.
        let promised = words.long_date(answer_on.year(), answer_on.month(), answer_on.day());
        says(
            "acknowledged",
            &[
                words.tracker_handler.replace("{name}", "Sanne de Vries"),
                words.tracker_answer_by.replace("{date}", &promised),
            ],
        );
        says(
            "investigation_open",
            &[words.tracker_handler.replace("{name}", "Piet")],
        );
        says(
            "progress_reported",
            &[
                format!(
                    "{}\nThe supplier is testing the headphones.",
                    words.mail_progress
                ),
                words.tracker_answer_by.replace("{date}", &promised),
            ],
        );
        let moved = chrono::Utc::now().date_naive() + chrono::Days::new(14);
        says(
            "progress_reported",
            &[
                format!("{}\nThe supplier needs another week.", words.mail_progress),
                words.tracker_answer_by.replace(
                    "{date}",
                    &words.long_date(moved.year(), moved.month(), moved.day()),
                ),
            ],
        );
        // The rejection carries the shop's reasons, as the shop typed them: plain text,
        // so markup in them is shown, never run.
        says(
            "rejected",
            &[
                words.event_rejected.to_owned(),
                format!(
                    "{}\nThe supplier found <b>water damage</b> & rust.",
                    words.mail_reasons
                ),
            ],
        );
        let content_type = with_status("rejected").header("Content-Type");
        assert!(
            content_type
                .as_deref()
                .is_some_and(|c| c.starts_with("text/plain")),
            "{content_type:?}"
        );
        // The shop sees the same six messages, marked with the shopper's language.
        let detail = json(
            server
                .client
                .get(server.url(&format!("/api/shop/complaints/{reference}")))
                .bearer_auth(SHOP_TOKEN)
                .send()
                .await
                .unwrap(),
        )
        .await;
        let notes = detail["notifications"].as_array().unwrap();
        assert_eq!(notes.len(), 6, "{notes:#?}");
        assert!(notes.iter().all(|n| n["language"] == *language));
    }
}

#[tokio::test]
async fn a_url_requiring_tls_never_sends_in_the_clear() {
    // The sink offers no STARTTLS: a server told `tls=required` must hang up before
    // handing over the sender, the recipient or the message.
    let mut sink = SmtpSink::start().await;
    let server = TestServer::start_with(ServerOptions {
        config: format!(
            "smtp_url = \"{}?tls=required\"\nsmtp_from = \"shop@example.com\"\n",
            sink.url()
        ),
        ..Default::default()
    });
    let response = submit(
        &server,
        None,
        &json!({"language": "en", "draft": draft("The headphones crackle on the left side.", &[])}),
    )
    .await;
    assert_eq!(response.status(), 201);
    let commands = sink.next_session().await;
    assert!(
        commands.iter().any(|c| c.starts_with("EHLO")),
        "{commands:?}"
    );
    assert!(
        !commands
            .iter()
            .any(|c| c.starts_with("MAIL") || c.starts_with("RCPT") || c == "DATA"),
        "sent without TLS: {commands:?}"
    );
}

#[tokio::test]
async fn messages_queued_while_the_mail_server_is_down_are_sent_when_it_is_back() {
    // A port with nothing listening: the server's first delivery attempts fail.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap();
    let server = TestServer::start_with(ServerOptions {
        config: format!(
            "smtp_url = \"smtp://127.0.0.1:{port}\"\nsmtp_from = \"shop@example.com\"\n"
        ),
        ..Default::default()
    });
    let response = submit(
        &server,
        None,
        &json!({"language": "nl", "draft": draft("The headphones crackle on the left side.", &[])}),
    )
    .await;
    assert_eq!(response.status(), 201);
    let reference = json(response).await["reference"]
        .as_str()
        .unwrap()
        .to_owned();
    // Wait for a failed attempt (the server logs it) before the mail server comes back.
    let log = server.dir.path().join("server.log");
    for _ in 0..600 {
        let text = std::fs::read_to_string(&log).unwrap_or_default();
        if text.contains("SMTP delivery failed") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(
        std::fs::read_to_string(&log)
            .unwrap_or_default()
            .contains("SMTP delivery failed"),
        "no failed delivery was logged"
    );
    let mut sink = SmtpSink::start_on(port).await;
    let mail = sink.next().await;
    let words = Lang::Nl.messages();
    assert_eq!(
        mail.subject(),
        words
            .mail_received_subject
            .replace("{reference}", &reference)
    );
    assert_eq!(mail.envelope_to, ["anna@example.com"]);
}
