//! CSV files for spreadsheets: writing a table of text cells so that Excel opens it with
//! Vietnamese letters intact and no cell run as a formula, and a safe file name from a
//! table's title. Pure text in, text out; the shell saves files. The app never reads CSV:
//! the reader here (`parse`) is compiled for unit tests only, and the integration tests
//! check the writer against the `csv` crate.
//!
//! The format, and why:
//! - RFC 4180 quoting (a field holding the delimiter, a quote, a comma, a semicolon, CR or
//!   LF is wrapped in `"` with inner quotes doubled) and CRLF after every record. A
//!   record of one empty cell is written `""`, since readers skip an empty line.
//! - UTF-8 with a byte-order mark first: Excel reads a `.csv` without one in the
//!   computer's legacy code page, which turns "Kế hoạch" into mojibake.
//! - The delimiter follows the number format of the cells (see [`Delimiter::for_locale`]):
//!   Excel splits a double-clicked CSV on the Windows "list separator", which is `,` where
//!   the decimal mark is `.` (English) and `;` where the decimal mark is `,` (Vietnamese
//!   regional settings, as in most decimal-comma locales). Cells are written as the app
//!   shows them ("18.938,78"), which Excel reads as numbers exactly under those settings,
//!   so the file opened in the Vietnamese interface uses `;` and in English `,`. A
//!   `sep=` first line would pick the delimiter explicitly, but Excel then ignores the
//!   byte-order mark, so it is not used. Data › From Text/CSV opens either file anywhere.
//! - Formula injection (OWASP "CSV Injection"; ASVS 1.2.10): a cell that starts with
//!   `=`, `+`, `-`, `@`, tab, CR or NUL gets a leading `'`, which spreadsheets take as
//!   "this is text" (some show the mark). One exception: a cell that is only a number as
//!   the app writes negatives (`-5,25`, `-1.234`, `-7,3%`: a minus, digits, `.`/`,` and
//!   an optional final `%`) is left alone. It cannot hold a formula, and prefixing it would
//!   turn a negative number into text. A cell that already starts with `'` gets another,
//!   so `restore` undoes [`neutralise`] exactly and files read back to the table shown.

use std::borrow::Cow;

/// The byte-order mark written first, so Excel reads the file as UTF-8.
pub const BOM: char = '\u{feff}';

/// MIME type for the download.
pub const MIME: &str = "text/csv;charset=utf-8";

/// A table as shown: header cells and rows of cells, all text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    /// Column headings.
    pub header: Vec<String>,
    /// Body rows, each a list of cells.
    pub rows: Vec<Vec<String>>,
}

/// The character between fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delimiter {
    /// `,` (RFC 4180; Excel with a decimal point).
    Comma,
    /// `;` (Excel with a decimal comma, as in Vietnamese regional settings).
    Semicolon,
}

impl Delimiter {
    /// The delimiter matching a number format: `;` when the decimal mark is a comma.
    pub fn for_decimal_comma(decimal_comma: bool) -> Delimiter {
        if decimal_comma {
            Delimiter::Semicolon
        } else {
            Delimiter::Comma
        }
    }

    /// The delimiter for the app's number format in `locale`.
    pub fn for_locale(locale: crate::core::text::numfmt::Locale) -> Delimiter {
        Delimiter::for_decimal_comma(locale == crate::core::text::numfmt::Locale::Vi)
    }

    fn char(self) -> char {
        match self {
            Delimiter::Comma => ',',
            Delimiter::Semicolon => ';',
        }
    }
}

/// Why a text is not a well-formed CSV.
#[cfg(test)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CsvError {
    /// A quoted field is never closed.
    UnclosedQuote,
    /// Text follows the closing quote of a field before the next delimiter.
    TextAfterQuote,
}

#[cfg(test)]
impl std::fmt::Display for CsvError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CsvError::UnclosedQuote => write!(f, "unclosed quote"),
            CsvError::TextAfterQuote => write!(f, "text after a closing quote"),
        }
    }
}

