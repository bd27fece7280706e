//! The wasm entry point: the one function the desk's loader calls.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::app::Desk;
use crate::device;

/// Renders the desk into `root`. `config` is `{ endpoint?: string, lang?: string }`
/// (the API base, `/api` by default; the page's language).
#[wasm_bindgen]
pub fn mount(root: web_sys::HtmlElement, config: JsValue) {
    let read = |key: &str| {
        js_sys::Reflect::get(&config, &JsValue::from_str(key))
            .ok()
            .and_then(|v| v.as_string())
    };
    let endpoint = read("endpoint")
        .map(|e| e.trim().trim_end_matches('/').to_owned())
        .filter(|e| !e.is_empty())
        .unwrap_or_else(|| "/api".to_owned());
    let lang = device::initial_lang(read("lang").as_deref());
    leptos::mount::mount_to(
        root,
        move || view! { <Desk endpoint=endpoint.clone() lang=lang/> },
    )
    .forget();
}
