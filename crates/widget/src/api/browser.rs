//! The browser side of every HTTP call: `fetch` through web-sys, bodies built and read as
//! JavaScript objects with the browser's JSON parser, so no HTTP or JSON crate enters the
//! bundle.

use super::*;
use js_sys::{Array, JSON, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Headers, Request, RequestInit, Response};

/// `{order_number, email}` or `{order_number, postcode}`, as the policy asks.
fn lookup_body(query: &LookupQuery) -> Object {
    let body = Object::new();
    set(&body, "order_number", query.order_number.trim());
    let proof = match query.key {
        LookupKey::Email => "email",
        LookupKey::PostCode => "postcode",
    };
    set(&body, proof, query.proof.trim());
    body
}

/// `POST {endpoint}/orders/lookup` with `{ order_number, email | postcode }`: 200 is the order,
/// 404 (and 422, a query the server refuses) is the neutral not-found.
pub async fn lookup_order(endpoint: &str, query: &LookupQuery) -> Result<LookupOutcome, ApiError> {
    let response = post_json(&format!("{endpoint}/orders/lookup"), &lookup_body(query)).await?;
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

/// `POST {endpoint}/complaints/find`: the shopper's complaints about an order as
/// `(reference, fresh token)`, newest first; `None` is the neutral not-found.
pub async fn find_complaints(
    endpoint: &str,
    query: &LookupQuery,
) -> Result<Option<Vec<(String, String)>>, ApiError> {
    let response = post_json(&format!("{endpoint}/complaints/find"), &lookup_body(query)).await?;
    match response.status() {
        200 => {
            let json = read_json(&response).await?;
            let list = Reflect::get(&json, &"complaints".into())
                .ok()
                .filter(Array::is_array)
                .ok_or(ApiError::Malformed)?;
            Ok(Some(
                Array::from(&list)
                    .iter()
                    .filter_map(|c| {
                        Some((text(&c, &["reference"])?, text(&c, &["tracking_token"])?))
                    })
                    .collect(),
            ))
        }
        404 | 422 => Ok(None),
        status => Err(ApiError::Status(status)),
    }
}

/// `POST {endpoint}/complaints/{reference}/escalate`: the shop's board reviews on
/// request (`route` = `board`); any other open route is recorded as the external body
/// the shopper went to (`chargeback` is the payment provider).
pub async fn escalate(
    endpoint: &str,
    reference: &str,
    token: &str,
    route: &str,
) -> Result<(), ApiError> {
    let body = Object::new();
    set(&body, "token", token);
    if route != "board" {
        let external = if route == "chargeback" {
            "payment_provider"
        } else {
            route
        };
        set(&body, "referred_to", external);
    }
    let url = format!("{endpoint}/complaints/{reference}/escalate");
    let response = post_json(&url, &body).await?;
    match response.status() {
        200 => Ok(()),
        status => Err(ApiError::Status(status)),
    }
}

/// `GET {endpoint}/policy`: the policy's JSON text, parsed by the core crate.
pub async fn fetch_policy(endpoint: &str) -> Result<String, ApiError> {
    get_text(&format!("{endpoint}/policy")).await
}

/// `GET url`: the body of a 200 answer as text.
pub async fn get_text(url: &str) -> Result<String, ApiError> {
    let window = web_sys::window().ok_or(ApiError::Network)?;
    let answer = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| ApiError::Network)?;
    let response: Response = answer.dyn_into().map_err(|_| ApiError::Network)?;
    if response.status() != 200 {
        return Err(ApiError::Status(response.status()));
    }
    let promise = response.text().map_err(|_| ApiError::Malformed)?;
    JsFuture::from(promise)
        .await
        .ok()
        .and_then(|text| text.as_string())
        .ok_or(ApiError::Malformed)
}

/// `POST {endpoint}/complaints` with the draft; the same `idempotency_key` on a
/// retry makes the server answer with the first filing instead of a second one.
pub async fn file_complaint(
    endpoint: &str,
    idempotency_key: &str,
    language: &str,
    draft_json: &str,
    evidence_ids: &[String],
) -> Result<FilingOutcome, ApiError> {
    let body = filing_body(language, draft_json, evidence_ids)?;
    send_filing(&format!("{endpoint}/complaints"), &body, idempotency_key).await
}

/// `POST {endpoint}/trustmark/complaints`: the same filing, about a member shop, with
/// the shopper's earlier complaint to it. The trustmark's refusals (`trustmark.*`, no
/// field) come back as a refusal on the field `trustmark`.
#[cfg(feature = "trustmark-page")]
pub async fn file_trustmark_complaint(
    endpoint: &str,
    idempotency_key: &str,
    language: &str,
    draft_json: &str,
    evidence_ids: &[String],
    case: &TrustmarkCase,
) -> Result<FilingOutcome, ApiError> {
    let body = filing_body(language, draft_json, evidence_ids)?;
    set(&body, "member_id", &case.member_id);
    let earlier = Object::new();
    set(&earlier, "on", &case.complained_on);
    if let Some(reference) = &case.shop_reference {
        set(&earlier, "reference", reference);
    }
    let _ = Reflect::set(&body, &"complained_to_shop".into(), &earlier);
    if let Some(receipt) = &case.shop_receipt {
        set(&body, "shop_receipt", receipt);
    }
    let url = format!("{endpoint}/trustmark/complaints");
    send_filing(&url, &body, idempotency_key).await
}

