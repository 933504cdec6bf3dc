//! Prints the first view pre-rendered for `index.html` (`present::prerender::first_view`
//! of the model the app opens on a bare link with no remembered choice on the build date,
//! `present::prerender::first_model`, in the default language).
//! The build date is Vietnam's (UTC+7) date of `SOURCE_DATE_EPOCH` (seconds since the
//! Unix epoch) when set, for reproducible builds, else of the host clock.
//! Run by `scripts/postbuild.mjs` during the Trunk build; by hand:
//! `cargo run --example prerender > prerendered.html`.

use std::time::{SystemTime, UNIX_EPOCH};

use provincial_planner::core::model::catalog::load_shipped;
use provincial_planner::core::text::calendar::iso_date;
use provincial_planner::present::i18n::Locale;
use provincial_planner::present::prerender::{first_model, first_view};

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

fn main() {
    let (models, _) = load_shipped();
    let today = iso_date(build_ms(), VIETNAM_OFFSET_MINUTES);
    let index = first_model(&models, &today);
    print!("{}", first_view(&models, index, &today, Locale::default()));
}
