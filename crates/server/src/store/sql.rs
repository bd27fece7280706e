//! [`ComplaintStore`] over `sqlx::Any`: one implementation for SQLite and PostgreSQL.

use async_trait::async_trait;
use sqlx::{AnyPool, AssertSqlSafe};

use super::claim::claim_key;
use super::{
    AppendedEvent, ComplaintFilter, ComplaintStore, EvidenceRecord, Filed, IdempotencyRecord,
    NewComplaint, Notification, RateWindow, StoreError, StoredComplaint, StoredEvent,
    StoredResponse,
};

/// The SQL store; cheap to clone (the pool is shared).
#[derive(Debug, Clone)]
pub struct SqlStore {
    pub(super) pool: AnyPool,
}

impl SqlStore {
    pub fn new(pool: AnyPool) -> Self {
        SqlStore { pool }
    }
}

const EVIDENCE_COLUMNS: &str =
    "id, sha256, media_type, size_bytes, original_name, uploaded_at, complaint_reference";
type EvidenceRow = (String, String, String, i64, String, i64, Option<String>);

fn evidence_from(
    (id, sha256, media_type, size_bytes, original_name, uploaded_at, complaint_reference): EvidenceRow,
) -> EvidenceRecord {
    EvidenceRecord {
        id,
        sha256,
        media_type,
        size_bytes,
        original_name,
        uploaded_at,
        complaint_reference,
    }
}

pub(super) const COMPLAINT_COLUMNS: &str = "reference, token_hash, order_number, email, language, body, receipt, filed_at, status, open, next_due_at, shopper_country, category";
pub(super) type ComplaintRow = (
    String,
    String,
    Option<String>,
    Option<String>,
    String,
    String,
    String,
    i64,
    String,
    i64,
    Option<i64>,
    Option<String>,
    String,
);

pub(super) fn complaint_from(row: ComplaintRow) -> StoredComplaint {
    let (
        reference,
        token_hash,
        order_number,
        email,
        language,
        body,
        receipt,
        filed_at,
        status,
        open,
        next_due_at,
        shopper_country,
        category,
    ) = row;
    StoredComplaint {
        reference,
        token_hash,
        order_number,
        email,
        language,
        body,
        receipt,
        filed_at,
        status,
        open: open != 0,
        next_due_at,
        shopper_country,
        category,
    }
}

pub(super) fn is_unique_violation(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(e) if e.is_unique_violation())
}

#[async_trait]
impl ComplaintStore for SqlStore {
    async fn insert_evidence(&self, e: &EvidenceRecord) -> Result<(), StoreError> {
        sqlx::query(AssertSqlSafe(format!(
            "INSERT INTO evidence ({EVIDENCE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)"
        )))
        .bind(&e.id)
        .bind(&e.sha256)
        .bind(&e.media_type)
        .bind(e.size_bytes)
        .bind(&e.original_name)
        .bind(e.uploaded_at)
        .bind(e.complaint_reference.clone())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn evidence(&self, id: &str) -> Result<Option<EvidenceRecord>, StoreError> {
        let row: Option<EvidenceRow> = sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {EVIDENCE_COLUMNS} FROM evidence WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(evidence_from))
    }

