//! One table cell read as a target value.
#![no_main]
use libfuzzer_sys::fuzz_target;
use provincial_planner::core::import::cell::read_cell;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = read_cell(text);
    }
});
