//! The demo shop's orders, seeded by `--demo`, so the widget, the README and the
//! end-to-end tests can file complaints against a fresh server.
//!
//! Dates are relative to the day the server starts, so the complaint windows of the
//! policy stay meaningful whenever the demo runs:
//!
//! | order | e-mail | postcode | ordered | delivered | meant to show |
//! | --- | --- | --- | --- | --- | --- |
//! | `RD-1001` | `anna@example.com` | `1011 AB` | 10 days ago | 7 days ago | a defect, windows open |
//! | `RD-1002` | `bram@example.com` | `2000` | 40 days ago | 35 days ago | an older order, some windows closed |
//! | `RD-1003` | `olga@example.com` | `9711 AA` | 3 days ago | not yet | an order that never arrived |
//! | `RD-1004` | `sjoerd@example.com` | `8911 AB` | 400 days ago | 395 days ago | every window closed |

use chrono::{Days, NaiveDate};

use crate::store::{Order, OrderItem};

/// One demo order: number, e-mail, postcode, days before today it was ordered and
/// (if it was) delivered, and its items.
struct DemoOrder {
    number: &'static str,
    email: &'static str,
    postcode: &'static str,
    ordered_days_ago: u64,
    delivered_days_ago: Option<u64>,
    items: &'static [(&'static str, &'static str, u32)],
}

const DEMO_ORDERS: &[DemoOrder] = &[
    DemoOrder {
        number: "RD-1001",
        email: "anna@example.com",
        postcode: "1011 AB",
        ordered_days_ago: 10,
        delivered_days_ago: Some(7),
        items: &[
            ("HP-200", "Wireless headphones", 1),
            ("CB-USB-C", "USB-C cable", 2),
        ],
    },
    DemoOrder {
        number: "RD-1002",
        email: "bram@example.com",
        postcode: "2000",
        ordered_days_ago: 40,
        delivered_days_ago: Some(35),
        items: &[("CM-7", "Espresso machine", 1)],
    },
    DemoOrder {
        number: "RD-1003",
        email: "olga@example.com",
        postcode: "9711 AA",
        ordered_days_ago: 3,
        delivered_days_ago: None,
        items: &[("TS-M", "T-shirt, size M", 3)],
    },
    DemoOrder {
        number: "RD-1004",
        email: "sjoerd@example.com",
        postcode: "8911 AB",
        ordered_days_ago: 400,
        delivered_days_ago: Some(395),
        items: &[("BK-12", "Bicycle lamp", 1)],
    },
];

/// The demo orders with dates counted back from `today`.
pub fn demo_orders(today: NaiveDate) -> Vec<Order> {
    let back = |days: u64| today.checked_sub_days(Days::new(days)).unwrap_or(today);
    DEMO_ORDERS
        .iter()
        .map(|o| Order {
            order_number: o.number.to_owned(),
            email: o.email.to_owned(),
            postcode: o.postcode.to_owned(),
            order_date: back(o.ordered_days_ago),
            delivery_date: o.delivered_days_ago.map(back),
            items: o
                .items
                .iter()
                .map(|(sku, name, quantity)| OrderItem {
                    sku: (*sku).to_owned(),
                    name: (*name).to_owned(),
                    quantity: *quantity,
                })
                .collect(),
        })
        .collect()
}
