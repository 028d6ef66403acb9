//! Where the service may send a browser after a choice or a sign-in (`?to=/path`): only a path on
//! this site, never another site (no open redirect).
//!
//! Policy: a browser resolves a `Location` like any link. `//host` and `/\host` (backslash counts as
//! a slash for http URLs) name another host, and a browser silently removes tab, carriage return
//! and line feed anywhere in a URL (and trims leading and trailing control characters and spaces),
//! so `/<TAB>/host` becomes `//host`. Rather than predict every browser's clean-up, a local path
//! may hold no control character, no whitespace of any kind and no backslash at all: a real path
//! of this site never needs them in decoded form.

use std::fmt;

/// A path on this site, safe to send as a redirect: starts with exactly one `/` and holds no
/// control character, whitespace or backslash. Made only by [`LocalPath::parse`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LocalPath(String);

/// Why a value is not a local path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LocalPathError {
    #[error("a local path starts with a single `/`")]
    NotLocal,
    #[error("a local path holds no control character, whitespace or backslash")]
    ForbiddenCharacter,
}

/// What a browser may strip or reinterpret in a URL (see the module policy).
fn forbidden(c: char) -> bool {
    c.is_control() || c.is_whitespace() || c == '\\'
}

impl LocalPath {
    pub fn parse(s: &str) -> Result<Self, LocalPathError> {
        if s.chars().any(forbidden) {
            return Err(LocalPathError::ForbiddenCharacter);
        }
        let Some(rest) = s.strip_prefix('/') else { return Err(LocalPathError::NotLocal) };
        if rest.starts_with('/') {
            return Err(LocalPathError::NotLocal);
        }
        Ok(LocalPath(s.to_owned()))
    }

    /// `to` when it is a local path, else `fallback` (a crafted or stale link just goes there).
    pub fn or(to: Option<&str>, fallback: &'static str) -> Self {
        to.and_then(|t| Self::parse(t).ok()).unwrap_or_else(|| LocalPath(fallback.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Display for LocalPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every control character, every ASCII space, and Unicode whitespace browsers or proxies
    /// might trim or fold.
    fn unsafe_chars() -> Vec<char> {
        let mut chars: Vec<char> = (0u32..=0x20).chain([0x7f]).filter_map(char::from_u32).collect();
        chars.extend((0x80u32..=0x9f).filter_map(char::from_u32));
        chars.extend([
            '\u{85}', '\u{a0}', '\u{1680}', '\u{2000}', '\u{2001}', '\u{2002}', '\u{2003}', '\u{2004}', '\u{2005}',
            '\u{2006}', '\u{2007}', '\u{2008}', '\u{2009}', '\u{200a}', '\u{2028}', '\u{2029}', '\u{202f}', '\u{205f}',
            '\u{3000}', '\\',
        ]);
        chars
    }

    #[test]
    fn local_paths_pass_unchanged() {
        for ok in ["/", "/my", "/services?q=a&b=c", "/apply/x/step/2#field", "/services?q=f%C3%B6rskola", "/a/b//c"] {
            assert_eq!(LocalPath::parse(ok).map(LocalPath::into_string), Ok(ok.to_owned()), "{ok:?}");
        }
        // Non-ASCII letters in a decoded query are fine: only the start decides the host.
        assert!(LocalPath::parse("/services?q=förskola").is_ok());
    }

    #[test]
    fn other_sites_and_non_paths_are_refused() {
        for bad in
            ["", "my", "//evil.example", "/\\evil", "https://evil.example", "http:/evil", "?to=x", "#x", "///evil"]
        {
            assert!(LocalPath::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn no_control_whitespace_or_backslash_anywhere() {
        for c in unsafe_chars() {
            let code = u32::from(c);
            for bad in [
                format!("/{c}/evil.example"),
                format!("/{c}evil.example"),
                format!("{c}//evil.example"),
                format!("{c}/evil"),
                format!("/my{c}"),
                format!("/my/{c}/x"),
                format!("/services?q=a{c}b"),
                format!("/my#{c}"),
            ] {
                assert!(LocalPath::parse(&bad).is_err(), "U+{code:04X} in {bad:?}");
            }
        }
    }

    #[test]
    fn a_refused_value_falls_back() {
        assert_eq!(LocalPath::or(Some("/\t/evil.example"), "/").as_str(), "/");
        assert_eq!(LocalPath::or(Some("/a\r\nSet-Cookie: x"), "/my").as_str(), "/my");
        assert_eq!(LocalPath::or(None, "/my").as_str(), "/my");
        assert_eq!(LocalPath::or(Some("/services?q=a"), "/").as_str(), "/services?q=a");
        assert_eq!(LocalPath::or(Some("/my?x=1"), "/my").as_str(), "/my?x=1");
        assert_eq!(LocalPath::or(Some("/a\r\nX: y"), "/my").as_str(), "/my");
    }
}
