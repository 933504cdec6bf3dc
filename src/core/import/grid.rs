//! Outside text to a grid of cells: tab-separated text (what Excel and LibreOffice put on
//! the clipboard), CSV with `;` or `,` between fields (with or without a byte-order
//! mark), and the first table of a clipboard's `text/html` (what Word, and Excel too,
//! put there). Merged cells (`colspan`, `rowspan`) are spread over every cell they cover
//! and marked, so a heading merged over two year columns names both.
//!
//! Pure and bounded: input over [`MAX_BYTES`], more than [`MAX_ROWS`] rows or
//! [`MAX_COLUMNS`] columns is refused with a typed error before any work is done on it.

/// Largest text read, in bytes (a pasted table or a CSV file).
pub const MAX_BYTES: usize = 5 * 1024 * 1024;
/// Most rows read: a model holds at most a few thousand indicators.
pub const MAX_ROWS: usize = 5_000;
/// Most columns read.
pub const MAX_COLUMNS: usize = 200;

/// One cell of a grid.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cell {
    /// The cell's text, trimmed, inner runs of white space kept as written.
    pub text: String,
    /// True when the text was spread here from a merged cell that starts elsewhere.
    pub merged: bool,
    /// True when a spreadsheet file stored a date here (`core::import::sheet`).
    pub date: bool,
    /// True when a spreadsheet file computed this cell with a formula; the text is the
    /// value the file saved when it was last calculated.
    pub formula: bool,
}

/// Rows of cells, every row as wide as the widest.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Grid {
    /// The rows, top to bottom.
    pub rows: Vec<Vec<Cell>>,
}

impl Grid {
    /// The text of the cell at `row`, `column` ("" outside the grid).
    pub fn text(&self, row: usize, column: usize) -> &str {
        self.rows
            .get(row)
            .and_then(|r| r.get(column))
            .map_or("", |c| c.text.as_str())
    }

    /// Number of columns.
    pub fn width(&self) -> usize {
        self.rows.first().map_or(0, Vec::len)
    }

    /// The cell at `row`, `column`, if inside the grid.
    pub fn cell(&self, row: usize, column: usize) -> Option<&Cell> {
        self.rows.get(row).and_then(|r| r.get(column))
    }
}

/// Why outside text is not a table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GridError {
    /// Nothing but white space.
    Empty,
    /// Over [`MAX_BYTES`].
    TooLarge {
        /// Bytes given.
        bytes: usize,
    },
    /// Over [`MAX_ROWS`].
    TooManyRows {
        /// Rows found (counting stops a little past the limit).
        rows: usize,
    },
    /// Over [`MAX_COLUMNS`].
    TooManyColumns {
        /// Columns found.
        columns: usize,
    },
    /// Holds NUL bytes or other binary content (a spreadsheet file read as text).
    NotText,
    /// Every row has one cell: no tab, `;` or `,` separates columns.
    OneColumn,
    /// HTML with no `<table>` in it.
    NoTable,
}

impl std::fmt::Display for GridError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GridError::Empty => f.write_str("empty table"),
            GridError::TooLarge { bytes } => write!(f, "table text too large ({bytes} bytes)"),
            GridError::TooManyRows { rows } => write!(f, "too many rows ({rows})"),
            GridError::TooManyColumns { columns } => write!(f, "too many columns ({columns})"),
            GridError::NotText => f.write_str("not text"),
            GridError::OneColumn => f.write_str("no column separator"),
            GridError::NoTable => f.write_str("no table in the html"),
        }
    }
}

impl std::error::Error for GridError {}

