//! The widget's message catalogue: every string a shopper reads, per language.
//!
//! One `Messages` value per language, so the compiler refuses a language with a missing
//! key. Adding French, German, West Frisian or Russian is one file (`fr.rs` ...) plus a
//! line in [`Lang`]. Field errors are looked up by the stable error code the core crate
//! and the server use (`order_number.format`), never by English text.

mod en;
mod nl;

use redress_core::domain::{ComplaintReason, ResolutionKind};

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
    pub policy_loading: &'static str,
    pub policy_failed: &'static str,
    pub retry: &'static str,
    pub step_count: &'static str,
    pub step_what_title: &'static str,
    pub step_want_title: &'static str,
    pub step_contact_title: &'static str,
    pub step_review_title: &'static str,
    pub reason_legend: &'static str,
    pub reason_wrong_item: &'static str,
    pub reason_defective: &'static str,
    pub reason_not_received: &'static str,
    pub reason_late: &'static str,
    pub reason_return: &'static str,
    pub reason_billing: &'static str,
    pub reason_other: &'static str,
    pub window_open: &'static str,
    pub window_closed: &'static str,
    pub items_legend: &'static str,
    pub items_hint: &'static str,
    pub incident_date_label: &'static str,
    pub incident_date_hint: &'static str,
    pub description_label: &'static str,
    pub description_hint: &'static str,
    pub description_count: &'static str,
    pub resolution_legend: &'static str,
    pub resolution_refund: &'static str,
    pub resolution_replacement: &'static str,
    pub resolution_repair: &'static str,
    pub resolution_compensation: &'static str,
    pub resolution_apology: &'static str,
    pub resolution_other: &'static str,
    pub amount_label: &'static str,
    pub amount_hint: &'static str,
    pub contact_email_hint: &'static str,
    pub phone_label: &'static str,
    pub phone_hint: &'static str,
    pub channel_legend: &'static str,
    pub channel_any: &'static str,
    pub channel_email: &'static str,
    pub channel_phone: &'static str,
    pub consent: &'static str,
    pub not_given: &'static str,
    pub change: &'static str,
    pub back: &'static str,
    pub next: &'static str,
    pub submit: &'static str,
    pub submitting: &'static str,
    pub submit_failed: &'static str,
    /// The shop answered but did not take the complaint (not a network failure).
    pub submit_refused: &'static str,
    pub done_title: &'static str,
    pub done_reference: &'static str,
    pub done_confirm_by: &'static str,
    pub done_tracking: &'static str,
    pub done_tracking_link: &'static str,
    pub reason_missing: &'static str,
    pub reason_window_closed: &'static str,
    pub reason_not_offered: &'static str,
    pub items_missing: &'static str,
    pub items_format: &'static str,
    pub date_missing: &'static str,
    pub date_format: &'static str,
    pub date_in_future: &'static str,
    pub date_before_order: &'static str,
    pub description_missing: &'static str,
    pub description_too_short: &'static str,
    pub description_too_long: &'static str,
    pub description_control: &'static str,
    pub resolution_missing: &'static str,
    pub resolution_not_offered: &'static str,
    pub amount_missing: &'static str,
    pub amount_format: &'static str,
    pub amount_not_positive: &'static str,
    pub amount_too_large: &'static str,
    pub contact_missing: &'static str,
    pub contact_channel: &'static str,
    pub phone_format: &'static str,
    pub evidence_missing: &'static str,
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
            "reason.missing" | "reason.unknown" => self.reason_missing,
            "reason.not_offered" => self.reason_not_offered,
            "reason.window_closed" => self.reason_window_closed,
            "items.missing" => self.items_missing,
            "items.too_many" | "items.format" => self.items_format,
            "date.missing" => self.date_missing,
            "date.format" => self.date_format,
            "date.in_future" => self.date_in_future,
            "date.before_order" => self.date_before_order,
            "description.missing" => self.description_missing,
            "description.too_short" => self.description_too_short,
            "description.too_long" => self.description_too_long,
            "description.control_character" => self.description_control,
            "resolution.missing" | "resolution.unknown" => self.resolution_missing,
            "resolution.not_offered" => self.resolution_not_offered,
            "amount.missing" => self.amount_missing,
            "amount.format" | "amount.currency" => self.amount_format,
            "amount.not_positive" => self.amount_not_positive,
            "amount.too_large" => self.amount_too_large,
            "contact.missing" => self.contact_missing,
            "contact.preferred_channel" => self.contact_channel,
            "phone.format" | "phone.length" => self.phone_format,
            "evidence.missing" => self.evidence_missing,
            _ => self.field_invalid,
        }
    }

    /// The shopper's words for a complaint reason.
    pub fn reason_label(&self, reason: ComplaintReason) -> &'static str {
        match reason {
            ComplaintReason::WrongItem => self.reason_wrong_item,
            ComplaintReason::DefectiveOrDamaged => self.reason_defective,
            ComplaintReason::NotReceived => self.reason_not_received,
            ComplaintReason::LateDelivery => self.reason_late,
            ComplaintReason::ReturnOrWithdrawal => self.reason_return,
            ComplaintReason::InvoiceOrBilling => self.reason_billing,
            ComplaintReason::Other => self.reason_other,
        }
    }

    /// The shopper's words for a desired resolution.
    pub fn resolution_label(&self, kind: ResolutionKind) -> &'static str {
        match kind {
            ResolutionKind::Refund => self.resolution_refund,
            ResolutionKind::Replacement => self.resolution_replacement,
            ResolutionKind::Repair => self.resolution_repair,
            ResolutionKind::Compensation => self.resolution_compensation,
            ResolutionKind::Apology => self.resolution_apology,
            ResolutionKind::Other => self.resolution_other,
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
                "reason.missing",
                "reason.window_closed",
                "items.missing",
                "date.in_future",
                "description.too_short",
                "description.too_long",
                "resolution.missing",
                "amount.format",
                "contact.missing",
                "phone.format",
            ] {
                assert_ne!(m.field_error(code), m.field_invalid, "{lang:?} {code}");
            }
        }
    }
}
