//! The published OpenAPI document describes the answers the server really gives.

use serde_json::{Value, json};

use crate::helpers::{SHOP_TOKEN, TestServer, json};

/// Asserts that `doc` documents `status` for `method` on `path` (an OpenAPI template).
fn documented(doc: &Value, method: &str, path: &str, status: u16) {
    let responses = &doc["paths"][path][method]["responses"];
    assert!(
        responses.get(status.to_string()).is_some(),
        "{method} {path} answered {status}, which the OpenAPI document does not list: {responses}"
    );
}

#[tokio::test]
async fn every_status_the_tests_see_is_in_the_openapi_document() {
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

    let policy = server
        .client
        .get(server.url("/api/policy"))
        .send()
        .await
        .unwrap();
    documented(&doc, "get", "/api/policy", policy.status().as_u16());

    for body in [
        json!({"order_number": "RD-1001", "email": "anna@example.com"}),
        json!({"order_number": "RD-1001", "email": "eve@example.com"}),
        json!({"order_number": "RD 1001!", "email": "anna@example.com"}),
    ] {
        let status = server
            .post_json("/api/orders/lookup", &body)
            .await
            .status()
            .as_u16();
        documented(&doc, "post", "/api/orders/lookup", status);
    }

    for (bytes, media_type) in [
        (&b"plain text"[..], "text/plain"),
        (&b"\x89PNG\r\n\x1a\n"[..], "image/jpeg"),
    ] {
        let status = server
            .upload(bytes, media_type, "f")
            .await
            .status()
            .as_u16();
        documented(&doc, "post", "/api/evidence", status);
    }

    let request = json!({"language": "en", "draft": crate::complaints::draft("The screen flickers since the first day.", &[])});
    let filed = crate::complaints::submit(&server, None, &request).await;
    documented(&doc, "post", "/api/complaints", filed.status().as_u16());
    let filed = json(filed).await;
    let invalid =
        crate::complaints::submit(&server, None, &json!({"language": "en", "draft": {}})).await;
    documented(&doc, "post", "/api/complaints", invalid.status().as_u16());

    let reference = filed["reference"].as_str().unwrap();
    let token = filed["tracking_token"].as_str().unwrap();
    for token in [token, "wrong"] {
        let status = server
            .client
            .get(server.url(&format!("/api/complaints/{reference}")))
            .query(&[("token", token)])
            .send()
            .await
            .unwrap()
            .status()
            .as_u16();
        documented(&doc, "get", "/api/complaints/{reference}", status);
    }
    for auth in [Some(SHOP_TOKEN), None] {
        let mut request = server.client.get(server.url("/api/shop/complaints"));
        if let Some(auth) = auth {
            request = request.bearer_auth(auth);
        }
        let status = request.send().await.unwrap().status().as_u16();
        documented(&doc, "get", "/api/shop/complaints", status);
    }
    let event = server
        .client
        .post(server.url(&format!("/api/shop/complaints/{reference}/events")))
        .bearer_auth(SHOP_TOKEN)
        .json(&json!({"event": {"type": "accepted"}}))
        .send()
        .await
        .unwrap();
    documented(
        &doc,
        "post",
        "/api/shop/complaints/{reference}/events",
        event.status().as_u16(),
    );
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
async fn the_withdrawal_draft_schema_lists_exactly_the_keys_the_core_type_reads() {
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
    let core = serde_json::to_value(redress_core::withdrawal::WithdrawalDraft::default()).unwrap();
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
