//! Spreadsheet files read as the sheet worker reads them (`worker::read_sheet`, the
//! `calamine` crate) and put into a preview: the committed fixtures
//! `tests/fixtures/chi-tieu-quang-ngai-2026-2030.{xlsx,ods}` (written by
//! `make_sheet_fixtures.py`: the Quảng Ngãi 2026-2030 table of the paste test with a
//! merged group heading, a formula and a date), and bad files.

mod util;

use provincial_planner::core::import::cell::CellError;
use provincial_planner::core::import::preview::{preview, ImportPreview, ProblemKind, RowKind};
use provincial_planner::core::import::sheet::{SheetError, SheetReply};
use provincial_planner::worker::{read_cells, read_sheet};

fn fixture(ending: &str) -> Vec<u8> {
    std::fs::read(util::repo_root().join(format!(
        "tests/fixtures/chi-tieu-quang-ngai-2026-2030.{ending}"
    )))
    .expect("fixture")
}

#[track_caller]
fn read(bytes: &[u8], sheet: usize) -> Result<ImportPreview, SheetError> {
    match read_sheet(bytes, sheet) {
        SheetReply::Grid(g) => Ok(preview(&g.grid).expect("preview")),
        SheetReply::Failed(e) => Err(e),
    }
}

#[track_caller]
fn same_table_as_the_paste(p: &ImportPreview) {
    let groups: Vec<&str> = p
        .rows
        .iter()
        .filter(|r| r.kind == RowKind::Group)
        .map(|r| r.name.as_str())
        .collect();
    assert_eq!(groups, ["CHỈ TIÊU KINH TẾ", "CHỈ TIÊU XÃ HỘI"]);
    assert_eq!(p.indicator_count(), 6);
    // 9 figures as in the paste test: 10,59 | 10 | trên 10 ; 6.900-7.000 ; 82.000 | 560.000 ;
    // 38 ; 38,7 ; 1,47. The date typed as Ước TH 2025 of row 4 is a problem, not a figure.
    let figures: usize = p.rows.iter().map(|r| r.values.len()).sum();
    assert_eq!(figures, 9);
    let growth = p
        .rows
        .iter()
        .find(|r| r.name == "Tốc độ tăng trưởng GRDP bình quân")
        .expect("row");
    let texts: Vec<&str> = growth.values.iter().map(|v| v.text.as_str()).collect();
    assert_eq!(texts, ["10,59", "10", "trên 10"]);
    let problems: Vec<(usize, usize, ProblemKind)> = p
        .problems
        .iter()
        .map(|x| (x.row, x.column, x.kind))
        .collect();
    assert_eq!(
        problems,
        [
            (3, 3, ProblemKind::Cell(CellError::Date)),
            (8, 5, ProblemKind::Cell(CellError::NotANumber))
        ]
    );
    assert_eq!(p.formula_figures, 1); // KH 2026 of row 3: =5*2, saved value 10
}

#[test]
fn an_xlsx_file_with_a_merged_heading_a_formula_and_a_date() {
    let bytes = fixture("xlsx");
    let cells = read_cells(&bytes, 0).expect("cells");
    assert_eq!(cells.sheets, ["Chỉ tiêu 2026-2030", "Ghi chú"]);
    assert_eq!(cells.merged, [[1, 1, 1, 5]]); // B2:F2
    assert_eq!(cells.formulas, [[2, 4]]); // E3
    assert_eq!(cells.dates, [[3, 3]]); // D4
    same_table_as_the_paste(&read(&bytes, 0).expect("read"));
}

#[test]
fn an_ods_file_gives_the_same_table() {
    same_table_as_the_paste(&read(&fixture("ods"), 0).expect("read"));
}

fn bad(name: &str) -> Vec<u8> {
    std::fs::read(util::repo_root().join(format!("tests/fixtures/{name}"))).expect("fixture")
}

#[test]
fn locked_empty_and_too_tall_sheets_are_typed_errors() {
    assert_eq!(
        read(&bad("sheet-password.xlsx"), 0).err(),
        Some(SheetError::Protected)
    );
    assert_eq!(
        read(&bad("sheet-empty.xlsx"), 0).err(),
        Some(SheetError::EmptySheet)
    );
    // A1 and A50000 filled: the sheet is 50,000 rows tall, over the 5,000 rows read.
    assert_eq!(
        read(&bad("sheet-50000-rows.xlsx"), 0).err(),
        Some(SheetError::TooManyRows { rows: 50_000 })
    );
}

