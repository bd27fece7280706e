//! The `Messages` struct, declared once through a macro so its keys can also be listed,
//! written to a pack and read back from one.
//!
//! Keys come in groups by who shows them. `shown`: the complaint widget's screens (lookup,
//! filing, evidence, tracker, badge). `withdrawal` and `trustmark`: the screens of the
//! flows shipped as their own bundles. `mail`: the words of e-mails, used only by the
//! server and never shipped. A pack carries the groups of the bundle it is for
//! ([`PackScope`]); in the browser every other text stays blank.

use crate::Lang;

macro_rules! catalogue {
    (
        shown { $($(#[$shown_doc:meta])* $shown:ident,)* }
        withdrawal { $($(#[$withdrawal_doc:meta])* $withdrawal:ident,)* }
        trustmark { $($(#[$trustmark_doc:meta])* $trustmark:ident,)* }
        mail { $($(#[$mail_doc:meta])* $mail:ident,)* }
    ) => {
        /// Every string of the widget's screens and of the server's e-mails, in one
        /// language.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct Messages {
            $($(#[$shown_doc])* pub $shown: &'static str,)*
            $($(#[$withdrawal_doc])* pub $withdrawal: &'static str,)*
            $($(#[$trustmark_doc])* pub $trustmark: &'static str,)*
            $($(#[$mail_doc])* pub $mail: &'static str,)*
        }

        impl Messages {
            /// Every key, in declaration order.
            #[cfg(not(target_arch = "wasm32"))]
            pub const KEYS: &'static [&'static str] = &[
                $(stringify!($shown),)* $(stringify!($withdrawal),)*
                $(stringify!($trustmark),)* $(stringify!($mail)),*
            ];

            /// The e-mail words' keys, which no pack carries.
            #[cfg(not(target_arch = "wasm32"))]
            pub const MAIL_KEYS: &'static [&'static str] = &[$(stringify!($mail)),*];

            /// The keys only the withdrawal and trustmark bundles show.
            #[cfg(not(target_arch = "wasm32"))]
            pub const OTHER_FLOW_KEYS: &'static [&'static str] =
                &[$(stringify!($withdrawal),)* $(stringify!($trustmark)),*];

            /// Name the key lists of the two kinds of pack: a pack carries its own, so a
            /// pack written for another build of the catalogue (keys added, removed or
            /// reordered) is refused instead of putting texts in the wrong places.
            const COMPLAINT_FINGERPRINT: u32 =
                fingerprint(concat!($(stringify!($shown), "\n"),*));
            const EVERY_FLOW_FINGERPRINT: u32 = fingerprint(concat!(
                $(stringify!($shown), "\n",)* $(stringify!($withdrawal), "\n",)*
                $(stringify!($trustmark), "\n"),*
            ));

            /// No text at all: what a page has before its pack is installed.
            pub const BLANK: Messages = Messages {
                $($shown: "",)* $($withdrawal: "",)* $($trustmark: "",)* $($mail: "",)*
            };

            /// `(key, text)` for every key, in declaration order.
            #[cfg(not(target_arch = "wasm32"))]
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![
                    $((stringify!($shown), self.$shown),)*
                    $((stringify!($withdrawal), self.$withdrawal),)*
                    $((stringify!($trustmark), self.$trustmark),)*
                    $((stringify!($mail), self.$mail)),*
                ]
            }

            /// The texts a pack of `scope` carries, in pack order: written from them by
            /// [`Messages::to_pack`], read into them by [`Messages::from_pack`].
            fn pack_slots(&mut self, scope: PackScope) -> Vec<&mut &'static str> {
                let Messages { $($shown,)* $($withdrawal,)* $($trustmark,)* .. } = self;
                let mut slots = vec![$($shown),*];
                if scope == PackScope::EveryFlow {
                    slots.extend([$($withdrawal,)* $($trustmark),*]);
                }
                slots
            }
        }
    };
}

/// Which bundle's words a pack carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PackScope {
    /// The complaint widget's: what nearly every shopper loads, kept to its own words.
    Complaint,
    /// The withdrawal and trustmark bundles' (each also holds the complaint flow).
    EveryFlow,
}

impl PackScope {
    fn fingerprint(self) -> u32 {
        match self {
            PackScope::Complaint => Messages::COMPLAINT_FINGERPRINT,
            PackScope::EveryFlow => Messages::EVERY_FLOW_FINGERPRINT,
        }
    }
}

/// FNV-1a over `text`, at compile time.
const fn fingerprint(text: &str) -> u32 {
    let bytes = text.as_bytes();
    let mut hash: u32 = 0x811c_9dc5;
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u32;
        hash = hash.wrapping_mul(0x0100_0193);
        i += 1;
    }
    hash
}

catalogue! {
shown {
    find_order_title,
    find_order_intro,
    order_number_label,
    order_number_hint,
    email_label,
    email_hint,
    lookup_submit,
    lookup_pending,
    /// Deliberately neutral: it must not reveal whether the order number exists.
    lookup_not_found,
    /// The same, for a shop that looks orders up by delivery postcode.
    lookup_not_found_postcode,
    lookup_failed,
    lookup_rate_limited,
    error_summary_title,
    order_found_title,
    order_placed_on,
    order_delivered_on,
    order_not_delivered,
    order_items,
    search_again,
    missing_endpoint,
    order_number_empty,
    order_number_format,
    email_empty,
    email_format,
    postcode_label,
    postcode_hint,
    postcode_empty,
    postcode_format,
    lookup_optional_note,
    lookup_skip,
    order_typed_title,
    field_invalid,
    policy_loading,
    policy_failed,
    retry,
    step_count,
    step_what_title,
    step_want_title,
    step_contact_title,
    step_review_title,
    reason_legend,
    reason_wrong_item,
    reason_defective,
    reason_not_received,
    reason_late,
    reason_return,
    reason_billing,
    reason_other,
    window_open,
    window_closed,
    items_legend,
    items_hint,
    incident_date_label,
    incident_date_hint,
    description_label,
    description_hint,
    description_count,
    resolution_legend,
    resolution_refund,
    resolution_replacement,
    resolution_repair,
    resolution_compensation,
    resolution_apology,
    resolution_other,
    amount_label,
    amount_hint,
    contact_email_hint,
    phone_label,
    phone_hint,
    channel_legend,
    channel_legend_of,
    channel_any,
    channel_email,
    channel_phone,
    consent,
    consent_of,
    not_given,
    change,
    back,
    next,
    submit,
    submitting,
    submit_failed,
    /// The shop answered but did not take the complaint (not a network failure).
    submit_refused,
    done_title,
    done_reference,
    done_confirm_by,
    done_tracking,
    done_tracking_link,
    reason_missing,
    reason_window_closed,
    reason_not_offered,
    items_missing,
    items_format,
    date_missing,
    date_format,
    date_in_future,
    date_before_order,
    description_missing,
    description_too_short,
    description_too_long,
    description_control,
    resolution_missing,
    resolution_not_offered,
    amount_missing,
    amount_format,
    amount_not_positive,
    amount_too_large,
    contact_missing,
    contact_channel,
    phone_format,
    evidence_missing,
    step_evidence_title,
    evidence_intro,
    evidence_privacy,
    evidence_choose,
    evidence_camera,
    evidence_drop,
    evidence_list,
    evidence_preparing,
    evidence_uploading,
    evidence_uploaded,
    evidence_location_removed,
    evidence_metadata_removed,
    evidence_failed,
    evidence_cancelled,
    evidence_cancel,
    evidence_retry,
    evidence_remove,
    evidence_busy,
    evidence_type_mismatch,
    evidence_type_not_accepted,
    evidence_too_large,
    evidence_total_too_large,
    evidence_too_many,
    evidence_empty,
    evidence_damaged,
    evidence_metadata_unsupported,
    evidence_unreadable,
    evidence_refused,
    evidence_invalid,
    evidence_none,
    done_files,
    tracker_title,
    tracker_loading,
    tracker_not_found,
    tracker_failed,
    /// `tracker_failed` for a complaint a trustmark handles (`{trustmark}`: its name).
    tracker_failed_of,
    tracker_refresh,
    tracker_checked_at,
    tracker_status,
    tracker_handler,
    tracker_expected,
    tracker_answer_by,
    tracker_deadlines,
    tracker_deadlines_of,
    /// Under the deadlines: they are the latest dates, beside the date the shop promised.
    tracker_deadlines_hint,
    tracker_history,
    tracker_escalation,
    tracker_escalation_intro,
    due_overdue,
    due_today,
    due_one_day_left,
    due_days_left,
    due_by,
    due_was,
    due_met,
    due_met_late,
    due_missed,
    due_lapsed,
    route_opens_on,
    route_open_now,
    due_acknowledgement,
    due_assignment,
    due_resolution,
    due_board_answer,
    state_received,
    state_acknowledged,
    /// `state_acknowledged` for a complaint a trustmark handles (`{trustmark}`: its name).
    state_acknowledged_of,
    state_investigation_open,
    state_progress_reported,
    state_resolved,
    state_rejected,
    state_accepted,
    state_escalated_to_board,
    /// `state_escalated_to_board` for a complaint a trustmark handles (`{trustmark}`: its name).
    state_escalated_to_board_of,
    state_board_answered,
    state_referred_externally,
    state_withdrawn,
    event_received,
    event_acknowledged,
    /// `event_acknowledged` for a complaint a trustmark handles (`{trustmark}`: its name).
    event_acknowledged_of,
    event_assigned,
    event_progress_reported,
    /// `event_progress_reported` for a complaint a trustmark handles (`{trustmark}`: its name).
    event_progress_reported_of,
    event_resolved,
    /// `event_resolved` for a complaint a trustmark handles (`{trustmark}`: its name).
    event_resolved_of,
    event_rejected,
    /// `event_rejected` for a complaint a trustmark handles (`{trustmark}`: its name).
    event_rejected_of,
    event_accepted,
    event_escalated_to_board,
    event_board_answered,
    event_referred_externally,
    event_withdrawn,
    route_board,
    /// `route_board` for a complaint a trustmark handles (`{trustmark}`: its name).
    route_board_of,
    route_trustmark,
    route_consumer_ombudsman,
    route_adr_body,
    route_travel_disputes_committee,
    route_european_consumer_centre,
    route_chargeback,
    route_small_claims_court,
    done_receipt,
    done_receipt_hint,
    done_receipt_hint_of,
    your_complaints,
    forget_device_list,
    forget_device_hint,
    follow_complaint,
    new_complaint,
    withdraw_entry,
    // Field errors of the other flows: `field_error`, shared by every bundle, names them.
    name_missing,
    name_format,
    goods_missing,
    goods_format,
    withdrawal_disabled,
    withdrawal_window_closed,
    withdrawal_nothing_eligible,
    withdrawal_item_unknown,
    follow_submit,
    follow_none,
    // Trustmark words the complaint widget shows too: the member badge, and the refusals
    // `field_error` names. The trustmark page's own words are in the `trustmark` group.
    /// Shown in a shop's widget when the trustmark's signed attestation names this page's domain.
    tm_badge,
    tm_receipt_bad,
    tm_refused_too_early,
    tm_refused_not_member,
    tm_refused_route,
    escalate_board,
    escalate_external,
    escalate_failed,
}
withdrawal {
    withdraw_title,
    withdraw_intro,
    withdraw_details_title,
    withdraw_confirm_title,
    withdraw_confirm_intro,
    withdraw_confirm_button,
    withdraw_not_found,
    /// As neutral as `withdraw_not_found`, on a shop that looks orders up by postcode.
    withdraw_not_found_postcode,
    /// Shown where the shop's policy does not require the lookup.
    withdraw_lookup_optional_note,
    withdraw_lookup_skip,
    withdraw_name_label,
    withdraw_open_until,
    withdraw_not_started,
    withdraw_closed,
    withdraw_complain_instead,
    withdraw_items_legend,
    withdraw_items_hint,
    withdraw_typed_intro,
    withdraw_order_date_label,
    withdraw_goods_label,
    withdraw_goods_hint,
    withdraw_email_label,
    withdraw_email_hint,
    withdraw_done_title,
    withdraw_received_at,
    withdraw_refund_by,
    withdraw_kept,
    withdraw_email_sent,
    withdraw_submit_failed,
    withdraw_submit_refused,
}
trustmark {
    tm_title,
    tm_intro,
    tm_loading,
    tm_failed,
    tm_search_label,
    tm_search_hint,
    tm_no_match,
    tm_not_listed,
    tm_member_until,
    tm_other_shop,
    tm_complained_legend,
    tm_yes,
    tm_no,
    tm_complained_on,
    tm_reference_label,
    tm_cross_border,
    tm_check,
    tm_receipt_label,
    tm_receipt_hint,
    tm_receipt_ok,
    tm_route_trustmark,
    tm_route_shop_first,
    tm_route_too_early,
    tm_route_not_member,
    tm_route_expired,
    tm_route_travel,
    tm_route_ecc,
    tm_file_start,
    tm_order_label,
    tm_case_title,
    tm_case_member,
    tm_case_complained,
    tm_case_reference,
    tm_case_receipt,
    tm_case_change,
}
mail {
    mail_received_subject,
    mail_received_body,
    mail_status_subject,
    mail_status_body,
    /// Heads the shop's own words with an acknowledgement.
    mail_shop_message,
    /// `mail_shop_message` for a complaint a trustmark handles (`{trustmark}`: its name).
    mail_shop_message_of,
    mail_progress,
    mail_reasons,
    /// `mail_reasons` for a complaint a trustmark handles (`{trustmark}`: its name).
    mail_reasons_of,
    /// `{remedy}`: the remedy's label and, for money, its amount.
    mail_remedy,
    /// A remedy the shop or its board grants, by `ResolutionKind` (the `resolution_*`
    /// texts are what the shopper asks for).
    remedy_refund,
    remedy_replacement,
    remedy_repair,
    remedy_compensation,
    remedy_apology,
    remedy_other,
    mail_no_remedy,
    mail_investigation,
    mail_conclusions,
    mail_actions,
    /// `{step}` is a `due_*` label, `{date}` a [`Messages::long_date`].
    mail_next_due,
    mail_footer,
    /// A date written out: `{day}`, `{month}` (from `date_months`), `{year}`.
    date_long,
    date_first_day,
    /// The twelve month names as they stand in a date (Russian: genitive), `|`-separated.
    date_months,
    ack_subject,
    ack_intro,
    ack_reference,
    ack_received_on,
    ack_name,
    ack_order,
    ack_order_date,
    ack_goods,
    ack_withdrawn_from,
    ack_whole_contract,
    ack_refund_by,
    ack_receipt_intro,
}
}

impl Messages {
    /// The language as a pack for `scope`: a header line
    /// `redress-catalogue <tag> <fingerprint>`, then one line per text in key order,
    /// without the keys (they would cost every shopper their bytes). Texts never hold a
    /// line break (a test checks), so no escaping is needed.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn to_pack(&self, lang: Lang, scope: PackScope) -> String {
        let mut pack = format!("{PACK_HEADER} {} {}\n", lang.tag(), scope.fingerprint());
        for text in self.clone().pack_slots(scope) {
            pack.push_str(text);
            pack.push('\n');
        }
        pack
    }

    /// Reads a pack of either scope: its language and its texts (the rest stay blank).
    pub fn from_pack(pack: &'static str) -> Result<(Lang, Messages), PackError> {
        let mut lines = pack.lines();
        let header = lines.next().unwrap_or_default();
        let mut fields = header.split(' ');
        if fields.next() != Some(PACK_HEADER) {
            return Err(PackError::NotAPack);
        }
        let lang = fields
            .next()
            .and_then(Lang::from_tag)
            .ok_or(PackError::NotAPack)?;
        let fingerprint = fields.next().and_then(|f| f.parse::<u32>().ok());
        let scope = [PackScope::Complaint, PackScope::EveryFlow]
            .into_iter()
            .find(|scope| Some(scope.fingerprint()) == fingerprint)
            .ok_or(PackError::OtherCatalogue)?;
        let mut messages = Messages::BLANK;
        let mut slots = messages.pack_slots(scope);
        let texts: Vec<&'static str> = lines.collect();
        if texts.len() != slots.len() || texts.iter().any(|t| t.is_empty()) {
            return Err(PackError::Incomplete);
        }
        for (slot, text) in slots.iter_mut().zip(texts) {
            **slot = text;
        }
        drop(slots);
        Ok((lang, messages))
    }
}

const PACK_HEADER: &str = "redress-catalogue";

/// Why a language pack cannot be used. Packs are written by `cargo xtask build` next to
/// the wasm that reads them, under content-hashed names, so each of these means a
/// deployment mixed files of different builds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PackError {
    #[error("not a Redress language pack (no `redress-catalogue <language> <fingerprint>` header)")]
    NotAPack,
    #[error("the language pack was written for another version of the widget")]
    OtherCatalogue,
    #[error("the language pack lacks texts")]
    Incomplete,
}
