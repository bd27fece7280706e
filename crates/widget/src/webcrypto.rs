//! What the browser's WebCrypto (`crypto.subtle`) does for the widget: Ed25519 checks, so
//! no signature library enters the shopper's bundle, and SHA-256 of evidence, which runs
//! off the main thread and about six times faster than the same hash in wasm
//! (`bench/RESULTS.md`), so adding a 12-megapixel photo never freezes a phone.
//!
//! Called through `js_sys::Reflect`, so a browser without a feature answers an error
//! rather than throwing: WebCrypto's Ed25519 is recent (Chromium 137+, Firefox 129+,
//! Safari 17+) and an older browser simply answers "not verified", which shows no badge
//! and refuses the receipt rather than trusting it. Without `crypto.subtle` at all (a
//! page served over plain http) the core hashes instead, to the same digest.

/// Whether `signature` is `public_key`'s Ed25519 signature of `message`.
#[cfg(target_arch = "wasm32")]
pub async fn ed25519_verifies(public_key: &[u8], signature: &[u8], message: &[u8]) -> bool {
    imp::verify(public_key, signature, message)
        .await
        .unwrap_or(false)
}

/// Native builds (unit tests) have no WebCrypto: nothing verifies.
#[cfg(not(target_arch = "wasm32"))]
pub async fn ed25519_verifies(_public_key: &[u8], _signature: &[u8], _message: &[u8]) -> bool {
    false
}

/// SHA-256 of `bytes` in lowercase hex, as `redress_core::evidence::sha256_hex` spells it.
pub async fn sha256_hex(bytes: &[u8]) -> String {
    #[cfg(target_arch = "wasm32")]
    if let Ok(digest) = imp::sha256(bytes).await {
        return hex(&digest);
    }
    redress_core::evidence::sha256_hex(bytes)
}

#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    bytes
        .iter()
        .flat_map(|b| [DIGITS[usize::from(b >> 4)], DIGITS[usize::from(b & 15)]])
        .map(char::from)
        .collect()
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use js_sys::{Array, ArrayBuffer, Function, Object, Promise, Reflect, Uint8Array};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    fn subtle() -> Result<JsValue, JsValue> {
        let window = web_sys::window().ok_or(JsValue::NULL)?;
        let crypto: JsValue = window.crypto()?.into();
        Reflect::get(&crypto, &JsValue::from_str("subtle"))
    }

    async fn call(method: &str, args: &Array) -> Result<JsValue, JsValue> {
        let subtle = subtle()?;
        let function: Function = Reflect::get(&subtle, &JsValue::from_str(method))?.dyn_into()?;
        let promise: Promise = Reflect::apply(&function, &subtle, args)?.dyn_into()?;
        JsFuture::from(promise).await
    }

    pub(super) async fn verify(
        public_key: &[u8],
        signature: &[u8],
        message: &[u8],
    ) -> Result<bool, JsValue> {
        let algorithm = Object::new();
        Reflect::set(&algorithm, &"name".into(), &"Ed25519".into())?;
        let import = Array::new();
        import.push(&"raw".into());
        import.push(&Uint8Array::from(public_key));
        import.push(&algorithm);
        import.push(&JsValue::FALSE);
        import.push(&Array::of1(&"verify".into()));
        let key = call("importKey", &import).await?;
        let check = Array::new();
        check.push(&algorithm);
        check.push(&key);
        check.push(&Uint8Array::from(signature));
        check.push(&Uint8Array::from(message));
        Ok(call("verify", &check).await?.as_bool() == Some(true))
    }

    pub(super) async fn sha256(bytes: &[u8]) -> Result<Vec<u8>, JsValue> {
        let args = Array::of2(&"SHA-256".into(), &Uint8Array::from(bytes));
        let digest: ArrayBuffer = call("digest", &args).await?.dyn_into()?;
        Ok(Uint8Array::new(&digest).to_vec())
    }
}

#[cfg(test)]
mod tests {
    use std::future::Future;
    use std::task::{Context, Poll, Waker};

    #[test]
    fn the_hex_is_the_cores_spelling() {
        let bytes = [0x00, 0x0f, 0xa5, 0xff];
        assert_eq!(super::hex(&bytes), "000fa5ff");
        // Natively there is no WebCrypto: the core's hash answers at once.
        let digest = std::pin::pin!(super::sha256_hex(b"receipt"))
            .poll(&mut Context::from_waker(Waker::noop()));
        assert_eq!(
            digest,
            Poll::Ready(redress_core::evidence::sha256_hex(b"receipt"))
        );
    }
}
