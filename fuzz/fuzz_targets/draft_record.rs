//! A stored draft record read back from browser storage.
#![no_main]
use libfuzzer_sys::fuzz_target;
use provincial_planner::core::draft::record::draft_from_json;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = draft_from_json(text);
    }
});
