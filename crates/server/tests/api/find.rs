//! `POST /api/complaints/find`: a shopper who lost the tracking link finds the complaint
//! again by order number and e-mail, with the lookup's proof, limits and neutral 404.

use serde_json::json;

use crate::complaints::{draft, submit};
use crate::helpers::{Postgres, ServerOptions, TestServer, json};

async fn found_again(server: &TestServer) {
    let filed = json(submit(server, Some("find-1"), &json!({"language": "en", "draft": draft("The kettle stopped heating after two days.", &[]), "evidence_ids": []})).await).await;
    let reference = filed["reference"].as_str().unwrap().to_owned();
    let first_token = filed["tracking_token"].as_str().unwrap().to_owned();

    let wrong = server
        .post_json(
            "/api/complaints/find",
            &json!({"order_number": "RD-1001", "email": "bram@example.com"}),
        )
        .await;
    let missing = server
        .post_json(
            "/api/complaints/find",
            &json!({"order_number": "RD-9999", "email": "anna@example.com"}),
        )
        .await;
    assert_eq!(wrong.status(), 404);
    assert_eq!(missing.status(), 404);
    assert_eq!(
        json(wrong).await,
        json(missing).await,
        "nothing tells which order exists"
    );

    let found = server
        .post_json(
            "/api/complaints/find",
            &json!({"order_number": "rd-1001", "email": "Anna@Example.com"}),
        )
        .await;
    assert_eq!(found.status(), 200);
    let found = json(found).await;
    let complaints = found["complaints"].as_array().unwrap();
    assert_eq!(complaints.len(), 1);
    assert_eq!(complaints[0]["reference"], reference.as_str());
    let token = complaints[0]["tracking_token"].as_str().unwrap();
    assert_ne!(token, first_token, "a fresh token, never the stored one");

    for token in [token, first_token.as_str()] {
        let tracked =
            reqwest::get(server.url(&format!("/api/complaints/{reference}?token={token}")))
                .await
                .unwrap();
        assert_eq!(
            tracked.status(),
            200,
            "both the first and the new token open the tracker"
        );
    }
    let other = reqwest::get(server.url(&format!(
        "/api/complaints/{reference}?token={}",
        "0".repeat(32)
    )))
    .await
    .unwrap();
    assert_eq!(other.status(), 404);
}

#[tokio::test]
async fn a_lost_tracking_link_is_found_again_by_order_and_email() {
    found_again(&TestServer::start()).await;
}

#[tokio::test]
async fn a_lost_tracking_link_is_found_again_on_postgres() {
    let postgres = Postgres::start();
    let server = TestServer::start_with(ServerOptions {
        database_url: Some(postgres.url.clone()),
        ..Default::default()
    });
    found_again(&server).await;
}

#[tokio::test]
async fn guessing_emails_to_find_complaints_hits_the_lookup_limit() {
    let server = TestServer::start_with(ServerOptions {
        config: "[limits]\nlookups_per_ip = 100\nlookups_per_order = 3\n".to_owned(),
        ..Default::default()
    });
    let mut limited = false;
    for i in 0..5 {
        let response = server
            .post_json(
                "/api/complaints/find",
                &json!({"order_number": "RD-1001", "email": format!("guess{i}@example.com")}),
            )
            .await;
        if response.status() == 429 {
            limited = true;
            break;
        }
        assert_eq!(response.status(), 404);
    }
    assert!(limited, "the per-order limit stops the guessing");
}
