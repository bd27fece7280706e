//! The withdrawal form as the widget sends it, and its validation.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::domain::{Email, PostCode};
use crate::draft::field;
use crate::error::{ErrorCode, ErrorParams, FieldError};
use crate::policy::ComplaintPolicy;

use super::{
    ContractDetails, Eligibility, GoodsDescription, KeptItem, OrderFacts, ShopperName, Withdrawal,
    WithdrawalWindow, refund_deadline, withdrawal_window,
};

/// A withdrawal as the shopper filled it in. Every field is optional on the wire (an
/// empty string is "not given"); unknown keys are refused. Read with
/// [`crate::json::FromJson`] by the widget (a saved form) and the server alike; written
/// with serde.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct WithdrawalDraft {
    /// The shopper's name.
    pub name: String,
    /// The order number as typed.
    pub order_number: String,
    /// The e-mail address the order was looked up by, if any.
    pub lookup_email: String,
    /// The delivery postcode the order was looked up by, if any: the proof on a shop
    /// whose policy's `order_lookup.key` is `post_code`. Left out of the JSON when
    /// empty, so a draft written before it existed, or for an e-mail shop, reads and
    /// writes as before.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub lookup_postcode: String,
    /// The order lines withdrawn from; empty means all of them.
    pub items: Vec<String>,
    /// Where the acknowledgement goes.
    pub email: String,
    /// When the order was placed, `YYYY-MM-DD`; needed when no order was found.
    pub order_date: String,
    /// What was bought; needed when no order was found.
    pub goods: String,
}

// No serde deserializer: the one reader is the crate's (see `crate::json`), and
// `tests::props::drafts_read_back_whole` checks that every key serde writes is read back.
crate::from_json_object!(WithdrawalDraft, crate::json::UnknownKeys::Refuse, {
    "name" => name, "order_number" => order_number, "lookup_email" => lookup_email,
    "lookup_postcode" => lookup_postcode, "items" => items, "email" => email,
    "order_date" => order_date, "goods" => goods,
});

fn error(field: impl Into<String>, code: ErrorCode, params: ErrorParams) -> FieldError {
    FieldError::with(field, code, params)
}

