//! A spreadsheet file (`.xlsx`, `.ods`, `.xls`) as a grid. The file is read by the sheet
//! worker (`src/worker/`, a second wasm module with the `calamine` crate, loaded only
//! when a file is opened) into [`SheetCells`]: the cells of one sheet as text, numbers
//! written with a `.` decimal point, with the places of numbers, dates, formulas and
//! merged regions. [`to_grid`] makes the [`Grid`] the preview reads, with the limits
//! of pasted text: a number is rewritten the Vietnamese way (`10.59` → `10,59`, at
//! most 15 significant digits, as a spreadsheet shows it), a date as `YYYY-MM-DD` and
//! marked (the preview lists it as a problem where a number should be), a formula's
//! saved value kept and marked, a merged region's value spread over every cell it
//! covers and marked, as the HTML reader does.
//!
//! The checks before any reading are here too: [`check_size`] refuses a file over
//! [`MAX_FILE_BYTES`], [`sniff`] tells a zip (xlsx, ods) or an OLE file (xls, or an
//! xlsx locked with a password) from anything else. Pure.

use crate::core::import::grid::{from_marked, Cell, Grid, GridError, MAX_COLUMNS, MAX_ROWS};
use crate::core::text::calendar::{iso_date, ms_from_f64};

/// Largest spreadsheet file read, in bytes (20 MB).
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// Names that mean a spreadsheet file.
const SPREADSHEET_ENDINGS: &[&str] = &[".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"];

/// What a file's first bytes say it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A zip archive: `.xlsx`, `.xlsm`, `.xlsb` or `.ods`.
    Zip,
    /// An OLE compound file: `.xls`, or an `.xlsx` encrypted with a password.
    Ole,
    /// Neither.
    Other,
}

/// Why a spreadsheet file gives no grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SheetError {
    /// Over [`MAX_FILE_BYTES`].
    TooLarge {
        /// Bytes of the file.
        bytes: u64,
    },
    /// Not a spreadsheet file (named `.xlsx` but holding something else).
    NotSpreadsheet,
    /// Locked with a password.
    Protected,
    /// A spreadsheet file the reader cannot read (damaged, cut short).
    Corrupt,
    /// The sheet asked for does not exist, or the file has no sheet.
    NoSheet,
    /// The sheet has no cell with a value.
    EmptySheet,
    /// Over [`MAX_ROWS`] rows.
    TooManyRows {
        /// Rows of the sheet.
        rows: u64,
    },
    /// Over [`MAX_COLUMNS`] columns.
    TooManyColumns {
        /// Columns of the sheet.
        columns: u64,
    },
    /// The cells make no table (one column only).
    NotATable,
    /// The sheet reader did not start or stopped (a browser without workers, or the
    /// reader's files missing offline).
    ReaderFailed,
}

impl std::fmt::Display for SheetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SheetError::TooLarge { bytes } => {
                write!(f, "spreadsheet file too large ({bytes} bytes)")
            }
            SheetError::NotSpreadsheet => f.write_str("not a spreadsheet file"),
            SheetError::Protected => f.write_str("spreadsheet locked with a password"),
            SheetError::Corrupt => f.write_str("spreadsheet file damaged"),
            SheetError::NoSheet => f.write_str("no such sheet"),
            SheetError::EmptySheet => f.write_str("empty sheet"),
            SheetError::TooManyRows { rows } => write!(f, "too many rows ({rows})"),
            SheetError::TooManyColumns { columns } => write!(f, "too many columns ({columns})"),
            SheetError::NotATable => f.write_str("not a table"),
            SheetError::ReaderFailed => f.write_str("sheet reader failed"),
        }
    }
}

impl std::error::Error for SheetError {}

