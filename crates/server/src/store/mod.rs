//! Storage: the only module that touches the database.
//!
//! Routes see two trait objects, [`ComplaintStore`] and [`OrderBook`], so a shop can plug
//! its own order system in, and SQLite and PostgreSQL share one implementation over
//! `sqlx::Any` with SQL written to run on both.

mod claim;
mod migrate;
mod orders;
mod rate_windows;
mod sql;
mod tracking_access;
mod trustmark_cases;
mod withdrawals;

use async_trait::async_trait;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use orders::SqlOrderBook;
pub use sql::SqlStore;

/// A storage failure; always an internal error for the caller.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("stored document is not valid JSON: {0}")]
    Document(#[from] serde_json::Error),
    #[error("stored date {0:?} is not a date")]
    Date(String),
}

/// One uploaded evidence file. The bytes live at a path derived from `sha256`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceRecord {
    pub id: String,
    pub sha256: String,
    pub media_type: String,
    pub size_bytes: i64,
    /// The shopper's file name, kept as text for the handler; never used as a path.
    pub original_name: String,
    pub uploaded_at: i64,
    pub complaint_reference: Option<String>,
}

/// A complaint ready to be stored, with its first timeline event.
#[derive(Debug, Clone)]
pub struct NewComplaint {
    pub reference: String,
    pub token_hash: String,
    pub order_number: Option<String>,
    pub email: Option<String>,
    pub language: String,
    /// The validated complaint as JSON.
    pub body: String,
    /// The signed receipt as JSON.
    pub receipt: String,
    pub filed_at: i64,
    pub status: String,
    pub open: bool,
    pub next_due_at: Option<i64>,
    pub evidence_ids: Vec<String>,
    /// Where the shopper lives (ISO alpha-2), as validated (the shop's country when the
    /// draft left it empty).
    pub shopper_country: String,
    /// The core `ProductCategory` code, `general` or `travel`.
    pub category: String,
    /// The timeline's first event as JSON.
    pub first_event: String,
    /// The confirmation to the shopper, queued with the complaint.
    pub notification: Option<Notification>,
    /// The trustmark's case, for a complaint filed on the trustmark's page.
    pub trustmark_case: Option<NewTrustmarkCase>,
}

/// What a trustmark keeps beside a complaint about one of its member shops, stored in the
/// complaint's own transaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTrustmarkCase {
    pub member_id: String,
    /// The member's name as the registry listed it when the complaint was filed.
    pub shop_name: String,
    /// The day the shopper complained to the shop (the receipt's day when one verified).
    pub complained_on: NaiveDate,
    /// The shop's reference for that complaint, if the shopper had one.
    pub shop_reference: Option<String>,
    /// The shop's signed receipt as imported, JSON text.
    pub shop_receipt: Option<String>,
    /// The receipt verified against a receipt key the registry lists for the member.
    pub shop_receipt_verified: bool,
}

/// A stored trustmark case, with its complaint's reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredTrustmarkCase {
    pub complaint_reference: String,
    pub case: NewTrustmarkCase,
}

/// A stored complaint.
#[derive(Debug, Clone)]
pub struct StoredComplaint {
    pub reference: String,
    pub token_hash: String,
    pub order_number: Option<String>,
    pub email: Option<String>,
    pub language: String,
    pub body: String,
    pub receipt: String,
    pub filed_at: i64,
    pub status: String,
    pub open: bool,
    pub next_due_at: Option<i64>,
    /// Where the shopper lives (ISO alpha-2); `None` for complaints filed before the
    /// column existed, which count as domestic.
    pub shopper_country: Option<String>,
    /// The core `ProductCategory` code; `general` for older complaints.
    pub category: String,
}

/// One entry of a complaint's append-only timeline.
#[derive(Debug, Clone)]
pub struct StoredEvent {
    pub seq: i64,
    pub at: i64,
    pub event: String,
}

/// The first answer given to an `Idempotency-Key`, replayed on retries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredResponse {
    pub request_hash: String,
    pub status: u16,
    pub body: String,
}

/// The idempotency record stored in the same transaction as the complaint.
#[derive(Debug, Clone)]
pub struct IdempotencyRecord {
    pub key: String,
    pub response: StoredResponse,
}

