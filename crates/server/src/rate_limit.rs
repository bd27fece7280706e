//! Fixed-window counters that slow down order-number enumeration.
//!
//! The counts live in the server's database (the `rate_windows` table), not in process
//! memory: a restart after a deploy or a crash would otherwise hand someone guessing the
//! e-mail behind an order number a fresh allowance, and two server processes on one
//! database behind a load balancer would each hand out the full allowance. Counting is
//! one atomic statement, so processes counting the same key at once share one count.
//!
//! A database error is an error for the caller (the route answers 500): the limit never
//! lets a request through because it could not count it.

use std::sync::Arc;
use std::time::Duration;

use crate::state::AppState;
use crate::store::{ComplaintStore, RateWindow, StoreError};

/// Forgets the limits' windows that are over, hourly, so their table stays as small as
/// one window's traffic. Runs beside the server (`startup.rs` spawns it).
pub async fn sweep_ended_windows(state: AppState) {
    let mut tick = tokio::time::interval(Duration::from_secs(60 * 60));
    loop {
        tick.tick().await;
        if let Err(e) = state.sweep_rate_windows().await {
            tracing::error!(error = %e, "rate window sweep failed");
        }
    }
}

/// Counts attempts per key (a client IP, an order number) in fixed windows.
pub struct RateLimiter {
    /// Which limit this is, the same in every process: the table's `limiter` column.
    name: &'static str,
    limit: u32,
    window: Duration,
    store: Arc<dyn ComplaintStore>,
}

impl std::fmt::Debug for RateLimiter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RateLimiter")
            .field("name", &self.name)
            .field("limit", &self.limit)
            .field("window", &self.window)
            .finish_non_exhaustive()
    }
}

impl RateLimiter {
    /// A limit of `limit` attempts per `window`, counted in `store` under `name`.
    pub fn new(
        name: &'static str,
        limit: u32,
        window: Duration,
        store: Arc<dyn ComplaintStore>,
    ) -> Self {
        RateLimiter {
            name,
            limit,
            window,
            store,
        }
    }

    /// Counts one attempt for `key`; false when the key used up its window.
    pub async fn allow(&self, key: &str) -> Result<bool, StoreError> {
        Ok(self.count(key).await? <= self.limit)
    }

    /// Whether `key` used up its window, without counting an attempt.
    pub async fn exhausted(&self, key: &str) -> Result<bool, StoreError> {
        let attempts = self.store.attempts(&self.window_of(key)).await?;
        Ok(attempts > 0 && attempts >= i64::from(self.limit))
    }

    /// Counts one attempt for `key` and returns the attempts in its current window.
    pub async fn count(&self, key: &str) -> Result<u32, StoreError> {
        let attempts = self.store.count_attempt(&self.window_of(key)).await?;
        Ok(u32::try_from(attempts).unwrap_or(u32::MAX))
    }

    /// Forgets the windows that are over, so the table stays as small as the traffic of
    /// one window; returns how many were forgotten.
    pub async fn sweep(&self) -> Result<u64, StoreError> {
        self.store
            .sweep_windows(self.name, now(), self.window_seconds())
            .await
    }

    /// `key`'s window as of now.
    fn window_of<'a>(&'a self, key: &'a str) -> RateWindow<'a> {
        RateWindow {
            limiter: self.name,
            key,
            now: now(),
            seconds: self.window_seconds(),
        }
    }

    fn window_seconds(&self) -> i64 {
        i64::try_from(self.window.as_secs()).unwrap_or(i64::MAX)
    }
}