/// Reads pasted or file text: tab-separated when any line has a tab, otherwise CSV with
/// the separator (`;` or `,`) that splits the first lines into the same number of
/// fields. A leading byte-order mark is dropped.
pub fn read_delimited(text: &str) -> Result<Grid, GridError> {
    check_size(text)?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.contains('\0') {
        return Err(GridError::NotText);
    }
    if text.trim().is_empty() {
        return Err(GridError::Empty);
    }
    let separator = if text.lines().any(|l| l.contains('\t')) {
        '\t'
    } else {
        csv_separator(text).ok_or(GridError::OneColumn)?
    };
    let rows = split_fields(text, separator)?;
    finish(
        rows.into_iter()
            .map(|r| r.into_iter().map(plain).collect())
            .collect(),
    )
}

fn check_size(text: &str) -> Result<(), GridError> {
    if text.len() > MAX_BYTES {
        return Err(GridError::TooLarge { bytes: text.len() });
    }
    Ok(())
}

fn plain(text: String) -> Cell {
    Cell {
        text: text.trim().to_string(),
        ..Cell::default()
    }
}

/// `;` when the first non-empty lines split on it into more than one field the same
/// number of times (a Vietnamese Excel writes `;`, since its decimal mark is a comma),
/// otherwise `,` on the same condition; `None` when neither splits the lines alike
/// (prose with a comma in a sentence is not a table).
fn csv_separator(text: &str) -> Option<char> {
    let consistent = |sep: char| -> bool {
        let counts: Vec<usize> = split_fields(text, sep)
            .unwrap_or_default()
            .iter()
            .filter(|r| r.iter().any(|c| !c.trim().is_empty()))
            .take(5)
            .map(Vec::len)
            .collect();
        counts
            .first()
            .is_some_and(|&n| n > 1 && counts.iter().all(|&m| m == n))
    };
    [';', ','].into_iter().find(|&sep| consistent(sep))
}

/// RFC 4180 fields: `"` quotes a field (with `""` for a quote inside), line breaks
/// inside quotes belong to the field, CRLF or LF ends a row.
fn split_fields(text: &str, separator: char) -> Result<Vec<Vec<String>>, GridError> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut at_field_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    field.push('"');
                    chars.next();
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' if at_field_start => {
                quoted = true;
                at_field_start = false;
            }
            c if c == separator => {
                row.push(std::mem::take(&mut field));
                at_field_start = true;
                if row.len() > MAX_COLUMNS {
                    return Err(GridError::TooManyColumns { columns: row.len() });
                }
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
                at_field_start = true;
                if rows.len() > MAX_ROWS {
                    return Err(GridError::TooManyRows { rows: rows.len() });
                }
            }
            c => {
                field.push(c);
                at_field_start = false;
            }
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    Ok(rows)
}

/// A grid from rows of cell texts (a spreadsheet's cells, as the sheet worker read
/// them): each text trimmed, with the same limits and edges as pasted text.
pub fn from_cells(rows: Vec<Vec<String>>) -> Result<Grid, GridError> {
    if rows.len() > MAX_ROWS {
        return Err(GridError::TooManyRows { rows: rows.len() });
    }
    from_marked(
        rows.into_iter()
            .map(|r| r.into_iter().map(plain).collect())
            .collect(),
    )
}

/// A grid from cells already marked (merged, date, formula): the same limits and edges
/// as [`from_cells`].
pub fn from_marked(rows: Vec<Vec<Cell>>) -> Result<Grid, GridError> {
    finish(rows)
}

/// Drops empty rows at the end (and empty columns at the right), pads every row to one
/// width, and checks the limits.
fn finish(mut rows: Vec<Vec<Cell>>) -> Result<Grid, GridError> {
    let blank = |r: &Vec<Cell>| r.iter().all(|c| c.text.is_empty());
    while rows.last().is_some_and(blank) {
        rows.pop();
    }
    while rows.first().is_some_and(blank) {
        rows.remove(0);
    }
    if rows.is_empty() {
        return Err(GridError::Empty);
    }
    if rows.len() > MAX_ROWS {
        return Err(GridError::TooManyRows { rows: rows.len() });
    }
    let width = rows
        .iter()
        .map(|r| {
            r.iter()
                .rposition(|c| !c.text.is_empty())
                .map_or(0, |i| i + 1)
        })
        .max()
        .unwrap_or(0);
    if width > MAX_COLUMNS {
        return Err(GridError::TooManyColumns { columns: width });
    }
    if width < 2 {
        return Err(GridError::OneColumn);
    }
    for row in &mut rows {
        row.resize(width, Cell::default());
    }
    Ok(Grid { rows })
}

