//! A model file opened by a person or published by a portal.
#![no_main]
use libfuzzer_sys::fuzz_target;
use provincial_planner::core::model::{catalog::UNITS_JSON, file::read_model_file};

fuzz_target!(|data: &[u8]| {
    let _ = read_model_file(data, UNITS_JSON);
});
