//! redress-catalogue: every word the shopper widget shows, per language.
//!
//! One `Messages` value per language, so the compiler refuses a language with a missing
//! key. Natively (the server, tests, `cargo xtask build`) every language is compiled in.
//! The browser's wasm holds no text at all: `cargo xtask build` writes each language as a
//! pack ([`Messages::to_pack`]) and the loader fetches the shopper's one beside the wasm,
//! so a shopper downloads the words of one language, not of six, of the flow they use,
//! and never the e-mails'.
//! Texts hold `{name}`-style placeholders; a test checks every language has the same
//! placeholders as English.

mod catalogue;
#[cfg(not(target_arch = "wasm32"))]
mod en;
#[cfg(not(target_arch = "wasm32"))]
mod languages;
mod wording;

pub use catalogue::{Messages, PackError, PackScope};

use std::sync::OnceLock;

/// The one language pack of this page, installed at mount.
static PACK: OnceLock<(Lang, Messages)> = OnceLock::new();

/// Installs the pack the loader fetched and returns its language, which the page then
/// speaks. Later calls are ignored (one page, one shopper language) but still report the
/// pack's language.
pub fn install_pack(pack: &'static str) -> Result<Lang, PackError> {
    let (lang, messages) = Messages::from_pack(pack)?;
    let _ = PACK.set((lang, messages));
    Ok(PACK.get().map_or(lang, |(installed, _)| *installed))
}

/// Every language in both scopes as `(language, scope, pack text)`, for
/// `cargo xtask build`.
#[cfg(not(target_arch = "wasm32"))]
pub fn packs() -> Vec<(Lang, PackScope, String)> {
    Lang::ALL
        .into_iter()
        .flat_map(|l| {
            [PackScope::Complaint, PackScope::EveryFlow]
                .map(|scope| (l, scope, languages::compiled(l).to_pack(l, scope)))
        })
        .collect()
}

/// A language the widget speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English, the fallback.
    En,
    /// Dutch.
    Nl,
    /// French, for shoppers in France, Belgium and Luxembourg.
    Fr,
    /// German, for shoppers in Germany, Austria, Belgium and Luxembourg.
    De,
    /// West Frisian, the second official language of the Netherlands (Fryslân).
    Fy,
    /// Russian, for the many Russian-speaking shoppers across the EU.
    Ru,
}

impl Lang {
    /// Every language, for tests that walk the whole catalogue.
    pub const ALL: [Lang; 6] = [Lang::En, Lang::Nl, Lang::Fr, Lang::De, Lang::Fy, Lang::Ru];

