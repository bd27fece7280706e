//! The wasm entry point: the one function the loader calls once the bundle is fetched.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::config::WidgetConfig;
use crate::start::Start;

/// Renders the widget into `root` (an element inside the loader's shadow root).
///
/// `config` is the plain object the loader builds from the script tag or the custom
/// element: `{ endpoint: string, lang?: string, pack: string }`, `pack` being the
/// language pack text the loader fetched for `lang`; the widget speaks the pack's
/// language. A missing endpoint is reported to the shopper in the widget instead of
/// throwing. A pack that cannot be read throws, and the loader shows its own "could not
/// load" notice: the wasm holds no words of its own to say anything with.
#[wasm_bindgen]
pub fn mount(root: web_sys::HtmlElement, config: JsValue) -> Result<(), JsError> {
    let pack = js_sys::Reflect::get(&config, &JsValue::from_str("pack"))
        .ok()
        .and_then(|p| p.as_string())
        .unwrap_or_default();
    crate::config::keep_switch(&config);
    let mut config = WidgetConfig::from_js(&config);
    // The pack lives as long as the page.
    config.lang = crate::messages::install_pack(Box::leak(pack.into_boxed_str()))?;
    leptos::mount::mount_to(root, move || view! { <Start config=config.clone()/> }).forget();
    Ok(())
}
