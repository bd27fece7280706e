//! What every handler shares: the policy, the stores, the signing key, the limits.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use redress_core::policy::ComplaintPolicy;
use sha2::{Digest, Sha256};

use crate::client_ip::TrustedProxies;
use crate::config::Settings;
use crate::error::AppError;
use crate::rate_limit::RateLimiter;
use crate::receipt::ReceiptSigner;
use crate::store::{ComplaintStore, OrderBook, StoreError};

/// Shared state; cloning is cheap.
#[derive(Clone)]
pub struct AppState(pub Arc<Shared>);

impl std::ops::Deref for AppState {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// The parts of [`AppState`].
pub struct Shared {
    pub policy: ComplaintPolicy,
    /// The policy JSON exactly as served, and its strong ETag.
    pub policy_json: String,
    pub policy_etag: String,
    pub store: Arc<dyn ComplaintStore>,
    pub orders: Arc<dyn OrderBook>,
    pub signer: ReceiptSigner,
    pub data_dir: PathBuf,
    pub shop_token: Option<String>,
    /// Whose `X-Forwarded-For` names the client (see [`crate::client_ip`]).
    pub trusted_proxies: TrustedProxies,
    /// The rate limits, counted in the database so restarts and several server processes
    /// on one database share them.
    pub lookups_per_ip: RateLimiter,
    pub lookups_per_order: RateLimiter,
    pub uploads_per_ip: RateLimiter,
    /// Stored filings (complaints, withdrawals, trustmark complaints) per client IP: each
    /// one mails the address its form gave.
    pub filings_per_ip: RateLimiter,
    /// Serialises evidence file placement against the expiry sweeper.
    pub evidence_files: tokio::sync::Mutex<()>,
}

impl Shared {
    pub fn new(
        settings: &Settings,
        policy: ComplaintPolicy,
        store: Arc<dyn ComplaintStore>,
        orders: Arc<dyn OrderBook>,
        signer: ReceiptSigner,
    ) -> Shared {
        let policy_json = policy.to_json();
        let policy_etag = format!("\"{}\"", hex::encode(&Sha256::digest(&policy_json)[..16]));
        let window = Duration::from_secs(settings.limits.window_seconds);
        let limit = |name, allowed| RateLimiter::new(name, allowed, window, store.clone());
        let limits = &settings.limits;
        Shared {
            policy,
            policy_json,
            policy_etag,
            orders,
            signer,
            data_dir: settings.data_dir.clone(),
            shop_token: settings.shop_token.clone(),
            trusted_proxies: settings.trusted_proxies.clone(),
            lookups_per_ip: limit("lookups_per_ip", limits.lookups_per_ip),
            lookups_per_order: limit("lookups_per_order", limits.lookups_per_order),
            uploads_per_ip: limit("uploads_per_ip", limits.uploads_per_ip),
            filings_per_ip: limit("filings_per_ip", limits.filings_per_ip),
            evidence_files: tokio::sync::Mutex::new(()),
            store,
        }
    }

    /// Forgets the rate limits' windows that are over; returns how many.
    pub async fn sweep_rate_windows(&self) -> Result<u64, StoreError> {
        let mut swept = 0;
        for limiter in [
            &self.lookups_per_ip,
            &self.lookups_per_order,
            &self.uploads_per_ip,
            &self.filings_per_ip,
        ] {
            swept += limiter.sweep().await?;
        }
        Ok(swept)
    }

    /// Refuses a filing from `ip` (429 `rate_limited`) once its stored filings used up
    /// `filings_per_ip`. Asked before a fresh filing is checked; a replay of an answered
    /// `Idempotency-Key` never gets here, so a retry still gets its first answer.
    pub async fn refuse_exhausted_filer(&self, ip: &str) -> Result<(), AppError> {
        if self.filings_per_ip.exhausted(ip).await? {
            return Err(AppError::rate_limited(
                "too many complaints from this address; wait a few minutes",
            ));
        }
        Ok(())
    }

    /// Counts a filing from `ip` that was stored (its confirmation queued). The filing
    /// stands either way: a database error here is logged, not answered, since a 500
    /// would have the shopper file again what is already stored.
    pub async fn count_filing(&self, ip: &str) {
        if let Err(e) = self.filings_per_ip.count(ip).await {
            tracing::error!(error = %e, "a stored filing could not be counted");
        }
    }

    /// Where finished evidence files live, by hash.
    pub fn evidence_dir(&self) -> PathBuf {
        self.data_dir.join("evidence")
    }

    /// Where uploads are written before they are complete.
    pub fn upload_dir(&self) -> PathBuf {
        self.data_dir.join("uploads")
    }
}
