//! Reading a policy document with the crate's [`json`](crate::json) reader: one parser
//! for the server (which names the bad key to the shop's developer) and the shopper's
//! browser (where serde's generated code was a sixth of the widget).
//!
//! Every section reads the same way: keys left out keep their default (so a policy names
//! only what differs) and unknown keys are refused (so a misspelt key fails loudly instead
//! of silently keeping a default). A test round-trips random policies through serde's
//! writer and this reader, so a field added to a section and forgotten here fails it.

use crate::country::Country;
use crate::domain::{ComplaintReason, Currency, ResolutionKind};
use crate::escalation::{
    BodyUrl, EscalationTargets, NamedBody, TrustmarkKind, TrustmarkMembership,
};
use crate::evidence::MediaType;
use crate::from_json_object;
use crate::json::{FromJson, Json, JsonError, UnknownKeys, code, parsed, read_object};
use crate::time_zone::ShopTimeZone;

use super::{
    ComplaintPolicy, ComplaintWindow, ComplaintWindows, Deadlines, DescriptionRules, EvidenceRules,
    ExcludedCategory, LookupKey, OrderLookup, RequiredFields, ShopIdentity, WithdrawalRules,
};

from_json_object!(ComplaintPolicy, UnknownKeys::Refuse, {
    "shop" => shop,
    "reasons" => reasons,
    "resolutions" => resolutions,
    "required" => required,
    "description" => description,
    "order_lookup" => order_lookup,
    "evidence" => evidence,
    "windows" => windows,
    "deadlines" => deadlines,
    "escalation" => escalation,
    "withdrawal" => withdrawal,
});

from_json_object!(ShopIdentity, UnknownKeys::Refuse, {
    "name" => name,
    "country" => country,
    "time_zone" => time_zone,
    "currency" => currency,
    "languages" => languages,
});

from_json_object!(RequiredFields, UnknownKeys::Refuse, {
    "order_number" => order_number,
    "description" => description,
    "email" => email,
    "incident_date" => incident_date,
    "order_date" => order_date,
    "delivery_date" => delivery_date,
    "evidence" => evidence,
    "items" => items,
});

from_json_object!(DescriptionRules, UnknownKeys::Refuse, {
    "min_chars" => min_chars,
    "max_chars" => max_chars,
});

from_json_object!(OrderLookup, UnknownKeys::Refuse, {
    "key" => key,
    "required" => required,
});

from_json_object!(EvidenceRules, UnknownKeys::Refuse, {
    "accepted" => accepted,
    "max_file_bytes" => max_file_bytes,
    "max_count" => max_count,
    "max_total_bytes" => max_total_bytes,
});

from_json_object!(ComplaintWindows, UnknownKeys::Refuse, {
    "wrong_item" => wrong_item,
    "defective_or_damaged" => defective_or_damaged,
    "not_received" => not_received,
    "late_delivery" => late_delivery,
    "return_or_withdrawal" => return_or_withdrawal,
    "invoice_or_billing" => invoice_or_billing,
    "other" => other,
});

from_json_object!(Deadlines, UnknownKeys::Refuse, {
    "acknowledge_working_days" => acknowledge_working_days,
    "assign_working_days" => assign_working_days,
    "resolve_working_days" => resolve_working_days,
    "board_answer_working_days" => board_answer_working_days,
    "trustmark_wait_working_days" => trustmark_wait_working_days,
    "trustmark_handling_working_days" => trustmark_handling_working_days,
});

from_json_object!(EscalationTargets, UnknownKeys::Refuse, {
    "board" => board,
    "trustmark" => trustmark,
    "adr_body" => adr_body,
    "consumer_ombudsman" => consumer_ombudsman,
    "travel_disputes_committee" => travel_disputes_committee,
    "european_consumer_centres" => european_consumer_centres,
    "chargeback" => chargeback,
    "small_claims_court" => small_claims_court,
});

from_json_object!(WithdrawalRules, UnknownKeys::Refuse, {
    "enabled" => enabled,
    "refund_days" => refund_days,
    "excluded" => excluded,
});

/// `{"days": 14}` or `{"months": 24}`: exactly one key.
impl FromJson for ComplaintWindow {
    fn from_json(json: &Json) -> Result<Self, JsonError> {
        let window = read_object(json, None, UnknownKeys::Refuse, |window, key, value| {
            *window = match (key, &*window) {
                ("days", None) => Some(ComplaintWindow::Days(value.read()?)),
                ("months", None) => Some(ComplaintWindow::Months(value.read()?)),
                _ => return Ok(false),
            };
            Ok(true)
        })?;
        window.ok_or(JsonError::missing("days"))
    }
}

from_json_object!(TrustmarkMembership, UnknownKeys::Refuse,
    required { "name" => name, "member_id" => member_id, "kind" => kind }
    optional { "complaint_url" => complaint_url });

from_json_object!(NamedBody, UnknownKeys::Refuse,
    required { "name" => name }
    optional { "url" => url, "shop_country" => shop_country });

/// An enum read from its wire code with `$parse` (`&str -> Option<Self>`): the enum's own
/// `parse_code` where it has one, an exact match on the code serde writes otherwise.
macro_rules! by_code {
    ($($ty:ty => $parse:expr, $expected:literal;)*) => {$(
        impl FromJson for $ty {
            fn from_json(json: &Json) -> Result<Self, JsonError> {
                code(json, $parse, $expected)
            }
        }
    )*};
}

by_code! {
    ComplaintReason => ComplaintReason::parse_code, "a complaint reason code";
    ResolutionKind => ResolutionKind::parse_code, "a resolution code";
    ExcludedCategory => ExcludedCategory::parse_code, "an excluded category code";
    // `from_mime` and `parse` are lenient (aliases, case, blanks) for what shoppers and
    // browsers type; a policy holds exactly the code serde writes.
    MediaType => |c| MediaType::ALL.into_iter().find(|v| v.mime() == c), "a MIME type the evidence rules know";
    Country => |c| Country::ALL.into_iter().find(|v| v.code() == c), "an ISO 3166-1 alpha-2 code such as \"NL\"";
    Currency => |c| Currency::ALL.into_iter().find(|v| v.code() == c), "an ISO 4217 code such as \"EUR\"";
    LookupKey => |c| match c {
        "email" => Some(LookupKey::Email),
        "post_code" => Some(LookupKey::PostCode),
        _ => None,
    }, "\"email\" or \"post_code\"";
    TrustmarkKind => |c| match c {
        "becom" => Some(TrustmarkKind::Becom),
        "thuiswinkel_waarborg" => Some(TrustmarkKind::ThuiswinkelWaarborg),
        "webshop_keurmerk" => Some(TrustmarkKind::WebshopKeurmerk),
        "trusted_shops" => Some(TrustmarkKind::TrustedShops),
        "other" => Some(TrustmarkKind::Other),
        _ => None,
    }, "a trustmark kind";
}

/// Texts read through their type's own parser.
macro_rules! by_parse {
    ($($ty:ty => $parse:expr;)*) => {$(
        impl FromJson for $ty {
            fn from_json(json: &Json) -> Result<Self, JsonError> {
                parsed(json, $parse)
            }
        }
    )*};
}

by_parse! {
    ShopTimeZone => ShopTimeZone::parse;
    BodyUrl => BodyUrl::parse;
}