#[test]
fn another_sheet_and_bad_files_are_typed_errors() {
    let bytes = fixture("xlsx");
    // The second sheet holds one note: one column, not a table.
    assert_eq!(read(&bytes, 1).err(), Some(SheetError::NotATable));
    assert_eq!(read(&bytes, 2).err(), Some(SheetError::NoSheet));
    assert_eq!(read(b"PK\x03\x04", 0).err(), Some(SheetError::Corrupt));
    assert_eq!(
        read(&bytes[..bytes.len() / 2], 0).err(),
        Some(SheetError::Corrupt)
    );
    assert_eq!(
        read(b"STT;Chi tieu\n1;GRDP\n", 0).err(),
        Some(SheetError::NotSpreadsheet)
    );
    // An OLE file that is no workbook (an encrypted .xlsx is one with EncryptedPackage).
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(4096, 0);
    assert_eq!(read(&ole, 0).err(), Some(SheetError::Corrupt));
}

/// The file `tests/fixtures/import-two-row-header.{ending}`.
fn two_row_header(ending: &str) -> Vec<u8> {
    bad(&format!("import-two-row-header.{ending}"))
}

/// What both files of `import-two-row-header` give (written by `make_sheet_fixtures.py`):
/// the merged two-row header read as one heading per column, the merged group heading,
/// and every percentage as the person sees it (the files store 0.08 for 8%).
#[track_caller]
fn two_row_header_table(p: &ImportPreview) {
    assert_eq!((p.header_start, p.header_rows), (0, 2));
    let headings: Vec<&str> = p.columns.iter().map(|c| c.heading.as_str()).collect();
    assert_eq!(
        headings,
        [
            "STT",
            "Chỉ tiêu",
            "ĐVT",
            "Năm 2025 TH",
            "Năm 2025 KH",
            "KH 2026",
            "Mục tiêu 2030"
        ]
    );
    let groups: Vec<&str> = p
        .rows
        .iter()
        .filter(|r| r.kind == RowKind::Group)
        .map(|r| r.name.as_str())
        .collect();
    assert_eq!(groups, ["CHỈ TIÊU KINH TẾ"]);
    let texts = |name: &str| -> Vec<String> {
        p.rows
            .iter()
            .find(|r| r.name == name)
            .map(|r| r.values.iter().map(|v| v.text.clone()).collect())
            .unwrap_or_default()
    };
    assert_eq!(
        texts("GRDP (giá so sánh 2010)"),
        ["40000", "39500", "43600"]
    );
    // 0.08, 0.085, 0.1 shown as 0% / 0.0% / 0%: 8 %, 8,5 %, 10 %.
    assert_eq!(
        texts("Tốc độ tăng trưởng GRDP"),
        ["8%", "8,5%", "10%", "≥ 10"]
    );
    assert_eq!(
        texts("Tỷ lệ đô thị hóa"),
        ["38%", "38,5%", "39%", "trên 45"]
    );
    // 0.0307 shown as 0.00%: 3,07 %; 0.025 as 0.0%: 2,5 %.
    assert_eq!(texts("Tỷ lệ hộ nghèo"), ["3,07%", "2,5%", "dưới 1"]);
    let growth = p
        .rows
        .iter()
        .find(|r| r.name == "Tốc độ tăng trưởng GRDP")
        .expect("growth row");
    let amounts: Vec<_> = growth.values.iter().map(|v| v.value.amount).collect();
    use provincial_planner::core::model::Amount::Point;
    assert_eq!(amounts, [Point(8.0), Point(8.5), Point(10.0), Point(10.0)]);
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    // The level row (table row 4) and its growth row (row 5) make one indicator, with
    // average growth as its kind of target (only the growth row carries a target).
    let pairs: Vec<(usize, usize, bool)> = p
        .pairs
        .iter()
        .map(|x| (x.level_row, x.growth_row, x.joined))
        .collect();
    assert_eq!(pairs, [(3, 4, true)]);
    assert_eq!(p.indicator_count(), 3);
    let level = p
        .rows
        .iter()
        .find(|r| r.name == "GRDP (giá so sánh 2010)")
        .expect("level row");
    assert_eq!(
        level.target_kind,
        provincial_planner::core::model::TargetKind::AverageGrowth
    );
}

#[test]
fn an_xlsx_file_with_a_merged_two_row_header_and_percentages() {
    let bytes = two_row_header("xlsx");
    let cells = read_cells(&bytes, 0).expect("cells");
    let mut merged = cells.merged.clone();
    merged.sort_unstable();
    assert_eq!(
        merged,
        [
            [0, 0, 1, 0],
            [0, 1, 1, 1],
            [0, 2, 1, 2],
            [0, 3, 0, 4],
            [0, 5, 1, 5],
            [0, 6, 1, 6],
            [2, 1, 2, 6]
        ]
    );
    assert_eq!(
        cells.percents,
        [
            [4, 3],
            [4, 4],
            [4, 5],
            [5, 3],
            [5, 4],
            [5, 5],
            [6, 3],
            [6, 5]
        ]
    );
    two_row_header_table(&read(&bytes, 0).expect("read"));
}

