//! Instant checks of the lookup fields as the shopper types, by the core crate's own
//! parsers: the browser refuses exactly what the server refuses, with the same codes.

use redress_core::domain::{Email, OrderNumber, PostCode};
use redress_core::error::{ErrorCode, FieldRule};
use redress_core::policy::LookupKey;

/// Checks an order number; the error is the core crate's stable code
/// (`order_number.missing`, `order_number.length`, `order_number.format`).
pub fn order_number(input: &str) -> Result<(), &'static str> {
    required(input, ErrorCode::OrderNumberMissing, OrderNumber::parse)
}

/// Checks an e-mail address (`email.missing`, `email.length`, `email.format`,
/// `email.domain`).
pub fn email(input: &str) -> Result<(), &'static str> {
    required(input, ErrorCode::EmailMissing, Email::parse)
}

/// Checks a delivery postcode (`post_code.missing`, `post_code.format`).
pub fn postcode(input: &str) -> Result<(), &'static str> {
    required(input, ErrorCode::PostCodeMissing, PostCode::parse)
}

/// Checks what proves the order is the shopper's: the e-mail or the postcode, as the
/// shop's policy asks.
pub fn lookup_proof(key: LookupKey, input: &str) -> Result<(), &'static str> {
    match key {
        LookupKey::Email => email(input),
        LookupKey::PostCode => postcode(input),
    }
}

/// A field that must be filled in: `missing` when blank, else the parser's own code.
fn required<T, E: FieldRule>(
    input: &str,
    missing: ErrorCode,
    parse: fn(&str) -> Result<T, E>,
) -> Result<(), &'static str> {
    if input.trim().is_empty() {
        return Err(missing.as_str());
    }
    parse(input)
        .map(drop)
        .map_err(|error| error.code().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_numbers_from_a_confirmation_pass_and_junk_is_named() {
        assert_eq!(order_number(" RD-1001 "), Ok(()));
        assert_eq!(order_number(" "), Err("order_number.missing"));
        assert_eq!(order_number("RD 1001"), Err("order_number.format"));
        assert_eq!(order_number("ab"), Err("order_number.length"));
    }

    #[test]
    fn email_needs_a_local_part_and_a_dotted_domain() {
        assert_eq!(email("anna@example.com"), Ok(()));
        assert_eq!(email("  "), Err("email.missing"));
        assert!(email("anna@").is_err());
        assert!(email("@example.com").is_err());
        assert!(email("anna@localhost").is_err());
    }

    #[test]
    fn a_postcode_shop_checks_the_postcode_not_an_email() {
        assert_eq!(lookup_proof(LookupKey::PostCode, "1011 ab"), Ok(()));
        assert_eq!(
            lookup_proof(LookupKey::PostCode, " "),
            Err("post_code.missing")
        );
        assert_eq!(
            lookup_proof(LookupKey::PostCode, "anna@example.com"),
            Err("post_code.format")
        );
        assert_eq!(
            lookup_proof(LookupKey::Email, "1011 AB"),
            Err("email.format")
        );
    }
}
