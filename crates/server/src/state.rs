//! What every handler shares: the policy, the stores, the signing key, the limits.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use redress_core::policy::ComplaintPolicy;
use sha2::{Digest, Sha256};

use crate::config::Settings;
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
    /// The rate limits, counted in the database so restarts and several server processes
    /// on one database share them.
    pub lookups_per_ip: RateLimiter,
    pub lookups_per_order: RateLimiter,
    pub uploads_per_ip: RateLimiter,
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
        Shared {
            policy,
            policy_json,
            policy_etag,
            orders,
            signer,
            data_dir: settings.data_dir.clone(),
            shop_token: settings.shop_token.clone(),
            lookups_per_ip: RateLimiter::new(
                "lookups_per_ip",
                settings.limits.lookups_per_ip,
                window,
                store.clone(),
            ),
            lookups_per_order: RateLimiter::new(
                "lookups_per_order",
                settings.limits.lookups_per_order,
                window,
                store.clone(),
            ),
            uploads_per_ip: RateLimiter::new(
                "uploads_per_ip",
                settings.limits.uploads_per_ip,
                window,
                store.clone(),
            ),
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
        ] {
            swept += limiter.sweep().await?;
        }
        Ok(swept)
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
