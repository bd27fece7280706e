//! The EU withdrawal function over HTTP: recorded, signed, acknowledged, listed.

use serde_json::{Value, json};

use crate::helpers::{SHOP_TOKEN, ServerOptions, TestServer, json};

async fn withdraw(server: &TestServer, key: Option<&str>, body: &Value) -> reqwest::Response {
    let mut request = server
        .client
        .post(server.url("/api/withdrawals"))
        .json(body);
    if let Some(key) = key {
        request = request.header("idempotency-key", key);
    }
    request.send().await.unwrap()
}

async fn shop_get(server: &TestServer, path: &str, token: &str) -> reqwest::Response {
    server
        .client
        .get(server.url(path))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
}

/// The withdrawal `reference` as the shop reads it, with the messages queued for it.
async fn shop_withdrawal(server: &TestServer, reference: &str) -> Value {
    let path = format!("/api/shop/withdrawals/{reference}");
    json(shop_get(server, &path, SHOP_TOKEN).await).await
}

/// A withdrawal from demo order RD-1001 (delivered 7 days ago, window open).
fn eligible(language: &str) -> Value {
    json!({
        "language": language,
        "draft": {
            "name": "Anna de Vries",
            "order_number": "RD-1001",
            "lookup_email": "Anna@Example.com",
            "email": "anna@example.com",
        },
    })
}

/// Withdraw an eligible order end to end; shared by the SQLite and PostgreSQL tests.
pub async fn eligible_order_end_to_end(server: &TestServer) {
    let response = withdraw(server, Some("withdraw-1"), &eligible("nl")).await;
    assert_eq!(response.status(), 201);
    let answer = json(response).await;
    let reference = answer["reference"].as_str().unwrap().to_owned();
    assert!(reference.starts_with("W-"), "{reference}");
    assert_eq!(answer["window"]["status"], "open");
    assert_eq!(
        answer["items"],
        json!(["Wireless headphones", "USB-C cable"])
    );
    assert_eq!(answer["kept"], json!([]));
    let received_at = answer["received_at"].as_str().unwrap().to_owned();
    let refund_due = answer["refund_due"].as_str().unwrap().to_owned();

    // The receipt verifies with the published key and states the withdrawal and the time.
    let key: redress_server::receipt::ReceiptKey = json(
        server
            .client
            .get(server.url("/api/receipt-key"))
            .send()
            .await
            .unwrap(),
    )
    .await
    .pipe_into();
    let receipt: redress_server::receipt::Receipt =
        serde_json::from_value(answer["receipt"].clone()).unwrap();
    assert!(redress_server::receipt::verify(&receipt, &key));
    let signed: Value = serde_json::from_str(&receipt.signed).unwrap();
    assert_eq!(signed["kind"], "withdrawal");
    assert_eq!(signed["reference"], reference.as_str());
    assert_eq!(signed["received_at"], received_at.as_str());
    assert_eq!(signed["withdrawal"]["name"], "Anna de Vries");
    assert_eq!(signed["withdrawal"]["refund_due"], refund_due.as_str());
    assert_eq!(
        signed["order_found_by"], "email",
        "the receipt names the proof that matched"
    );
    assert_eq!(signed["withdrawal"]["lookup_email"], "Anna@example.com");
    assert_eq!(signed["withdrawal"]["lookup_postcode"], Value::Null);

    // The same key again answers the first withdrawal; no second one is recorded.
    let again = withdraw(server, Some("withdraw-1"), &eligible("nl")).await;
    assert_eq!(again.status(), 201);
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    assert_eq!(json(again).await["reference"], reference.as_str());

    // The shop lists it once, with the refund deadline, not overdue.
    let list = json(shop_get(server, "/api/shop/withdrawals", SHOP_TOKEN).await).await;
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0]["reference"], reference.as_str());
    assert_eq!(list[0]["refund_due"], refund_due.as_str());
    assert_eq!(list[0]["overdue"], false);

    // The acknowledgement (Dutch) holds the content, the local date and time, the receipt.
    let read = json(
        shop_get(
            server,
            &format!("/api/shop/withdrawals/{reference}"),
            SHOP_TOKEN,
        )
        .await,
    )
    .await;
    let messages = read["messages"].as_array().unwrap();
    assert_eq!(messages.len(), 1);
    assert_eq!(messages[0]["recipient"], "anna@example.com");
    let body = messages[0]["body"].as_str().unwrap();
    assert!(
        messages[0]["subject"]
            .as_str()
            .unwrap()
            .contains("herroeping")
    );
    let received: chrono::DateTime<chrono::Utc> = received_at.parse().unwrap();
    let zone = redress_core::time_zone::ShopTimeZone::parse("Europe/Amsterdam").unwrap();
    let local = received.with_timezone(&zone.offset_at(received));
    for expected in [
        reference.as_str(),
        "Anna de Vries",
        "RD-1001",
        "Wireless headphones, USB-C cable",
        refund_due.as_str(),
        &local.format("%Y-%m-%d %H:%M:%S %:z").to_string(),
        "Europe/Amsterdam",
        &receipt.signature,
    ] {
        assert!(
            body.contains(expected),
            "{expected:?} missing from:\n{body}"
        );
    }
    // The inlined receipt is the one that verifies.
    let inlined = body.lines().last().unwrap();
    let inlined: redress_server::receipt::Receipt = serde_json::from_str(inlined).unwrap();
    assert!(redress_server::receipt::verify(&inlined, &key));
}

