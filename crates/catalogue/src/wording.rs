//! How codes become words: the core crate's and the server's stable codes (field errors,
//! states, events, routes) mapped to the catalogue's keys.

use crate::Messages;

impl Messages {
    /// A date written out as this language writes it in a letter (`21 November 2026`,
    /// `21. November 2026`, `21 ноября 2026 г.`), for texts without the browser's date
    /// formatting, such as e-mails. A month outside 1 to 12 reads as ISO 8601.
    ///
    /// ```
    /// use redress_catalogue::Lang;
    /// assert_eq!(Lang::En.messages().long_date(2026, 11, 21), "21 November 2026");
    /// assert_eq!(Lang::En.messages().long_date(2026, 13, 1), "2026-13-01");
    /// ```
    pub fn long_date(&self, year: i32, month: u32, day: u32) -> String {
        let name = month
            .checked_sub(1)
            .and_then(|i| self.date_months.split('|').nth(i as usize));
        match name {
            // The first of a month is an ordinal in French ("1er décembre").
            Some(name) => self
                .date_long
                .replace(
                    "{day}",
                    &if day == 1 {
                        self.date_first_day.to_owned()
                    } else {
                        day.to_string()
                    },
                )
                .replace("{month}", name)
                .replace("{year}", &year.to_string()),
            None => format!("{year:04}-{month:02}-{day:02}"),
        }
    }

