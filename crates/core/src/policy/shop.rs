//! Who the complaint is addressed to: the shop's identity as the shopper sees it.

use serde::Serialize;

use crate::country::Country;
use crate::domain::Currency;
use crate::time_zone::ShopTimeZone;

/// The shop a policy belongs to. The country decides the public holidays that working-day
/// deadlines skip and whether a complaint is cross-border; the time zone decides what
/// "today" is for deadlines and complaint windows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShopIdentity {
    /// The shop's name as shown in the widget and on the receipt (1 to 200 characters).
    pub name: String,
    /// Where the shop is established.
    pub country: Country,
    /// The time zone deadlines and windows are counted in, as an IANA name such as
    /// `"Europe/Amsterdam"`.
    pub time_zone: ShopTimeZone,
    /// The currency compensation is asked in when the shopper names none.
    pub currency: Currency,
    /// Languages the shop answers complaints in, as BCP 47 tags (`"nl"`, `"nl-BE"`), the
    /// first being the default. The widget offers only these.
    pub languages: Vec<String>,
}

impl Default for ShopIdentity {
    fn default() -> Self {
        ShopIdentity {
            name: "Shop".to_owned(),
            country: Country::NL,
            time_zone: ShopTimeZone::for_country(Country::NL),
            currency: Currency::EUR,
            languages: vec!["nl".to_owned(), "en".to_owned()],
        }
    }
}

/// Whether `tag` is a plausible BCP 47 language tag: a 2-3 letter language, then subtags
/// of 1-8 letters or digits separated by `-`. Full registry validation would need the
/// IANA subtag registry in the shopper's bundle; this catches typos such as `"nl_BE"`.
pub(crate) fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language_ok = parts
        .next()
        .is_some_and(|l| (2..=3).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_alphabetic()));
    language_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_accept_common_forms_and_reject_typos() {
        for ok in ["nl", "nl-BE", "fy", "zh-Hant-TW", "ru"] {
            assert!(is_language_tag(ok), "{ok}");
        }
        for bad in ["", "n", "nl_BE", "dutch", "nl-", "nl-toolongsubtag", "1l"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }
}
