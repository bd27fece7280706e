//! What the filing flow asks of the browser: the clock, a random idempotency key, the
//! draft in localStorage, and dates in the shopper's locale. Native builds (the unit
//! tests) get inert stand-ins.

use chrono::{DateTime, Utc};

use super::state::SavedFiling;
use crate::messages::Lang;

/// How a date is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateStyle {
    /// "3 Dec 2026": a window can end years ahead (the 24-month guarantee).
    DayMonthYear,
    /// "Wed 25 Nov"
    WeekdayDayMonth,
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::*;
    use wasm_bindgen::JsValue;

    pub fn now() -> DateTime<Utc> {
        DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
    }

    pub fn new_key() -> String {
        web_sys::window()
            .and_then(|w| w.crypto().ok())
            .map(|c| c.random_uuid())
            .unwrap_or_else(|| format!("{}-{}", js_sys::Date::now(), js_sys::Math::random()))
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

    pub fn format(iso: &str, lang: Lang, style: DateStyle) -> String {
        let date = js_sys::Date::new(&JsValue::from_str(iso));
        if date.get_time().is_nan() {
            return iso.to_owned();
        }
        let options = js_sys::Object::new();
        let set = |k: &str, v: &str| {
            let _ = js_sys::Reflect::set(&options, &k.into(), &v.into());
        };
        if style == DateStyle::WeekdayDayMonth {
            set("weekday", "short");
        }
        if style == DateStyle::DayMonthYear {
            set("year", "numeric");
        }
        set("day", "numeric");
        set("month", "short");
        set("timeZone", "UTC");
        let locale = match lang {
            Lang::En => "en-GB",
            Lang::Nl => "nl-NL",
        };
        String::from(date.to_locale_date_string(locale, &options)).replace(',', "")
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
    pub fn format(iso: &str, _lang: Lang, _style: DateStyle) -> String {
        iso.to_owned()
    }
}

pub use imp::{format as format_date, new_key, now};

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
    serde_json::from_str(&text).ok()
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
