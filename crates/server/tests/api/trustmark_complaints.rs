//! Complaints filed on the trustmark's page (`POST /api/trustmark/complaints`): the server
//! checks the member, the shop's receipt and the gate itself, and its desk reads the case.

use chrono::{Days, NaiveDate};
use redress_core::calendar::WorkingCalendar;
use redress_core::policy::ComplaintPolicy;
use redress_server::receipt::ReceiptSigner;
use serde_json::{Value, json};

use crate::complaints::draft;
use crate::helpers::{SHOP_TOKEN, TestServer, json};
use crate::trustmark::{members_file, succeeds, trustmark};

/// The seed the member shop signs its receipts with (its own server, elsewhere).
const SHOP_SEED: [u8; 32] = [9; 32];

fn members() -> String {
    let shop_key = ReceiptSigner::from_seed(SHOP_SEED).public().public_key;
    // A key the shop rotated to after signing with SHOP_SEED, listed first: the receipt's
    // key id picks SHOP_SEED's key all the same.
    let rotated_key = ReceiptSigner::from_seed([10; 32]).public().public_key;
    json!([
        {"shop_name": "Fietsen Peeters", "member_id": "B-2231", "domains": ["fietsen-peeters.be"],
         "valid_from": "2026-01-01", "valid_until": "2099-12-31", "categories": ["general"],
         "receipt_keys": [rotated_key, shop_key]},
        {"shop_name": "Oude Boekhandel", "member_id": "B-1000", "domains": ["oude-boekhandel.be"],
         "valid_from": "2024-01-01", "valid_until": "2025-12-31", "categories": ["general"]},
        {"shop_name": "Reizen Janssens", "member_id": "B-4410", "domains": ["reizen-janssens.be"],
         "valid_from": "2026-01-01", "valid_until": "2099-12-31", "categories": ["travel"]}
    ])
    .to_string()
}

/// Makes `server` a trustmark: a key and a signed registry in its data directory.
pub fn sign_registry(server: &TestServer) {
    let data = server.data_dir();
    succeeds(trustmark(&data, &["keygen", "--trustmark", "Becom"]));
    let file = members_file(server.dir.path(), &members());
    succeeds(trustmark(&data, &["sign", "--members", &file]));
}

fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

pub fn days_ago(days: u64) -> NaiveDate {
    today().checked_sub_days(Days::new(days)).expect("a date")
}

/// The receipt the member shop's widget issued for a complaint received on `day`.
pub fn shop_receipt(reference: &str, day: NaiveDate) -> Value {
    let payload = json!({
        "complaint": {"order_number": "RD-1001", "contact": {"email": "anna@example.com"}},
        "evidence": [],
        "received_at": format!("{day}T09:30:00Z"),
        "reference": reference,
    });
    let receipt = ReceiptSigner::from_seed(SHOP_SEED).sign(&payload);
    serde_json::to_value(receipt).expect("receipt JSON")
}

pub fn request(member_id: &str, on: NaiveDate, receipt: Option<Value>) -> Value {
    let mut body = json!({
        "language": "en",
        "member_id": member_id,
        "complained_to_shop": {"on": on.to_string(), "reference": "shop ticket 77"},
        "draft": draft("The shop never answered about my broken bicycle bell.", &[]),
        "evidence_ids": [],
    });
    if let Some(receipt) = receipt {
        body["shop_receipt"] = receipt;
    }
    body
}

async fn file(server: &TestServer, key: Option<&str>, body: &Value) -> reqwest::Response {
    let mut request = server
        .client
        .post(server.url("/api/trustmark/complaints"))
        .json(body);
    if let Some(key) = key {
        request = request.header("idempotency-key", key);
    }
    request.send().await.expect("request")
}

async fn refused(server: &TestServer, body: &Value) -> Value {
    let response = file(server, None, body).await;
    assert_eq!(response.status(), 422);
    json(response).await
}

