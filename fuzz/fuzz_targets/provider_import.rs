//! Comparison data as providers' staff import it: CSV or JSON, units or indicator values.
#![no_main]
use libfuzzer_sys::fuzz_target;
use stadsporten_domain::compare::import::parse_file;

fuzz_target!(|data: &[u8]| {
    let _ = parse_file("units.csv", data);
    let _ = parse_file("values.json", data);
});
