//! A key repeated within one object of any JSON body is refused, wherever it stands: the
//! widget's reader refuses such text, so the server must not take one of the values.

use serde_json::json;

use crate::complaints::{acknowledge_event, draft};
use crate::desk::{event, file, shop_get};
use crate::helpers::{SHOP_TOKEN, ServerOptions, TestServer, json};
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
pub async fn listed(server: &TestServer, path: &str) -> usize {
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

/// The order lookup with two e-mails: refused naming where, before the lookup runs, so
/// it is neither a found nor a not-found attempt: the shopper's own lookup afterwards is
/// not rate limited.
#[tokio::test]
async fn an_order_lookup_with_two_emails_is_refused_and_not_counted_as_an_attempt() {
    let server = TestServer::start_with(ServerOptions {
        config: "[limits]\nlookups_per_ip = 2\nlookups_per_order = 1\n".to_owned(),
        ..Default::default()
    });
    let valid = json!({"order_number": "RD-1001", "email": "anna@example.com"}).to_string();
    let repeated = repeating(
        &valid,
        r#""email":"anna@example.com""#,
        r#""email":"bram@example.com""#,
    );
    for _ in 0..3 {
        let response = post_text(&server, "/api/orders/lookup", None, repeated.clone()).await;
        assert_refused(response, "duplicate field `email` at .").await;
    }
    let response = post_text(&server, "/api/orders/lookup", None, valid).await;
    assert_eq!(response.status(), 200);
    assert_eq!(json(response).await["order_number"], "RD-1001");
}

/// The shop desk's event with two types: serde would record the later one; the event is
/// refused and the complaint stays as it was, open to the event written once.
#[tokio::test]
async fn a_desk_event_with_two_types_is_refused_and_the_status_stays() {
    let server = TestServer::start();
    let reference = file(
        &server,
        "RD-1001",
        "anna@example.com",
        "defective_or_damaged",
    )
    .await;
    let repeated = repeating(
        &json!({"event": acknowledge_event()}).to_string(),
        r#""handler":"Sanne de Vries""#,
        r#""type":"rejected""#,
    );
    let response = server
        .client
        .post(server.url(&format!("/api/shop/complaints/{reference}/events")))
        .bearer_auth(SHOP_TOKEN)
        .header("content-type", "application/json")
        .body(repeated)
        .send()
        .await
        .unwrap();
    assert_refused(response, "duplicate field `type` at event").await;
    let complaint = format!("/api/shop/complaints/{reference}");
    let status =
        || async { json(shop_get(&server, &complaint).await).await["tracking"]["status"].clone() };
    assert_eq!(status().await, "received");

    let once = event(&server, &reference, acknowledge_event()).await;
    assert_eq!(once.status(), 200);
    assert_eq!(status().await, "acknowledged");
}

/// Finding complaints again with two order numbers: refused naming where, not answered
/// for either order.
#[tokio::test]
async fn finding_complaints_with_two_order_numbers_is_refused() {
    let server = TestServer::start();
    let body = json!({"order_number": "RD-1001", "email": "anna@example.com"}).to_string();
    let body = repeating(
        &body,
        r#""order_number":"RD-1001""#,
        r#""order_number":"RD-1002""#,
    );
    let response = post_text(&server, "/api/complaints/find", None, body).await;
    assert_refused(response, "duplicate field `order_number` at .").await;
}

/// Every other answer of a JSON body stays as it was: the content type, the syntax and
/// the shape, each with axum's code and message; a repeated key in a body that is JSON
/// is named before its shape is judged.
#[tokio::test]
async fn a_json_body_keeps_its_other_answers() {
    let server = TestServer::start();
    let send = |content_type: &'static str, body: String| {
        server
            .client
            .post(server.url("/api/orders/lookup"))
            .header("content-type", content_type)
            .body(body)
            .send()
    };
    // Bodies the server reads whole: one it leaves unread can reset the connection before
    // the answer is read (the size limit is pinned in lookup.rs).
    let cases = [
        (
            "text/plain",
            r#"{"order_number":"RD-1001"}"#,
            415,
            "json.content_type",
            "Expected request with `Content-Type: application/json`",
        ),
        (
            "application/json",
            r#"{"order_number": "#,
            400,
            "json.syntax",
            "Failed to parse the request body as JSON: order_number: EOF while parsing a value at line 1 column 17",
        ),
        (
            "application/problem+json",
            r#"{"order_number":1001}"#,
            422,
            "json.shape",
            "Failed to deserialize the JSON body into the target type: order_number: invalid type: integer `1001`, expected a string at line 1 column 20",
        ),
    ];
    for (content_type, body, status, code, message) in cases {
        let response = send(content_type, body.to_owned()).await.unwrap();
        assert_eq!(response.status(), status, "{code}");
        let body = json(response).await;
        assert_eq!(body["error"], code);
        assert_eq!(body["message"], message);
    }
    // A repeated key with a wrong type as well: the repeated key is named first.
    let both = send(
        "application/json",
        r#"{"order_number":1001,"order_number":1002}"#.to_owned(),
    )
    .await
    .unwrap();
    assert_refused(both, "duplicate field `order_number` at .").await;
}
