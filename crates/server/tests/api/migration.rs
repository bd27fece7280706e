//! A database created before migration 0002 upgrades in place, and its complaints keep
//! being treated as they were: domestic and general.

use redress_core::country::Country;
use redress_core::escalation::ProductCategory;
use redress_core::policy::ComplaintPolicy;
use redress_server::store::{ComplaintStore, SqlStore};
use redress_server::tracking::ComplaintFacts;

/// Builds the schema of migration 0001 with one complaint at `url`, then connects the way
/// the server does (which migrates) and reads the complaint back.
pub async fn an_old_database_upgrades(url: &str) {
    sqlx::any::install_default_drivers();
    let old = sqlx::any::AnyPoolOptions::new()
        .max_connections(1)
        .connect(url)
        .await
        .unwrap();
    sqlx::raw_sql(
        "CREATE TABLE redress_migrations (version BIGINT PRIMARY KEY, applied_at BIGINT NOT NULL)",
    )
    .execute(&old)
    .await
    .unwrap();
    sqlx::raw_sql(include_str!("../../migrations/0001_initial.sql"))
        .execute(&old)
        .await
        .unwrap();
    sqlx::query("INSERT INTO redress_migrations (version, applied_at) VALUES (1, 0)")
        .execute(&old)
        .await
        .unwrap();
    sqlx::query(
        "INSERT INTO complaints (reference, token_hash, language, body, receipt, filed_at, status, open) \
         VALUES ('C-OLD', 'h', 'en', '{}', '{}', 0, 'received', 1)",
    )
    .execute(&old)
    .await
    .unwrap();
    // A queued message must survive migration 0003's rebuild of the outbox, still unsent.
    sqlx::query(
        "INSERT INTO outbox (id, complaint_reference, recipient, language, subject, body, created_at) \
         VALUES ('n-old', 'C-OLD', 'old@example.com', 'en', 'Old subject', 'Old body', 0)",
    )
    .execute(&old)
    .await
    .unwrap();
    old.close().await;

    let store = SqlStore::new(redress_server::store::connect(url).await.unwrap());
    let complaint = store.complaint("C-OLD").await.unwrap().unwrap();
    assert_eq!(complaint.shopper_country, None);
    assert_eq!(complaint.category, "general");
    let policy = ComplaintPolicy::default();
    let facts = ComplaintFacts::of(&policy, &complaint).unwrap();
    assert_eq!(facts.shopper_country, policy.shop.country);
    assert_eq!(facts.shopper_country, Country::NL);
    assert_eq!(facts.category, ProductCategory::General);
    let queued = store.outbox("C-OLD").await.unwrap();
    assert_eq!(queued.len(), 1);
    assert_eq!(queued[0].subject, "Old subject");
    let unsent = store.unsent(10).await.unwrap();
    assert_eq!(
        unsent.iter().map(|n| n.id.as_str()).collect::<Vec<_>>(),
        ["n-old"]
    );
}

#[tokio::test]
async fn an_old_sqlite_database_upgrades_and_its_complaints_stay_domestic() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("old.db").display());
    an_old_database_upgrades(&url).await;
}
