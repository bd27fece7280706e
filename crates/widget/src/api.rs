//! Every HTTP call of the widget, through the browser's `fetch` (web-sys), so no HTTP or
//! JSON crate enters the bundle. Responses are read with the browser's JSON parser.

/// What the shopper typed to find their order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LookupQuery {
    pub order_number: String,
    pub email: String,
}

/// An order as the shop's endpoint describes it; only what the shopper is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundOrder {
    pub order_number: String,
    /// ISO date (`2026-11-03`) or date-time, formatted in the shopper's locale when shown.
    pub placed_on: Option<String>,
    pub delivered_on: Option<String>,
    pub items: Vec<OrderItem>,
}

/// One line of the order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderItem {
    pub name: String,
    pub quantity: u32,
}

/// The lookup's answer. Not found is an answer, not an error: the shop never tells
/// whether the number exists, so the widget shows one neutral message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LookupOutcome {
    Found(FoundOrder),
    NotFound,
}

/// Why a call failed; the shopper's input is kept and they can retry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// No answer: offline, DNS, CORS, CSP `connect-src`.
    Network,
    /// An answer with an unexpected status.
    Status(u16),
    /// An answer that is not the JSON we expect.
    Malformed,
}

#[cfg(target_arch = "wasm32")]
pub use browser::lookup_order;

/// Outside the browser there is no `fetch`: native builds (the unit tests of the
/// catalogue and the checks) see the network as down.
#[cfg(not(target_arch = "wasm32"))]
pub async fn lookup_order(
    _endpoint: &str,
    _query: &LookupQuery,
) -> Result<LookupOutcome, ApiError> {
    Err(ApiError::Network)
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::*;
    use js_sys::{Array, JSON, Object, Reflect};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{Headers, Request, RequestInit, Response};

    /// `POST {endpoint}/orders/lookup` with `{ order_number, email }`: 200 is the order,
    /// 404 (and 422, a query the server refuses) is the neutral not-found.
    pub async fn lookup_order(
        endpoint: &str,
        query: &LookupQuery,
    ) -> Result<LookupOutcome, ApiError> {
        let body = Object::new();
        set(&body, "order_number", query.order_number.trim());
        set(&body, "email", query.email.trim());
        let response = post_json(&format!("{endpoint}/orders/lookup"), &body).await?;
        match response.status() {
            200 => {
                let json = read_json(&response).await?;
                let order = Reflect::get(&json, &"order".into())
                    .ok()
                    .filter(|v| v.is_object())
                    .unwrap_or(json);
                parse_order(&order).map(LookupOutcome::Found)
            }
            404 | 422 => Ok(LookupOutcome::NotFound),
            status => Err(ApiError::Status(status)),
        }
    }

    fn set(target: &Object, key: &str, value: &str) {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(target, &key.into(), &value.into());
    }

    async fn post_json(url: &str, body: &Object) -> Result<Response, ApiError> {
        let text = JSON::stringify(body).map_err(|_| ApiError::Malformed)?;
        let headers = Headers::new().map_err(|_| ApiError::Network)?;
        headers
            .set("content-type", "application/json")
            .map_err(|_| ApiError::Network)?;
        let init = RequestInit::new();
        init.set_method("POST");
        init.set_headers(&headers);
        init.set_body(&text);
        let request = Request::new_with_str_and_init(url, &init).map_err(|_| ApiError::Network)?;
        let window = web_sys::window().ok_or(ApiError::Network)?;
        let answer = JsFuture::from(window.fetch_with_request(&request))
            .await
            .map_err(|_| ApiError::Network)?;
        answer.dyn_into().map_err(|_| ApiError::Network)
    }

    async fn read_json(response: &Response) -> Result<JsValue, ApiError> {
        let promise = response.json().map_err(|_| ApiError::Malformed)?;
        JsFuture::from(promise)
            .await
            .map_err(|_| ApiError::Malformed)
    }

    fn text(value: &JsValue, keys: &[&str]) -> Option<String> {
        keys.iter()
            .filter_map(|key| Reflect::get(value, &(*key).into()).ok())
            .find_map(|v| v.as_string())
    }

    fn parse_order(value: &JsValue) -> Result<FoundOrder, ApiError> {
        let order_number = text(value, &["order_number", "number"]).ok_or(ApiError::Malformed)?;
        let items = Reflect::get(value, &"items".into())
            .ok()
            .filter(Array::is_array)
            .map(|list| Array::from(&list))
            .map(|list| {
                list.iter()
                    .filter_map(|item| {
                        let name = text(&item, &["name", "title", "description"])?;
                        let quantity = Reflect::get(&item, &"quantity".into())
                            .ok()
                            .and_then(|q| q.as_f64())
                            .map_or(1, |q| q.clamp(0.0, u32::MAX as f64) as u32);
                        Some(OrderItem { name, quantity })
                    })
                    .collect()
            })
            .unwrap_or_default();
        Ok(FoundOrder {
            order_number,
            placed_on: text(value, &["order_date", "placed_on", "placed_at"]),
            delivered_on: text(value, &["delivery_date", "delivered_on", "delivered_at"]),
            items,
        })
    }
}
