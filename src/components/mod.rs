//! The view: one component per file, each laying out strings from `view_model` and
//! sending `state::Action`s. No maths, no storage here.

pub mod app;
pub mod csv_button;
pub mod data_problems;
pub mod draft_compare;
pub mod draft_files;
pub mod drafts_panel;
// Embed mode (issue #5).
pub mod embed_view;
pub mod growth_chain;
pub mod indicator_detail;
pub mod language_switch;
pub mod model_picker;
pub mod needs_panel;
pub mod print_report;
pub mod search_box;
pub mod sensitivity_tables;
pub mod storage_alerts;
pub mod target_table;
pub mod trend_chart;
// Offline (issue #5).
pub mod update_banner;
