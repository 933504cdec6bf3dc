//! The sheet worker: the only code that uses the `calamine` crate. It runs in a web
//! worker, a second wasm module (`src/bin/sheet_worker.rs`, built by Trunk as
//! `sheet_worker_bg.wasm`) that the page starts only when a spreadsheet file is opened,
//! so calamine (about 290 KB gzipped) never weighs on the first load.
//!
//! [`read_cells`] reads one sheet of a file's bytes into `core::import::sheet`'s
//! [`SheetCells`]: every cell's value as text (numbers with a `.` decimal point, dates
//! as serial day numbers), the places of numbers, dates and formula cells, and the
//! merged regions (`.xlsx`, `.xls`; `.ods` from its `content.xml`, `ods`), and the
//! places of numbers shown as percentages (an `.xlsx` cell's number format, read by
//! calamine's `worksheet_style`; an `.ods` cell's value type; an `.xls` or `.xlsb`
//! cell's number format, which calamine does not report, read from the file by `xls`
//! and `xlsb`). A formula's value is the one the file saved when
//! it was last calculated; nothing is recalculated. [`read_sheet`] makes them the grid
//! the page previews (`core::import::sheet::to_grid`, run here so the page's module
//! carries none of it). `scope` (wasm only) is the message
//! loop. Imports only `core`, never the app, its components or the page's platform.

use std::collections::BTreeSet;
use std::io::Cursor;

use calamine::{
    Data, Dimensions, Ods, OdsError, Range, Reader, Xls, XlsError, Xlsb, Xlsx, XlsxError,
};

use crate::core::import::grid::{MAX_COLUMNS, MAX_ROWS};
use crate::core::import::sheet::{
    check_bytes, is_percent_format, reply, FileKind, SheetCells, SheetError, SheetReply,
};

pub mod ods;
#[cfg(target_arch = "wasm32")]
pub mod scope;
pub mod xls;
pub mod xlsb;

type Bytes<'a> = Cursor<&'a [u8]>;

