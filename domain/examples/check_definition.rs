//! Checks e-service definition files the way an upload does, without a server:
//! `cargo run -p stadsporten-domain --example check_definition -- FILE…`. Prints every problem
//! with its path and code, and whether each text is given in all four shipped languages.

use stadsporten_domain::eservice::ServiceDefinition;

fn main() {
    let mut failed = false;
    for path in std::env::args().skip(1) {
        let source = match std::fs::read_to_string(&path) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("{path}: {e}");
                failed = true;
                continue;
            }
        };
        match ServiceDefinition::from_toml(&source) {
            Ok(def) => {
                let missing: Vec<_> =
                    ["sv", "en", "fi", "ar"].into_iter().filter(|l| !def.languages.iter().any(|d| d == l)).collect();
                if missing.is_empty() {
                    println!("{path}: ok ({} steps, {} fields)", def.steps.len(), def.fields().count());
                } else {
                    println!("{path}: valid, but not declared in {}", missing.join(", "));
                    failed = true;
                }
            }
            Err(errors) => {
                failed = true;
                for e in errors {
                    println!("{path}: {} {} {}", e.path, e.code, e.detail);
                }
            }
        }
    }
    std::process::exit(i32::from(failed));
}
