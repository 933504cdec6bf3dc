//! Browser storage adapter: the only module that touches `localStorage` and
//! `navigator.storage`. [`LocalStore`] implements the session's
//! `core::draft::session::Store` trait over `web_sys::Storage`; everything here is
//! thin, the rules (key names, error classes, record formats, when to save) live in
//! `core::draft`.
//!
//! The `localStorage` getter can throw or return `null`, so [`LocalStore::open`]
//! probes it first with `web_sys` and the app runs in memory when it fails; only then
//! is gloo-storage used. Each record is
//! serialised once by the caller and written as that text; the read-back is compared
//! with the same text. No error path here ever calls `clear()` or removes a key the
//! person did not ask to remove (reliability case A19).

use gloo_storage::Storage as _;
use leptos::wasm_bindgen::{closure::Closure, JsCast, JsValue};

use crate::core::draft::session::{Protection, Store, StoreError, Unavailable};
use crate::core::draft::storage_policy::{
    classify_write_error, stored_units, WriteFailure, PROBE_KEY,
};

/// `localStorage`, known to work.
#[derive(Clone, Copy, Debug)]
pub struct LocalStore {
    _probed: (),
}

fn failure_of(error: &JsValue) -> WriteFailure {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(e) => classify_write_error(&e.name(), Some(e.code())),
        None => WriteFailure::Other,
    }
}

/// The storage object, through gloo-storage, once [`LocalStore::open`] has shown that
/// it works. gloo throws out of wasm when the `localStorage` getter throws or is `null`,
/// so it is reached only from a [`LocalStore`], which exists only after the probe.
fn raw() -> Option<web_sys::Storage> {
    Some(gloo_storage::LocalStorage::raw())
}

/// `localStorage` when its getter works, without the write probe of [`LocalStore::open`]
/// (the first view's module only looks).
fn readable() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Every key of `storage`, in its order.
fn keys_of(storage: &web_sys::Storage) -> impl Iterator<Item = String> + '_ {
    (0..storage.length().unwrap_or(0)).filter_map(|i| storage.key(i).ok().flatten())
}

/// The text under `key`, read without a write: `None` when storage is blocked or the
/// key is absent.
pub fn peek(key: &str) -> Option<String> {
    readable()?.get_item(key).ok().flatten()
}

/// Whether any key starts with `prefix`, read without a write; `false` when storage is
/// blocked.
pub fn any_key_with_prefix(prefix: &str) -> bool {
    readable().is_some_and(|storage| keys_of(&storage).any(|k| k.starts_with(prefix)))
}

impl LocalStore {
    /// Probes `localStorage`: the getter, then a small write and removal of the app's
    /// own scratch key.
    pub fn open() -> Result<LocalStore, Unavailable> {
        let window = web_sys::window().ok_or(Unavailable::Missing)?;
        let storage = match window.local_storage() {
            Ok(Some(s)) => s,
            Ok(None) => return Err(Unavailable::Missing),
            Err(e) => {
                let name = e
                    .dyn_ref::<web_sys::DomException>()
                    .map(|d| d.name())
                    .unwrap_or_default();
                return Err(Unavailable::Blocked(name));
            }
        };
        storage
            .set_item(PROBE_KEY, "1")
            .map_err(|e| Unavailable::WriteFailed(failure_of(&e)))?;
        // Our own scratch key: removing it never loses work.
        let _ = storage.remove_item(PROBE_KEY);
        Ok(LocalStore { _probed: () })
    }

    /// Measures how many more units fit, by writing ever larger strings to the scratch
    /// key until one is refused, then narrowing down; the key is removed after. Takes
    /// a fraction of a second; run once per origin (reliability case A12).
    pub fn probe_free_units(&self) -> u64 {
        let Some(raw) = raw() else { return 0 };
        let fits = |units: u64| -> bool {
            let Ok(n) = usize::try_from(units) else {
                return false;
            };
            let ok = raw.set_item(PROBE_KEY, &"x".repeat(n)).is_ok();
            let _ = raw.remove_item(PROBE_KEY);
            ok
        };
        let mut low = 0_u64;
        let mut high = 64 * 1024_u64;
        while fits(high) {
            low = high;
            high = high.saturating_mul(2);
            if high > 256 * 1024 * 1024 {
                return low;
            }
        }
        while high - low > 16 * 1024 {
            let mid = low + (high - low) / 2;
            if fits(mid) {
                low = mid;
            } else {
                high = mid;
            }
        }
        low + stored_units(PROBE_KEY, "")
    }
}

impl Store for LocalStore {
    fn read(&self, key: &str) -> Result<Option<String>, StoreError> {
        raw()
            .ok_or(StoreError::Read)?
            .get_item(key)
            .map_err(|_| StoreError::Read)
    }

    /// Writes the text once with `setItem`, then reads it back and compares with that
    /// same text (A10). A refused write leaves the previous value in place (`setItem`
    /// is all or nothing).
    fn write(&self, key: &str, text: &str) -> Result<(), StoreError> {
        raw()
            .ok_or(StoreError::Write(WriteFailure::Other))?
            .set_item(key, text)
            .map_err(|e| StoreError::Write(failure_of(&e)))?;
        match self.read(key)? {
            Some(back) if back == text => Ok(()),
            _ => Err(StoreError::Mismatch),
        }
    }

    fn keys_with_prefix(&self, prefix: &str) -> Vec<String> {
        let Some(raw) = raw() else {
            return Vec::new();
        };
        keys_of(&raw).filter(|k| k.starts_with(prefix)).collect()
    }

    /// Removes one key, when the person deletes a draft or a record they were shown.
    fn remove(&self, key: &str) {
        if let Some(raw) = raw() {
            // A failed removal leaves the record listed, which the next refresh shows.
            let _ = raw.remove_item(key);
        }
    }
}

fn property(target: &JsValue, name: &str) -> Option<JsValue> {
    web_sys::js_sys::Reflect::get(target, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// Asks the browser to keep storage (`navigator.storage.persisted()`, then `persist()`
/// if not yet), and calls `on_result` with the answer. Where the API is missing the
/// answer is `NotProtected`, at once.
pub fn request_persistence(on_result: impl Fn(Protection) + 'static) {
    let on_result = std::rc::Rc::new(on_result);
    let Some(manager) = web_sys::window()
        .and_then(|w| property(&w.navigator().into(), "storage"))
        .filter(|m| property(m, "persist").is_some())
    else {
        on_result(Protection::NotProtected);
        return;
    };
    let promise = property(&manager, "persist")
        .and_then(|f| f.dyn_into::<web_sys::js_sys::Function>().ok())
        .and_then(|f| f.call0(&manager).ok());
    let then = promise.as_ref().and_then(|p| {
        property(p, "then").and_then(|f| f.dyn_into::<web_sys::js_sys::Function>().ok())
    });
    let (Some(promise), Some(then)) = (promise, then) else {
        on_result(Protection::NotProtected);
        return;
    };
    let ok = on_result.clone();
    let granted = Closure::once_into_js(move |value: JsValue| {
        ok(if value.as_bool() == Some(true) {
            Protection::Protected
        } else {
            Protection::NotProtected
        });
    });
    let denied = Closure::once_into_js(move |_: JsValue| on_result(Protection::NotProtected));
    // A failure to attach leaves the status "unknown", which the page shows as such.
    let _ = then.call2(&promise, &granted, &denied);
}
