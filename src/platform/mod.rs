//! Browser adapters: the only code outside `components` that touches `web_sys`,
//! `wasm_bindgen` or `gloo`. Each is thin: `storage` (localStorage and
//! `navigator.storage`), `clock` (the time and timers), `download` (files out),
//! `offline` (the service worker) and `portal` (embedding in a portal page). The rules
//! they apply live in `core`.

pub mod clock;
pub mod download;
pub mod offline;
pub mod portal;
pub mod storage;
