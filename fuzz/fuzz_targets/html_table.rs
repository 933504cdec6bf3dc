//! The clipboard HTML of a copied table: the HTML table reader and the preview.
#![no_main]
use libfuzzer_sys::fuzz_target;
use provincial_planner::core::import::{grid::read_html_table, preview::preview};

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(grid) = read_html_table(text) {
            let _ = preview(&grid);
        }
    }
});
