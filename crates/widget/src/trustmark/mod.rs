//! Trustmark mode: the "member of <trustmark>" badge in a shop's widget and the trustmark's
//! own complaint page (`data-mode="trustmark"`).
//!
//! Signatures are checked with the browser's WebCrypto ([`crate::webcrypto`]), never a Rust
//! signature library, to keep the shopper's bundle small; `redress_core::trustmark`
//! judges everything else with the same rules the server and native verifiers use.
//!
//! Configuration: a shop shows the badge with `data-trustmark="<attestation URL>"` on the
//! script tag (`trustmark="…"` on `<redress-complaint>`), the URL its trustmark serves for
//! it (`GET /api/trustmark/attestations/{member_id}`); the keys are read beside it
//! (`…/trustmark/keys`). The trustmark page's endpoint is the trustmark's own server.

mod badge;
#[cfg(feature = "trustmark-page")]
mod filing;
#[cfg(feature = "trustmark-page")]
mod gate;
#[cfg(feature = "trustmark-page")]
mod page;

pub use badge::{MemberBadge, keys_url, verified_badge};
#[cfg(feature = "trustmark-page")]
pub use page::TrustmarkPage;