/// True for a cell that is nothing but a negative number as the app writes it.
fn is_plain_negative_number(cell: &str) -> bool {
    let Some(rest) = cell.strip_prefix('-') else {
        return false;
    };
    let body = rest.strip_suffix('%').unwrap_or(rest);
    body.starts_with(|c: char| c.is_ascii_digit())
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
}

/// Makes a cell safe to open in a spreadsheet (see the module notes).
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r', '\0', '\''])
        && !is_plain_negative_number(cell);
    if risky {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Undoes [`neutralise`]: drops one leading `'`.
#[cfg(test)]
pub fn restore(cell: &str) -> &str {
    cell.strip_prefix('\'').unwrap_or(cell)
}

fn push_field(out: &mut String, cell: &str, delimiter: Delimiter) {
    let cell = neutralise(cell);
    let needs_quotes = cell
        .chars()
        .any(|c| matches!(c, '"' | ',' | ';' | '\r' | '\n') || c == delimiter.char());
    if needs_quotes {
        out.push('"');
        for c in cell.chars() {
            if c == '"' {
                out.push('"');
            }
            out.push(c);
        }
        out.push('"');
    } else {
        out.push_str(&cell);
    }
}

fn push_record(out: &mut String, cells: &[String], delimiter: Delimiter) {
    // A record of one empty cell would be an empty line, which spreadsheet and CSV
    // readers skip; quoted, it stays a row.
    if let [only] = cells {
        if only.is_empty() {
            out.push_str("\"\"\r\n");
            return;
        }
    }
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(delimiter.char());
        }
        push_field(out, cell, delimiter);
    }
    out.push_str("\r\n");
}

/// Writes `table` as a CSV file: byte-order mark, header record, then one record per row,
/// each ending in CRLF, every cell neutralised and quoted as needed.
pub fn write(table: &Table, delimiter: Delimiter) -> String {
    let mut out = String::new();
    out.push(BOM);
    push_record(&mut out, &table.header, delimiter);
    for row in &table.rows {
        push_record(&mut out, row, delimiter);
    }
    out
}

/// Reads CSV text into records of raw fields (RFC 4180, with `delimiter`); a leading
/// byte-order mark is skipped, CRLF and lone LF both end a record, and a final line break
/// does not start an empty record.
#[cfg(test)]
pub fn parse_records(text: &str, delimiter: Delimiter) -> Result<Vec<Vec<String>>, CsvError> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let sep = delimiter.char();
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    // Whether anything (a field or a delimiter) has been read into the current record.
    let mut started = false;
    while let Some(c) = chars.next() {
        match c {
            '"' if field.is_empty() => {
                started = true;
                loop {
                    match chars.next() {
                        None => return Err(CsvError::UnclosedQuote),
                        Some('"') if chars.peek() == Some(&'"') => {
                            chars.next();
                            field.push('"');
                        }
                        Some('"') => break,
                        Some(other) => field.push(other),
                    }
                }
                match chars.peek() {
                    None | Some('\r' | '\n') => {}
                    Some(&next) if next == sep => {}
                    Some(_) => return Err(CsvError::TextAfterQuote),
                }
            }
            c if c == sep => {
                started = true;
                record.push(std::mem::take(&mut field));
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
                started = false;
            }
            other => {
                started = true;
                field.push(other);
            }
        }
    }
    if started || !field.is_empty() {
        record.push(field);
        records.push(record);
    }
    Ok(records)
}

/// Reads a file written by [`write`] back into the table it came from.
#[cfg(test)]
pub fn parse(text: &str, delimiter: Delimiter) -> Result<Table, CsvError> {
    let mut records = parse_records(text, delimiter)?.into_iter().map(|r| {
        r.iter()
            .map(|cell| restore(cell).to_string())
            .collect::<Vec<_>>()
    });
    let header = records.next().unwrap_or_default();
    Ok(Table {
        header,
        rows: records.collect(),
    })
}

