//! The island hydration script and the hashed asset names, included by each page part that renders
//! an island.
//!
//! Policy: JavaScript and WebAssembly are an addition, never a requirement. Pages without islands
//! do not include this, so they send none; the lite delivery suppresses it everywhere. Several
//! parts of one page may ask for it (the catalogue's live search, the session timer); it is
//! written once.
//!
//! Why not Leptos's `HydrationScripts` and `HashedStylesheet`: both read cargo-leptos's hash file
//! from disk on every render (a stat, an open and a read per page, seen in the profile in
//! docs/benchmarks.md). The names are fixed for the life of the process, so they are read once
//! here. `island_script.js` is Leptos 0.8.23's own (`leptos/src/hydration/island_script.js`,
//! MIT); keep it equal to the Leptos version in Cargo.lock when upgrading.

use crate::context::RequestContext;
use leptos::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

/// Set once the script is on the page (provided per render by the shell).
#[derive(Clone, Default)]
pub struct ScriptsIncluded(pub Arc<AtomicBool>);

/// The file names cargo-leptos gave the stylesheet, the JavaScript and the WebAssembly (without
/// their extensions), with the package folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssetNames {
    pub pkg: String,
    pub css: String,
    pub js: String,
    pub wasm: String,
}

impl AssetNames {
    /// Names from the hash file's text (`css: …`, `js: …`, `wasm: …` lines), or the plain output
    /// name when the file is missing (a build without hashing).
    pub fn from_hashes(output_name: &str, pkg: &str, hashes: Option<&str>) -> AssetNames {
        let named = |kind: &str| {
            hashes
                .into_iter()
                .flat_map(str::lines)
                .filter_map(|l| l.trim().split_once(':'))
                .find(|(k, _)| *k == kind)
                .map(|(_, h)| format!("{output_name}.{}", h.trim()))
        };
        AssetNames {
            pkg: pkg.to_owned(),
            css: named("css").unwrap_or_else(|| output_name.to_owned()),
            js: named("js").unwrap_or_else(|| output_name.to_owned()),
            wasm: named("wasm").unwrap_or_else(|| format!("{output_name}_bg")),
        }
    }

    /// Read once per process from beside the executable, where cargo-leptos puts the hash file.
    pub fn get(options: &LeptosOptions) -> &'static AssetNames {
        static NAMES: OnceLock<AssetNames> = OnceLock::new();
        NAMES.get_or_init(|| {
            let hashes = if options.hash_files {
                std::env::current_exe()
                    .ok()
                    .and_then(|exe| exe.parent().map(|p| p.join(options.hash_file.as_ref())))
                    .and_then(|path| std::fs::read_to_string(path).ok())
            } else {
                None
            };
            AssetNames::from_hashes(&options.output_name, &options.site_pkg_dir, hashes.as_deref())
        })
    }
}

/// The stylesheet link (the shell's head).
#[component]
pub fn Stylesheet(options: LeptosOptions) -> impl IntoView {
    let names = AssetNames::get(&options);
    view! { <link id="leptos" rel="stylesheet" href=format!("/{}/{}.css", names.pkg, names.css)/> }
}

/// Loads the WebAssembly that hydrates this page's islands (on idle, with the request's CSP nonce).
#[component]
pub fn IslandScripts() -> impl IntoView {
    let ctx = use_context::<RequestContext>();
    let lite = ctx.as_ref().is_some_and(|c| c.lite);
    // The request's own nonce, not one Leptos would make up: a page kept for everyone is rendered
    // without one (its script is allowed by hash; `server::page_cache`).
    let nonce = ctx.map(|c| c.nonce).filter(|n| !n.is_empty());
    let first = use_context::<ScriptsIncluded>().is_none_or(|s| !s.0.swap(true, Ordering::Relaxed));
    use_context::<LeptosOptions>().filter(|_| !lite && first).map(|options| {
        // As Leptos's `HydrationScripts islands=true`: the islands hydrate themselves.
        if let Some(sc) = Owner::current_shared_context() {
            sc.set_is_hydrating(false);
        }
        let names = AssetNames::get(&options);
        let (js, wasm) = (format!("/{}/{}.js", names.pkg, names.js), format!("/{}/{}.wasm", names.pkg, names.wasm));
        let crossorigin = nonce.clone().unwrap_or_default();
        view! {
            <link rel="modulepreload" href=js crossorigin=crossorigin.clone()/>
            <link rel="preload" href=wasm r#as="fetch" r#type="application/wasm" crossorigin=crossorigin/>
            <script type="module" nonce=nonce>
                {format!("{}(\"\", {:?}, {:?}, {:?}, false);", include_str!("./island_script.js"), names.pkg, names.js, names.wasm)}
            </script>
        }
    })
}

#[cfg(test)]
mod tests {
    use super::AssetNames;

    #[test]
    fn names_come_from_the_hash_file_or_fall_back_to_the_output_name() {
        let hashed = AssetNames::from_hashes("site", "pkg", Some("js: abc\nwasm: def\ncss: 123\n"));
        assert_eq!(
            (hashed.css.as_str(), hashed.js.as_str(), hashed.wasm.as_str()),
            ("site.123", "site.abc", "site.def")
        );
        let plain = AssetNames::from_hashes("site", "pkg", None);
        assert_eq!((plain.css.as_str(), plain.js.as_str(), plain.wasm.as_str()), ("site", "site", "site_bg"));
    }
}
