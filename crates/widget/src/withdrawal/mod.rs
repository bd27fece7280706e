//! "Withdraw from contract here" (Art. 11a CRD): a short flow usable without an account.
//! Name, order (looked up by e-mail or delivery postcode as the shop's `order_lookup`
//! says, with the complaint lookup's checks; or typed when the lookup fails or, where
//! the policy allows, is skipped), the items (all by default), the e-mail for the
//! confirmation; then a separate confirmation step whose button says
//! exactly what it does. The core crate decides whether the period is still open; past
//! it, the shopper is offered the complaint flow instead.

mod state;
mod steps;

use leptos::prelude::*;
use redress_core::json::FromJson;
use redress_core::policy::{ComplaintPolicy, LookupKey};

use crate::api::{self, ApiError, LookupOutcome, LookupQuery, WithdrawalOutcome, Withdrawn};
use crate::filing::{device_key, now, save_text, saved_text};
use crate::messages::{Lang, Messages};
use crate::shop_policy::with_shop_policy;
pub use state::{SavedWithdrawal, Stage};
use steps::{confirm, details, recorded};

/// Everything the views share.
#[derive(Clone, Copy)]
struct Form {
    t: &'static Messages,
    lang: Lang,
    saved: RwSignal<SavedWithdrawal>,
    policy: StoredValue<ComplaintPolicy>,
    attempted: RwSignal<bool>,
    /// Field errors from the server's last answer.
    server: RwSignal<Vec<(String, String)>>,
}

impl Form {
    /// What proves the order is the shopper's on this shop: the e-mail or the postcode.
    fn key(&self) -> LookupKey {
        self.policy.with_value(|p| p.order_lookup.key)
    }

    fn errors(&self) -> Vec<(String, String)> {
        let key = self.key();
        let mut errors = if self.attempted.get() {
            self.saved.with(|s| {
                let mut errors = s.lookup_errors(key);
                errors.extend(self.policy.with_value(|p| s.errors(p, now())));
                errors
            })
        } else {
            Vec::new()
        };
        errors.extend(self.server.get());
        errors
    }

    fn error_for(&self, field: &str) -> Option<&'static str> {
        self.errors()
            .into_iter()
            .find(|(f, _)| f == field || f.starts_with(&format!("{field}[")))
            .map(|(_, code)| self.t.field_error(&code))
    }

    fn update(&self, change: impl FnOnce(&mut SavedWithdrawal)) {
        self.saved.update(change);
        self.server.set(Vec::new());
    }
}

fn storage_key(endpoint: &str) -> String {
    format!("redress-withdrawal:{endpoint}")
}

/// The withdrawal flow. `on_complaint` switches the widget to the complaint flow.
#[component]
pub fn Withdraw(endpoint: String, lang: Lang, on_complaint: Callback<()>) -> impl IntoView {
    let t = lang.messages();
    view! {
        <section class="redress-screen" lang=lang.tag() aria-labelledby="redress-withdraw-title">
            <h2 id="redress-withdraw-title" class="redress-title">{t.withdraw_title}</h2>
            {with_shop_policy(endpoint.clone(), lang, move |policy| view! {
                <WithdrawalForm policy=policy endpoint=endpoint.clone() lang=lang on_complaint=on_complaint/>
            })}
        </section>
    }
}

