//! The `withdrawals` table: written with its acknowledgement, read for the shop's list.

use sqlx::{AnyPool, AssertSqlSafe};

use super::{NewWithdrawal, StoreError, StoredWithdrawal};

const COLUMNS: &str = "reference, order_number, email, language, body, receipt, received_at";
type Row = (String, Option<String>, String, String, String, String, i64);

fn from_row(
    (reference, order_number, email, language, body, receipt, received_at): Row,
) -> StoredWithdrawal {
    StoredWithdrawal {
        reference,
        order_number,
        email,
        language,
        body,
        receipt,
        received_at,
    }
}

pub(super) async fn insert(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    w: &NewWithdrawal,
) -> Result<(), StoreError> {
    sqlx::query(AssertSqlSafe(format!(
        "INSERT INTO withdrawals ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)"
    )))
    .bind(&w.reference)
    .bind(w.order_number.clone())
    .bind(&w.email)
    .bind(&w.language)
    .bind(&w.body)
    .bind(&w.receipt)
    .bind(w.received_at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub(super) async fn all(pool: &AnyPool) -> Result<Vec<StoredWithdrawal>, StoreError> {
    let rows: Vec<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM withdrawals ORDER BY received_at DESC, reference"
    )))
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(from_row).collect())
}

pub(super) async fn one(
    pool: &AnyPool,
    reference: &str,
) -> Result<Option<StoredWithdrawal>, StoreError> {
    let row: Option<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM withdrawals WHERE reference = $1"
    )))
    .bind(reference)
    .fetch_optional(pool)
    .await?;
    Ok(row.map(from_row))
}
