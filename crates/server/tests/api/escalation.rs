//! Escalation routes that depend on the complaint itself: the shopper's country opens the
//! European Consumer Centre, a travel purchase the travel disputes committee.

use serde_json::{Value, json};

use crate::complaints::{draft, submit};
use crate::helpers::{SHOP_TOKEN, TestServer, json};

/// Files a complaint with `extra` merged into the draft; returns (reference, token).
async fn file_with(server: &TestServer, extra: Value) -> (String, String, Value) {
    let mut draft = draft("The seller refuses to look at the defect.", &[]);
    for (key, value) in extra.as_object().unwrap() {
        draft[key] = value.clone();
    }
    let response = submit(server, None, &json!({"language": "en", "draft": draft})).await;
    assert_eq!(response.status(), 201);
    let filed = json(response).await;
    (
        filed["reference"].as_str().unwrap().to_owned(),
        filed["tracking_token"].as_str().unwrap().to_owned(),
        filed["tracking"].clone(),
    )
}

async fn reject(server: &TestServer, reference: &str) {
    let rejected = server
        .client
        .post(server.url(&format!("/api/shop/complaints/{reference}/events")))
        .bearer_auth(SHOP_TOKEN)
        .json(&json!({"event": {"type": "rejected", "reasons": "Wear and tear is not covered."}}))
        .send()
        .await
        .unwrap();
    assert_eq!(rejected.status(), 200);
}

/// The tracker's view of the complaint, as the shopper sees it.
async fn tracker(server: &TestServer, reference: &str, token: &str) -> Value {
    let response = server
        .client
        .get(server.url(&format!("/api/complaints/{reference}")))
        .query(&[("token", token)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    json(response).await["tracking"].clone()
}

fn route<'a>(view: &'a Value, route: &str) -> &'a Value {
    view["next_steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["route"] == route)
        .unwrap_or_else(|| panic!("no {route} in {view}"))
}

async fn refer(server: &TestServer, reference: &str, token: &str, body: &str) -> reqwest::Response {
    server
        .post_json(
            &format!("/api/complaints/{reference}/escalate"),
            &json!({"token": token, "referred_to": body}),
        )
        .await
}

#[tokio::test]
async fn a_shopper_abroad_is_offered_the_consumer_centre_of_their_country_after_a_rejection() {
    let server = TestServer::start();
    let (reference, token, filed) = file_with(&server, json!({"shopper_country": "de"})).await;
    assert_eq!(filed["shopper_country"], "DE");
    assert_eq!(
        route(&filed, "european_consumer_centre")["availability"]["status"],
        "opens_on",
        "before an answer the shop first gets its working days"
    );

    reject(&server, &reference).await;
    let view = tracker(&server, &reference, &token).await;
    let ecc = route(&view, "european_consumer_centre");
    assert_eq!(ecc["availability"]["status"], "open_now");
    assert_eq!(ecc["country"], "DE");
    assert_eq!(ecc["url"], "https://www.evz.de");

    let referred = refer(&server, &reference, &token, "european_consumer_centre").await;
    assert_eq!(referred.status(), 200);
    assert_eq!(json(referred).await["status"], "referred_externally");
}

#[tokio::test]
async fn a_domestic_complaint_is_never_offered_a_consumer_centre() {
    let server = TestServer::start();
    // Left empty, and named explicitly as the shop's own country (NL): both domestic.
    for extra in [json!({}), json!({"shopper_country": "NL"})] {
        let (reference, token, _) = file_with(&server, extra).await;
        reject(&server, &reference).await;
        let view = tracker(&server, &reference, &token).await;
        assert_eq!(view["shopper_country"], "NL");
        assert_eq!(
            route(&view, "european_consumer_centre")["availability"],
            json!({"status": "unavailable", "why": "not_cross_border"})
        );
        let refused = refer(&server, &reference, &token, "european_consumer_centre").await;
        assert_eq!(refused.status(), 409);
        assert_eq!(json(refused).await["error"], "escalation.not_open");
    }
}

#[tokio::test]
async fn a_travel_complaint_is_offered_the_travel_disputes_committee() {
    let server = TestServer::start();
    let (general, general_token, _) = file_with(&server, json!({})).await;
    let (travel, travel_token, _) = file_with(&server, json!({"category": "travel"})).await;
    reject(&server, &general).await;
    reject(&server, &travel).await;

    let view = tracker(&server, &general, &general_token).await;
    assert_eq!(view["category"], "general");
    assert_eq!(
        route(&view, "travel_disputes_committee")["availability"],
        json!({"status": "unavailable", "why": "not_travel"})
    );
    let refused = refer(
        &server,
        &general,
        &general_token,
        "travel_disputes_committee",
    )
    .await;
    assert_eq!(refused.status(), 409);

    let view = tracker(&server, &travel, &travel_token).await;
    assert_eq!(view["category"], "travel");
    let committee = route(&view, "travel_disputes_committee");
    assert_eq!(committee["availability"]["status"], "open_now");
    assert!(committee["name"].is_string(), "{committee}");
    let referred = refer(&server, &travel, &travel_token, "travel_disputes_committee").await;
    assert_eq!(referred.status(), 200);
}

#[tokio::test]
async fn an_unknown_country_or_category_is_a_field_error() {
    let server = TestServer::start();
    let mut body = draft("The seller refuses to look at the defect.", &[]);
    body["shopper_country"] = json!("XX");
    body["category"] = json!("cruise");
    let response = submit(&server, None, &json!({"language": "en", "draft": body})).await;
    assert_eq!(response.status(), 422);
    let body = json(response).await;
    assert_eq!(body["error"], "validation");
    assert_eq!(
        body["fields"],
        json!([
            {"field": "shopper_country", "code": "shopper_country.unknown", "params": {"value": "XX"}},
            {"field": "category", "code": "category.unknown", "params": {"value": "cruise", "allowed": ["general", "travel"]}},
        ])
    );
}
