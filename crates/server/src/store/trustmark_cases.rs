//! The `trustmark_cases` table: a complaint filed on a trustmark's page, the member shop it
//! is about and the shopper's earlier complaint to that shop.

use sqlx::{AnyPool, AssertSqlSafe};

use super::{NewTrustmarkCase, StoreError, StoredTrustmarkCase};

const COLUMNS: &str = "complaint_reference, member_id, shop_name, complained_on, shop_reference, shop_receipt, shop_receipt_verified";
type Row = (
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    i64,
);

fn from_row(
    (reference, member_id, shop_name, complained_on, shop_reference, shop_receipt, verified): Row,
) -> Result<StoredTrustmarkCase, StoreError> {
    let day = complained_on
        .parse()
        .map_err(|_| StoreError::Date(complained_on.clone()))?;
    Ok(StoredTrustmarkCase {
        complaint_reference: reference,
        case: NewTrustmarkCase {
            member_id,
            shop_name,
            complained_on: day,
            shop_reference,
            shop_receipt,
            shop_receipt_verified: verified != 0,
        },
    })
}

/// Stores the case of complaint `reference` inside the complaint's transaction.
pub(super) async fn insert(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    reference: &str,
    case: &NewTrustmarkCase,
) -> Result<(), StoreError> {
    sqlx::query(AssertSqlSafe(format!(
        "INSERT INTO trustmark_cases ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)"
    )))
    .bind(reference)
    .bind(&case.member_id)
    .bind(&case.shop_name)
    .bind(case.complained_on.to_string())
    .bind(case.shop_reference.clone())
    .bind(case.shop_receipt.clone())
    .bind(i64::from(case.shop_receipt_verified))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub(super) async fn one(
    pool: &AnyPool,
    reference: &str,
) -> Result<Option<StoredTrustmarkCase>, StoreError> {
    let row: Option<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM trustmark_cases WHERE complaint_reference = $1"
    )))
    .bind(reference)
    .fetch_optional(pool)
    .await?;
    row.map(from_row).transpose()
}

pub(super) async fn all(pool: &AnyPool) -> Result<Vec<StoredTrustmarkCase>, StoreError> {
    let rows: Vec<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM trustmark_cases ORDER BY complaint_reference"
    )))
    .fetch_all(pool)
    .await?;
    rows.into_iter().map(from_row).collect()
}