/// Validates a withdrawal received at `now` against `policy`, returning it or **every**
/// field error at once. `order` is what the shop's lookup found, `None` when it found
/// nothing: then the shopper's typed order date and goods identify the contract, and
/// the window is left to the shop to judge.
///
/// Field paths: `withdrawal` (disabled, window closed), `name`, `order_number`,
/// `lookup_email`, `lookup_postcode`, `email`, `order_date`, `goods`, `items` (too many,
/// nothing eligible)
/// and `items[i]`.
///
/// ```
/// use chrono::{NaiveDate, TimeZone, Utc};
/// use redress_core::error::ErrorCode;
/// use redress_core::policy::ComplaintPolicy;
/// use redress_core::withdrawal::{validate_withdrawal, OrderFacts, OrderItem, WithdrawalDraft};
///
/// let policy = ComplaintPolicy::default();
/// let order = OrderFacts {
///     delivered_on: NaiveDate::from_ymd_opt(2026, 11, 10),
///     items: vec![OrderItem { name: "Kettle".into(), category: None }],
/// };
/// let draft = WithdrawalDraft {
///     name: "Anna de Vries".into(),
///     order_number: "WEB-1001".into(),
///     email: "anna@example.nl".into(),
///     ..WithdrawalDraft::default()
/// };
/// let now = Utc.with_ymd_and_hms(2026, 11, 21, 12, 0, 0).unwrap();
/// let withdrawal = validate_withdrawal(&draft, &policy, Some(&order), now).unwrap();
/// assert_eq!(withdrawal.items(), ["Kettle"]);
/// assert_eq!(withdrawal.refund_due(), NaiveDate::from_ymd_opt(2026, 12, 5));
///
/// let late = Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0).unwrap();
/// let errors = validate_withdrawal(&draft, &policy, Some(&order), late).unwrap_err();
/// assert_eq!(errors[0].code(), ErrorCode::WithdrawalWindowClosed);
/// assert_eq!(errors[0].params().date, NaiveDate::from_ymd_opt(2026, 11, 24));
/// ```
pub fn validate_withdrawal(
    draft: &WithdrawalDraft,
    policy: &ComplaintPolicy,
    order: Option<&OrderFacts>,
    now: DateTime<Utc>,
) -> Result<Withdrawal, Vec<FieldError>> {
    let mut found = Found::default();
    let today = policy.today(now);

    let disabled = (!policy.withdrawal.enabled).then(|| {
        error(
            "withdrawal",
            ErrorCode::WithdrawalDisabled,
            ErrorParams::default(),
        )
    });
    let window = order.map(|o| withdrawal_window(o.delivered_on, policy, now));
    let closed = match window {
        Some(WithdrawalWindow::Closed { last_day }) => Some(error(
            "withdrawal",
            ErrorCode::WithdrawalWindowClosed,
            ErrorParams {
                date: Some(last_day),
                ..ErrorParams::default()
            },
        )),
        _ => None,
    };
    found.keep(disabled.map_or(Ok(()), Err));
    found.keep(closed.map_or(Ok(()), Err));

    let name = found.keep(ShopperName::parse(&draft.name).map_err(|e| FieldError::new("name", &e)));
    let order_number = found.keep(match (draft.order_number.trim(), order) {
        ("", Some(_)) => Err(error(
            "order_number",
            ErrorCode::OrderNumberMissing,
            ErrorParams::default(),
        )),
        ("", None) => Ok(None),
        (typed, _) => crate::domain::OrderNumber::parse(typed)
            .map(Some)
            .map_err(|e| FieldError::new("order_number", &e)),
    });
    let lookup_email = found.keep(optional_email("lookup_email", &draft.lookup_email));
    let lookup_postcode = found.keep(optional_postcode(&draft.lookup_postcode));
    let confirmation_email = found.keep(match optional_email("email", &draft.email) {
        Ok(Some(email)) => Ok(email),
        Ok(None) => Err(error(
            "email",
            ErrorCode::EmailMissing,
            ErrorParams::default(),
        )),
        Err(e) => Err(e),
    });

    let typed_needed = order.is_none();
    let order_date = found.keep(field::date(
        "order_date",
        &draft.order_date,
        typed_needed,
        today,
    ));
    let goods = found.keep(match draft.goods.trim() {
        "" if !typed_needed => Ok(None),
        typed => GoodsDescription::parse(typed)
            .map(Some)
            .map_err(|e| FieldError::new("goods", &e)),
    });

    let items = keep_items(draft, policy, order, &mut found.errors);

    let contract = match (order_date, goods) {
        (Some(Some(order_date)), Some(Some(goods))) => Some(ContractDetails { order_date, goods }),
        _ => None,
    };
    let lookup = lookup_email.zip(lookup_postcode);
    match (name, order_number, lookup, confirmation_email, items) {
        (
            Some(name),
            Some(order_number),
            Some((lookup_email, lookup_postcode)),
            Some(confirmation_email),
            Some((items, kept)),
        ) if found.errors.is_empty() => Ok(Withdrawal {
            name,
            order_number,
            lookup_email,
            lookup_postcode,
            confirmation_email,
            items,
            kept,
            contract,
            received_at: now,
            received_on: today,
            window,
            refund_due: refund_deadline(today, policy),
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

fn optional_email(field: &str, input: &str) -> Result<Option<Email>, FieldError> {
    match input.trim() {
        "" => Ok(None),
        typed => Email::parse(typed)
            .map(Some)
            .map_err(|e| FieldError::new(field, &e)),
    }
}

fn optional_postcode(input: &str) -> Result<Option<PostCode>, FieldError> {
    match input.trim() {
        "" => Ok(None),
        typed => PostCode::parse(typed)
            .map(Some)
            .map_err(|e| FieldError::new("lookup_postcode", &e)),
    }
}

/// The lines withdrawn from and the lines a whole-order withdrawal keeps, or `None`
/// after pushing the errors.
fn keep_items(
    draft: &WithdrawalDraft,
    policy: &ComplaintPolicy,
    order: Option<&OrderFacts>,
    errors: &mut Vec<FieldError>,
) -> Option<(Vec<String>, Vec<KeptItem>)> {
    let before = errors.len();
    let rules = &policy.withdrawal;
    if draft.items.len() > field::MAX_ITEMS {
        errors.push(error(
            "items",
            ErrorCode::ItemsTooMany,
            ErrorParams {
                max: Some(field::MAX_ITEMS as u64),
                actual: Some(draft.items.len() as u64),
                ..ErrorParams::default()
            },
        ));
        return None;
    }
    let mut items = Vec::new();
    for (i, typed) in draft.items.iter().enumerate() {
        let typed = match field::item(i, typed) {
            Ok(typed) => typed,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        let Some(order) = order else {
            items.push(typed);
            continue;
        };
        match order.items.iter().find(|item| item.is_named(&typed)) {
            None => errors.push(error(
                format!("items[{i}]"),
                ErrorCode::WithdrawalItemUnknown,
                ErrorParams {
                    allowed: order.items.iter().map(|item| item.name.clone()).collect(),
                    ..ErrorParams::value(typed.chars().take(200).collect::<String>())
                },
            )),
            Some(item) => match item.eligibility(rules) {
                Eligibility::Excluded(category) => errors.push(error(
                    format!("items[{i}]"),
                    ErrorCode::WithdrawalItemExcluded,
                    ErrorParams::value(category.code()),
                )),
                Eligibility::Eligible if !items.contains(&item.name) => {
                    items.push(item.name.clone())
                }
                Eligibility::Eligible => {}
            },
        }
    }
    let mut kept = Vec::new();
    if let (true, Some(order)) = (draft.items.is_empty(), order) {
        for (item, eligibility) in order.eligibility(rules) {
            match eligibility {
                Eligibility::Eligible => items.push(item.name.clone()),
                Eligibility::Excluded(category) => kept.push(KeptItem {
                    name: item.name.clone(),
                    category,
                }),
            }
        }
        if items.is_empty() && !kept.is_empty() {
            let mut allowed: Vec<String> =
                kept.iter().map(|k| k.category.code().to_owned()).collect();
            allowed.sort();
            allowed.dedup();
            errors.push(error(
                "items",
                ErrorCode::WithdrawalNothingEligible,
                ErrorParams {
                    allowed,
                    ..ErrorParams::default()
                },
            ));
        }
    }
    (errors.len() == before).then_some((items, kept))
}