/// The server's clock, Unix seconds, as every other stored instant.
fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{SqlStore, connect};

    const HOUR: Duration = Duration::from_secs(3600);

    /// A real SQLite database in a temp directory, migrated as the server does.
    async fn database() -> (tempfile::TempDir, String, Arc<dyn ComplaintStore>) {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!(
            "sqlite://{}?mode=rwc",
            dir.path().join("redress.db").display()
        );
        let store = open(&url).await;
        (dir, url, store)
    }

    async fn open(url: &str) -> Arc<dyn ComplaintStore> {
        Arc::new(SqlStore::new(connect(url).await.expect("database")))
    }

    #[tokio::test]
    async fn each_key_gets_its_own_allowance() {
        let (_dir, _, store) = database().await;
        let limiter = RateLimiter::new("lookups_per_ip", 2, HOUR, store);
        assert!(limiter.allow("10.0.0.1").await.unwrap());
        assert!(limiter.allow("10.0.0.1").await.unwrap());
        assert!(!limiter.allow("10.0.0.1").await.unwrap());
        assert!(limiter.allow("10.0.0.2").await.unwrap());
    }

    #[tokio::test]
    async fn exhausted_looks_without_counting() {
        let (_dir, _, store) = database().await;
        let limiter = RateLimiter::new("lookups_per_order", 1, HOUR, store);
        assert!(!limiter.exhausted("RD-1001").await.unwrap());
        assert!(!limiter.exhausted("RD-1001").await.unwrap());
        assert_eq!(limiter.count("RD-1001").await.unwrap(), 1);
        assert!(limiter.exhausted("RD-1001").await.unwrap());
    }

    #[tokio::test]
    async fn a_new_window_starts_a_new_allowance() {
        let (_dir, _, store) = database().await;
        let limiter = RateLimiter::new("lookups_per_order", 1, Duration::ZERO, store);
        assert!(limiter.allow("RD-1001").await.unwrap());
        assert!(limiter.allow("RD-1001").await.unwrap());
        assert!(!limiter.exhausted("RD-1001").await.unwrap());
    }

    #[tokio::test]
    async fn limits_of_the_same_key_count_apart() {
        let (_dir, _, store) = database().await;
        let lookups = RateLimiter::new("lookups_per_ip", 1, HOUR, store.clone());
        let uploads = RateLimiter::new("uploads_per_ip", 1, HOUR, store);
        assert!(lookups.allow("10.0.0.1").await.unwrap());
        assert!(uploads.allow("10.0.0.1").await.unwrap());
        assert!(!lookups.allow("10.0.0.1").await.unwrap());
    }

    #[tokio::test]
    async fn a_second_connection_to_the_database_counts_on_where_the_first_stopped() {
        let (_dir, url, store) = database().await;
        let first = RateLimiter::new("lookups_per_order", 3, HOUR, store);
        let second = RateLimiter::new("lookups_per_order", 3, HOUR, open(&url).await);
        assert_eq!(first.count("RD-1001").await.unwrap(), 1);
        assert_eq!(second.count("RD-1001").await.unwrap(), 2);
        assert_eq!(first.count("RD-1001").await.unwrap(), 3);
        assert!(second.exhausted("RD-1001").await.unwrap());
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn counting_at_once_loses_no_attempt() {
        let (_dir, url, store) = database().await;
        let first = Arc::new(RateLimiter::new("uploads_per_ip", 100, HOUR, store));
        let second = Arc::new(RateLimiter::new(
            "uploads_per_ip",
            100,
            HOUR,
            open(&url).await,
        ));
        let mut tasks = Vec::new();
        for n in 0..40 {
            let limiter = if n % 2 == 0 { &first } else { &second }.clone();
            tasks.push(tokio::spawn(async move {
                limiter.count("10.0.0.1").await.unwrap()
            }));
        }
        let mut seen = Vec::new();
        for task in tasks {
            seen.push(task.await.unwrap());
        }
        seen.sort_unstable();
        assert_eq!(seen, (1..=40).collect::<Vec<u32>>());
    }

    #[tokio::test]
    async fn the_sweep_forgets_only_windows_that_are_over() {
        let (_dir, _, store) = database().await;
        // A window that started at the epoch is long over.
        let long_over = RateWindow {
            limiter: "lookups_per_order",
            key: "RD-OLD",
            now: 0,
            seconds: 3600,
        };
        store.count_attempt(&long_over).await.unwrap();
        let limiter = RateLimiter::new("lookups_per_order", 1, HOUR, store.clone());
        limiter.count("RD-1001").await.unwrap();
        assert_eq!(limiter.sweep().await.unwrap(), 1);
        assert_eq!(limiter.sweep().await.unwrap(), 0);
        assert!(limiter.exhausted("RD-1001").await.unwrap());
    }

    #[tokio::test]
    async fn an_unreachable_database_is_an_error_not_a_pass() {
        let (_dir, url, _) = database().await;
        let pool = connect(&url).await.expect("database");
        let store: Arc<dyn ComplaintStore> = Arc::new(SqlStore::new(pool.clone()));
        let limiter = RateLimiter::new("lookups_per_ip", 5, HOUR, store);
        pool.close().await;
        assert!(limiter.allow("10.0.0.1").await.is_err());
        assert!(limiter.exhausted("10.0.0.1").await.is_err());
    }
}
