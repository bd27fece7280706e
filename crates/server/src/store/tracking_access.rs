//! Tracking tokens granted after the first: a shopper who finds a complaint again by
//! order number and e-mail gets a fresh token, stored hashed.

use sqlx::AssertSqlSafe;

use super::sql::{COMPLAINT_COLUMNS, ComplaintRow, complaint_from};
use super::{SqlStore, StoreError, StoredComplaint};

impl SqlStore {
    pub(super) async fn complaints_of_order_sql(
        &self,
        order_number: &str,
    ) -> Result<Vec<StoredComplaint>, StoreError> {
        let rows: Vec<ComplaintRow> = sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {COMPLAINT_COLUMNS} FROM complaints WHERE upper(order_number) = upper($1) ORDER BY filed_at DESC"
        )))
        .bind(order_number)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(complaint_from).collect())
    }

    pub(super) async fn grant_tracking_sql(
        &self,
        reference: &str,
        token_hash: &str,
        at: i64,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO tracking_access (token_hash, complaint_reference, granted_at) VALUES ($1, $2, $3)",
        )
        .bind(token_hash)
        .bind(reference)
        .bind(at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub(super) async fn tracking_grants_sql(
        &self,
        reference: &str,
    ) -> Result<Vec<String>, StoreError> {
        let rows: Vec<(String,)> =
            sqlx::query_as("SELECT token_hash FROM tracking_access WHERE complaint_reference = $1")
                .bind(reference)
                .fetch_all(&self.pool)
                .await?;
        Ok(rows.into_iter().map(|(hash,)| hash).collect())
    }
}
