//! An e-service definition as an administrator uploads it (TOML, checked whole).
#![no_main]
use libfuzzer_sys::fuzz_target;
use stadsporten_domain::eservice::ServiceDefinition;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = ServiceDefinition::from_toml(text);
    }
});
