//! Amounts of money a shopper asks for as compensation.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::{ErrorCode, ErrorParams, FieldRule};

/// A currency of the markets Redress serves (EU, EEA, United Kingdom, Switzerland),
/// serialized as its ISO 4217 code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[allow(clippy::upper_case_acronyms)]
pub enum Currency {
    EUR,
    GBP,
    CHF,
    SEK,
    DKK,
    NOK,
    ISK,
    PLN,
    CZK,
    HUF,
    RON,
    BGN,
}

impl Currency {
    /// Every currency Redress knows.
    pub const ALL: [Currency; 12] = [
        Currency::EUR,
        Currency::GBP,
        Currency::CHF,
        Currency::SEK,
        Currency::DKK,
        Currency::NOK,
        Currency::ISK,
        Currency::PLN,
        Currency::CZK,
        Currency::HUF,
        Currency::RON,
        Currency::BGN,
    ];

    /// The ISO 4217 code, e.g. `"EUR"`.
    pub fn code(self) -> &'static str {
        match self {
            Currency::EUR => "EUR",
            Currency::GBP => "GBP",
            Currency::CHF => "CHF",
            Currency::SEK => "SEK",
            Currency::DKK => "DKK",
            Currency::NOK => "NOK",
            Currency::ISK => "ISK",
            Currency::PLN => "PLN",
            Currency::CZK => "CZK",
            Currency::HUF => "HUF",
            Currency::RON => "RON",
            Currency::BGN => "BGN",
        }
    }

    /// How many decimals the minor unit has (ISO 4217): 0 for the Icelandic króna, 2 for
    /// the rest.
    pub fn decimals(self) -> u32 {
        match self {
            Currency::ISK => 0,
            _ => 2,
        }
    }

    /// The currency for an ISO code, case-insensitive.
    pub fn parse(code: &str) -> Result<Currency, MoneyError> {
        let code = code.trim();
        Currency::ALL
            .into_iter()
            .find(|c| c.code().eq_ignore_ascii_case(code))
            .ok_or_else(|| MoneyError::Currency(code.chars().take(8).collect()))
    }
}

/// A positive amount of money, held in minor units (cents) so no rounding ever happens.
///
/// ```
/// use redress_core::domain::{Currency, Money};
/// let m = Money::parse_decimal("12,5", Currency::EUR).unwrap();
/// assert_eq!(m.minor_units(), 1250);
/// assert_eq!(m.to_string(), "12.50 EUR");
/// assert!(Money::parse_decimal("0.00", Currency::EUR).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "MoneyParts")]
pub struct Money {
    minor_units: u64,
    currency: Currency,
}

/// Why an amount is not acceptable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    /// Not a decimal number with at most the currency's decimals.
    #[error("amount: must be a number such as 12.50")]
    Format,
    /// Zero: compensation of nothing is no compensation.
    #[error("amount: must be more than zero")]
    NotPositive,
    /// Above the largest amount Redress takes.
    #[error("amount: must be at most {max} minor units")]
    TooLarge {
        /// The largest amount, in minor units.
        max: u64,
    },
    /// Not a currency Redress knows.
    #[error("amount: unknown currency {0:?}")]
    Currency(String),
}

impl Money {
    /// The largest amount, in minor units (1,000,000.00): far above any webshop order,
    /// low enough that sums of amounts never overflow.
    pub const MAX_MINOR_UNITS: u64 = 100_000_000;

    /// An amount in minor units (cents for the euro).
    pub fn new(minor_units: u64, currency: Currency) -> Result<Money, MoneyError> {
        if minor_units == 0 {
            return Err(MoneyError::NotPositive);
        }
        if minor_units > Self::MAX_MINOR_UNITS {
            return Err(MoneyError::TooLarge {
                max: Self::MAX_MINOR_UNITS,
            });
        }
        Ok(Money {
            minor_units,
            currency,
        })
    }

    /// Parses an amount as a shopper types it: digits, then optionally `.` or `,` and at
    /// most the currency's decimals (`12`, `12.5`, `12,50`). Thousands separators are
    /// refused: `1.000` would be ambiguous between a thousand and one.
    pub fn parse_decimal(input: &str, currency: Currency) -> Result<Money, MoneyError> {
        let input = input.trim();
        let (whole, fraction) = match input.find(['.', ',']) {
            Some(i) => (&input[..i], &input[i + 1..]),
            None => (input, ""),
        };
        let decimals = currency.decimals() as usize;
        let digits_only = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !digits_only(whole) || !digits_only(fraction) {
            return Err(MoneyError::Format);
        }
        if fraction.len() > decimals || (input.len() > whole.len() && fraction.is_empty()) {
            return Err(MoneyError::Format);
        }
        // More digits than fit any allowed amount: too large, whatever they say.
        if whole.trim_start_matches('0').len() > 12 {
            return Err(MoneyError::TooLarge {
                max: Self::MAX_MINOR_UNITS,
            });
        }
        let scale = 10u64.pow(currency.decimals());
        let whole: u64 = whole.parse().map_err(|_| MoneyError::Format)?;
        let mut fraction_units: u64 = 0;
        for (i, b) in fraction.bytes().enumerate() {
            fraction_units += u64::from(b - b'0') * 10u64.pow((decimals - 1 - i) as u32);
        }
        let minor = whole.saturating_mul(scale).saturating_add(fraction_units);
        Money::new(minor, currency)
    }

