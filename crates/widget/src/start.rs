//! What the shopper sees on opening the widget: the complaint a tracking link points at
//! (`#redress-track=...` on the shop's page), or the order lookup that starts a new one.

use leptos::prelude::*;

use crate::config::WidgetConfig;
use crate::filing::page_fragment;
use crate::find_order::FindOrder;
use crate::tracker::{Tracker, parse_tracking_fragment};

/// The complaint being followed: `(reference, token)`.
pub type Following = RwSignal<Option<(String, String)>>;

/// The widget's first screen.
#[component]
pub fn Start(config: WidgetConfig) -> impl IntoView {
    let following: Following = RwSignal::new(parse_tracking_fragment(&page_fragment()));
    let t = config.lang.messages();
    move || {
        match following.get() {
        Some((reference, token)) => view! {
            <section class="redress-screen" lang=config.lang.tag()>
                <Tracker endpoint=config.endpoint.clone() lang=config.lang reference=reference token=token/>
                <button type="button" class="redress-button redress-button-secondary" on:click=move |_| following.set(None)>
                    {t.new_complaint}
                </button>
            </section>
        }
        .into_any(),
        None => view! { <FindOrder config=config.clone() following=following/> }.into_any(),
    }
    }
}
