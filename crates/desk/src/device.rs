//! What the desk keeps in the browser: the token for this tab only (session storage, so
//! closing the tab signs out), the chosen language, the shop's today, and which complaint is
//! open (the URL's fragment, so reload and the back button work).

use chrono::NaiveDate;
use redress_core::time_zone::ShopTimeZone;

use crate::messages::Lang;

/// The complaint reference in a fragment like `#/complaint/C-7K2M9Q4XPA`.
///
/// ```
/// use redress_desk::device::reference_in;
/// assert_eq!(reference_in("#/complaint/C-7K2M9Q4XPA").as_deref(), Some("C-7K2M9Q4XPA"));
/// assert_eq!(reference_in("#/"), None);
/// ```
pub fn reference_in(fragment: &str) -> Option<String> {
    fragment
        .strip_prefix("#/complaint/")
        .filter(|r| !r.is_empty() && r.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        .map(str::to_owned)
}

/// The fragment of the withdrawals list.
pub const WITHDRAWALS: &str = "#/withdrawals";

/// The fragment that opens `reference`.
pub fn fragment_for(reference: Option<&str>) -> String {
    match reference {
        Some(r) => format!("#/complaint/{r}"),
        None => "#/".to_owned(),
    }
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::*;

    const TOKEN_KEY: &str = "redress-desk-token";
    const LANG_KEY: &str = "redress-desk-lang";

    fn session() -> Option<web_sys::Storage> {
        web_sys::window()?.session_storage().ok()?
    }

    fn local() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok()?
    }

    /// The token this tab signed in with.
    pub fn load_token() -> Option<String> {
        session()?
            .get_item(TOKEN_KEY)
            .ok()?
            .filter(|t| !t.is_empty())
    }

    /// Keeps the token for this tab; `None` forgets it (sign-out).
    pub fn store_token(token: Option<&str>) {
        if let Some(storage) = session() {
            let _ = match token {
                Some(t) => storage.set_item(TOKEN_KEY, t),
                None => storage.remove_item(TOKEN_KEY),
            };
        }
    }

    /// The language chosen earlier, else the page's, else the browser's, else English.
    pub fn initial_lang(page: Option<&str>) -> Lang {
        let stored = local().and_then(|s| s.get_item(LANG_KEY).ok().flatten());
        let browser = web_sys::window().and_then(|w| w.navigator().language());
        [stored.as_deref(), page, browser.as_deref()]
            .into_iter()
            .flatten()
            .find_map(Lang::from_tag)
            .unwrap_or(Lang::En)
    }

    /// Remembers the language and sets the document's `lang`.
    pub fn store_lang(lang: Lang) {
        if let Some(storage) = local() {
            let _ = storage.set_item(LANG_KEY, lang.tag());
        }
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", lang.tag());
        }
    }

    /// The complaint the URL opens.
    pub fn open_reference() -> Option<String> {
        let hash = web_sys::window()?.location().hash().ok()?;
        reference_in(&hash)
    }

    /// Whether the URL's fragment asks for the withdrawals list.
    pub fn showing_withdrawals() -> bool {
        web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .is_some_and(|hash| hash == WITHDRAWALS)
    }

    /// Opens `reference` (or the inbox) by the URL's fragment.
    pub fn navigate(reference: Option<&str>) {
        if let Some(window) = web_sys::window() {
            let _ = window.location().set_hash(&fragment_for(reference));
        }
    }

    /// Today in the shop (its time zone), the day its deadlines count from.
    pub fn today(zone: ShopTimeZone) -> NaiveDate {
        let now =
            chrono::DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default();
        zone.local_date(now)
    }

    /// The window's title: `<what> · Redress`.
    pub fn set_title(what: &str) {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(&format!("{what} · Redress"));
        }
    }

    /// Opens the browser's print dialog (the dossier's print stylesheet applies).
    pub fn print() {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::*;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::*;

    /// Natively there is no storage: never signed in.
    pub fn load_token() -> Option<String> {
        None
    }
    pub fn store_token(_token: Option<&str>) {}
    pub fn initial_lang(page: Option<&str>) -> Lang {
        page.and_then(Lang::from_tag).unwrap_or(Lang::En)
    }
    pub fn store_lang(_lang: Lang) {}
    pub fn open_reference() -> Option<String> {
        None
    }
    pub fn showing_withdrawals() -> bool {
        false
    }
    pub fn navigate(_reference: Option<&str>) {}
    pub fn today(_zone: ShopTimeZone) -> NaiveDate {
        NaiveDate::default()
    }
    pub fn print() {}
    pub fn set_title(_what: &str) {}
}

#[cfg(not(target_arch = "wasm32"))]
pub use native::*;
