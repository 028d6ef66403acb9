//! The page's `<title>`, safe whatever text it carries.
//!
//! Why: leptos_meta 0.8 writes the title into `<head>` on the server without escaping it, so a
//! title containing `</title><script>…` (a service page's title is editors' text, a unit's name a
//! provider's) would end the element and start markup. Every page sets its title through this
//! component instead, which replaces the angle brackets by look-alike quotation marks: inside
//! `<title>` nothing else can end the element, and the browser shows the text nearly as typed.

use leptos::prelude::*;

/// The title text with `<` and `>` replaced (see the module).
pub fn safe_title(text: &str) -> String {
    text.replace('<', "‹").replace('>', "›")
}

#[component]
pub fn Title(#[prop(into)] text: String) -> impl IntoView {
    view! { <leptos_meta::Title text=safe_title(&text)/> }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_title_cannot_end_its_element() {
        assert_eq!(super::safe_title("A </title><script>x</script> & B"), "A ‹/title›‹script›x‹/script› & B");
    }
}
