//! The wasm entry point: the one function the loader calls once the bundle is fetched.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::config::WidgetConfig;
use crate::start::Start;

/// Renders the widget into `root` (an element inside the loader's shadow root).
///
/// `config` is the plain object the loader builds from the script tag or the custom
/// element: `{ endpoint: string, lang?: string }`. A missing endpoint is reported to the
/// shopper in the widget instead of throwing, so the host page never sees an exception.
#[wasm_bindgen]
pub fn mount(root: web_sys::HtmlElement, config: JsValue) {
    let config = WidgetConfig::from_js(&config);
    leptos::mount::mount_to(root, move || view! { <Start config=config.clone()/> }).forget();
}
