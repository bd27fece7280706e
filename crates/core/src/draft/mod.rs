//! The complaint as the widget sends it, and its validation into a [`Complaint`].
//!
//! [`ComplaintDraft`] is the wire type: plain strings as the form holds them, an empty
//! string meaning "not given". [`validate`] checks it against a shop's
//! [`ComplaintPolicy`] and returns either the domain [`Complaint`] or **every** field
//! error at once, so the shopper fixes the whole form in one pass. The widget calls the
//! same checks per field from [`field`] while the shopper types.
//!
//! Field paths in errors, for the widget to place each message next to its input:
//! `order_number`, `contact` (neither e-mail nor phone), `contact.email`,
//! `contact.phone`, `contact.preferred_channel`, `post_code`, `reason`, `items`,
//! `items[i]`, `order_date`, `delivery_date`, `incident_date`, `description`,
//! `resolution`, `amount`, `evidence` (count, total, missing) and `evidence[i]`
//! (one file), `shopper_country` and `category`. `reason.window_closed` is reported on
//! `reason`.

mod complaint;
pub mod field;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::domain::{Contact, ContactChannel};
use crate::error::{ErrorCode, ErrorParams, FieldError, FieldRule};
use crate::policy::ComplaintPolicy;

pub use complaint::{Complaint, DesiredResolution};

/// A complaint as the shopper filled it in. Every field is optional on the wire (missing
/// keys are empty); unknown keys are refused so a renamed field fails loudly. Read with
/// [`crate::json::FromJson`] by the widget and the server alike; written with serde.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ComplaintDraft {
    /// The order number as typed.
    pub order_number: String,
    /// The e-mail address as typed.
    pub email: String,
    /// The phone number as typed.
    pub phone: String,
    /// `"email"`, `"phone"`, or empty to let Redress choose.
    pub preferred_channel: String,
    /// The delivery postcode, for a lookup by postcode.
    pub post_code: String,
    /// A [`crate::domain::ComplaintReason`] code.
    pub reason: String,
    /// The order lines concerned, one name or article number each.
    pub items: Vec<String>,
    /// When the order was placed, `YYYY-MM-DD`.
    pub order_date: String,
    /// When it was delivered, `YYYY-MM-DD`.
    pub delivery_date: String,
    /// When the problem occurred, `YYYY-MM-DD`.
    pub incident_date: String,
    /// What went wrong.
    pub description: String,
    /// A [`crate::domain::ResolutionKind`] code.
    pub resolution: String,
    /// The compensation asked, as typed (`12,50`); only read for compensation.
    pub amount: String,
    /// The amount's ISO currency; empty means the shop's currency.
    pub currency: String,
    /// Metadata of the evidence files the widget will upload.
    pub evidence: Vec<EvidenceDraft>,
    /// Where the shopper lives, ISO 3166-1 alpha-2 (`"DE"`); empty means the shop's
    /// country, i.e. a domestic complaint. A different country makes the complaint
    /// cross-border, which opens the European Consumer Centre of that country.
    pub shopper_country: String,
    /// `"general"` or `"travel"`; empty means general. Travel opens the travel
    /// disputes committee.
    pub category: String,
}

/// One evidence file as the widget declares it before uploading.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct EvidenceDraft {
    /// The file's name on the shopper's device.
    pub file_name: String,
    /// The MIME type, as sniffed from the bytes (see `crate::evidence`).
    pub media_type: String,
    /// The size in bytes.
    pub size_bytes: u64,
    /// The SHA-256 of the bytes, 64 lowercase hex characters.
    pub sha256: String,
}

// The one reader of a draft, in the browser (a saved draft) and on the server (a filed
// one): no serde deserializer, so none is compiled into the bundle (see `crate::json`).
// `tests::read_back::drafts_read_back_whole` checks that every key serde writes is read back.
crate::from_json_object!(ComplaintDraft, crate::json::UnknownKeys::Refuse, {
    "order_number" => order_number, "email" => email, "phone" => phone,
    "preferred_channel" => preferred_channel, "post_code" => post_code, "reason" => reason,
    "items" => items, "order_date" => order_date, "delivery_date" => delivery_date,
    "incident_date" => incident_date, "description" => description,
    "resolution" => resolution, "amount" => amount, "currency" => currency,
    "evidence" => evidence, "shopper_country" => shopper_country, "category" => category,
});
crate::from_json_object!(EvidenceDraft, crate::json::UnknownKeys::Refuse, {
    "file_name" => file_name, "media_type" => media_type, "size_bytes" => size_bytes,
    "sha256" => sha256,
});

