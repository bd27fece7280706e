//! The acknowledgement on a durable medium really leaves by SMTP: a minimal SMTP sink
//! on a loopback port receives what the server's mail sender hands over.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::mpsc;
use std::time::Duration;

use serde_json::json;

use crate::helpers::{ServerOptions, TestServer, json};

/// Accepts SMTP sessions and sends each message's DATA (headers and body) to the channel.
fn smtp_sink() -> (u16, mpsc::Receiver<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut writer = stream.try_clone().unwrap();
            let mut reader = BufReader::new(stream);
            let _ = writer.write_all(b"220 sink ESMTP\r\n");
            let mut line = String::new();
            while reader.read_line(&mut line).unwrap_or(0) > 0 {
                let command = line.trim_end().to_ascii_uppercase();
                let reply: &[u8] = if command.starts_with("EHLO") || command.starts_with("HELO") {
                    b"250 sink\r\n"
                } else if command == "DATA" {
                    let _ = writer.write_all(b"354 go on\r\n");
                    let mut data = String::new();
                    let mut text = String::new();
                    while reader.read_line(&mut text).unwrap_or(0) > 0 && text != ".\r\n" {
                        data.push_str(&text);
                        text.clear();
                    }
                    let _ = sender.send(data);
                    b"250 queued\r\n"
                } else if command == "QUIT" {
                    let _ = writer.write_all(b"221 bye\r\n");
                    break;
                } else {
                    b"250 ok\r\n"
                };
                let _ = writer.write_all(reply);
                line.clear();
            }
        }
    });
    (port, receiver)
}

/// Undoes quoted-printable transfer encoding (soft line breaks and `=XX`).
fn quoted_printable(text: &str) -> String {
    let joined = text.replace("=\r\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| {
            std::str::from_utf8(h)
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        });
        match (bytes[i], hex) {
            (b'=', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[tokio::test]
async fn the_withdrawal_acknowledgement_is_mailed_with_the_receipt() {
    let (port, mails) = smtp_sink();
    let server = TestServer::start_with(ServerOptions {
        config: format!(
            "smtp_url = \"smtp://127.0.0.1:{port}\"\nsmtp_from = \"shop@example.com\"\n[limits]\nlookups_per_ip = 1000\nlookups_per_order = 1000\n"
        ),
        ..Default::default()
    });
    let body = json!({"language": "en", "draft": {
        "name": "Anna de Vries", "order_number": "RD-1001", "lookup_email": "anna@example.com",
        "email": "anna@example.com",
    }});
    let response = server.post_json("/api/withdrawals", &body).await;
    assert_eq!(response.status(), 201);
    let answer = json(response).await;
    let reference = answer["reference"].as_str().unwrap();
    let signature = answer["receipt"]["signature"].as_str().unwrap();

    // The sender polls the outbox every few seconds; the bound only stops a hung test.
    let mail = tokio::task::spawn_blocking(move || mails.recv_timeout(Duration::from_secs(60)))
        .await
        .unwrap()
        .expect("no acknowledgement reached the SMTP sink");
    let text = quoted_printable(&mail);
    assert!(text.contains("To: anna@example.com"), "{text}");
    assert!(
        text.contains(&format!("Confirmation of your withdrawal {reference}")),
        "{text}"
    );
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
