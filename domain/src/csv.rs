//! CSV as spreadsheets write and read it, with the `csv` crate (this crate's `csv` feature: only
//! the server side enables it, so the WebAssembly never compiles it).
//!
//! Reading ([`parse`], the provider data's import): RFC 4180 (quoted fields, doubled quotes, line
//! breaks inside quotes), the separator told by the header (`;`, as Swedish spreadsheets write,
//! when it has more semicolons than commas outside quotes, else `,`), a byte-order mark dropped,
//! blank lines skipped, and every record with the line it starts on. Records of different lengths
//! are read as they are (the importer reports them by row), and a quoted field that never closes
//! is refused with its line, where the csv crate would read it to the end of the file. A decimal
//! comma is a value's concern (the importer's numbers), never the reader's.
//!
//! Writing ([`CsvFile`], the open data and the staff's exports): the header exactly as given, then
//! rows through `csv::Writer`; text that starts with `=`, `+`, `-` or `@` is defused with a leading
//! `'` ([`defuse`]) so a spreadsheet does not run it as a formula.

use std::borrow::Cow;

/// One record and the line it starts on (1-based, the header is line 1).
pub type Record = (usize, Vec<String>);

/// Why a file is not CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvError {
    /// A quoted field is never closed; the line where its record starts.
    UnclosedQuote(usize),
    /// The csv crate refused the record starting on this line. With the reader's settings here
    /// (records of any length, text in) that is only text that is not UTF-8, which a `&str` never
    /// is; it is reported rather than assumed away.
    Unreadable(usize),
}

/// Splits a whole file into records. A byte-order mark is dropped; blank lines are skipped.
pub fn parse(text: &str) -> Result<Vec<Record>, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let separator = detect_separator(text.lines().next().unwrap_or(""));
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(separator).from_reader(text.as_bytes());
    let mut records = Vec::new();
    let mut record = csv::StringRecord::new();
    // The csv crate starts a record's position before the line breaks that lead to it (the end of
    // the line before, blank lines); its line here is that of its first character.
    let bytes = text.as_bytes();
    let (mut counted, mut line) = (0, 1);
    let mut line_of = |p: &csv::Position| {
        let from = usize::try_from(p.byte()).map_or(bytes.len(), |b| b.min(bytes.len())).max(counted);
        let start = from + bytes[from..].iter().take_while(|b| matches!(b, b'\r' | b'\n')).count();
        line += bytes[counted..start].iter().filter(|b| **b == b'\n').count();
        counted = start;
        line
    };
    let mut at = 1;
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(CsvError::Unreadable(e.position().map_or(at, &mut line_of))),
        }
        at = record.position().map_or(at, &mut line_of);
        // The csv crate skips empty lines; a line of spaces is blank too.
        if record.len() == 1 && record[0].trim().is_empty() {
            continue;
        }
        records.push((at, record.iter().map(str::to_owned).collect()));
    }
    if ends_inside_quotes(text, separator) {
        // Such a field runs to the end of the file, so it is in the last record read.
        return Err(CsvError::UnclosedQuote(at));
    }
    Ok(records)
}

/// `;` when the header has more semicolons than commas (outside quotes), else `,`.
fn detect_separator(header: &str) -> u8 {
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
        b';'
    } else {
        b','
    }
}

/// Whether the text ends inside a quoted field, by the rules the csv crate reads with: a field is
/// quoted when it starts with `"`, inside it `""` is a quote and a lone `"` closes it. (The csv
/// crate itself ends such a field silently at the end of the file.)
fn ends_inside_quotes(text: &str, separator: u8) -> bool {
    let (mut quoted, mut field_start) = (false, true);
    let mut bytes = text.bytes().peekable();
    while let Some(b) = bytes.next() {
        if quoted {
            if b == b'"' && bytes.next_if_eq(&b'"').is_none() {
                quoted = false;
            }
        } else if b == b'"' && field_start {
            (quoted, field_start) = (true, false);
        } else {
            field_start = b == separator || b == b'\n' || b == b'\r';
        }
    }
    quoted
}

/// Text for a CSV field with a leading `=`, `+`, `-` or `@` defused (a `'` before it), so a
/// spreadsheet does not run it as a formula.
pub fn defuse(s: &str) -> Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@']) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// How a file's rows are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Every field quoted, lines ending in `\n`: the staff's exports (the case queue, the audit
    /// trail).
    AllQuoted,
    /// Numbers bare, everything else quoted, lines ending in `\r\n` (RFC 4180): the open data.
    TextQuoted,
}

/// A CSV file being written in memory: the header exactly as given, then rows.
pub struct CsvFile {
    writer: csv::Writer<Vec<u8>>,
}

impl CsvFile {
    /// A file with this header line (column names, written as they are, comma-separated).
    pub fn new(header: &[&str], style: Style) -> CsvFile {
        let (quoting, line_end) = match style {
            Style::AllQuoted => (csv::QuoteStyle::Always, "\n"),
            Style::TextQuoted => (csv::QuoteStyle::NonNumeric, "\r\n"),
        };
        debug_assert!(header.iter().all(|h| !h.contains([',', '"', '\r', '\n'])), "{header:?}");
        let start = format!("{}{line_end}", header.join(",")).into_bytes();
        let terminator = match style {
            Style::AllQuoted => csv::Terminator::Any(b'\n'),
            Style::TextQuoted => csv::Terminator::CRLF,
        };
        let writer =
            csv::WriterBuilder::new().quote_style(quoting).terminator(terminator).flexible(true).from_writer(start);
        CsvFile { writer }
    }

