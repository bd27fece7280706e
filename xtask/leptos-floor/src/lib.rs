//! The smallest page a Leptos widget can be: a signal, a button, a text input and a
//! conditional paragraph, mounted by one exported function as the widget's `mount` is.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// Mounts the page into the document body.
#[wasm_bindgen]
pub fn mount() {
    mount_to_body(|| {
        let count = RwSignal::new(0u32);
        let name = RwSignal::new(String::new());
        let often = move || count.get() > 2;
        view! {
            <section>
                <h2>"Hello " {move || name.get()}</h2>
                <input prop:value=move || name.get() on:input:target=move |ev| name.set(ev.target().value())/>
                <button on:click=move |_| count.update(|c| *c += 1)>{move || count.get()}</button>
                <Show when=often>
                    <p>"Clicked three times"</p>
                </Show>
            </section>
        }
    });
}
