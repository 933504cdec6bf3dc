//! Property tests for the readers of a table a person brings (`core::import`): no input
//! makes them panic or loop, what they read stays within their limits, and a table
//! written as tab-separated text (as Excel puts it on the clipboard) reads back cell for
//! cell.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use provincial_planner::core::import::cell::read_cell;
use provincial_planner::core::import::grid::{
    read_delimited, read_html_table, GridError, MAX_COLUMNS, MAX_ROWS,
};
use provincial_planner::core::import::preview::preview;
use provincial_planner::core::model::Amount;

/// Text made of the characters plan tables are made of, and a few hostile ones.
fn table_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("\t".to_string()),
            Just("\n".to_string()),
            Just("\r\n".to_string()),
            Just(";".to_string()),
            Just(",".to_string()),
            Just("\"".to_string()),
            Just("Chỉ tiêu".to_string()),
            Just("TH 2025".to_string()),
            Just("KH 2026".to_string()),
            Just("Mục tiêu 2030".to_string()),
            Just("ĐVT".to_string()),
            Just("trên ".to_string()),
            Just("khoảng ".to_string()),
            Just("-".to_string()),
            Just("I".to_string()),
            "[0-9.,%]{1,8}",
            "\\PC{0,6}",
        ],
        0..80,
    )
    .prop_map(|parts| parts.concat())
}

fn html_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("<table>".to_string()),
            Just("</table>".to_string()),
            Just("<tr>".to_string()),
            Just("</tr>".to_string()),
            Just("<td>".to_string()),
            Just("<td colspan=3>".to_string()),
            Just("<td rowspan=\"4\">".to_string()),
            Just("<th colspan=999999>".to_string()),
            Just("</td>".to_string()),
            Just("<br>".to_string()),
            Just("<!--".to_string()),
            Just("-->".to_string()),
            Just("<style>".to_string()),
            Just("&amp;".to_string()),
            Just("&#xFFFFFFFF;".to_string()),
            Just("&".to_string()),
            Just("<".to_string()),
            "\\PC{0,6}",
        ],
        0..60,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn delimited_text_never_panics_and_stays_in_bounds(text in table_text()) {
        match read_delimited(&text) {
            Ok(grid) => {
                prop_assert!(grid.rows.len() <= MAX_ROWS && grid.width() <= MAX_COLUMNS && grid.width() >= 2);
                prop_assert!(grid.rows.iter().all(|r| r.len() == grid.width()));
                let _ = preview(&grid);
            }
            Err(e) => prop_assert!(matches!(e, GridError::Empty | GridError::OneColumn | GridError::NotText)),
        }
    }

    #[test]
    fn html_never_panics_and_stays_in_bounds(html in html_text()) {
        if let Ok(grid) = read_html_table(&html) {
            prop_assert!(grid.rows.len() <= MAX_ROWS && grid.width() <= MAX_COLUMNS);
            prop_assert!(grid.rows.iter().all(|r| r.len() == grid.width()));
            let _ = preview(&grid);
        }
    }

    #[test]
    fn a_cell_reads_to_finite_values_or_an_error(text in "\\PC{0,40}") {
        if let Ok(Some(v)) = read_cell(&text) {
            match v.amount {
                Amount::Point(x) => prop_assert!(x.is_finite()),
                Amount::Range(lo, hi) => prop_assert!(lo.is_finite() && hi.is_finite() && lo <= hi),
            }
        }
    }

    #[test]
    fn tab_separated_cells_read_back(
        cells in proptest::collection::vec(proptest::collection::vec("[^\\x00-\\x1f\"]{0,12}", 3), 1..20),
    ) {
        // Excel quotes a cell only when it holds a tab, a line break or a quote; here none
        // does. A first column that is never empty keeps every row.
        let rows: Vec<Vec<String>> = cells
            .into_iter()
            .map(|r| r.into_iter().enumerate().map(|(i, c)| if i == 0 { format!("r{}", c.trim()) } else { c.trim().to_string() }).collect())
            .collect();
        let text: String = rows.iter().map(|r| r.join("\t") + "\r\n").collect();
        let grid = read_delimited(&text);
        let all_but_first_empty = rows.iter().all(|r| r.iter().skip(1).all(String::is_empty));
        if all_but_first_empty {
            prop_assert_eq!(grid, Err(GridError::OneColumn));
        } else {
            let grid = grid.expect("reads");
            for (i, row) in rows.iter().enumerate() {
                for (j, cell) in row.iter().enumerate() {
                    if j < grid.width() {
                        prop_assert_eq!(grid.text(i, j), cell.as_str());
                    } else {
                        prop_assert!(cell.is_empty());
                    }
                }
            }
        }
    }
}

