//! A tiny migration runner: numbered SQL files embedded in the binary, each applied once
//! in its own transaction, on SQLite and PostgreSQL alike.

use sqlx::AnyPool;

use super::StoreError;

const MIGRATIONS: &[(i64, &str)] = &[
    (1, include_str!("../../migrations/0001_initial.sql")),
    (
        2,
        include_str!("../../migrations/0002_shopper_country_and_category.sql"),
    ),
    (3, include_str!("../../migrations/0003_withdrawals.sql")),
    (4, include_str!("../../migrations/0004_tracking_access.sql")),
    (5, include_str!("../../migrations/0005_trustmark_cases.sql")),
    (6, include_str!("../../migrations/0006_rate_windows.sql")),
];

pub(super) async fn run(pool: &AnyPool) -> Result<(), StoreError> {
    sqlx::raw_sql(
        "CREATE TABLE IF NOT EXISTS redress_migrations (version BIGINT PRIMARY KEY, applied_at BIGINT NOT NULL)",
    )
    .execute(pool)
    .await?;
    for (version, sql) in MIGRATIONS {
        let mut tx = pool.begin().await?;
        let done: Option<(i64,)> =
            sqlx::query_as("SELECT version FROM redress_migrations WHERE version = $1")
                .bind(*version)
                .fetch_optional(&mut *tx)
                .await?;
        if done.is_some() {
            continue;
        }
        sqlx::raw_sql(*sql).execute(&mut *tx).await?;
        sqlx::query("INSERT INTO redress_migrations (version, applied_at) VALUES ($1, $2)")
            .bind(*version)
            .bind(chrono::Utc::now().timestamp())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
    }
    Ok(())
}
