//! The reactive application state: the context, the closed `Action` enum and its pure
//! reducer (`state`), and the drafts session (`drafts`) that wires the pure session
//! decisions of `core::draft::session` to signals and to the storage adapter. No
//! `web_sys` here: browser calls go through `platform`.

pub mod drafts;
pub mod state;
