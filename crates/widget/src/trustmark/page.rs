//! The trustmark's complaint page (`data-mode="trustmark"`): the shopper finds the shop in
//! the trustmark's signed member list, answers the gate (complained to the shop? when?)
//! or imports the shop's signed receipt, and is told where the complaint goes: the
//! trustmark (now, or from the day the shop's time runs out), the consumer ombudsman, the
//! travel disputes committee or the European Consumer Centre. The core decides; this
//! module only asks and shows.

use chrono::NaiveDate;
use leptos::prelude::*;
use redress_core::calendar::{WorkingCalendar, parse_iso_date};
use redress_core::trustmark::{
    GateAnswers, Member, MemberRegistry, PublishedKeys, SignedEnvelope, TrustmarkRoute,
    route_complaint,
};

use super::filing;
use super::gate::{Gate, receipt_import};
use crate::api;
use crate::filing::{DateStyle, format_date, now, page_fragment};
use crate::input_field::{InputSpec, input_field};
use crate::messages::{Lang, Messages};
use crate::shop_policy::shop_policy;
use crate::tracker::{Tracker, parse_tracking_fragment};
use crate::webcrypto::ed25519_verifies;

/// What the page needs before it can ask anything: the verified list and the calendar.
#[derive(Clone)]
struct Loaded {
    /// The trustmark's own API, where complaints are filed.
    endpoint: String,
    registry: MemberRegistry,
    calendar: WorkingCalendar,
    wait_days: u16,
    today: NaiveDate,
}

async fn load(endpoint: &str) -> Option<Loaded> {
    let keys = api::get_text(&format!("{endpoint}/trustmark/keys"))
        .await
        .ok()?;
    let keys = PublishedKeys::from_json(&keys).ok()?;
    let registry = api::get_text(&format!("{endpoint}/trustmark/registry"))
        .await
        .ok()?;
    let envelope = SignedEnvelope::from_json(&registry).ok()?;
    let policy = shop_policy(endpoint).await.ok()?;
    let today = policy.today(now());
    let check = keys.signature_to_check(&envelope).ok()?;
    let valid = ed25519_verifies(check.public_key(), check.signature(), check.message()).await;
    Some(Loaded {
        endpoint: endpoint.to_owned(),
        registry: check.registry(valid, today).ok()?,
        calendar: WorkingCalendar::for_country(policy.shop.country).ok()?,
        wait_days: policy.deadlines.trustmark_wait_working_days,
        today,
    })
}

/// The shop the shopper picked.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Choice {
    Member(Member),
    NotListed,
}

/// The page. `endpoint` is the trustmark's own API. A tracking link from a complaint filed
/// here (`#redress-track=...`) opens that complaint's tracker instead.
#[component]
pub fn TrustmarkPage(endpoint: String, lang: Lang) -> impl IntoView {
    let t = lang.messages();
    if let Some((reference, token)) = parse_tracking_fragment(&page_fragment()) {
        // The trustmark keeps this complaint's deadlines: its name comes with its
        // verified registry, so the tracker shows once that is read.
        let handled_by = RwSignal::new(None::<Option<String>>);
        {
            let endpoint = endpoint.clone();
            leptos::task::spawn_local(async move {
                let name = load(&endpoint)
                    .await
                    .map(|loaded| loaded.registry.trustmark().to_string());
                handled_by.set(Some(name));
            });
        }
        return view! {
            <section class="redress-screen" lang=lang.tag()>
                {move || handled_by.get().map(|name| {
                    let (endpoint, reference, token) = (endpoint.clone(), reference.clone(), token.clone());
                    view! { <Tracker endpoint=endpoint lang=lang reference=reference token=token handled_by=name/> }
                })}
            </section>
        }
        .into_any();
    }
    let loaded = RwSignal::new(None::<Option<Loaded>>);
    leptos::task::spawn_local(async move {
        loaded.set(Some(load(&endpoint).await));
    });
    view! {
        <section class="redress-screen redress-trustmark" lang=lang.tag() aria-labelledby="redress-tm-title">
            <h2 id="redress-tm-title" class="redress-title">{t.tm_title}</h2>
            {move || match loaded.get() {
                None => view! { <p class="redress-notice" role="status">{t.tm_loading}</p> }.into_any(),
                Some(None) => view! { <p class="redress-notice redress-notice-error" role="alert">{t.tm_failed}</p> }.into_any(),
                Some(Some(loaded)) => view! { <Desk loaded=loaded lang=lang/> }.into_any(),
            }}
        </section>
    }
    .into_any()
}

