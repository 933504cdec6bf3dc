//! Browser storage adapter: the only module that touches `localStorage` (through
//! gloo-storage) and `navigator.storage`. Everything here is thin; the rules (key
//! names, error classes, record formats) live in `core::draft::storage_policy` and
//! `core::draft::record`.
//!
//! gloo's `LocalStorage` panics (throws out of wasm) when the `localStorage` getter
//! throws or returns `null`, so [`LocalStore::open`] probes with `web_sys` first and
//! gloo is only used once the probe has succeeded. No error path here ever calls
//! `clear()` or removes a key the person did not ask to remove (reliability case A19).

use gloo_storage::{LocalStorage, Storage as _};
use leptos::wasm_bindgen::{closure::Closure, JsCast, JsValue};
use serde_json::Value;

use crate::core::draft::storage_policy::{
    classify_write_error, stored_units, WriteFailure, KEY_PREFIX, PROBE_KEY,
};

/// Why storage cannot be used at all; the app then runs in memory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unavailable {
    /// The `localStorage` getter threw (blocked cookies, sandboxed frame).
    Blocked(String),
    /// `localStorage` is `null` (storage disabled in the browser).
    Missing,
    /// It exists but a test write failed.
    WriteFailed(WriteFailure),
}

/// Why one read or write failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The write was refused.
    Write(WriteFailure),
    /// The write seemed to succeed but reading back gave something else (another app
    /// or the browser cleared storage meanwhile: reliability case A10).
    Mismatch,
    /// A read failed.
    Read,
}

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

    /// Every key that starts with `prefix`.
    pub fn keys_with_prefix(&self, prefix: &str) -> Vec<String> {
        let raw = LocalStorage::raw();
        let count = raw.length().unwrap_or(0);
        (0..count)
            .filter_map(|i| raw.key(i).ok().flatten())
            .filter(|k| k.starts_with(prefix))
            .collect()
    }

    /// The text stored under `key` (`None` when the key is absent).
    pub fn read(&self, key: &str) -> Result<Option<String>, StoreError> {
        LocalStorage::raw()
            .get_item(key)
            .map_err(|_| StoreError::Read)
    }

    /// Writes a JSON record through gloo, then reads it back and compares (A10). A
    /// refused write leaves the previous value in place (`setItem` is all or nothing).
    pub fn write(&self, key: &str, record: &Value) -> Result<(), StoreError> {
        let expected = record.to_string();
        match LocalStorage::set(key, record) {
            Ok(()) => {}
            Err(gloo_storage::errors::StorageError::JsError(e)) => {
                return Err(StoreError::Write(classify_write_error(&e.name, None)))
            }
            Err(_) => return Err(StoreError::Write(WriteFailure::Other)),
        }
        match self.read(key)? {
            Some(back) if back == expected => Ok(()),
            _ => Err(StoreError::Mismatch),
        }
    }

    /// Writes plain text (the metadata record).
    pub fn write_text(&self, key: &str, text: &str) -> Result<(), StoreError> {
        LocalStorage::raw()
            .set_item(key, text)
            .map_err(|e| StoreError::Write(failure_of(&e)))
    }

    /// Removes one key, when the person deletes a draft or a record they were shown.
    pub fn remove(&self, key: &str) {
        LocalStorage::delete(key);
    }

    /// Units (UTF-16 code units of keys and values) this app's keys use.
    pub fn used_units(&self) -> u64 {
        self.keys_with_prefix(KEY_PREFIX)
            .iter()
            .map(|k| stored_units(k, &self.read(k).ok().flatten().unwrap_or_default()))
            .sum()
    }

    /// Measures how many more units fit, by writing ever larger strings to the scratch
    /// key until one is refused, then narrowing down; the key is removed after. Takes
    /// a fraction of a second; run once per origin (reliability case A12).
    pub fn probe_free_units(&self) -> u64 {
        let raw = LocalStorage::raw();
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

/// Whether the browser keeps this site's storage until the person deletes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Protection {
    /// Not known yet (the answer comes asynchronously).
    Unknown,
    /// `navigator.storage.persist()` was granted.
    Protected,
    /// Denied, or the browser cannot say (no `navigator.storage`: reliability case A17).
    NotProtected,
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
