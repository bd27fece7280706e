//! The member registry: the list of shops a trustmark vouches for, as one signed document.

use chrono::{DateTime, Days, NaiveDate, Utc};
use serde::Serialize;

use super::keys::{SignedRegistry, TrustedKeys};
use super::web_domain::page_host;
use super::{TrustmarkError, WebDomain};
use crate::escalation::{BodyName, MemberId};
use crate::from_json_object;
use crate::json::{FromJson, Json, JsonError, UnknownKeys};
use crate::lifecycle::text::text_newtype;

text_newtype!(
    /// A member shop's name as the trustmark lists it and the shopper searches it.
    ///
    /// ```
    /// use redress_core::trustmark::ShopName;
    /// assert_eq!(ShopName::parse(" Fietsen Peeters ").unwrap().as_ref(), "Fietsen Peeters");
    /// ```
    ShopName, ShopNameError, field = "shop_name", max = 120, multiline = false
);

/// What a member sells, where it changes the route: travel complaints go to the travel
/// disputes committee rather than the trustmark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MemberCategory {
    /// Ordinary goods and services.
    General,
    /// Package travel and travel services.
    Travel,
    /// A category this version of Redress does not know yet; kept so a newer registry still
    /// verifies in an older widget.
    Other,
}

impl FromJson for MemberCategory {
    fn from_json(json: &Json) -> Result<Self, JsonError> {
        Ok(match json.as_str()? {
            "general" => MemberCategory::General,
            "travel" => MemberCategory::Travel,
            _ => MemberCategory::Other,
        })
    }
}

/// One member shop of the registry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Member {
    // Fields in key order, so the signer's serialization is canonical (sorted keys).
    categories: Vec<MemberCategory>,
    domains: Vec<WebDomain>,
    member_id: MemberId,
    /// The public keys (64 hex characters) the shop signs its complaint receipts with, so
    /// the trustmark's page can check a receipt the shopper imports. Optional: without one
    /// the page cannot accept a receipt as proof.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    receipt_keys: Vec<String>,
    shop_name: ShopName,
    valid_from: NaiveDate,
    valid_until: NaiveDate,
}

from_json_object!(Member, UnknownKeys::Refuse,
    required {
        "domains" => domains, "member_id" => member_id, "shop_name" => shop_name,
        "valid_from" => valid_from, "valid_until" => valid_until,
    }
    optional { "categories" => categories, "receipt_keys" => receipt_keys });

impl Member {
    /// The shop's name.
    pub fn shop_name(&self) -> &ShopName {
        &self.shop_name
    }
    /// The shop's member id with the trustmark.
    pub fn member_id(&self) -> &MemberId {
        &self.member_id
    }
    /// The domains the shop trades under.
    pub fn domains(&self) -> &[WebDomain] {
        &self.domains
    }
    /// The first day of membership.
    pub fn valid_from(&self) -> NaiveDate {
        self.valid_from
    }
    /// The last day of membership.
    pub fn valid_until(&self) -> NaiveDate {
        self.valid_until
    }
    /// The shop's receipt keys (64 lowercase hex characters each), vouched for by the
    /// trustmark.
    pub fn receipt_keys(&self) -> &[String] {
        &self.receipt_keys
    }
    /// What the shop sells.
    pub fn categories(&self) -> &[MemberCategory] {
        &self.categories
    }
    /// Whether the shop is listed for travel, which routes to the travel disputes committee.
    pub fn is_travel(&self) -> bool {
        self.categories.contains(&MemberCategory::Travel)
    }

    /// Whether the membership holds on `today`: a listed but lapsed member must be told
    /// apart from a stranger, since the page says "membership expired" rather than "not a
    /// member".
    pub fn standing(&self, today: NaiveDate) -> Result<(), TrustmarkError> {
        standing(self.valid_from, self.valid_until, today)
    }

    /// Whether a page served from `host` is one of the member's domains or a sub-domain.
    pub fn covers(&self, host: &str) -> bool {
        self.domains.iter().any(|domain| domain.covers(host))
    }

