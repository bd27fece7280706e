//! "Withdraw from contract here" (Art. 11a CRD): a short flow usable without an account.
//! Name, order (looked up by e-mail or delivery postcode as the shop's `order_lookup`
//! says, with the complaint lookup's checks; or typed when the lookup fails or, where
//! the policy allows, is skipped), the items (all by default), the e-mail for the
//! confirmation; then a separate confirmation step whose button says
//! exactly what it does. The core crate decides whether the period is still open; past
//! it, the shopper is offered the complaint flow instead.

mod state;

use leptos::prelude::*;
use redress_core::json::FromJson;
use redress_core::policy::{ComplaintPolicy, LookupKey};
use redress_core::withdrawal::WithdrawalWindow;

use crate::api::{self, ApiError, LookupOutcome, LookupQuery, WithdrawalOutcome, Withdrawn};
use crate::filing::{DateStyle, device_key, download_url, format_date, now, save_text, saved_text};
use crate::input_field::{InputSpec, input_field};
use crate::messages::{Lang, Messages};
use crate::shop_policy::with_shop_policy;
pub use state::{SavedWithdrawal, Stage};

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
                        ApiError::Network => t.submit_failed,
                        _ => t.submit_refused,
                    };
                    view! { <p class="redress-notice redress-notice-error">{text}</p> }
                })}
            </div>
        </Show>
    }
}

/// A text input bound to one field of the withdrawal, showing that field's error.
fn text_input(
    form: Form,
    field: &'static str,
    spec: InputSpec,
    get: fn(&SavedWithdrawal) -> String,
    set: fn(&mut SavedWithdrawal, String),
) -> AnyView {
    input_field(
        spec,
        Signal::derive(move || form.saved.with(get)),
        Callback::new(move |v: String| form.update(|s| set(s, v))),
        Signal::derive(move || form.error_for(field)),
        None,
    )
}

/// The field that proves the order is the shopper's: the e-mail (copied into the contact
/// e-mail while that is untouched) or, on a postcode shop, the delivery postcode, with
/// the complaint lookup's label, hint and autofill.
fn lookup_proof_input(form: Form) -> AnyView {
    let t = form.t;
    match form.key() {
        LookupKey::Email => text_input(
            form,
            "lookup_email",
            InputSpec::text("redress-w-lookup-email", t.email_label)
                .hint(t.email_hint)
                .kind("email", "email"),
            |s| s.draft.lookup_email.clone(),
            |s, v| {
                if s.draft.email.is_empty() || s.draft.email == s.draft.lookup_email {
                    s.draft.email = v.clone();
                }
                s.draft.lookup_email = v;
                s.order = None;
                s.typed_contract = false;
            },
        ),
        LookupKey::PostCode => text_input(
            form,
            "lookup_postcode",
            InputSpec::text("redress-w-lookup-postcode", t.postcode_label)
                .hint(t.postcode_hint)
                .kind("text", "postal-code"),
            |s| s.draft.lookup_postcode.clone(),
            |s, v| {
                s.draft.lookup_postcode = v;
                s.order = None;
                s.typed_contract = false;
            },
        ),
    }
}

