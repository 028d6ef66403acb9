//! Editors' formatted text (paragraphs, lists, links; `stadsporten_domain::content::markup`) as
//! elements. Every piece of text is a text node the renderer escapes, and the only attribute from
//! the editor is a link's address, which the domain has already limited to safe schemes — so
//! nothing an editor types can become markup or script.

use leptos::prelude::*;
use stadsporten_domain::content::markup::{Block, Inline};

fn inlines(items: Vec<Inline>) -> impl IntoView {
    items
        .into_iter()
        .map(|i| match i {
            Inline::Text(t) => t.into_any(),
            Inline::Link { text, href } => {
                // Links that leave the site say so to every browser (and open no window).
                let external = href.starts_with("https://").then_some("external noopener");
                view! { <a href=href rel=external>{text}</a> }.into_any()
            }
        })
        .collect_view()
}

/// The blocks of a formatted text.
#[component]
pub fn Markup(blocks: Vec<Block>) -> impl IntoView {
    blocks
        .into_iter()
        .map(|b| match b {
            Block::Paragraph(items) => view! { <p>{inlines(items)}</p> }.into_any(),
            Block::List(items) => {
                let lis = items.into_iter().map(|i| view! { <li>{inlines(i)}</li> }).collect_view();
                view! { <ul>{lis}</ul> }.into_any()
            }
        })
        .collect_view()
}
