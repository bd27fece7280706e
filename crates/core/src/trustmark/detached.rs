//! Verification with the signature checked outside the core: the browser checks Ed25519
//! with WebCrypto (`crypto.subtle.verify`), which keeps a signature library out of the
//! shopper's bundle; the core still judges everything else (the envelope, the key and its
//! retirement, the trustmark, the kind, the dates, the domain).
//!
//! The flow: [`PublishedKeys::signature_to_check`] names the key, signature and bytes to
//! check; the caller checks them and hands the answer to [`SignatureCheck::attestation`]
//! or [`SignatureCheck::registry`]. A `false` answer is [`TrustmarkError::BadSignature`],
//! exactly as the native [`verify_attestation`](super::verify_attestation) would say.

use chrono::NaiveDate;

use super::attestation::{Badge, read_attestation};
use super::keys::{SignedEnvelope, Trust, TrustedKeysWire, key_id, public_key_bytes};
use super::{MemberRegistry, TrustmarkError};
use crate::escalation::BodyName;
use crate::json::FromJson;

/// One published key, read without a signature library (no curve-point check: a key that
/// is not a valid point simply never verifies in the caller's check).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct PublishedKey {
    pub(super) id: String,
    pub(super) public_key: [u8; 32],
    pub(super) retired_from: Option<u64>,
}

/// A trustmark's published keys (`GET /api/trustmark/keys`, the format of
/// [`TrustedKeys::from_json`](super::TrustedKeys::from_json)), for callers that check the
/// signature themselves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishedKeys {
    trustmark: BodyName,
    keys: Vec<PublishedKey>,
    min_version: u64,
}

impl PublishedKeys {
    /// Reads the published key list; a key that is not 64 hex characters, or whose
    /// `key_id` does not match it, is [`TrustmarkError::Malformed`].
    ///
    /// ```
    /// use redress_core::trustmark::PublishedKeys;
    /// let zero_key = "3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29";
    /// let keys = PublishedKeys::from_json(&format!(
    ///     r#"{{"trustmark":"Becom","keys":[{{"public_key":"{zero_key}"}}]}}"#
    /// ))
    /// .unwrap();
    /// assert_eq!(keys.trustmark().as_ref(), "Becom");
    /// assert!(PublishedKeys::from_json(r#"{"trustmark":"Becom","keys":[{"public_key":"00"}]}"#).is_err());
    /// ```
    pub fn from_json(text: &str) -> Result<PublishedKeys, TrustmarkError> {
        let wire = TrustedKeysWire::from_json_text(text)
            .map_err(|e| TrustmarkError::malformed(format!("trusted keys: {e}")))?;
        let keys = wire
            .keys
            .into_iter()
            .map(|wire_key| {
                let public_key = public_key_bytes(&wire_key.public_key)?;
                let id = key_id(&public_key);
                if wire_key.key_id.is_some_and(|given| given != id) {
                    return Err(TrustmarkError::malformed(
                        "trusted keys: key_id does not match public_key",
                    ));
                }
                Ok(PublishedKey {
                    id,
                    public_key,
                    retired_from: wire_key.retired_from,
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(PublishedKeys {
            trustmark: wire.trustmark,
            keys,
            min_version: 0,
        })
    }

    /// Refuses documents older than `min_version` with [`TrustmarkError::StaleVersion`].
    pub fn accepting_from_version(mut self, min_version: u64) -> PublishedKeys {
        self.min_version = min_version;
        self
    }

    /// The trustmark these keys belong to.
    pub fn trustmark(&self) -> &BodyName {
        &self.trustmark
    }

    pub(super) fn keys(&self) -> &[PublishedKey] {
        &self.keys
    }

    /// Checks the envelope's format and names what the caller must verify: an unknown key
    /// is [`TrustmarkError::UnknownKey`], a signature that is not 128 hex characters is
    /// [`TrustmarkError::Malformed`].
    pub fn signature_to_check<'a>(
        &'a self,
        envelope: &'a SignedEnvelope,
    ) -> Result<SignatureCheck<'a>, TrustmarkError> {
        let (key, signature) = envelope.key_and_signature(&self.keys, |key| &key.id)?;
        Ok(SignatureCheck {
            keys: self,
            key,
            envelope,
            signature,
        })
    }
}

/// An Ed25519 signature the caller must check before the core reads the document.
#[derive(Debug, Clone)]
pub struct SignatureCheck<'a> {
    keys: &'a PublishedKeys,
    key: &'a PublishedKey,
    envelope: &'a SignedEnvelope,
    signature: [u8; 64],
}

impl SignatureCheck<'_> {
    /// The raw 32-byte public key (WebCrypto `importKey('raw', …, {name:'Ed25519'})`).
    pub fn public_key(&self) -> &[u8; 32] {
        &self.key.public_key
    }
    /// The 64-byte signature.
    pub fn signature(&self) -> &[u8; 64] {
        &self.signature
    }
    /// The signed bytes: the envelope's `signed` string as UTF-8.
    pub fn message(&self) -> &[u8] {
        self.envelope.signed.as_bytes()
    }

    fn opened(&self, signature_valid: bool) -> Result<(&str, Trust<'_>), TrustmarkError> {
        if !signature_valid {
            return Err(TrustmarkError::BadSignature);
        }
        Ok((
            &self.envelope.signed,
            Trust {
                trustmark: &self.keys.trustmark,
                min_version: self.keys.min_version,
                key_id: &self.key.id,
                retired_from: self.key.retired_from,
            },
        ))
    }

    /// The badge for the page served from `page_host`, given the caller's signature
    /// verdict; the same rules and errors as
    /// [`verify_attestation`](super::verify_attestation).
    pub fn attestation(
        &self,
        signature_valid: bool,
        page_host: &str,
        today: NaiveDate,
    ) -> Result<Badge, TrustmarkError> {
        let (payload, trust) = self.opened(signature_valid)?;
        read_attestation(
            payload,
            |trustmark, version| trust.admit(trustmark, version),
            page_host,
            today,
        )
    }

    /// The member registry, given the caller's signature verdict; the same rules and errors
    /// as [`MemberRegistry::verify`].
    pub fn registry(
        &self,
        signature_valid: bool,
        today: NaiveDate,
    ) -> Result<MemberRegistry, TrustmarkError> {
        let (payload, trust) = self.opened(signature_valid)?;
        MemberRegistry::read(
            payload,
            |trustmark, version| trust.admit(trustmark, version),
            today,
        )
    }
}
