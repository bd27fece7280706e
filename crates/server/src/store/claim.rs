//! Claiming an `Idempotency-Key` inside a filing transaction, shared by complaints and
//! withdrawals.

use super::sql::is_unique_violation;
use super::{ComplaintStore, Filed, IdempotencyRecord, SqlStore, StoreError};

impl SqlStore {
    /// The first answer for a key another request claimed; the unique violation if
    /// that answer is gone.
    pub(super) async fn replay_claimed(
        &self,
        key: &str,
        error: sqlx::Error,
    ) -> Result<Filed, StoreError> {
        match self.idempotent_response(key).await? {
            Some(first) => Ok(Filed::Replayed(first)),
            None => Err(StoreError::Database(error)),
        }
    }
}

/// Claims an idempotency key inside the filing transaction, first: a concurrent
/// duplicate waits on this row and then fails on the key, so one key never files twice.
/// `Some(error)` when the key was taken already.
pub(super) async fn claim_key(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    record: &IdempotencyRecord,
    at: i64,
) -> Result<Option<sqlx::Error>, StoreError> {
    let claimed = sqlx::query(
        "INSERT INTO idempotency (idempotency_key, request_hash, status, response, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(&record.key)
    .bind(&record.response.request_hash)
    .bind(i64::from(record.response.status))
    .bind(&record.response.body)
    .bind(at)
    .execute(&mut **tx)
    .await;
    match claimed {
        Ok(_) => Ok(None),
        Err(error) if is_unique_violation(&error) => Ok(Some(error)),
        Err(error) => Err(error.into()),
    }
}
