//! The shop-side API's bearer token, compared in constant time.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::error::AppError;
use crate::state::AppState;

/// Proof that the request carries the configured shop token.
#[derive(Debug, Clone, Copy)]
pub struct ShopAuth;

impl FromRequestParts<AppState> for ShopAuth {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let given = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim);
        let (Some(given), Some(expected)) = (given, state.shop_token.as_deref()) else {
            return Err(unauthorized());
        };
        // Hashing first makes the comparison independent of the lengths too.
        let same: bool = Sha256::digest(given.as_bytes())
            .ct_eq(&Sha256::digest(expected.as_bytes()))
            .into();
        if same {
            Ok(ShopAuth)
        } else {
            Err(unauthorized())
        }
    }
}

fn unauthorized() -> AppError {
    AppError::rejected(
        StatusCode::UNAUTHORIZED,
        "shop.unauthorized",
        "the shop-side API needs `Authorization: Bearer <shop token>`",
    )
}
