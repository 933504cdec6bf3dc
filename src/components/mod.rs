//! The view: one component per file, grouped by the part of the screen it draws. Each
//! lays out a view model from `present` and sends `app::state::Action`s; no maths and no
//! storage here.
//!
//! - `shell`: the page frame (app root, language switch, update banner, embed view);
//! - `dashboard`: the model picker, search, the target table and data problems;
//! - `indicator`: the open indicator, its workbench, sensitivity tables and chart;
//! - `chain`: the linked growth chain;
//! - `quarterly`: the quarterly growth scenario by sector and its form;
//! - `drafts`: the drafts panel, files, comparison and storage alerts;
//! - `models`: importing a table as a model, model files in and out;
//! - `reports`: print layouts and CSV buttons.

pub mod chain;
pub mod dashboard;
pub mod drafts;
pub mod indicator;
pub mod models;
pub mod quarterly;
pub mod reports;
pub mod shell;