#[component]
fn Desk(loaded: Loaded, lang: Lang) -> impl IntoView {
    let t = lang.messages();
    let trustmark = loaded.registry.trustmark().to_string();
    let days = loaded.wait_days.to_string();
    let intro = t
        .tm_intro
        .replace("{trustmark}", &trustmark)
        .replace("{days}", &days);
    let query = RwSignal::new(String::new());
    let choice = RwSignal::new(None::<Choice>);
    let loaded = StoredValue::new(loaded);
    view! {
        <p class="redress-intro">{intro}</p>
        {move || match choice.get() {
            None => search(t, query, choice, loaded).into_any(),
            Some(chosen) => view! {
                <ChosenShop chosen=chosen loaded=loaded lang=lang/>
                <button type="button" class="redress-button redress-button-secondary" on:click=move |_| choice.set(None)>
                    {t.tm_other_shop}
                </button>
            }
            .into_any(),
        }}
    }
}

fn search(
    t: &'static Messages,
    query: RwSignal<String>,
    choice: RwSignal<Option<Choice>>,
    loaded: StoredValue<Loaded>,
) -> impl IntoView {
    let spec = InputSpec::text("redress-tm-search", t.tm_search_label)
        .hint(t.tm_search_hint)
        .kind("search", "off");
    let matches = move || {
        loaded.with_value(|l| {
            l.registry
                .search(&query.get())
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="redress-form">
        {input_field(spec, query.into(), Callback::new(move |v| query.set(v)), Signal::derive(|| None), None)}
        {move || {
            let found = matches();
            let typed = query.get();
            if typed.trim().is_empty() {
                return ().into_any();
            }
            if found.is_empty() {
                return view! {
                    <p class="redress-notice" role="status">{t.tm_no_match.replace("{query}", typed.trim())}</p>
                }
                .into_any();
            }
            view! {
                <ul class="redress-filed-here redress-tm-results" aria-label=t.tm_search_label>
                    {found
                        .into_iter()
                        .map(|member| {
                            let label = format!("{} ({})", member.shop_name(), member.domains().iter().map(|d| d.as_ref()).collect::<Vec<_>>().join(", "));
                            view! {
                                <li>
                                    <button type="button" class="redress-button redress-button-secondary" on:click=move |_| choice.set(Some(Choice::Member(member.clone())))>
                                        {label}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any()
        }}
        <div>
            <button type="button" class="redress-link" on:click=move |_| choice.set(Some(Choice::NotListed))>
                {t.tm_not_listed}
            </button>
        </div>
        </div>
    }
}

/// The words for a route, with the trustmark, the shop and the dates filled in.
fn route_text(
    t: &'static Messages,
    lang: Lang,
    route: TrustmarkRoute,
    trustmark: &str,
    shop: &str,
    days: u16,
) -> String {
    let day = |date: NaiveDate| format_date(&date.to_string(), lang, DateStyle::DayMonthYear);
    let text = match route {
        TrustmarkRoute::Trustmark => t.tm_route_trustmark.to_owned(),
        TrustmarkRoute::ShopFirst => t.tm_route_shop_first.to_owned(),
        TrustmarkRoute::TooEarly { opens_on } => {
            t.tm_route_too_early.replace("{date}", &day(opens_on))
        }
        TrustmarkRoute::ConsumerOmbudsman {
            expired_on: Some(until),
        } => t.tm_route_expired.replace("{date}", &day(until)),
        TrustmarkRoute::ConsumerOmbudsman { expired_on: None } => t.tm_route_not_member.to_owned(),
        TrustmarkRoute::TravelDisputesCommittee => t.tm_route_travel.to_owned(),
        TrustmarkRoute::EuropeanConsumerCentre => t.tm_route_ecc.to_owned(),
    };
    text.replace("{trustmark}", trustmark)
        .replace("{shop}", shop)
        .replace("{days}", &days.to_string())
}

fn route_notice(text: String, route: TrustmarkRoute) -> impl IntoView {
    let open = route == TrustmarkRoute::Trustmark;
    let opens_on = match route {
        TrustmarkRoute::TooEarly { opens_on } => Some(opens_on.to_string()),
        _ => None,
    };
    view! {
        <div class="redress-notice redress-tm-route" class:redress-notice-success=open role="status" data-route=route.code() data-opens-on=opens_on>
            <p>{text}</p>
        </div>
    }
}

#[component]
fn ChosenShop(chosen: Choice, loaded: StoredValue<Loaded>, lang: Lang) -> impl IntoView {
    let t = lang.messages();
    let (trustmark, today, wait_days) =
        loaded.with_value(|l| (l.registry.trustmark().to_string(), l.today, l.wait_days));
    let member = match chosen {
        Choice::NotListed => {
            let route = TrustmarkRoute::ConsumerOmbudsman { expired_on: None };
            return route_notice(route_text(t, lang, route, &trustmark, "", wait_days), route)
                .into_any();
        }
        Choice::Member(member) => member,
    };
    let shop = member.shop_name().to_string();
    let until = format_date(
        &member.valid_until().to_string(),
        lang,
        DateStyle::DayMonthYear,
    );
    let card = view! {
        <div class="redress-order redress-tm-shop">
            <p class="redress-order-number">{shop.clone()}</p>
            <p class="redress-hint">{member.domains().iter().map(|d| d.as_ref()).collect::<Vec<_>>().join(", ")}</p>
            <p class="redress-hint">{t.tm_member_until.replace("{id}", member.member_id().as_ref()).replace("{date}", &until)}</p>
        </div>
    };
    // A lapsed or travel member is routed before any question.
    let early = loaded.with_value(|l| {
        route_complaint(
            &GateAnswers {
                member: Some(&member),
                complained_on: None,
                cross_border: false,
            },
            today,
            &l.calendar,
            l.wait_days,
        )
    });
    if matches!(
        early,
        TrustmarkRoute::ConsumerOmbudsman { .. } | TrustmarkRoute::TravelDisputesCommittee
    ) {
        let text = route_text(t, lang, early, &trustmark, &shop, wait_days);
        return view! { {card} {route_notice(text, early)} }.into_any();
    }
    let gate = Gate::new();
    let member = StoredValue::new(member);
    let opened = RwSignal::new(false);
    let endpoint = loaded.with_value(|l| l.endpoint.clone());
    let offered_by = trustmark.clone();
    let filed_with = trustmark.clone();
    let check = move |_| {
        gate.attempted.set(true);
        if gate.complained.get_untracked().is_none() || gate.date_error(today).is_some() {
            gate.verdict.set(None);
            return;
        }
        let complained_on = if gate.complained.get_untracked() == Some(true) {
            parse_iso_date(gate.complained_on.get_untracked().trim())
        } else {
            None
        };
        let route = member.with_value(|m| {
            loaded.with_value(|l| {
                route_complaint(
                    &GateAnswers {
                        member: Some(m),
                        complained_on,
                        cross_border: gate.cross_border.get_untracked(),
                    },
                    today,
                    &l.calendar,
                    l.wait_days,
                )
            })
        });
        gate.verdict.set(Some(route));
    };
    // Once filing, the case above the flow names the shop: the card and the gate give way.
    view! {
        <div hidden=move || opened.get()>
        {card}
        <div class="redress-form redress-tm-gate">
        {receipt_import(t, lang, gate, member)}
        <fieldset class="redress-fieldset" aria-describedby=move || (gate.attempted.get() && gate.complained.get().is_none()).then_some("redress-tm-complained-error")>
            <legend>{t.tm_complained_legend}</legend>
            <label class="redress-choice">
                <input type="radio" name="redress-tm-complained" value="yes" prop:checked=move || gate.complained.get() == Some(true) on:change=move |_| { gate.complained.set(Some(true)); gate.verdict.set(None); }/>
                {t.tm_yes}
            </label>
            <label class="redress-choice">
                <input type="radio" name="redress-tm-complained" value="no" prop:checked=move || gate.complained.get() == Some(false) on:change=move |_| { gate.complained.set(Some(false)); gate.verdict.set(None); }/>
                {t.tm_no}
            </label>
            {move || (gate.attempted.get() && gate.complained.get().is_none()).then(|| view! { <p class="redress-error" id="redress-tm-complained-error">{t.field_invalid}</p> })}
        </fieldset>
        {move || (gate.complained.get() == Some(true)).then(|| {
            let date = InputSpec::text("redress-tm-complained-on", t.tm_complained_on).kind("date", "off");
            let reference = InputSpec::text("redress-tm-reference", t.tm_reference_label);
            view! {
                {input_field(date, gate.complained_on.into(), Callback::new(move |v| { gate.complained_on.set(v); gate.verdict.set(None); }),
                    Signal::derive(move || gate.date_error(today).filter(|_| gate.attempted.get()).map(|code| t.field_error(code))), None)}
                {input_field(reference, gate.reference.into(), Callback::new(move |v| gate.reference.set(v)), Signal::derive(|| None), None)}
            }
        })}
        <label class="redress-choice">
            <input type="checkbox" id="redress-tm-cross-border" prop:checked=move || gate.cross_border.get() on:change:target=move |ev| { gate.cross_border.set(ev.target().checked()); gate.verdict.set(None); }/>
            {t.tm_cross_border}
        </label>
        <div><button type="button" class="redress-button" on:click=check>{t.tm_check}</button></div>
        </div>
        {move || gate.verdict.get().map(|route| {
            route_notice(route_text(t, lang, route, &trustmark, &shop, wait_days), route)
        })}
        {move || (gate.verdict.get() == Some(TrustmarkRoute::Trustmark))
            .then(|| filing::offer(lang, &offered_by, gate.order_number, opened))}
        </div>
        {move || opened.get()
            .then(|| gate.passed(&filed_with, member.get_value()))
            .flatten()
            .map(|passed| filing::flow(endpoint.clone(), lang, passed, gate.order_number.get_untracked(), opened))}
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_names_its_body_with_every_blank_filled_in_every_language() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let routes = [
            TrustmarkRoute::Trustmark,
            TrustmarkRoute::ShopFirst,
            TrustmarkRoute::TooEarly { opens_on: day },
            TrustmarkRoute::ConsumerOmbudsman { expired_on: None },
            TrustmarkRoute::ConsumerOmbudsman {
                expired_on: Some(day),
            },
            TrustmarkRoute::TravelDisputesCommittee,
            TrustmarkRoute::EuropeanConsumerCentre,
        ];
        for lang in Lang::ALL {
            let t = lang.messages();
            for route in routes {
                let text = route_text(t, lang, route, "Becom", "Kade Store", 5);
                assert!(!text.contains('{'), "{lang:?} {route:?}: {text}");
                if !matches!(route, TrustmarkRoute::EuropeanConsumerCentre) {
                    assert!(text.contains("Becom"), "{lang:?} {route:?}: {text}");
                }
                if let TrustmarkRoute::TooEarly { .. } = route {
                    assert!(text.contains("2026"), "{lang:?}: the opening day in {text}");
                }
            }
        }
    }
}
