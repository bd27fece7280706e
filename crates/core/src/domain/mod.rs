//! Domain types of a complaint that can only be built valid: parse, don't validate.
//!
//! Each type has one fallible constructor (`parse` or `new`) whose error enum names the
//! field and the rule and implements [`crate::error::FieldRule`], so it becomes a
//! translatable [`crate::error::FieldError`]. Text newtypes serialize as their normal
//! form and deserialize through the same constructor.

mod contact;
mod description;
mod email;
mod evidence_file;
mod money;
mod order_number;
mod phone;
mod post_code;
mod reason;
mod resolution;

pub use contact::{Contact, ContactChannel, ContactError};
pub use description::{Description, DescriptionError};
pub use email::{Email, EmailError};
pub use evidence_file::{EvidenceFile, EvidenceFileError, FileName, Sha256Digest};
pub use money::{Currency, Money, MoneyError};
pub use order_number::{OrderNumber, OrderNumberError};
pub use phone::{Phone, PhoneError};
pub use post_code::{PostCode, PostCodeError};
pub use reason::ComplaintReason;
pub use resolution::ResolutionKind;