    /// The amount in minor units.
    pub fn minor_units(self) -> u64 {
        self.minor_units
    }

    /// The currency.
    pub fn currency(self) -> Currency {
        self.currency
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let decimals = self.currency.decimals();
        if decimals == 0 {
            return write!(f, "{} {}", self.minor_units, self.currency.code());
        }
        let scale = 10u64.pow(decimals);
        write!(
            f,
            "{}.{:0width$} {}",
            self.minor_units / scale,
            self.minor_units % scale,
            self.currency.code(),
            width = decimals as usize
        )
    }
}

impl FieldRule for MoneyError {
    fn code(&self) -> ErrorCode {
        match self {
            MoneyError::Format => ErrorCode::AmountFormat,
            MoneyError::NotPositive => ErrorCode::AmountNotPositive,
            MoneyError::TooLarge { .. } => ErrorCode::AmountTooLarge,
            MoneyError::Currency(_) => ErrorCode::AmountCurrency,
        }
    }

    fn params(&self) -> ErrorParams {
        match self {
            MoneyError::TooLarge { max } => ErrorParams {
                max: Some(*max),
                ..ErrorParams::default()
            },
            MoneyError::Currency(code) => ErrorParams::value(code.clone()),
            MoneyError::Format | MoneyError::NotPositive => ErrorParams::default(),
        }
    }
}

/// The serialized form, checked again on the way in.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MoneyParts {
    minor_units: u64,
    currency: Currency,
}

impl TryFrom<MoneyParts> for Money {
    type Error = MoneyError;
    fn try_from(parts: MoneyParts) -> Result<Self, Self::Error> {
        Money::new(parts.minor_units, parts.currency)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn decimal_input_in_both_notations() {
        let eur = |s| Money::parse_decimal(s, Currency::EUR).map(Money::minor_units);
        assert_eq!(eur("12"), Ok(1200));
        assert_eq!(eur("12.5"), Ok(1250));
        assert_eq!(eur(" 12,05 "), Ok(1205));
        assert_eq!(eur("0.01"), Ok(1));
        assert_eq!(eur("1000000"), Ok(100_000_000));
    }

    #[test]
    fn malformed_zero_and_huge_amounts_are_refused() {
        let eur = |s| Money::parse_decimal(s, Currency::EUR);
        for bad in [
            "", "12.", ".5", "1.234", "1.000,00", "-5", "12 EUR", "1e3", "１２",
        ] {
            assert_eq!(eur(bad), Err(MoneyError::Format), "{bad}");
        }
        assert_eq!(eur("0,00"), Err(MoneyError::NotPositive));
        assert_eq!(
            eur("1000000.01"),
            Err(MoneyError::TooLarge { max: 100_000_000 })
        );
        assert_eq!(
            eur("99999999999999999999999").unwrap_err().code(),
            ErrorCode::AmountTooLarge
        );
        assert_eq!(
            Money::parse_decimal("5.5", Currency::ISK),
            Err(MoneyError::Format)
        );
    }

    #[test]
    fn currencies_parse_case_insensitively() {
        assert_eq!(Currency::parse("chf"), Ok(Currency::CHF));
        let err = Currency::parse("USD").unwrap_err();
        assert_eq!(err.code(), ErrorCode::AmountCurrency);
        assert_eq!(err.params().value.as_deref(), Some("USD"));
    }

    #[test]
    fn display_and_serde() {
        let m = Money::new(500, Currency::ISK).unwrap();
        assert_eq!(m.to_string(), "500 ISK");
        let m = Money::new(1205, Currency::GBP).unwrap();
        let json = serde_json::to_string(&m).unwrap();
        assert_eq!(json, r#"{"minor_units":1205,"currency":"GBP"}"#);
        assert_eq!(serde_json::from_str::<Money>(&json).unwrap(), m);
        assert!(serde_json::from_str::<Money>(r#"{"minor_units":0,"currency":"GBP"}"#).is_err());
    }

    proptest! {
        #[test]
        fn never_panics_and_display_round_trips(input in "\\PC{0,20}|[0-9]{0,15}[.,]?[0-9]{0,3}") {
            for currency in [Currency::EUR, Currency::ISK] {
                if let Ok(m) = Money::parse_decimal(&input, currency) {
                    let shown = m.to_string();
                    let number = shown.split(' ').next().unwrap_or_default();
                    prop_assert_eq!(Money::parse_decimal(number, currency), Ok(m));
                }
            }
        }
    }
}
