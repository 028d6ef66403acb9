//! The WebAssembly entry point: hydrates the islands that the server rendered, nothing else.

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    // Keep the app crate (and so its islands) linked into the module.
    #[expect(unused_imports, reason = "linking the islands is the point")]
    use stadsporten_app::ui::LiveResults;
    // Readable panics in development; in release the hook's formatting code is left out (size).
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
