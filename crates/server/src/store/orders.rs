//! The `orders` table as an [`OrderBook`].

use async_trait::async_trait;
use chrono::NaiveDate;
use sqlx::AnyPool;

use super::{Order, OrderBook, OrderItem, StoreError};

/// Orders the shop imported (CSV) or the demo seeded.
#[derive(Debug, Clone)]
pub struct SqlOrderBook {
    pool: AnyPool,
}

impl SqlOrderBook {
    pub fn new(pool: AnyPool) -> Self {
        SqlOrderBook { pool }
    }
}

type OrderRow = (String, String, String, String, Option<String>, String);

fn parse_date(text: &str) -> Result<NaiveDate, StoreError> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| StoreError::Date(text.to_owned()))
}

#[async_trait]
impl OrderBook for SqlOrderBook {
    async fn order(&self, order_number: &str) -> Result<Option<Order>, StoreError> {
        let row: Option<OrderRow> = sqlx::query_as(
            "SELECT order_number, email, postcode, order_date, delivery_date, items FROM orders WHERE order_number = $1",
        )
        .bind(order_number)
        .fetch_optional(&self.pool)
        .await?;
        let Some((order_number, email, postcode, order_date, delivery_date, items)) = row else {
            return Ok(None);
        };
        let items: Vec<OrderItem> = serde_json::from_str(&items)?;
        Ok(Some(Order {
            order_number,
            email,
            postcode,
            order_date: parse_date(&order_date)?,
            delivery_date: delivery_date.as_deref().map(parse_date).transpose()?,
            items,
        }))
    }

    async fn import(&self, orders: &[Order]) -> Result<usize, StoreError> {
        let mut tx = self.pool.begin().await?;
        for order in orders {
            sqlx::query(
                "INSERT INTO orders (order_number, email, postcode, order_date, delivery_date, items) \
                 VALUES ($1, $2, $3, $4, $5, $6) \
                 ON CONFLICT (order_number) DO UPDATE SET email = excluded.email, \
                 postcode = excluded.postcode, order_date = excluded.order_date, \
                 delivery_date = excluded.delivery_date, items = excluded.items",
            )
            .bind(&order.order_number)
            .bind(&order.email)
            .bind(&order.postcode)
            .bind(order.order_date.format("%Y-%m-%d").to_string())
            .bind(order.delivery_date.map(|d| d.format("%Y-%m-%d").to_string()))
            .bind(serde_json::to_string(&order.items)?)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(orders.len())
    }
}
