//! The trustmark's public keys as a verifier holds them, and the signed envelope they open.
//!
//! Rotation works by version: when a trustmark replaces a key it signs the next registry
//! version with the new key and marks the old one `retired_from` that version. The old key
//! still opens the versions it signed before, never a newer one, so a leaked retired key
//! cannot publish a new member list.

use ed25519_dalek::{Signature, VerifyingKey};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::TrustmarkError;
use crate::escalation::BodyName;
use crate::from_json_object;
use crate::json::{FromJson, UnknownKeys};

/// The signed wire form of a registry or an attestation (envelope format 1, the same shape
/// as the server's complaint receipts):
/// `{"version":1,"algorithm":"Ed25519","key_id":K,"signed":S,"signature":G}`.
///
/// `signed` is a JSON **string** holding the payload document; the signature covers exactly
/// its UTF-8 bytes, so no verifier ever re-serializes anything. `signature` is the 64-byte
/// Ed25519 signature in lowercase hex (128 characters). `key_id` is [`key_id`] of the
/// signing key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SignedEnvelope {
    /// Envelope format version, 1.
    pub version: u32,
    /// Always `"Ed25519"`.
    pub algorithm: String,
    /// The first 16 hex characters of SHA-256 of the signing public key.
    pub key_id: String,
    /// The payload JSON the signature covers, as a string.
    pub signed: String,
    /// The Ed25519 signature of `signed`'s bytes, lowercase hex.
    pub signature: String,
}

impl SignedEnvelope {
    /// The format checked, the signing key found among `keys` by its id, the signature
    /// decoded: the first half of every verification, whoever checks the signature itself.
    /// An unknown key is [`TrustmarkError::UnknownKey`]; another version or algorithm, or a
    /// signature that is not 128 hex characters, is [`TrustmarkError::Malformed`].
    pub(super) fn key_and_signature<'k, K>(
        &self,
        keys: &'k [K],
        id: impl Fn(&K) -> &str,
    ) -> Result<(&'k K, [u8; 64]), TrustmarkError> {
        if self.version != 1 || self.algorithm != "Ed25519" {
            return Err(TrustmarkError::malformed(
                "envelope is not version 1 with algorithm Ed25519",
            ));
        }
        let key = keys
            .iter()
            .find(|key| id(key) == self.key_id)
            .ok_or_else(|| TrustmarkError::UnknownKey {
                key_id: self.key_id.chars().take(64).collect(),
            })?;
        let signature: [u8; 64] = decode_hex(&self.signature)
            .and_then(|b| b.try_into().ok())
            .ok_or_else(|| TrustmarkError::malformed("signature is not 128 hex characters"))?;
        Ok((key, signature))
    }
}

/// A signed member registry, as the trustmark's server serves it.
pub type SignedRegistry = SignedEnvelope;
/// A signed membership attestation, as a shop's widget embeds it.
pub type SignedAttestation = SignedEnvelope;

impl SignedEnvelope {
    /// Reads an envelope from its JSON text; any other shape is
    /// [`TrustmarkError::Malformed`].
    pub fn from_json(text: &str) -> Result<SignedEnvelope, TrustmarkError> {
        SignedEnvelope::from_json_text(text)
            .map_err(|e| TrustmarkError::malformed(format!("envelope: {e}")))
    }
}

from_json_object!(SignedEnvelope, UnknownKeys::Refuse,
    required {
        "version" => version, "algorithm" => algorithm, "key_id" => key_id,
        "signed" => signed, "signature" => signature,
    }
    optional {});

/// The id a key is named by: the first 16 lowercase hex characters of SHA-256 over the
/// 32-byte public key (as the server's receipt key ids).
///
/// ```
/// let id = redress_core::trustmark::key_id(&[0u8; 32]);
/// assert_eq!(id, "66687aadf862bd77");
/// ```
pub fn key_id(public_key: &[u8; 32]) -> String {
    Sha256::digest(public_key)
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// One public key the verifier trusts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrustedKey {
    id: String,
    key: VerifyingKey,
    retired_from: Option<u64>,
}

impl TrustedKey {
    /// Reads a public key from 64 hex characters, as the trustmark publishes it.
    pub fn parse(public_key_hex: &str) -> Result<TrustedKey, TrustmarkError> {
        let bytes = public_key_bytes(public_key_hex)?;
        let key = VerifyingKey::from_bytes(&bytes)
            .map_err(|_| TrustmarkError::malformed("public_key is not an Ed25519 key"))?;
        Ok(TrustedKey {
            id: key_id(&bytes),
            key,
            retired_from: None,
        })
    }

    /// Marks the key retired: it opens documents of versions below `version` only.
    pub fn retired_from(mut self, version: u64) -> TrustedKey {
        self.retired_from = Some(version);
        self
    }

    /// The key's id, as envelopes name it.
    pub fn id(&self) -> &str {
        &self.id
    }
}

/// The keys of one trustmark a verifier trusts, and the lowest document version it still
/// accepts (the version it accepted last, to refuse a rollback to an older member list).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrustedKeys {
    trustmark: BodyName,
    keys: Vec<TrustedKey>,
    min_version: u64,
}

impl TrustedKeys {
    /// The keys of `trustmark`; documents naming another trustmark are refused.
    pub fn new(trustmark: BodyName, keys: Vec<TrustedKey>) -> TrustedKeys {
        TrustedKeys {
            trustmark,
            keys,
            min_version: 0,
        }
    }

    /// Refuses documents older than `min_version` with [`TrustmarkError::StaleVersion`].
    pub fn accepting_from_version(mut self, min_version: u64) -> TrustedKeys {
        self.min_version = min_version;
        self
    }

