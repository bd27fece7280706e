//! The `escalation` section of a complaint policy: where a shopper may turn when the shop
//! does not settle the complaint.
//!
//! The section only names bodies and switches routes on or off; *when* a route opens is
//! decided by [`next_steps`](super::next_steps) from the timeline. URLs are checked on the
//! way in so that no policy, however old, can send a shopper to the EU ODR platform, which
//! was shut on 20 July 2025.

use serde::{Deserialize, Serialize};

use crate::country::Country;
use crate::lifecycle::text::text_newtype;

text_newtype!(
    /// The name of a trustmark or an external body, e.g. "Consumentenombudsdienst".
    ///
    /// ```
    /// use redress_core::escalation::BodyName;
    /// assert_eq!(BodyName::parse(" Becom ").unwrap().as_ref(), "Becom");
    /// assert_eq!(BodyName::parse("").unwrap_err().code(), "body_name.empty");
    /// ```
    BodyName, BodyNameError, field = "body_name", max = 120, multiline = false
);

text_newtype!(
    /// The shop's member number with its trustmark, which the shopper can check on the
    /// trustmark's member list.
    ///
    /// ```
    /// use redress_core::escalation::MemberId;
    /// assert_eq!(MemberId::parse("TW-10442").unwrap().as_ref(), "TW-10442");
    /// ```
    MemberId, MemberIdError, field = "member_id", max = 64, multiline = false
);

/// A link to a body's complaint page: `https` only, and never the discontinued EU ODR
/// platform.
///
/// ```
/// use redress_core::escalation::BodyUrl;
/// assert!(BodyUrl::parse("https://consumentenombudsdienst.be").is_ok());
/// assert_eq!(BodyUrl::parse("http://example.com").unwrap_err().code(), "body_url.not_https");
/// assert_eq!(
///     BodyUrl::parse("https://ec.europa.eu/consumers/odr/main").unwrap_err().code(),
///     "body_url.discontinued_odr"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct BodyUrl(String);

/// Why a text was refused as a [`BodyUrl`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum BodyUrlError {
    /// Not an `https://` URL with a host.
    #[error("body_url must start with https:// and name a host")]
    NotHttps,
    /// White space or control characters inside the URL.
    #[error("body_url contains white space or a control character")]
    Malformed,
    /// Longer than [`BodyUrl::MAX_CHARS`].
    #[error("body_url is too long")]
    TooLong,
    /// Points to the EU ODR platform, shut on 20 July 2025 (Regulation (EU) 2024/3228).
    #[error("body_url points to the discontinued EU ODR platform")]
    DiscontinuedOdr,
}

impl BodyUrlError {
    /// The stable code the widget translates.
    pub fn code(&self) -> &'static str {
        match self {
            BodyUrlError::NotHttps => "body_url.not_https",
            BodyUrlError::Malformed => "body_url.malformed",
            BodyUrlError::TooLong => "body_url.too_long",
            BodyUrlError::DiscontinuedOdr => "body_url.discontinued_odr",
        }
    }
}

impl BodyUrl {
    /// The most characters a URL may have.
    pub const MAX_CHARS: usize = 300;

    /// Trims the text and checks it is an `https` URL that is not the ODR platform.
    pub fn parse(raw: &str) -> Result<BodyUrl, BodyUrlError> {
        let url = raw.trim();
        if url.chars().count() > Self::MAX_CHARS {
            return Err(BodyUrlError::TooLong);
        }
        if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(BodyUrlError::Malformed);
        }
        let lower = url.to_ascii_lowercase();
        let Some(rest) = lower.strip_prefix("https://") else {
            return Err(BodyUrlError::NotHttps);
        };
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        if host.is_empty() {
            return Err(BodyUrlError::NotHttps);
        }
        let path = &rest[host.len()..];
        let odr_host = host.starts_with("odr.") || host.contains(".odr.");
        let odr_path = host.ends_with("europa.eu") && path.starts_with("/consumers/odr");
        if odr_host || odr_path {
            return Err(BodyUrlError::DiscontinuedOdr);
        }
        Ok(BodyUrl(url.to_owned()))
    }

    /// For this crate's own defaults, which are known to pass `parse`.
    pub(crate) fn from_known(url: &'static str) -> BodyUrl {
        BodyUrl(url.to_owned())
    }
}

impl AsRef<str> for BodyUrl {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for BodyUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for BodyUrl {
    type Error = BodyUrlError;
    fn try_from(raw: String) -> Result<Self, Self::Error> {
        BodyUrl::parse(&raw)
    }
}

impl From<BodyUrl> for String {
    fn from(url: BodyUrl) -> String {
        url.0
    }
}

/// Which trustmark scheme a membership belongs to; the scheme decides the wording the widget
/// uses and nothing else (the waiting rules come from the policy's deadlines).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrustmarkKind {
    /// Becom (BE), formerly BeCommerce.
    Becom,
    /// Thuiswinkel Waarborg (NL).
    ThuiswinkelWaarborg,
    /// Webshop Keurmerk (NL).
    WebshopKeurmerk,
    /// Trusted Shops (buyer protection).
    TrustedShops,
    /// Any other trustmark; its name says which.
    Other,
}

/// The shop's membership of a trustmark. A trustmark takes complaints about its verified
/// members only, so this exists only when the shop actually carries the mark.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TrustmarkMembership {
    /// The trustmark's name as the shopper knows it.
    pub name: BodyName,
    /// The shop's member number, to check on the trustmark's member list.
    pub member_id: MemberId,
    /// Which scheme it is.
    pub kind: TrustmarkKind,
    /// The trustmark's complaint page, if it has one.
    pub complaint_url: Option<BodyUrl>,
}

