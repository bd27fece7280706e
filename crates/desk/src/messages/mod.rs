//! The desk's message catalogue: every string a handler reads, per language.
//!
//! One `Messages` value per language, so the compiler refuses a language with a missing
//! key; the names of states, reasons, events and deadlines are fixed-length arrays in the
//! order of the code lists below, so a missing name does not compile either. Adding a
//! language is one file plus a line in [`Lang`].

mod en;
mod nl;

/// A language the desk speaks.
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

    /// Reads a BCP 47 tag (`nl`, `nl-BE`) by its primary subtag.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        match tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase()
            .as_str()
        {
            "en" => Some(Lang::En),
            "nl" => Some(Lang::Nl),
            _ => None,
        }
    }

    /// The tag for the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Nl => "nl",
        }
    }

    /// The other language, for the switch in the header.
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Nl,
            Lang::Nl => Lang::En,
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

/// The core `ComplaintState` codes, in the order of [`Messages::states`].
pub const STATE_CODES: [&str; 11] = [
    "received",
    "acknowledged",
    "investigation_open",
    "progress_reported",
    "resolved",
    "rejected",
    "accepted",
    "escalated_to_board",
    "board_answered",
    "referred_externally",
    "withdrawn",
];

/// The core `ComplaintReason` codes, in the order of [`Messages::reasons`].
pub const REASON_CODES: [&str; 7] = [
    "wrong_item",
    "defective_or_damaged",
    "not_received",
    "late_delivery",
    "return_or_withdrawal",
    "invoice_or_billing",
    "other",
];

/// The core `ResolutionKind` codes, in the order of [`Messages::remedies`].
pub const REMEDY_CODES: [&str; 6] = [
    "refund",
    "replacement",
    "repair",
    "compensation",
    "apology",
    "other",
];

/// The core `EventKind` codes, in the order of [`Messages::events`] and
/// [`Messages::actions`].
pub const EVENT_CODES: [&str; 11] = [
    "received",
    "acknowledged",
    "assigned",
    "progress_reported",
    "resolved",
    "rejected",
    "accepted",
    "escalated_to_board",
    "board_answered",
    "referred_externally",
    "withdrawn",
];

/// The core `EscalationRoute` codes, in the order of [`Messages::routes`].
pub const ROUTE_CODES: [&str; 8] = [
    "board",
    "trustmark",
    "consumer_ombudsman",
    "adr_body",
    "travel_disputes_committee",
    "european_consumer_centre",
    "chargeback",
    "small_claims_court",
];

/// The core `DueStepKind` codes, in the order of [`Messages::due_kinds`].
pub const DUE_KIND_CODES: [&str; 4] = [
    "acknowledgement",
    "assignment",
    "resolution",
    "board_answer",
];

/// The core `DueStatus` codes, in the order of [`Messages::due_statuses`].
pub const DUE_STATUS_CODES: [&str; 6] = ["open", "overdue", "met", "met_late", "missed", "lapsed"];

/// The core `Actor` codes, in the order of [`Messages::actors`].
pub const ACTOR_CODES: [&str; 4] = ["shopper", "shop", "board", "system"];

