//! The list of published models (`models.json` beside `index.html`), written by a portal.
#![no_main]
use libfuzzer_sys::fuzz_target;
use provincial_planner::core::model::published::{parse_published, MAX_PUBLISHED};

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(files) = parse_published(text) {
            assert!(files.len() <= MAX_PUBLISHED);
        }
    }
});
