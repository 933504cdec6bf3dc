//! The presentation layer: pure view models and every word of the interface, by feature.
//! Plain Rust (no `leptos`, no `web_sys`), so every view model is host-tested; components
//! only lay these values out. `i18n` holds the words (`i18n::drafts` those of the drafts
//! feature); `dashboard` the table rows and figure lists; `explain` the worked
//! explanations; `chart` the chart's series and scales; `reports` the printed reports and
//! CSV tables; `workbench` the "what is needed" panel; `chain` the linked growth
//! scenario; `chance` the chance of reaching a target over ranges; `sensitivity` the sensitivity tables; `compare` the drafts comparison;
//! `dates` every way a date or time is written; `model_import` the preview of a table
//! being imported as a model; `prerender` the first view written into `index.html` at
//! build time; `live_rows` which of its rows the live first view shows.

pub mod as_of;
pub mod assumption_tools;
pub mod chain;
pub mod chance;
pub mod chart;
pub mod compare;
pub mod compare_tone;
pub mod dashboard;
pub mod dates;
pub mod draft_label;
pub mod excel_csv;
pub mod explain;
pub mod figure_words;
pub mod first_screen;
pub mod i18n;
pub mod live_rows;
pub mod model_editor;
pub mod model_import;
pub mod precision;
pub mod prerender;
pub mod quarterly;
pub mod reports;
pub mod search_words;
pub mod sensitivity;
pub mod series;
pub mod term;
pub mod workbench;