    fn check(&self) -> Result<(), TrustmarkError> {
        if self.domains.is_empty() {
            return Err(TrustmarkError::malformed(format!(
                "member {} lists no domain",
                self.member_id
            )));
        }
        if self.valid_until < self.valid_from {
            return Err(TrustmarkError::malformed(format!(
                "member {} ends before it starts",
                self.member_id
            )));
        }
        if self
            .receipt_keys
            .iter()
            .any(|key| key.len() != 64 || super::keys::decode_hex(key).is_none())
        {
            return Err(TrustmarkError::malformed(format!(
                "member {} has a receipt key that is not 64 lowercase hex characters",
                self.member_id
            )));
        }
        Ok(())
    }
}

pub(crate) fn standing(
    valid_from: NaiveDate,
    valid_until: NaiveDate,
    today: NaiveDate,
) -> Result<(), TrustmarkError> {
    if today < valid_from {
        return Err(TrustmarkError::NotYetValid { valid_from });
    }
    if today > valid_until {
        return Err(TrustmarkError::MembershipExpired { valid_until });
    }
    Ok(())
}

/// The payload of a signed registry (`"kind":"member_registry"`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(super) struct RegistryDocument {
    // Fields in key order, so the signer's serialization is canonical (sorted keys).
    pub(super) issued_at: DateTime<Utc>,
    pub(super) kind: String,
    pub(super) members: Vec<Member>,
    pub(super) trustmark: BodyName,
    pub(super) version: u64,
}

from_json_object!(RegistryDocument, UnknownKeys::Refuse,
    required {
        "issued_at" => issued_at, "kind" => kind, "members" => members,
        "trustmark" => trustmark, "version" => version,
    }
    optional {});

/// A trustmark's member list, verified: only [`MemberRegistry::verify`] makes one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberRegistry {
    trustmark: BodyName,
    version: u64,
    issued_at: DateTime<Utc>,
    members: Vec<Member>,
}

impl MemberRegistry {
    /// The payload `kind` of a registry, which keeps an attestation from passing as one.
    pub const KIND: &'static str = "member_registry";

    /// Opens a signed registry: the key must be trusted and not retired for this version,
    /// the signature must cover the payload, the version must not be older than the
    /// verifier's floor, and the registry must not be issued after `today` (one day of slack
    /// for time zones). Members whose membership lapsed stay listed; ask
    /// [`Member::standing`].
    ///
    /// ```
    /// # use redress_core::trustmark::*;
    /// # use redress_core::escalation::BodyName;
    /// # use ed25519_dalek::{Signer, SigningKey};
    /// let signer = SigningKey::from_bytes(&[7; 32]);
    /// let public = signer.verifying_key().to_bytes();
    /// let signed = r#"{"kind":"member_registry","trustmark":"Becom","version":3,"issued_at":"2026-11-01T09:00:00Z","members":[{"shop_name":"Fietsen Peeters","member_id":"B-2231","domains":["fietsen-peeters.be"],"valid_from":"2026-01-01","valid_until":"2026-12-31","categories":["general"]}]}"#;
    /// let hex = |bytes: &[u8]| bytes.iter().map(|b| format!("{b:02x}")).collect::<String>();
    /// let envelope = SignedRegistry {
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
    /// let registry = MemberRegistry::verify(&envelope, &keys, today).unwrap();
    /// let member = registry.find_member_by_domain("www.fietsen-peeters.be").unwrap();
    /// assert_eq!(member.member_id().as_ref(), "B-2231");
    /// assert!(registry.find_member_by_domain("nietfietsen-peeters.be").is_none());
    ///
    /// let mut tampered = envelope.clone();
    /// tampered.signed = tampered.signed.replace("B-2231", "B-2232");
    /// let refused = MemberRegistry::verify(&tampered, &keys, today).unwrap_err();
    /// assert_eq!(refused.code(), "trustmark.bad_signature");
    /// ```
    pub fn verify(
        signed: &SignedRegistry,
        keys: &TrustedKeys,
        today: NaiveDate,
    ) -> Result<MemberRegistry, TrustmarkError> {
        let (payload, key) = keys.open(signed)?;
        Self::read(
            payload,
            |trustmark, version| keys.admit(key, trustmark, version),
            today,
        )
    }

