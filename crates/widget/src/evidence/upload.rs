//! The background upload of one prepared file: `POST {endpoint}/evidence` through
//! `XMLHttpRequest`, because `fetch` cannot report upload progress. The shopper sees a
//! progress bar, can cancel, and can retry after a failure.

use std::cell::RefCell;
use std::rc::Rc;

/// The server's receipt of one file: the id the complaint refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Uploaded {
    pub id: String,
}

/// Why an upload ended without an id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UploadFailure {
    /// No answer (offline, server down): worth a retry.
    Network,
    /// The shop refused the file with the core crate's code (`evidence.too_large`, ...).
    Refused(String),
    /// The shopper cancelled.
    Cancelled,
}

/// What the upload reports while it runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UploadEvent {
    /// Bytes sent so far, of the total.
    Progress {
        sent: u64,
        total: u64,
    },
    Finished(Result<Uploaded, UploadFailure>),
}

/// A running upload; dropping it does not stop it, [`UploadHandle::cancel`] does.
#[derive(Clone, Default)]
pub struct UploadHandle {
    #[cfg(target_arch = "wasm32")]
    request: Rc<RefCell<Option<web_sys::XmlHttpRequest>>>,
    #[cfg(not(target_arch = "wasm32"))]
    request: Rc<RefCell<Option<()>>>,
}

impl UploadHandle {
    /// Aborts the upload if it still runs; the event handler then reports `Cancelled`.
    pub fn cancel(&self) {
        // Taken out first: `abort()` fires the handler at once, which reads the slot.
        let running = self.request.borrow_mut().take();
        #[cfg(target_arch = "wasm32")]
        if let Some(request) = running {
            let _ = request.abort();
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = running;
    }
}

/// The query string that names the file for the server: its digest and name.
pub fn upload_url(endpoint: &str, sha256: &str, name: &str) -> String {
    format!(
        "{endpoint}/evidence?sha256={sha256}&name={}",
        percent_encode(name)
    )
}

/// Encodes everything but unreserved characters (RFC 3986), byte by byte.
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(b"0123456789ABCDEF"[usize::from(byte >> 4)]));
            out.push(char::from(b"0123456789ABCDEF"[usize::from(byte & 0xF)]));
        }
    }
    out
}

/// Starts uploading `bytes`; `on_event` hears progress and the end, exactly one
/// `Finished`.
#[cfg(target_arch = "wasm32")]
pub fn start(
    url: &str,
    media_type: &str,
    bytes: &[u8],
    on_event: impl Fn(UploadEvent) + 'static,
) -> UploadHandle {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    use web_sys::{ProgressEvent, XmlHttpRequest};

    let handle = UploadHandle::default();
    let on_event = Rc::new(on_event);
    let Ok(request) = XmlHttpRequest::new() else {
        on_event(UploadEvent::Finished(Err(UploadFailure::Network)));
        return handle;
    };
    if request.open("POST", url).is_err()
        || request
            .set_request_header("content-type", media_type)
            .is_err()
    {
        on_event(UploadEvent::Finished(Err(UploadFailure::Network)));
        return handle;
    }
    let total = bytes.len() as u64;
    let progress = {
        let on_event = on_event.clone();
        Closure::<dyn FnMut(ProgressEvent)>::new(move |e: ProgressEvent| {
            on_event(UploadEvent::Progress {
                sent: e.loaded() as u64,
                total,
            })
        })
    };
    if let Ok(upload) = request.upload() {
        upload.set_onprogress(Some(progress.as_ref().unchecked_ref()));
    }
    let finished = {
        let on_event = on_event.clone();
        let request = request.clone();
        let slot = handle.request.clone();
        Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            let cancelled = slot.borrow_mut().take().is_none();
            let outcome = if cancelled || e.type_() == "abort" {
                Err(UploadFailure::Cancelled)
            } else if e.type_() == "load" {
                answer(&request)
            } else {
                Err(UploadFailure::Network)
            };
            on_event(UploadEvent::Finished(outcome));
        })
    };
    request.set_onload(Some(finished.as_ref().unchecked_ref()));
    request.set_onerror(Some(finished.as_ref().unchecked_ref()));
    request.set_onabort(Some(finished.as_ref().unchecked_ref()));
    // The callbacks live as long as the page: one pair per file the shopper adds.
    progress.forget();
    finished.forget();
    *handle.request.borrow_mut() = Some(request.clone());
    if request.send_with_opt_u8_array(Some(bytes)).is_err() {
        handle.request.borrow_mut().take();
        on_event(UploadEvent::Finished(Err(UploadFailure::Network)));
    }
    handle
}

#[cfg(target_arch = "wasm32")]
fn answer(request: &web_sys::XmlHttpRequest) -> Result<Uploaded, UploadFailure> {
    use js_sys::{JSON, Reflect};
    let status = request.status().unwrap_or(0);
    let body = request
        .response_text()
        .ok()
        .flatten()
        .and_then(|text| JSON::parse(&text).ok());
    let read = |key: &str| {
        body.as_ref()
            .and_then(|b| Reflect::get(b, &key.into()).ok())
            .and_then(|v| v.as_string())
    };
    match status {
        200 | 201 => read("id")
            .map(|id| Uploaded { id })
            .ok_or(UploadFailure::Network),
        0 | 429 | 500.. => Err(UploadFailure::Network),
        _ => {
            // A refusal names a field code; the first one says why.
            let field_code = body
                .as_ref()
                .and_then(|b| Reflect::get(b, &"fields".into()).ok())
                .filter(js_sys::Array::is_array)
                .and_then(|list| {
                    let first = js_sys::Array::from(&list).get(0);
                    Reflect::get(&first, &"code".into()).ok()?.as_string()
                });
            Err(UploadFailure::Refused(
                field_code
                    .or_else(|| read("error"))
                    .unwrap_or_else(|| String::from("evidence.refused")),
            ))
        }
    }
}

/// Outside the browser there is no network: the upload fails at once.
#[cfg(not(target_arch = "wasm32"))]
pub fn start(
    _url: &str,
    _media_type: &str,
    _bytes: &[u8],
    on_event: impl Fn(UploadEvent) + 'static,
) -> UploadHandle {
    on_event(UploadEvent::Finished(Err(UploadFailure::Network)));
    UploadHandle::default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_name_travels_percent_encoded_and_never_as_a_path() {
        assert_eq!(
            upload_url("https://s.example/api", "ab", "../Foto van mij ü.jpg"),
            "https://s.example/api/evidence?sha256=ab&name=..%2FFoto%20van%20mij%20%C3%BC.jpg"
        );
    }
}
