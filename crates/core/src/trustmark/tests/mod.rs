//! Registry and badge checks with real Ed25519 signatures.

mod badge;
mod detached;
mod registry;
mod robustness;

use chrono::NaiveDate;
use ed25519_dalek::{Signer, SigningKey};

use super::*;
use crate::escalation::BodyName;

pub(super) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub(super) fn signer(seed: u8) -> SigningKey {
    SigningKey::from_bytes(&[seed; 32])
}

pub(super) fn trusted(signer: &SigningKey) -> TrustedKey {
    TrustedKey::parse(&hex(&signer.verifying_key().to_bytes())).unwrap()
}

pub(super) fn becom(keys: Vec<TrustedKey>) -> TrustedKeys {
    TrustedKeys::new(BodyName::parse("Becom").unwrap(), keys)
}

pub(super) fn seal(signer: &SigningKey, payload: &str) -> SignedEnvelope {
    SignedEnvelope {
        version: 1,
        algorithm: "Ed25519".into(),
        key_id: key_id(&signer.verifying_key().to_bytes()),
        signed: payload.into(),
        signature: hex(&signer.sign(payload.as_bytes()).to_bytes()),
    }
}

pub(super) fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

pub(super) const TODAY: &str = "2026-11-21";

pub(super) fn registry_text(version: u64) -> String {
    format!(
        r#"{{"kind":"member_registry","trustmark":"Becom","version":{version},"issued_at":"2026-11-20T08:00:00Z","members":[
        {{"shop_name":"Fietsen Peeters","member_id":"B-1","domains":["shop.example","fietsen.example"],"valid_from":"2026-01-01","valid_until":"2026-12-31","categories":["general"]}},
        {{"shop_name":"Zonnereizen","member_id":"B-2","domains":["reizen.example"],"valid_from":"2025-01-01","valid_until":"2025-12-31","categories":["travel"]}},
        {{"shop_name":"Peeters Outlet","member_id":"B-3","domains":["outlet.shop.example"],"valid_from":"2026-01-01","valid_until":"2026-12-31","categories":["general","furniture"]}}]}}"#
    )
}

pub(super) fn attestation_text(domains: &str, valid_from: &str, valid_until: &str) -> String {
    format!(
        r#"{{"kind":"membership_attestation","trustmark":"Becom","registry_version":3,"member_id":"B-1","shop_name":"Fietsen Peeters","domains":{domains},"valid_from":"{valid_from}","valid_until":"{valid_until}"}}"#
    )
}

pub(super) fn good_attestation() -> String {
    attestation_text(r#"["shop.example"]"#, "2026-01-01", "2026-12-31")
}
