//! The functional core: the target model, its validation, the shipped data, the planning
//! maths (pace, assessment, goal seek), and number formatting and parsing. Plain Rust with no browser crates (no `leptos`, `web_sys`, `wasm_bindgen`,
//! `gloo`), no clock and no randomness, so all of it runs under host `cargo test`;
//! `tests/core_is_pure.rs` checks the imports.

pub mod assessment;
pub mod calendar;
pub mod catalog;
pub mod chain;
pub mod compare;
pub mod compress;
pub mod csv;
pub mod draft;
pub mod draft_file;
// Embedding in a portal (issue #5).
pub mod embed;
pub mod goal_seek;
pub mod load;
pub mod model;
pub mod numfmt;
pub mod numparse;
pub mod pace;
pub mod raw;
pub mod report;
pub mod sensitivity;
pub mod share_link;
pub mod storage_policy;
pub mod strict_json;
pub mod summary;
pub mod synthetic;
pub mod textsearch;
pub mod view_link;