    /// Judges a registry payload whose signature was already checked.
    pub(super) fn read(
        payload: &str,
        admit: impl FnOnce(&BodyName, u64) -> Result<(), TrustmarkError>,
        today: NaiveDate,
    ) -> Result<MemberRegistry, TrustmarkError> {
        let document = RegistryDocument::from_json_text(payload)
            .map_err(|e| TrustmarkError::malformed(format!("registry: {e}")))?;
        if document.kind != Self::KIND {
            return Err(TrustmarkError::malformed(format!(
                "registry: kind is not {}",
                Self::KIND
            )));
        }
        admit(&document.trustmark, document.version)?;
        let issued_on = document.issued_at.date_naive();
        if today
            .checked_add_days(Days::new(1))
            .is_some_and(|limit| issued_on > limit)
        {
            return Err(TrustmarkError::NotYetValid {
                valid_from: issued_on,
            });
        }
        check_members(&document.members)?;
        Ok(MemberRegistry {
            trustmark: document.trustmark,
            version: document.version,
            issued_at: document.issued_at,
            members: document.members,
        })
    }

    /// The trustmark that published the list.
    pub fn trustmark(&self) -> &BodyName {
        &self.trustmark
    }
    /// The list's version; a verifier passes it to
    /// [`TrustedKeys::accepting_from_version`] next time to refuse a rollback.
    pub fn version(&self) -> u64 {
        self.version
    }
    /// When the trustmark signed the list.
    pub fn issued_at(&self) -> DateTime<Utc> {
        self.issued_at
    }
    /// Every listed member, current or lapsed.
    pub fn members(&self) -> &[Member] {
        &self.members
    }

    /// The member whose domains cover the page host `host` (the domain itself or a
    /// sub-domain; never a look-alike such as `evilshop.example` for `shop.example`). When
    /// two listed domains cover the host (`shop.example` and `nl.shop.example`), the longer,
    /// more specific one wins.
    pub fn find_member_by_domain(&self, host: &str) -> Option<&Member> {
        let host = page_host(host)?;
        self.members
            .iter()
            .flat_map(|member| member.domains.iter().map(move |domain| (member, domain)))
            .filter(|(_, domain)| domain.covers_page_host(&host))
            .max_by_key(|(_, domain)| domain.as_ref().len())
            .map(|(member, _)| member)
    }

    /// Members whose name contains `query` (ignoring case) or one of whose domains contains
    /// it, in registry order. A blank query finds nobody.
    ///
    /// The page searches by name or domain as the shopper types, so this is a plain
    /// containment test; [`find_member_by_domain`](Self::find_member_by_domain) is the
    /// check to trust.
    pub fn search(&self, query: &str) -> Vec<&Member> {
        let needle = query.trim().to_lowercase();
        if needle.is_empty() {
            return Vec::new();
        }
        self.members
            .iter()
            .filter(|member| {
                member.shop_name.as_ref().to_lowercase().contains(&needle)
                    || member
                        .domains
                        .iter()
                        .any(|domain| domain.as_ref().contains(&needle))
            })
            .collect()
    }
}

/// Every member well-formed, no member id twice, no domain listed for two members (a lookup
/// must name one shop).
pub(super) fn check_members(members: &[Member]) -> Result<(), TrustmarkError> {
    let mut ids = std::collections::BTreeSet::new();
    let mut domains = std::collections::BTreeMap::new();
    for member in members {
        member.check()?;
        if !ids.insert(member.member_id.as_ref()) {
            return Err(TrustmarkError::malformed(format!(
                "member id {} is listed twice",
                member.member_id
            )));
        }
        for domain in &member.domains {
            if let Some(other) = domains.insert(domain.as_ref(), member.member_id.as_ref())
                && other != member.member_id.as_ref()
            {
                return Err(TrustmarkError::malformed(format!(
                    "domain {domain} is listed for members {other} and {}",
                    member.member_id
                )));
            }
        }
    }
    Ok(())
}