    /// The shopper-facing text for a field error code from the core crate or the server;
    /// an unknown code still gets a truthful generic text.
    pub fn field_error(&self, code: &str) -> &'static str {
        match code {
            "order_number.missing" => self.order_number_empty,
            "order_number.format" | "order_number.length" => self.order_number_format,
            "email.missing" => self.email_empty,
            "email.format" | "email.length" | "email.domain" => self.email_format,
            "post_code.missing" => self.postcode_empty,
            "post_code.format" => self.postcode_format,
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
            "name.missing" => self.name_missing,
            "name.format" => self.name_format,
            "goods.missing" => self.goods_missing,
            "goods.format" => self.goods_format,
            "withdrawal.disabled" => self.withdrawal_disabled,
            "withdrawal.window_closed" => self.withdrawal_window_closed,
            "withdrawal.nothing_eligible" | "withdrawal.item_excluded" => {
                self.withdrawal_nothing_eligible
            }
            "withdrawal.item_unknown" => self.withdrawal_item_unknown,
            "trustmark.too_early" => self.tm_refused_too_early,
            "trustmark.not_member" | "trustmark.member_not_found" => self.tm_refused_not_member,
            "trustmark.receipt_invalid" => self.tm_receipt_bad,
            c if c.starts_with("trustmark.") => self.tm_refused_route,
            c if c.starts_with("evidence.") => self.evidence_invalid,
            _ => self.field_invalid,
        }
    }

    /// The text for a file that is not sent, with `{name}` and `{limit}` to fill in.
    pub fn evidence_problem(&self, code: &str) -> &'static str {
        match code {
            "evidence.type_mismatch" => self.evidence_type_mismatch,
            "evidence.type_not_accepted" => self.evidence_type_not_accepted,
            "evidence.too_large" => self.evidence_too_large,
            "evidence.total_too_large" => self.evidence_total_too_large,
            "evidence.too_many" => self.evidence_too_many,
            "evidence.empty" => self.evidence_empty,
            "evidence.damaged" | "evidence.location_metadata" => self.evidence_damaged,
            "evidence.metadata_unsupported" => self.evidence_metadata_unsupported,
            "evidence.unreadable" => self.evidence_unreadable,
            _ => self.evidence_refused,
        }
    }

    /// The tracker's words for a `ComplaintState` code.
    pub fn state_label(&self, code: &str) -> &'static str {
        match code {
            "received" => self.state_received,
            "acknowledged" => self.state_acknowledged,
            "investigation_open" => self.state_investigation_open,
            "progress_reported" => self.state_progress_reported,
            "resolved" => self.state_resolved,
            "rejected" => self.state_rejected,
            "accepted" => self.state_accepted,
            "escalated_to_board" => self.state_escalated_to_board,
            "board_answered" => self.state_board_answered,
            "referred_externally" => self.state_referred_externally,
            "withdrawn" => self.state_withdrawn,
            _ => self.state_received,
        }
    }

    /// The timeline's words for a `LifecycleEvent` type.
    pub fn event_label(&self, code: &str) -> &'static str {
        match code {
            "acknowledged" => self.event_acknowledged,
            "assigned" => self.event_assigned,
            "progress_reported" => self.event_progress_reported,
            "resolved" => self.event_resolved,
            "rejected" => self.event_rejected,
            "accepted" => self.event_accepted,
            "escalated_to_board" => self.event_escalated_to_board,
            "board_answered" => self.event_board_answered,
            "referred_externally" => self.event_referred_externally,
            "withdrawn" => self.event_withdrawn,
            _ => self.event_received,
        }
    }

    /// `shop`'s words, or where a trustmark handles the complaint, `of`'s (an `_of` key)
    /// with its name for `{trustmark}`: the label then names who really acts.
    ///
    /// ```
    /// use redress_catalogue::{Lang, Messages};
    /// let t = Lang::En.messages();
    /// let failed = |by| Messages::handled_by(t.tracker_failed, t.tracker_failed_of, by);
    /// assert!(failed(None).contains("reach the shop"));
    /// assert!(failed(Some("Becom")).contains("reach Becom"));
    /// ```
    pub fn handled_by(
        shop: &'static str,
        of: &'static str,
        trustmark: Option<&str>,
    ) -> std::borrow::Cow<'static, str> {
        match trustmark {
            Some(name) => of.replace("{trustmark}", name).into(),
            None => shop.into(),
        }
    }

    /// [`Messages::state_label`], naming `trustmark` as the actor where it handles the
    /// complaint ("Confirmed by Becom", not "by the shop").
    ///
    /// ```
    /// use redress_catalogue::Lang;
    /// let t = Lang::En.messages();
    /// assert_eq!(t.state_label_of("acknowledged", Some("Becom")), "Confirmed by Becom");
    /// assert_eq!(t.state_label_of("acknowledged", None), "Confirmed by the shop");
    /// assert_eq!(t.state_label_of("resolved", Some("Becom")), "Resolved");
    /// ```
    pub fn state_label_of(&self, code: &str, trustmark: Option<&str>) -> String {
        let of = match code {
            "acknowledged" => self.state_acknowledged_of,
            "escalated_to_board" => self.state_escalated_to_board_of,
            _ => return self.state_label(code).to_owned(),
        };
        Self::handled_by(self.state_label(code), of, trustmark).into_owned()
    }

    /// [`Messages::event_label`], naming `trustmark` as the actor where it handles the
    /// complaint ("Becom rejected the complaint").
    pub fn event_label_of(&self, code: &str, trustmark: Option<&str>) -> String {
        let of = match code {
            "acknowledged" => self.event_acknowledged_of,
            "progress_reported" => self.event_progress_reported_of,
            "resolved" => self.event_resolved_of,
            "rejected" => self.event_rejected_of,
            _ => return self.event_label(code).to_owned(),
        };
        Self::handled_by(self.event_label(code), of, trustmark).into_owned()
    }

    /// [`Messages::route_label`], naming `trustmark` as the owner of the complaints
    /// board where it handles the complaint.
    pub fn route_label_of(&self, code: &str, trustmark: Option<&str>) -> String {
        match code {
            "board" => {
                Self::handled_by(self.route_board, self.route_board_of, trustmark).into_owned()
            }
            _ => self.route_label(code).to_owned(),
        }
    }

    /// The name of a deadline (`DueStepKind` code).
    pub fn due_kind_label(&self, code: &str) -> &'static str {
        match code {
            "acknowledgement" => self.due_acknowledgement,
            "assignment" => self.due_assignment,
            "board_answer" => self.due_board_answer,
            _ => self.due_resolution,
        }
    }

    /// The name of an escalation route or external body (their codes overlap).
    pub fn route_label(&self, code: &str) -> &'static str {
        match code {
            "board" => self.route_board,
            "trustmark" => self.route_trustmark,
            "consumer_ombudsman" => self.route_consumer_ombudsman,
            "adr_body" => self.route_adr_body,
            "travel_disputes_committee" => self.route_travel_disputes_committee,
            "european_consumer_centre" => self.route_european_consumer_centre,
            "chargeback" | "payment_provider" => self.route_chargeback,
            _ => self.route_small_claims_court,
        }
    }

    /// The shopper's words for a complaint reason, by the core crate's code.
    pub fn reason_label(&self, code: &str) -> &'static str {
        match code {
            "wrong_item" => self.reason_wrong_item,
            "defective_or_damaged" => self.reason_defective,
            "not_received" => self.reason_not_received,
            "late_delivery" => self.reason_late,
            "return_or_withdrawal" => self.reason_return,
            "invoice_or_billing" => self.reason_billing,
            _ => self.reason_other,
        }
    }

    /// The name of a remedy granted, by the core crate's `ResolutionKind` code.
    pub fn remedy_label(&self, code: &str) -> &'static str {
        match code {
            "refund" => self.remedy_refund,
            "replacement" => self.remedy_replacement,
            "repair" => self.remedy_repair,
            "compensation" => self.remedy_compensation,
            "apology" => self.remedy_apology,
            _ => self.remedy_other,
        }
    }

    /// The shopper's words for a desired resolution, by the core crate's code.
    pub fn resolution_label(&self, code: &str) -> &'static str {
        match code {
            "refund" => self.resolution_refund,
            "replacement" => self.resolution_replacement,
            "repair" => self.resolution_repair,
            "compensation" => self.resolution_compensation,
            "apology" => self.resolution_apology,
            _ => self.resolution_other,
        }
    }
}
