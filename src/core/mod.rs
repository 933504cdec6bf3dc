//! The functional core: plain Rust with no browser crates (no `leptos`, `web_sys`,
//! `wasm_bindgen`, `gloo`), no clock and no randomness, so all of it runs under host
//! `cargo test`. "Now" and ids come in as arguments. `tests/layers.rs` checks the imports.
//!
//! Split by subject: `model` (the target model, its file shape, loading and the shipped
//! catalog), `plan` (the planning maths), `draft` (saved drafts, their formats and the
//! session's decisions), `codec` (compression, strict JSON, CSV, the view link, the portal
//! configuration) and `text` (number format and parse, search folding, calendar).

pub mod codec;
pub mod draft;
pub mod import;
pub mod model;
pub mod plan;
pub mod text;
