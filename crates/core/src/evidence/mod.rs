//! Evidence files: what they are (sniffed from their bytes) and how their privacy
//! metadata is removed before they leave the shopper's device.

mod media_type;

pub use media_type::MediaType;