/// Validates a draft against `policy` at `now`, returning the complaint or every field
/// error, in form order. Dates are judged in the shop's time zone.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use redress_core::draft::{validate, ComplaintDraft};
/// use redress_core::error::ErrorCode;
/// use redress_core::policy::ComplaintPolicy;
///
/// let now = Utc.with_ymd_and_hms(2026, 11, 21, 12, 0, 0).unwrap();
/// let policy = ComplaintPolicy::default();
/// let mut draft = ComplaintDraft {
///     order_number: "WEB-1001".into(),
///     email: "anna@example.nl".into(),
///     reason: "defective_or_damaged".into(),
///     description: "The kettle stopped heating after two days.".into(),
///     resolution: "repair".into(),
///     ..ComplaintDraft::default()
/// };
/// let complaint = validate(&draft, &policy, now).unwrap();
/// assert_eq!(complaint.order_number().unwrap().as_ref(), "WEB-1001");
///
/// draft.order_number.clear();
/// draft.email = "anna@".into();
/// let codes: Vec<_> = validate(&draft, &policy, now).unwrap_err().iter().map(|e| e.code()).collect();
/// assert_eq!(codes, [ErrorCode::OrderNumberMissing, ErrorCode::EmailFormat]);
/// ```
pub fn validate(
    draft: &ComplaintDraft,
    policy: &ComplaintPolicy,
    now: DateTime<Utc>,
) -> Result<Complaint, Vec<FieldError>> {
    let mut found = Found::default();
    let today = policy.today(now);
    let required = policy.required;

    let order_number = found.keep(field::order_number(&draft.order_number, policy));
    let email = found.keep(field::email(&draft.email, policy));
    let phone = found.keep(field::phone(&draft.phone));
    let contact = match (&email, &phone) {
        (Some(email), Some(phone)) => found.keep(contact(email.clone(), phone.clone(), draft)),
        // The e-mail or phone itself is wrong; "give a contact" would only add noise.
        _ => None,
    };
    let post_code = found.keep(field::post_code(&draft.post_code, policy));
    let reason = found.keep(field::reason(&draft.reason, policy));

    let mut items = Vec::new();
    if draft.items.is_empty() && required.items {
        found.errors.push(FieldError::with(
            "items",
            ErrorCode::ItemsMissing,
            ErrorParams::default(),
        ));
    }
    if draft.items.len() > field::MAX_ITEMS {
        found.errors.push(FieldError::with(
            "items",
            ErrorCode::ItemsTooMany,
            ErrorParams {
                max: Some(field::MAX_ITEMS as u64),
                actual: Some(draft.items.len() as u64),
                ..ErrorParams::default()
            },
        ));
    }
    for (i, item) in draft.items.iter().enumerate() {
        items.extend(found.keep(field::item(i, item)));
    }

    let order_date = found.keep(field::date(
        "order_date",
        &draft.order_date,
        required.order_date,
        today,
    ));
    let delivery_date = found.keep(field::date(
        "delivery_date",
        &draft.delivery_date,
        required.delivery_date,
        today,
    ));
    let incident_date = found.keep(field::date(
        "incident_date",
        &draft.incident_date,
        required.incident_date,
        today,
    ));
    if let Some(Some(ordered)) = order_date {
        if let Some(Some(delivered)) = delivery_date {
            found.keep(field::not_before_order("delivery_date", delivered, ordered));
        }
        if let Some(Some(incident)) = incident_date {
            found.keep(field::not_before_order("incident_date", incident, ordered));
        }
    }
    if let (Some(reason), Some(Some(delivered))) = (reason, delivery_date) {
        found.keep(field::reason_window(reason, delivered, today, policy));
    }

    let description = found.keep(field::description(&draft.description, policy));
    let resolution = found
        .keep(field::resolution(&draft.resolution, policy))
        .and_then(|kind| match DesiredResolution::new(kind) {
            Some(resolution) => Some(resolution),
            None => found
                .keep(field::amount(&draft.amount, &draft.currency, policy))
                .map(DesiredResolution::compensation),
        });

    let shopper_country = found.keep(field::shopper_country(&draft.shopper_country, policy));
    let category = found.keep(field::category(&draft.category));

    let mut evidence = Vec::new();
    for (i, file) in draft.evidence.iter().enumerate() {
        evidence.extend(found.keep(field::evidence_file(i, file, policy)));
    }
    found
        .errors
        .extend(field::evidence_totals(&draft.evidence, policy));

    match (
        order_number,
        contact,
        post_code,
        reason,
        order_date,
        delivery_date,
        incident_date,
        description,
        resolution,
        shopper_country,
        category,
    ) {
        (
            Some(order_number),
            Some(contact),
            Some(post_code),
            Some(reason),
            Some(order_date),
            Some(delivery_date),
            Some(incident_date),
            Some(description),
            Some(resolution),
            Some(shopper_country),
            Some(category),
        ) if found.errors.is_empty() => Ok(Complaint {
            order_number,
            contact,
            post_code,
            reason,
            items,
            order_date,
            delivery_date,
            incident_date,
            description,
            resolution,
            evidence,
            shopper_country,
            category,
        }),
        _ => Err(found.errors),
    }
}

/// The field errors found so far; every check runs, whatever failed before.
#[derive(Default)]
struct Found {
    errors: Vec<FieldError>,
}

impl Found {
    fn keep<T>(&mut self, result: Result<T, FieldError>) -> Option<T> {
        result.map_err(|error| self.errors.push(error)).ok()
    }
}

/// The contact from the parsed e-mail and phone and the preferred channel.
fn contact(
    email: Option<crate::domain::Email>,
    phone: Option<crate::domain::Phone>,
    draft: &ComplaintDraft,
) -> Result<Contact, FieldError> {
    let preferred = match draft.preferred_channel.trim() {
        "" => None,
        code => Some(ContactChannel::parse_code(code).ok_or_else(|| {
            FieldError::with(
                "contact.preferred_channel",
                ErrorCode::ContactPreferredChannel,
                ErrorParams::value(code.chars().take(20).collect::<String>()),
            )
        })?),
    };
    Contact::new(email, phone, preferred).map_err(|e| {
        let field = match e.code() {
            ErrorCode::ContactMissing => "contact",
            _ => "contact.preferred_channel",
        };
        FieldError::new(field, &e)
    })
}

#[cfg(test)]
mod tests;
