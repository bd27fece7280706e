//! What the filing flow asks of the browser: the clock, a random idempotency key, the
//! draft in localStorage, and dates in the shopper's locale. Native builds (the unit
//! tests) get inert stand-ins.

use chrono::{DateTime, Utc};

use redress_core::domain::Money;
use redress_core::json::FromJson;

use super::state::SavedFiling;
use crate::messages::Lang;

/// How a date is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateStyle {
    /// "3 Dec 2026": a window can end years ahead (the 24-month guarantee).
    DayMonthYear,
    /// "Wed 25 Nov"
    WeekdayDayMonth,
    /// "Sat 21 Nov 2026 21:40" in the shopper's own time zone: when an event happened.
    DateTime,
    /// "21:40" in the shopper's own time zone.
    Time,
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::*;
    use wasm_bindgen::JsValue;

    pub fn now() -> DateTime<Utc> {
        DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
    }

    /// 128 random bits in hex. `getRandomValues` works on every page (`randomUUID` only in
    /// secure contexts, and throws elsewhere); the clock-and-`Math.random` fallback is
    /// written as integers, which keeps float formatting out of the bundle.
    pub fn new_key() -> String {
        let mut bytes = [0u8; 16];
        let random = web_sys::window()
            .and_then(|w| w.crypto().ok())
            .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
        if random {
            return bytes.iter().map(|b| format!("{b:02x}")).collect();
        }
        format!(
            "{}-{}",
            js_sys::Date::now() as u64,
            (js_sys::Math::random() * 1e15) as u64
        )
    }

    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok()?
    }

    pub fn read(key: &str) -> Option<String> {
        storage()?.get_item(key).ok()?
    }

    pub fn write(key: &str, value: &str) {
        if let Some(s) = storage() {
            let _ = s.set_item(key, value);
        }
    }

    pub fn remove(key: &str) {
        if let Some(s) = storage() {
            let _ = s.remove_item(key);
        }
    }

    pub fn page_url() -> String {
        web_sys::window()
            .and_then(|w| w.location().href().ok())
            .map(|href| href.split('#').next().unwrap_or_default().to_owned())
            .unwrap_or_default()
    }

    pub fn page_fragment() -> String {
        web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default()
    }

    pub fn download_url(text: &str, media_type: &str) -> Option<String> {
        let parts = js_sys::Array::of1(&JsValue::from_str(text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(media_type);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        web_sys::Url::create_object_url_with_blob(&blob).ok()
    }

    pub fn format(iso: &str, lang: Lang, style: DateStyle) -> String {
        let date = js_sys::Date::new(&JsValue::from_str(iso));
        if date.get_time().is_nan() {
            return iso.to_owned();
        }
        let options = js_sys::Object::new();
        let set = |k: &str, v: &str| {
            let _ = js_sys::Reflect::set(&options, &k.into(), &v.into());
        };
        if matches!(style, DateStyle::WeekdayDayMonth | DateStyle::DateTime) {
            set("weekday", "short");
        }
        if matches!(style, DateStyle::DayMonthYear | DateStyle::DateTime) {
            set("year", "numeric");
        }
        if style != DateStyle::Time {
            set("day", "numeric");
            set("month", "short");
        }
        if matches!(style, DateStyle::DateTime | DateStyle::Time) {
            set("hour", "2-digit");
            set("minute", "2-digit");
        } else {
            // A due day is a calendar day, not a moment: never shifted by the time zone.
            set("timeZone", "UTC");
        }
        let locale = lang.locale();
        String::from(date.to_locale_string(locale, &options)).replace(',', "")
    }

    /// The browser writes the amount as the shopper's locale does (`€12.50`, `12,50 €`),
    /// so no float formatting enters the bundle.
    pub fn format_money(money: Money, lang: Lang) -> String {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"style".into(), &"currency".into());
        let currency = money.currency();
        let _ = js_sys::Reflect::set(&options, &"currency".into(), &currency.code().into());
        let locales = js_sys::Array::of1(&lang.locale().into());
        let amount = money.minor_units() as f64 / 10f64.powi(currency.decimals() as i32);
        js_sys::Intl::NumberFormat::new(&locales, &options)
            .format()
            .call1(&JsValue::NULL, &amount.into())
            .ok()
            .and_then(|text| text.as_string())
            .unwrap_or_else(|| money.to_string())
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::*;

    pub fn now() -> DateTime<Utc> {
        DateTime::default()
    }
    pub fn new_key() -> String {
        String::from("native")
    }
    pub fn read(_key: &str) -> Option<String> {
        None
    }
    pub fn write(_key: &str, _value: &str) {}
    pub fn remove(_key: &str) {}
    pub fn page_url() -> String {
        String::new()
    }
    pub fn page_fragment() -> String {
        String::new()
    }
    pub fn download_url(_text: &str, _media_type: &str) -> Option<String> {
        None
    }
    pub fn format(iso: &str, _lang: Lang, _style: DateStyle) -> String {
        iso.to_owned()
    }
    pub fn format_money(money: Money, _lang: Lang) -> String {
        money.to_string()
    }
}

pub use imp::{
    download_url, format as format_date, format_money, new_key, now, page_fragment, page_url,
};

/// The current moment as RFC 3339, for formatting "last checked" times.
pub fn now_iso() -> String {
    now().to_rfc3339()
}

fn pointer_key(endpoint: &str) -> String {
    format!("redress-draft:{endpoint}")
}

fn draft_key(endpoint: &str, order_number: &str) -> String {
    format!("redress-draft:{endpoint}:{order_number}")
}

/// The draft saved for this endpoint's most recent order, if any.
pub fn load_current(endpoint: &str) -> Option<SavedFiling> {
    let order = imp::read(&pointer_key(endpoint))?;
    load(endpoint, &order)
}

/// The draft saved for this endpoint and order, if any.
pub fn load(endpoint: &str, order_number: &str) -> Option<SavedFiling> {
    let text = imp::read(&draft_key(endpoint, order_number))?;
    SavedFiling::from_json_text(&text).ok()
}

/// Saves the draft (keyed by endpoint and order number) and marks it the one to resume.
pub fn save(endpoint: &str, filing: &SavedFiling) {
    let number = &filing.order.order_number;
    if let Ok(text) = serde_json::to_string(filing) {
        imp::write(&draft_key(endpoint, number), &text);
        imp::write(&pointer_key(endpoint), number);
    }
}

/// Forgets the draft after it was filed (or abandoned for another order).
pub fn clear(endpoint: &str, order_number: &str) {
    imp::remove(&draft_key(endpoint, order_number));
    imp::remove(&pointer_key(endpoint));
}

fn filed_key(endpoint: &str) -> String {
    format!("redress-filed:{endpoint}")
}

/// Remembers a filed complaint on this device, so the shopper can follow it later from
/// the widget without the link. Newest first, at most ten.
pub fn remember_filed(endpoint: &str, reference: &str, token: &str) {
    let mut list = remembered_filed(endpoint);
    list.retain(|(r, _)| r != reference);
    list.insert(0, (reference.to_owned(), token.to_owned()));
    list.truncate(10);
    if let Ok(text) = serde_json::to_string(&list) {
        imp::write(&filed_key(endpoint), &text);
    }
}

/// The complaints filed from this device at this endpoint: `(reference, token)`.
pub fn remembered_filed(endpoint: &str) -> Vec<(String, String)> {
    imp::read(&filed_key(endpoint))
        .and_then(|text| FromJson::from_json_text(&text).ok())
        .unwrap_or_default()
}

/// Forgets the complaints filed from this device at this endpoint (a shared computer);
/// the complaints themselves stay with the shop, reachable by order number and e-mail.
pub fn forget_filed(endpoint: &str) {
    imp::remove(&filed_key(endpoint));
}

/// A text saved in the browser under `key`, if any.
pub fn saved_text(key: &str) -> Option<String> {
    imp::read(key).filter(|text| !text.is_empty())
}

/// Saves `text` under `key`; an empty text forgets it.
pub fn save_text(key: &str, text: &str) {
    if text.is_empty() {
        imp::remove(key);
    } else {
        imp::write(key, text);
    }
}
