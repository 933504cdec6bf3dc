//! Prints the first view pre-rendered for `index.html` (`present::prerender::first_view`
//! of the model the app opens on a bare link with no remembered choice on the build date,
//! `present::prerender::first_model`, in the default language). The build date is
//! `support/build_date.rs`'s (Vietnam's date of `SOURCE_DATE_EPOCH`, else of the host
//! clock). Run by `scripts/postbuild.mjs` during the Trunk build; by hand:
//! `cargo run --example prerender > prerendered.html`.

#[path = "support/build_date.rs"]
mod build_date;

use provincial_planner::core::model::catalog::load_shipped;
use provincial_planner::present::i18n::Locale;
use provincial_planner::present::prerender::{first_model, first_view};

fn main() {
    let (models, _) = load_shipped();
    let today = build_date::build_day();
    let index = first_model(&models, &today);
    print!("{}", first_view(&models, index, &today, Locale::default()));
}
