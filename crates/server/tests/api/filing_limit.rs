//! `filings_per_ip`: every stored filing mails the address its form gave, so one client IP
//! may only have so many stored per window, complaints, withdrawals and trustmark
//! complaints together. Refused filings and replays of an answered key do not count.

use redress_server::store::{ComplaintStore, SqlStore, connect};
use serde_json::{Value, json};

use crate::complaints::{draft, submit};
use crate::helpers::{Postgres, ServerOptions, TestServer, json};
use crate::repeated_keys::listed;

fn two_filings(database_url: Option<String>) -> ServerOptions {
    ServerOptions {
        database_url,
        config: "[limits]\nlookups_per_ip = 1000\nlookups_per_order = 1000\nfilings_per_ip = 2\n"
            .to_owned(),
        ..Default::default()
    }
}

fn complaint(description: &str) -> Value {
    json!({"language": "en", "draft": draft(description, &[])})
}

/// A withdrawal from demo order RD-1001 (window open).
fn withdrawal() -> Value {
    json!({"language": "en", "draft": {
        "name": "Anna de Vries", "order_number": "RD-1001",
        "lookup_email": "anna@example.com", "email": "anna@example.com",
    }})
}

async fn withdraw(server: &TestServer, body: &Value) -> reqwest::Response {
    server
        .client
        .post(server.url("/api/withdrawals"))
        .json(body)
        .send()
        .await
        .expect("request")
}

/// The messages waiting in the server's outbox (no SMTP configured: none is sent).
async fn queued_messages(database_url: &str) -> usize {
    let store = SqlStore::new(connect(database_url).await.expect("database"));
    store.unsent(100).await.expect("outbox").len()
}

async fn assert_rate_limited(response: reqwest::Response) {
    assert_eq!(response.status(), 429);
    let body = json(response).await;
    assert_eq!(body["error"], "rate_limited");
    assert!(
        body["message"]
            .as_str()
            .is_some_and(|m| m.contains("too many complaints")),
        "{body}"
    );
}

/// Three refused filings use nothing; two complaints are stored; the third complaint and
/// then a withdrawal are refused with nothing stored or queued; the first complaint's
/// retry still gets its original answer.
async fn two_filings_then_refused(server: &TestServer, database_url: &str) {
    for n in 0..3 {
        let mut refused = complaint("The kettle stopped heating after two days.");
        refused["draft"]["email"] = json!(format!("not-an-email-{n}"));
        let response = submit(server, Some(&format!("refused-{n}")), &refused).await;
        assert_eq!(response.status(), 422);
    }

    let first_body = complaint("The kettle stopped heating after two days.");
    let first = submit(server, Some("first"), &first_body).await;
    assert_eq!(first.status(), 201);
    let first_reference = json(first).await["reference"].clone();
    let second = submit(
        server,
        Some("second"),
        &complaint("The lid of the kettle does not close."),
    )
    .await;
    assert_eq!(second.status(), 201);

    let third = submit(
        server,
        Some("third"),
        &complaint("The kettle's cable is frayed."),
    )
    .await;
    assert_rate_limited(third).await;
    assert_rate_limited(withdraw(server, &withdrawal()).await).await;

    assert_eq!(listed(server, "/api/shop/complaints").await, 2);
    assert_eq!(listed(server, "/api/shop/withdrawals").await, 0);
    assert_eq!(queued_messages(database_url).await, 2);

    let replayed = submit(server, Some("first"), &first_body).await;
    assert_eq!(replayed.status(), 201);
    assert_eq!(
        replayed
            .headers()
            .get("idempotent-replayed")
            .and_then(|v| v.to_str().ok()),
        Some("true")
    );
    assert_eq!(json(replayed).await["reference"], first_reference);
}

fn sqlite_url(server: &TestServer) -> String {
    let file = server.data_dir().join("redress.db");
    format!("sqlite://{}?mode=rwc", file.display())
}

#[tokio::test]
async fn a_client_ip_gets_two_stored_filings_then_429_on_sqlite() {
    let server = TestServer::start_with(two_filings(None));
    two_filings_then_refused(&server, &sqlite_url(&server)).await;
}

#[tokio::test]
async fn a_client_ip_gets_two_stored_filings_then_429_on_postgres() {
    let postgres = Postgres::start();
    let server = TestServer::start_with(two_filings(Some(postgres.url.clone())));
    two_filings_then_refused(&server, &postgres.url).await;
}

/// Stored withdrawals use the same allowance as complaints: both send mail.
#[tokio::test]
async fn withdrawals_use_the_complaints_allowance() {
    let server = TestServer::start_with(two_filings(None));
    for _ in 0..2 {
        assert_eq!(withdraw(&server, &withdrawal()).await.status(), 201);
    }
    let body = complaint("The kettle stopped heating after two days.");
    assert_rate_limited(submit(&server, None, &body).await).await;
    assert_eq!(listed(&server, "/api/shop/complaints").await, 0);
    assert_eq!(queued_messages(&sqlite_url(&server)).await, 2);
}

/// A trustmark's complaints use the same allowance: a shop complaint and a trustmark
/// complaint are stored, the next trustmark complaint is refused, and a retry of the
/// stored one still gets its first answer.
#[tokio::test]
async fn trustmark_complaints_use_the_same_allowance() {
    use crate::trustmark_complaints::{days_ago, request, sign_registry};
    let server = TestServer::start_with(two_filings(None));
    sign_registry(&server);
    let file = |key: &'static str, body: Value| {
        let request = server
            .client
            .post(server.url("/api/trustmark/complaints"))
            .header("idempotency-key", key)
            .json(&body);
        async move { request.send().await.expect("request") }
    };
    let body = complaint("The kettle stopped heating after two days.");
    assert_eq!(submit(&server, None, &body).await.status(), 201);
    let stored = file("trustmark-1", request("B-2231", days_ago(30), None)).await;
    assert_eq!(stored.status(), 201);
    let reference = json(stored).await["reference"].clone();

    let refused = file("trustmark-2", request("B-2231", days_ago(31), None)).await;
    assert_rate_limited(refused).await;
    assert_eq!(listed(&server, "/api/shop/complaints").await, 2);

    let replayed = file("trustmark-1", request("B-2231", days_ago(30), None)).await;
    assert_eq!(replayed.status(), 201);
    assert_eq!(json(replayed).await["reference"], reference);
}