#[test]
fn an_ods_file_with_the_same_merges_and_percentages_gives_the_same_table() {
    let bytes = two_row_header("ods");
    let cells = read_cells(&bytes, 0).expect("cells");
    let mut merged = cells.merged.clone();
    merged.sort_unstable();
    let xlsx = read_cells(&two_row_header("xlsx"), 0).expect("cells");
    let mut xlsx_merged = xlsx.merged.clone();
    xlsx_merged.sort_unstable();
    assert_eq!(merged, xlsx_merged);
    assert_eq!(cells.percents, xlsx.percents);
    two_row_header_table(&read(&bytes, 0).expect("read"));
    // The group heading of the first fixture is merged over its row in the .ods too.
    let first = read_cells(&fixture("ods"), 0).expect("cells");
    assert_eq!(first.merged, [[1, 1, 1, 5]]); // B2:F2, as in the .xlsx
}

/// The percentage places of `import-two-row-header` (rows 4-6, columns D-F of the
/// table in `make_sheet_fixtures.py`; row 6 has no KH 2025).
const TWO_ROW_PERCENTS: [[u32; 2]; 8] = [
    [4, 3],
    [4, 4],
    [4, 5],
    [5, 3],
    [5, 4],
    [5, 5],
    [6, 3],
    [6, 5],
];

#[test]
fn an_xls_file_with_the_same_merges_and_percentages_gives_the_same_table() {
    // calamine gives no number formats of an .xls: they are read from its records.
    let bytes = two_row_header("xls");
    let cells = read_cells(&bytes, 0).expect("cells");
    assert_eq!(cells.percents, TWO_ROW_PERCENTS);
    let mut merged = cells.merged.clone();
    merged.sort_unstable();
    let xlsx = read_cells(&two_row_header("xlsx"), 0).expect("cells");
    let mut xlsx_merged = xlsx.merged.clone();
    xlsx_merged.sort_unstable();
    assert_eq!(merged, xlsx_merged);
    two_row_header_table(&read(&bytes, 0).expect("read"));
}

#[test]
fn an_xlsb_file_with_percentages_shows_them_as_percentages() {
    // calamine gives no number formats of an .xlsb: they are read from its styles part.
    let bytes = two_row_header("xlsb");
    let cells = read_cells(&bytes, 0).expect("cells");
    assert_eq!(cells.percents, TWO_ROW_PERCENTS);
    let p = read(&bytes, 0).expect("read");
    let texts = |name: &str| -> Vec<String> {
        p.rows
            .iter()
            .find(|r| r.name == name)
            .map(|r| r.values.iter().map(|v| v.text.clone()).collect())
            .unwrap_or_default()
    };
    // The file holds no merged regions (its writer writes none, and calamine reads
    // none of an .xlsb): "Năm 2025" stands over TH only, so the KH column below it has
    // no year and is left out; the other figures are read as in the .xlsx.
    let headings: Vec<&str> = p.columns.iter().map(|c| c.heading.as_str()).collect();
    assert_eq!(
        headings,
        [
            "STT",
            "Chỉ tiêu",
            "ĐVT",
            "Năm 2025 TH",
            "KH",
            "KH 2026",
            "Mục tiêu 2030"
        ]
    );
    // 0.08 | 0.1 in format 0%; 0.0307 in 0.00%, 0.025 in 0.0%.
    assert_eq!(texts("Tốc độ tăng trưởng GRDP"), ["8%", "10%", "≥ 10"]);
    assert_eq!(texts("Tỷ lệ đô thị hóa"), ["38%", "39%", "trên 45"]);
    assert_eq!(texts("Tỷ lệ hộ nghèo"), ["3,07%", "2,5%", "dưới 1"]);
}

#[test]
fn an_ods_whose_table_is_never_closed_is_corrupt_not_a_hang() {
    // Found by the ods fuzz target: calamine 0.38 loops for ever when content.xml ends
    // inside a table (fuzz/artifacts/ods/timeout-84a421cb…, made small).
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).expect("zip");
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .expect("zip");
    zip.start_file("content.xml", stored).expect("zip");
    zip.write_all(
        br#"<office:document-content><office:body><office:spreadsheet><table:table table:name="A"><table:table-row><table:table-cell office:value-type="float" office:value="4"><text:p>4</text:p></table:table-cell>"#,
    )
    .expect("zip");
    let bytes = zip.finish().expect("zip").into_inner();
    assert_eq!(read_cells(&bytes, 0).err(), Some(SheetError::Corrupt));
}
