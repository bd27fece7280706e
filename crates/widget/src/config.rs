//! What the shop configured on the script tag or the `<redress-complaint>` element.

use crate::messages::Lang;

/// The widget's settings, read once at mount.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WidgetConfig {
    /// The shop's API base, e.g. `https://shop.example/api`; calls append `/orders/lookup`.
    pub endpoint: String,
    /// The shopper's language: `data-lang`, else the browser's, else English.
    pub lang: Lang,
    /// What the widget opens with (`data-mode`).
    pub mode: Mode,
    /// Where the shop's signed membership attestation is (`data-trustmark`, e.g.
    /// `https://becom.example/api/trustmark/attestations/B-2231`); the trustmark's keys are
    /// read beside it (`.../trustmark/keys`). Empty: no badge.
    pub trustmark: String,
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// The loader's `switch(mode)`: mounts the bundle of another flow in this widget's
    /// place (the complaint bundle has no withdrawal or trustmark page of its own).
    static SWITCH: std::cell::RefCell<Option<js_sys::Function>> = const { std::cell::RefCell::new(None) };
}

/// Keeps the loader's `switch` function from the mount config.
#[cfg(target_arch = "wasm32")]
pub fn keep_switch(config: &wasm_bindgen::JsValue) {
    use wasm_bindgen::JsCast;
    let switch = js_sys::Reflect::get(config, &"switch".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    SWITCH.with(|slot| *slot.borrow_mut() = switch);
}

/// Mounts the bundle of `mode` (`withdraw`, `trustmark`) in this widget's place.
pub fn switch_bundle(mode: &str) {
    #[cfg(target_arch = "wasm32")]
    SWITCH.with(|slot| {
        if let Some(switch) = slot.borrow().as_ref() {
            let _ = switch.call1(&wasm_bindgen::JsValue::NULL, &mode.into());
        }
    });
    #[cfg(not(target_arch = "wasm32"))]
    let _ = mode;
}

/// The widget's first flow, from `data-mode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A complaint about an order (the default).
    Complaint,
    /// The EU withdrawal function: "withdraw from contract here".
    Withdraw,
    /// A trustmark's complaint page about its member shops (`www/trustmark.html`).
    Trustmark,
}

impl Mode {
    /// Reads `data-mode`; anything but `withdraw` or `trustmark` is the complaint flow.
    pub fn from_attribute(value: Option<&str>) -> Mode {
        match value.map(str::trim) {
            Some("withdraw") => Mode::Withdraw,
            Some("trustmark") => Mode::Trustmark,
            _ => Mode::Complaint,
        }
    }
}

impl WidgetConfig {
    /// Builds the settings from the shop's attribute values and the browser's language.
    pub fn new(endpoint: &str, lang: Option<&str>, browser_lang: Option<&str>) -> WidgetConfig {
        let lang = lang
            .and_then(Lang::from_tag)
            .or_else(|| browser_lang.and_then(Lang::from_tag))
            .unwrap_or(Lang::En);
        WidgetConfig {
            endpoint: endpoint.trim().trim_end_matches('/').to_owned(),
            lang,
            mode: Mode::Complaint,
            trustmark: String::new(),
        }
    }

    /// Reads `{ endpoint, lang }` from the loader's object; absent keys become empty.
    #[cfg(target_arch = "wasm32")]
    pub fn from_js(value: &wasm_bindgen::JsValue) -> WidgetConfig {
        let read = |key: &str| {
            js_sys::Reflect::get(value, &wasm_bindgen::JsValue::from_str(key))
                .ok()
                .and_then(|v| v.as_string())
        };
        let browser = web_sys::window().and_then(|w| w.navigator().language());
        WidgetConfig {
            mode: Mode::from_attribute(read("mode").as_deref()),
            trustmark: read("trustmark").unwrap_or_default().trim().to_owned(),
            ..WidgetConfig::new(
                &read("endpoint").unwrap_or_default(),
                read("lang").as_deref(),
                browser.as_deref(),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shop_language_wins_over_the_browser_and_unknown_falls_back_to_english() {
        assert_eq!(
            WidgetConfig::new("x", Some("nl"), Some("en-GB")).lang,
            Lang::Nl
        );
        assert_eq!(WidgetConfig::new("x", None, Some("nl-BE")).lang, Lang::Nl);
        assert_eq!(
            WidgetConfig::new("x", Some("xx"), Some("yy")).lang,
            Lang::En
        );
    }

    #[test]
    fn each_mode_opens_its_own_flow() {
        assert_eq!(Mode::from_attribute(Some("withdraw")), Mode::Withdraw);
        assert_eq!(Mode::from_attribute(Some("complaint")), Mode::Complaint);
        assert_eq!(Mode::from_attribute(Some("trustmark")), Mode::Trustmark);
        assert_eq!(Mode::from_attribute(None), Mode::Complaint);
    }

    #[test]
    fn endpoint_loses_its_trailing_slash_so_paths_join_cleanly() {
        let config = WidgetConfig::new(" https://shop.example/api/ ", None, None);
        assert_eq!(config.endpoint, "https://shop.example/api");
    }
}
