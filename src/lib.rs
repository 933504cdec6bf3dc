//! Provincial planner: a province's plan targets (chỉ tiêu), their figures and sources,
//! in the browser with no server.
//!
//! Layout (see README "Architecture"): `core` is the functional core (model, validation,
//! data, formatting) with no browser crates; `i18n` and `view_model` turn core values into
//! text; `state` holds the reactive state; `components` lay it out; `main.rs` mounts.
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

pub mod chart;
pub mod clock;
pub mod components;
pub mod core;
pub mod download;
pub mod draft_session;
pub mod explain;
pub mod i18n;
pub mod i18n_drafts;
pub mod report;
// Offline and embedding (issue #5).
pub mod embed;
// Offline and embedding (issue #5).
pub mod offline;
pub mod state;
pub mod storage;
pub mod view_model;
