//! The small, safe formatting editors may use in a service page's body: paragraphs, bulleted
//! lists and links. Nothing else is markup.
//!
//! Policy: editors' text is never HTML. It is parsed here into [`Block`]s of plain text and links,
//! and the page renders those as elements whose text the renderer escapes, so `<script>`, an event
//! handler attribute or an `<iframe>` typed into a body is shown as the characters typed and never
//! runs. Links are the only attribute an editor controls, and only `https:`, `mailto:`, `tel:` and
//! this site's own paths (`/…`) are links; anything else (`javascript:`, `data:`, `http:`) is a
//! problem the editor is told about when saving, and is shown as plain text if it was stored
//! before this rule.
//!
//! Syntax: a blank line separates blocks; a block whose lines all start with `- ` or `* ` is a
//! list; `[text](address)` is a link.

use serde::{Deserialize, Serialize};

/// A piece of a paragraph or list item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Inline {
    Text(String),
    Link { text: String, href: String },
}

/// A block of the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Block {
    Paragraph(Vec<Inline>),
    List(Vec<Vec<Inline>>),
}

/// Whether an address may be a link.
pub fn safe_href(href: &str) -> bool {
    let h = href.trim();
    let lower = h.to_ascii_lowercase();
    let no_space = !h.is_empty() && !h.chars().any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<');
    no_space
        && ((lower.starts_with("https://") && h.len() > "https://".len())
            || lower.starts_with("mailto:")
            || lower.starts_with("tel:")
            || (h.starts_with('/') && !h.starts_with("//") && !h.starts_with("/\\")))
}

/// Parses a body into blocks. Never fails: what is not markup is text.
pub fn parse(text: &str) -> Vec<Block> {
    let normalised = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut blocks = Vec::new();
    for chunk in normalised.split("\n\n") {
        let lines: Vec<&str> = chunk.lines().map(str::trim_end).filter(|l| !l.trim().is_empty()).collect();
        if lines.is_empty() {
            continue;
        }
        let is_item = |l: &&str| {
            let t = l.trim_start();
            t.starts_with("- ") || t.starts_with("* ")
        };
        if lines.iter().all(is_item) {
            blocks.push(Block::List(lines.iter().map(|l| inlines(l.trim_start()[2..].trim())).collect()));
        } else {
            blocks.push(Block::Paragraph(inlines(&lines.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" "))));
        }
    }
    blocks
}

/// The links of a body whose address is not allowed (for the editor's error message).
pub fn unsafe_links(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some((_, link, after)) = next_link(rest) {
        if let Some((_, href)) = link {
            if !safe_href(&href) {
                out.push(href);
            }
        }
        rest = after;
    }
    out
}

/// The next `[text](href)` in `s`: (text before it, Some((text, href)), the rest), or `None`.
#[allow(clippy::type_complexity)]
fn next_link(s: &str) -> Option<(&str, Option<(String, String)>, &str)> {
    let open = s.find('[')?;
    let after_open = &s[open + 1..];
    let close = after_open.find("](")?;
    let text = &after_open[..close];
    if text.contains('[') || text.contains('\n') {
        // Not a link here: move past this bracket.
        return Some((&s[..open + 1], None, &s[open + 1..]));
    }
    let after_text = &after_open[close + 2..];
    let end = after_text.find(')')?;
    let href = &after_text[..end];
    Some((&s[..open], Some((text.to_owned(), href.trim().to_owned())), &after_text[end + 1..]))
}

fn inlines(s: &str) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    let push_text = |out: &mut Vec<Inline>, t: &str| {
        if t.is_empty() {
            return;
        }
        if let Some(Inline::Text(prev)) = out.last_mut() {
            prev.push_str(t);
        } else {
            out.push(Inline::Text(t.to_owned()));
        }
    };
    let mut rest = s;
    while let Some((before, link, after)) = next_link(rest) {
        push_text(&mut out, before);
        match link {
            Some((text, href)) if safe_href(&href) && !text.trim().is_empty() => {
                out.push(Inline::Link { text: text.trim().to_owned(), href })
            }
            // An address that is not allowed stays what it was: text.
            Some((text, href)) => push_text(&mut out, &format!("[{text}]({href})")),
            None => {}
        }
        rest = after;
    }
    push_text(&mut out, rest);
    out
}

/// The body as plain text (search, summaries): links become their text.
pub fn plain(text: &str) -> String {
    parse(text)
        .iter()
        .map(|b| match b {
            Block::Paragraph(i) => flatten(i),
            Block::List(items) => items.iter().map(|i| flatten(i)).collect::<Vec<_>>().join(" "),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn flatten(inlines: &[Inline]) -> String {
    inlines
        .iter()
        .map(|i| match i {
            Inline::Text(t) => t.as_str(),
            Inline::Link { text, .. } => text.as_str(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_lists_and_links() {
        let blocks =
            parse("Första stycket\nfortsätter här.\n\n- ett\n- två med [länk](https://start.stockholm)\n\nSista.");
        assert_eq!(
            blocks,
            vec![
                Block::Paragraph(vec![Inline::Text("Första stycket fortsätter här.".into())]),
                Block::List(vec![
                    vec![Inline::Text("ett".into())],
                    vec![
                        Inline::Text("två med ".into()),
                        Inline::Link { text: "länk".into(), href: "https://start.stockholm".into() }
                    ],
                ]),
                Block::Paragraph(vec![Inline::Text("Sista.".into())]),
            ]
        );
    }

    #[test]
    fn markup_that_could_run_stays_text() {
        for hostile in [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[klicka](javascript:alert(1))",
            "[klicka](data:text/html,<script>alert(1)</script>)",
            "[klicka](//evil.example)",
            "[klicka](http://plain.example)",
            "[klicka](https://ok.example\" onmouseover=\"alert(1))",
        ] {
            for block in parse(hostile) {
                let Block::Paragraph(inl) = block else { panic!("{hostile}") };
                assert!(inl.iter().all(|i| matches!(i, Inline::Text(_))), "{hostile}: {inl:?}");
            }
        }
        assert_eq!(unsafe_links("[a](javascript:x) och [b](https://ok.example)"), vec!["javascript:x"]);
    }

    #[test]
    fn allowed_addresses() {
        for ok in ["https://www.stockholm.se", "mailto:a@b.se", "tel:+46850800508", "/services/bygglov"] {
            assert!(safe_href(ok), "{ok}");
        }
        for bad in ["javascript:alert(1)", "JAVASCRIPT:x", "//evil", "/\\evil", "http://x", "https://", "ftp://x", ""] {
            assert!(!safe_href(bad), "{bad}");
        }
    }

    #[test]
    fn plain_text_keeps_the_words() {
        assert_eq!(plain("Se [sidan](/services/x).\n\n- a\n- b"), "Se sidan. a b");
    }
}
