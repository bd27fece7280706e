//! The first screen of the flow: "Find your order" (order number + e-mail, or the
//! delivery postcode where the shop's policy says so), looked up at the shop's endpoint.
//! Found shows the order; not found shows one neutral message that never tells whether
//! the number exists. Where the policy does not require the lookup, the shopper may also
//! file with only the order number.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use redress_core::policy::{LookupKey, OrderLookup};

use crate::api::{self, ApiError, FoundOrder, LookupOutcome, LookupQuery};
use crate::config::WidgetConfig;
use crate::field_check;
use crate::filing::{self, FileComplaint};
use crate::input_field::{InputSpec, input_field};
use crate::shop_policy::{policy_failed, shop_policy};
use crate::start::{CurrentScreen, Screen};

mod order_card;
use order_card::OrderCard;

/// The lookup form and, once found, the order.
#[component]
pub fn FindOrder(config: WidgetConfig, screen: CurrentScreen) -> impl IntoView {
    let lang = config.lang;
    let t = lang.messages();
    let endpoint = config.endpoint;
    let configured = !endpoint.is_empty();

    // The shop's lookup rules arrive with its policy; until then the form asks for the
    // e-mail, which is what most shops use, so it never waits for them. A policy that
    // cannot be had is said at once, with a retry: a shop that looks orders up by
    // postcode would otherwise be asked for an e-mail address it cannot match.
    // None while it loads, then the rules or the failure.
    let rules = RwSignal::new(None::<Result<OrderLookup, ApiError>>);
    let load_rules = {
        let endpoint = endpoint.clone();
        Callback::new(move |()| {
            let endpoint = endpoint.clone();
            rules.set(None);
            leptos::task::spawn_local(async move {
                let answer = shop_policy(&endpoint).await;
                rules.set(Some(answer.map(|policy| policy.order_lookup)));
            });
        })
    };
    load_rules.run(());
    let known = move || rules.get().and_then(Result::ok);
    let key = Memo::new(move |_| known().map_or(LookupKey::Email, |r| r.key));
    let optional = move || known().is_some_and(|r| !r.required);

    let order_number = RwSignal::new(String::new());
    // What proves the order is theirs: the e-mail or the postcode, as `key` says.
    let proof = RwSignal::new(String::new());
    // Errors show once a filled-in field was left or a submit was tried: never while
    // typing the first character, and never for an empty field the shopper only tabbed
    // through (that error would push the submit button away under the pointer).
    let order_touched = RwSignal::new(false);
    let proof_touched = RwSignal::new(false);
    let show_summary = RwSignal::new(false);
    let pressing = RwSignal::new(false);
    let order_error = Memo::new(move |_| field_check::order_number(&order_number.get()).err());
    let proof_error = Memo::new(move |_| field_check::lookup_proof(key.get(), &proof.get()).err());
    let order_shown = move || order_error.get().filter(|_| order_touched.get());
    let proof_shown = move || proof_error.get().filter(|_| proof_touched.get());

    let filed_here = RwSignal::new(filing::remembered_filed(&endpoint));
    let forget_endpoint = StoredValue::new(endpoint.clone());
    let follow = {
        let endpoint = endpoint.clone();
        Action::new_local(move |query: &LookupQuery| {
            let endpoint = endpoint.clone();
            let query = query.clone();
            async move { api::find_complaints(&endpoint, &query).await }
        })
    };
    // Found again by order number and e-mail: remembered on this device; one complaint
    // opens at once, several are listed.
    {
        let endpoint = endpoint.clone();
        Effect::new(move |_| {
            if let Some(Ok(Some(found))) = follow.value().get() {
                for (reference, token) in found.iter().rev() {
                    filing::remember_filed(&endpoint, reference, token);
                }
                filed_here.set(filing::remembered_filed(&endpoint));
                if let [(reference, token)] = found.as_slice() {
                    screen.set(Screen::Track(reference.clone(), token.clone()));
                }
            }
        });
    }
    // A draft saved before a reload resumes without a second lookup.
    let resumed = RwSignal::new(filing::load_current(&endpoint));
    let filing_endpoint = endpoint.clone();
    let lookup = Action::new_local(move |query: &LookupQuery| {
        let endpoint = endpoint.clone();
        let query = query.clone();
        async move { api::lookup_order(&endpoint, &query).await }
    });
    let outcome = lookup.value();
    let pending = lookup.pending();
    // Filing without a lookup: the order is only its number.
    let typed = RwSignal::new(None::<FoundOrder>);
    let found = move || match outcome.get() {
        Some(Ok(LookupOutcome::Found(order))) => Some(order),
        _ => typed.get(),
    };
    let summary_ref = NodeRef::<leptos::html::Div>::new();

    // The error summary, shown and focused so screen readers read it out.
    let show_errors = move || {
        show_summary.set(true);
        request_animation_frame(move || {
            if let Some(summary) = summary_ref.get_untracked() {
                let _ = summary.focus();
            }
        });
    };
    // Both buttons check the two fields first; `then` runs the lookup or the find.
    let checked = move |then: &dyn Fn(LookupQuery)| {
        order_touched.set(true);
        proof_touched.set(true);
        if order_error.get_untracked().is_some() || proof_error.get_untracked().is_some() {
            show_errors();
            return;
        }
        show_summary.set(false);
        then(LookupQuery {
            order_number: order_number.get_untracked(),
            key: key.get_untracked(),
            proof: proof.get_untracked(),
        });
    };
    let on_skip = move |_| {
        order_touched.set(true);
        if order_error.get_untracked().is_some() {
            show_errors();
            return;
        }
        show_summary.set(false);
        typed.set(Some(FoundOrder::typed(&order_number.get_untracked())));
    };
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        follow.clear();
        checked(&|query| {
            if !pending.get_untracked() {
                lookup.dispatch_local(query);
            }
        });
    };
    let on_follow = move |_| {
        lookup.clear();
        checked(&|query| {
            if !follow.pending().get_untracked() {
                follow.dispatch_local(query);
            }
        });
    };

    let notice = move || match (outcome.get(), follow.value().get()) {
        (_, Some(Ok(None))) | (Some(Ok(LookupOutcome::NotFound)), _) => Some(match key.get() {
            LookupKey::Email => t.lookup_not_found,
            LookupKey::PostCode => t.lookup_not_found_postcode,
        }),
        (_, Some(Ok(Some(found)))) if found.is_empty() => Some(t.follow_none),
        (_, Some(Err(ApiError::Status(429)))) => Some(t.lookup_rate_limited),
        (_, Some(Err(_))) => Some(t.lookup_failed),
        (_, Some(Ok(Some(_)))) => None,
        (outcome, None) => match outcome {
            Some(Err(ApiError::Status(429))) => Some(t.lookup_rate_limited),
            Some(Err(ApiError::Network | ApiError::Status(_) | ApiError::Malformed)) => {
                Some(t.lookup_failed)
            }
            _ => None,
        },
    };

    view! {
        <section class="redress-screen" lang=lang.tag() aria-labelledby="redress-find-title">
            <h2 id="redress-find-title" class="redress-title">{t.find_order_title}</h2>
            <Show when=move || !configured>
                <p class="redress-notice redress-notice-error" role="alert">{t.missing_endpoint}</p>
            </Show>
            <Show
                when=move || found().is_none() && resumed.with(Option::is_none)
                fallback=move || {
                    let (order, address) = match resumed.get() {
                        Some(saved) => (saved.order, saved.draft.email),
                        None => {
                            // The contact step asks for the e-mail when the lookup did not.
                            let given = proof.get_untracked();
                            let address = if key.get_untracked() == LookupKey::Email
                                && field_check::email(&given).is_ok()
                            {
                                given
                            } else {
                                String::new()
                            };
                            (found().unwrap_or_else(|| FoundOrder::typed("")), address)
                        }
                    };
                    view! {
                        <OrderCard
                            order=order.clone()
                            lang=lang
                            on_again=move || {
                                resumed.set(None);
                                typed.set(None);
                                lookup.clear();
                            }
                        />
                        <FileComplaint order=order email=address endpoint=filing_endpoint.clone() lang=lang/>
                    }
                }
            >
                <p class="redress-intro">{t.find_order_intro}</p>
                {move || matches!(rules.get(), Some(Err(_))).then(|| policy_failed(lang, move || load_rules.run(())))}
                <Show when=move || show_summary.get() && (order_error.get().is_some() || proof_error.get().is_some())>
                    <div class="redress-summary" role="alert" tabindex="-1" node_ref=summary_ref>
                        <p class="redress-summary-title">{t.error_summary_title}</p>
                        <ul>
                            {move || order_error.get().map(|code| view! {
                                <li><a href="#redress-order-number" on:click=focus_target("redress-order-number")>{t.field_error(code)}</a></li>
                            })}
                            {move || proof_error.get().filter(|_| proof_touched.get()).map(|code| {
                                let id = proof_field(key.get()).0;
                                view! {
                                    <li><a href=format!("#{id}") on:click=focus_target(id)>{t.field_error(code)}</a></li>
                                }
                            })}
                        </ul>
                    </div>
                </Show>
                <form
                    class="redress-form"
                    novalidate
                    on:submit=on_submit
                    on:pointerdown=move |ev| pressing.set(on_button(&ev))
                    on:click=move |_| pressing.set(false)
                    on:keydown=move |_| pressing.set(false)
                >
                    <Field
                        id="redress-order-number"
                        label=t.order_number_label
                        hint=t.order_number_hint
                        autocomplete="off"
                        input_type="text"
                        value=order_number
                        touched=order_touched
                        pressing=pressing
                        error=Signal::derive(move || order_shown().map(|c| t.field_error(c)))
                    />
                    {move || {
                        let (id, autocomplete, input_type) = proof_field(key.get());
                        let (label, hint) = match key.get() {
                            LookupKey::Email => (t.email_label, t.email_hint),
                            LookupKey::PostCode => (t.postcode_label, t.postcode_hint),
                        };
                        view! {
                            <Field
                                id=id
                                label=label
                                hint=hint
                                autocomplete=autocomplete
                                input_type=input_type
                                value=proof
                                touched=proof_touched
                                pressing=pressing
                                error=Signal::derive(move || proof_shown().map(|c| t.field_error(c)))
                            />
                        }
                    }}
                    <button type="submit" class="redress-button" aria-busy=move || pending.get().to_string()>
                        {move || if pending.get() { t.lookup_pending } else { t.lookup_submit }}
                    </button>
                    <button type="button" class="redress-button redress-button-secondary" on:click=on_follow>
                        {t.follow_submit}
                    </button>
                </form>
                // Right under the buttons that asked: a not-found answer is then followed
                // by the way to file without the lookup, where the policy allows it.
                <div class="redress-live" role="status" aria-live="polite">
                    {move || notice().map(|text| view! { <p class="redress-notice">{text}</p> })}
                </div>
                {move || optional().then(|| view! {
                    <div class="redress-lookup-optional">
                        <p class="redress-hint">{t.lookup_optional_note}</p>
                        <button type="button" class="redress-link" on:click=on_skip>{t.lookup_skip}</button>
                    </div>
                })}
                <p class="redress-withdraw-entry">
                    <button type="button" class="redress-link" on:click=move |_| screen.set(Screen::Withdraw)>{t.withdraw_entry}</button>
                </p>
                {move || (!filed_here.with(Vec::is_empty)).then(|| view! {
                    <h3 class="redress-subtitle">{t.your_complaints}</h3>
                    <ul class="redress-filed-here">
                        {filed_here.get().into_iter().map(|(reference, token)| {
                            let label = t.follow_complaint.replace("{reference}", &reference);
                            view! {
                                <li><button type="button" class="redress-link" on:click=move |_| screen.set(Screen::Track(reference.clone(), token.clone()))>{label}</button></li>
                            }
                        }).collect_view()}
                    </ul>
                    <p class="redress-forget">
                        <button type="button" class="redress-link" aria-describedby="redress-forget-hint" on:click=move |_| {
                            forget_endpoint.with_value(|e| filing::forget_filed(e));
                            filed_here.set(Vec::new());
                        }>{t.forget_device_list}</button>
                        <span class="redress-hint" id="redress-forget-hint">{t.forget_device_hint}</span>
                    </p>
                })}
            </Show>
        </section>
    }
}

