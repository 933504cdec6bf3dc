//! A number typed in an assumption box, in both languages.
#![no_main]
use libfuzzer_sys::fuzz_target;
use provincial_planner::core::text::{numfmt::Locale, numparse::parse_number};

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        for locale in [Locale::Vi, Locale::En] {
            if let Ok(Some(n)) = parse_number(text, locale) {
                assert!(n.value.is_finite());
            }
        }
    }
});
