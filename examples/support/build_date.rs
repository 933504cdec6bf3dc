//! The build date of the pre-rendered first view: Vietnam's (UTC+7) date of
//! `SOURCE_DATE_EPOCH` (seconds since the Unix epoch) when set, for reproducible builds,
//! else of the host clock. Shared by `examples/prerender.rs` and
//! `examples/static_dashboard.rs`, so the benchmark's static page shows the same
//! first screen as the pre-render.

use std::time::{SystemTime, UNIX_EPOCH};

use provincial_planner::core::text::calendar::iso_date;

/// JavaScript's offset for Vietnam (minutes to add to local time to get UTC).
const VIETNAM_OFFSET_MINUTES: i64 = -420;

/// Milliseconds since the Unix epoch: `SOURCE_DATE_EPOCH`, else the host clock.
fn build_ms() -> i64 {
    if let Some(seconds) = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
    {
        return seconds.saturating_mul(1000);
    }
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .ok()
        .and_then(|d| i64::try_from(d.as_millis()).ok())
        .unwrap_or(0)
}

/// The build date, ISO (`2026-12-01`), in Vietnam.
pub fn build_day() -> String {
    iso_date(build_ms(), VIETNAM_OFFSET_MINUTES)
}
