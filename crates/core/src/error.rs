//! The shared vocabulary of field errors: what the server returns as JSON and the widget
//! translates.
//!
//! A [`FieldError`] names the field (`"contact.email"`, `"evidence[2]"`), a stable
//! [`ErrorCode`] and the [`ErrorParams`] a translated message needs ("at most {max}
//! characters"). The widget's message catalogue has one entry per code; the table below
//! is the complete list, and [`ErrorCode::ALL`] lets a test check a catalogue against it.
//!
//! | code | when | params |
//! | --- | --- | --- |
//! | `order_number.missing` | the policy requires an order number and none was given | |
//! | `order_number.length` | not 3 to 40 characters after trimming | `min`, `max`, `actual` |
//! | `order_number.format` | a character other than letters, digits, `-` `_` `/` `#` `.` | `value` (the character) |
//! | `email.missing` | an e-mail is required (policy, or order lookup by e-mail) | |
//! | `email.length` | longer than 254 characters (or a local part over 64) | `max`, `actual` |
//! | `email.format` | not `local@domain`: no or several `@`, empty part, bad character | |
//! | `email.domain` | the domain has no dot or an invalid label | |
//! | `phone.format` | a character other than digits, a leading `+`, spaces, `-`, `.`, `(`, `)` | `value` |
//! | `phone.length` | not 7 to 15 digits | `min`, `max`, `actual` |
//! | `contact.missing` | neither e-mail nor phone | |
//! | `contact.preferred_channel` | the preferred channel is one the shopper left empty | `value` |
//! | `description.missing` | the policy requires a description and none was given | |
//! | `description.too_short` | fewer characters than the policy's minimum | `min`, `actual` |
//! | `description.too_long` | more characters than the policy's maximum | `max`, `actual` |
//! | `description.control_character` | a control character other than newline or tab | |
//! | `amount.missing` | compensation was chosen without an amount | |
//! | `amount.format` | not a decimal amount such as `12.50` for the currency | |
//! | `amount.not_positive` | zero | |
//! | `amount.too_large` | above the largest amount Redress takes | `max` (minor units) |
//! | `amount.currency` | not a currency Redress knows | `value` |
//! | `evidence.missing` | the policy requires evidence and none was attached | |
//! | `evidence.file_name` | empty, over 255 bytes, a path separator or control character | `max` |
//! | `evidence.empty` | a file of zero bytes | |
//! | `evidence.digest` | the SHA-256 is not 64 lowercase hex characters | |
//! | `evidence.too_large` | a file above the policy's per-file limit | `max`, `actual` (bytes) |
//! | `evidence.too_many` | more files than the policy allows | `max`, `actual` |
//! | `evidence.total_too_large` | all files together above the policy's limit | `max`, `actual` (bytes) |
//! | `evidence.type_not_accepted` | a media type the policy does not accept | `value` (MIME), `allowed` |
//! | `reason.missing` | no reason chosen | |
//! | `reason.unknown` | a reason code Redress does not know | `value` |
//! | `reason.not_offered` | a reason this shop's policy does not offer | `value`, `allowed` |
//! | `reason.window_closed` | the complaint window for the reason has closed | `value`, `date` (last day) |
//! | `resolution.missing` | no desired resolution chosen | |
//! | `resolution.unknown` | a resolution code Redress does not know | `value` |
//! | `resolution.not_offered` | a resolution this shop's policy does not offer | `value`, `allowed` |
//! | `post_code.missing` | the order is looked up by postcode and none was given | |
//! | `post_code.format` | not 3 to 10 letters, digits, spaces or `-`, with a digit | `min`, `max` |
//! | `date.missing` | a date the policy requires (field says which) | |
//! | `date.format` | not an ISO date `YYYY-MM-DD` | |
//! | `date.in_future` | after today in the shop's time zone | `date` (today) |
//! | `date.before_order` | before the order date | `date` (order date) |
//! | `items.missing` | the policy requires the items concerned and none were given | |
//! | `items.too_many` | more items than Redress takes | `max`, `actual` |
//! | `items.format` | an empty item or one over 200 characters | `max` |
//! | `name.missing` | a withdrawal without the shopper's name | |
//! | `name.format` | a name over 200 characters or with a control character | `max` |
//! | `goods.missing` | contract details typed (no order found) without the goods bought | |
//! | `goods.format` | a goods description over 500 characters or with a control character | `max` |
//! | `withdrawal.disabled` | the shop's policy does not offer the withdrawal function | |
//! | `withdrawal.window_closed` | the withdrawal period ended | `date` (last day) |
//! | `withdrawal.item_unknown` | an item that is not on the order | `value`, `allowed` |
//! | `withdrawal.item_excluded` | an item of a category the shop excludes from withdrawal | `value` (category code) |
//! | `withdrawal.nothing_eligible` | every item of the order is excluded from withdrawal | `allowed` (category codes) |
//! | `shopper_country.unknown` | not an ISO 3166-1 alpha-2 code of a country Redress knows | `value` |
//! | `category.unknown` | a product category code Redress does not know | `value`, `allowed` |

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

