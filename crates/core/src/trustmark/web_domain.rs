//! The web domains a member shop is listed under, and the one rule that matches a page's
//! host against them.

use serde::Serialize;

use crate::json::{FromJson, Json, JsonError, parsed};

/// A shop's web domain as a trustmark lists it: lower-case ASCII host name, no scheme, port
/// or path. Punycode (`xn--`) stands for international names. At least two labels (a bare
/// top-level domain would cover every shop under it), except `localhost` for local tests;
/// IP addresses are refused, since "a sub-domain of an IP address" means nothing.
///
/// ```
/// use redress_core::trustmark::WebDomain;
/// assert_eq!(WebDomain::parse(" Shop.Example. ").unwrap().as_ref(), "shop.example");
/// assert_eq!(WebDomain::parse("https://shop.example").unwrap_err().code(), "web_domain.not_a_host");
/// assert_eq!(WebDomain::parse("example").unwrap_err().code(), "web_domain.single_label");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(into = "String")]
pub struct WebDomain(String);

impl FromJson for WebDomain {
    fn from_json(json: &Json) -> Result<Self, JsonError> {
        parsed(json, WebDomain::parse)
    }
}

/// Why a text was refused as a [`WebDomain`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum WebDomainError {
    /// A scheme, port, path, user or white space: a URL rather than a host name.
    #[error("web_domain must be a bare host name, without scheme, port or path")]
    NotAHost,
    /// An empty label, a label over 63 characters, a character other than `a-z0-9-`, or a
    /// label starting or ending with `-`.
    #[error("web_domain has an invalid label")]
    Label,
    /// Over 253 characters.
    #[error("web_domain is longer than 253 characters")]
    TooLong,
    /// One label only (other than `localhost`).
    #[error("web_domain needs at least two labels")]
    SingleLabel,
    /// An IP address.
    #[error("web_domain is an IP address")]
    IpAddress,
}

impl WebDomainError {
    /// The stable code the widget translates.
    pub fn code(&self) -> &'static str {
        match self {
            WebDomainError::NotAHost => "web_domain.not_a_host",
            WebDomainError::Label => "web_domain.label",
            WebDomainError::TooLong => "web_domain.too_long",
            WebDomainError::SingleLabel => "web_domain.single_label",
            WebDomainError::IpAddress => "web_domain.ip_address",
        }
    }
}

impl WebDomain {
    /// Trims, lower-cases and drops one trailing dot, then checks the host-name rules.
    pub fn parse(raw: &str) -> Result<WebDomain, WebDomainError> {
        let lower = raw.trim().to_ascii_lowercase();
        let host = lower.strip_suffix('.').unwrap_or(&lower);
        if host
            .chars()
            .any(|c| matches!(c, '/' | ':' | '@' | '?' | '#' | '\\') || c.is_whitespace())
        {
            return Err(WebDomainError::NotAHost);
        }
        if host.len() > 253 {
            return Err(WebDomainError::TooLong);
        }
        let labels: Vec<&str> = host.split('.').collect();
        let label_ok = |label: &&str| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        };
        if !labels.iter().all(label_ok) {
            return Err(WebDomainError::Label);
        }
        let top = labels.last().copied().unwrap_or_default();
        if top.bytes().all(|b| b.is_ascii_digit()) {
            return Err(WebDomainError::IpAddress);
        }
        if labels.len() < 2 && host != "localhost" {
            return Err(WebDomainError::SingleLabel);
        }
        Ok(WebDomain(host.to_owned()))
    }

    /// Whether a page served from `host` belongs to this domain: the domain itself or one of
    /// its sub-domains (`www.shop.example` for `shop.example`), never a name that merely ends
    /// in the same letters (`evilshop.example`). `host` is what the browser reports
    /// (`location.hostname`); case, one trailing dot and a `:port` are ignored.
    ///
    /// ```
    /// use redress_core::trustmark::WebDomain;
    /// let shop = WebDomain::parse("shop.example").unwrap();
    /// assert!(shop.covers("www.SHOP.example"));
    /// assert!(!shop.covers("evilshop.example"));
    /// assert!(!shop.covers("shop.example.evil.test"));
    /// ```
    pub fn covers(&self, host: &str) -> bool {
        page_host(host).is_some_and(|host| self.covers_page_host(&host))
    }

    /// [`covers`](Self::covers) for a host already normalized by [`page_host`], so a
    /// registry lookup normalizes once rather than once per listed domain.
    pub(crate) fn covers_page_host(&self, host: &str) -> bool {
        let domain = self.0.as_str();
        host == domain
            || host
                .strip_suffix(domain)
                .is_some_and(|prefix| prefix.len() > 1 && prefix.ends_with('.'))
    }
}

/// The page host as a bare lower-case name, or `None` when it is not one.
pub(crate) fn page_host(raw: &str) -> Option<String> {
    let lower = raw.trim().to_ascii_lowercase();
    let without_port = match lower.rsplit_once(':') {
        Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => lower.as_str(),
    };
    WebDomain::parse(without_port).ok().map(|domain| domain.0)
}

impl AsRef<str> for WebDomain {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for WebDomain {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for WebDomain {
    type Error = WebDomainError;
    fn try_from(raw: String) -> Result<Self, Self::Error> {
        WebDomain::parse(&raw)
    }
}

impl From<WebDomain> for String {
    fn from(domain: WebDomain) -> String {
        domain.0
    }
}