async fn shop_get(server: &TestServer, path: &str) -> Value {
    let response = server
        .client
        .get(server.url(path))
        .bearer_auth(SHOP_TOKEN)
        .send()
        .await
        .expect("shop request");
    assert_eq!(response.status(), 200, "{path}");
    json(response).await
}

/// Files with a verified receipt and reads the case on the desk; shared with PostgreSQL.
pub async fn a_member_complaint_reaches_the_desk(server: &TestServer) {
    sign_registry(server);
    let received = days_ago(30);
    // The stated day is yesterday (too early); the receipt's day wins.
    let body = request(
        "B-2231",
        days_ago(1),
        Some(shop_receipt("C-SHOP0000AA", received)),
    );
    let response = file(server, None, &body).await;
    assert_eq!(response.status(), 201);
    let filed = json(response).await;
    let reference = filed["reference"].as_str().expect("reference").to_owned();
    let tracker = server
        .client
        .get(server.url(filed["tracker_path"].as_str().expect("tracker path")))
        .send()
        .await
        .expect("tracker");
    assert_eq!(tracker.status(), 200);

    let read = shop_get(server, &format!("/api/shop/complaints/{reference}")).await;
    assert_eq!(
        read["trustmark_case"],
        json!({
            "member_id": "B-2231",
            "shop_name": "Fietsen Peeters",
            "complained_on": received.to_string(),
            "shop_reference": "C-SHOP0000AA",
            "shop_receipt_verified": true,
        })
    );
    let inbox = shop_get(server, "/api/shop/complaints").await;
    let line = inbox
        .as_array()
        .expect("list")
        .iter()
        .find(|e| e["reference"] == reference.as_str())
        .expect("listed");
    assert_eq!(line["shop_name"], "Fietsen Peeters");
    let searched = shop_get(server, "/api/shop/complaints?q=peeters").await;
    assert_eq!(searched.as_array().expect("list").len(), 1);
}

#[tokio::test]
async fn a_member_complaint_with_a_verified_receipt_reaches_the_desk() {
    a_member_complaint_reaches_the_desk(&TestServer::start()).await;
}

#[tokio::test]
async fn without_a_receipt_the_stated_day_and_reference_are_kept_unverified() {
    let server = TestServer::start();
    sign_registry(&server);
    let response = file(&server, None, &request("B-2231", days_ago(20), None)).await;
    assert_eq!(response.status(), 201);
    let reference = json(response).await["reference"]
        .as_str()
        .expect("reference")
        .to_owned();
    let read = shop_get(&server, &format!("/api/shop/complaints/{reference}")).await;
    assert_eq!(
        read["trustmark_case"]["complained_on"],
        days_ago(20).to_string()
    );
    assert_eq!(read["trustmark_case"]["shop_reference"], "shop ticket 77");
    assert_eq!(read["trustmark_case"]["shop_receipt_verified"], false);
    // A complaint filed with the shop's own route has no case.
    let own = crate::complaints::submit(
        &server,
        None,
        &json!({"language": "en", "draft": draft("Filed with the shop directly, no trustmark.", &[])}),
    )
    .await;
    let own = json(own).await["reference"]
        .as_str()
        .expect("ref")
        .to_owned();
    let read = shop_get(&server, &format!("/api/shop/complaints/{own}")).await;
    assert!(read.get("trustmark_case").is_none(), "{read}");
}

#[tokio::test]
async fn a_receipt_edited_by_one_byte_is_refused() {
    let server = TestServer::start();
    sign_registry(&server);
    let mut receipt = shop_receipt("C-SHOP0000AA", days_ago(30));
    let signed = receipt["signed"].as_str().expect("signed").to_owned();
    let edited = signed.replacen("C-SHOP0000AA", "C-SHOP0000AB", 1);
    assert_eq!(edited.len(), signed.len());
    receipt["signed"] = Value::String(edited);
    let body = refused(&server, &request("B-2231", days_ago(30), Some(receipt))).await;
    assert_eq!(body["error"], "trustmark.receipt_invalid");

    // The same receipt as text is read like the object; a member without receipt keys
    // cannot have its receipts accepted.
    let text = Value::String(shop_receipt("C-SHOP0000AA", days_ago(30)).to_string());
    let response = file(&server, None, &request("B-2231", days_ago(30), Some(text))).await;
    assert_eq!(response.status(), 201);
    let lapsed = request(
        "B-1000",
        days_ago(30),
        Some(shop_receipt("C-X", days_ago(30))),
    );
    assert_eq!(
        refused(&server, &lapsed).await["error"],
        "trustmark.receipt_invalid"
    );
}

