//! The page-wide pack (its own test binary: the pack is global to the process).

use redress_catalogue::{Lang, install_pack};

#[test]
fn an_installed_pack_serves_its_language_and_english_stays_english() {
    install_pack(Lang::Nl, "retry=Nog eens\n");
    assert_eq!(Lang::Nl.messages().retry, "Nog eens");
    // A key the pack lacks reads in English, not as an empty string.
    assert_eq!(Lang::Nl.messages().back, Lang::En.messages().back);
    assert_eq!(Lang::En.messages().retry, "Try again");
    // One page, one pack: a second install is ignored.
    install_pack(Lang::Nl, "retry=Anders\n");
    assert_eq!(Lang::Nl.messages().retry, "Nog eens");
}