/// One sheet's cells as the worker read them. Places are `[row, column]`, 0-based, in
/// the sheet's own coordinates (`A1` is `[0, 0]`); `rows` start at `origin`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SheetCells {
    /// The names of every sheet of the file, in order.
    pub sheets: Vec<String>,
    /// The index of the sheet read.
    pub sheet: usize,
    /// The place of `rows[0][0]`.
    pub origin: [u32; 2],
    /// Rows of the sheet's used range (the worker sends at most [`MAX_ROWS`] + 1).
    pub height: u64,
    /// Columns of the sheet's used range (the worker sends at most [`MAX_COLUMNS`] + 1).
    pub width: u64,
    /// Cell texts, a number with a `.` decimal point, a date as its serial day number
    /// (or the ISO text an `.ods` file stores).
    pub rows: Vec<Vec<String>>,
    /// Places of numbers.
    pub numbers: Vec<[u32; 2]>,
    /// Places of dates.
    pub dates: Vec<[u32; 2]>,
    /// Places of cells computed by a formula.
    pub formulas: Vec<[u32; 2]>,
    /// Merged regions: `[first row, first column, last row, last column]`.
    pub merged: Vec<[u32; 4]>,
    /// Places of numbers shown as a percentage (an `.xlsx` number format with `%`, an
    /// `.ods` cell of value type `percentage`): the file stores `0.1` for what the
    /// person sees as `10%`.
    pub percents: Vec<[u32; 2]>,
}

/// A sheet's grid with the names of the file's sheets.
#[derive(Clone, Debug, PartialEq)]
pub struct SheetGrid {
    /// The names of every sheet of the file, in order.
    pub sheets: Vec<String>,
    /// The index of the sheet read.
    pub sheet: usize,
    /// Its grid ([`to_grid`]).
    pub grid: Grid,
}

/// What the worker posts back (as text, [`encode_reply`]): the grid, made in the worker
/// by [`to_grid`] so that the page's module carries none of the conversion, or why
/// there is none.
#[derive(Clone, Debug, PartialEq)]
pub enum SheetReply {
    /// The sheet's grid.
    Grid(SheetGrid),
    /// Why the file gave no grid.
    Failed(SheetError),
}

/// The reply for cells read (or not) by the worker.
pub fn reply(cells: Result<SheetCells, SheetError>) -> SheetReply {
    match cells.and_then(|c| Ok((to_grid(&c)?, c))) {
        Ok((grid, c)) => SheetReply::Grid(SheetGrid {
            sheets: c.sheets,
            sheet: c.sheet,
            grid,
        }),
        Err(e) => SheetReply::Failed(e),
    }
}

/// The reply as one text, the message the worker posts. A hand-made format rather than
/// JSON keeps a deserializer out of the page's module: the first line is `G`, the
/// index of the sheet read and the sheet names, or `E`, an error code and its number;
/// each further line is a row, cells separated by tabs, each cell a mark (`0` to `7`:
/// 1 merged, 2 date, 4 formula) then its text with `\`, tab and line feed escaped as
/// `\\`, `\t` and `\n`.
pub fn encode_reply(reply: &SheetReply) -> String {
    let mut out = String::new();
    match reply {
        SheetReply::Failed(e) => {
            let (code, n) = match *e {
                SheetError::TooLarge { bytes } => ("large", bytes),
                SheetError::NotSpreadsheet => ("notsheet", 0),
                SheetError::Protected => ("protected", 0),
                SheetError::Corrupt => ("corrupt", 0),
                SheetError::NoSheet => ("nosheet", 0),
                SheetError::EmptySheet => ("empty", 0),
                SheetError::TooManyRows { rows } => ("rows", rows),
                SheetError::TooManyColumns { columns } => ("columns", columns),
                SheetError::NotATable => ("table", 0),
                SheetError::ReaderFailed => ("reader", 0),
            };
            out.push_str(&format!("E\t{code}\t{n}"));
        }
        SheetReply::Grid(g) => {
            out.push_str(&format!("G\t{}", g.sheet));
            for name in &g.sheets {
                out.push('\t');
                escape(name, &mut out);
            }
            for row in &g.grid.rows {
                out.push('\n');
                for (i, cell) in row.iter().enumerate() {
                    if i > 0 {
                        out.push('\t');
                    }
                    let mark = u8::from(cell.merged)
                        | u8::from(cell.date) << 1
                        | u8::from(cell.formula) << 2;
                    out.push(char::from(b'0'.saturating_add(mark)));
                    escape(&cell.text, &mut out);
                }
            }
        }
    }
    out
}

fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
}

fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

/// Reads a reply written by [`encode_reply`]; anything else is
/// [`SheetError::ReaderFailed`].
pub fn decode_reply(text: &str) -> SheetReply {
    decode(text).unwrap_or(SheetReply::Failed(SheetError::ReaderFailed))
}

