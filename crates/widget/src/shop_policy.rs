//! The shop's complaint policy, fetched from its endpoint and parsed by the core crate
//! before any form shows: every flow (complaint, withdrawal) waits for it the same way,
//! says so while it loads, and offers a retry when it cannot be had.

use leptos::prelude::*;
use redress_core::policy::ComplaintPolicy;

use crate::api::{self, ApiError};
use crate::messages::Lang;

/// `form` with the shop's policy, once it is here; until then a loading notice, and a
/// retry button when the endpoint failed or served something the core cannot read.
pub fn with_shop_policy<F, V>(endpoint: String, lang: Lang, form: F) -> impl IntoView
where
    F: Fn(ComplaintPolicy) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let t = lang.messages();
    let policy = RwSignal::new(None::<Result<ComplaintPolicy, ApiError>>);
    let load = move || {
        let endpoint = endpoint.clone();
        policy.set(None);
        leptos::task::spawn_local(async move {
            let answer = api::fetch_policy(&endpoint).await.and_then(|json| {
                ComplaintPolicy::from_served_json(&json).map_err(|_| ApiError::Malformed)
            });
            policy.set(Some(answer));
        });
    };
    load();
    move || match policy.get() {
        None => view! { <p class="redress-notice" role="status">{t.policy_loading}</p> }.into_any(),
        Some(Err(_)) => {
            let load = load.clone();
            view! {
                <div class="redress-notice redress-notice-error" role="alert">
                    <p>{t.policy_failed}</p>
                    <button type="button" class="redress-button redress-button-secondary" on:click=move |_| load()>{t.retry}</button>
                </div>
            }
            .into_any()
        }
        Some(Ok(policy)) => form(policy).into_any(),
    }
}
