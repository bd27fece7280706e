//! A key repeated within one object of a submitted body is refused, wherever it stands:
//! the widget's reader refuses such text, so the server must not take one of the values.

use serde_json::json;

use crate::complaints::draft;
use crate::helpers::{SHOP_TOKEN, TestServer, json};
use crate::trustmark_complaints::{days_ago, request, sign_registry};

const KETTLE: &str = "The kettle stopped heating after two days.";

/// Posts `body` as it is written, so it can hold what `json!` cannot: a key twice.
async fn post_text(
    server: &TestServer,
    path: &str,
    key: Option<&str>,
    body: String,
) -> reqwest::Response {
    let mut request = server
        .client
        .post(server.url(path))
        .header("content-type", "application/json")
        .body(body);
    if let Some(key) = key {
        request = request.header("idempotency-key", key);
    }
    request.send().await.unwrap()
}

/// `text` with `member` (as serde_json writes it compactly) followed by `repeat`.
fn repeating(text: &str, member: &str, repeat: &str) -> String {
    assert!(text.contains(member), "{member} not in {text}");
    text.replacen(member, &format!("{member},{repeat}"), 1)
}

/// How many entries the shop's list at `path` holds.
async fn listed(server: &TestServer, path: &str) -> usize {
    let response = server
        .client
        .get(server.url(path))
        .bearer_auth(SHOP_TOKEN)
        .send()
        .await
        .unwrap();
    json(response).await.as_array().unwrap().len()
}

/// Asserts the answer is 422 `json.shape` with `message`.
async fn assert_refused(response: reqwest::Response, message: &str) {
    assert_eq!(response.status(), 422);
    let body = json(response).await;
    assert_eq!(body["error"], "json.shape", "{body}");
    assert_eq!(body["message"], message);
    assert_eq!(body["fields"], json!([]));
}

/// Complaint and withdrawal bodies with a key twice: inside the draft, inside its
/// evidence, at the top; each refused naming where, and nothing stored. Shared by the
/// SQLite and PostgreSQL tests.
pub async fn repeated_keys_are_refused_and_nothing_is_stored(server: &TestServer) {
    let complaints_before = listed(server, "/api/shop/complaints").await;
    let withdrawals_before = listed(server, "/api/shop/withdrawals").await;

    let complaint =
        json!({"language": "en", "draft": draft(KETTLE, &[("x.txt", &"a".repeat(64), 3)])})
            .to_string();
    for (body, message) in [
        (
            repeating(
                &complaint,
                r#""email":"anna@example.com""#,
                r#""email":"bram@example.com""#,
            ),
            "duplicate field `email` at draft",
        ),
        (
            repeating(
                &complaint,
                &format!(r#""sha256":"{}""#, "a".repeat(64)),
                &format!(r#""sha256":"{}""#, "b".repeat(64)),
            ),
            "duplicate field `sha256` at draft.evidence[0]",
        ),
        (
            repeating(
                &complaint,
                r#""language":"en""#,
                r#""draft":{"order_number":"RD-1002"}"#,
            ),
            "duplicate field `draft` at .",
        ),
    ] {
        let response = post_text(server, "/api/complaints", None, body).await;
        assert_refused(response, message).await;
    }

    let withdrawal = json!({
        "language": "en",
        "draft": {
            "name": "Anna de Vries",
            "order_number": "RD-1001",
            "lookup_email": "anna@example.com",
            "email": "anna@example.com",
        },
    })
    .to_string();
    let body = repeating(
        &withdrawal,
        r#""order_number":"RD-1001""#,
        r#""order_number":"RD-1002""#,
    );
    let response = post_text(server, "/api/withdrawals", None, body).await;
    assert_refused(response, "duplicate field `order_number` at draft").await;

    assert_eq!(
        listed(server, "/api/shop/complaints").await,
        complaints_before
    );
    assert_eq!(
        listed(server, "/api/shop/withdrawals").await,
        withdrawals_before
    );
}

#[tokio::test]
async fn a_key_twice_in_a_body_is_refused_naming_where() {
    repeated_keys_are_refused_and_nothing_is_stored(&TestServer::start()).await;
}

/// A refused body does not use up its Idempotency-Key: the corrected retry with the same
/// key is filed, not answered with the refusal.
#[tokio::test]
async fn a_refused_repeat_leaves_its_idempotency_key_for_the_corrected_retry() {
    let server = TestServer::start();
    let valid = json!({"language": "en", "draft": draft(KETTLE, &[])}).to_string();
    let repeated = repeating(&valid, r#""language":"en""#, r#""language":"nl""#);
    let response = post_text(&server, "/api/complaints", Some("retry-1"), repeated).await;
    assert_refused(response, "duplicate field `language` at .").await;
    let response = post_text(&server, "/api/complaints", Some("retry-1"), valid).await;
    assert_eq!(response.status(), 201);
    assert!(response.headers().get("idempotent-replayed").is_none());
    assert_eq!(listed(&server, "/api/shop/complaints").await, 1);
}

/// On the trustmark's page the envelope around the draft, which serde reads, is checked
/// as well: a stated day given twice could otherwise pass the gate with the later one.
#[tokio::test]
async fn a_trustmark_complaint_with_its_day_twice_is_refused() {
    let server = TestServer::start();
    sign_registry(&server);
    let on = days_ago(30).to_string();
    let body = request("B-2231", days_ago(30), None).to_string();
    let body = repeating(
        &body,
        &format!(r#""on":"{on}""#),
        &format!(r#""on":"{}""#, days_ago(1)),
    );
    let response = post_text(&server, "/api/trustmark/complaints", None, body).await;
    assert_refused(response, "duplicate field `on` at complained_to_shop").await;
    assert_eq!(listed(&server, "/api/shop/complaints").await, 0);
}
