//! Sign-in with the shop's desk token: the token is checked against the shop-side API
//! before it is kept, so a wrong one is told at once.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::api::{ApiError, Session};
use crate::fields::{Control, Field};
use crate::messages::Lang;

/// The sign-in form. `notice` is shown above it (e.g. "your session has ended").
#[component]
pub fn SignIn(
    endpoint: String,
    lang: Lang,
    notice: Option<&'static str>,
    on_signed_in: Callback<String>,
) -> impl IntoView {
    let t = lang.messages();
    let token = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    let failure = RwSignal::new(None::<&'static str>);
    let check = Action::new_local(move |given: &String| {
        let session = Session {
            endpoint: endpoint.clone(),
            token: given.clone(),
        };
        async move { session.counts().await.map(|_| session.token) }
    });
    let pending = check.pending();
    Effect::new(move |_| match check.value().get() {
        Some(Ok(token)) => on_signed_in.run(token),
        Some(Err(ApiError::Unauthorized)) => failure.set(Some(t.signin_wrong)),
        Some(Err(_)) => failure.set(Some(t.network_failed)),
        None => {}
    });
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        failure.set(None);
        let given = token.get_untracked().trim().to_owned();
        if given.is_empty() {
            error.set(Some(t.token_missing));
            return;
        }
        error.set(None);
        if !pending.get_untracked() {
            check.dispatch_local(given);
        }
    };
    view! {
        <section class="signin" aria-labelledby="signin-title">
            <h1 id="signin-title">{t.signin_title}</h1>
            <p class="intro">{t.signin_intro}</p>
            {notice.map(|text| view! { <p class="notice" role="status">{text}</p> })}
            <form novalidate on:submit=on_submit>
                <Field
                    id="desk-token".into()
                    label=t.token_label.into()
                    hint=t.token_hint
                    control=Control::Password
                    value=token
                    error=error
                />
                <button type="submit" class="button primary" aria-busy=move || pending.get().to_string()>
                    {move || if pending.get() { t.signin_pending } else { t.signin_submit }}
                </button>
            </form>
            <div role="alert" class="live">
                {move || failure.get().map(|text| view! { <p class="notice error">{text}</p> })}
            </div>
        </section>
    }
}
