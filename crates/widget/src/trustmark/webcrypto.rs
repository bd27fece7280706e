//! Ed25519 checked by the browser (`crypto.subtle`), so no signature library enters the
//! shopper's bundle; the core judges everything else about the document.
//!
//! Called through `js_sys::Reflect`: WebCrypto's Ed25519 is recent (Chromium 137+,
//! Firefox 129+, Safari 17+) and an older browser simply answers "not verified", which
//! shows no badge and refuses the receipt rather than trusting it.

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

#[cfg(target_arch = "wasm32")]
mod imp {
    use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    async fn call(target: &JsValue, method: &str, args: &Array) -> Result<JsValue, JsValue> {
        let function: Function = Reflect::get(target, &JsValue::from_str(method))?.dyn_into()?;
        let promise: Promise = Reflect::apply(&function, target, args)?.dyn_into()?;
        JsFuture::from(promise).await
    }

    pub(super) async fn verify(
        public_key: &[u8],
        signature: &[u8],
        message: &[u8],
    ) -> Result<bool, JsValue> {
        let window = web_sys::window().ok_or(JsValue::NULL)?;
        let crypto: JsValue = window.crypto()?.into();
        let subtle = Reflect::get(&crypto, &JsValue::from_str("subtle"))?;
        let algorithm = Object::new();
        Reflect::set(&algorithm, &"name".into(), &"Ed25519".into())?;
        let import = Array::new();
        import.push(&"raw".into());
        import.push(&Uint8Array::from(public_key));
        import.push(&algorithm);
        import.push(&JsValue::FALSE);
        import.push(&Array::of1(&"verify".into()));
        let key = call(&subtle, "importKey", &import).await?;
        let check = Array::new();
        check.push(&algorithm);
        check.push(&key);
        check.push(&Uint8Array::from(signature));
        check.push(&Uint8Array::from(message));
        Ok(call(&subtle, "verify", &check).await?.as_bool() == Some(true))
    }
}