/// Names Windows keeps for devices; a file may not be called that.
const RESERVED: [&str; 22] = [
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// Longest file-name stem kept, in characters (far inside Windows' 255 and its 260-long
/// paths, even in a deep Downloads folder).
const MAX_STEM: usize = 120;

/// A file name for a table called `title`: letters (Vietnamese ones included) and digits
/// kept, characters that file systems or shells refuse (`/ \ : * ? " < > |`, control
/// characters, other symbols) turned into spaces, runs of spaces collapsed, no leading or
/// trailing dot or space, at most 120 characters (cut between words), then `.{extension}`. An empty result
/// becomes `bang` ("table").
pub fn file_name(title: &str, extension: &str) -> String {
    let cleaned: String = title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '(' | ')' | ',' | '.' | '%' | '+') {
                c
            } else {
                ' '
            }
        })
        .collect();
    let collapsed = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    let short: String = if collapsed.chars().count() > MAX_STEM {
        // Cut at a word boundary, so the name does not end in half a word.
        let cut: String = collapsed.chars().take(MAX_STEM).collect();
        match cut.rfind(' ').and_then(|i| cut.get(..i)) {
            Some(head) if head.chars().count() > MAX_STEM / 2 => head.to_string(),
            _ => cut,
        }
    } else {
        collapsed
    };
    let trimmed = short.trim_matches(|c: char| c == '.' || c == ' ');
    let stem = if trimmed.is_empty() { "bang" } else { trimmed };
    let reserved = RESERVED.iter().any(|r| {
        stem.split('.')
            .next()
            .is_some_and(|first| first.eq_ignore_ascii_case(r))
    });
    if reserved {
        format!("{stem}_.{extension}")
    } else {
        format!("{stem}.{extension}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(header: &[&str], rows: &[&[&str]]) -> Table {
        Table {
            header: header.iter().map(|s| s.to_string()).collect(),
            rows: rows
                .iter()
                .map(|r| r.iter().map(|s| s.to_string()).collect())
                .collect(),
        }
    }

    #[track_caller]
    fn neutralised(cell: &str, expected: &str) {
        assert_eq!(neutralise(cell), expected, "cell {cell:?}");
        assert_eq!(restore(&neutralise(cell)), cell);
    }

    #[test]
    fn formula_triggers_are_neutralised() {
        // G5: a cell value =HYPERLINK(...) is neutralised.
        neutralised(
            "=HYPERLINK(\"http://evil.example\",\"Bấm\")",
            "'=HYPERLINK(\"http://evil.example\",\"Bấm\")",
        );
        neutralised("+1+2", "'+1+2");
        neutralised("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0");
        neutralised("@SUM(A1:A2)", "'@SUM(A1:A2)");
        neutralised("\t=1", "'\t=1");
        neutralised("\r=1", "'\r=1");
        neutralised("\0x", "'\0x");
        neutralised("'quoted", "''quoted");
        neutralised("-", "'-");
        neutralised("-%", "'-%");
        neutralised("-1,5 tỷ", "'-1,5 tỷ");
        neutralised("-1e5", "'-1e5");
    }

    #[test]
    fn negative_numbers_and_plain_text_are_kept() {
        neutralised("-5,25", "-5,25");
        neutralised("-1.234.567,8", "-1.234.567,8");
        neutralised("-7,3%", "-7,3%");
        neutralised("-18,938.78", "-18,938.78");
        neutralised("18.938,78 tỷ đồng", "18.938,78 tỷ đồng");
        neutralised("Kế hoạch", "Kế hoạch");
        neutralised("a=b", "a=b");
        neutralised(" =1", " =1");
        neutralised("—", "—");
        neutralised("", "");
    }

    #[test]
    fn writes_bom_crlf_and_quotes() {
        let t = table(
            &["Chỉ tiêu", "Giá trị"],
            &[
                &["GRDP", "18.938,78 tỷ đồng"],
                &["Nói \"đạt\"", "dòng 1\ndòng 2"],
                &["=HYPERLINK(\"x\")", "-5,25"],
            ],
        );
        let text = write(&t, Delimiter::Semicolon);
        assert_eq!(
            text,
            "\u{feff}Chỉ tiêu;Giá trị\r\n\
             GRDP;\"18.938,78 tỷ đồng\"\r\n\
             \"Nói \"\"đạt\"\"\";\"dòng 1\ndòng 2\"\r\n\
             \"'=HYPERLINK(\"\"x\"\")\";\"-5,25\"\r\n"
        );
        assert_eq!(parse(&text, Delimiter::Semicolon), Ok(t.clone()));
        let comma = write(&t, Delimiter::Comma);
        assert!(comma.starts_with("\u{feff}Chỉ tiêu,Giá trị\r\n"));
        assert_eq!(parse(&comma, Delimiter::Comma), Ok(t));
    }

    #[test]
    fn a_row_of_one_empty_cell_is_not_an_empty_line() {
        let t = table(&[""], &[&[""], &["a"]]);
        let text = write(&t, Delimiter::Comma);
        assert_eq!(text, "\u{feff}\"\"\r\n\"\"\r\na\r\n");
        assert_eq!(parse(&text, Delimiter::Comma), Ok(t));
        let two = table(&["", ""], &[]);
        assert_eq!(write(&two, Delimiter::Semicolon), "\u{feff};\r\n");
    }

    #[test]
    fn parses_edge_cases() {
        let p = |s: &str| parse_records(s, Delimiter::Comma);
        assert_eq!(p(""), Ok(vec![]));
        assert_eq!(p("a,b\r\n"), Ok(vec![vec!["a".into(), "b".into()]]));
        assert_eq!(p("a,b"), Ok(vec![vec!["a".into(), "b".into()]]));
        assert_eq!(p("a\nb\n"), Ok(vec![vec!["a".into()], vec!["b".into()]]));
        assert_eq!(p("\r\n"), Ok(vec![vec!["".into()]]));
        assert_eq!(p("\"\"\r\n"), Ok(vec![vec!["".into()]]));
        assert_eq!(p(",\r\n"), Ok(vec![vec!["".into(), "".into()]]));
        assert_eq!(p("\"a\"\"b\",c"), Ok(vec![vec!["a\"b".into(), "c".into()]]));
        assert_eq!(p("\"a"), Err(CsvError::UnclosedQuote));
        assert_eq!(p("\"a\"b"), Err(CsvError::TextAfterQuote));
    }

    #[test]
    fn delimiter_follows_the_decimal_mark() {
        use crate::core::text::numfmt::Locale;
        assert_eq!(Delimiter::for_locale(Locale::Vi), Delimiter::Semicolon);
        assert_eq!(Delimiter::for_locale(Locale::En), Delimiter::Comma);
    }

    #[track_caller]
    fn named(title: &str, expected: &str) {
        assert_eq!(file_name(title, "csv"), expected);
    }

    #[test]
    fn file_names_keep_vietnamese_and_drop_unsafe_characters() {
        named(
            "Kon Tum - Kinh tế tổng hợp",
            "Kon Tum - Kinh tế tổng hợp.csv",
        );
        named(
            "Kon Tum · Số liệu và nguồn: GRDP/ha?",
            "Kon Tum Số liệu và nguồn GRDP ha.csv",
        );
        named("a<b>c|d*e\"f\\g", "a b c d e f g.csv");
        named("  ..Cơ cấu (%)..  ", "Cơ cấu (%).csv");
        named("line\nbreak\ttab", "line break tab.csv");
        named("", "bang.csv");
        named("///", "bang.csv");
        named("CON", "CON_.csv");
        named("nul.txt", "nul.txt_.csv");
        let long = "Độ nhạy hai chiều ".repeat(10);
        let name = file_name(&long, "csv");
        assert!(name.chars().count() <= MAX_STEM + 4, "{name}");
        assert!(name.ends_with(" hai.csv"), "{name}");
        let word = "x".repeat(200);
        assert_eq!(file_name(&word, "csv").chars().count(), MAX_STEM + 4);
    }
}
