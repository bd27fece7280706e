//! Trustmark mode: a trustmark's signed member registry and the membership badge a shop's
//! widget shows. The core only *verifies* (in the browser and in the server); the server's
//! CLI signs.
//!
//! # Format (for signers)
//!
//! Both documents travel in the same envelope as the server's receipts, [`SignedEnvelope`]:
//! `{"version":1,"algorithm":"Ed25519","key_id":K,"signed":S,"signature":G}`, where `signed`
//! is the payload JSON **as a string** (the signature covers exactly its UTF-8 bytes),
//! `signature` is 128 lowercase hex characters and `key_id` is [`key_id`] of the public key
//! (first 16 hex characters of SHA-256 over its 32 bytes). Keys are published as 64
//! lowercase hex characters. Signers write the payload with [`registry_payload`] /
//! [`attestation_payload`] (canonical JSON: keys sorted, no white space); verifiers never
//! re-serialize, so they do not depend on it. Unknown payload fields are refused.
//!
//! The registry payload:
//! ```json
//! {"kind":"member_registry","trustmark":"Becom","version":7,
//!  "issued_at":"2026-11-21T10:00:00Z",
//!  "members":[{"shop_name":"Fietsen Peeters","member_id":"B-2231",
//!              "domains":["fietsen-peeters.be"],"valid_from":"2026-01-01",
//!              "valid_until":"2026-12-31","categories":["general"]}]}
//! ```
//! `version` grows with every publication; `domains` are bare lower-case host names
//! ([`WebDomain`]); categories are `general` or `travel` (others read as
//! [`MemberCategory::Other`]). A member id or a domain may appear once only. A member may
//! also list `"receipt_keys":["<64 hex>"]`, the keys its shop signs complaint receipts
//! with (`GET /api/receipt-key` of the shop's server), so the trustmark's page can verify a
//! receipt the shopper imports; the field is left out when empty, so older payloads keep
//! their bytes.
//!
//! In the browser the signature is checked with WebCrypto: [`PublishedKeys`] names what to
//! check ([`SignatureCheck`]) and the core judges the rest, with the native path's errors.
//!
//! The attestation payload, an excerpt of one member's entry in registry
//! `registry_version`:
//! ```json
//! {"kind":"membership_attestation","trustmark":"Becom","registry_version":7,
//!  "member_id":"B-2231","shop_name":"Fietsen Peeters","domains":["fietsen-peeters.be"],
//!  "valid_from":"2026-01-01","valid_until":"2026-12-31"}
//! ```
//!
//! # Key rotation
//!
//! A verifier holds [`TrustedKeys`]: one trustmark's keys. To rotate, the trustmark signs
//! version N with the new key and publishes the old one as retired from N
//! ([`TrustedKey::retired_from`]): it still opens versions below N, never N or later. A
//! verifier that remembers the last version it accepted passes it to
//! [`TrustedKeys::accepting_from_version`], so an old list replayed later is refused as
//! [`TrustmarkError::StaleVersion`].

mod attestation;
mod detached;
mod error;
mod gate;
mod keys;
mod payload;
mod registry;
mod web_domain;

#[cfg(test)]
mod tests;

pub use attestation::{ATTESTATION_KIND, Badge, verify_attestation};
pub use detached::{PublishedKeys, SignatureCheck};
pub use error::TrustmarkError;
pub use gate::{GateAnswers, TrustmarkRoute, route_complaint};
pub use keys::{
    SignedAttestation, SignedEnvelope, SignedRegistry, TrustedKey, TrustedKeys, key_id,
};
pub use payload::{attestation_payload, registry_payload};
pub use registry::{Member, MemberCategory, MemberRegistry, ShopName, ShopNameError};
pub use web_domain::{WebDomain, WebDomainError};
