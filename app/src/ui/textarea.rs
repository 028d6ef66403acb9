//! The text inside a `<textarea>`.

/// A value to show inside a `<textarea>`: `<textarea …>{textarea_text(value)}</textarea>`.
///
/// Leptos (tachys 0.2) writes a textarea's children unescaped when rendering on the server, as it
/// does a script's or a style's, so a saved `</textarea><img src=x onerror=…>` would close the
/// element and run. A textarea's content is RCDATA: the browser decodes character references in
/// it, so escaping `&`, `<` and `>` shows exactly the text that was saved. In the browser the
/// child becomes a DOM text node, which needs no escaping.
pub fn textarea_text(value: impl AsRef<str>) -> String {
    let value = value.as_ref();
    if cfg!(feature = "ssr") {
        escape(value)
    } else {
        value.to_owned()
    }
}

fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_and_references_become_text() {
        assert_eq!(
            escape("</textarea><img src=x onerror=alert(1)>&amp; \"åäö\""),
            "&lt;/textarea&gt;&lt;img src=x onerror=alert(1)&gt;&amp;amp; \"åäö\""
        );
        assert_eq!(escape("plain text"), "plain text");
    }

    /// Every `<textarea>` of the app shows its value through `textarea_text`: a new one that does
    /// not would be open to markup again.
    #[test]
    fn every_textarea_escapes_its_value() {
        fn visit(dir: &std::path::Path, found: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).expect("read app/src") {
                let path = entry.expect("entry").path();
                if path.is_dir() {
                    visit(&path, found);
                } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("ui/textarea.rs") {
                    let source = std::fs::read_to_string(&path).expect("read a source file");
                    for (at, _) in source.match_indices("<textarea ") {
                        let end = source[at..].find("</textarea>").map_or(source.len(), |e| at + e);
                        let element = &source[at..end];
                        let content = element.rsplit_once('>').map_or("", |(_, c)| c);
                        if !content.trim().is_empty() && !content.contains("textarea_text(") {
                            found.push(format!("{}: {element}", path.display()));
                        }
                    }
                }
            }
        }
        let mut found = Vec::new();
        visit(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut found);
        assert!(found.is_empty(), "textareas showing a value unescaped:\n{}", found.join("\n"));
    }
}
