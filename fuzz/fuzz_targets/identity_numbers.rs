//! Personnummer, organisation numbers and phone numbers as people type them.
#![no_main]
use libfuzzer_sys::fuzz_target;
use stadsporten_domain::contact_centre::telephony::PhoneNumber;
use stadsporten_domain::identity::PersonalIdentityNumber;
use stadsporten_domain::organisation::OrganisationNumber;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(p) = PersonalIdentityNumber::parse(text, 2026) {
        // What parses prints and parses again to the same number.
        let again = PersonalIdentityNumber::parse(p.expose(), 2026).expect("its own form parses");
        assert_eq!(again.expose(), p.expose());
    }
    if let Ok(o) = OrganisationNumber::parse(text) {
        assert!(OrganisationNumber::parse(&o.to_string()).is_ok());
    }
    if let Some(n) = PhoneNumber::parse(text) {
        assert_eq!(PhoneNumber::parse(n.as_str()).map(|m| m.as_str().to_owned()), Some(n.as_str().to_owned()));
        let _ = n.display();
    }
});
