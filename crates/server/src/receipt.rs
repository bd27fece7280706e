//! Signed receipts: the shop's Ed25519 key, kept in the data directory, signs a canonical
//! JSON form of each complaint so the shopper, a trustmark or a court can later prove what
//! was filed and when.
//!
//! # Receipt format (version 1)
//!
//! A receipt is the JSON object
//! `{"version":1,"algorithm":"Ed25519","key_id":K,"signed":S,"signature":G}` where
//!
//! - `signed` is a **string** holding the canonical JSON of the receipt payload; the
//!   signature covers exactly its UTF-8 bytes, so a verifier never re-serializes anything;
//! - `signature` is the 64-byte Ed25519 signature, lowercase hex (128 characters);
//! - `key_id` is the first 16 hex characters of SHA-256 over the 32-byte public key, and
//!   `GET /api/receipt-key` publishes the key (`public_key`, lowercase hex, 64 characters).
//!
//! The canonical JSON is: objects with keys sorted by their UTF-8 bytes, no whitespace,
//! strings escaped as `serde_json` does (only `"`, `\` and control characters, as `\"`,
//! `\\`, `\n`, `\r`, `\t`, `\b`, `\f`, `\u00XX`; everything else literal UTF-8), integers
//! only (no floats), `null` for absent optional values. The payload object has the keys
//! `complaint` (the validated complaint as the core crate serializes it),
//! `evidence` (array of `{"id","media_type","sha256","size_bytes"}` in submission order),
//! `received_at` (RFC 3339 UTC, seconds precision, `Z` suffix) and `reference`.
//!
//! To verify: check `key_id` against the published key, verify `signature` over the bytes
//! of `signed` with the public key, then parse `signed` to read what was received.

use std::path::Path;

use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The receipt handed to the shopper.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Receipt {
    /// Format version, 1.
    pub version: u32,
    /// Always `"Ed25519"`.
    pub algorithm: String,
    /// First 16 hex characters of SHA-256 of the public key.
    pub key_id: String,
    /// The canonical JSON payload the signature covers, as a string.
    pub signed: String,
    /// The Ed25519 signature of `signed`, lowercase hex.
    pub signature: String,
}

/// The published verification key.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ReceiptKey {
    pub algorithm: String,
    pub key_id: String,
    /// The 32-byte Ed25519 public key, lowercase hex.
    pub public_key: String,
}

/// The shop's signing key.
pub struct ReceiptSigner {
    key: SigningKey,
    key_id: String,
}

impl std::fmt::Debug for ReceiptSigner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReceiptSigner")
            .field("key_id", &self.key_id)
            .finish()
    }
}

/// Why a signing key (the receipt key or a trustmark key) cannot be loaded.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("signing key file {0}: {1}")]
    Io(String, std::io::Error),
    #[error("signing key file {0} is not 64 hex characters")]
    Malformed(String),
    #[error("no randomness for a signing key: {0}")]
    Random(getrandom::Error),
}

impl ReceiptSigner {
    /// Loads `path`, or creates it with a fresh key on first start (mode 0600).
    pub fn load_or_create(path: &Path) -> Result<ReceiptSigner, KeyError> {
        let shown = path.display().to_string();
        let seed: [u8; 32] = match std::fs::read_to_string(path) {
            Ok(text) => hex::decode(text.trim())
                .ok()
                .and_then(|b| <[u8; 32]>::try_from(b).ok())
                .ok_or_else(|| KeyError::Malformed(shown.clone()))?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let mut seed = [0u8; 32];
                getrandom::fill(&mut seed).map_err(KeyError::Random)?;
                write_private(path, &hex::encode(seed))
                    .map_err(|e| KeyError::Io(shown.clone(), e))?;
                seed
            }
            Err(e) => return Err(KeyError::Io(shown, e)),
        };
        Ok(ReceiptSigner::from_seed(seed))
    }

    /// A signer from a 32-byte seed.
    pub fn from_seed(seed: [u8; 32]) -> ReceiptSigner {
        let key = SigningKey::from_bytes(&seed);
        let key_id = key_id(&key.verifying_key());
        ReceiptSigner { key, key_id }
    }

    /// The published form of the public key.
    pub fn public(&self) -> ReceiptKey {
        ReceiptKey {
            algorithm: "Ed25519".to_owned(),
            key_id: self.key_id.clone(),
            public_key: hex::encode(self.key.verifying_key().to_bytes()),
        }
    }

    /// Signs a payload; `payload` must already be canonical JSON (see the module docs).
    pub fn sign(&self, payload: &serde_json::Value) -> Receipt {
        self.sign_text(canonical_json(payload))
    }

    /// Signs text that is already the exact payload (the trustmark documents, which the
    /// core crate writes canonically itself); the envelope is the same as a receipt's.
    pub fn sign_text(&self, signed: String) -> Receipt {
        let signature = self.key.sign(signed.as_bytes());
        Receipt {
            version: 1,
            algorithm: "Ed25519".to_owned(),
            key_id: self.key_id.clone(),
            signed,
            signature: hex::encode(signature.to_bytes()),
        }
    }
}

/// The canonical JSON text of a value: sorted keys, no whitespace.
///
/// ```
/// let v = serde_json::json!({"b": 1, "a": {"d": null, "c": "x\"y"}});
/// assert_eq!(redress_server::receipt::canonical_json(&v), r#"{"a":{"c":"x\"y","d":null},"b":1}"#);
/// ```
pub fn canonical_json(value: &serde_json::Value) -> String {
    // serde_json's Map is a BTreeMap (the `preserve_order` feature is off in this
    // workspace), so serializing sorts keys by their bytes and adds no whitespace.
    serde_json::to_string(value).unwrap_or_default()
}

/// Verifies a receipt against a published key; what a shopper's tool or a court does.
pub fn verify(receipt: &Receipt, key: &ReceiptKey) -> bool {
    let Some(public) = hex::decode(&key.public_key)
        .ok()
        .and_then(|b| <[u8; 32]>::try_from(b).ok())
        .and_then(|b| VerifyingKey::from_bytes(&b).ok())
    else {
        return false;
    };
    let Some(signature) = hex::decode(&receipt.signature)
        .ok()
        .and_then(|b| <[u8; 64]>::try_from(b).ok())
        .map(|b| Signature::from_bytes(&b))
    else {
        return false;
    };
    receipt.key_id == key_id(&public)
        && public.verify(receipt.signed.as_bytes(), &signature).is_ok()
}

fn key_id(key: &VerifyingKey) -> String {
    let digest = Sha256::digest(key.to_bytes());
    hex::encode(&digest[..8])
}

/// Creates `path` (never overwriting) readable by the owner only (0600): private keys.
pub(crate) fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()
}
