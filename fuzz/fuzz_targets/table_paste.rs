//! A pasted table or CSV file: the grid reader and the preview must not panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use provincial_planner::core::import::{grid::read_delimited, preview::preview};

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(grid) = read_delimited(text) {
            let _ = preview(&grid);
        }
    }
});
