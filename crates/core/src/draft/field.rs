//! One check per form field, for the widget's instant feedback as the shopper types.
//! [`crate::draft::validate`] runs the very same checks, so the form and the server
//! never disagree.
//!
//! Each check takes the field's text as typed (empty means "not given") and returns the
//! parsed value, `None` for an optional field left empty, or the [`FieldError`] to show.

use chrono::NaiveDate;

use serde::Deserialize;
use serde::de::IntoDeserializer;

use crate::calendar::parse_iso_date;
use crate::country::Country;
use crate::domain::{
    ComplaintReason, Currency, Description, Email, EvidenceFile, FileName, Money, OrderNumber,
    Phone, PostCode, ResolutionKind, Sha256Digest,
};
use crate::error::{ErrorCode, ErrorParams, FieldError, FieldRule};
use crate::escalation::ProductCategory;
use crate::evidence::MediaType;
use crate::policy::{ComplaintPolicy, LookupKey};

use super::EvidenceDraft;

/// The most order lines one complaint names.
pub const MAX_ITEMS: usize = 50;
/// The longest name of one order line, in characters.
pub const MAX_ITEM_CHARS: usize = 200;

fn missing(field: &str, code: ErrorCode) -> FieldError {
    FieldError::with(field, code, ErrorParams::default())
}

fn given(input: &str) -> Option<&str> {
    let trimmed = input.trim();
    (!trimmed.is_empty()).then_some(trimmed)
}

/// The order number (`order_number`); required unless the policy says otherwise.
///
/// ```
/// use redress_core::{draft::field, error::ErrorCode, policy::ComplaintPolicy};
/// let policy = ComplaintPolicy::default();
/// assert_eq!(field::order_number("", &policy).unwrap_err().code(), ErrorCode::OrderNumberMissing);
/// assert_eq!(field::order_number("ab-1", &policy).unwrap().unwrap().as_ref(), "AB-1");
/// ```
pub fn order_number(
    input: &str,
    policy: &ComplaintPolicy,
) -> Result<Option<OrderNumber>, FieldError> {
    match given(input) {
        None if policy.required.order_number => {
            Err(missing("order_number", ErrorCode::OrderNumberMissing))
        }
        None => Ok(None),
        Some(text) => OrderNumber::parse(text)
            .map(Some)
            .map_err(|e| FieldError::new("order_number", &e)),
    }
}

/// Whether the policy needs an e-mail address regardless of the phone number.
pub fn email_required(policy: &ComplaintPolicy) -> bool {
    policy.required.email
        || (policy.order_lookup.required && policy.order_lookup.key == LookupKey::Email)
}

/// The e-mail address (`contact.email`).
pub fn email(input: &str, policy: &ComplaintPolicy) -> Result<Option<Email>, FieldError> {
    match given(input) {
        None if email_required(policy) => Err(missing("contact.email", ErrorCode::EmailMissing)),
        None => Ok(None),
        Some(text) => Email::parse(text)
            .map(Some)
            .map_err(|e| FieldError::new("contact.email", &e)),
    }
}

/// The phone number (`contact.phone`); never required on its own.
pub fn phone(input: &str) -> Result<Option<Phone>, FieldError> {
    given(input)
        .map(|text| Phone::parse(text).map_err(|e| FieldError::new("contact.phone", &e)))
        .transpose()
}

/// Where the shopper lives (`shopper_country`), an ISO 3166-1 alpha-2 code in any case.
/// Left empty, the shopper is taken to live in the shop's country: the complaint is
/// domestic and the European Consumer Centre route stays closed. A shopper abroad must
/// say so, since only then does the centre of their country take the complaint.
///
/// ```
/// use redress_core::{country::Country, draft::field, error::ErrorCode, policy::ComplaintPolicy};
/// let policy = ComplaintPolicy::default();
/// assert_eq!(field::shopper_country("de", &policy).unwrap(), Country::DE);
/// assert_eq!(field::shopper_country("", &policy).unwrap(), policy.shop.country);
/// assert_eq!(field::shopper_country("XX", &policy).unwrap_err().code(), ErrorCode::ShopperCountryUnknown);
/// ```
pub fn shopper_country(input: &str, policy: &ComplaintPolicy) -> Result<Country, FieldError> {
    match given(input) {
        None => Ok(policy.shop.country),
        Some(text) => Country::parse(text).map_err(|_| {
            FieldError::with(
                "shopper_country",
                ErrorCode::ShopperCountryUnknown,
                ErrorParams::value(text.chars().take(20).collect::<String>()),
            )
        }),
    }
}

/// The product category codes, in the order the form offers them.
pub const CATEGORY_CODES: [&str; 2] = ["general", "travel"];

