//! The cursor of a list: the last row a page held, by `(updated_at, id)`.

/// Where the next page starts: after this row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    pub updated_at: i64,
    pub id: i64,
}

impl Cursor {
    /// The cursor's text: two hexadecimal numbers of at most 15 digits (every time and id fits).
    /// Clients treat it as opaque.
    pub fn encode(self) -> String {
        format!("{:x}.{:x}", self.updated_at, self.id)
    }

    /// Reads a cursor a client sends back; anything else is `None` (a 400 naming `cursor`).
    pub fn decode(raw: &str) -> Option<Cursor> {
        let (a, b) = raw.split_once('.')?;
        let hex = |s: &str| {
            (!s.is_empty() && s.len() <= 15 && s.bytes().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()))
                .then(|| u64::from_str_radix(s, 16).ok())
                .flatten()
                .and_then(|n| i64::try_from(n).ok())
        };
        Some(Cursor { updated_at: hex(a)?, id: hex(b)? })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_reads_back_what_it_wrote() {
        for c in [
            Cursor { updated_at: 0, id: 0 },
            Cursor { updated_at: 1_765_000_000, id: 123_456 },
            Cursor { updated_at: 1 << 59, id: (1 << 60) - 1 },
        ] {
            assert_eq!(Cursor::decode(&c.encode()), Some(c));
        }
    }

    #[test]
    fn anything_else_is_no_cursor() {
        for bad in [
            "",
            ".",
            "1.",
            ".1",
            "1.2.3",
            "x.1",
            "-1.2",
            "1.-2",
            "FF.1",
            "ffffffffffffffff.1",
            "1000000000000000.1",
            "1 .2",
        ] {
            assert_eq!(Cursor::decode(bad), None, "{bad}");
        }
    }
}
