//! What the shopper sees on opening the widget: the complaint a tracking link points at
//! (`#redress-track=...` on the shop's page), the withdrawal flow (`data-mode="withdraw"`
//! or its entry on the lookup screen), the order lookup that starts a complaint, or a
//! trustmark's complaint page (`data-mode="trustmark"`); above them the shop's trustmark
//! badge when one verifies for this page.

use leptos::prelude::*;

use crate::config::{Mode, WidgetConfig};
use crate::filing::page_fragment;
use crate::find_order::FindOrder;
use crate::tracker::{Tracker, parse_tracking_fragment};
use crate::trustmark::{MemberBadge, TrustmarkPage};
use crate::withdrawal::Withdraw;

/// Which flow the widget shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    /// Following a filed complaint: `(reference, token)`.
    Track(String, String),
    Complaint,
    Withdraw,
    /// A trustmark's complaint page about its member shops.
    Trustmark,
}

/// The widget's current flow, switched from inside the flows.
pub type CurrentScreen = RwSignal<Screen>;

/// The widget's first screen.
#[component]
pub fn Start(config: WidgetConfig) -> impl IntoView {
    let first = match (config.mode, parse_tracking_fragment(&page_fragment())) {
        (Mode::Trustmark, _) => Screen::Trustmark,
        (_, Some((reference, token))) => Screen::Track(reference, token),
        (Mode::Withdraw, None) => Screen::Withdraw,
        (Mode::Complaint, None) => Screen::Complaint,
    };
    let screen: CurrentScreen = RwSignal::new(first);
    let t = config.lang.messages();
    let badge = view! { <MemberBadge attestation_url=config.trustmark.clone() lang=config.lang/> };
    let flows = move || {
        match screen.get() {
        Screen::Track(reference, token) => view! {
            <section class="redress-screen" lang=config.lang.tag()>
                <Tracker endpoint=config.endpoint.clone() lang=config.lang reference=reference token=token/>
                <button type="button" class="redress-button redress-button-secondary" on:click=move |_| screen.set(Screen::Complaint)>
                    {t.new_complaint}
                </button>
            </section>
        }
        .into_any(),
        Screen::Withdraw => view! {
            <Withdraw endpoint=config.endpoint.clone() lang=config.lang on_complaint=Callback::new(move |()| screen.set(Screen::Complaint))/>
        }
        .into_any(),
        Screen::Complaint => view! { <FindOrder config=config.clone() screen=screen/> }.into_any(),
        Screen::Trustmark => view! { <TrustmarkPage endpoint=config.endpoint.clone() lang=config.lang/> }.into_any(),
    }
    };
    view! { {badge} {flows} }
}
