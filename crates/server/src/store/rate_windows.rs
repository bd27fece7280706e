//! The `rate_windows` table: the rate limits' fixed windows, shared by every server
//! process on the database and kept across restarts.
//!
//! A window of `seconds` that started at `started_at` is over from `started_at + seconds`
//! on. Counting is one statement, so two processes counting the same key at once never
//! both read the old count.

use sqlx::AnyPool;

use super::{RateWindow, StoreError};

/// The last start instant of a window that is over at `now`.
fn last_ended(now: i64, seconds: i64) -> i64 {
    now.saturating_sub(seconds)
}

pub(super) async fn count_attempt(pool: &AnyPool, w: &RateWindow<'_>) -> Result<i64, StoreError> {
    // In an upsert's SET every expression sees the row as it was, on SQLite and
    // PostgreSQL alike, so `started_at` is judged on the old start too.
    let (attempts,): (i64,) = sqlx::query_as(
        "INSERT INTO rate_windows (limiter, key, started_at, attempts) VALUES ($1, $2, $3, 1) \
         ON CONFLICT (limiter, key) DO UPDATE SET \
         attempts = CASE WHEN rate_windows.started_at <= $4 THEN 1 ELSE rate_windows.attempts + 1 END, \
         started_at = CASE WHEN rate_windows.started_at <= $4 THEN $3 ELSE rate_windows.started_at END \
         RETURNING attempts",
    )
    .bind(w.limiter)
    .bind(w.key)
    .bind(w.now)
    .bind(last_ended(w.now, w.seconds))
    .fetch_one(pool)
    .await?;
    Ok(attempts)
}

pub(super) async fn attempts(pool: &AnyPool, w: &RateWindow<'_>) -> Result<i64, StoreError> {
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT attempts FROM rate_windows WHERE limiter = $1 AND key = $2 AND started_at > $3",
    )
    .bind(w.limiter)
    .bind(w.key)
    .bind(last_ended(w.now, w.seconds))
    .fetch_optional(pool)
    .await?;
    Ok(row.map_or(0, |(attempts,)| attempts))
}

pub(super) async fn sweep(
    pool: &AnyPool,
    limiter: &str,
    now: i64,
    seconds: i64,
) -> Result<u64, StoreError> {
    let done = sqlx::query("DELETE FROM rate_windows WHERE limiter = $1 AND started_at <= $2")
        .bind(limiter)
        .bind(last_ended(now, seconds))
        .execute(pool)
        .await?;
    Ok(done.rows_affected())
}
