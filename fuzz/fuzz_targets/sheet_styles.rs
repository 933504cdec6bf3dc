//! The sheet worker's readers of what calamine does not report of `.xls` and `.xlsb`
//! files: the number formats of their cells (`worker::xls`, `worker::xlsb`).
#![no_main]
use libfuzzer_sys::fuzz_target;
use provincial_planner::worker::{xls::xls_percents, xlsb::xlsb_percents};

fuzz_target!(|data: &[u8]| {
    let Some((&sheet, rest)) = data.split_first() else {
        return;
    };
    let _ = xls_percents(rest, usize::from(sheet));
    let _ = xlsb_percents(rest, usize::from(sheet));
});
