-- The rate limits' fixed windows, one row per limiter and key (a client IP, an upper-cased
-- order number). Kept in the database rather than in process memory so a restart gives
-- nobody a fresh allowance and several server processes on one database share one.
-- Rows whose window ended are swept hourly.
CREATE TABLE rate_windows (
    limiter TEXT NOT NULL,
    key TEXT NOT NULL,
    started_at BIGINT NOT NULL,
    attempts BIGINT NOT NULL,
    PRIMARY KEY (limiter, key)
);