fn details(form: Form, on_complaint: Callback<()>) -> impl IntoView {
    let t = form.t;
    let lang = form.lang;
    let window = move || {
        form.saved
            .with(|s| form.policy.with_value(|p| s.window(p, now())))
    };
    let items = move || {
        form.saved.with(|s| {
            s.order
                .as_ref()
                .map(|o| o.items.clone())
                .unwrap_or_default()
        })
    };
    let typed = move || form.saved.with(|s| s.typed_contract);
    view! {
        // A closed period is explained below with its date; other refusals of the whole
        // withdrawal (the shop does not take them here) are said at the top.
        {move || form.errors().into_iter()
            .find(|(field, code)| field == "withdrawal" && code != "withdrawal.window_closed")
            .map(|(_, code)| view! { <p class="redress-notice redress-notice-error" role="alert">{t.field_error(&code)}</p> })}
        {text_input(form, "name", InputSpec::text("redress-w-name", t.withdraw_name_label).kind("text", "name"), |s| s.draft.name.clone(), |s, v| s.draft.name = v)}
        {text_input(form, "order_number", InputSpec::text("redress-w-order", t.order_number_label).hint(t.order_number_hint), |s| s.draft.order_number.clone(), |s, v| { s.draft.order_number = v; s.order = None; s.typed_contract = false; })}
        {lookup_proof_input(form)}
        {move || (!form.policy.with_value(|p| p.order_lookup.required) && !form.saved.with(SavedWithdrawal::looked_up)).then(|| view! {
            <div class="redress-lookup-optional">
                <p class="redress-hint">{t.withdraw_lookup_optional_note}</p>
                <button type="button" class="redress-link" on:click=move |_| {
                    form.attempted.set(false);
                    form.update(|s| { s.order = None; s.typed_contract = true; });
                }>{t.withdraw_lookup_skip}</button>
            </div>
        })}
        {move || window().map(|w| match w {
            WithdrawalWindow::Open { last_day, .. } => view! {
                <p class="redress-notice redress-window-open">{t.withdraw_open_until.replace("{date}", &format_date(&last_day.to_string(), lang, DateStyle::WeekdayDayMonth))}</p>
            }.into_any(),
            WithdrawalWindow::NotStarted => view! { <p class="redress-notice redress-window-open">{t.withdraw_not_started}</p> }.into_any(),
            WithdrawalWindow::Closed { last_day } => view! {
                <div class="redress-notice redress-notice-error" role="alert">
                    <p>{t.withdraw_closed.replace("{date}", &format_date(&last_day.to_string(), lang, DateStyle::DayMonthYear))}</p>
                    <button type="button" class="redress-button redress-button-secondary" on:click=move |_| on_complaint.run(())>{t.withdraw_complain_instead}</button>
                </div>
            }.into_any(),
        })}
        <Show when=move || !items().is_empty()>
            <fieldset class="redress-fieldset">
                <legend>{t.withdraw_items_legend}</legend>
                <p class="redress-hint">{t.withdraw_items_hint}</p>
                {move || items().into_iter().enumerate().map(|(i, item)| {
                    let id = format!("redress-w-item-{i}");
                    let name = item.name.clone();
                    let shown = item.name.clone();
                    view! {
                        <div class="redress-choice">
                            <input type="checkbox" id=id.clone()
                                prop:checked=move || form.saved.with(|s| s.draft.items.is_empty() || s.draft.items.contains(&shown))
                                on:change:target=move |ev| {
                                    let on = ev.target().checked();
                                    let name = name.clone();
                                    form.update(move |s| {
                                        let all: Vec<String> = s.order.as_ref().map(|o| o.items.iter().map(|i| i.name.clone()).collect()).unwrap_or_default();
                                        let mut chosen = if s.draft.items.is_empty() { all.clone() } else { s.draft.items.clone() };
                                        chosen.retain(|n| *n != name);
                                        if on { chosen.push(name); }
                                        // All chosen is written as "all" (empty), what the server reads as every line.
                                        s.draft.items = if chosen.len() == all.len() { Vec::new() } else { chosen };
                                    });
                                }
                            />
                            <label for=id>{item.quantity}"× "{item.name}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
        </Show>
        <Show when=typed>
            <p class="redress-hint">{t.withdraw_typed_intro}</p>
            {text_input(form, "order_date", InputSpec::text("redress-w-order-date", t.withdraw_order_date_label).kind("date", "off"), |s| s.draft.order_date.clone(), |s, v| s.draft.order_date = v)}
            {text_input(form, "goods", InputSpec::text("redress-w-goods", t.withdraw_goods_label).hint(t.withdraw_goods_hint), |s| s.draft.goods.clone(), |s, v| s.draft.goods = v)}
        </Show>
        <Show when=move || form.saved.with(|s| s.order.is_some() || s.typed_contract)>
            {text_input(form, "email", InputSpec::text("redress-w-email", t.withdraw_email_label).hint(t.withdraw_email_hint).kind("email", "email"), |s| s.draft.email.clone(), |s, v| s.draft.email = v)}
        </Show>
    }
}

fn confirm(form: Form) -> impl IntoView {
    let t = form.t;
    let s = form.saved.get_untracked();
    let items = match &s.order {
        Some(order) if s.draft.items.is_empty() => order
            .items
            .iter()
            .map(|i| i.name.clone())
            .collect::<Vec<_>>()
            .join(", "),
        Some(_) => s.draft.items.join(", "),
        None => s.draft.goods.clone(),
    };
    let rows = vec![
        (t.withdraw_name_label, s.draft.name.clone()),
        (t.order_number_label, s.draft.order_number.clone()),
        (t.withdraw_items_legend, items),
        (t.withdraw_email_label, s.draft.email.clone()),
    ];
    view! {
        <p>{t.withdraw_confirm_intro}</p>
        <dl class="redress-review-list redress-review-part">
            {rows.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
        </dl>
    }
}

fn recorded(
    t: &'static Messages,
    lang: Lang,
    withdrawn: Withdrawn,
    heading: NodeRef<leptos::html::H3>,
) -> impl IntoView {
    let received = format_date(&withdrawn.received_at, lang, DateStyle::DateTime);
    let refund = format_date(&withdrawn.refund_due, lang, DateStyle::DayMonthYear);
    let receipt = download_url(&withdrawn.receipt, "application/json");
    let receipt_name = format!("withdrawal-{}.json", withdrawn.reference);
    view! {
        <div class="redress-done">
            <h3 class="redress-step-title" tabindex="-1" node_ref=heading>{t.withdraw_done_title}</h3>
            <p>{t.done_reference}</p>
            <p class="redress-reference">{withdrawn.reference.clone()}</p>
            <p class="redress-withdrawn-at">{t.withdraw_received_at.replace("{time}", &received)}</p>
            <p class="redress-confirm-by">{t.withdraw_refund_by.replace("{date}", &refund)}</p>
            {(!withdrawn.items.is_empty()).then(|| view! {
                <p>{t.withdraw_items_legend}": "{withdrawn.items.join(", ")}</p>
            })}
            {(!withdrawn.kept.is_empty()).then(|| view! {
                <p>{t.withdraw_kept}": "{withdrawn.kept.join(", ")}</p>
            })}
            <p>{t.withdraw_email_sent}</p>
            {receipt.map(|href| view! {
                <p><a class="redress-receipt-link" href=href download=receipt_name>{t.done_receipt}</a></p>
                <p class="redress-hint">{t.done_receipt_hint}</p>
            })}
        </div>
    }
}