/// Reads the first `<table>` of an HTML fragment (the clipboard's `text/html`). Cell
/// text is the text of the cell with tags removed, `<br>` and paragraph ends as line
/// breaks, entities decoded; `colspan` and `rowspan` spread a cell's text over the
/// cells it covers, marked [`Cell::merged`].
pub fn read_html_table(html: &str) -> Result<Grid, GridError> {
    check_size(html)?;
    let lower = html.to_ascii_lowercase();
    let Some(start) = lower.find("<table") else {
        return Err(GridError::NoTable);
    };
    let end = lower[start..]
        .find("</table")
        .map_or(html.len(), |e| start + e);
    let body = html.get(start..end).unwrap_or("");
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    // Cells still covered by a rowspan from above: (column, rows left, text).
    let mut pending: Vec<(usize, usize, String)> = Vec::new();
    let mut current: Option<Vec<Cell>> = None;
    let mut cell: Option<(String, usize, usize)> = None; // text, colspan, rowspan
    let mut skip_until: Option<&'static str> = None;
    let mut rest = body;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            if let Some((text, _, _)) = cell.as_mut() {
                text.push_str(rest);
            }
            break;
        };
        let (before, after) = rest.split_at(lt);
        if skip_until.is_none() {
            if let Some((text, _, _)) = cell.as_mut() {
                text.push_str(before);
            }
        }
        if after.starts_with("<!--") {
            rest = after
                .find("-->")
                .map_or("", |e| after.get(e + 3..).unwrap_or(""));
            continue;
        }
        let close = after.find('>').map_or(after.len(), |e| e + 1);
        let tag = after.get(..close).unwrap_or(after);
        rest = after.get(close..).unwrap_or("");
        let name = tag_name(tag);
        if let Some(until) = skip_until {
            if name == until {
                skip_until = None;
            }
            continue;
        }
        match name.as_str() {
            "style" | "script" => {
                skip_until = Some(if name == "style" { "/style" } else { "/script" })
            }
            "tr" => {
                close_cell(&mut current, &mut cell, &mut pending);
                close_row(&mut rows, &mut current, &mut pending)?;
                current = Some(Vec::new());
                fill_pending(&mut current, &mut pending);
            }
            "/tr" => {
                close_cell(&mut current, &mut cell, &mut pending);
                close_row(&mut rows, &mut current, &mut pending)?;
            }
            "td" | "th" => {
                close_cell(&mut current, &mut cell, &mut pending);
                if current.is_none() {
                    current = Some(Vec::new());
                    fill_pending(&mut current, &mut pending);
                }
                cell = Some((String::new(), span(tag, "colspan"), span(tag, "rowspan")));
            }
            "/td" | "/th" => close_cell(&mut current, &mut cell, &mut pending),
            "br" | "/p" | "/div" | "/li" => {
                if let Some((text, _, _)) = cell.as_mut() {
                    text.push('\n');
                }
            }
            _ => {}
        }
    }
    close_cell(&mut current, &mut cell, &mut pending);
    close_row(&mut rows, &mut current, &mut pending)?;
    finish(rows)
}

/// The lowercase tag name with a leading `/` for a closing tag (`"td"`, `"/tr"`).
fn tag_name(tag: &str) -> String {
    let inner = tag.trim_start_matches('<');
    let closing = inner.starts_with('/');
    let name: String = inner
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == ':')
        .collect::<String>()
        .to_ascii_lowercase();
    if closing {
        format!("/{name}")
    } else {
        name
    }
}