/// What filing a complaint did.
#[derive(Debug, Clone)]
pub enum Filed {
    Created,
    /// The idempotency key was already used; this is the first answer.
    Replayed(StoredResponse),
    /// An evidence id does not exist, expired, or belongs to another complaint.
    EvidenceUnavailable(String),
}

/// A status change of a complaint: the event plus the state derived after it.
#[derive(Debug, Clone)]
pub struct AppendedEvent {
    /// The sequence number this event must get; a concurrent append makes it a conflict.
    pub seq: i64,
    pub at: i64,
    pub event: String,
    pub status: String,
    pub open: bool,
    pub next_due_at: Option<i64>,
    pub notification: Option<Notification>,
}

/// A message to the shopper, stored in the outbox in the same transaction as the event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notification {
    pub id: String,
    pub complaint_reference: String,
    pub recipient: Option<String>,
    pub language: String,
    pub subject: String,
    pub body: String,
    pub created_at: i64,
}

/// A withdrawal ready to be stored with its acknowledgement.
#[derive(Debug, Clone)]
pub struct NewWithdrawal {
    pub reference: String,
    pub order_number: Option<String>,
    /// Where the acknowledgement goes.
    pub email: String,
    pub language: String,
    /// The validated withdrawal as the core crate serializes it.
    pub body: String,
    /// The signed receipt as JSON.
    pub receipt: String,
    /// The exact receipt instant, Unix seconds.
    pub received_at: i64,
    /// The acknowledgement on a durable medium, queued in the same transaction.
    pub acknowledgement: Notification,
}

/// A stored withdrawal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredWithdrawal {
    pub reference: String,
    pub order_number: Option<String>,
    pub email: String,
    pub language: String,
    pub body: String,
    pub receipt: String,
    pub received_at: i64,
}

/// Which complaints the shop wants to see.
#[derive(Debug, Clone, Default)]
pub struct ComplaintFilter {
    pub status: Option<String>,
    pub open: Option<bool>,
    /// Only complaints whose next due time is before this instant (and still open).
    pub overdue_at: Option<i64>,
}

