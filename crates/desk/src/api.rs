//! Every HTTP call of the desk, through the browser's `fetch` (web-sys) with the desk
//! token as a bearer token. Answers are read as text and parsed into [`crate::wire`].

use serde_json::Value;

use crate::query::InboxQuery;
use crate::wire::{ComplaintDetail, Counts, InboxEntry, WithdrawalEntry};

/// Why a call failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// No answer: offline, server down.
    Network,
    /// 401: the token is wrong or was changed on the server.
    Unauthorized,
    /// The server refused the request: its status and stable error code.
    Refused { status: u16, code: String },
    /// An answer that is not what the desk expects.
    Malformed,
}

/// Where the shop-side API lives and the token it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// The API base, e.g. `/api`.
    pub endpoint: String,
    pub token: String,
}

impl Session {
    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.endpoint)
    }

    /// Counts per state; also how sign-in checks a token.
    pub async fn counts(&self) -> Result<Counts, ApiError> {
        parse(&self.get(&self.url("/shop/complaint-counts")).await?)
    }

    /// The inbox for `query`, next due first.
    pub async fn inbox(&self, query: &InboxQuery) -> Result<Vec<InboxEntry>, ApiError> {
        let url = self.url(&format!("/shop/complaints?{}", query.to_query_string()));
        parse(&self.get(&url).await?)
    }

    /// Every withdrawal, with its refund deadline.
    pub async fn withdrawals(&self) -> Result<Vec<WithdrawalEntry>, ApiError> {
        parse(&self.get(&self.url("/shop/withdrawals")).await?)
    }

    /// One complaint with its timeline, evidence, receipt and the events allowed now.
    pub async fn complaint(&self, reference: &str) -> Result<ComplaintDetail, ApiError> {
        let path = format!("/shop/complaints/{}", crate::query::encode(reference));
        parse(&self.get(&self.url(&path)).await?)
    }

    /// Appends `event` (core `LifecycleEvent` JSON), recorded by `actor` (`shop` or `board`).
    pub async fn record(&self, reference: &str, actor: &str, event: Value) -> Result<(), ApiError> {
        let path = format!(
            "/shop/complaints/{}/events",
            crate::query::encode(reference)
        );
        let body = serde_json::json!({ "actor": actor, "event": event }).to_string();
        self.post(&self.url(&path), &body).await.map(|_| ())
    }

    /// The shop's receipt key, hex (`GET /api/receipt-key`, public).
    pub async fn receipt_key(&self) -> Result<String, ApiError> {
        let answer: Value = parse(&self.get(&self.url("/receipt-key")).await?)?;
        answer["public_key"]
            .as_str()
            .map(str::to_owned)
            .ok_or(ApiError::Malformed)
    }

    /// The shop's currency, from the served policy.
    pub async fn currency(&self) -> Result<redress_core::domain::Currency, ApiError> {
        Ok(self.policy().await?.shop.currency)
    }

    /// The shop's time zone, from the served policy: the desk shows times on its clock.
    pub async fn time_zone(&self) -> Result<redress_core::time_zone::ShopTimeZone, ApiError> {
        Ok(self.policy().await?.shop.time_zone)
    }

    /// The shop's policy (`GET /api/policy`), read by the core's parser.
    async fn policy(&self) -> Result<redress_core::policy::ComplaintPolicy, ApiError> {
        let text = self.get(&self.url("/policy")).await?;
        redress_core::policy::ComplaintPolicy::from_json(&text).map_err(|_| ApiError::Malformed)
    }
}

fn parse<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, ApiError> {
    serde_json::from_str(text).map_err(|_| ApiError::Malformed)
}

#[cfg(any(target_arch = "wasm32", test))]
fn refused(status: u16, text: &str) -> ApiError {
    if status == 401 {
        return ApiError::Unauthorized;
    }
    let code = serde_json::from_str::<crate::wire::ErrorAnswer>(text)
        .map(|e| e.error)
        .unwrap_or_default();
    ApiError::Refused { status, code }
}

#[cfg(not(target_arch = "wasm32"))]
impl Session {
    async fn get(&self, _url: &str) -> Result<String, ApiError> {
        Err(ApiError::Network)
    }