/// Whether a pointer went down on a button (or inside one).
fn on_button(ev: &leptos::ev::PointerEvent) -> bool {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| element.closest("button").ok().flatten())
        .is_some()
}

/// The id, autofill token and input type of the field that proves the order is theirs.
fn proof_field(key: LookupKey) -> (&'static str, &'static str, &'static str) {
    match key {
        LookupKey::Email => ("redress-email", "email", "email"),
        LookupKey::PostCode => ("redress-postcode", "postal-code", "text"),
    }
}

/// A lookup field: its error waits until a filled-in field is left (or a submit). Not
/// when it is left by pressing one of the form's buttons: the button's own check shows
/// the errors, and an error appearing under the field at the press would push the button
/// from under the pointer before the release and swallow the click.
#[component]
fn Field(
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    autocomplete: &'static str,
    input_type: &'static str,
    value: RwSignal<String>,
    touched: RwSignal<bool>,
    error: Signal<Option<&'static str>>,
    /// A pointer is down on one of the form's buttons.
    pressing: RwSignal<bool>,
) -> impl IntoView {
    input_field(
        InputSpec::text(id, label)
            .hint(hint)
            .kind(input_type, autocomplete),
        value.into(),
        Callback::new(move |v| value.set(v)),
        error,
        Some(Callback::new(move |()| {
            if !value.get_untracked().trim().is_empty() && !pressing.get_untracked() {
                touched.set(true);
            }
        })),
    )
}

/// Moves focus to the field an error-summary link names (links inside a shadow root
/// cannot use the page's URL fragment).
pub(crate) fn focus_target(id: &'static str) -> impl Fn(leptos::ev::MouseEvent) {
    move |ev| {
        ev.prevent_default();
        #[cfg(target_arch = "wasm32")]
        {
            use wasm_bindgen::JsCast;
            let root = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                .map(|node| node.get_root_node());
            let field = root
                .and_then(|r| r.dyn_into::<web_sys::DocumentFragment>().ok())
                .and_then(|r| r.get_element_by_id(id))
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(field) = field {
                let _ = field.focus();
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = id;
    }
}
