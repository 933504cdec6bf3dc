//! The page frame: the app root, the language switch, the update banner and the embedded view.

pub mod app;
pub mod as_of_date;
pub mod embed_view;
pub mod language_switch;
pub mod update_banner;