    async fn post(&self, _url: &str, _body: &str) -> Result<String, ApiError> {
        Err(ApiError::Network)
    }

    /// Outside the browser there are no object URLs.
    pub async fn object_url(&self, _path: &str) -> Result<String, ApiError> {
        Err(ApiError::Network)
    }
}

/// Saves a file the desk fetched (an export, an evidence file) under `name`.
#[cfg(not(target_arch = "wasm32"))]
pub fn save_as(_object_url: &str, _name: &str) {}

#[cfg(target_arch = "wasm32")]
pub use browser::save_as;

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{Blob, Headers, Request, RequestInit, Response};

    impl Session {
        async fn send(
            &self,
            method: &str,
            url: &str,
            body: Option<&str>,
        ) -> Result<Response, ApiError> {
            let headers = Headers::new().map_err(|_| ApiError::Network)?;
            headers
                .set("authorization", &format!("Bearer {}", self.token))
                .map_err(|_| ApiError::Network)?;
            let init = RequestInit::new();
            init.set_method(method);
            if let Some(body) = body {
                headers
                    .set("content-type", "application/json")
                    .map_err(|_| ApiError::Network)?;
                init.set_body(&body.into());
            }
            init.set_headers(&headers);
            let request =
                Request::new_with_str_and_init(url, &init).map_err(|_| ApiError::Network)?;
            let window = web_sys::window().ok_or(ApiError::Network)?;
            let answer = JsFuture::from(window.fetch_with_request(&request))
                .await
                .map_err(|_| ApiError::Network)?;
            answer.dyn_into().map_err(|_| ApiError::Network)
        }

        async fn text_of(
            &self,
            method: &str,
            url: &str,
            body: Option<&str>,
        ) -> Result<String, ApiError> {
            let response = self.send(method, url, body).await?;
            let promise = response.text().map_err(|_| ApiError::Malformed)?;
            let text = JsFuture::from(promise)
                .await
                .ok()
                .and_then(|t| t.as_string())
                .ok_or(ApiError::Malformed)?;
            match response.status() {
                200..=299 => Ok(text),
                status => Err(refused(status, &text)),
            }
        }

        pub(super) async fn get(&self, url: &str) -> Result<String, ApiError> {
            self.text_of("GET", url, None).await
        }

        pub(super) async fn post(&self, url: &str, body: &str) -> Result<String, ApiError> {
            self.text_of("POST", url, Some(body)).await
        }

        /// Fetches `path` (under the endpoint) with the token and answers an object URL
        /// for its bytes: thumbnails and downloads need the bearer token, which an `<img>`
        /// or a link cannot send.
        pub async fn object_url(&self, path: &str) -> Result<String, ApiError> {
            let response = self.send("GET", &self.url(path), None).await?;
            if !(200..=299).contains(&response.status()) {
                return Err(refused(response.status(), ""));
            }
            let promise = response.blob().map_err(|_| ApiError::Malformed)?;
            let blob: Blob = JsFuture::from(promise)
                .await
                .map_err(|_| ApiError::Malformed)?
                .dyn_into()
                .map_err(|_| ApiError::Malformed)?;
            web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| ApiError::Malformed)
        }
    }

    /// Clicks a temporary `<a download>` for the object URL.
    pub fn save_as(object_url: &str, name: &str) {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Ok(link) = document.create_element("a") else {
            return;
        };
        let Ok(link) = link.dyn_into::<web_sys::HtmlAnchorElement>() else {
            return;
        };
        link.set_href(object_url);
        link.set_download(name);
        link.click();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_keep_the_servers_code_and_401_means_signed_out() {
        assert_eq!(refused(401, ""), ApiError::Unauthorized);
        assert_eq!(
            refused(409, r#"{"error":"transition.not_allowed","message":"no"}"#),
            ApiError::Refused {
                status: 409,
                code: "transition.not_allowed".into()
            }
        );
        assert_eq!(
            refused(500, "oops"),
            ApiError::Refused {
                status: 500,
                code: String::new()
            }
        );
    }
}
