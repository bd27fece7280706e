//! Fixed-window counters that slow down order-number enumeration.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Counts attempts per key (a client IP, an order number) in fixed windows.
#[derive(Debug)]
pub struct RateLimiter {
    limit: u32,
    window: Duration,
    windows: Mutex<HashMap<String, (Instant, u32)>>,
}

/// Above this many keys the expired windows are swept, so memory stays bounded.
const SWEEP_ABOVE: usize = 10_000;

impl RateLimiter {
    pub fn new(limit: u32, window: Duration) -> Self {
        RateLimiter {
            limit,
            window,
            windows: Mutex::new(HashMap::new()),
        }
    }

    /// Counts one attempt for `key`; false when the key used up its window.
    pub fn allow(&self, key: &str) -> bool {
        self.count(key) <= self.limit
    }

    /// Whether `key` used up its window, without counting an attempt.
    pub fn exhausted(&self, key: &str) -> bool {
        let now = Instant::now();
        let windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        windows
            .get(key)
            .is_some_and(|(start, n)| now.duration_since(*start) < self.window && *n >= self.limit)
    }

    /// Counts one attempt for `key` and returns the attempts in its current window.
    pub fn count(&self, key: &str) -> u32 {
        let now = Instant::now();
        let mut windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        if windows.len() > SWEEP_ABOVE {
            windows.retain(|_, (start, _)| now.duration_since(*start) < self.window);
        }
        let entry = windows.entry(key.to_owned()).or_insert((now, 0));
        if now.duration_since(entry.0) >= self.window {
            *entry = (now, 0);
        }
        entry.1 = entry.1.saturating_add(1);
        entry.1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_key_gets_its_own_allowance() {
        let limiter = RateLimiter::new(2, Duration::from_secs(3600));
        assert!(limiter.allow("10.0.0.1"));
        assert!(limiter.allow("10.0.0.1"));
        assert!(!limiter.allow("10.0.0.1"));
        assert!(limiter.allow("10.0.0.2"));
    }

    #[test]
    fn exhausted_looks_without_counting() {
        let limiter = RateLimiter::new(1, Duration::from_secs(3600));
        assert!(!limiter.exhausted("RD-1001"));
        assert!(!limiter.exhausted("RD-1001"));
        limiter.count("RD-1001");
        assert!(limiter.exhausted("RD-1001"));
    }

    #[test]
    fn a_new_window_starts_a_new_allowance() {
        let limiter = RateLimiter::new(1, Duration::ZERO);
        assert!(limiter.allow("RD-1001"));
        assert!(limiter.allow("RD-1001"));
    }
}
