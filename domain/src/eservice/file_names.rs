//! The names of uploaded files, as shown and as downloaded: an applicant's file name is outside
//! input, so it is cleaned before it is ever displayed or sent in a header.

use super::FileKind;

/// Characters that change how a name reads without being seen: control characters, and the bidi
/// controls (embeddings, overrides, isolates, marks) with which `invoice<U+202E>fdp.html` shows
/// as `invoicelmth.pdf`.
fn invisible(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// A file name fit for display and for a download header: no path, no control or bidi control
/// characters, at most 120 characters.
pub fn display_name(raw: &str) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or("");
    let clean: String = base.chars().filter(|c| !invisible(*c) && !matches!(c, '"' | '<' | '>')).take(120).collect();
    if clean.trim().is_empty() {
        "file".into()
    } else {
        clean.trim().to_owned()
    }
}

/// The name a download is saved under: the stored name cleaned again (rows written before names
/// were cleaned of bidi controls), with the extension of what the file is (`kind`, recognised by
/// content), never the uploader's: an `invoice.html` holding a PDF downloads as `invoice.pdf`.
pub fn download_name(stored: &str, kind: Option<FileKind>) -> String {
    let name = display_name(stored);
    let stem = match name.rsplit_once('.') {
        Some((stem, _)) if !stem.trim().is_empty() => stem,
        Some(_) => "file",
        None => name.as_str(),
    };
    format!("{stem}.{}", kind.map_or("bin", FileKind::extension))
}

/// `Content-Disposition` for a download named `name`: always an attachment, with an ASCII
/// `filename` for old clients and the exact name as RFC 8187 `filename*` (UTF-8, percent-encoded).
pub fn content_disposition(name: &str) -> String {
    let ascii: String =
        name.chars().map(|c| if c.is_ascii_alphanumeric() || ".-_".contains(c) { c } else { '_' }).collect();
    let mut encoded = String::with_capacity(name.len() * 3);
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            encoded.push(char::from(b));
        } else {
            encoded.push_str(&format!("%{b:02X}"));
        }
    }
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}