    async fn evidence_of(&self, reference: &str) -> Result<Vec<EvidenceRecord>, StoreError> {
        let rows: Vec<EvidenceRow> = sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {EVIDENCE_COLUMNS} FROM evidence WHERE complaint_reference = $1 ORDER BY uploaded_at, id"
        )))
        .bind(reference)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(evidence_from).collect())
    }

    async fn expire_unattached(&self, before: i64) -> Result<Vec<EvidenceRecord>, StoreError> {
        let mut tx = self.pool.begin().await?;
        let rows: Vec<EvidenceRow> = sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {EVIDENCE_COLUMNS} FROM evidence WHERE complaint_reference IS NULL AND uploaded_at < $1"
        )))
        .bind(before)
        .fetch_all(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM evidence WHERE complaint_reference IS NULL AND uploaded_at < $1")
            .bind(before)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(rows.into_iter().map(evidence_from).collect())
    }

    async fn hash_in_use(&self, sha256: &str) -> Result<bool, StoreError> {
        let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM evidence WHERE sha256 = $1")
            .bind(sha256)
            .fetch_one(&self.pool)
            .await?;
        Ok(count > 0)
    }

    async fn file_complaint(
        &self,
        c: &NewComplaint,
        idempotency: Option<&IdempotencyRecord>,
    ) -> Result<Filed, StoreError> {
        let mut tx = self.pool.begin().await?;
        if let Some(record) = idempotency
            && let Some(claim) = claim_key(&mut tx, record, c.filed_at).await?
        {
            drop(tx);
            return self.replay_claimed(&record.key, claim).await;
        }
        sqlx::query(AssertSqlSafe(format!(
            "INSERT INTO complaints ({COMPLAINT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"
        )))
        .bind(&c.reference)
        .bind(&c.token_hash)
        .bind(c.order_number.clone())
        .bind(c.email.clone())
        .bind(&c.language)
        .bind(&c.body)
        .bind(&c.receipt)
        .bind(c.filed_at)
        .bind(&c.status)
        .bind(i64::from(c.open))
        .bind(c.next_due_at)
        .bind(Some(c.shopper_country.clone()))
        .bind(&c.category)
        .execute(&mut *tx)
        .await?;
        for id in &c.evidence_ids {
            let attached = sqlx::query(
                "UPDATE evidence SET complaint_reference = $1 WHERE id = $2 AND complaint_reference IS NULL",
            )
            .bind(&c.reference)
            .bind(id)
            .execute(&mut *tx)
            .await?;
            if attached.rows_affected() != 1 {
                return Ok(Filed::EvidenceUnavailable(id.clone()));
            }
        }
        sqlx::query(
            "INSERT INTO complaint_events (complaint_reference, seq, at, event) VALUES ($1, $2, $3, $4)",
        )
        .bind(&c.reference)
        .bind(0_i64)
        .bind(c.filed_at)
        .bind(&c.first_event)
        .execute(&mut *tx)
        .await?;
        if let Some(n) = &c.notification {
            insert_notification(&mut tx, n).await?;
        }
        if let Some(case) = &c.trustmark_case {
            super::trustmark_cases::insert(&mut tx, &c.reference, case).await?;
        }
        tx.commit().await?;
        Ok(Filed::Created)
    }

    async fn idempotent_response(&self, key: &str) -> Result<Option<StoredResponse>, StoreError> {
        let row: Option<(String, i64, String)> = sqlx::query_as(
            "SELECT request_hash, status, response FROM idempotency WHERE idempotency_key = $1",
        )
        .bind(key)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(request_hash, status, body)| StoredResponse {
            request_hash,
            status: u16::try_from(status).unwrap_or(500),
            body,
        }))
    }

    async fn complaint(&self, reference: &str) -> Result<Option<StoredComplaint>, StoreError> {
        let row: Option<ComplaintRow> = sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {COMPLAINT_COLUMNS} FROM complaints WHERE reference = $1"
        )))
        .bind(reference)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(complaint_from))
    }

    async fn complaints_of_order(
        &self,
        order_number: &str,
    ) -> Result<Vec<StoredComplaint>, StoreError> {
        self.complaints_of_order_sql(order_number).await
    }

    async fn grant_tracking(
        &self,
        reference: &str,
        token_hash: &str,
        at: i64,
    ) -> Result<(), StoreError> {
        self.grant_tracking_sql(reference, token_hash, at).await
    }

    async fn tracking_grants(&self, reference: &str) -> Result<Vec<String>, StoreError> {
        self.tracking_grants_sql(reference).await
    }

    async fn events(&self, reference: &str) -> Result<Vec<StoredEvent>, StoreError> {
        let rows: Vec<(i64, i64, String)> = sqlx::query_as(
            "SELECT seq, at, event FROM complaint_events WHERE complaint_reference = $1 ORDER BY seq",
        )
        .bind(reference)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(seq, at, event)| StoredEvent { seq, at, event })
            .collect())
    }

    async fn append_event(&self, reference: &str, e: &AppendedEvent) -> Result<bool, StoreError> {
        let mut tx = self.pool.begin().await?;
        let inserted = sqlx::query(
            "INSERT INTO complaint_events (complaint_reference, seq, at, event) VALUES ($1, $2, $3, $4)",
        )
        .bind(reference)
        .bind(e.seq)
        .bind(e.at)
        .bind(&e.event)
        .execute(&mut *tx)
        .await;
        match inserted {
            Ok(_) => {}
            Err(error) if is_unique_violation(&error) => return Ok(false),
            Err(error) => return Err(error.into()),
        }
        sqlx::query(
            "UPDATE complaints SET status = $1, open = $2, next_due_at = $3 WHERE reference = $4",
        )
        .bind(&e.status)
        .bind(i64::from(e.open))
        .bind(e.next_due_at)
        .bind(reference)
        .execute(&mut *tx)
        .await?;
        if let Some(n) = &e.notification {
            insert_notification(&mut tx, n).await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    async fn complaints(
        &self,
        filter: &ComplaintFilter,
    ) -> Result<Vec<StoredComplaint>, StoreError> {
        // Filters are bound as parameters; a NULL parameter switches its filter off.
        let rows: Vec<ComplaintRow> = sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {COMPLAINT_COLUMNS} FROM complaints \
             WHERE ($1 IS NULL OR status = $1) \
             AND ($2 IS NULL OR open = $2) \
             AND ($3 IS NULL OR (open = 1 AND next_due_at IS NOT NULL AND next_due_at < $3)) \
             ORDER BY filed_at DESC, reference"
        )))
        .bind(filter.status.clone())
        .bind(filter.open.map(i64::from))
        .bind(filter.overdue_at)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(complaint_from).collect())
    }

    async fn unsent(&self, limit: i64) -> Result<Vec<Notification>, StoreError> {
        let rows: Vec<NotificationRow> = sqlx::query_as(
            "SELECT id, complaint_reference, recipient, language, subject, body, created_at FROM outbox WHERE sent_at IS NULL AND recipient IS NOT NULL ORDER BY created_at, id LIMIT $1",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(notification_from).collect())
    }

    async fn mark_sent(&self, id: &str, at: i64) -> Result<(), StoreError> {
        sqlx::query("UPDATE outbox SET sent_at = $1 WHERE id = $2")
            .bind(at)
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn count_attempt(&self, window: &RateWindow<'_>) -> Result<i64, StoreError> {
        super::rate_windows::count_attempt(&self.pool, window).await
    }

    async fn attempts(&self, window: &RateWindow<'_>) -> Result<i64, StoreError> {
        super::rate_windows::attempts(&self.pool, window).await
    }

    async fn sweep_windows(
        &self,
        limiter: &str,
        now: i64,
        seconds: i64,
    ) -> Result<u64, StoreError> {
        super::rate_windows::sweep(&self.pool, limiter, now, seconds).await
    }

    async fn file_withdrawal(
        &self,
        w: &super::NewWithdrawal,
        idempotency: Option<&IdempotencyRecord>,
    ) -> Result<Filed, StoreError> {
        let mut tx = self.pool.begin().await?;
        if let Some(record) = idempotency
            && let Some(claim) = claim_key(&mut tx, record, w.received_at).await?
        {
            drop(tx);
            return self.replay_claimed(&record.key, claim).await;
        }
        super::withdrawals::insert(&mut tx, w).await?;
        insert_notification(&mut tx, &w.acknowledgement).await?;
        tx.commit().await?;
        Ok(Filed::Created)
    }

    async fn withdrawals(&self) -> Result<Vec<super::StoredWithdrawal>, StoreError> {
        super::withdrawals::all(&self.pool).await
    }

    async fn withdrawal(
        &self,
        reference: &str,
    ) -> Result<Option<super::StoredWithdrawal>, StoreError> {
        super::withdrawals::one(&self.pool, reference).await
    }

    async fn trustmark_case(
        &self,
        reference: &str,
    ) -> Result<Option<super::StoredTrustmarkCase>, StoreError> {
        super::trustmark_cases::one(&self.pool, reference).await
    }

    async fn trustmark_cases(&self) -> Result<Vec<super::StoredTrustmarkCase>, StoreError> {
        super::trustmark_cases::all(&self.pool).await
    }

    async fn outbox(&self, reference: &str) -> Result<Vec<Notification>, StoreError> {
        let rows: Vec<NotificationRow> = sqlx::query_as(
            "SELECT id, complaint_reference, recipient, language, subject, body, created_at FROM outbox WHERE complaint_reference = $1 ORDER BY created_at, id",
        )
        .bind(reference)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(notification_from).collect())
    }
}

async fn insert_notification(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    n: &Notification,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO outbox (id, complaint_reference, recipient, language, subject, body, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&n.id)
    .bind(&n.complaint_reference)
    .bind(n.recipient.clone())
    .bind(&n.language)
    .bind(&n.subject)
    .bind(&n.body)
    .bind(n.created_at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

type NotificationRow = (String, String, Option<String>, String, String, String, i64);

fn notification_from(
    (id, complaint_reference, recipient, language, subject, body, created_at): NotificationRow,
) -> Notification {
    Notification {
        id,
        complaint_reference,
        recipient,
        language,
        subject,
        body,
        created_at,
    }
}