    /// Reads the keys a trustmark publishes (the server's key file, or a page's
    /// configuration):
    /// `{"trustmark":"Becom","keys":[{"key_id":"…","public_key":"<64 hex>","retired_from":5}]}`.
    /// `key_id` is optional and, when given, must be the key's [`key_id`]; `retired_from` is
    /// optional (a current key). The rollback floor starts at 0.
    ///
    /// ```
    /// use redress_core::trustmark::TrustedKeys;
    /// let zero_key = "3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29";
    /// let keys = TrustedKeys::from_json(&format!(
    ///     r#"{{"trustmark":"Becom","keys":[{{"public_key":"{zero_key}","retired_from":5}}]}}"#
    /// ))
    /// .unwrap();
    /// assert_eq!(keys.trustmark().as_ref(), "Becom");
    /// let wrong_id = TrustedKeys::from_json(&format!(
    ///     r#"{{"trustmark":"Becom","keys":[{{"key_id":"00","public_key":"{zero_key}"}}]}}"#
    /// ));
    /// assert_eq!(wrong_id.unwrap_err().code(), "trustmark.malformed");
    /// ```
    pub fn from_json(text: &str) -> Result<TrustedKeys, TrustmarkError> {
        let published = super::PublishedKeys::from_json(text)?;
        let keys = published
            .keys()
            .iter()
            .map(|published| {
                let key = VerifyingKey::from_bytes(&published.public_key)
                    .map_err(|_| TrustmarkError::malformed("public_key is not an Ed25519 key"))?;
                Ok(TrustedKey {
                    id: published.id.clone(),
                    key,
                    retired_from: published.retired_from,
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(TrustedKeys::new(published.trustmark().clone(), keys))
    }

    /// The trustmark these keys belong to.
    pub fn trustmark(&self) -> &BodyName {
        &self.trustmark
    }

    /// Checks the envelope's format, key and signature; returns the signed bytes and the key.
    pub(crate) fn open<'a>(
        &self,
        envelope: &'a SignedEnvelope,
    ) -> Result<(&'a str, &TrustedKey), TrustmarkError> {
        let (key, signature) = envelope.key_and_signature(&self.keys, |key| &key.id)?;
        key.key
            .verify_strict(
                envelope.signed.as_bytes(),
                &Signature::from_bytes(&signature),
            )
            .map_err(|_| TrustmarkError::BadSignature)?;
        Ok((&envelope.signed, key))
    }

    /// Checks what a verified document claims against the verifier's trust: the trustmark,
    /// the signing key's retirement and the rollback floor.
    pub(crate) fn admit(
        &self,
        key: &TrustedKey,
        trustmark: &BodyName,
        version: u64,
    ) -> Result<(), TrustmarkError> {
        Trust {
            trustmark: &self.trustmark,
            min_version: self.min_version,
            key_id: &key.id,
            retired_from: key.retired_from,
        }
        .admit(trustmark, version)
    }
}

/// What a verifier trusts a signing key for, whichever side checked the signature itself
/// ([`TrustedKeys`] with ed25519-dalek, or the browser through
/// [`PublishedKeys`](super::PublishedKeys)).
pub(super) struct Trust<'a> {
    pub(super) trustmark: &'a BodyName,
    pub(super) min_version: u64,
    pub(super) key_id: &'a str,
    pub(super) retired_from: Option<u64>,
}

impl Trust<'_> {
    /// Checks what a verified document claims: the trustmark, the signing key's retirement
    /// and the rollback floor.
    pub(super) fn admit(&self, trustmark: &BodyName, version: u64) -> Result<(), TrustmarkError> {
        if trustmark != self.trustmark {
            return Err(TrustmarkError::WrongTrustmark {
                named: trustmark.to_string(),
                expected: self.trustmark.to_string(),
            });
        }
        if let Some(retired_from) = self.retired_from.filter(|&from| version >= from) {
            return Err(TrustmarkError::RetiredKey {
                key_id: self.key_id.to_owned(),
                retired_from,
                version,
            });
        }
        if version < self.min_version {
            return Err(TrustmarkError::StaleVersion {
                version,
                min_version: self.min_version,
            });
        }
        Ok(())
    }
}

/// The published form of [`TrustedKeys`].
pub(super) struct TrustedKeysWire {
    pub(super) trustmark: BodyName,
    pub(super) keys: Vec<TrustedKeyWire>,
}

from_json_object!(TrustedKeysWire, UnknownKeys::Refuse,
    required { "trustmark" => trustmark, "keys" => keys }
    optional {});

pub(super) struct TrustedKeyWire {
    pub(super) key_id: Option<String>,
    pub(super) public_key: String,
    pub(super) retired_from: Option<u64>,
}

from_json_object!(TrustedKeyWire, UnknownKeys::Refuse,
    required { "public_key" => public_key }
    optional { "key_id" => key_id, "retired_from" => retired_from });

/// A published public key: 64 lowercase hex characters, surrounding blanks ignored.
pub(super) fn public_key_bytes(hex: &str) -> Result<[u8; 32], TrustmarkError> {
    decode_hex(hex.trim())
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| TrustmarkError::malformed("public_key is not 64 hex characters"))
}

/// Lowercase hex to bytes; `None` on odd length or any other character.
pub(super) fn decode_hex(hex: &str) -> Option<Vec<u8>> {
    let digit = |b: u8| match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        _ => None,
    };
    let bytes = hex.as_bytes();
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    bytes
        .chunks_exact(2)
        .map(|pair| Some((digit(pair[0])? << 4) | digit(pair[1])?))
        .collect()
}
