//! The person's choice of model, remembered in `localStorage` (key
//! [`crate::core::model::choice::CHOICE_KEY`]) so the app reopens on it. Losing it only
//! means the app opens on the model of today's date.

use crate::core::draft::session::Store;
use crate::core::model::choice::CHOICE_KEY;
use crate::platform::storage::LocalStore;

/// The remembered model id, when storage works and holds one.
pub fn remembered() -> Option<String> {
    let store = LocalStore::open().ok()?;
    store.read(CHOICE_KEY).ok().flatten()
}

/// Remembers the model the person chose; a refused write only loses the memory.
pub fn remember(model_id: &str) {
    if let Ok(store) = LocalStore::open() {
        let _ = store.write(CHOICE_KEY, model_id);
    }
}