fn decode(text: &str) -> Option<SheetReply> {
    let mut lines = text.split('\n');
    let mut head = lines.next()?.split('\t');
    match head.next()? {
        "E" => {
            let code = head.next()?;
            let n: u64 = head.next()?.parse().ok()?;
            let e = match code {
                "large" => SheetError::TooLarge { bytes: n },
                "notsheet" => SheetError::NotSpreadsheet,
                "protected" => SheetError::Protected,
                "corrupt" => SheetError::Corrupt,
                "nosheet" => SheetError::NoSheet,
                "empty" => SheetError::EmptySheet,
                "rows" => SheetError::TooManyRows { rows: n },
                "columns" => SheetError::TooManyColumns { columns: n },
                "table" => SheetError::NotATable,
                _ => SheetError::ReaderFailed,
            };
            Some(SheetReply::Failed(e))
        }
        "G" => {
            let sheet: usize = head.next()?.parse().ok()?;
            let sheets = head.map(unescape).collect();
            let rows = lines
                .map(|line| {
                    line.split('\t')
                        .map(|cell| {
                            let mut chars = cell.chars();
                            let mark = chars.next().and_then(|c| c.to_digit(8)).unwrap_or(0);
                            Cell {
                                text: unescape(chars.as_str()),
                                merged: mark & 1 != 0,
                                date: mark & 2 != 0,
                                formula: mark & 4 != 0,
                            }
                        })
                        .collect()
                })
                .collect();
            Some(SheetReply::Grid(SheetGrid {
                sheets,
                sheet,
                grid: Grid { rows },
            }))
        }
        _ => None,
    }
}

/// True for a name ending like a spreadsheet file (`.xlsx`, `.xlsm`, `.xlsb`, `.xls`,
/// `.ods`, any case).
pub fn is_spreadsheet_name(name: &str) -> bool {
    let lower = name.to_lowercase();
    SPREADSHEET_ENDINGS.iter().any(|e| lower.ends_with(e))
}

/// Refuses a file over [`MAX_FILE_BYTES`] before it is read.
pub fn check_size(bytes: u64) -> Result<(), SheetError> {
    if bytes > MAX_FILE_BYTES {
        return Err(SheetError::TooLarge { bytes });
    }
    Ok(())
}

/// What the first bytes of a file say it is.
pub fn sniff(bytes: &[u8]) -> FileKind {
    const ZIP: &[u8] = b"PK\x03\x04";
    const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    if bytes.starts_with(ZIP) {
        FileKind::Zip
    } else if bytes.starts_with(OLE) {
        FileKind::Ole
    } else {
        FileKind::Other
    }
}

/// The checks on the bytes before the worker is asked: size, then kind.
pub fn check_bytes(bytes: &[u8]) -> Result<FileKind, SheetError> {
    check_size(u64::try_from(bytes.len()).unwrap_or(u64::MAX))?;
    match sniff(bytes) {
        FileKind::Other => Err(SheetError::NotSpreadsheet),
        kind => Ok(kind),
    }
}

/// A number's text the way the preview reads it: the Vietnamese decimal comma, at most
/// 15 significant digits (`10.020000000000001` → `10,02`). Text that is not a finite
/// number is kept as it is.
pub fn number_text(raw: &str) -> String {
    let Ok(value) = raw.trim().parse::<f64>() else {
        return raw.to_string();
    };
    if !value.is_finite() {
        return raw.to_string();
    }
    let rounded = format!("{value:.14e}").parse::<f64>().unwrap_or(value);
    let rounded = if rounded == 0.0 { 0.0 } else { rounded }; // no "-0"
    format!("{rounded}").replace('.', ",")
}

/// A percentage's text as the person sees it: the stored fraction times 100, written
/// as [`number_text`] writes a number, with `%` after it (`0.1` → `10%`, `0.0759` →
/// `7,59%`). Text that is not a finite number is kept as it is.
pub fn percent_text(raw: &str) -> String {
    match raw.trim().parse::<f64>() {
        Ok(value) if value.is_finite() && (value * 100.0).is_finite() => {
            format!("{}%", number_text(&(value * 100.0).to_string()))
        }
        _ => raw.to_string(),
    }
}

