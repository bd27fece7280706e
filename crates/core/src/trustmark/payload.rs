//! The exact texts a trustmark signs, written by the same types that read them, so the
//! server's signing CLI cannot drift from what the widget verifies.

use chrono::{DateTime, Utc};

use super::attestation::{ATTESTATION_KIND, AttestationDocument};
use super::registry::{RegistryDocument, check_members};
use super::{Member, MemberRegistry, TrustmarkError};
use crate::escalation::BodyName;

/// The registry payload to sign, as canonical JSON (keys sorted, no white space): the
/// `signed` string of a [`SignedRegistry`](super::SignedRegistry). `members` are read with
/// serde from the trustmark's member file (each entry as in the registry format), so every
/// domain and name rule already holds; this adds the list rules (a member id or domain once
/// only, at least one domain, no membership ending before it starts).
///
/// ```
/// use redress_core::escalation::BodyName;
/// use redress_core::json::FromJson;
/// use redress_core::trustmark::{Member, registry_payload};
/// let members = Vec::<Member>::from_json_text(
///     r#"[{"shop_name":"Fietsen Peeters","member_id":"B-2231","domains":["Fietsen-Peeters.be"],
///          "valid_from":"2026-01-01","valid_until":"2026-12-31","categories":["general"]}]"#,
/// )
/// .unwrap();
/// let issued_at = "2026-11-21T10:00:00Z".parse().unwrap();
/// let payload = registry_payload(&BodyName::parse("Becom").unwrap(), 7, issued_at, &members).unwrap();
/// assert_eq!(
///     payload,
///     r#"{"issued_at":"2026-11-21T10:00:00Z","kind":"member_registry","members":[{"categories":["general"],"domains":["fietsen-peeters.be"],"member_id":"B-2231","shop_name":"Fietsen Peeters","valid_from":"2026-01-01","valid_until":"2026-12-31"}],"trustmark":"Becom","version":7}"#
/// );
/// ```
pub fn registry_payload(
    trustmark: &BodyName,
    version: u64,
    issued_at: DateTime<Utc>,
    members: &[Member],
) -> Result<String, TrustmarkError> {
    check_members(members)?;
    let document = RegistryDocument {
        issued_at,
        kind: MemberRegistry::KIND.to_owned(),
        members: members.to_vec(),
        trustmark: trustmark.clone(),
        version,
    };
    serde_json::to_string(&document).map_err(TrustmarkError::malformed)
}

/// The attestation payload to sign for one member of registry `registry_version`, as
/// canonical JSON: the `signed` string of a [`SignedAttestation`](super::SignedAttestation)
/// the shop embeds for its badge.
pub fn attestation_payload(
    trustmark: &BodyName,
    registry_version: u64,
    member: &Member,
) -> Result<String, TrustmarkError> {
    let document = AttestationDocument {
        domains: member.domains().to_vec(),
        kind: ATTESTATION_KIND.to_owned(),
        member_id: member.member_id().clone(),
        registry_version,
        shop_name: member.shop_name().clone(),
        trustmark: trustmark.clone(),
        valid_from: member.valid_from(),
        valid_until: member.valid_until(),
    };
    serde_json::to_string(&document).map_err(TrustmarkError::malformed)
}
