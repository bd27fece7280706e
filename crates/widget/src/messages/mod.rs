//! The widget's words: the catalogue crate (`redress-catalogue`), whose languages arrive
//! as a pack the loader fetches beside the wasm (the wasm holds no text of its own).
//! Field errors are looked up by the stable code the core crate and the server use
//! (`order_number.format`), never by English text.

pub use redress_catalogue::{Lang, Messages, install_pack};
