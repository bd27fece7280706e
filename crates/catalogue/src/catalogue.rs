//! The `Messages` struct, declared once through a macro so its keys can also be listed,
//! written to a pack and read back from one.

macro_rules! catalogue {
    ($($(#[$doc:meta])* $key:ident,)*) => {
        /// Every string of the widget's screens, in one language.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct Messages {
            $($(#[$doc])* pub $key: &'static str,)*
        }

        impl Messages {
            /// Every key, in declaration order.
            pub const KEYS: &'static [&'static str] = &[$(stringify!($key)),*];

            /// `(key, text)` for every key, in declaration order.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($key), self.$key)),*]
            }

            fn slots(&mut self) -> Vec<&mut &'static str> {
                vec![$(&mut self.$key),*]
            }
        }
    };
}

catalogue! {
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
    channel_any,
    channel_email,
    channel_phone,
    consent,
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
    tracker_refresh,
    tracker_checked_at,
    tracker_status,
    tracker_handler,
    tracker_expected,
    tracker_answer_by,
    tracker_deadlines,
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
    state_investigation_open,
    state_progress_reported,
    state_resolved,
    state_rejected,
    state_accepted,
    state_escalated_to_board,
    state_board_answered,
    state_referred_externally,
    state_withdrawn,
    event_received,
    event_acknowledged,
    event_assigned,
    event_progress_reported,
    event_resolved,
    event_rejected,
    event_accepted,
    event_escalated_to_board,
    event_board_answered,
    event_referred_externally,
    event_withdrawn,
    route_board,
    route_trustmark,
    route_consumer_ombudsman,
    route_adr_body,
    route_travel_disputes_committee,
    route_european_consumer_centre,
    route_chargeback,
    route_small_claims_court,
    done_receipt,
    done_receipt_hint,
    your_complaints,
    follow_complaint,
    new_complaint,
    withdraw_entry,
    withdraw_title,
    withdraw_intro,
    withdraw_details_title,
    withdraw_confirm_title,
    withdraw_confirm_intro,
    withdraw_confirm_button,
    withdraw_not_found,
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
}

impl Messages {
    /// The language as a pack: one `key=text` line per key. Texts never hold a line break
    /// (a test checks), so no escaping is needed.
    pub fn to_pack(&self) -> String {
        self.entries()
            .into_iter()
            .map(|(key, text)| format!("{key}={text}\n"))
            .collect()
    }

    /// Reads a pack over `fallback`: a key the pack lacks (an older pack, a newer widget)
    /// keeps the fallback's text rather than showing nothing.
    pub fn from_pack(pack: &'static str, fallback: &Messages) -> Messages {
        let mut messages = fallback.clone();
        let mut slots = messages.slots();
        for line in pack.lines() {
            let Some((key, text)) = line.split_once('=') else {
                continue;
            };
            if let Some(i) = Messages::KEYS.iter().position(|k| *k == key) {
                *slots[i] = text;
            }
        }
        drop(slots);
        messages
    }
}
