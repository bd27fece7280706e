//! The published OpenAPI document describes the answers the server really gives: every
//! status the tests provoke is listed, and every JSON body validates against the schema
//! listed for it (JSON Schema 2020-12, `$ref`s into `components`), with every object
//! closed: a key the server sends but the document does not declare fails the test.

use reqwest::Response;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::helpers::{SHOP_TOKEN, TestServer, json};

/// Asserts that `doc` documents `status` for `method` on `path` (an OpenAPI template).
fn documented(doc: &Value, method: &str, path: &str, status: u16) {
    let responses = &doc["paths"][path][method]["responses"];
    assert!(
        responses.get(status.to_string()).is_some(),
        "{method} {path} answered {status}, which the OpenAPI document does not list: {responses}"
    );
}

/// Marks every object schema that lists its properties as closed, so undeclared keys in
/// a body are errors rather than silently allowed.
fn close_objects(schema: &mut Value) {
    match schema {
        Value::Object(map) => {
            if map.contains_key("properties") && !map.contains_key("additionalProperties") {
                map.insert("additionalProperties".to_owned(), Value::Bool(false));
            }
            map.values_mut().for_each(close_objects);
        }
        Value::Array(items) => items.iter_mut().for_each(close_objects),
        _ => {}
    }
}

/// Asserts that `response` is documented for `method path` and that its JSON body, if it
/// has one, validates against the documented schema. Returns the body (`Null` if none).
async fn conforms(doc: &Value, method: &str, path: &str, response: Response) -> Value {
    let status = response.status().as_u16();
    documented(doc, method, path, status);
    let text = response.text().await.expect("response body");
    if text.is_empty() {
        return Value::Null;
    }
    let body: Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{method} {path} {status} is not JSON ({e}): {text}"));
    let documented = &doc["paths"][path][method]["responses"][status.to_string()];
    let schema = &documented["content"]["application/json"]["schema"];
    assert!(
        schema.is_object(),
        "{method} {path} {status} sends JSON but documents no JSON schema: {documented}"
    );
    let mut root = schema.clone();
    root["components"] = doc["components"].clone();
    close_objects(&mut root);
    let validator = jsonschema::draft202012::new(&root)
        .unwrap_or_else(|e| panic!("the schema of {method} {path} {status} is not valid: {e}"));
    let errors: Vec<String> = validator
        .iter_errors(&body)
        .map(|e| format!("at {}: {e}", e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{method} {path} {status}: the body does not match the OpenAPI schema:\n{}\nbody: {body:#}",
        errors.join("\n")
    );
    body
}

async fn openapi(server: &TestServer) -> Value {
    let response = server
        .client
        .get(server.url("/openapi.json"))
        .send()
        .await
        .unwrap();
    json(response).await
}

fn shop(server: &TestServer, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
    server
        .client
        .request(method, server.url(path))
        .bearer_auth(SHOP_TOKEN)
}

async fn send(request: reqwest::RequestBuilder) -> Response {
    request.send().await.expect("request")
}

#[tokio::test]
async fn the_shopper_routes_answer_as_documented() {
    let server = TestServer::start();
    let doc = openapi(&server).await;
    let get = |path: &str| server.client.get(server.url(path));

    let policy = send(get("/api/policy")).await;
    let etag = policy.headers()["etag"].clone();
    conforms(&doc, "get", "/api/policy", policy).await;
    let unchanged = send(get("/api/policy").header("if-none-match", etag)).await;
    assert_eq!(unchanged.status(), 304);
    conforms(&doc, "get", "/api/policy", unchanged).await;
    conforms(
        &doc,
        "get",
        "/api/receipt-key",
        send(get("/api/receipt-key")).await,
    )
    .await;

    for body in [
        json!({"order_number": "RD-1001", "email": "anna@example.com"}),
        json!({"order_number": "RD-1003", "email": "olga@example.com"}),
        json!({"order_number": "RD-1001", "email": "eve@example.com"}),
        json!({"order_number": "RD 1001!", "email": "anna@example.com"}),
    ] {
        let response = server.post_json("/api/orders/lookup", &body).await;
        conforms(&doc, "post", "/api/orders/lookup", response).await;
    }
    let broken = server
        .client
        .post(server.url("/api/orders/lookup"))
        .header("content-type", "application/json")
        .body("{\"order_number\": ")
        .send()
        .await
        .unwrap();
    conforms(&doc, "post", "/api/orders/lookup", broken).await;

    let notes = "Photo notes: the left ear cup is cracked.";
    let uploaded = conforms(
        &doc,
        "post",
        "/api/evidence",
        server
            .upload(notes.as_bytes(), "text/plain", "notes.txt")
            .await,
    )
    .await;
    for (bytes, media_type) in [
        (&b"plain text"[..], "application/x-msdownload"),
        (&b"\x89PNG\r\n\x1a\n"[..], "image/jpeg"),
        (&b""[..], "text/plain"),
    ] {
        let response = server.upload(bytes, media_type, "f").await;
        conforms(&doc, "post", "/api/evidence", response).await;
    }

    let sha256 = hex::encode(Sha256::digest(notes.as_bytes()));
    let request = json!({
        "language": "en",
        "draft": crate::complaints::draft(
            "The left ear cup arrived cracked, see my notes.",
            &[("notes.txt", &sha256, notes.len() as u64)],
        ),
        "evidence_ids": [uploaded["id"]],
    });
    let filed = crate::complaints::submit(&server, Some("openapi-1"), &request).await;
    assert_eq!(filed.status(), 201);
    let filed = conforms(&doc, "post", "/api/complaints", filed).await;
    let replayed = crate::complaints::submit(&server, Some("openapi-1"), &request).await;
    conforms(&doc, "post", "/api/complaints", replayed).await;
    for body in [
        json!({"language": "en", "draft": {"order_number": "RD 1001!", "description": "short"}}),
        json!({"language": "en", "draft": {}, "evidence_ids": ["ev_nothing"]}),
        json!({"language": "en", "draft": {"colour": "red"}}),
    ] {
        let refused = crate::complaints::submit(&server, None, &body).await;
        assert_eq!(refused.status(), 422);
        conforms(&doc, "post", "/api/complaints", refused).await;
    }

    let reference = filed["reference"].as_str().unwrap();
    let token = filed["tracking_token"].as_str().unwrap();
    let tracker = "/api/complaints/{reference}";
    for token in [token, "wrong"] {
        let path = format!("/api/complaints/{reference}?token={token}");
        conforms(&doc, "get", tracker, send(get(&path)).await).await;
    }
    let escalate = server
        .post_json(
            &format!("/api/complaints/{reference}/escalate"),
            &json!({"token": token}),
        )
        .await;
    assert_eq!(escalate.status(), 409, "the board opens only later");
    conforms(
        &doc,
        "post",
        "/api/complaints/{reference}/escalate",
        escalate,
    )
    .await;

    for body in [
        json!({"language": "en", "draft": {"name": "Anna de Vries", "order_number": "RD-1001",
               "lookup_email": "anna@example.com", "email": "anna@example.com"}}),
        json!({"language": "en", "draft": {"name": "", "email": "not an address"}}),
    ] {
        let response = server.post_json("/api/withdrawals", &body).await;
        conforms(&doc, "post", "/api/withdrawals", response).await;
    }
}

#[tokio::test]
async fn the_shop_routes_answer_as_documented() {
    let server = TestServer::start();
    let doc = openapi(&server).await;
    let notes = "Photo notes: the left ear cup is cracked.";
    let (id, sha256) = crate::complaints::upload_text(&server, notes).await;
    let request = json!({
        "language": "nl",
        "draft": crate::complaints::draft(
            "The left ear cup arrived cracked, see my notes.",
            &[("notes.txt", &sha256, notes.len() as u64)],
        ),
        "evidence_ids": [id],
    });
    let filed = json(crate::complaints::submit(&server, None, &request).await).await;
    let reference = filed["reference"].as_str().unwrap();
    let withdrawal = json(
        server
            .post_json(
                "/api/withdrawals",
                &json!({"language": "nl", "draft": {"name": "Anna de Vries",
                        "order_number": "RD-1001", "lookup_email": "anna@example.com",
                        "email": "anna@example.com"}}),
            )
            .await,
    )
    .await;
    let withdrawal = withdrawal["reference"].as_str().unwrap();

    let list = "/api/shop/complaints";
    let listed = conforms(
        &doc,
        "get",
        list,
        send(shop(&server, reqwest::Method::GET, list)).await,
    )
    .await;
    assert_eq!(listed.as_array().map(Vec::len), Some(1));
    let anonymous = send(server.client.get(server.url(list))).await;
    conforms(&doc, "get", list, anonymous).await;

    let events = "/api/shop/complaints/{reference}/events";
    let append = |event: Value| {
        shop(
            &server,
            reqwest::Method::POST,
            &format!("/api/shop/complaints/{reference}/events"),
        )
        .json(&json!({ "event": event }))
    };
    for event in [
        crate::complaints::acknowledge_event(),
        json!({"type": "progress_reported", "message": "The supplier is testing them.",
               "expected_answer_on": (chrono::Utc::now().date_naive() + chrono::Days::new(9)).to_string()}),
        json!({"type": "resolved",
               "remedy": {"kind": "refund", "amount": {"minor_units": 2499, "currency": "EUR"}},
               "outcome": {"investigation": "Tested.", "conclusions": "Defective.", "actions": "Refunded."}}),
        json!({"type": "assigned", "handler": "Piet"}),
        json!({"type": "teleported"}),
    ] {
        conforms(&doc, "post", events, send(append(event)).await).await;
    }
    let board = shop(
        &server,
        reqwest::Method::POST,
        &format!("/api/shop/complaints/{reference}/events"),
    )
    .json(&json!({"actor": "shopper", "event": {"type": "accepted"}}));
    conforms(&doc, "post", events, send(board).await).await;

    let read = "/api/shop/complaints/{reference}";
    for path in [
        format!("/api/shop/complaints/{reference}"),
        "/api/shop/complaints/C-0000000000".to_owned(),
    ] {
        conforms(
            &doc,
            "get",
            read,
            send(shop(&server, reqwest::Method::GET, &path)).await,
        )
        .await;
    }
    // The shopper's tracker after the shop's events: met steps, a handler, a remedy.
    let token = filed["tracking_token"].as_str().unwrap();
    let tracker = send(
        server
            .client
            .get(server.url(&format!("/api/complaints/{reference}?token={token}"))),
    )
    .await;
    let tracked = conforms(&doc, "get", "/api/complaints/{reference}", tracker).await;
    assert_eq!(tracked["tracking"]["status"], "resolved");

    let withdrawals = "/api/shop/withdrawals";
    conforms(
        &doc,
        "get",
        withdrawals,
        send(shop(&server, reqwest::Method::GET, withdrawals)).await,
    )
    .await;
    for path in [
        format!("/api/shop/withdrawals/{withdrawal}"),
        "/api/shop/withdrawals/W-0000000000".to_owned(),
    ] {
        let response = send(shop(&server, reqwest::Method::GET, &path)).await;
        conforms(&doc, "get", "/api/shop/withdrawals/{reference}", response).await;
    }
}

#[tokio::test]
async fn the_draft_schema_names_exactly_the_keys_the_core_draft_reads() {
    let server = TestServer::start();
    let doc = json(
        server
            .client
            .get(server.url("/openapi.json"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let schema = &doc["components"]["schemas"]["ComplaintDraft"];
    let mut documented: Vec<&String> = schema["properties"]
        .as_object()
        .unwrap_or_else(|| panic!("no ComplaintDraft schema: {schema}"))
        .keys()
        .collect();
    let core = serde_json::to_value(redress_core::draft::ComplaintDraft::default()).unwrap();
    let mut read: Vec<&String> = core.as_object().unwrap().keys().collect();
    documented.sort();
    read.sort();
    assert_eq!(documented, read);
    assert_eq!(
        doc["components"]["schemas"]["ProductCategory"]["enum"],
        json!(["general", "travel"])
    );
}

#[tokio::test]
async fn the_withdrawal_draft_schema_lists_exactly_the_keys_the_server_reads() {
    let server = TestServer::start();
    let doc = json(
        server
            .client
            .get(server.url("/openapi.json"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let schema = &doc["components"]["schemas"]["WithdrawalDraft"];
    let mut listed: Vec<&String> = schema["properties"]
        .as_object()
        .unwrap_or_else(|| panic!("no WithdrawalDraft schema: {schema}"))
        .keys()
        .collect();
    // Every key the core's draft has; empty optional keys are left out when written, so
    // each is filled in.
    let draft = redress_core::withdrawal::WithdrawalDraft {
        lookup_postcode: "1011 AB".into(),
        ..Default::default()
    };
    let core = serde_json::to_value(draft).unwrap();
    let mut read: Vec<&String> = core.as_object().unwrap().keys().collect();
    listed.sort();
    read.sort();
    assert_eq!(listed, read);
    for path in ["/api/withdrawals", "/api/shop/withdrawals"] {
        assert!(doc["paths"].get(path).is_some(), "{path} is not documented");
    }
    documented(&doc, "post", "/api/withdrawals", 422);
    documented(&doc, "get", "/api/shop/withdrawals", 401);
}

#[tokio::test]
async fn rate_limited_answers_are_documented() {
    let server = TestServer::start_with(crate::helpers::ServerOptions {
        config: "[limits]\nlookups_per_ip = 1\nlookups_per_order = 1000\nuploads_per_ip = 1\n\
                 filings_per_ip = 1\n"
            .to_owned(),
        ..Default::default()
    });
    let doc = openapi(&server).await;
    let lookup = json!({"order_number": "RD-1001", "email": "anna@example.com"});
    let mut statuses = Vec::new();
    for _ in 0..2 {
        let response = server.post_json("/api/orders/lookup", &lookup).await;
        statuses.push(response.status().as_u16());
        conforms(&doc, "post", "/api/orders/lookup", response).await;
    }
    for _ in 0..2 {
        let response = server.upload(b"notes", "text/plain", "notes.txt").await;
        statuses.push(response.status().as_u16());
        conforms(&doc, "post", "/api/evidence", response).await;
    }
    let complaint = json!({"language": "en", "draft": crate::complaints::draft(
        "The kettle stopped heating after two days.", &[],
    )});
    for _ in 0..2 {
        let response = server.post_json("/api/complaints", &complaint).await;
        statuses.push(response.status().as_u16());
        conforms(&doc, "post", "/api/complaints", response).await;
    }
    assert_eq!(statuses, [200, 429, 201, 429, 201, 429]);
}

#[tokio::test]
async fn the_trustmark_filing_answers_as_documented() {
    use crate::trustmark_complaints::{days_ago, request, shop_receipt, sign_registry};
    let server = TestServer::start();
    let doc = openapi(&server).await;
    let post = |body: &Value| {
        server
            .client
            .post(server.url("/api/trustmark/complaints"))
            .json(body)
    };
    let path = "/api/trustmark/complaints";
    let body = request("B-2231", days_ago(30), None);
    conforms(&doc, "post", path, send(post(&body)).await).await;
    sign_registry(&server);
    let receipt = shop_receipt("C-SHOP0000AA", days_ago(30));
    let filed = conforms(
        &doc,
        "post",
        path,
        send(post(&request("B-2231", days_ago(30), Some(receipt)))).await,
    )
    .await;
    let too_early = send(post(&request("B-2231", days_ago(0), None))).await;
    assert_eq!(too_early.status(), 422);
    conforms(&doc, "post", path, too_early).await;

    let reference = filed["reference"].as_str().expect("reference");
    let read = shop(
        &server,
        reqwest::Method::GET,
        &format!("/api/shop/complaints/{reference}"),
    );
    let read = conforms(
        &doc,
        "get",
        "/api/shop/complaints/{reference}",
        send(read).await,
    )
    .await;
    assert_eq!(read["trustmark_case"]["shop_receipt_verified"], true);
    let list = shop(&server, reqwest::Method::GET, "/api/shop/complaints");
    let list = conforms(&doc, "get", "/api/shop/complaints", send(list).await).await;
    assert_eq!(list[0]["shop_name"], "Fietsen Peeters");
}
