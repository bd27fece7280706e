//! The languages besides English. Compiled natively (tests, `cargo xtask build` writing
//! the packs); never into the shopper's wasm.

mod nl;

use crate::{Lang, Messages, en};

/// The compiled catalogue of `lang`.
pub(crate) fn compiled(lang: Lang) -> &'static Messages {
    match lang {
        Lang::En => &en::MESSAGES,
        Lang::Nl => &nl::MESSAGES,
    }
}