macro_rules! error_codes {
    ($($variant:ident => $code:literal,)*) => {
        /// A stable error code: the key of a message in the widget's catalogue.
        /// Serialized as the dotted string (`"order_number.format"`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum ErrorCode {
            $(
                #[doc = concat!("`", $code, "`")]
                #[serde(rename = $code)]
                $variant,
            )*
        }

        impl ErrorCode {
            /// Every code, in the order of the module's table.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant,)*];

            /// The dotted code, e.g. `"evidence.too_large"`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $code,)*
                }
            }
        }
    };
}

error_codes! {
    OrderNumberMissing => "order_number.missing",
    OrderNumberLength => "order_number.length",
    OrderNumberFormat => "order_number.format",
    EmailMissing => "email.missing",
    EmailLength => "email.length",
    EmailFormat => "email.format",
    EmailDomain => "email.domain",
    PhoneFormat => "phone.format",
    PhoneLength => "phone.length",
    ContactMissing => "contact.missing",
    ContactPreferredChannel => "contact.preferred_channel",
    DescriptionMissing => "description.missing",
    DescriptionTooShort => "description.too_short",
    DescriptionTooLong => "description.too_long",
    DescriptionControlCharacter => "description.control_character",
    AmountMissing => "amount.missing",
    AmountFormat => "amount.format",
    AmountNotPositive => "amount.not_positive",
    AmountTooLarge => "amount.too_large",
    AmountCurrency => "amount.currency",
    EvidenceMissing => "evidence.missing",
    EvidenceFileName => "evidence.file_name",
    EvidenceEmpty => "evidence.empty",
    EvidenceDigest => "evidence.digest",
    EvidenceTooLarge => "evidence.too_large",
    EvidenceTooMany => "evidence.too_many",
    EvidenceTotalTooLarge => "evidence.total_too_large",
    EvidenceTypeNotAccepted => "evidence.type_not_accepted",
    ReasonMissing => "reason.missing",
    ReasonUnknown => "reason.unknown",
    ReasonNotOffered => "reason.not_offered",
    ReasonWindowClosed => "reason.window_closed",
    ResolutionMissing => "resolution.missing",
    ResolutionUnknown => "resolution.unknown",
    ResolutionNotOffered => "resolution.not_offered",
    PostCodeMissing => "post_code.missing",
    PostCodeFormat => "post_code.format",
    DateMissing => "date.missing",
    DateFormat => "date.format",
    DateInFuture => "date.in_future",
    DateBeforeOrder => "date.before_order",
    ItemsMissing => "items.missing",
    ItemsTooMany => "items.too_many",
    ItemsFormat => "items.format",
    NameMissing => "name.missing",
    NameFormat => "name.format",
    GoodsMissing => "goods.missing",
    GoodsFormat => "goods.format",
    WithdrawalDisabled => "withdrawal.disabled",
    WithdrawalWindowClosed => "withdrawal.window_closed",
    WithdrawalItemUnknown => "withdrawal.item_unknown",
    WithdrawalItemExcluded => "withdrawal.item_excluded",
    WithdrawalNothingEligible => "withdrawal.nothing_eligible",
    ShopperCountryUnknown => "shopper_country.unknown",
    CategoryUnknown => "category.unknown",
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The values a translated message interpolates. Only the ones a code uses are set (see
/// the module table); unset ones are left out of the JSON.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ErrorParams {
    /// The smallest allowed length, count or size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<u64>,
    /// The largest allowed length, count or size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u64>,
    /// What the shopper's input measured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<u64>,
    /// The offending value: a character, a code, a MIME type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// A date the message names: a window's last day, the order date, today.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// The values that would have been accepted (codes or MIME types).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allowed: Vec<String>,
}

impl ErrorParams {
    /// Params with `min`, `max` and `actual` set, the shape of every length rule.
    pub fn range(min: u64, max: u64, actual: u64) -> ErrorParams {
        ErrorParams {
            min: Some(min),
            max: Some(max),
            actual: Some(actual),
            ..ErrorParams::default()
        }
    }

    /// Params naming an offending value.
    pub fn value(value: impl Into<String>) -> ErrorParams {
        ErrorParams {
            value: Some(value.into()),
            ..ErrorParams::default()
        }
    }
}

/// A rule a domain type's constructor enforces: every constructor error implements it so
/// any of them can become a [`FieldError`] for the widget.
pub trait FieldRule: std::error::Error {
    /// The stable code of the broken rule.
    fn code(&self) -> ErrorCode;
    /// The values the translated message needs.
    fn params(&self) -> ErrorParams {
        ErrorParams::default()
    }
}

/// One broken rule of one field, as the server returns it and the widget shows it.
///
/// ```
/// use redress_core::error::{ErrorCode, FieldError};
/// use redress_core::domain::OrderNumber;
/// let err = OrderNumber::parse("A1").unwrap_err();
/// let field = FieldError::new("order_number", &err);
/// assert_eq!(field.code(), ErrorCode::OrderNumberLength);
/// assert_eq!(
///     serde_json::to_string(&field).unwrap(),
///     r#"{"field":"order_number","code":"order_number.length","params":{"min":3,"max":40,"actual":2}}"#,
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(deny_unknown_fields)]
#[error("{field}: {code}")]
pub struct FieldError {
    field: String,
    code: ErrorCode,
    // Boxed so a `Result<_, FieldError>` stays small on the happy path.
    #[serde(default)]
    params: Box<ErrorParams>,
}

