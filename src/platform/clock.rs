//! The browser's clock: the only place the app asks what time it is. The core never
//! reads a clock; "now" is passed to it as milliseconds since the Unix epoch.

use leptos::wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Date, js_name = now)]
    fn date_now() -> f64;
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;
    #[wasm_bindgen(js_namespace = Math, js_name = random)]
    fn math_random() -> f64;
    type JsDate;
    #[wasm_bindgen(constructor, js_class = "Date")]
    fn new() -> JsDate;
    #[wasm_bindgen(method, js_class = "Date", js_name = getTimezoneOffset)]
    fn timezone_offset(this: &JsDate) -> f64;
}

/// Milliseconds since the Unix epoch, as the browser's clock reads now.
#[cfg(target_arch = "wasm32")]
pub fn now_ms() -> i64 {
    crate::core::text::calendar::ms_from_f64(date_now())
}

/// Minutes to add to local time to get UTC (JavaScript's sign: Vietnam, UTC+7, is -420).
#[cfg(target_arch = "wasm32")]
pub fn timezone_offset_minutes() -> i64 {
    crate::core::text::calendar::ms_from_f64(JsDate::new().timezone_offset())
}

/// A fresh id for a draft: the time in base 36 and a random suffix, so two tabs
/// creating drafts in the same millisecond still differ.
#[cfg(target_arch = "wasm32")]
pub fn new_id() -> String {
    let random = crate::core::text::calendar::ms_from_f64(math_random() * 2_176_782_336.0);
    format!(
        "{}-{}",
        crate::core::text::calendar::base36(now_ms()),
        crate::core::text::calendar::base36(random)
    )
}

/// Host builds: a counter.
#[cfg(not(target_arch = "wasm32"))]
pub fn new_id() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    format!("host-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// Host builds (tests, benchmarks) have no browser clock: the epoch.
#[cfg(not(target_arch = "wasm32"))]
pub fn now_ms() -> i64 {
    0
}

/// Host builds: UTC.
#[cfg(not(target_arch = "wasm32"))]
pub fn timezone_offset_minutes() -> i64 {
    0
}

/// A monotonic time in milliseconds (`performance.now()`), to measure how long a
/// computation took on this machine; never stored.
#[cfg(target_arch = "wasm32")]
pub fn elapsed_clock_ms() -> f64 {
    performance_now()
}

/// Host builds: no clock.
#[cfg(not(target_arch = "wasm32"))]
pub fn elapsed_clock_ms() -> f64 {
    0.0
}
