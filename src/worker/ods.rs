//! What calamine does not report of an `.ods` sheet, read from the file's `content.xml`
//! with the zip and XML readers calamine itself uses: merged regions (a cell's
//! `table:number-columns-spanned` and `table:number-rows-spanned`) and cells whose
//! value type is `percentage` (stored as the fraction, `0.1` for `10%`).
//!
//! Places are counted as calamine counts them: rows (`table:table-row`, with
//! `table:number-rows-repeated`) and cells (`table:table-cell` and
//! `table:covered-table-cell`, with `table:number-columns-repeated`) from the sheet's
//! top left, 0-based. Counting is arithmetic, so a sheet that repeats an empty row a
//! million times costs nothing; marks are kept only within the rows and columns the
//! core reads. Anything unreadable gives no marks: the sheet still reads without them.

use std::io::{BufReader, Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::core::import::grid::{MAX_COLUMNS, MAX_ROWS};

/// The marks of one `.ods` sheet.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OdsMarks {
    /// Merged regions: `[first row, first column, last row, last column]`.
    pub merged: Vec<[u32; 4]>,
    /// Places of cells of value type `percentage`.
    pub percents: Vec<[u32; 2]>,
}

/// Largest `content.xml` read (the file itself is at most 20 MB).
const MAX_CONTENT_BYTES: u64 = 200 * 1024 * 1024;

/// The marks of sheet `sheet` (0 is the first `table:table`) of an `.ods` file's bytes.
pub fn ods_marks(bytes: &[u8], sheet: usize) -> OdsMarks {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return OdsMarks::default();
    };
    let Ok(content) = zip.by_name("content.xml") else {
        return OdsMarks::default();
    };
    let limited = content.take(MAX_CONTENT_BYTES);
    marks_in_content(BufReader::new(limited), sheet).unwrap_or_default()
}

/// Whether the `content.xml` of an archive, when it has one, is whole XML: no error
/// and every element closed, in order, before the text ends. calamine 0.38's `.ods`
/// reader loops for ever on a table or row left open at the end of the text (it waits
/// for the element's end and takes the end of the text as any other event; found by
/// fuzzing), so the sheet worker gives it only whole XML.
pub fn content_is_whole(bytes: &[u8]) -> bool {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return true; // not an archive: calamine refuses it itself
    };
    let Ok(content) = zip.by_name("content.xml") else {
        return true;
    };
    xml_is_whole(BufReader::new(content.take(MAX_CONTENT_BYTES)))
}

/// Whether XML text reads without error and closes every element it opens.
pub fn xml_is_whole<R: std::io::BufRead>(input: R) -> bool {
    let mut reader = Reader::from_reader(input);
    let mut buf = Vec::new();
    let mut depth = 0usize;
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf) {
            Err(_) => return false,
            Ok(Event::Eof) => return depth == 0,
            Ok(Event::Start(_)) => depth = depth.saturating_add(1),
            Ok(Event::End(_)) => match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => return false,
            },
            Ok(_) => {}
        }
    }
}

fn attr(e: &BytesStart<'_>, name: &str) -> Option<u64> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| a.value.trim().parse().ok())
}

fn is_percentage(e: &BytesStart<'_>) -> bool {
    e.attributes()
        .flatten()
        .any(|a| a.key.as_ref() == "office:value-type" && a.value.as_ref() == "percentage")
}

