use serde_json::{Value, json};

use crate::helpers::{SHOP_TOKEN, TestServer, json};

/// A valid complaint draft for demo order RD-1001 with the given evidence digests.
pub fn draft(description: &str, evidence: &[(&str, &str, u64)]) -> Value {
    json!({
        "order_number": "RD-1001",
        "email": "anna@example.com",
        "reason": "defective_or_damaged",
        "resolution": "replacement",
        "description": description,
        "evidence": evidence.iter().map(|(name, sha256, size)| json!({
            "file_name": name, "media_type": "text/plain", "size_bytes": size, "sha256": sha256,
        })).collect::<Vec<_>>(),
    })
}

/// Uploads one text file and returns its id and digest.
pub async fn upload_text(server: &TestServer, text: &str) -> (String, String) {
    let response = server
        .upload(text.as_bytes(), "text/plain", "notes.txt")
        .await;
    assert_eq!(response.status(), 201);
    let body = json(response).await;
    (
        body["id"].as_str().unwrap().to_owned(),
        body["sha256"].as_str().unwrap().to_owned(),
    )
}

pub async fn submit(server: &TestServer, key: Option<&str>, body: &Value) -> reqwest::Response {
    let mut request = server.client.post(server.url("/api/complaints")).json(body);
    if let Some(key) = key {
        request = request.header("idempotency-key", key);
    }
    request.send().await.unwrap()
}

fn shop_get(server: &TestServer, path: &str) -> reqwest::RequestBuilder {
    server.client.get(server.url(path)).bearer_auth(SHOP_TOKEN)
}

