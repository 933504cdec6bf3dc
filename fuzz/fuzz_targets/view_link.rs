//! The view in the URL query (a shared or bookmarked link).
#![no_main]
use libfuzzer_sys::fuzz_target;
use provincial_planner::core::codec::view_link::{decode, encode};

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let link = decode(text);
        let _ = decode(&encode(&link));
    }
});
