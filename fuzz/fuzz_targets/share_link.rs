//! The fragment of a share link.
#![no_main]
use libfuzzer_sys::fuzz_target;
use provincial_planner::core::draft::share_link::decode_share;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = decode_share(text, "fuzz", 0);
    }
});