/// The whole flow, shared by the SQLite and PostgreSQL tests.
pub async fn file_track_and_handle(server: &TestServer) {
    let text = "Photo notes: the left ear cup is cracked.";
    let (id, sha256) = upload_text(server, text).await;
    let request = json!({
        "language": "nl",
        "draft": draft("The left ear cup arrived cracked, see my notes.", &[("notes.txt", &sha256, text.len() as u64)]),
        "evidence_ids": [id],
    });
    let response = submit(server, Some("flow-1"), &request).await;
    assert_eq!(response.status(), 201);
    let filed = json(response).await;
    let reference = filed["reference"].as_str().unwrap().to_owned();
    let token = filed["tracking_token"].as_str().unwrap().to_owned();
    assert_eq!(token.len(), 32);

    // The receipt verifies with the published key and names the evidence by hash.
    let key: redress_server::receipt::ReceiptKey = json(
        server
            .client
            .get(server.url("/api/receipt-key"))
            .send()
            .await
            .unwrap(),
    )
    .await
    .pipe(serde_json::from_value)
    .unwrap();
    let receipt: redress_server::receipt::Receipt =
        serde_json::from_value(filed["receipt"].clone()).unwrap();
    assert!(redress_server::receipt::verify(&receipt, &key));
    let signed: Value = serde_json::from_str(&receipt.signed).unwrap();
    assert_eq!(signed["reference"], reference.as_str());
    assert_eq!(signed["evidence"][0]["sha256"], sha256.as_str());
    let mut forged = receipt.clone();
    forged.signed = forged.signed.replace("cracked", "perfect");
    assert!(!redress_server::receipt::verify(&forged, &key));

    // The tracker needs the token; a wrong or missing one looks like no complaint at all.
    let track = server
        .client
        .get(server.url(&format!("/api/complaints/{reference}")))
        .query(&[("token", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(track.status(), 200);
    let tracked = json(track).await;
    assert_eq!(tracked["tracking"]["status"], "received");
    assert_eq!(tracked["evidence"][0]["sha256"], sha256.as_str());
    for query in [vec![("token", "0".repeat(32))], vec![]] {
        let denied = server
            .client
            .get(server.url(&format!("/api/complaints/{reference}")))
            .query(&query)
            .send()
            .await
            .unwrap();
        assert_eq!(denied.status(), 404);
        assert_eq!(json(denied).await["error"], "complaint.not_found");
    }

    // The shop sees it, with its evidence, and appends a status event.
    let listed = json(
        shop_get(server, "/api/shop/complaints?open=true")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(
        listed
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["reference"] == reference.as_str())
    );
    let one = json(
        shop_get(server, &format!("/api/shop/complaints/{reference}"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(one["evidence"][0]["name"], "notes.txt");
    assert_eq!(one["notifications"][0]["language"], "nl");
    let file = shop_get(
        server,
        &format!("/api/shop/complaints/{reference}/evidence/{id}"),
    )
    .send()
    .await
    .unwrap();
    assert_eq!(file.status(), 200);
    assert!(
        file.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    assert_eq!(file.text().await.unwrap(), text);

    let appended = server
        .client
        .post(server.url(&format!("/api/shop/complaints/{reference}/events")))
        .bearer_auth(SHOP_TOKEN)
        .json(&json!({"event": crate::complaints::acknowledge_event()}))
        .send()
        .await
        .unwrap();
    assert_eq!(appended.status(), 200);
    let after = json(appended).await;
    assert_ne!(after["status"], "received");
    let one = json(
        shop_get(server, &format!("/api/shop/complaints/{reference}"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(one["tracking"]["timeline"].as_array().unwrap().len(), 2);
    assert_eq!(one["notifications"].as_array().unwrap().len(), 2);
}

/// References of the shop's complaint list for a query string.
async fn listed(server: &TestServer, query: &str) -> Vec<String> {
    json(
        shop_get(server, &format!("/api/shop/complaints?{query}"))
            .send()
            .await
            .unwrap(),
    )
    .await
    .as_array()
    .unwrap()
    .iter()
    .map(|c| c["reference"].as_str().unwrap().to_owned())
    .collect()
}

/// The shop's acknowledgement naming its handler.
pub fn acknowledge_event() -> Value {
    json!({"type": "acknowledged", "handler": "Sanne de Vries", "expected_answer_on": (chrono::Utc::now().date_naive() + chrono::Days::new(7)).to_string()})
}

trait Pipe: Sized {
    fn pipe<T>(self, f: impl FnOnce(Self) -> T) -> T {
        f(self)
    }
}
impl<T> Pipe for T {}

#[tokio::test]
async fn a_complaint_is_filed_tracked_and_handled() {
    let server = TestServer::start();
    file_track_and_handle(&server).await;
}

#[tokio::test]
async fn every_invalid_field_is_reported_with_its_code() {
    let server = TestServer::start();
    let response = submit(
        &server,
        None,
        &json!({"language": "en", "draft": {"order_number": "RD 1001!", "description": "short"}}),
    )
    .await;
    assert_eq!(response.status(), 422);
    let body = json(response).await;
    assert_eq!(body["error"], "validation");
    let codes: Vec<&str> = body["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    for code in [
        "order_number.format",
        "contact.missing",
        "description.too_short",
        "reason.missing",
        "resolution.missing",
    ] {
        assert!(codes.contains(&code), "{code} missing from {codes:?}");
    }
}

/// An integrator's draft of the wrong shape is refused as a whole, and the message says
/// where: the key, the index, and what belongs there.
#[tokio::test]
async fn a_draft_of_the_wrong_shape_is_refused_naming_where() {
    let server = TestServer::start();
    let text = "The kettle stopped heating after two days.";
    let mut unknown = draft(text, &[]);
    unknown["colour"] = "red".into();
    let mut size_as_text = draft(text, &[("x.txt", &"a".repeat(64), 3)]);
    size_as_text["evidence"][0]["size_bytes"] = "3".into();
    let mut item_as_number = draft(text, &[]);
    item_as_number["items"] = json!(["Kettle", 2]);
    for (draft, message) in [
        (unknown, "draft: unknown field `colour`"),
        (
            size_as_text,
            "draft.evidence[0].size_bytes: invalid type: expected an integer",
        ),
        (
            item_as_number,
            "draft.items[1]: invalid type: expected a string",
        ),
        (json!("RD-1001"), "draft: invalid type: expected an object"),
    ] {
        let response = submit(&server, None, &json!({"language": "en", "draft": draft})).await;
        assert_eq!(response.status(), 422);
        let body = json(response).await;
        assert_eq!(body["error"], "json.shape", "{body}");
        assert_eq!(body["message"], message);
        assert_eq!(body["fields"], json!([]));
    }
    assert_eq!(listed(&server, "").await, Vec::<String>::new());
}

#[tokio::test]
async fn the_same_idempotency_key_twice_gives_the_first_answer_and_one_complaint() {
    let server = TestServer::start();
    let request = json!({"language": "en", "draft": draft("The headphones stopped working after a day.", &[])});
    let first = submit(&server, Some("key-42"), &request).await;
    assert_eq!(first.status(), 201);
    let first = json(first).await;
    let second = submit(&server, Some("key-42"), &request).await;
    assert_eq!(second.status(), 201);
    assert_eq!(second.headers()["idempotent-replayed"], "true");
    assert_eq!(json(second).await, first);

    let other =
        json!({"language": "en", "draft": draft("A different complaint text entirely.", &[])});
    let reused = submit(&server, Some("key-42"), &other).await;
    assert_eq!(reused.status(), 422);
    assert_eq!(json(reused).await["error"], "idempotency_key.reused");

    let listed = json(
        shop_get(&server, "/api/shop/complaints")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(listed.as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn concurrent_duplicates_never_create_two_complaints() {
    concurrent_duplicates(&TestServer::start()).await;
}

/// Six simultaneous submits with one key: one complaint, six identical answers.
pub async fn concurrent_duplicates(server: &TestServer) {
    let count = || async {
        json(
            shop_get(server, "/api/shop/complaints")
                .send()
                .await
                .unwrap(),
        )
        .await
        .as_array()
        .unwrap()
        .len()
    };
    let before = count().await;
    let request =
        json!({"language": "en", "draft": draft("Sent twice by a double click on submit.", &[])});
    let attempts = (0..6).map(|_| submit(server, Some("double-click"), &request));
    let answers = futures_util::future::join_all(attempts).await;
    let mut references = Vec::new();
    for answer in answers {
        assert_eq!(answer.status(), 201);
        references.push(json(answer).await["reference"].as_str().unwrap().to_owned());
    }
    references.dedup();
    assert_eq!(references.len(), 1, "{references:?}");
    assert_eq!(count().await, before + 1);
}

#[tokio::test]
async fn markup_in_text_fields_is_stored_and_returned_as_plain_text() {
    let server = TestServer::start();
    let xss = "<script>alert(1)</script><img src=x onerror=alert(2)> broke";
    let request = json!({"language": "en", "draft": draft(xss, &[])});
    let filed = json(submit(&server, None, &request).await).await;
    let reference = filed["reference"].as_str().unwrap();
    let response = shop_get(&server, &format!("/api/shop/complaints/{reference}"))
        .send()
        .await
        .unwrap();
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
    assert_eq!(
        response.headers()["content-security-policy"],
        "default-src 'none'; frame-ancestors 'none'"
    );
    let one = json(response).await;
    assert_eq!(one["complaint"]["description"], xss);
}

#[tokio::test]
async fn evidence_must_exist_and_belong_to_no_other_complaint() {
    let server = TestServer::start();
    let unknown = json!({"language": "en", "draft": draft("Refers to evidence that was never uploaded.", &[("x.txt", &"a".repeat(64), 3)]), "evidence_ids": ["ev_nope"]});
    let response = submit(&server, None, &unknown).await;
    assert_eq!(response.status(), 422);
    assert_eq!(json(response).await["error"], "evidence.unavailable");

    let text = "one file, two complaints";
    let (id, sha) = upload_text(&server, text).await;
    let request = json!({"language": "en", "draft": draft("The first complaint with this evidence.", &[("n.txt", &sha, text.len() as u64)]), "evidence_ids": [id]});
    assert_eq!(submit(&server, None, &request).await.status(), 201);
    let again = json!({"language": "en", "draft": draft("A second complaint with the same upload.", &[("n.txt", &sha, text.len() as u64)]), "evidence_ids": [id]});
    let response = submit(&server, None, &again).await;
    assert_eq!(response.status(), 422);
    assert_eq!(json(response).await["error"], "evidence.unavailable");
}

#[tokio::test]
async fn the_shop_api_refuses_missing_and_wrong_tokens() {
    let server = TestServer::start();
    let missing = server
        .client
        .get(server.url("/api/shop/complaints"))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 401);
    let wrong = server
        .client
        .get(server.url("/api/shop/complaints"))
        .bearer_auth("not-the-shop-token-at-all")
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 401);
    assert_eq!(json(wrong).await["error"], "shop.unauthorized");
}

#[tokio::test]
async fn after_a_rejection_the_shopper_escalates_to_the_board_with_the_token() {
    let server = TestServer::start();
    let filed = json(
        submit(
            &server,
            None,
            &json!({"language": "en", "draft": draft("The seller refuses to look at the defect.", &[])}),
        )
        .await,
    )
    .await;
    let reference = filed["reference"].as_str().unwrap();
    let token = filed["tracking_token"].as_str().unwrap();
    let path = format!("/api/complaints/{reference}/escalate");

    // Nothing is answered yet and no deadline passed: the board route is not open.
    let early = server.post_json(&path, &json!({"token": token})).await;
    assert_eq!(early.status(), 409);
    assert_eq!(json(early).await["error"], "escalation.not_open");

    let rejected = server
        .client
        .post(server.url(&format!("/api/shop/complaints/{reference}/events")))
        .bearer_auth(SHOP_TOKEN)
        .json(&json!({"event": {"type": "rejected", "reasons": "Wear and tear is not covered."}}))
        .send()
        .await
        .unwrap();
    assert_eq!(rejected.status(), 200);
    assert_eq!(json(rejected).await["status"], "rejected");
    assert_eq!(listed(&server, "status=rejected").await, [reference]);
    assert!(listed(&server, "status=received").await.is_empty());
    assert!(
        listed(&server, "overdue=true").await.is_empty(),
        "nothing is late on day one"
    );

    let denied = server
        .post_json(&path, &json!({"token": "0".repeat(32)}))
        .await;
    assert_eq!(denied.status(), 404);
    let escalated = server.post_json(&path, &json!({"token": token})).await;
    assert_eq!(escalated.status(), 200);
    let view = json(escalated).await;
    assert_eq!(view["status"], "escalated_to_board");
    assert!(
        view["due_steps"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["kind"] == "board_answer")
    );

    // The shop cannot record the board's answer as the shop.
    let as_shop = server
        .client
        .post(server.url(&format!("/api/shop/complaints/{reference}/events")))
        .bearer_auth(SHOP_TOKEN)
        .json(&json!({"event": {"type": "board_answered", "outcome": {"investigation": "Photos reviewed.", "conclusions": "Defect confirmed.", "actions": "Replacement sent."}}}))
        .send()
        .await
        .unwrap();
    assert_eq!(as_shop.status(), 403);
}

#[tokio::test]
async fn events_the_lifecycle_does_not_allow_are_refused() {
    let server = TestServer::start();
    let filed = json(
        submit(
            &server,
            None,
            &json!({"language": "en", "draft": draft("The parcel was left in the rain.", &[])}),
        )
        .await,
    )
    .await;
    let reference = filed["reference"].as_str().unwrap();
    let post = |event: Value| {
        server
            .client
            .post(server.url(&format!("/api/shop/complaints/{reference}/events")))
            .bearer_auth(SHOP_TOKEN)
            .json(&json!({"event": event}))
            .send()
    };
    // Assigning before acknowledging is not a step of the lifecycle.
    let assign = post(json!({"type": "assigned", "handler": "Piet"}))
        .await
        .unwrap();
    assert_eq!(assign.status(), 409);
    assert_eq!(json(assign).await["error"], "transition.not_allowed");
    let nonsense = post(json!({"type": "teleported"})).await.unwrap();
    assert_eq!(nonsense.status(), 422);
    assert_eq!(json(nonsense).await["error"], "lifecycle.event");
    // Nothing was appended by the refusals.
    let one = json(
        shop_get(&server, &format!("/api/shop/complaints/{reference}"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(one["tracking"]["timeline"].as_array().unwrap().len(), 1);
}
