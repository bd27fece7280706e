//! The order the lookup found (or the number typed without one), shown above every step
//! so the shopper sees the complaint is about the right order.

use leptos::prelude::*;

use crate::api::FoundOrder;
use crate::filing::{DateStyle, format_date};
use crate::messages::{Lang, Messages};

/// The order the shop found, so the shopper sees it is the right one.
#[component]
pub(super) fn OrderCard(
    order: FoundOrder,
    lang: Lang,
    on_again: impl Fn() + 'static,
) -> impl IntoView {
    let t: &Messages = lang.messages();
    let delivered = match &order.delivered_on {
        Some(date) => format_date(date, lang, DateStyle::DayMonthYear),
        None => t.order_not_delivered.to_owned(),
    };
    let placed = order
        .placed_on
        .as_deref()
        .map(|d| format_date(d, lang, DateStyle::DayMonthYear));
    // The form the shopper submitted from is gone: focus moves to its answer, so screen
    // readers announce it and the keyboard stays inside the widget.
    let card = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(card) = card.get() {
            let _ = card.focus();
        }
    });
    // Typed without a lookup: the shop confirmed nothing, so the card claims nothing.
    let typed = order.typed;
    let facts = (!typed).then(|| {
        view! {
            <dl class="redress-order-facts">
                {placed.map(|date| view! { <dt>{t.order_placed_on}</dt><dd>{date}</dd> })}
                <dt>{t.order_delivered_on}</dt>
                <dd>{delivered}</dd>
            </dl>
            // The items are offered again as choices in the first step: here they only
            // confirm the order, folded so the card stays short above every step on a phone.
            <details class="redress-order-more">
                <summary>{format!("{} ({})", t.order_items, order.items.len())}</summary>
                <ul class="redress-order-items">
                    {order.items.into_iter().map(|item| view! {
                        <li><span class="redress-qty">{item.quantity}"×"</span>" "{item.name}</li>
                    }).collect_view()}
                </ul>
            </details>
        }
    });
    view! {
        <div class="redress-order" class:redress-order-typed=typed role="status" tabindex="-1" node_ref=card>
            <p class="redress-order-title">{if typed { t.order_typed_title } else { t.order_found_title }}</p>
            <p class="redress-order-number">{order.order_number}</p>
            {facts}
            <button type="button" class="redress-link redress-order-again" on:click=move |_| on_again()>
                {t.search_again}
            </button>
        </div>
    }
}