/// Every string of the desk, in one language. `{n}`, `{key}`, `{at}`... are filled in.
#[derive(Debug)]
pub struct Messages {
    pub app_title: &'static str,
    pub skip_to_content: &'static str,
    pub signin_title: &'static str,
    pub signin_intro: &'static str,
    pub token_label: &'static str,
    pub token_hint: &'static str,
    pub token_missing: &'static str,
    pub signin_submit: &'static str,
    pub signin_pending: &'static str,
    pub signin_wrong: &'static str,
    pub network_failed: &'static str,
    pub session_ended: &'static str,
    pub sign_out: &'static str,
    /// The name of this language in itself, on the switch to it.
    pub language_name: &'static str,
    pub switch_language: &'static str,
    pub nav_label: &'static str,
    pub nav_inbox: &'static str,
    pub export_csv: &'static str,
    pub export_json: &'static str,
    pub inbox_title: &'static str,
    pub filters_label: &'static str,
    pub search_label: &'static str,
    pub search_hint: &'static str,
    pub search_submit: &'static str,
    pub state_label: &'static str,
    pub all_states: &'static str,
    pub open_states: &'static str,
    pub reason_label: &'static str,
    pub all_reasons: &'static str,
    pub handler_label: &'static str,
    pub overdue_only: &'static str,
    pub clear_filters: &'static str,
    pub counts_summary: &'static str,
    pub col_reference: &'static str,
    pub col_order: &'static str,
    pub col_email: &'static str,
    pub col_reason: &'static str,
    pub col_state: &'static str,
    pub col_handler: &'static str,
    pub col_due: &'static str,
    pub overdue_badge: &'static str,
    pub nobody_yet: &'static str,
    pub nothing_due: &'static str,
    pub inbox_empty: &'static str,
    pub loading: &'static str,
    pub load_failed: &'static str,
    pub retry: &'static str,
    pub back_to_inbox: &'static str,
    pub print_dossier: &'static str,
    pub dossier_note: &'static str,
    pub section_complaint: &'static str,
    pub section_order: &'static str,
    pub section_evidence: &'static str,
    pub section_receipt: &'static str,
    pub section_timeline: &'static str,
    pub section_deadlines: &'static str,
    pub section_actions: &'static str,
    pub section_messages: &'static str,
    pub section_routes: &'static str,
    /// A complaint filed on the trustmark's page: the member shop and the earlier complaint.
    pub section_trustmark_case: &'static str,
    pub field_member_shop: &'static str,
    pub field_member_id: &'static str,
    pub field_complained_to_shop_on: &'static str,
    pub field_shop_reference: &'static str,
    pub field_shop_receipt: &'static str,
    pub shop_receipt_verified: &'static str,
    pub shop_receipt_absent: &'static str,
    /// The member shop under a trustmark complaint's reference; `{shop}`.
    pub inbox_member_shop: &'static str,
    pub no_messages: &'static str,
    pub no_routes: &'static str,
    pub route_open_now: &'static str,
    pub route_opens_on: &'static str,
    pub message_sent: &'static str,
    pub field_reason: &'static str,
    pub field_items: &'static str,
    pub field_incident_date: &'static str,
    pub field_description: &'static str,
    pub field_wants: &'static str,
    pub field_amount: &'static str,
    pub field_order_number: &'static str,
    pub field_email: &'static str,
    pub field_phone: &'static str,
    pub field_language: &'static str,
    pub field_filed_at: &'static str,
    pub field_order_date: &'static str,
    pub field_delivery_date: &'static str,
    pub field_country: &'static str,
    pub field_handler: &'static str,
    pub field_expected: &'static str,
    pub not_given: &'static str,
    pub no_evidence: &'static str,
    pub download: &'static str,
    pub thumbnail_of: &'static str,
    pub sha256: &'static str,
    pub receipt_checking: &'static str,
    pub receipt_valid: &'static str,
    pub receipt_invalid: &'static str,
    pub receipt_wrong_complaint: &'static str,
    pub receipt_key_unavailable: &'static str,
    pub receipt_key: &'static str,
    pub due_on: &'static str,
    pub no_actions: &'static str,
    pub actions_intro: &'static str,
    pub handler_hint: &'static str,
    pub expected_hint: &'static str,
    pub message_label: &'static str,
    pub remedy_label: &'static str,
    pub no_remedy: &'static str,
    pub choose: &'static str,
    pub amount_label: &'static str,
    pub amount_hint: &'static str,
    pub investigation_label: &'static str,
    pub conclusions_label: &'static str,
    pub actions_taken_label: &'static str,
    pub reasons_label: &'static str,
    pub saving: &'static str,
    pub saved: &'static str,
    pub transition_refused: &'static str,
    pub save_failed: &'static str,
    pub error_empty: &'static str,
    pub error_too_long: &'static str,
    pub error_control: &'static str,
    pub error_date_missing: &'static str,
    pub error_date_format: &'static str,
    pub error_date_past: &'static str,
    pub error_amount_format: &'static str,
    pub error_amount_positive: &'static str,
    pub error_amount_large: &'static str,
    pub error_remedy_missing: &'static str,
    pub error_invalid: &'static str,
    /// Names in the order of [`STATE_CODES`].
    pub states: [&'static str; 11],
    /// Names in the order of [`REASON_CODES`].
    pub reasons: [&'static str; 7],
    /// Names in the order of [`REMEDY_CODES`].
    pub remedies: [&'static str; 6],
    /// What happened, for the timeline, in the order of [`EVENT_CODES`].
    pub events: [&'static str; 11],
    /// The button and form title of each event the desk records, in the order of
    /// [`EVENT_CODES`] (shopper events are never offered, but named for completeness).
    pub actions: [&'static str; 11],
    /// Names in the order of [`DUE_KIND_CODES`].
    pub due_kinds: [&'static str; 4],
    /// Names in the order of [`DUE_STATUS_CODES`].
    pub due_statuses: [&'static str; 6],
    /// Names in the order of [`ACTOR_CODES`].
    pub actors: [&'static str; 4],
    /// Names in the order of [`ROUTE_CODES`].
    pub routes: [&'static str; 8],
    pub nav_withdrawals: &'static str,
    pub withdrawals_title: &'static str,
    pub withdrawals_intro: &'static str,
    pub withdrawals_empty: &'static str,
    pub col_refund_due: &'static str,
    pub col_received: &'static str,
    pub col_items: &'static str,
    pub refund_today: &'static str,
    pub refund_days_left: &'static str,
    pub typed_contract: &'static str,
}

fn pick<const N: usize>(
    codes: &[&str; N],
    names: &[&'static str; N],
    code: &str,
) -> Option<&'static str> {
    codes.iter().position(|c| *c == code).map(|i| names[i])
}

impl Messages {
    /// A state's name; an unknown code (a newer server) is shown as it is.
    pub fn state(&self, code: &str) -> String {
        pick(&STATE_CODES, &self.states, code).map_or_else(|| code.to_owned(), str::to_owned)
    }

    /// A reason's name.
    pub fn reason(&self, code: &str) -> String {
        pick(&REASON_CODES, &self.reasons, code).map_or_else(|| code.to_owned(), str::to_owned)
    }

    /// A remedy's name.
    pub fn remedy(&self, code: &str) -> String {
        pick(&REMEDY_CODES, &self.remedies, code).map_or_else(|| code.to_owned(), str::to_owned)
    }

    /// What an event of this kind is called on the timeline.
    pub fn event(&self, code: &str) -> String {
        pick(&EVENT_CODES, &self.events, code).map_or_else(|| code.to_owned(), str::to_owned)
    }

    /// The title of the form recording an event of this kind.
    pub fn action(&self, code: &str) -> String {
        pick(&EVENT_CODES, &self.actions, code).map_or_else(|| code.to_owned(), str::to_owned)
    }

    /// A deadline's name.
    pub fn due_kind(&self, code: &str) -> String {
        pick(&DUE_KIND_CODES, &self.due_kinds, code).map_or_else(|| code.to_owned(), str::to_owned)
    }

    /// Where a deadline stands.
    pub fn due_status(&self, code: &str) -> String {
        pick(&DUE_STATUS_CODES, &self.due_statuses, code)
            .map_or_else(|| code.to_owned(), str::to_owned)
    }

    /// An escalation route's name.
    pub fn route(&self, code: &str) -> String {
        pick(&ROUTE_CODES, &self.routes, code).map_or_else(|| code.to_owned(), str::to_owned)
    }

    /// Who recorded an event.
    pub fn actor(&self, code: &str) -> String {
        pick(&ACTOR_CODES, &self.actors, code).map_or_else(|| code.to_owned(), str::to_owned)
    }

    /// The text for a form error code (the core's `handler_name.empty`, the desk's
    /// `date.in_the_past`).
    pub fn form_error(&self, code: &str) -> &'static str {
        match code {
            "date.missing" => self.error_date_missing,
            "date.format" => self.error_date_format,
            "date.in_the_past" | "timeline.promise_in_the_past" => self.error_date_past,
            "amount.format" => self.error_amount_format,
            "amount.not_positive" => self.error_amount_positive,
            "amount.too_large" => self.error_amount_large,
            "remedy.missing" | "remedy.unknown" => self.error_remedy_missing,
            c if c.ends_with(".empty") => self.error_empty,
            c if c.ends_with(".too_long") => self.error_too_long,
            c if c.ends_with(".control_character") => self.error_control,
            _ => self.error_invalid,
        }
    }
}

/// Fills `{name}` in a message.
pub fn fill(template: &str, name: &str, value: &str) -> String {
    template.replace(&format!("{{{name}}}"), value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use redress_core::domain::{ComplaintReason, ResolutionKind};
    use redress_core::escalation::EscalationRoute;
    use redress_core::lifecycle::{Actor, ComplaintState, DueStatus, DueStepKind, EventKind};

    fn serde_code<T: serde::Serialize>(value: T) -> String {
        serde_json::to_value(value)
            .unwrap()
            .as_str()
            .unwrap()
            .to_owned()
    }

    #[test]
    fn the_code_lists_are_the_core_crates_codes() {
        let states: Vec<_> = ComplaintState::ALL.iter().map(|s| s.code()).collect();
        assert_eq!(states, STATE_CODES);
        let reasons: Vec<_> = ComplaintReason::ALL.iter().map(|r| r.code()).collect();
        assert_eq!(reasons, REASON_CODES);
        let remedies: Vec<_> = ResolutionKind::ALL.iter().map(|r| r.code()).collect();
        assert_eq!(remedies, REMEDY_CODES);
        for code in EVENT_CODES {
            let kind: EventKind = serde_json::from_value(code.into()).unwrap();
            assert_eq!(kind.code(), code);
        }
        for code in DUE_KIND_CODES {
            assert_eq!(
                serde_code(serde_json::from_value::<DueStepKind>(code.into()).unwrap()),
                code
            );
        }
        for code in DUE_STATUS_CODES {
            assert_eq!(
                serde_code(serde_json::from_value::<DueStatus>(code.into()).unwrap()),
                code
            );
        }
        for code in ROUTE_CODES {
            assert_eq!(
                serde_code(serde_json::from_value::<EscalationRoute>(code.into()).unwrap()),
                code
            );
        }
        for code in ACTOR_CODES {
            assert_eq!(
                serde_code(serde_json::from_value::<Actor>(code.into()).unwrap()),
                code
            );
        }
    }

    #[test]
    fn every_language_names_every_state_and_has_no_empty_string() {
        for lang in Lang::ALL {
            let t = lang.messages();
            for code in STATE_CODES {
                assert_ne!(t.state(code), code, "{lang:?} {code}");
            }
            let debug = format!("{t:?}");
            assert!(!debug.contains("\"\""), "{lang:?} has an empty message");
        }
        assert_eq!(
            Lang::En.messages().form_error("handler_name.empty"),
            Lang::En.messages().error_empty
        );
    }

    #[test]
    fn tags_pick_the_language_and_unknown_ones_fall_back() {
        assert_eq!(Lang::from_tag("nl-BE"), Some(Lang::Nl));
        assert_eq!(Lang::from_tag("fr"), None);
        assert_eq!(fill("{n} overdue", "n", "3"), "3 overdue");
    }
}
