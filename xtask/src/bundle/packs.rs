//! The widget's language packs: every word the widget shows, one file per language.

use sha2::{Digest, Sha256};

use redress_catalogue::{Lang, PackScope};

use super::names::short_hex;
use super::{App, BundleFile, WIDGET};

/// The widget's languages, English too, as packs (the wasm holds no text): for each
/// language one with the complaint widget's words (`redress-<lang>-<hash>.txt`) and one
/// with every flow's for the withdrawal and trustmark bundles
/// (`redress-flows-<lang>-<hash>.txt`). The loader fetches only the shopper's one.
///
/// All packs share one hash, over all of them, so the loader carries a single hash
/// instead of a name per file: it is 93 % of its own 3 KB budget. Returned beside the
/// files: the loader's table, `{"hash":"<hash>","langs":["en",...]}`, which it holds in a
/// single-quoted string (no quote or backslash can occur in it). Packs go without SRI:
/// each SRI hash is 71 incompressible bytes the loader would carry per file, and a pack
/// is text rendered as text, from the same origin as the unhashed loader itself.
pub(super) fn language_packs(app: &App) -> (Vec<BundleFile>, String) {
    if app.package != WIDGET.package {
        return (Vec::new(), String::new());
    }
    let packs = redress_catalogue::packs();
    let mut all = Sha256::new();
    for (_, _, text) in &packs {
        all.update(text.as_bytes());
    }
    let hash = short_hex(&all.finalize());
    let langs: Vec<String> = Lang::ALL
        .iter()
        .map(|l| format!("\"{}\"", l.tag()))
        .collect();
    let table = format!("{{\"hash\":\"{hash}\",\"langs\":[{}]}}", langs.join(","));
    let files = packs
        .into_iter()
        .map(|(lang, scope, text)| {
            let flows = match scope {
                PackScope::Complaint => "",
                PackScope::EveryFlow => "flows-",
            };
            let role: &'static str =
                Box::leak(format!("lang-{flows}{}", lang.tag()).into_boxed_str());
            BundleFile {
                role,
                name: format!("{}-{flows}{}-{hash}.txt", app.prefix, lang.tag()),
                bytes: text.into_bytes(),
            }
        })
        .collect();
    (files, table)
}

/// Whether a file's role is one of the complaint widget's language packs (`lang-nl`),
/// the one a shopper fetches, rather than another flow's (`lang-flows-nl`).
pub fn is_shopper_pack(role: &str) -> bool {
    role.strip_prefix("lang-")
        .is_some_and(|tag| !tag.contains('-'))
}