    /// Reads a BCP 47 tag (`nl`, `nl-BE`, `EN_gb`) by its primary subtag.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or("").trim();
        match primary.to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "nl" => Some(Lang::Nl),
            "fr" => Some(Lang::Fr),
            "de" => Some(Lang::De),
            "fy" => Some(Lang::Fy),
            "ru" => Some(Lang::Ru),
            _ => None,
        }
    }

    /// The tag given to the browser's date formatting and the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Nl => "nl",
            Lang::Fr => "fr",
            Lang::De => "de",
            Lang::Fy => "fy",
            Lang::Ru => "ru",
        }
    }

    /// The locale dates and numbers are written in.
    pub fn locale(self) -> &'static str {
        match self {
            Lang::En => "en-GB",
            Lang::Nl => "nl-NL",
            Lang::Fr => "fr-FR",
            Lang::De => "de-DE",
            Lang::Fy => "fy-NL",
            Lang::Ru => "ru-RU",
        }
    }

    /// This language's strings: natively compiled in (an installed pack of the same
    /// language wins, as in the browser); in the browser the installed pack's, whatever
    /// language is asked for, since a page has the words of one language only.
    pub fn messages(self) -> &'static Messages {
        let installed = PACK.get();
        #[cfg(not(target_arch = "wasm32"))]
        return match installed {
            Some((lang, messages)) if *lang == self => messages,
            _ => languages::compiled(self),
        };
        #[cfg(target_arch = "wasm32")]
        return installed.map_or(&Messages::BLANK, |(_, messages)| messages);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_language_leaves_a_string_empty() {
        for lang in Lang::ALL {
            let text = format!("{:?}", languages::compiled(lang));
            assert!(
                !text.contains("\"\""),
                "{lang:?} has an empty message: {text}"
            );
        }
    }

    /// `{name}`, `{date}`, ... in the order they appear.
    fn placeholders(text: &str) -> Vec<&str> {
        let mut found: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        found.sort_unstable();
        found
    }

    #[test]
    fn every_language_fills_in_the_same_placeholders_as_english() {
        let english = languages::compiled(Lang::En).entries();
        for lang in Lang::ALL {
            for ((key, text), (_, original)) in languages::compiled(lang)
                .entries()
                .into_iter()
                .zip(&english)
            {
                assert_eq!(
                    placeholders(text),
                    placeholders(original),
                    "{lang:?} {key}: {text:?}"
                );
                assert!(!text.contains('\n'), "{lang:?} {key} holds a line break");
            }
        }
    }

    #[test]
    fn a_pack_reads_back_into_its_bundles_screens_and_nothing_more() {
        for (lang, scope, pack) in packs() {
            let pack: &'static str = Box::leak(pack.into_boxed_str());
            let (read_lang, read) = Messages::from_pack(pack).unwrap();
            assert_eq!(read_lang, lang);
            let compiled = languages::compiled(lang);
            for ((key, text), (_, original)) in read.entries().into_iter().zip(compiled.entries()) {
                let left_out = Messages::MAIL_KEYS.contains(&key)
                    || (scope == PackScope::Complaint && Messages::OTHER_FLOW_KEYS.contains(&key));
                let expected = if left_out { "" } else { original };
                assert_eq!(text, expected, "{lang:?} {scope:?} {key}");
            }
        }
    }

    /// The complaint bundle's pack is worth keeping small only if the complaint widget
    /// never shows a word of another flow: each left-out text must be unused outside the
    /// withdrawal and trustmark page modules.
    #[test]
    fn the_complaint_widget_shows_no_word_its_pack_leaves_out() {
        let widget = concat!(env!("CARGO_MANIFEST_DIR"), "/../widget/src");
        let mut sources = Vec::new();
        let mut dirs = vec![std::path::PathBuf::from(widget)];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                let other_flow = path.ends_with("withdrawal")
                    || ["page.rs", "gate.rs", "filing.rs"]
                        .iter()
                        .any(|f| path.ends_with(format!("trustmark/{f}")));
                if other_flow {
                    continue;
                } else if path.is_dir() {
                    dirs.push(path);
                } else {
                    sources.push((path.clone(), std::fs::read_to_string(&path).unwrap()));
                }
            }
        }
        sources.push(("wording.rs".into(), include_str!("wording.rs").to_owned()));
        assert!(
            sources.len() > 20,
            "the widget's sources were not found at {widget}"
        );
        for key in Messages::OTHER_FLOW_KEYS {
            for (path, text) in &sources {
                assert!(
                    !text.contains(&format!(".{key}")),
                    "{} shows {key}",
                    path.display()
                );
            }
        }
    }

    #[test]
    fn a_pack_of_another_build_or_a_damaged_one_is_refused() {
        let pack = languages::compiled(Lang::Nl).to_pack(Lang::Nl, PackScope::Complaint);
        let (header, texts) = pack.split_once('\n').unwrap();
        let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
        assert_eq!(
            Messages::from_pack(leak(format!("{header}\n{texts}")))
                .unwrap()
                .0,
            Lang::Nl
        );
        // Another catalogue: a key added, removed or moved changes the fingerprint.
        let other = format!("{} 12345", header.rsplit_once(' ').unwrap().0);
        assert_eq!(
            Messages::from_pack(leak(format!("{other}\n{texts}"))),
            Err(PackError::OtherCatalogue)
        );
        // A pack cut short, or with a text lost.
        let short: String = pack.lines().take(20).map(|l| format!("{l}\n")).collect();
        assert_eq!(Messages::from_pack(leak(short)), Err(PackError::Incomplete));
        let gap = pack.replacen("\nOpnieuw proberen\n", "\n\n", 1);
        assert_ne!(gap, pack);
        assert_eq!(Messages::from_pack(leak(gap)), Err(PackError::Incomplete));
        // Not a pack at all: the old `key=text` format, an HTML error page, a language
        // the widget does not speak.
        assert_eq!(
            Messages::from_pack("retry=Opnieuw\n"),
            Err(PackError::NotAPack)
        );
        assert_eq!(
            Messages::from_pack("<!doctype html><p>Not found</p>"),
            Err(PackError::NotAPack)
        );
        assert_eq!(
            Messages::from_pack(leak(pack.replacen(" nl ", " es ", 1))),
            Err(PackError::NotAPack)
        );
    }

    #[test]
    fn every_language_round_trips_through_its_tag() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
        }
        assert_eq!(Lang::from_tag("NL_be"), Some(Lang::Nl));
        assert_eq!(Lang::from_tag("fr-BE"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag("de-AT"), Some(Lang::De));
        assert_eq!(Lang::from_tag("fy_NL"), Some(Lang::Fy));
        assert_eq!(Lang::from_tag("RU-ru"), Some(Lang::Ru));
        assert_eq!(Lang::from_tag("frr"), None);
        assert_eq!(Lang::from_tag(""), None);
    }

    #[test]
    fn every_language_has_its_own_tag_and_a_locale_in_that_language() {
        for lang in Lang::ALL {
            assert!(lang.locale().starts_with(&format!("{}-", lang.tag())));
            assert_eq!(
                Lang::ALL.iter().filter(|l| l.tag() == lang.tag()).count(),
                1,
                "{lang:?}"
            );
        }
    }

    /// Texts that may read the same as English in another language: the word is the
    /// same there ("Status:" in Dutch, German and Frisian; "Contact" in Dutch; the first
    /// of a month is "1" everywhere but in French).
    const SAME_AS_ENGLISH: &[&str] = &["tracker_status", "step_contact_title", "date_first_day"];

    /// A few identical texts pass (a new key an engineer could not yet translate); more
    /// means a language was copied from English and forgotten.
    const UNTRANSLATED_AT_MOST: usize = 3;

    #[test]
    fn no_language_is_left_in_english() {
        let english = languages::compiled(Lang::En).entries();
        for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
            let untranslated: Vec<&str> = languages::compiled(lang)
                .entries()
                .into_iter()
                .zip(&english)
                .filter(|((key, text), (_, original))| {
                    text == original && !SAME_AS_ENGLISH.contains(key)
                })
                .map(|((key, _), _)| key)
                .collect();
            assert!(
                untranslated.len() <= UNTRANSLATED_AT_MOST,
                "{lang:?} still reads in English for {untranslated:?}"
            );
        }
    }

    #[test]
    fn every_language_names_twelve_months_and_writes_a_date_with_them() {
        for lang in Lang::ALL {
            let m = languages::compiled(lang);
            assert_eq!(m.date_months.split('|').count(), 12, "{lang:?}");
            let date = m.long_date(2026, 11, 22);
            assert!(
                date.contains("22") && date.contains("2026"),
                "{lang:?} {date}"
            );
            assert!(!date.contains('{'), "{lang:?} {date}");
        }
        for (lang, (year, month, day), written) in [
            (Lang::Nl, (2026, 3, 1), "1 maart 2026"),
            (Lang::De, (2026, 3, 29), "29. März 2026"),
            (Lang::Ru, (2026, 12, 4), "4 декабря 2026 г."),
            (Lang::Fr, (2026, 12, 1), "1er décembre 2026"),
            (Lang::Fr, (2026, 12, 2), "2 décembre 2026"),
            (Lang::Fr, (2026, 0, 4), "2026-00-04"),
        ] {
            assert_eq!(
                languages::compiled(lang).long_date(year, month, day),
                written
            );
        }
    }

    #[test]
    fn file_names_are_quoted_the_way_each_language_quotes() {
        for lang in Lang::ALL {
            let quoted = match lang {
                Lang::En | Lang::Nl | Lang::Fy => "“{name}”",
                Lang::Fr => "«\u{a0}{name}\u{a0}»",
                Lang::De => "„{name}“",
                Lang::Ru => "«{name}»",
            };
            for (key, text) in languages::compiled(lang).entries() {
                if text.contains("{name}") && key.starts_with("evidence_") {
                    assert!(text.contains(quoted), "{lang:?} {key}: {text:?}");
                }
            }
        }
    }

    #[test]
    fn french_punctuation_keeps_its_no_break_space() {
        for (key, text) in languages::compiled(Lang::Fr).entries() {
            for mark in [':', ';', '?', '!', '%', '»'] {
                assert!(
                    !text.contains(&format!(" {mark}")),
                    "fr {key}: a plain space before {mark:?} can wrap: {text:?}"
                );
                if text.contains(mark) {
                    assert!(
                        text.contains(&format!("\u{a0}{mark}")),
                        "fr {key}: {mark:?} without its no-break space: {text:?}"
                    );
                }
            }
            assert!(!text.contains("« "), "fr {key}: {text:?}");
            assert!(
                !text.contains('\''),
                "fr {key}: straight apostrophe in {text:?}"
            );
        }
    }

    #[test]
    fn known_error_codes_get_their_own_text_in_every_language() {
        for lang in Lang::ALL {
            let m = languages::compiled(lang);
            for code in [
                "order_number.missing",
                "order_number.format",
                "email.missing",
                "email.format",
                "reason.missing",
                "reason.window_closed",
                "items.missing",
                "date.in_future",
                "description.too_short",
                "description.too_long",
                "resolution.missing",
                "amount.format",
                "contact.missing",
                "phone.format",
                "trustmark.too_early",
                "trustmark.not_member",
                "trustmark.receipt_invalid",
                "trustmark.travel",
            ] {
                assert_ne!(m.field_error(code), m.field_invalid, "{lang:?} {code}");
            }
        }
    }
}