/// What the complaint is about (`category`): `general` or `travel`, the latter opening
/// the travel disputes committee. Left empty, the purchase is general.
///
/// ```
/// use redress_core::{draft::field, error::ErrorCode, escalation::ProductCategory};
/// assert_eq!(field::category("").unwrap(), ProductCategory::General);
/// assert_eq!(field::category("travel").unwrap(), ProductCategory::Travel);
/// assert_eq!(field::category("cruise").unwrap_err().code(), ErrorCode::CategoryUnknown);
/// ```
pub fn category(input: &str) -> Result<ProductCategory, FieldError> {
    let Some(code) = given(input) else {
        return Ok(ProductCategory::default());
    };
    // The category's own serde names are the codes, so the two cannot drift apart.
    let parsed: Result<ProductCategory, serde::de::value::Error> =
        ProductCategory::deserialize(code.into_deserializer());
    parsed.map_err(|_| {
        FieldError::with(
            "category",
            ErrorCode::CategoryUnknown,
            ErrorParams {
                allowed: CATEGORY_CODES.iter().map(|c| (*c).to_owned()).collect(),
                ..ErrorParams::value(code.chars().take(20).collect::<String>())
            },
        )
    })
}

/// The delivery postcode (`post_code`), required when the policy looks orders up by it.
pub fn post_code(input: &str, policy: &ComplaintPolicy) -> Result<Option<PostCode>, FieldError> {
    let lookup = policy.order_lookup;
    match given(input) {
        None if lookup.required && lookup.key == LookupKey::PostCode => {
            Err(missing("post_code", ErrorCode::PostCodeMissing))
        }
        None => Ok(None),
        Some(text) => PostCode::parse(text)
            .map(Some)
            .map_err(|e| FieldError::new("post_code", &e)),
    }
}

/// The reason code (`reason`): known and offered by the policy.
pub fn reason(input: &str, policy: &ComplaintPolicy) -> Result<ComplaintReason, FieldError> {
    let code = given(input).ok_or_else(|| missing("reason", ErrorCode::ReasonMissing))?;
    let reason = ComplaintReason::parse_code(code).ok_or_else(|| {
        FieldError::with("reason", ErrorCode::ReasonUnknown, ErrorParams::value(code))
    })?;
    if !policy.offers_reason(reason) {
        let allowed = policy.reasons.iter().map(|r| r.code().to_owned()).collect();
        return Err(FieldError::with(
            "reason",
            ErrorCode::ReasonNotOffered,
            ErrorParams {
                allowed,
                ..ErrorParams::value(code)
            },
        ));
    }
    Ok(reason)
}

/// Whether `reason` is still open for a delivery on `delivered_on`, judged on the shop's
/// `today`; the error (`reason.window_closed`) names the window's last day.
pub fn reason_window(
    reason: ComplaintReason,
    delivered_on: NaiveDate,
    today: NaiveDate,
    policy: &ComplaintPolicy,
) -> Result<(), FieldError> {
    match policy.windows.status(reason, delivered_on, today) {
        crate::policy::WindowStatus::Closed { last_day } => Err(FieldError::with(
            "reason",
            ErrorCode::ReasonWindowClosed,
            ErrorParams {
                date: Some(last_day),
                ..ErrorParams::value(reason.code())
            },
        )),
        _ => Ok(()),
    }
}

/// The desired resolution code (`resolution`): known and offered by the policy.
pub fn resolution(input: &str, policy: &ComplaintPolicy) -> Result<ResolutionKind, FieldError> {
    let code = given(input).ok_or_else(|| missing("resolution", ErrorCode::ResolutionMissing))?;
    let kind = ResolutionKind::parse_code(code).ok_or_else(|| {
        FieldError::with(
            "resolution",
            ErrorCode::ResolutionUnknown,
            ErrorParams::value(code),
        )
    })?;
    if !policy.offers_resolution(kind) {
        let allowed = policy
            .resolutions
            .iter()
            .map(|r| r.code().to_owned())
            .collect();
        return Err(FieldError::with(
            "resolution",
            ErrorCode::ResolutionNotOffered,
            ErrorParams {
                allowed,
                ..ErrorParams::value(code)
            },
        ));
    }
    Ok(kind)
}

/// The compensation amount (`amount`), in `currency` or, when that is empty, the shop's.
pub fn amount(input: &str, currency: &str, policy: &ComplaintPolicy) -> Result<Money, FieldError> {
    let text = given(input).ok_or_else(|| missing("amount", ErrorCode::AmountMissing))?;
    let currency = match given(currency) {
        None => policy.shop.currency,
        Some(code) => Currency::parse(code).map_err(|e| FieldError::new("amount", &e))?,
    };
    Money::parse_decimal(text, currency).map_err(|e| FieldError::new("amount", &e))
}

/// The description (`description`), measured against the policy's lengths.
pub fn description(
    input: &str,
    policy: &ComplaintPolicy,
) -> Result<Option<Description>, FieldError> {
    if given(input).is_none() && !policy.required.description {
        return Ok(None);
    }
    if given(input).is_none() {
        return Err(missing("description", ErrorCode::DescriptionMissing));
    }
    Description::parse(input, policy.description)
        .map(Some)
        .map_err(|e| FieldError::new("description", &e))
}

