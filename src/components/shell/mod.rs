//! The page frame: the app root, the language switch, the update banner and the embedded view.

pub mod app;
pub mod embed_view;
pub mod language_switch;
pub mod update_banner;
