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