trait PipeInto {
    fn pipe_into<T: serde::de::DeserializeOwned>(self) -> T;
}

impl PipeInto for Value {
    fn pipe_into<T: serde::de::DeserializeOwned>(self) -> T {
        serde_json::from_value(self).unwrap()
    }
}

#[tokio::test]
async fn an_eligible_order_is_withdrawn_signed_acknowledged_and_listed() {
    let server = TestServer::start();
    eligible_order_end_to_end(&server).await;
}

#[tokio::test]
async fn past_the_window_the_answer_names_the_last_day_for_the_complaint_flow() {
    let server = TestServer::start();
    // RD-1002 was delivered 35 days ago.
    let body = json!({"language": "en", "draft": {
        "name": "Bram", "order_number": "RD-1002", "lookup_email": "bram@example.com",
        "email": "bram@example.com",
    }});
    let response = withdraw(&server, None, &body).await;
    assert_eq!(response.status(), 422);
    let error = json(response).await;
    assert_eq!(error["error"], "validation");
    let closed = &error["fields"][0];
    assert_eq!(closed["field"], "withdrawal");
    assert_eq!(closed["code"], "withdrawal.window_closed");
    let today = chrono::Utc::now().date_naive();
    let last_day: chrono::NaiveDate = closed["params"]["date"].as_str().unwrap().parse().unwrap();
    assert!(
        last_day < today && last_day > today - chrono::Days::new(30),
        "{last_day}"
    );
    let list = json(shop_get(&server, "/api/shop/withdrawals", SHOP_TOKEN).await).await;
    assert_eq!(list, json!([]));
}

#[tokio::test]
async fn an_unknown_order_is_withdrawn_by_its_typed_contract_details() {
    let server = TestServer::start();
    let body = json!({"language": "en", "draft": {
        "name": "Eve", "order_number": "SHOP-77", "lookup_email": "eve@example.com",
        "email": "eve@example.com", "order_date": "2026-01-05", "goods": "A blue kettle",
    }});
    let response = withdraw(&server, None, &body).await;
    assert_eq!(response.status(), 201);
    let answer = json(response).await;
    assert_eq!(answer["window"], Value::Null);
    assert!(answer["refund_due"].is_string());
    let reference = answer["reference"].as_str().unwrap();
    let read = shop_withdrawal(&server, reference).await;
    let body = read["messages"][0]["body"].as_str().unwrap();
    assert!(
        body.contains("A blue kettle") && body.contains("2026-01-05"),
        "{body}"
    );
    assert!(body.contains("the whole contract"), "{body}");
    let signed: Value =
        serde_json::from_str(answer["receipt"]["signed"].as_str().unwrap()).unwrap();
    assert_eq!(signed["order_found_by"], Value::Null, "no order matched");
}