/// Fragments of an `.ods` sheet's `content.xml`, with spans and repeats large and small.
fn ods_content() -> impl Strategy<Value = String> {
    let cell = (
        prop_oneof![Just("table:table-cell"), Just("table:covered-table-cell")],
        prop::option::of(0u64..3_000_000),
        prop::option::of(0u64..300),
        prop::option::of(0u64..9_000),
        any::<bool>(),
    )
        .prop_map(|(name, repeat, cols, rows, percent)| {
            let mut attrs = String::new();
            if let Some(n) = repeat {
                attrs.push_str(&format!(" table:number-columns-repeated=\"{n}\""));
            }
            if let Some(n) = cols {
                attrs.push_str(&format!(" table:number-columns-spanned=\"{n}\""));
            }
            if let Some(n) = rows {
                attrs.push_str(&format!(" table:number-rows-spanned=\"{n}\""));
            }
            if percent {
                attrs.push_str(" office:value-type=\"percentage\" office:value=\"0.1\"");
            }
            format!("<{name}{attrs}/>")
        });
    let row = (
        prop::option::of(0u64..2_000_000),
        prop::collection::vec(cell, 0..6),
    )
        .prop_map(|(repeat, cells)| {
            let attr = repeat.map_or(String::new(), |n| {
                format!(" table:number-rows-repeated=\"{n}\"")
            });
            format!(
                "<table:table-row{attr}>{}</table:table-row>",
                cells.concat()
            )
        });
    (prop::collection::vec(row, 0..8), any::<bool>()).prop_map(|(rows, broken)| {
        let end = if broken { "" } else { "</table:table>" };
        format!(
            "<office:spreadsheet><table:table>{}{end}</office:spreadsheet>",
            rows.concat()
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_percentage_reads_back_times_a_hundred(hundredths in -1_000_000i64..1_000_000) {
        // A fraction with at most 6 decimals (what a person types as 12,3456 %).
        let fraction = hundredths as f64 / 1_000_000.0;
        let text = provincial_planner::core::import::sheet::percent_text(&fraction.to_string());
        let read = read_cell(&text).expect("reads").expect("a value");
        prop_assert!(read.percent, "{text}");
        match read.amount {
            Amount::Point(x) => prop_assert!((x - fraction * 100.0).abs() < 1e-9, "{text} {x}"),
            Amount::Range(..) => prop_assert!(false, "{text}"),
        }
    }

    #[test]
    fn percent_formats_never_panic(code in "\\PC{0,24}") {
        let _ = provincial_planner::core::import::sheet::is_percent_format(&code);
        let _ = provincial_planner::core::import::sheet::percent_text(&code);
    }

    #[test]
    fn ods_marks_stay_within_the_rows_and_columns_read(xml in ods_content()) {
        use provincial_planner::worker::ods::marks_in_content;
        if let Some(m) = marks_in_content(xml.as_bytes(), 0) {
            let rows = u32::try_from(MAX_ROWS).unwrap_or(u32::MAX);
            let columns = u32::try_from(MAX_COLUMNS).unwrap_or(u32::MAX);
            prop_assert!(m.percents.iter().all(|&[r, c]| r <= rows && c <= columns));
            prop_assert!(m.merged.iter().all(|&[r0, c0, r1, c1]| r0 <= rows && c0 <= columns && r1 >= r0 && c1 >= c0));
            prop_assert!(m.merged.len() + m.percents.len() <= 2 * (MAX_ROWS + 1) * (MAX_COLUMNS + 1));
        }
    }
}
