//! Dutch (Nederlands).

use super::Messages;

pub(super) const MESSAGES: Messages = Messages {
    find_order_title: "Zoek je bestelling",
    find_order_intro: "Over welke bestelling gaat het? Het bestelnummer staat in je bevestigingsmail.",
    order_number_label: "Bestelnummer",
    order_number_hint: "Bijvoorbeeld RD-1001",
    email_label: "E-mailadres",
    email_hint: "Het adres waarmee je hebt besteld",
    lookup_submit: "Zoek mijn bestelling",
    lookup_pending: "We zoeken je bestelling…",
    lookup_not_found: "We konden geen bestelling vinden met dit bestelnummer en e-mailadres. Controleer beide en probeer het opnieuw.",
    lookup_failed: "We konden de winkel nu niet bereiken. Je invoer blijft bewaard; probeer het opnieuw.",
    lookup_rate_limited: "Te veel pogingen in korte tijd. Wacht een paar minuten en probeer het dan opnieuw.",
    error_summary_title: "Verbeter het volgende:",
    order_found_title: "We hebben je bestelling gevonden",
    order_placed_on: "Besteld op",
    order_delivered_on: "Bezorgd op",
    order_not_delivered: "Nog niet bezorgd",
    order_items: "Artikelen",
    search_again: "Een andere bestelling zoeken",
    missing_endpoint: "Deze widget is nog niet ingesteld: de winkel heeft geen adres opgegeven voor klachten.",
    order_number_empty: "Vul je bestelnummer in.",
    order_number_format: "Dit lijkt geen bestelnummer. Gebruik de letters en cijfers uit je bevestiging, bijvoorbeeld RD-1001.",
    email_empty: "Vul je e-mailadres in.",
    email_format: "Vul een e-mailadres in zoals naam@voorbeeld.nl.",
    field_invalid: "Controleer dit veld.",
};
