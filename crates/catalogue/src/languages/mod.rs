//! The languages besides English. Compiled natively (tests, `cargo xtask build` writing
//! the packs); never into the shopper's wasm.

mod de;
mod fr;
mod fy;
mod nl;
mod ru;

use crate::{Lang, Messages, en};

/// The compiled catalogue of `lang`.
pub(crate) fn compiled(lang: Lang) -> &'static Messages {
    match lang {
        Lang::En => &en::MESSAGES,
        Lang::Nl => &nl::MESSAGES,
        Lang::Fr => &fr::MESSAGES,
        Lang::De => &de::MESSAGES,
        Lang::Fy => &fy::MESSAGES,
        Lang::Ru => &ru::MESSAGES,
    }
}
