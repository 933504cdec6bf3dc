//! Browser adapters: the only code outside `components` that touches `web_sys`,
//! `wasm_bindgen` or `gloo`. Each is thin: `address_bar` (the view link in the address
//! bar), `storage` (localStorage and
//! `navigator.storage`), `clock` (the time and timers), `download` (files out), `model_store` (own models in IndexedDB),
//! `offline` (the service worker), `published` (models a portal lists in `models.json`) and `portal` (embedding in a portal page),
//! `sheet_reader` (starts the spreadsheet worker for an opened file), `shipped`
//! (the shipped models' data files), `text` (the browser's Unicode normalisation). The rules
//! they apply live in `core`.

pub mod address_bar;
pub mod clock;
pub mod download;
pub mod model_choice;
pub mod model_store;
pub mod offline;
pub mod portal;
pub mod published;
pub mod sheet_reader;
pub mod shipped;
pub mod storage;
pub mod text;
