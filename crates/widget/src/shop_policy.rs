//! The shop's complaint policy, fetched from its endpoint and parsed by the core crate
//! before any form shows: every flow (lookup, complaint, withdrawal) waits for it the same
//! way, says so while it loads, and offers a retry when it cannot be had. Fetched once
//! per page: the lookup screen's request serves the complaint form that follows.

use std::cell::RefCell;

use leptos::prelude::*;
use redress_core::policy::ComplaintPolicy;

use crate::api::{self, ApiError};
use crate::messages::Lang;

thread_local! {
    /// Policies already read on this page, by endpoint.
    static READ: RefCell<Vec<(String, ComplaintPolicy)>> = const { RefCell::new(Vec::new()) };
}

/// The policy `endpoint` serves, read once per page.
pub async fn shop_policy(endpoint: &str) -> Result<ComplaintPolicy, ApiError> {
    if let Some(policy) = already_read(endpoint) {
        return Ok(policy);
    }
    let json = api::fetch_policy(endpoint).await?;
    let policy = ComplaintPolicy::from_json(&json).map_err(|error| {
        tell_developer(&format!(
            "redress: the complaint policy at {endpoint}/policy cannot be used: {error}"
        ));
        ApiError::Malformed
    })?;
    READ.with(|read| {
        read.borrow_mut()
            .push((endpoint.to_owned(), policy.clone()))
    });
    Ok(policy)
}

/// The shopper is told only that the form could not load; whoever wrote the shop's
/// endpoint needs the path and the rule, and finds them in the browser's console.
fn tell_developer(message: &str) {
    #[cfg(target_arch = "wasm32")]
    web_sys::console::error_1(&message.into());
    #[cfg(not(target_arch = "wasm32"))]
    let _ = message;
}

fn already_read(endpoint: &str) -> Option<ComplaintPolicy> {
    READ.with(|read| {
        read.borrow()
            .iter()
            .find(|(e, _)| e == endpoint)
            .map(|(_, p)| p.clone())
    })
}

/// `form` with the shop's policy, once it is here; until then a loading notice, and a
/// retry button when the endpoint failed or served something the core cannot read.
pub fn with_shop_policy<F, V>(endpoint: String, lang: Lang, form: F) -> impl IntoView
where
    F: Fn(ComplaintPolicy) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let t = lang.messages();
    let policy = RwSignal::new(already_read(&endpoint).map(Ok));
    let load = move || {
        let endpoint = endpoint.clone();
        policy.set(None);
        leptos::task::spawn_local(async move {
            policy.set(Some(shop_policy(&endpoint).await));
        });
    };
    if policy.with_untracked(Option::is_none) {
        load();
    }
    move || match policy.get() {
        None => view! { <p class="redress-notice" role="status">{t.policy_loading}</p> }.into_any(),
        Some(Err(_)) => policy_failed(lang, load.clone()).into_any(),
        Some(Ok(policy)) => form(policy).into_any(),
    }
}

/// What a shopper sees when the shop's policy could not be had: that the form could not
/// load, and a retry.
pub fn policy_failed(lang: Lang, retry: impl Fn() + 'static) -> impl IntoView {
    let t = lang.messages();
    view! {
        <div class="redress-notice redress-notice-error" role="alert">
            <p>{t.policy_failed}</p>
            <button type="button" class="redress-button redress-button-secondary" on:click=move |_| retry()>{t.retry}</button>
        </div>
    }
}