#[tokio::test]
async fn too_early_is_refused_with_the_day_the_trustmark_takes_it() {
    let server = TestServer::start();
    sign_registry(&server);
    let policy_text = server
        .client
        .get(server.url("/api/policy"))
        .send()
        .await
        .expect("policy")
        .text()
        .await
        .expect("text");
    let policy = ComplaintPolicy::from_json(&policy_text).expect("policy");
    let calendar = WorkingCalendar::for_country(policy.shop.country).expect("calendar");
    let day = policy.today(chrono::Utc::now());
    let opens_on =
        calendar.add_working_days(day, u32::from(policy.deadlines.trustmark_wait_working_days));

    let body = refused(&server, &request("B-2231", day, None)).await;
    assert_eq!(body["error"], "trustmark.too_early");
    let message = body["message"].as_str().expect("message");
    assert!(message.contains(&opens_on.to_string()), "{message}");
    // A receipt from today is too early as well, whatever day is stated.
    let receipt = shop_receipt("C-SHOP0000AA", day);
    let body = refused(&server, &request("B-2231", days_ago(30), Some(receipt))).await;
    assert_eq!(body["error"], "trustmark.too_early");
}

#[tokio::test]
async fn unknown_lapsed_and_travel_members_are_refused_with_their_route() {
    let server = TestServer::start();
    sign_registry(&server);
    let unknown = refused(&server, &request("B-9999", days_ago(30), None)).await;
    assert_eq!(unknown["error"], "trustmark.member_not_found");
    let lapsed = refused(&server, &request("B-1000", days_ago(30), None)).await;
    assert_eq!(lapsed["error"], "trustmark.not_member");
    assert!(
        lapsed["message"]
            .as_str()
            .expect("message")
            .contains("2025-12-31"),
        "{lapsed}"
    );
    let travel = refused(&server, &request("B-4410", days_ago(30), None)).await;
    assert_eq!(travel["error"], "trustmark.travel");
    let mut abroad = request("B-2231", days_ago(30), None);
    abroad["draft"]["shopper_country"] = json!("DE");
    let abroad = refused(&server, &abroad).await;
    assert_eq!(abroad["error"], "trustmark.cross_border");
    let inbox = shop_get(&server, "/api/shop/complaints").await;
    assert_eq!(inbox, json!([]), "nothing refused was stored");
}

#[tokio::test]
async fn a_retry_with_the_same_key_gives_the_first_answer_and_one_case() {
    let server = TestServer::start();
    sign_registry(&server);
    let body = request("B-2231", days_ago(30), None);
    let first = file(&server, Some("tm-retry-1"), &body).await;
    assert_eq!(first.status(), 201);
    let first = json(first).await;
    let again = file(&server, Some("tm-retry-1"), &body).await;
    assert_eq!(again.status(), 201);
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    assert_eq!(json(again).await["reference"], first["reference"]);
    let inbox = shop_get(&server, "/api/shop/complaints").await;
    assert_eq!(inbox.as_array().expect("list").len(), 1);

    let other = request("B-2231", days_ago(31), None);
    let reused = file(&server, Some("tm-retry-1"), &other).await;
    assert_eq!(reused.status(), 422);
    assert_eq!(json(reused).await["error"], "idempotency_key.reused");
}

#[tokio::test]
async fn without_a_registry_the_route_answers_not_configured() {
    let server = TestServer::start();
    let response = file(&server, None, &request("B-2231", days_ago(30), None)).await;
    assert_eq!(response.status(), 404);
    assert_eq!(json(response).await["error"], "trustmark.not_configured");
}
