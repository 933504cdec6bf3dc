//! Provincial planner: a province's plan targets (chỉ tiêu), their figures and sources,
//! in the browser with no server.
//!
//! Layout (see README "Architecture", a code map): folders are layers, each importing only
//! the layers before it. `core` is the functional core (model, planning maths, drafts and
//! their formats, codecs, text) with no browser crates; `present` turns core values into
//! view models and words; `app` holds the reactive state; `platform` is the only code
//! outside `components` that touches the browser; `components` lay the view models out;
//! `main.rs` mounts. `first_view` is the small first-load module
//! (`src/bin/first_view.rs`) that makes the pre-rendered dashboard answer its filters and
//! search, then loads the app; it uses no Leptos. `worker` is the spreadsheet reader run
//! in a web worker (a third wasm module, `src/bin/sheet_worker.rs`), the only user of
//! `calamine`.
//! `tests/layers.rs` enforces the rules.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss
    )
)]

pub mod app;
pub mod components;
pub mod core;
pub mod first_view;
pub mod platform;
pub mod present;
pub mod worker;
