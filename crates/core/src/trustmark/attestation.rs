//! The membership badge: a small signed statement a shop embeds in its widget, shown only on
//! the shop's own domains so a copied badge shows nothing elsewhere.

use chrono::NaiveDate;
use serde::Serialize;

use super::keys::{SignedAttestation, TrustedKeys};
use super::registry::{ShopName, standing};
use super::{TrustmarkError, WebDomain};
use crate::escalation::{BodyName, MemberId};
use crate::from_json_object;
use crate::json::{FromJson, UnknownKeys};

/// The payload of a signed attestation (`"kind":"membership_attestation"`): an excerpt of
/// one member's entry in registry `registry_version`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(super) struct AttestationDocument {
    // Fields in key order, so the signer's serialization is canonical (sorted keys).
    pub(super) domains: Vec<WebDomain>,
    pub(super) kind: String,
    pub(super) member_id: MemberId,
    pub(super) registry_version: u64,
    pub(super) shop_name: ShopName,
    pub(super) trustmark: BodyName,
    pub(super) valid_from: NaiveDate,
    pub(super) valid_until: NaiveDate,
}

from_json_object!(AttestationDocument, UnknownKeys::Refuse,
    required {
        "domains" => domains, "kind" => kind, "member_id" => member_id,
        "registry_version" => registry_version, "shop_name" => shop_name,
        "trustmark" => trustmark, "valid_from" => valid_from, "valid_until" => valid_until,
    }
    optional {});

/// What the widget may show: "member of <trustmark>", verified for this page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Badge {
    /// The trustmark the shop is a member of.
    pub trustmark: BodyName,
    /// The shop's member id, so a shopper can look it up on the trustmark's list.
    pub member_id: MemberId,
    /// The shop's name as the trustmark lists it.
    pub shop_name: ShopName,
    /// The listed domain the page is served from (or a parent of it).
    pub domain: WebDomain,
    /// The last day of membership.
    pub valid_until: NaiveDate,
}

/// The payload `kind` of an attestation.
pub const ATTESTATION_KIND: &str = "membership_attestation";

/// Opens a membership attestation for the page served from `page_host`
/// (`location.hostname`): the badge only when the key is trusted and not retired for the
/// attestation's registry version, the signature covers the payload, the membership holds
/// on `today`, **and** `page_host` is one of its domains or a sub-domain of one.
///
/// ```
/// # use redress_core::trustmark::*;
/// # use redress_core::escalation::BodyName;
/// # use ed25519_dalek::{Signer, SigningKey};
/// let signer = SigningKey::from_bytes(&[7; 32]);
/// let public = signer.verifying_key().to_bytes();
/// let signed = r#"{"kind":"membership_attestation","trustmark":"Becom","registry_version":3,"member_id":"B-2231","shop_name":"Fietsen Peeters","domains":["fietsen-peeters.be"],"valid_from":"2026-01-01","valid_until":"2026-12-31"}"#;
/// let hex = |bytes: &[u8]| bytes.iter().map(|b| format!("{b:02x}")).collect::<String>();
/// let attestation = SignedAttestation {
///     version: 1,
///     algorithm: "Ed25519".into(),
///     key_id: key_id(&public),
///     signed: signed.into(),
///     signature: hex(&signer.sign(signed.as_bytes()).to_bytes()),
/// };
/// let keys = TrustedKeys::new(
///     BodyName::parse("Becom").unwrap(),
///     vec![TrustedKey::parse(&hex(&public)).unwrap()],
/// );
/// let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
/// let badge = verify_attestation(&attestation, &keys, "fietsen-peeters.be", today).unwrap();
/// assert_eq!(badge.trustmark.as_ref(), "Becom");
/// let copied = verify_attestation(&attestation, &keys, "cheap-bikes.example", today);
/// assert_eq!(copied.unwrap_err().code(), "trustmark.domain_mismatch");
/// ```
pub fn verify_attestation(
    signed: &SignedAttestation,
    keys: &TrustedKeys,
    page_host: &str,
    today: NaiveDate,
) -> Result<Badge, TrustmarkError> {
    let (payload, key) = keys.open(signed)?;
    read_attestation(
        payload,
        |trustmark, version| keys.admit(key, trustmark, version),
        page_host,
        today,
    )
}

/// Judges an attestation payload whose signature was already checked: kind, dates, the
/// trust `admit` grants the signing key, and the page host.
pub(super) fn read_attestation(
    payload: &str,
    admit: impl FnOnce(&BodyName, u64) -> Result<(), TrustmarkError>,
    page_host: &str,
    today: NaiveDate,
) -> Result<Badge, TrustmarkError> {
    let document = AttestationDocument::from_json_text(payload)
        .map_err(|e| TrustmarkError::malformed(format!("attestation: {e}")))?;
    if document.kind != ATTESTATION_KIND {
        return Err(TrustmarkError::malformed(format!(
            "attestation: kind is not {ATTESTATION_KIND}"
        )));
    }
    if document.valid_until < document.valid_from {
        return Err(TrustmarkError::malformed(
            "attestation ends before it starts",
        ));
    }
    admit(&document.trustmark, document.registry_version)?;
    standing(document.valid_from, document.valid_until, today)?;
    let domain = document
        .domains
        .into_iter()
        .filter(|domain| domain.covers(page_host))
        .max_by_key(|domain| domain.as_ref().len())
        .ok_or_else(|| TrustmarkError::DomainMismatch {
            host: page_host.chars().take(253).collect(),
        })?;
    Ok(Badge {
        trustmark: document.trustmark,
        member_id: document.member_id,
        shop_name: document.shop_name,
        domain,
        valid_until: document.valid_until,
    })
}