    /// A row of fields written as they are: defuse text with [`defuse`] first.
    pub fn row<I, S>(&mut self, fields: I)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<[u8]>,
    {
        // Writing to memory cannot fail, and a flexible writer takes rows of any length.
        let written = self.writer.write_record(fields);
        debug_assert!(written.is_ok(), "{written:?}");
    }

    /// A row of text fields, each defused.
    pub fn text_row<I, S>(&mut self, fields: I)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let fields: Vec<String> = fields.into_iter().map(|f| defuse(f.as_ref()).into_owned()).collect();
        self.row(fields);
    }

    /// The whole file.
    pub fn finish(self) -> String {
        let bytes = match self.writer.into_inner() {
            Ok(bytes) => bytes,
            // Flushing into memory cannot fail; this keeps what was written all the same.
            Err(e) => e.into_inner().into_inner().unwrap_or_default(),
        };
        // Only text went in.
        String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }
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
        // In a comma file a decimal comma must be quoted, and stays in the value.
        let records = parse("kpi,unit,period,value\nparent-satisfaction,a1,2025,\"87,5\"").unwrap();
        assert_eq!(records[1].1, vec!["parent-satisfaction", "a1", "2025", "87,5"]);
        // A separator inside a quoted header name does not count.
        assert_eq!(parse("\"a;b;c\",d\n1,2\n").unwrap()[1].1, vec!["1", "2"]);
    }

    #[test]
    fn an_unclosed_quote_names_its_line() {
        assert_eq!(parse("a,b\n1,\"open\n2,3\n"), Err(CsvError::UnclosedQuote(2)));
        assert_eq!(parse("a,b\n1,2\n3,\"x\"\"\n"), Err(CsvError::UnclosedQuote(3)), "a doubled quote does not close");
        assert_eq!(parse("a,b\n1,\""), Err(CsvError::UnclosedQuote(2)));
        // Closed, empty, or a quote inside an unquoted field: all fine.
        assert_eq!(parse("a,b\n1,\"\"").unwrap()[1].1, vec!["1", ""]);
        assert_eq!(parse("a,b\n1,\"x\"\"\"").unwrap()[1].1, vec!["1", "x\""]);
        assert_eq!(parse("a,b\n1,x\"y\n").unwrap()[1].1, vec!["1", "x\"y"]);
        assert_eq!(parse("a,b\n1,\n").unwrap()[1].1, vec!["1", ""]);
    }

    #[test]
    fn rows_of_any_length_and_blank_lines_are_read_as_they_are() {
        let records = parse("a,b,c\n\n   \n1,2\n4,5,6,7\n").unwrap();
        assert_eq!(
            records,
            vec![
                (1, vec!["a".into(), "b".into(), "c".into()]),
                (4, vec!["1".into(), "2".into()]),
                (5, vec!["4".into(), "5".into(), "6".into(), "7".into()])
            ]
        );
        assert_eq!(parse("").unwrap(), vec![]);
    }

    #[test]
    fn formulas_are_defused_on_the_way_out() {
        let mut f = CsvFile::new(&["a", "b"], Style::TextQuoted);
        f.text_row(["=SUM(A1)", "a \"b\""]);
        assert_eq!(f.finish(), "a,b\r\n\"'=SUM(A1)\",\"a \"\"b\"\"\"\r\n");
        for (text, defused) in [("=1", "'=1"), ("+46 8", "'+46 8"), ("-x", "'-x"), ("@me", "'@me"), ("a=b", "a=b")] {
            assert_eq!(defuse(text), defused);
        }
    }

    #[test]
    fn every_field_is_quoted_for_the_staff_exports() {
        let mut f = CsvFile::new(&["seq", "name", "n"], Style::AllQuoted);
        f.text_row(["a\"b", "=cmd()", "plain"]);
        f.text_row(["", "two\nlines", "12"]);
        assert_eq!(f.finish(), "seq,name,n\n\"a\"\"b\",\"'=cmd()\",\"plain\"\n\"\",\"two\nlines\",\"12\"\n");
    }

    #[test]
    fn the_open_data_quotes_text_and_leaves_numbers_bare() {
        let mut f = CsvFile::new(&["id", "lat", "n", "weekends", "note"], Style::TextQuoted);
        f.row(["fs-sol".as_bytes(), b"59.3381234", b"-17.5", b"true", defuse("-2 \"x\"").as_bytes()]);
        f.row([&b"a"[..], b"1", b"", b"false", b"semi;colon"]);
        assert_eq!(
            f.finish(),
            "id,lat,n,weekends,note\r\n\"fs-sol\",59.3381234,-17.5,\"true\",\"'-2 \"\"x\"\"\"\r\n\"a\",1,\"\",\"false\",\"semi;colon\"\r\n"
        );
    }
}