/// An external body the shopper may turn to: an ADR body, an ombudsman, a disputes committee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NamedBody {
    /// The body's name.
    pub name: BodyName,
    /// Its complaint page.
    pub url: Option<BodyUrl>,
    /// The only shop country the body serves, if it serves one (the Consumentenombudsdienst
    /// handles complaints against Belgian traders). `None`: it serves every shop.
    pub shop_country: Option<Country>,
}

impl NamedBody {
    /// Whether the body takes complaints against a shop in `country`.
    ///
    /// ```
    /// use redress_core::country::Country;
    /// use redress_core::escalation::EscalationTargets;
    /// let ombudsman = EscalationTargets::default().consumer_ombudsman.unwrap();
    /// assert!(ombudsman.serves(Country::BE));
    /// assert!(!ombudsman.serves(Country::NL));
    /// ```
    pub fn serves(&self, country: Country) -> bool {
        self.shop_country.is_none_or(|served| served == country)
    }
}

/// The `escalation` section of a complaint policy.
///
/// Every field has a default, so a policy may name only what differs:
///
/// ```
/// use redress_core::escalation::{EscalationTargets, TrustmarkKind};
/// use redress_core::json::FromJson;
/// let targets = EscalationTargets::from_json_text(r#"{
///     "trustmark": { "name": "Becom", "member_id": "B-2231", "kind": "becom" },
///     "chargeback": false
/// }"#).unwrap();
/// assert!(targets.board);
/// assert_eq!(targets.trustmark.unwrap().kind, TrustmarkKind::Becom);
/// assert!(!targets.chargeback);
/// assert!(EscalationTargets::from_json_text(r#"{ "odr": true }"#).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EscalationTargets {
    /// Whether the shop runs an internal board (or customer-service manager) that reviews a
    /// complaint the shopper is not satisfied with.
    pub board: bool,
    /// The shop's trustmark membership, if it carries one.
    pub trustmark: Option<TrustmarkMembership>,
    /// The ADR body (mediation or arbitration) the shop is affiliated with, if any.
    pub adr_body: Option<NamedBody>,
    /// The consumer ombudsman for shops without a trustmark.
    pub consumer_ombudsman: Option<NamedBody>,
    /// The disputes committee for travel purchases.
    pub travel_disputes_committee: Option<NamedBody>,
    /// Whether to point cross-border shoppers to the European Consumer Centre of their country.
    pub european_consumer_centres: bool,
    /// Whether to mention a chargeback through the payment provider.
    pub chargeback: bool,
    /// Whether to mention the small-claims court.
    pub small_claims_court: bool,
}

impl Default for EscalationTargets {
    fn default() -> Self {
        EscalationTargets {
            board: true,
            trustmark: None,
            adr_body: None,
            consumer_ombudsman: Some(NamedBody {
                name: BodyName::from_known("Consumentenombudsdienst"),
                url: Some(BodyUrl::from_known("https://consumentenombudsdienst.be")),
                shop_country: Some(Country::BE),
            }),
            travel_disputes_committee: Some(NamedBody {
                name: BodyName::from_known("Geschillencommissie Reizen"),
                url: Some(BodyUrl::from_known("https://www.degeschillencommissie.nl")),
                shop_country: Some(Country::NL),
            }),
            european_consumer_centres: true,
            chargeback: true,
            small_claims_court: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::FromJson;

    #[test]
    fn defaults_pass_their_own_parsers() {
        let targets = EscalationTargets::default();
        let json = serde_json::to_string(&targets).unwrap();
        let back = EscalationTargets::from_json_text(&json).unwrap();
        assert_eq!(back, targets);
    }

    #[test]
    fn an_empty_section_is_the_default() {
        let targets = EscalationTargets::from_json_text("{}").unwrap();
        assert_eq!(targets, EscalationTargets::default());
    }

    #[test]
    fn odr_links_are_refused_in_every_spelling() {
        for url in [
            "https://ec.europa.eu/consumers/odr",
            "https://EC.EUROPA.EU/consumers/odr/main/?event=main.home2.show",
            "https://webgate.ec.europa.eu/consumers/odr/",
            "https://odr.example.eu/complaint",
        ] {
            assert_eq!(
                BodyUrl::parse(url),
                Err(BodyUrlError::DiscontinuedOdr),
                "{url}"
            );
        }
        let json =
            r#"{ "adr_body": { "name": "ODR", "url": "https://ec.europa.eu/consumers/odr" } }"#;
        assert!(EscalationTargets::from_json_text(json).is_err());
    }

    #[test]
    fn urls_must_be_https_with_a_host() {
        assert_eq!(BodyUrl::parse("https://"), Err(BodyUrlError::NotHttps));
        assert_eq!(BodyUrl::parse("ftp://x.nl"), Err(BodyUrlError::NotHttps));
        assert_eq!(
            BodyUrl::parse("https://a b.nl"),
            Err(BodyUrlError::Malformed)
        );
        assert!(BodyUrl::parse(" https://www.becom.be/klachten ").is_ok());
    }

    #[test]
    fn unknown_fields_in_a_membership_are_refused() {
        let json = r#"{ "trustmark": { "name": "X", "member_id": "1", "kind": "other", "verified": true } }"#;
        assert!(EscalationTargets::from_json_text(json).is_err());
    }
}