/// Complaints, their evidence, timelines, idempotency records and outbox, and the rate
/// limits' windows (so every server process on the database counts against one allowance).
#[async_trait]
pub trait ComplaintStore: Send + Sync {
    async fn insert_evidence(&self, evidence: &EvidenceRecord) -> Result<(), StoreError>;
    async fn evidence(&self, id: &str) -> Result<Option<EvidenceRecord>, StoreError>;
    async fn evidence_of(&self, reference: &str) -> Result<Vec<EvidenceRecord>, StoreError>;
    /// Deletes unattached evidence uploaded before `before` and returns the deleted rows.
    async fn expire_unattached(&self, before: i64) -> Result<Vec<EvidenceRecord>, StoreError>;
    /// Whether any evidence row still points at these bytes.
    async fn hash_in_use(&self, sha256: &str) -> Result<bool, StoreError>;
    /// Stores the complaint, attaches its evidence, writes its first event and the
    /// idempotency record, all in one transaction.
    async fn file_complaint(
        &self,
        complaint: &NewComplaint,
        idempotency: Option<&IdempotencyRecord>,
    ) -> Result<Filed, StoreError>;
    async fn idempotent_response(&self, key: &str) -> Result<Option<StoredResponse>, StoreError>;
    async fn complaint(&self, reference: &str) -> Result<Option<StoredComplaint>, StoreError>;
    /// The complaints filed about an order, newest first.
    async fn complaints_of_order(
        &self,
        order_number: &str,
    ) -> Result<Vec<StoredComplaint>, StoreError>;
    /// Records another tracking token (its hash) for a complaint.
    async fn grant_tracking(
        &self,
        reference: &str,
        token_hash: &str,
        at: i64,
    ) -> Result<(), StoreError>;
    /// The hashes of the tokens granted after the first.
    async fn tracking_grants(&self, reference: &str) -> Result<Vec<String>, StoreError>;
    async fn events(&self, reference: &str) -> Result<Vec<StoredEvent>, StoreError>;
    /// Appends an event; `Ok(false)` when another append took the sequence number first.
    async fn append_event(
        &self,
        reference: &str,
        event: &AppendedEvent,
    ) -> Result<bool, StoreError>;
    async fn complaints(
        &self,
        filter: &ComplaintFilter,
    ) -> Result<Vec<StoredComplaint>, StoreError>;
    /// Stores the withdrawal, its acknowledgement and the idempotency record in one
    /// transaction. Never answers `EvidenceUnavailable`.
    async fn file_withdrawal(
        &self,
        withdrawal: &NewWithdrawal,
        idempotency: Option<&IdempotencyRecord>,
    ) -> Result<Filed, StoreError>;
    /// Every withdrawal, newest first.
    async fn withdrawals(&self) -> Result<Vec<StoredWithdrawal>, StoreError>;
    async fn withdrawal(&self, reference: &str) -> Result<Option<StoredWithdrawal>, StoreError>;
    /// The trustmark's case of a complaint, `None` for a complaint filed with the shop.
    async fn trustmark_case(
        &self,
        reference: &str,
    ) -> Result<Option<StoredTrustmarkCase>, StoreError>;
    /// Every trustmark case, for the inbox to name the member shop of each complaint.
    async fn trustmark_cases(&self) -> Result<Vec<StoredTrustmarkCase>, StoreError>;
    /// The messages queued for a complaint or a withdrawal.
    async fn outbox(&self, reference: &str) -> Result<Vec<Notification>, StoreError>;
    /// Messages not yet handed to the mail server, oldest first.
    async fn unsent(&self, limit: i64) -> Result<Vec<Notification>, StoreError>;
    /// Records that a message was handed to the mail server.
    async fn mark_sent(&self, id: &str, at: i64) -> Result<(), StoreError>;
    /// Counts one attempt in `window` and returns its attempts, this one included; a
    /// window that is over starts again at its `now`. One atomic statement.
    async fn count_attempt(&self, window: &RateWindow<'_>) -> Result<i64, StoreError>;
    /// The attempts counted in `window`, without counting one; 0 when it is over.
    async fn attempts(&self, window: &RateWindow<'_>) -> Result<i64, StoreError>;
    /// Deletes the windows of `limiter` that are over at `now` (Unix seconds) for windows
    /// of `seconds`; returns how many.
    async fn sweep_windows(&self, limiter: &str, now: i64, seconds: i64)
    -> Result<u64, StoreError>;
}

/// One key's fixed window of a rate limit, as of an instant: what is counted together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateWindow<'a> {
    /// Which limit, the same name in every server process (e.g. `lookups_per_order`).
    pub limiter: &'a str,
    /// What is limited: a client IP, an upper-cased order number.
    pub key: &'a str,
    /// The instant of the attempt, Unix seconds from the server's clock.
    pub now: i64,
    /// How long a window lasts, in seconds.
    pub seconds: i64,
}

/// A line of an order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct OrderItem {
    pub sku: String,
    pub name: String,
    pub quantity: u32,
}

/// An order as the shop's order system knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Order {
    pub order_number: String,
    pub email: String,
    pub postcode: String,
    pub order_date: NaiveDate,
    pub delivery_date: Option<NaiveDate>,
    pub items: Vec<OrderItem>,
}

/// The shop's orders, looked up by number. Implement this to use another order system.
#[async_trait]
pub trait OrderBook: Send + Sync {
    async fn order(&self, order_number: &str) -> Result<Option<Order>, StoreError>;
    /// Inserts or replaces these orders; returns how many were written.
    async fn import(&self, orders: &[Order]) -> Result<usize, StoreError>;
}

/// Connects to the database of `url` and brings its schema up to date.
pub async fn connect(url: &str) -> Result<sqlx::AnyPool, StoreError> {
    sqlx::any::install_default_drivers();
    let pool = sqlx::any::AnyPoolOptions::new()
        .max_connections(if url.starts_with("sqlite") { 4 } else { 10 })
        .connect(url)
        .await?;
    if url.starts_with("sqlite") {
        sqlx::raw_sql("PRAGMA journal_mode = WAL")
            .execute(&pool)
            .await?;
    }
    migrate::run(&pool).await?;
    Ok(pool)
}
