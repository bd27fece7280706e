//! The widget's words: the catalogue crate (`redress-catalogue`), whose English is
//! compiled in and whose other languages arrive as a pack fetched by the loader.
//! Field errors are looked up by the stable code the core crate and the server use
//! (`order_number.format`), never by English text.

pub use redress_catalogue::{Lang, Messages, install_pack};
