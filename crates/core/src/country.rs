//! Countries, as ISO 3166-1 alpha-2 codes.
//!
//! A country decides two things in Redress: which public holidays a shop's working days
//! skip, and whether a complaint is cross-border (shopper and shop in different
//! countries), which routes escalation to the European Consumer Centre of the shopper's
//! country. The list is the EU and EEA plus the United Kingdom and Switzerland: the
//! markets where the consumer law Redress follows applies.

use serde::{Deserialize, Serialize};

/// A country Redress knows, serialized as its upper-case alpha-2 code (`"NL"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Country {
    AT,
    BE,
    BG,
    CH,
    CY,
    CZ,
    DE,
    DK,
    EE,
    ES,
    FI,
    FR,
    GB,
    GR,
    HR,
    HU,
    IE,
    IS,
    IT,
    LI,
    LT,
    LU,
    LV,
    MT,
    NL,
    NO,
    PL,
    PT,
    RO,
    SE,
    SI,
    SK,
}

/// The text given was not an alpha-2 code of a country Redress knows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown country code {0:?}: expected an ISO 3166-1 alpha-2 code such as \"NL\"")]
pub struct UnknownCountry(pub String);

impl Country {
    /// Every country, in alphabetical order of its code.
    pub const ALL: [Country; 32] = {
        use Country::*;
        [
            AT, BE, BG, CH, CY, CZ, DE, DK, EE, ES, FI, FR, GB, GR, HR, HU, IE, IS, IT, LI, LT, LU,
            LV, MT, NL, NO, PL, PT, RO, SE, SI, SK,
        ]
    };

    /// The upper-case alpha-2 code, e.g. `"NL"`.
    pub fn code(self) -> &'static str {
        use Country::*;
        match self {
            AT => "AT",
            BE => "BE",
            BG => "BG",
            CH => "CH",
            CY => "CY",
            CZ => "CZ",
            DE => "DE",
            DK => "DK",
            EE => "EE",
            ES => "ES",
            FI => "FI",
            FR => "FR",
            GB => "GB",
            GR => "GR",
            HR => "HR",
            HU => "HU",
            IE => "IE",
            IS => "IS",
            IT => "IT",
            LI => "LI",
            LT => "LT",
            LU => "LU",
            LV => "LV",
            MT => "MT",
            NL => "NL",
            NO => "NO",
            PL => "PL",
            PT => "PT",
            RO => "RO",
            SE => "SE",
            SI => "SI",
            SK => "SK",
        }
    }

    /// Parses an alpha-2 code, case-insensitively and ignoring surrounding white space.
    ///
    /// ```
    /// use redress_core::country::Country;
    /// assert_eq!(Country::parse(" nl"), Ok(Country::NL));
    /// assert!(Country::parse("XX").is_err());
    /// ```
    pub fn parse(code: &str) -> Result<Country, UnknownCountry> {
        let wanted = code.trim().to_ascii_uppercase();
        Country::ALL
            .into_iter()
            .find(|c| c.code() == wanted)
            .ok_or(UnknownCountry(code.to_owned()))
    }

    /// Whether the country is a member of the European Union (where ECC-Net and the
    /// Consumer Rights Directive apply directly). EEA members, GB and CH are not.
    pub fn is_eu_member(self) -> bool {
        !matches!(
            self,
            Country::CH | Country::GB | Country::IS | Country::LI | Country::NO
        )
    }
}

impl std::fmt::Display for Country {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl std::str::FromStr for Country {
    type Err = UnknownCountry;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Country::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_round_trips_through_parse_and_json() {
        for country in Country::ALL {
            assert_eq!(Country::parse(country.code()), Ok(country));
            let json = serde_json::to_string(&country).unwrap();
            assert_eq!(json, format!("\"{}\"", country.code()));
            assert_eq!(serde_json::from_str::<Country>(&json).unwrap(), country);
        }
    }

    #[test]
    fn unknown_codes_are_refused_with_the_code_in_the_message() {
        let err = Country::parse("ZZ").unwrap_err();
        assert!(err.to_string().contains("\"ZZ\""));
        assert!(serde_json::from_str::<Country>("\"ZZ\"").is_err());
    }

    #[test]
    fn only_eu_members_count_as_eu() {
        assert!(Country::NL.is_eu_member());
        assert!(!Country::GB.is_eu_member());
        assert!(!Country::NO.is_eu_member());
    }
}
