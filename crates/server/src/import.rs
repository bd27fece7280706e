//! Reading the shop's orders from CSV for `redress-server import-orders`.

use std::path::Path;

use chrono::NaiveDate;
use redress_core::domain::{Email, OrderNumber, PostCode};
use serde::Deserialize;

use crate::store::{Order, OrderItem};

#[derive(Debug, Deserialize)]
struct OrderRecord {
    order_number: String,
    email: String,
    postcode: String,
    order_date: String,
    #[serde(default)]
    delivery_date: String,
    #[serde(default)]
    items: String,
}

/// Reads `order_number,email,postcode,order_date,delivery_date,items`; dates are
/// `YYYY-MM-DD` (delivery may be empty), items `sku:quantity:name` joined by `|`.
/// Errors name the line and the column.
pub fn read_orders(path: &Path) -> Result<Vec<Order>, String> {
    let mut reader =
        csv::Reader::from_path(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut orders = Vec::new();
    for (index, record) in reader.deserialize::<OrderRecord>().enumerate() {
        let line = index + 2;
        let r = record.map_err(|e| format!("line {line}: {e}"))?;
        let date = |column: &str, text: &str| {
            NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
                .map_err(|_| format!("line {line}, {column}: {text:?} is not YYYY-MM-DD"))
        };
        let order_number = r.order_number.trim().to_owned();
        if order_number.is_empty() {
            return Err(format!("line {line}, order_number: empty"));
        }
        let items = r
            .items
            .split('|')
            .filter(|s| !s.trim().is_empty())
            .map(|item| {
                let mut parts = item.splitn(3, ':');
                let sku = parts.next().unwrap_or_default().trim().to_owned();
                let quantity = parts.next().unwrap_or_default().trim().parse::<u32>();
                let name = parts.next().unwrap_or_default().trim().to_owned();
                match quantity {
                    Ok(quantity) if !sku.is_empty() => Ok(OrderItem {
                        sku,
                        name,
                        quantity,
                    }),
                    _ => Err(format!(
                        "line {line}, items: {item:?} is not sku:quantity:name"
                    )),
                }
            })
            .collect::<Result<Vec<_>, _>>()?;
        // The lookup compares with what these parse to, so an order that cannot parse
        // could never be found: refuse it here, naming the line.
        OrderNumber::parse(&order_number).map_err(|e| format!("line {line}, {e}"))?;
        Email::parse(&r.email).map_err(|e| format!("line {line}, {e}"))?;
        PostCode::parse(&r.postcode).map_err(|e| format!("line {line}, {e}"))?;
        orders.push(Order {
            order_number,
            email: r.email.trim().to_owned(),
            postcode: r.postcode.trim().to_owned(),
            order_date: date("order_date", &r.order_date)?,
            delivery_date: if r.delivery_date.trim().is_empty() {
                None
            } else {
                Some(date("delivery_date", &r.delivery_date)?)
            },
            items,
        });
    }
    Ok(orders)
}