/// True for a spreadsheet number format that shows a percentage: a `%` outside quoted
/// text (`"%"`), an escaped character (`\%`) and brackets (`[Red]`), in the format's
/// first section (the one for positive numbers): `0%`, `0.00%`, `#,##0.0%;[Red]-0.0%`.
pub fn is_percent_format(code: &str) -> bool {
    let mut chars = code.chars();
    while let Some(c) = chars.next() {
        match c {
            '%' => return true,
            ';' => return false,
            '\\' | '_' | '*' => {
                chars.next();
            }
            '"' => {
                for q in chars.by_ref() {
                    if q == '"' {
                        break;
                    }
                }
            }
            '[' => {
                for q in chars.by_ref() {
                    if q == ']' {
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    false
}

/// A date's text: a serial day number (days since 30 December 1899, as Excel counts)
/// as `YYYY-MM-DD`; an ISO date or date-time (as `.ods` stores it) cut to its date.
pub fn date_text(raw: &str) -> String {
    const UNIX_EPOCH_SERIAL: f64 = 25_569.0;
    const MS_PER_DAY: f64 = 86_400_000.0;
    let raw = raw.trim();
    match raw.parse::<f64>() {
        Ok(serial) if serial.is_finite() => iso_date(
            ms_from_f64((serial.floor() - UNIX_EPOCH_SERIAL) * MS_PER_DAY),
            0,
        ),
        _ => raw
            .get(..10)
            .filter(|_| raw.len() >= 10)
            .unwrap_or(raw)
            .to_string(),
    }
}

/// The grid of a sheet: limits checked first, then numbers and dates rewritten, formulas
/// marked, merged regions spread, and the edges trimmed as for pasted text.
pub fn to_grid(cells: &SheetCells) -> Result<Grid, SheetError> {
    let max_rows = u64::try_from(MAX_ROWS).unwrap_or(u64::MAX);
    let max_columns = u64::try_from(MAX_COLUMNS).unwrap_or(u64::MAX);
    if cells.height > max_rows {
        return Err(SheetError::TooManyRows { rows: cells.height });
    }
    if cells.width > max_columns {
        return Err(SheetError::TooManyColumns {
            columns: cells.width,
        });
    }
    let [top, left] = cells.origin;
    let local = |[r, c]: [u32; 2]| -> Option<(usize, usize)> {
        let r = usize::try_from(r.checked_sub(top)?).ok()?;
        let c = usize::try_from(c.checked_sub(left)?).ok()?;
        Some((r, c))
    };
    let mut rows: Vec<Vec<Cell>> = cells
        .rows
        .iter()
        .take(MAX_ROWS.saturating_add(1))
        .map(|r| {
            r.iter()
                .take(MAX_COLUMNS.saturating_add(1))
                .map(|t| Cell {
                    text: t.trim().to_string(),
                    ..Cell::default()
                })
                .collect()
        })
        .collect();
    let mut mark = |place: [u32; 2], f: &dyn Fn(&mut Cell)| {
        if let Some((r, c)) = local(place) {
            if let Some(cell) = rows.get_mut(r).and_then(|row| row.get_mut(c)) {
                f(cell);
            }
        }
    };
    let percents: std::collections::BTreeSet<[u32; 2]> = cells.percents.iter().copied().collect();
    for &place in &cells.numbers {
        if percents.contains(&place) {
            mark(place, &|cell| cell.text = percent_text(&cell.text));
        } else {
            mark(place, &|cell| cell.text = number_text(&cell.text));
        }
    }
    for &place in &cells.dates {
        mark(place, &|cell| {
            cell.text = date_text(&cell.text);
            cell.date = true;
        });
    }
    for &place in &cells.formulas {
        mark(place, &|cell| cell.formula = true);
    }
    for &[r0, c0, r1, c1] in &cells.merged {
        spread(&mut rows, local([r0, c0]), local([r1, c1]));
    }
    if rows.iter().flatten().all(|c| c.text.is_empty()) {
        return Err(SheetError::EmptySheet);
    }
    from_marked(rows).map_err(|e| match e {
        GridError::Empty => SheetError::EmptySheet,
        GridError::TooManyRows { rows } => SheetError::TooManyRows {
            rows: u64::try_from(rows).unwrap_or(u64::MAX),
        },
        GridError::TooManyColumns { columns } => SheetError::TooManyColumns {
            columns: u64::try_from(columns).unwrap_or(u64::MAX),
        },
        GridError::TooLarge { .. }
        | GridError::NotText
        | GridError::OneColumn
        | GridError::NoTable => SheetError::NotATable,
    })
}

/// Writes the first cell's value (and its date mark) over every other cell of a merged
/// region, marked merged; rows are widened to hold the region. A region outside the
/// rows read is skipped.
fn spread(rows: &mut [Vec<Cell>], start: Option<(usize, usize)>, end: Option<(usize, usize)>) {
    let (Some((r0, c0)), Some((r1, c1))) = (start, end) else {
        return;
    };
    let Some(first) = rows.get(r0).and_then(|row| row.get(c0)).cloned() else {
        return;
    };
    let last_row = r1.min(rows.len().saturating_sub(1));
    let last_column = c1.min(MAX_COLUMNS);
    for r in r0..=last_row {
        let Some(row) = rows.get_mut(r) else { continue };
        if row.len() <= last_column {
            row.resize(last_column.saturating_add(1), Cell::default());
        }
        for c in c0..=last_column {
            if (r, c) == (r0, c0) {
                continue;
            }
            if let Some(cell) = row.get_mut(c) {
                *cell = Cell {
                    text: first.text.clone(),
                    merged: true,
                    date: first.date,
                    formula: false,
                };
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(rows: &[&[&str]]) -> SheetCells {
        let height = u64::try_from(rows.len()).unwrap_or(0);
        let width = u64::try_from(rows.iter().map(|r| r.len()).max().unwrap_or(0)).unwrap_or(0);
        SheetCells {
            sheets: vec!["Sheet1".into()],
            height,
            width,
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| c.to_string()).collect())
                .collect(),
            ..SheetCells::default()
        }
    }

    #[track_caller]
    fn texts(grid: &Grid) -> Vec<Vec<&str>> {
        grid.rows
            .iter()
            .map(|r| r.iter().map(|c| c.text.as_str()).collect())
            .collect()
    }

    #[track_caller]
    fn number(raw: &str, want: &str) {
        assert_eq!(number_text(raw), want, "{raw}");
    }

    #[track_caller]
    fn date(raw: &str, want: &str) {
        assert_eq!(date_text(raw), want, "{raw}");
    }

    #[test]
    fn numbers_are_written_the_vietnamese_way() {
        number("10.59", "10,59");
        number("10", "10");
        number("560000", "560000");
        number("-1.5", "-1,5");
        number("10.020000000000001", "10,02"); // a formula's float noise, 17 digits
        number("0.1", "0,1");
        number("-0", "0");
        number("words", "words");
        number("NaN", "NaN");
    }

    #[test]
    fn dates_from_serial_days_and_iso_text() {
        date("45789", "2025-05-12"); // 45789 = 25569 (1970-01-01) + 20220 days
        date("25569", "1970-01-01");
        date("45789.75", "2025-05-12"); // the time of day dropped
        date("2025-05-12T00:00:00", "2025-05-12");
        date("2025-05-12", "2025-05-12");
    }

    #[track_caller]
    fn percent(raw: &str, want: &str) {
        assert_eq!(percent_text(raw), want, "{raw}");
    }

    #[track_caller]
    fn format(code: &str, want: bool) {
        assert_eq!(is_percent_format(code), want, "{code}");
    }

    #[test]
    fn a_percentage_reads_as_shown() {
        percent("0.1", "10%"); // 0.1 × 100 = 10
        percent("0.0759", "7,59%");
        percent("1", "100%");
        percent("-0.015", "-1,5%");
        percent("0.105", "10,5%");
        percent("words", "words");
        percent("1e308", "1e308"); // × 100 is not finite: kept as written
    }

    #[test]
    fn percent_formats_are_told_from_others() {
        format("0%", true);
        format("0.00%", true);
        format("#,##0.0%;[Red]-#,##0.0%", true);
        format("General", false);
        format("#,##0.00", false);
        format("0.0\\%", false); // an escaped % is a literal sign after a plain number
        format("0.0\"%\"", false);
        format("[$%-42A]0.0", false);
        format("0;0%", false); // only the negative section shows a percentage
        format("dd/mm/yyyy", false);
    }

    #[test]
    fn percent_cells_become_what_the_person_sees() {
        let mut s = sheet(&[
            &["Chỉ tiêu", "ĐVT", "KH 2026"],
            &["Tốc độ tăng trưởng GRDP", "%", "0.1"],
            &["Tỷ lệ đô thị hóa", "%", "0.38"],
            &["Vốn", "tỷ đồng", "0.1"],
        ]);
        s.numbers = vec![[1, 2], [2, 2], [3, 2]];
        s.percents = vec![[1, 2], [2, 2], [0, 0]]; // a stray place that is no number
        let g = to_grid(&s).expect("grid");
        assert_eq!(g.text(1, 2), "10%");
        assert_eq!(g.text(2, 2), "38%");
        assert_eq!(g.text(3, 2), "0,1");
        assert_eq!(g.text(0, 0), "Chỉ tiêu");
        let p = crate::core::import::preview::preview(&g).expect("preview");
        let amounts: Vec<_> = p.rows.iter().map(|r| r.values[0].value.amount).collect();
        use crate::core::model::Amount::Point;
        assert_eq!(amounts, [Point(10.0), Point(38.0), Point(0.1)]);
    }

    #[test]
    fn a_merged_group_heading_is_spread_and_marked() {
        let mut s = sheet(&[
            &["STT", "Chỉ tiêu", "ĐVT", "KH 2026"],
            &["I", "CHỈ TIÊU KINH TẾ", "", ""],
            &["1", "GRDP", "%", "10"],
        ]);
        s.merged = vec![[1, 1, 1, 3]];
        let g = to_grid(&s).expect("grid");
        assert_eq!(
            texts(&g)[1],
            [
                "I",
                "CHỈ TIÊU KINH TẾ",
                "CHỈ TIÊU KINH TẾ",
                "CHỈ TIÊU KINH TẾ"
            ]
        );
        assert!(!g.rows[1][1].merged && g.rows[1][2].merged && g.rows[1][3].merged);
        assert!(!g.rows[2][3].merged);
    }

    #[test]
    fn a_vertical_merge_past_the_origin_and_a_region_outside_are_handled() {
        // The used range starts at B2: places are in sheet coordinates.
        let mut s = sheet(&[&["STT", "Chỉ tiêu", "KH 2026"], &["", "GRDP", "10"]]);
        s.origin = [1, 1];
        s.merged = vec![[1, 1, 2, 1], [0, 0, 0, 0], [50, 50, 60, 60]];
        let g = to_grid(&s).expect("grid");
        assert_eq!(
            texts(&g),
            [["STT", "Chỉ tiêu", "KH 2026"], ["STT", "GRDP", "10"]]
        );
        assert!(g.rows[1][0].merged);
    }

    #[test]
    fn numbers_dates_and_formulas_are_rewritten_and_marked() {
        let mut s = sheet(&[
            &["Chỉ tiêu", "TH 2025", "KH 2026"],
            &["GRDP", "10.59", "45789"],
            &["Vốn", "hơn 82.000", "10"],
        ]);
        s.numbers = vec![[1, 1], [2, 2]];
        s.dates = vec![[1, 2]];
        s.formulas = vec![[2, 2]];
        let g = to_grid(&s).expect("grid");
        assert_eq!(
            texts(&g),
            [
                ["Chỉ tiêu", "TH 2025", "KH 2026"],
                ["GRDP", "10,59", "2025-05-12"],
                ["Vốn", "hơn 82.000", "10"]
            ]
        );
        assert!(g.rows[1][2].date && !g.rows[1][1].date);
        assert!(g.rows[2][2].formula && !g.rows[2][1].formula);
    }

    #[test]
    fn the_preview_reads_a_merged_group_a_date_and_a_formula() {
        use crate::core::import::cell::CellError;
        use crate::core::import::preview::{preview, ProblemKind, RowKind};
        let mut s = sheet(&[
            &["STT", "Chỉ tiêu", "ĐVT", "TH 2025", "KH 2026"],
            &["I", "CHỈ TIÊU KINH TẾ", "", "", ""],
            &["1", "Tốc độ tăng trưởng GRDP", "%", "45789", "10"],
        ]);
        s.merged = vec![[1, 1, 1, 4]];
        s.dates = vec![[2, 3]];
        s.formulas = vec![[2, 4]];
        s.numbers = vec![[2, 4]];
        let p = preview(&to_grid(&s).expect("grid")).expect("preview");
        let kinds: Vec<RowKind> = p.rows.iter().map(|r| r.kind).collect();
        assert_eq!(kinds, [RowKind::Group, RowKind::Indicator]);
        assert_eq!(p.rows[0].name, "CHỈ TIÊU KINH TẾ");
        assert_eq!(p.problems.len(), 1);
        assert_eq!((p.problems[0].row, p.problems[0].column), (2, 3));
        assert_eq!(p.problems[0].kind, ProblemKind::Cell(CellError::Date));
        assert_eq!(p.rows[1].values.len(), 1);
        assert_eq!(p.formula_figures, 1);
    }

    #[test]
    fn limits_and_empty_sheets_are_typed_errors() {
        let mut big = sheet(&[&["a", "b"]]);
        big.height = 50_000;
        assert_eq!(to_grid(&big), Err(SheetError::TooManyRows { rows: 50_000 }));
        let mut wide = sheet(&[&["a", "b"]]);
        wide.width = 300;
        assert_eq!(
            to_grid(&wide),
            Err(SheetError::TooManyColumns { columns: 300 })
        );
        assert_eq!(
            to_grid(&sheet(&[&["", ""], &["", " "]])),
            Err(SheetError::EmptySheet)
        );
        assert_eq!(to_grid(&sheet(&[])), Err(SheetError::EmptySheet));
        assert_eq!(
            to_grid(&sheet(&[&["a"], &["b"]])),
            Err(SheetError::NotATable)
        );
    }

    #[test]
    fn size_and_kind_are_checked_before_reading() {
        assert_eq!(check_size(20 * 1024 * 1024), Ok(()));
        assert_eq!(
            check_size(30_000_000),
            Err(SheetError::TooLarge { bytes: 30_000_000 })
        );
        assert_eq!(sniff(b"PK\x03\x04rest"), FileKind::Zip);
        assert_eq!(
            sniff(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]),
            FileKind::Ole
        );
        assert_eq!(sniff(b"STT;Chi tieu"), FileKind::Other);
        assert_eq!(check_bytes(b"\x89PNG\r\n"), Err(SheetError::NotSpreadsheet));
        assert_eq!(check_bytes(b"PK\x03\x04"), Ok(FileKind::Zip));
        assert!(is_spreadsheet_name("Chỉ tiêu 2026.XLSX") && is_spreadsheet_name("a.ods"));
        assert!(!is_spreadsheet_name("a.csv"));
    }

    #[test]
    fn the_reply_round_trips_as_text() {
        let mut cells = sheet(&[
            &["Chỉ tiêu", "KH 2026"],
            &["GRDP\n(giá 2010)", "45789"],
            &["a\tb \\ c", "10"],
        ]);
        cells.sheets = vec!["Chỉ tiêu\t2026".into(), "Ghi chú".into()];
        cells.dates = vec![[1, 1]];
        cells.formulas = vec![[2, 1]];
        cells.merged = vec![[2, 0, 2, 0]];
        let reply = reply(Ok(cells));
        let SheetReply::Grid(g) = &reply else {
            panic!("{reply:?}")
        };
        assert!(g.grid.rows[1][1].date && g.grid.rows[2][1].formula);
        assert_eq!(g.grid.rows[1][1].text, "2025-05-12");
        assert_eq!(decode_reply(&encode_reply(&reply)), reply);
        for e in [
            SheetError::TooLarge { bytes: 30_000_000 },
            SheetError::NotSpreadsheet,
            SheetError::Protected,
            SheetError::Corrupt,
            SheetError::NoSheet,
            SheetError::EmptySheet,
            SheetError::TooManyRows { rows: 50_000 },
            SheetError::TooManyColumns { columns: 300 },
            SheetError::NotATable,
            SheetError::ReaderFailed,
        ] {
            let failed = SheetReply::Failed(e);
            assert_eq!(decode_reply(&encode_reply(&failed)), failed);
        }
        assert_eq!(
            decode_reply("{}"),
            SheetReply::Failed(SheetError::ReaderFailed)
        );
        assert_eq!(
            decode_reply(""),
            SheetReply::Failed(SheetError::ReaderFailed)
        );
    }
}