#[component]
fn WithdrawalForm(
    policy: ComplaintPolicy,
    endpoint: String,
    lang: Lang,
    on_complaint: Callback<()>,
) -> impl IntoView {
    let t = lang.messages();
    let key = storage_key(&endpoint);
    let saved = saved_text(&key)
        .and_then(|text| SavedWithdrawal::from_json_text(&text).ok())
        .unwrap_or_else(|| SavedWithdrawal::start(device_key()));
    let form = Form {
        t,
        lang,
        saved: RwSignal::new(saved),
        policy: StoredValue::new(policy),
        attempted: RwSignal::new(false),
        server: RwSignal::new(Vec::new()),
    };
    let done = RwSignal::new(None::<Withdrawn>);
    let failed = RwSignal::new(None::<ApiError>);
    {
        let key = key.clone();
        Effect::new(move |first: Option<()>| {
            let text = form
                .saved
                .with(|s| serde_json::to_string(s).unwrap_or_default());
            if first.is_some() && done.with_untracked(Option::is_none) {
                save_text(&key, &text);
            }
        });
    }
    let lookup = {
        let endpoint = endpoint.clone();
        Action::new_local(move |query: &LookupQuery| {
            let (endpoint, query) = (endpoint.clone(), query.clone());
            async move { api::lookup_order(&endpoint, &query).await }
        })
    };
    Effect::new(move |_| match lookup.value().get() {
        // The fields the answer shows (the contact e-mail, the contract details) start
        // without errors, as the first ones did.
        Some(Ok(LookupOutcome::Found(order))) => {
            form.attempted.set(false);
            form.update(|s| {
                s.order = Some(order);
                s.typed_contract = false;
            });
        }
        Some(Ok(LookupOutcome::NotFound)) => {
            form.attempted.set(false);
            form.update(|s| {
                s.order = None;
                s.typed_contract = true;
            });
        }
        _ => {}
    });
    let submit = {
        let endpoint = endpoint.clone();
        Action::new_local(move |(key, json): &(String, String)| {
            let (endpoint, key, json) = (endpoint.clone(), key.clone(), json.clone());
            async move { api::withdraw(&endpoint, &key, lang.tag(), &json).await }
        })
    };
    Effect::new(move |_| match submit.value().get() {
        Some(Ok(WithdrawalOutcome::Recorded(withdrawn))) => {
            save_text(&key, "");
            done.set(Some(withdrawn));
        }
        Some(Ok(WithdrawalOutcome::Refused(fields))) => {
            form.server.set(fields);
            form.saved.update(|s| s.stage = Stage::Details);
        }
        Some(Err(error)) => failed.set(Some(error)),
        None => {}
    });
    let pending = submit.pending();
    let heading = NodeRef::<leptos::html::H3>::new();
    let stage = Memo::new(move |_| form.saved.with(|s| s.stage));
    Effect::new(move |previous: Option<Stage>| {
        let now_stage = stage.get();
        if previous.is_some_and(|p| p != now_stage) || done.with(Option::is_some) {
            request_animation_frame(move || {
                if let Some(h) = heading.get_untracked() {
                    let _ = h.focus();
                }
            });
        }
        now_stage
    });

    let on_continue = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match stage.get_untracked() {
            Stage::Details => {
                form.attempted.set(true);
                let blocking = form
                    .saved
                    .with_untracked(|s| form.policy.with_value(|p| !s.errors(p, now()).is_empty()));
                let looked_up = form.saved.with_untracked(SavedWithdrawal::looked_up);
                let key = form.key();
                if !looked_up {
                    // The complaint lookup's checks first: a blank or malformed e-mail or
                    // postcode is named at its field instead of asking the shop.
                    let query = form.saved.with_untracked(|s| {
                        s.lookup_errors(key).is_empty().then(|| LookupQuery {
                            order_number: s.draft.order_number.clone(),
                            key,
                            proof: s.lookup_proof(key).1.to_owned(),
                        })
                    });
                    if let Some(query) = query {
                        lookup.dispatch_local(query);
                    }
                } else if !blocking {
                    form.attempted.set(false);
                    form.saved.update(|s| s.stage = Stage::Confirm);
                }
            }
            Stage::Confirm => {
                if pending.get_untracked() {
                    return;
                }
                failed.set(None);
                let (key, json) = form
                    .saved
                    .with_untracked(|s| (s.idempotency_key.clone(), s.sent_json(form.key())));
                submit.dispatch_local((key, json));
            }
        }
    };

    view! {
        <Show when=move || done.with(Option::is_none) fallback=move || recorded(t, lang, done.get().unwrap_or_default(), heading)>
            <p class="redress-intro">{t.withdraw_intro}</p>
            <h3 class="redress-step-title" tabindex="-1" node_ref=heading>
                {move || if stage.get() == Stage::Details { t.withdraw_details_title } else { t.withdraw_confirm_title }}
            </h3>
            <form class="redress-form" novalidate on:submit=on_continue>
                {move || match stage.get() {
                    Stage::Details => details(form, on_complaint).into_any(),
                    Stage::Confirm => confirm(form).into_any(),
                }}
                <div class="redress-actions">
                    <Show when=move || stage.get() == Stage::Confirm>
                        <button type="button" class="redress-button redress-button-secondary" on:click=move |_| form.saved.update(|s| s.stage = Stage::Details)>
                            {t.back}
                        </button>
                    </Show>
                    <button type="submit" class="redress-button" disabled=move || pending.get() aria-busy=move || pending.get().to_string()>
                        {move || match (stage.get(), pending.get(), form.saved.with(|s| s.order.is_some() || s.typed_contract)) {
                            (Stage::Confirm, true, _) => t.submitting,
                            (Stage::Confirm, false, _) => t.withdraw_confirm_button,
                            (Stage::Details, _, false) => t.lookup_submit,
                            (Stage::Details, _, true) => t.next,
                        }}
                    </button>
                </div>
            </form>
            <div class="redress-live" role="status" aria-live="polite">
                {move || lookup.value().get().and_then(|answer| match answer {
                    Ok(LookupOutcome::NotFound) => Some(match form.key() {
                        LookupKey::Email => t.withdraw_not_found,
                        LookupKey::PostCode => t.withdraw_not_found_postcode,
                    }),
                    Err(ApiError::Status(429)) => Some(t.lookup_rate_limited),
                    Err(_) => Some(t.lookup_failed),
                    Ok(LookupOutcome::Found(_)) => None,
                }).map(|text| view! { <p class="redress-notice">{text}</p> })}
                {move || failed.get().map(|error| {
                    let text = match error {
                        ApiError::Network => t.withdraw_submit_failed,
                        _ => t.withdraw_submit_refused,
                    };
                    view! { <p class="redress-notice redress-notice-error">{text}</p> }
                })}
            </div>
        </Show>
    }
}