#[tokio::test]
async fn a_wrong_lookup_email_without_contract_details_names_every_missing_field() {
    let server = TestServer::start();
    // The order exists, but not with this e-mail: nothing about it may leak.
    let body = json!({"language": "en", "draft": {
        "order_number": "RD-1001", "lookup_email": "eve@example.com", "email": "",
    }});
    let response = withdraw(&server, None, &body).await;
    assert_eq!(response.status(), 422);
    let error = json(response).await;
    let mut fields: Vec<&str> = error["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    fields.sort();
    assert_eq!(fields, ["email", "goods", "name", "order_date"], "{error}");
}

#[tokio::test]
async fn the_shop_list_needs_the_shop_token() {
    let server = TestServer::start();
    let response = shop_get(&server, "/api/shop/withdrawals", "not-the-token").await;
    assert_eq!(response.status(), 401);
    assert_eq!(json(response).await["error"], "shop.unauthorized");
    let response = shop_get(&server, "/api/shop/withdrawals/W-0000000000", "wrong").await;
    assert_eq!(response.status(), 401);
}

#[tokio::test]
async fn guessing_lookup_emails_for_one_order_hits_the_per_order_limit() {
    let server = TestServer::start_with(ServerOptions {
        config: "[limits]\nlookups_per_ip = 1000\nlookups_per_order = 2\n".to_owned(),
        ..Default::default()
    });
    let guess = |email: &str| {
        json!({"language": "en", "draft": {
            "name": "Eve", "order_number": "RD-1001", "lookup_email": email, "email": "eve@example.com",
        }})
    };
    for email in ["a@example.com", "b@example.com"] {
        let response = withdraw(&server, None, &guess(email)).await;
        assert_eq!(response.status(), 422, "{email}");
    }
    let response = withdraw(&server, None, &guess("c@example.com")).await;
    assert_eq!(response.status(), 429);
    assert_eq!(json(response).await["error"], "rate_limited");
}

/// A shop whose policy looks orders up by the delivery postcode.
fn postcode_shop() -> TestServer {
    TestServer::start_with(ServerOptions {
        policy: r#""order_lookup": {"key": "post_code", "required": true}"#.to_owned(),
        ..Default::default()
    })
}

/// RD-1001 (delivered 7 days ago, postcode 1011 AB) named by `lookup`, with a contact
/// e-mail apart from the order's.
fn by_postcode(lookup: Value) -> Value {
    let mut draft = json!({
        "name": "Anna de Vries",
        "order_number": "RD-1001",
        "email": "anna.private@example.net",
    });
    draft
        .as_object_mut()
        .unwrap()
        .extend(lookup.as_object().unwrap().clone());
    json!({"language": "en", "draft": draft})
}

#[tokio::test]
async fn a_postcode_shop_finds_the_order_by_its_postcode_and_acknowledges_to_the_contact_email() {
    let server = postcode_shop();
    let response = withdraw(
        &server,
        None,
        &by_postcode(json!({"lookup_postcode": "1011ab"})),
    )
    .await;
    assert_eq!(response.status(), 201);
    let answer = json(response).await;
    assert_eq!(answer["window"]["status"], "open", "the order was found");
    assert_eq!(
        answer["items"],
        json!(["Wireless headphones", "USB-C cable"])
    );
    let signed: Value =
        serde_json::from_str(answer["receipt"]["signed"].as_str().unwrap()).unwrap();
    assert_eq!(signed["order_found_by"], "post_code");
    assert_eq!(
        signed["withdrawal"]["lookup_postcode"], "1011AB",
        "as typed, upper-cased"
    );
    let reference = answer["reference"].as_str().unwrap();
    let read = shop_withdrawal(&server, reference).await;
    assert_eq!(read["email"], "anna.private@example.net");
    assert_eq!(read["messages"][0]["recipient"], "anna.private@example.net");
    assert_eq!(
        read["withdrawal"]["lookup_postcode"], "1011AB",
        "the shop sees the postcode the order was found by"
    );
}

#[tokio::test]
async fn guessing_postcodes_for_one_order_hits_the_per_order_limit() {
    let server = TestServer::start_with(ServerOptions {
        config: "[limits]\nlookups_per_ip = 1000\nlookups_per_order = 2\n".to_owned(),
        policy: r#""order_lookup": {"key": "post_code", "required": true}"#.to_owned(),
        ..Default::default()
    });
    for postcode in ["9711 AA", "9711 AB"] {
        let response = withdraw(
            &server,
            None,
            &by_postcode(json!({"lookup_postcode": postcode})),
        )
        .await;
        assert_eq!(response.status(), 422, "{postcode}");
    }
    let response = withdraw(
        &server,
        None,
        &by_postcode(json!({"lookup_postcode": "1011 AB"})),
    )
    .await;
    assert_eq!(response.status(), 429, "the right postcode comes too late");
    assert_eq!(json(response).await["error"], "rate_limited");
}

#[tokio::test]
async fn a_postcode_shop_takes_neither_the_orders_email_nor_another_postcode_as_proof() {
    let server = postcode_shop();
    for lookup in [
        json!({"lookup_email": "anna@example.com"}),
        json!({"lookup_postcode": "9711 AA"}),
    ] {
        let response = withdraw(&server, None, &by_postcode(lookup.clone())).await;
        assert_eq!(response.status(), 422, "{lookup}");
        let fields: Vec<String> = json(response).await["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["field"].as_str().unwrap().to_owned())
            .collect();
        assert!(
            fields.contains(&"order_date".to_owned()) && fields.contains(&"goods".to_owned()),
            "not found, so the contract details are asked for: {fields:?}"
        );
    }
}

#[tokio::test]
async fn a_malformed_postcode_is_named_with_every_other_error() {
    let server = postcode_shop();
    let mut body = by_postcode(json!({"lookup_postcode": "anna@example.com"}));
    body["draft"]["name"] = json!("");
    let response = withdraw(&server, None, &body).await;
    assert_eq!(response.status(), 422);
    let error = json(response).await;
    let fields: Vec<(String, String)> = error["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["field"].as_str().unwrap().to_owned(),
                f["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert!(
        fields.contains(&("lookup_postcode".into(), "post_code.format".into())),
        "{fields:?}"
    );
    assert!(fields.iter().any(|(f, _)| f == "name"), "{fields:?}");
}

#[tokio::test]
async fn an_email_shop_does_not_take_the_postcode_as_proof_and_still_refuses_unknown_keys() {
    let server = TestServer::start();
    let response = withdraw(
        &server,
        None,
        &by_postcode(json!({"lookup_postcode": "1011 AB"})),
    )
    .await;
    assert_eq!(response.status(), 422);
    let error = json(response).await;
    assert!(
        error["fields"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["field"] == "goods"),
        "{error}"
    );
    let response = withdraw(
        &server,
        None,
        &by_postcode(json!({"lookup_email": "anna@example.com", "lookup_postcode": "anna@"})),
    )
    .await;
    assert_eq!(response.status(), 422);
    let error = json(response).await;
    assert_eq!(error["fields"][0]["field"], "lookup_postcode", "{error}");
    assert_eq!(error["fields"][0]["code"], "post_code.format", "{error}");
    let response = withdraw(
        &server,
        None,
        &by_postcode(json!({"lookup_phone": "0612345678"})),
    )
    .await;
    assert_eq!(response.status(), 422);
    let error = json(response).await;
    assert_eq!(error["error"], "json.shape");
    assert_eq!(error["message"], "draft: unknown field `lookup_phone`");
    let response = withdraw(&server, None, &by_postcode(json!({"items": "Kettle"}))).await;
    assert_eq!(response.status(), 422);
    let error = json(response).await;
    assert_eq!(error["error"], "json.shape");
    assert_eq!(
        error["message"],
        "draft.items: invalid type: expected an array"
    );
}