impl FieldError {
    /// The error of `rule` on the field at `field` (a path such as `"contact.email"`).
    pub fn new(field: impl Into<String>, rule: &dyn FieldRule) -> FieldError {
        FieldError::with(field, rule.code(), rule.params())
    }

    /// An error for a rule no constructor owns (a missing field, a policy rule).
    pub fn with(field: impl Into<String>, code: ErrorCode, params: ErrorParams) -> FieldError {
        FieldError {
            field: field.into(),
            code,
            params: Box::new(params),
        }
    }

    /// The path of the field, e.g. `"contact.email"` or `"evidence[2]"`.
    pub fn field(&self) -> &str {
        &self.field
    }

    /// The stable code of the broken rule.
    pub fn code(&self) -> ErrorCode {
        self.code
    }

    /// The values the translated message needs.
    pub fn params(&self) -> &ErrorParams {
        &self.params
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_doc_table_lists_every_code_once() {
        let docs = include_str!("error.rs");
        for code in ErrorCode::ALL {
            let row = format!("//! | `{}` |", code.as_str());
            assert_eq!(docs.matches(&row).count(), 1, "{code}");
        }
        let rows = docs.lines().filter(|l| l.starts_with("//! | `")).count();
        assert_eq!(rows, ErrorCode::ALL.len());
    }

    #[test]
    fn codes_serialize_as_their_dotted_string_and_back() {
        for &code in ErrorCode::ALL {
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
            assert_eq!(serde_json::from_str::<ErrorCode>(&json).unwrap(), code);
        }
    }

    #[test]
    fn field_errors_round_trip_and_omit_unset_params() {
        let err = FieldError::with(
            "evidence[2]",
            ErrorCode::EvidenceTypeNotAccepted,
            ErrorParams {
                value: Some("video/mp4".into()),
                allowed: vec!["image/jpeg".into()],
                ..ErrorParams::default()
            },
        );
        let json = serde_json::to_string(&err).unwrap();
        assert_eq!(
            json,
            r#"{"field":"evidence[2]","code":"evidence.type_not_accepted","params":{"value":"video/mp4","allowed":["image/jpeg"]}}"#
        );
        assert_eq!(serde_json::from_str::<FieldError>(&json).unwrap(), err);
        assert_eq!(err.to_string(), "evidence[2]: evidence.type_not_accepted");
    }
}
