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
use crate::trustmark::MemberBadge;

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
        Screen::Withdraw => withdraw_flow(&config, screen),
        Screen::Complaint => view! { <FindOrder config=config.clone() screen=screen/> }.into_any(),
        Screen::Trustmark => trustmark_flow(&config),
    }
    };
    view! { {badge} {flows} }
}

#[cfg(feature = "withdraw")]
fn withdraw_flow(config: &WidgetConfig, screen: CurrentScreen) -> AnyView {
    use crate::withdrawal::Withdraw;
    view! {
        <Withdraw endpoint=config.endpoint.clone() lang=config.lang on_complaint=Callback::new(move |()| screen.set(Screen::Complaint))/>
    }
    .into_any()
}

/// This bundle has no withdrawal flow: the loader mounts the one that has.
#[cfg(not(feature = "withdraw"))]
fn withdraw_flow(config: &WidgetConfig, _screen: CurrentScreen) -> AnyView {
    other_bundle(config, "withdraw")
}

#[cfg(feature = "trustmark-page")]
fn trustmark_flow(config: &WidgetConfig) -> AnyView {
    use crate::trustmark::TrustmarkPage;
    view! { <TrustmarkPage endpoint=config.endpoint.clone() lang=config.lang/> }.into_any()
}

/// This bundle has no trustmark page: the loader mounts the one that has.
#[cfg(not(feature = "trustmark-page"))]
fn trustmark_flow(config: &WidgetConfig) -> AnyView {
    other_bundle(config, "trustmark")
}

/// Asks the loader to mount the bundle of `mode` in this widget's place, and says it is
/// loading meanwhile.
#[allow(dead_code)]
fn other_bundle(config: &WidgetConfig, mode: &'static str) -> AnyView {
    request_animation_frame(move || crate::config::switch_bundle(mode));
    let t = config.lang.messages();
    view! { <p class="redress-notice" role="status">{t.policy_loading}</p> }.into_any()
}
