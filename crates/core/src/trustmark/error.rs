//! Why a trustmark document or badge was refused: one variant per thing a shopper, a shop or
//! a trustmark's desk would act on differently.

use chrono::NaiveDate;

/// Why a signed registry or membership attestation was refused.
///
/// ```
/// use redress_core::trustmark::TrustmarkError;
/// assert_eq!(TrustmarkError::BadSignature.code(), "trustmark.bad_signature");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TrustmarkError {
    /// Not the documented format: broken JSON, a missing or unknown field, a bad hex string,
    /// an invalid domain, a duplicate member. The text says which rule.
    #[error("trustmark document is malformed: {0}")]
    Malformed(String),
    /// Signed with a key id the verifier does not trust (a wrong key, or another trustmark's).
    #[error("trustmark document is signed with unknown key {key_id}")]
    UnknownKey {
        /// The key id the envelope names.
        key_id: String,
    },
    /// The signature does not cover these bytes: the document was altered after signing.
    #[error("trustmark signature does not verify")]
    BadSignature,
    /// Signed with a key the trustmark retired before this version.
    #[error("key {key_id} was retired from version {retired_from}, document has version {version}")]
    RetiredKey {
        /// The retired key.
        key_id: String,
        /// The first version the key may no longer sign.
        retired_from: u64,
        /// The version the document claims.
        version: u64,
    },
    /// An older version than the verifier already accepted: a rollback to a past member list.
    #[error("trustmark document version {version} is older than {min_version}")]
    StaleVersion {
        /// The version the document claims.
        version: u64,
        /// The lowest version the verifier accepts.
        min_version: u64,
    },
    /// Signed by a key of a different trustmark than the one the verifier trusts it for.
    #[error("document names trustmark {named}, the key belongs to {expected}")]
    WrongTrustmark {
        /// The trustmark the document names.
        named: String,
        /// The trustmark the keys belong to.
        expected: String,
    },
    /// The membership ended before today.
    #[error("membership expired on {valid_until}")]
    MembershipExpired {
        /// The last day of membership.
        valid_until: NaiveDate,
    },
    /// The membership starts after today, or the document was issued in the future.
    #[error("not valid before {valid_from}")]
    NotYetValid {
        /// The first day it is valid.
        valid_from: NaiveDate,
    },
    /// The page is served from a host the membership does not name (a copied badge).
    #[error("host {host} is not a domain of this membership")]
    DomainMismatch {
        /// The page's host as given.
        host: String,
    },
}

impl TrustmarkError {
    /// The stable code the widget and the trustmark page translate.
    pub fn code(&self) -> &'static str {
        match self {
            TrustmarkError::Malformed(_) => "trustmark.malformed",
            TrustmarkError::UnknownKey { .. } => "trustmark.unknown_key",
            TrustmarkError::BadSignature => "trustmark.bad_signature",
            TrustmarkError::RetiredKey { .. } => "trustmark.retired_key",
            TrustmarkError::StaleVersion { .. } => "trustmark.stale_version",
            TrustmarkError::WrongTrustmark { .. } => "trustmark.wrong_trustmark",
            TrustmarkError::MembershipExpired { .. } => "trustmark.membership_expired",
            TrustmarkError::NotYetValid { .. } => "trustmark.not_yet_valid",
            TrustmarkError::DomainMismatch { .. } => "trustmark.domain_mismatch",
        }
    }

    pub(crate) fn malformed(rule: impl std::fmt::Display) -> TrustmarkError {
        TrustmarkError::Malformed(rule.to_string())
    }
}
