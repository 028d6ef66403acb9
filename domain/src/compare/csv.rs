//! CSV as spreadsheets write it (RFC 4180: quoted fields, doubled quotes, line breaks inside
//! quotes), with the semicolon separator Swedish spreadsheets use detected from the header.

/// One record and the line it starts on (1-based, the header is line 1).
pub type Record = (usize, Vec<String>);

/// Why a file is not CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvError {
    /// A quoted field is never closed; the line where it opened.
    UnclosedQuote(usize),
}

/// Splits a whole file into records. A byte-order mark is dropped; blank lines are skipped.
pub fn parse(text: &str) -> Result<Vec<Record>, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let separator = detect_separator(text.lines().next().unwrap_or(""));
    let mut records = Vec::new();
    let mut field = String::new();
    let mut fields = Vec::new();
    let mut in_quotes = false;
    let mut line = 1;
    let mut start_line = 1;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => in_quotes = true,
            c if c == separator => fields.push(std::mem::take(&mut field)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                fields.push(std::mem::take(&mut field));
                if !(fields.len() == 1 && fields[0].trim().is_empty()) {
                    records.push((start_line, std::mem::take(&mut fields)));
                }
                fields.clear();
                line += 1;
                start_line = line;
            }
            c => field.push(c),
        }
    }
    if in_quotes {
        return Err(CsvError::UnclosedQuote(start_line));
    }
    if !field.is_empty() || !fields.is_empty() {
        fields.push(field);
        if !(fields.len() == 1 && fields[0].trim().is_empty()) {
            records.push((start_line, fields));
        }
    }
    Ok(records)
}

/// `;` when the header has more semicolons than commas (outside quotes), else `,`.
fn detect_separator(header: &str) -> char {
    let (mut commas, mut semis, mut quoted) = (0, 0, false);
    for c in header.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => commas += 1,
            ';' if !quoted => semis += 1,
            _ => {}
        }
    }
    if semis > commas {
        ';'
    } else {
        ','
    }
}

/// A text field for a CSV file: quoted, quotes doubled, and a leading `=`, `+`, `-` or `@`
/// defused so a spreadsheet does not run it as a formula.
pub fn text_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) { format!("'{s}") } else { s.to_owned() };
    format!("\"{}\"", s.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_doubled_quotes_and_line_breaks_are_read() {
        let text = "\u{feff}id,name,note\r\n1,\"Förskolan \"\"Solen\"\"\",\"two\nlines\"\r\n\r\n2,Ekorren,\n";
        let records = parse(text).unwrap();
        assert_eq!(records.len(), 3);
        assert_eq!(records[1], (2, vec!["1".into(), "Förskolan \"Solen\"".into(), "two\nlines".into()]));
        assert_eq!(records[2], (5, vec!["2".into(), "Ekorren".into(), String::new()]));
    }

    #[test]
    fn semicolon_files_from_swedish_spreadsheets_are_read() {
        let records = parse("kpi;unit;period;value\nparent-satisfaction;a1;2025;87,5").unwrap();
        assert_eq!(records[1].1, vec!["parent-satisfaction", "a1", "2025", "87,5"]);
    }

    #[test]
    fn an_unclosed_quote_names_its_line() {
        assert_eq!(parse("a,b\n1,\"open\n2,3\n"), Err(CsvError::UnclosedQuote(2)));
    }

    #[test]
    fn formulas_are_defused_on_the_way_out() {
        assert_eq!(text_field("=SUM(A1)"), "\"'=SUM(A1)\"");
        assert_eq!(text_field("a \"b\""), "\"a \"\"b\"\"\"");
    }
}
