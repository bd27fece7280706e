//! English.

use super::Messages;

pub(super) const MESSAGES: Messages = Messages {
    find_order_title: "Find your order",
    find_order_intro: "Tell us which order this is about. You find the order number in your confirmation e-mail.",
    order_number_label: "Order number",
    order_number_hint: "For example RD-1001",
    email_label: "E-mail address",
    email_hint: "The address you ordered with",
    lookup_submit: "Find my order",
    lookup_pending: "Looking up your order…",
    lookup_not_found: "We could not find an order with this order number and e-mail address. Please check both and try again.",
    lookup_failed: "We could not reach the shop just now. Your input is kept; please try again.",
    lookup_rate_limited: "Too many attempts in a short time. Please wait a few minutes and try again.",
    error_summary_title: "Please correct the following:",
    order_found_title: "We found your order",
    order_placed_on: "Ordered on",
    order_delivered_on: "Delivered on",
    order_not_delivered: "Not delivered yet",
    order_items: "Items",
    search_again: "Look up another order",
    missing_endpoint: "This widget is not set up yet: the shop has not given it an address to send complaints to.",
    order_number_empty: "Enter your order number.",
    order_number_format: "This does not look like an order number. Use the letters and digits from your confirmation, for example RD-1001.",
    email_empty: "Enter your e-mail address.",
    email_format: "Enter an e-mail address like name@example.com.",
    field_invalid: "Please check this field.",
};
