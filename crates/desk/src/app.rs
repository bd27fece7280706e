//! The desk's frame: header (navigation, exports, language, sign-out) and the screen the
//! state asks for: sign-in, the inbox, or one complaint.

use leptos::prelude::*;
use redress_core::time_zone::ShopTimeZone;

use crate::api::{ApiError, Session};
use crate::complaint::ComplaintView;
use crate::device;
use crate::format;
use crate::inbox::Inbox;
use crate::messages::{Lang, fill};
use crate::signin::SignIn;
use crate::withdrawals::Withdrawals;

/// The whole desk.
#[component]
pub fn Desk(endpoint: String, lang: Lang) -> impl IntoView {
    let lang = RwSignal::new(lang);
    device::store_lang(lang.get_untracked());
    let endpoint = StoredValue::new(endpoint);
    let token = RwSignal::new(device::load_token());
    let notice = RwSignal::new(None::<&'static str>);
    let open = RwSignal::new(device::open_reference());
    let withdrawals = RwSignal::new(device::showing_withdrawals());
    let export_error = RwSignal::new(None::<&'static str>);
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        open.set(device::open_reference());
        withdrawals.set(device::showing_withdrawals());
    });

    Effect::new(move |_| device::set_title(lang.get().messages().app_title));
    let session = Memo::new(move |_| {
        token.get().map(|token| Session {
            endpoint: endpoint.get_value(),
            token,
        })
    });
    let sign_out = Callback::new(move |why: Option<&'static str>| {
        device::store_token(None);
        device::navigate(None);
        notice.set(why);
        token.set(None);
    });
    // The shop's clock for every time on the screens below; UTC when the policy cannot be
    // read (the times then say UTC, so they are never silently wrong).
    // The shop's clock for every time on the screens below, read once per sign-in; UTC
    // when the policy cannot be read (the times then say UTC, so they are never wrong).
    let zone = LocalResource::new(move || {
        let session = session.get();
        async move {
            let session = session?;
            let zone = session.time_zone().await.unwrap_or(ShopTimeZone::UTC);
            Some((session.token, zone))
        }
    });
    let on_api_error = Callback::new(move |error: ApiError| {
        if error == ApiError::Unauthorized {
            sign_out.run(Some(lang.get_untracked().messages().session_ended));
        }
    });
    let signed_in = Callback::new(move |new_token: String| {
        device::store_token(Some(&new_token));
        notice.set(None);
        token.set(Some(new_token));
    });
    let export = move |path: &'static str, name: &'static str| {
        let Some(session) = session.get_untracked() else {
            return;
        };
        export_error.set(None);
        leptos::task::spawn_local(async move {
            match session.object_url(path).await {
                Ok(url) => crate::api::save_as(&url, name),
                Err(e) => {
                    export_error.set(Some(lang.get_untracked().messages().network_failed));
                    on_api_error.run(e);
                }
            }
        });
    };

    view! {
        {move || {
            let l = lang.get();
            let t = l.messages();
            let other = l.other();
            view! {
                <a class="skip" href="#main">{t.skip_to_content}</a>
                <header class="desk-header">
                    <p class="brand">{t.app_title}</p>
                    <nav aria-label=t.nav_label>
                        <Show when=move || session.get().is_some()>
                            <a href="#/" class="nav-link">{t.nav_inbox}</a>
                            <a href=device::WITHDRAWALS class="nav-link">{t.nav_withdrawals}</a>
                            <button type="button" class="link-button" on:click=move |_| export("/shop/export/complaints.csv", "complaints.csv")>
                                {t.export_csv}
                            </button>
                            <button type="button" class="link-button" on:click=move |_| export("/shop/export/complaints.json", "complaints.json")>
                                {t.export_json}
                            </button>
                        </Show>
                        <button
                            type="button"
                            class="link-button"
                            lang=other.tag()
                            aria-label=fill(t.switch_language, "language", other.messages().language_name)
                            on:click=move |_| {
                                lang.set(other);
                                device::store_lang(other);
                            }
                        >
                            {other.messages().language_name}
                        </button>
                        <Show when=move || session.get().is_some()>
                            <button type="button" class="link-button sign-out" on:click=move |_| sign_out.run(None)>
                                {t.sign_out}
                            </button>
                        </Show>
                    </nav>
                </header>
                <main id="main" tabindex="-1">
                    {move || export_error.get().map(|text| view! { <p class="notice error" role="alert">{text}</p> })}
                    {move || {
                        let Some(session) = session.get() else {
                            return view! {
                                <SignIn endpoint=endpoint.get_value() lang=l notice=notice.get() on_signed_in=signed_in/>
                            }
                            .into_any();
                        };
                        // Until the zone of this sign-in is read (a stale one may linger).
                        let zone = zone.get().flatten().filter(|(token, _)| *token == session.token);
                        let Some((_, zone)) = zone else {
                            return view! { <p class="loading" role="status">{t.loading}</p> }.into_any();
                        };
                        provide_context(format::ShopZone(zone));
                        match open.get() {
                            None if withdrawals.get() => view! {
                                <Withdrawals session=session lang=l on_api_error=on_api_error/>
                            }
                            .into_any(),
                            None => view! {
                                <Inbox session=session lang=l on_api_error=on_api_error/>
                            }
                            .into_any(),
                            Some(reference) => view! {
                                <ComplaintView session=session lang=l reference=reference on_api_error=on_api_error/>
                            }
                            .into_any(),
                        }
                    }}
                </main>
            }
        }}
    }
}
