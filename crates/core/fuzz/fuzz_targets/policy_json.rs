//! A shop's policy JSON never panics the parser, and whatever parses survives a round trip
//! through its own serialization unchanged (what the server serves is what it read).
#![no_main]

use libfuzzer_sys::fuzz_target;
use redress_core::policy::ComplaintPolicy;

fuzz_target!(|text: &str| {
    if let Ok(policy) = ComplaintPolicy::from_json(text) {
        let json = policy.to_json();
        let again = ComplaintPolicy::from_json(&json).expect("a served policy parses back");
        assert_eq!(again, policy);
    }
});
