//! A drafts file chosen for import.
#![no_main]
use libfuzzer_sys::fuzz_target;
use provincial_planner::core::draft::file::import_file;

fuzz_target!(|data: &[u8]| {
    let _ = import_file(data);
});