fn place(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Reads the marks of sheet `sheet` from the text of a `content.xml`; `None` when the
/// XML is broken.
pub fn marks_in_content<R: std::io::BufRead>(input: R, sheet: usize) -> Option<OdsMarks> {
    let max_rows = u64::try_from(MAX_ROWS)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    let max_columns = u64::try_from(MAX_COLUMNS)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    let mut reader = Reader::from_reader(input);
    let mut buf = Vec::new();
    let mut marks = OdsMarks::default();
    let mut tables_seen = 0usize;
    // Depth of `table:table` elements while inside the sheet asked for (1 = the sheet).
    let mut depth = 0usize;
    let mut row = 0u64;
    let mut row_repeats = 1u64;
    let mut column = 0u64;
    loop {
        buf.clear();
        let event = reader.read_event_into(&mut buf).ok()?;
        let (e, empty) = match &event {
            Event::Eof => return Some(marks),
            Event::End(e) => {
                match e.name().as_ref() {
                    "table:table" if depth > 0 => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(marks);
                        }
                    }
                    "table:table-row" if depth == 1 => {
                        row = row.saturating_add(row_repeats);
                    }
                    _ => {}
                }
                continue;
            }
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            _ => continue,
        };
        match e.name().as_ref() {
            "table:table" => {
                if depth > 0 {
                    depth = depth.saturating_add(usize::from(!empty));
                } else {
                    tables_seen = tables_seen.saturating_add(1);
                    if tables_seen == sheet.saturating_add(1) && !empty {
                        depth = 1;
                    } else if tables_seen > sheet.saturating_add(1) {
                        return Some(marks);
                    }
                }
            }
            "table:table-row" if depth == 1 => {
                row_repeats = attr(e, "table:number-rows-repeated").unwrap_or(1).max(1);
                column = 0;
                if empty {
                    row = row.saturating_add(row_repeats);
                }
            }
            "table:table-cell" | "table:covered-table-cell" if depth == 1 => {
                let repeats = attr(e, "table:number-columns-repeated").unwrap_or(1).max(1);
                let spans_columns = attr(e, "table:number-columns-spanned").unwrap_or(1);
                let spans_rows = attr(e, "table:number-rows-spanned").unwrap_or(1);
                let percentage = is_percentage(e);
                let merged = spans_columns > 1 || spans_rows > 1;
                if (merged || percentage) && row < max_rows && column < max_columns {
                    let rows_here = row_repeats.min(max_rows.saturating_sub(row));
                    let columns_here = repeats.min(max_columns.saturating_sub(column));
                    for r in row..row.saturating_add(rows_here) {
                        for c in column..column.saturating_add(columns_here) {
                            if merged {
                                marks.merged.push([
                                    place(r),
                                    place(c),
                                    place(r.saturating_add(spans_rows.saturating_sub(1))),
                                    place(c.saturating_add(spans_columns.saturating_sub(1))),
                                ]);
                            }
                            if percentage {
                                marks.percents.push([place(r), place(c)]);
                            }
                        }
                    }
                }
                column = column.saturating_add(repeats);
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn marks(xml: &str, sheet: usize) -> OdsMarks {
        marks_in_content(xml.as_bytes(), sheet).expect("xml")
    }

    const CONTENT: &str = r#"<office:document-content><office:body><office:spreadsheet>
        <table:table table:name="Ghi chú"><table:table-row><table:table-cell table:number-columns-spanned="2"/></table:table-row></table:table>
        <table:table table:name="Chỉ tiêu">
          <table:table-column table:number-columns-repeated="3"/>
          <table:table-row>
            <table:table-cell table:number-rows-spanned="2" office:value-type="string"><text:p>STT</text:p></table:table-cell>
            <table:table-cell table:number-columns-spanned="2" office:value-type="string"><text:p>Năm 2025</text:p></table:table-cell>
            <table:covered-table-cell/>
          </table:table-row>
          <table:table-row table:number-rows-repeated="1">
            <table:covered-table-cell/>
            <table:table-cell table:number-columns-repeated="2" office:value-type="percentage" office:value="0.1"/>
          </table:table-row>
          <table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
          <table:table-row><table:table-cell/><table:table-cell office:value-type="percentage" office:value="0.38"/></table:table-row>
        </table:table>
        </office:spreadsheet></office:body></office:document-content>"#;

    #[test]
    fn spans_and_percentages_are_placed_as_calamine_counts() {
        let m = marks(CONTENT, 1);
        // STT spans rows 0-1 of column 0; "Năm 2025" columns 1-2 of row 0.
        assert_eq!(m.merged, [[0, 0, 1, 0], [0, 1, 0, 2]]);
        // Row 1, columns 1 and 2 (one cell repeated twice); the cell below the million
        // repeated rows is past the rows read, so it is not kept.
        assert_eq!(m.percents, [[1, 1], [1, 2]]);
        let first = marks(CONTENT, 0);
        assert_eq!(first.merged, [[0, 0, 0, 1]]);
        assert_eq!(marks(CONTENT, 5), OdsMarks::default());
    }

    #[test]
    fn only_whole_xml_is_given_to_calamine() {
        assert!(xml_is_whole(CONTENT.as_bytes()));
        // The fuzzer's hang, made small: the text ends inside a table and a row.
        let open = "<office:document-content><office:body><office:spreadsheet><table:table table:name=\"A\"><table:table-row><table:table-cell/>";
        assert!(!xml_is_whole(open.as_bytes()));
        // An end of another name than the element open (calamine reads past it).
        let crossed = "<table:table><table:table-row></table:tdy></table:table>";
        assert!(!xml_is_whole(crossed.as_bytes()));
        assert!(!xml_is_whole("</a>".as_bytes()));
        assert!(content_is_whole(b"not a zip"));
    }

    #[test]
    fn broken_input_gives_no_marks() {
        assert_eq!(marks_in_content("<a><b></a>".as_bytes(), 0), None);
        assert_eq!(ods_marks(b"PK\x03\x04", 0), OdsMarks::default());
        assert_eq!(ods_marks(b"", 0), OdsMarks::default());
    }
}