/// The value of a `colspan`/`rowspan` attribute, 1 when absent or unreadable, at most
/// [`MAX_COLUMNS`] (or [`MAX_ROWS`]) so a hostile span cannot blow up the grid.
fn span(tag: &str, attribute: &str) -> usize {
    let lower = tag.to_ascii_lowercase();
    let Some(at) = lower.find(attribute) else {
        return 1;
    };
    let digits: String = lower
        .get(at + attribute.len()..)
        .unwrap_or("")
        .chars()
        .skip_while(|c| *c == '=' || *c == '"' || *c == '\'' || c.is_whitespace())
        .take_while(char::is_ascii_digit)
        .take(6)
        .collect();
    digits.parse::<usize>().unwrap_or(1).clamp(1, MAX_COLUMNS)
}

fn fill_pending(current: &mut Option<Vec<Cell>>, pending: &mut [(usize, usize, String)]) {
    let Some(row) = current.as_mut() else { return };
    loop {
        let column = row.len();
        let Some(p) = pending.iter_mut().find(|p| p.0 == column && p.1 > 0) else {
            return;
        };
        p.1 -= 1;
        row.push(Cell {
            text: p.2.clone(),
            merged: true,
            ..Cell::default()
        });
    }
}

fn close_cell(
    current: &mut Option<Vec<Cell>>,
    cell: &mut Option<(String, usize, usize)>,
    pending: &mut Vec<(usize, usize, String)>,
) {
    let Some((raw, colspan, rowspan)) = cell.take() else {
        return;
    };
    let row = current.get_or_insert_with(Vec::new);
    let text = cell_text(&raw);
    for i in 0..colspan {
        let column = row.len();
        if row.len() > MAX_COLUMNS {
            break;
        }
        row.push(Cell {
            text: text.clone(),
            merged: i > 0,
            ..Cell::default()
        });
        if rowspan > 1 {
            pending.retain(|p| p.0 != column);
            pending.push((column, rowspan - 1, text.clone()));
        }
    }
    fill_pending(current, pending);
}

fn close_row(
    rows: &mut Vec<Vec<Cell>>,
    current: &mut Option<Vec<Cell>>,
    pending: &mut Vec<(usize, usize, String)>,
) -> Result<(), GridError> {
    if let Some(row) = current.take() {
        if row.len() > MAX_COLUMNS {
            return Err(GridError::TooManyColumns { columns: row.len() });
        }
        rows.push(row);
        if rows.len() > MAX_ROWS {
            return Err(GridError::TooManyRows { rows: rows.len() });
        }
    }
    pending.retain(|p| p.1 > 0);
    Ok(())
}

