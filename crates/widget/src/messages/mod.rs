//! The widget's message catalogue: every string a shopper reads, per language.
//!
//! One `Messages` value per language, so the compiler refuses a language with a missing
//! key. Adding French, German, West Frisian or Russian is one file (`fr.rs` ...) plus a
//! line in [`Lang`]. Field errors are looked up by the stable error code the core crate
//! and the server use (`order_number.format`), never by English text.

mod en;
mod nl;

/// A language the widget speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English, the fallback.
    En,
    /// Dutch.
    Nl,
}

impl Lang {
    /// Every language, for tests that walk the whole catalogue.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Nl];

    /// Reads a BCP 47 tag (`nl`, `nl-BE`, `EN_gb`) by its primary subtag.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or("").trim();
        match primary.to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "nl" => Some(Lang::Nl),
            _ => None,
        }
    }

    /// The tag given to the browser's date formatting and the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Nl => "nl",
        }
    }

    /// This language's strings.
    pub fn messages(self) -> &'static Messages {
        match self {
            Lang::En => &en::MESSAGES,
            Lang::Nl => &nl::MESSAGES,
        }
    }
}

/// Every string of the widget's screens, in one language.
#[derive(Debug)]
pub struct Messages {
    pub find_order_title: &'static str,
    pub find_order_intro: &'static str,
    pub order_number_label: &'static str,
    pub order_number_hint: &'static str,
    pub email_label: &'static str,
    pub email_hint: &'static str,
    pub lookup_submit: &'static str,
    pub lookup_pending: &'static str,
    /// Deliberately neutral: it must not reveal whether the order number exists.
    pub lookup_not_found: &'static str,
    pub lookup_failed: &'static str,
    pub lookup_rate_limited: &'static str,
    pub error_summary_title: &'static str,
    pub order_found_title: &'static str,
    pub order_placed_on: &'static str,
    pub order_delivered_on: &'static str,
    pub order_not_delivered: &'static str,
    pub order_items: &'static str,
    pub search_again: &'static str,
    pub missing_endpoint: &'static str,
    pub order_number_empty: &'static str,
    pub order_number_format: &'static str,
    pub email_empty: &'static str,
    pub email_format: &'static str,
    pub field_invalid: &'static str,
}

impl Messages {
    /// The shopper-facing text for a field error code from the core crate or the server;
    /// an unknown code still gets a truthful generic text.
    pub fn field_error(&self, code: &str) -> &'static str {
        match code {
            "order_number.missing" => self.order_number_empty,
            "order_number.format" | "order_number.length" => self.order_number_format,
            "email.missing" => self.email_empty,
            "email.format" | "email.length" | "email.domain" => self.email_format,
            _ => self.field_invalid,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_language_leaves_a_string_empty() {
        for lang in Lang::ALL {
            let text = format!("{:?}", lang.messages());
            assert!(
                !text.contains("\"\""),
                "{lang:?} has an empty message: {text}"
            );
        }
    }

    #[test]
    fn every_language_round_trips_through_its_tag() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
        }
        assert_eq!(Lang::from_tag("NL_be"), Some(Lang::Nl));
        assert_eq!(Lang::from_tag(""), None);
    }

    #[test]
    fn known_error_codes_get_their_own_text_in_every_language() {
        for lang in Lang::ALL {
            let m = lang.messages();
            for code in [
                "order_number.missing",
                "order_number.format",
                "email.missing",
                "email.format",
            ] {
                assert_ne!(m.field_error(code), m.field_invalid, "{lang:?} {code}");
            }
        }
    }
}