fn filing_body(
    language: &str,
    draft_json: &str,
    evidence_ids: &[String],
) -> Result<Object, ApiError> {
    let draft = JSON::parse(draft_json).map_err(|_| ApiError::Malformed)?;
    // A key left empty means "not given" on the wire: leaving it out keeps the body
    // acceptable to a server that predates a newer optional field.
    for key in Object::keys(&Object::from(draft.clone())).iter() {
        if Reflect::get(&draft, &key)
            .ok()
            .and_then(|v| v.as_string())
            .as_deref()
            == Some("")
        {
            let _ = Reflect::delete_property(&Object::from(draft.clone()), &key);
        }
    }
    let body = Object::new();
    set(&body, "language", language);
    let _ = Reflect::set(&body, &"draft".into(), &draft);
    let ids: Array = evidence_ids
        .iter()
        .map(|id| JsValue::from_str(id))
        .collect();
    let _ = Reflect::set(&body, &"evidence_ids".into(), &ids);
    Ok(body)
}

async fn send_filing(
    url: &str,
    body: &Object,
    idempotency_key: &str,
) -> Result<FilingOutcome, ApiError> {
    let response = send_json(url, body, Some(idempotency_key)).await?;
    let json = read_json(&response).await;
    match response.status() {
        200 | 201 => {
            let json = json?;
            let reference = text(&json, &["reference"]).ok_or(ApiError::Malformed)?;
            Ok(FilingOutcome::Filed(Filed {
                reference,
                acknowledge_on: acknowledge_on(&json),
                tracking_token: text(&json, &["tracking_token"]).unwrap_or_default(),
                receipt: receipt_text(&json),
            }))
        }
        422 => {
            let code = json.as_ref().ok().and_then(|j| text(j, &["error"]));
            match code.filter(|c| c.starts_with("trustmark.")) {
                Some(code) => Ok(FilingOutcome::Refused(vec![("trustmark".into(), code)])),
                None => refused_fields(json).map(FilingOutcome::Refused),
            }
        }
        status => Err(ApiError::Status(status)),
    }
}

/// `POST {endpoint}/withdrawals` with the withdrawal draft, under its idempotency key.
pub async fn withdraw(
    endpoint: &str,
    idempotency_key: &str,
    language: &str,
    draft_json: &str,
) -> Result<WithdrawalOutcome, ApiError> {
    let draft = JSON::parse(draft_json).map_err(|_| ApiError::Malformed)?;
    let body = Object::new();
    set(&body, "language", language);
    let _ = Reflect::set(&body, &"draft".into(), &draft);
    let url = format!("{endpoint}/withdrawals");
    let response = send_json(&url, &body, Some(idempotency_key)).await?;
    let json = read_json(&response).await;
    match response.status() {
        200 | 201 => {
            let json = json?;
            let list = |key: &str, inner: Option<&str>| -> Vec<String> {
                Reflect::get(&json, &key.into())
                    .ok()
                    .filter(Array::is_array)
                    .map(|l| {
                        Array::from(&l)
                            .iter()
                            .filter_map(|v| match inner {
                                Some(k) => text(&v, &[k]),
                                None => v.as_string(),
                            })
                            .collect()
                    })
                    .unwrap_or_default()
            };
            Ok(WithdrawalOutcome::Recorded(Withdrawn {
                reference: text(&json, &["reference"]).ok_or(ApiError::Malformed)?,
                received_at: text(&json, &["received_at"]).unwrap_or_default(),
                refund_due: text(&json, &["refund_due"]).unwrap_or_default(),
                items: list("items", None),
                kept: list("kept", Some("name")),
                receipt: receipt_text(&json),
            }))
        }
        422 => refused_fields(json).map(WithdrawalOutcome::Refused),
        status => Err(ApiError::Status(status)),
    }
}

/// The answer's signed receipt as the JSON text the shopper downloads.
fn receipt_text(answer: &JsValue) -> String {
    Reflect::get(answer, &"receipt".into())
        .ok()
        .and_then(|r| JSON::stringify(&r).ok())
        .and_then(|r| r.as_string())
        .unwrap_or_default()
}

/// A 422's `fields: [{field, code}]`; none at all is a refusal without a field.
fn refused_fields(json: Result<JsValue, ApiError>) -> Result<Vec<(String, String)>, ApiError> {
    let fields = json
        .ok()
        .and_then(|j| Reflect::get(&j, &"fields".into()).ok())
        .filter(Array::is_array)
        .map(|list| {
            Array::from(&list)
                .iter()
                .filter_map(|f| Some((text(&f, &["field"])?, text(&f, &["code"])?)))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    if fields.is_empty() {
        Err(ApiError::Status(422))
    } else {
        Ok(fields)
    }
}

fn acknowledge_on(json: &JsValue) -> Option<String> {
    let tracking = Reflect::get(json, &"tracking".into()).ok()?;
    let steps = Reflect::get(&tracking, &"due_steps".into()).ok()?;
    if !Array::is_array(&steps) {
        return None;
    }
    Array::from(&steps)
        .iter()
        .find(|step| text(step, &["kind"]).as_deref() == Some("acknowledgement"))
        .and_then(|step| text(&step, &["due_on"]))
}

fn set(target: &Object, key: &str, value: &str) {
    // Setting a property on a fresh plain object cannot fail.
    let _ = Reflect::set(target, &key.into(), &value.into());
}

async fn post_json(url: &str, body: &Object) -> Result<Response, ApiError> {
    send_json(url, body, None).await
}

async fn send_json(
    url: &str,
    body: &Object,
    idempotency_key: Option<&str>,
) -> Result<Response, ApiError> {
    let text = JSON::stringify(body).map_err(|_| ApiError::Malformed)?;
    let headers = Headers::new().map_err(|_| ApiError::Network)?;
    headers
        .set("content-type", "application/json")
        .map_err(|_| ApiError::Network)?;
    if let Some(key) = idempotency_key {
        headers
            .set("idempotency-key", key)
            .map_err(|_| ApiError::Network)?;
    }
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
        typed: false,
    })
}