/// Cell text from HTML: entities decoded, runs of spaces folded to one, each line
/// trimmed, empty lines dropped.
fn cell_text(raw: &str) -> String {
    let decoded = decode_entities(raw);
    decoded
        .split('\n')
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or(""));
        let tail = rest.get(amp..).unwrap_or("");
        let end = tail.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| entity(tail.get(1..e).unwrap_or("")));
        match (end, decoded) {
            (Some(e), Some(c)) => {
                out.push(c);
                rest = tail.get(e + 1..).unwrap_or("");
            }
            _ => {
                out.push('&');
                rest = tail.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some(' '),
        _ => {
            let code =
                if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                    u32::from_str_radix(hex, 16).ok()
                } else {
                    name.strip_prefix('#').and_then(|d| d.parse().ok())
                };
            code.and_then(char::from_u32).filter(|c| *c != '\0')
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn rows(grid: &Grid) -> Vec<Vec<&str>> {
        grid.rows
            .iter()
            .map(|r| r.iter().map(|c| c.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn tab_separated_text_from_excel() {
        let g = read_delimited("STT\tChỉ tiêu\tĐVT\r\n1\tTốc độ tăng trưởng GRDP\t%\r\n")
            .expect("reads");
        assert_eq!(
            rows(&g),
            [
                ["STT", "Chỉ tiêu", "ĐVT"],
                ["1", "Tốc độ tăng trưởng GRDP", "%"]
            ]
        );
    }

    #[test]
    fn excel_quotes_a_cell_with_a_line_break() {
        let g = read_delimited("a\tb\n\"GRDP\n(giá 2010)\"\t10\n").expect("reads");
        assert_eq!(g.text(1, 0), "GRDP\n(giá 2010)");
        assert_eq!(g.text(1, 1), "10");
    }

    #[test]
    fn csv_with_semicolons_and_decimal_commas() {
        let g = read_delimited("\u{FEFF}Chỉ tiêu;TH 2025\r\nGRDP;\"10,02\"\r\n").expect("reads");
        assert_eq!(rows(&g), [["Chỉ tiêu", "TH 2025"], ["GRDP", "10,02"]]);
    }

    #[test]
    fn csv_with_commas() {
        let g = read_delimited("Indicator,2025\nGRDP,\"1,234.5\"\n").expect("reads");
        assert_eq!(rows(&g), [["Indicator", "2025"], ["GRDP", "1,234.5"]]);
    }

    #[test]
    fn rows_are_padded_and_blank_edges_dropped() {
        let g = read_delimited("\n\na\tb\tc\nx\n\n\n").expect("reads");
        assert_eq!(rows(&g), [["a", "b", "c"], ["x", "", ""]]);
    }

    #[test]
    fn what_is_not_a_table_is_a_typed_error() {
        assert_eq!(read_delimited("   \n\t\n"), Err(GridError::Empty));
        assert_eq!(
            read_delimited("PK\u{3}\u{4}\0\0binary"),
            Err(GridError::NotText)
        );
        assert_eq!(
            read_delimited("one line of prose\nand another"),
            Err(GridError::OneColumn)
        );
        let big = "a\tb\n".repeat(MAX_ROWS + 1);
        assert!(matches!(
            read_delimited(&big),
            Err(GridError::TooManyRows { .. })
        ));
        let wide = "x\t".repeat(MAX_COLUMNS + 5);
        assert!(matches!(
            read_delimited(&wide),
            Err(GridError::TooManyColumns { .. })
        ));
        let huge = "a".repeat(MAX_BYTES + 1);
        assert!(matches!(
            read_delimited(&huge),
            Err(GridError::TooLarge { .. })
        ));
    }

    #[test]
    fn html_table_from_word_with_merged_headings() {
        let html = r#"<html><head><style>td{color:red}</style></head><body><!--[if gte mso 9]><xml>x</xml><![endif]-->
            <p>Phụ lục</p>
            <table border=1>
              <tr><td rowspan="2">STT</td><td rowspan=2>Chỉ tiêu</td><td colspan="2"><p>Năm&nbsp;2025</p></td></tr>
              <tr><td>KH</td><td>Ước TH</td></tr>
              <tr><td>1</td><td>GRDP<br>(giá 2010)</td><td>10</td><td>10,02 &amp; hơn</td></tr>
            </table></body></html>"#;
        let g = read_html_table(html).expect("reads");
        assert_eq!(
            rows(&g),
            [
                ["STT", "Chỉ tiêu", "Năm 2025", "Năm 2025"],
                ["STT", "Chỉ tiêu", "KH", "Ước TH"],
                ["1", "GRDP\n(giá 2010)", "10", "10,02 & hơn"],
            ]
        );
        assert!(g.rows[0][3].merged && g.rows[1][0].merged && !g.rows[2][0].merged);
    }

    #[test]
    fn html_without_a_table_and_hostile_spans() {
        assert_eq!(read_html_table("<p>hello</p>"), Err(GridError::NoTable));
        let g = read_html_table("<table><tr><td colspan=99999999>a</td><td>b</td></tr></table>");
        assert!(matches!(g, Err(GridError::TooManyColumns { .. })), "{g:?}");
        assert_eq!(decode_entities("&#7871;&#x1EBF;&bogus;&"), "ếế&bogus;&");
    }
}