/// One opened workbook, whatever its format.
enum Book<'a> {
    Xlsx(Xlsx<Bytes<'a>>),
    Xlsb(Xlsb<Bytes<'a>>),
    Ods(Ods<Bytes<'a>>),
    Xls(Xls<Bytes<'a>>),
}

/// Reads sheet `sheet` (0 is the first) of a spreadsheet file's bytes into its grid
/// (`core::import::sheet::to_grid`), the reply the page gets.
pub fn read_sheet(bytes: &[u8], sheet: usize) -> SheetReply {
    reply(read_cells(bytes, sheet))
}

/// Reads sheet `sheet` of a spreadsheet file's bytes into its cells.
pub fn read_cells(bytes: &[u8], sheet: usize) -> Result<SheetCells, SheetError> {
    let kind = check_bytes(bytes)?;
    let mut book = open(bytes, kind)?;
    let sheets = match &book {
        Book::Xlsx(b) => b.sheet_names(),
        Book::Xlsb(b) => b.sheet_names(),
        Book::Ods(b) => b.sheet_names(),
        Book::Xls(b) => b.sheet_names(),
    };
    let name = sheets.get(sheet).cloned().ok_or(SheetError::NoSheet)?;
    let range = match &mut book {
        Book::Xlsx(b) => b.worksheet_range(&name).map_err(|_| SheetError::Corrupt)?,
        Book::Xlsb(b) => b.worksheet_range(&name).map_err(|_| SheetError::Corrupt)?,
        Book::Ods(b) => b.worksheet_range(&name).map_err(|_| SheetError::Corrupt)?,
        Book::Xls(b) => b.worksheet_range(&name).map_err(|_| SheetError::Corrupt)?,
    };
    // Formulas and merged regions only add marks: a sheet still reads without them.
    let formulas = match &mut book {
        Book::Xlsx(b) => b.worksheet_formula(&name).ok(),
        Book::Xlsb(b) => b.worksheet_formula(&name).ok(),
        Book::Ods(b) => b.worksheet_formula(&name).ok(),
        Book::Xls(b) => b.worksheet_formula(&name).ok(),
    };
    let merged = match &mut book {
        Book::Xlsx(b) => b.merge_cells_by_sheet_name(&name).ok(),
        Book::Xls(b) => b.merge_cells_by_sheet_name(&name).ok(),
        Book::Xlsb(_) | Book::Ods(_) => None,
    };
    // Number formats: calamine 0.38 reads cell styles of .xlsx files only.
    let styles = match &mut book {
        Book::Xlsx(b) => b.worksheet_style(&name).ok(),
        Book::Xlsb(_) | Book::Ods(_) | Book::Xls(_) => None,
    };
    let ods = match &book {
        Book::Ods(_) => Some(ods::ods_marks(bytes, sheet)),
        _ => None,
    };
    // calamine gives no number formats of .xls and .xlsb files: read from the file.
    let binary_percents = match &book {
        Book::Xls(_) => Some(xls::xls_percents(bytes, sheet)),
        Book::Xlsb(_) => Some(xlsb::xlsb_percents(bytes, sheet)),
        Book::Xlsx(_) | Book::Ods(_) => None,
    };
    let mut cells = cells_of(&range);
    cells.sheets = sheets;
    cells.sheet = sheet;
    cells.formulas = formulas.map(|f| formula_places(&f)).unwrap_or_default();
    cells.merged = merged
        .unwrap_or_default()
        .iter()
        .map(|d: &Dimensions| [d.start.0, d.start.1, d.end.0, d.end.1])
        .collect();
    if let Some(styles) = styles {
        cells.percents = cells
            .numbers
            .iter()
            .copied()
            .filter(|&[r, c]| {
                styles
                    .get((r, c))
                    .and_then(|s| s.number_format.as_ref())
                    .is_some_and(|f| is_percent_format(&f.format_code))
            })
            .collect();
    }
    let numbers: BTreeSet<[u32; 2]> = cells.numbers.iter().copied().collect();
    let of_numbers = |places: Vec<[u32; 2]>| -> Vec<[u32; 2]> {
        let kept: BTreeSet<[u32; 2]> = places.into_iter().filter(|p| numbers.contains(p)).collect();
        kept.into_iter().collect()
    };
    if let Some(marks) = ods {
        cells.merged = marks.merged;
        cells.percents = of_numbers(marks.percents);
    }
    if let Some(places) = binary_percents {
        cells.percents = of_numbers(places);
    }
    Ok(cells)
}

/// Opens the bytes in the format their first bytes and content say: a zip is tried as
/// `.xlsx`, `.ods`, then `.xlsb`; an OLE file as `.xls`, then as an encrypted `.xlsx`
/// (which calamine reports as locked with a password).
fn open(bytes: &[u8], kind: FileKind) -> Result<Book<'_>, SheetError> {
    let rs = || Cursor::new(bytes);
    match kind {
        FileKind::Zip => {
            let xlsx = match Xlsx::new(rs()) {
                Ok(b) => return Ok(Book::Xlsx(b)),
                Err(e) => e,
            };
            if !ods::content_is_whole(bytes) {
                return Err(SheetError::Corrupt);
            }
            let ods = match Ods::new(rs()) {
                Ok(b) => return Ok(Book::Ods(b)),
                Err(e) => e,
            };
            if let Ok(b) = Xlsb::new(rs()) {
                return Ok(Book::Xlsb(b));
            }
            Err(match (xlsx, ods) {
                (XlsxError::Password, _) | (_, OdsError::Password) => SheetError::Protected,
                (XlsxError::Zip(_), _) => SheetError::Corrupt,
                // A good archive with no workbook in it (a .docx or .zip renamed).
                _ => SheetError::NotSpreadsheet,
            })
        }
        FileKind::Ole => match Xls::new(rs()) {
            Ok(b) => Ok(Book::Xls(b)),
            Err(XlsError::Password) => Err(SheetError::Protected),
            Err(_) => match Xlsx::new(rs()) {
                Ok(b) => Ok(Book::Xlsx(b)),
                Err(XlsxError::Password) => Err(SheetError::Protected),
                Err(_) => Err(SheetError::Corrupt),
            },
        },
        FileKind::Other => Err(SheetError::NotSpreadsheet),
    }
}

/// The cells of a range as text, with the places of numbers and dates; at most
/// [`MAX_ROWS`] + 1 rows and [`MAX_COLUMNS`] + 1 columns are sent (the core refuses a
/// larger sheet from its `height` and `width`).
fn cells_of(range: &Range<Data>) -> SheetCells {
    let (top, left) = range.start().unwrap_or((0, 0));
    let (height, width) = range.get_size();
    let mut cells = SheetCells {
        origin: [top, left],
        height: u64::try_from(height).unwrap_or(u64::MAX),
        width: u64::try_from(width).unwrap_or(u64::MAX),
        ..SheetCells::default()
    };
    for (r, row) in range.rows().take(MAX_ROWS.saturating_add(1)).enumerate() {
        let mut texts = Vec::with_capacity(row.len().min(MAX_COLUMNS.saturating_add(1)));
        for (c, value) in row.iter().take(MAX_COLUMNS.saturating_add(1)).enumerate() {
            let place = [
                top.saturating_add(u32::try_from(r).unwrap_or(u32::MAX)),
                left.saturating_add(u32::try_from(c).unwrap_or(u32::MAX)),
            ];
            let text = match value {
                Data::Int(i) => {
                    cells.numbers.push(place);
                    i.to_string()
                }
                Data::Float(f) => {
                    cells.numbers.push(place);
                    f.to_string()
                }
                Data::DateTime(d) if d.is_datetime() => {
                    cells.dates.push(place);
                    d.as_f64().to_string()
                }
                Data::DateTimeIso(s) => {
                    cells.dates.push(place);
                    s.clone()
                }
                Data::DateTime(d) => d.as_f64().to_string(),
                Data::String(s) | Data::DurationIso(s) => s.clone(),
                Data::Bool(b) => b.to_string(),
                Data::Error(e) => format!("#{e}"),
                Data::Empty => String::new(),
            };
            texts.push(text);
        }
        cells.rows.push(texts);
    }
    cells
}

/// Places of the cells that hold a formula.
fn formula_places(formulas: &Range<String>) -> Vec<[u32; 2]> {
    formulas
        .used_cells()
        .filter(|(_, _, f)| !f.is_empty())
        .map(|(r, c, _)| {
            let (top, left) = formulas.start().unwrap_or((0, 0));
            [
                top.saturating_add(u32::try_from(r).unwrap_or(u32::MAX)),
                left.saturating_add(u32::try_from(c).unwrap_or(u32::MAX)),
            ]
        })
        .collect()
}
