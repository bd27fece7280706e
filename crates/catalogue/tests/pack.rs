//! The page-wide pack (its own test binary: the pack is global to the process).

use redress_catalogue::{Lang, PackScope, install_pack, packs};

#[test]
fn an_installed_pack_is_what_the_page_speaks_and_a_second_is_ignored() {
    let dutch = packs()
        .into_iter()
        .find(|(lang, scope, _)| *lang == Lang::Nl && *scope == PackScope::Complaint)
        .map(|(_, _, pack)| pack)
        .unwrap();
    let changed = dutch.replacen("\nOpnieuw proberen\n", "\nNog eens\n", 1);
    assert_ne!(changed, dutch);
    assert_eq!(
        install_pack(Box::leak(changed.into_boxed_str())),
        Ok(Lang::Nl)
    );
    assert_eq!(Lang::Nl.messages().retry, "Nog eens");
    // Other languages keep their compiled words natively.
    assert_eq!(Lang::En.messages().retry, "Try again");
    // One page, one pack: a second install is ignored and names the page's language.
    let english = packs().into_iter().next().map(|(_, _, pack)| pack).unwrap();
    assert_eq!(
        install_pack(Box::leak(english.into_boxed_str())),
        Ok(Lang::Nl)
    );
    assert_eq!(Lang::Nl.messages().retry, "Nog eens");
}