/// A calendar date in ISO form (`YYYY-MM-DD`, what `<input type="date">` gives) at
/// `field`, not after `today` (the shop's date).
pub fn date(
    field: &str,
    input: &str,
    required: bool,
    today: NaiveDate,
) -> Result<Option<NaiveDate>, FieldError> {
    let Some(text) = given(input) else {
        return if required {
            Err(missing(field, ErrorCode::DateMissing))
        } else {
            Ok(None)
        };
    };
    let date = parse_iso_date(text).ok_or_else(|| missing(field, ErrorCode::DateFormat))?;
    if date > today {
        return Err(FieldError::with(
            field,
            ErrorCode::DateInFuture,
            ErrorParams {
                date: Some(today),
                ..ErrorParams::default()
            },
        ));
    }
    Ok(Some(date))
}

/// That `date` at `field` is not before the order was placed.
pub fn not_before_order(
    field: &str,
    date: NaiveDate,
    order_date: NaiveDate,
) -> Result<(), FieldError> {
    if date < order_date {
        return Err(FieldError::with(
            field,
            ErrorCode::DateBeforeOrder,
            ErrorParams {
                date: Some(order_date),
                ..ErrorParams::default()
            },
        ));
    }
    Ok(())
}

/// One order line (`items[index]`): 1 to 200 characters, no control characters.
pub fn item(index: usize, input: &str) -> Result<String, FieldError> {
    let text = input.trim();
    let len = text.chars().count();
    if len == 0 || len > MAX_ITEM_CHARS || text.chars().any(char::is_control) {
        return Err(FieldError::with(
            format!("items[{index}]"),
            ErrorCode::ItemsFormat,
            ErrorParams {
                max: Some(MAX_ITEM_CHARS as u64),
                ..ErrorParams::default()
            },
        ));
    }
    Ok(text.to_owned())
}

/// One evidence file (`evidence[index]`): well-formed metadata, a type the policy accepts
/// and a size within its per-file limit. Count and total are checked by
/// [`evidence_totals`].
pub fn evidence_file(
    index: usize,
    draft: &EvidenceDraft,
    policy: &ComplaintPolicy,
) -> Result<EvidenceFile, FieldError> {
    let field = format!("evidence[{index}]");
    let rules = &policy.evidence;
    let accepted = MediaType::from_mime(&draft.media_type).filter(|t| rules.accepts(*t));
    let Some(media_type) = accepted else {
        let allowed = rules.accepted.iter().map(|t| t.mime().to_owned()).collect();
        let value = draft.media_type.chars().take(100).collect::<String>();
        return Err(FieldError::with(
            field,
            ErrorCode::EvidenceTypeNotAccepted,
            ErrorParams {
                allowed,
                ..ErrorParams::value(value)
            },
        ));
    };
    if draft.size_bytes > rules.max_file_bytes {
        return Err(FieldError::with(
            field,
            ErrorCode::EvidenceTooLarge,
            ErrorParams {
                max: Some(rules.max_file_bytes),
                actual: Some(draft.size_bytes),
                ..ErrorParams::default()
            },
        ));
    }
    let as_error = |e: &dyn FieldRule| FieldError::new(field.clone(), e);
    let name = FileName::parse(&draft.file_name).map_err(|e| as_error(&e))?;
    let digest = Sha256Digest::parse(&draft.sha256).map_err(|e| as_error(&e))?;
    EvidenceFile::new(name, media_type, draft.size_bytes, digest).map_err(|e| as_error(&e))
}

/// The evidence as a whole (`evidence`): present if required, not too many files, not
/// too many bytes together.
pub fn evidence_totals(files: &[EvidenceDraft], policy: &ComplaintPolicy) -> Vec<FieldError> {
    let rules = &policy.evidence;
    let mut errors = Vec::new();
    if files.is_empty() && policy.required.evidence {
        errors.push(missing("evidence", ErrorCode::EvidenceMissing));
    }
    if files.len() > usize::from(rules.max_count) {
        errors.push(FieldError::with(
            "evidence",
            ErrorCode::EvidenceTooMany,
            ErrorParams {
                max: Some(u64::from(rules.max_count)),
                actual: Some(files.len() as u64),
                ..ErrorParams::default()
            },
        ));
    }
    let total = files
        .iter()
        .fold(0u64, |sum, f| sum.saturating_add(f.size_bytes));
    if total > rules.max_total_bytes {
        errors.push(FieldError::with(
            "evidence",
            ErrorCode::EvidenceTotalTooLarge,
            ErrorParams {
                max: Some(rules.max_total_bytes),
                actual: Some(total),
                ..ErrorParams::default()
            },
        ));
    }
    errors
}
