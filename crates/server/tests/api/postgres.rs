//! The same flows against a real PostgreSQL server started for the test.

use serde_json::json;

use crate::helpers::{Postgres, ServerOptions, TestServer};

#[tokio::test]
async fn postgres_serves_lookup_and_evidence_like_sqlite() {
    let postgres = Postgres::start();
    let server = TestServer::start_with(ServerOptions {
        database_url: Some(postgres.url.clone()),
        ..Default::default()
    });
    let order = server
        .post_json(
            "/api/orders/lookup",
            &json!({"order_number": "RD-1001", "email": "anna@example.com"}),
        )
        .await;
    assert_eq!(order.status(), 200);
    let upload = server
        .upload(b"a receipt, as text", "text/plain", "r.txt")
        .await;
    assert_eq!(upload.status(), 201);
    crate::complaints::file_track_and_handle(&server).await;
    crate::complaints::concurrent_duplicates(&server).await;
    crate::withdrawals::eligible_order_end_to_end(&server).await;
    crate::repeated_keys::repeated_keys_are_refused_and_nothing_is_stored(&server).await;
}

#[tokio::test]
async fn an_old_postgres_database_upgrades_and_its_complaints_stay_domestic() {
    let postgres = Postgres::start();
    crate::migration::an_old_database_upgrades(&postgres.url).await;
}

#[tokio::test]
async fn postgres_keeps_a_trustmark_case_like_sqlite() {
    let postgres = Postgres::start();
    let server = TestServer::start_with(ServerOptions {
        database_url: Some(postgres.url.clone()),
        ..Default::default()
    });
    crate::trustmark_complaints::a_member_complaint_reaches_the_desk(&server).await;
}
