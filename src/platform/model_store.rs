//! The person's own models in IndexedDB (database `provincial-planner`, object store
//! `models`, one record per model keyed by its id, the value the model file's compact
//! JSON text). IndexedDB, not localStorage: `scripts/bench.sh` measures a model of 500
//! indicators with ten years of figures at 2.7 million UTF-16 units and one of 2,000 at
//! 11 million, while Chromium gives localStorage about 5 million units per origin for
//! everything (README "Own models: where they are kept").
//!
//! Thin like `storage`: it opens, reads, writes and reads back; what a record means
//! (valid, set aside, from a newer app) is decided in `core::model::file` and
//! `core::model::stored`. A failure is a typed [`ModelStoreError`]; no error path deletes
//! a record. `window.indexedDB` is reached through `Reflect` so a throwing getter (a
//! sandboxed frame) is an error, not a throw out of wasm.

use leptos::wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::js_sys::{Array, Promise, Reflect};
use web_sys::{IdbDatabase, IdbFactory, IdbRequest, IdbTransactionMode};

const DATABASE: &str = "provincial-planner";
const STORE: &str = "models";
const VERSION: u32 = 1;

/// Why the model store could not do what was asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ModelStoreError {
    /// No IndexedDB in this browser or frame (or its getter threw).
    Unavailable,
    /// The browser refused to store more (`QuotaExceededError`).
    Quota,
    /// What was read back is not what was written.
    Mismatch,
    /// Any other failure, with the DOM exception's name.
    Other(String),
}

impl std::fmt::Display for ModelStoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ModelStoreError::Unavailable => f.write_str("indexeddb unavailable"),
            ModelStoreError::Quota => f.write_str("indexeddb quota exceeded"),
            ModelStoreError::Mismatch => f.write_str("read-back mismatch"),
            ModelStoreError::Other(name) => write!(f, "indexeddb error: {name}"),
        }
    }
}

fn factory() -> Result<IdbFactory, ModelStoreError> {
    let window = web_sys::window().ok_or(ModelStoreError::Unavailable)?;
    let value = Reflect::get(&window, &JsValue::from_str("indexedDB"))
        .map_err(|_| ModelStoreError::Unavailable)?;
    value
        .dyn_into::<IdbFactory>()
        .map_err(|_| ModelStoreError::Unavailable)
}

fn classify(request: &IdbRequest) -> ModelStoreError {
    match request.error() {
        Ok(Some(e)) if e.name() == "QuotaExceededError" => ModelStoreError::Quota,
        Ok(Some(e)) => ModelStoreError::Other(e.name()),
        _ => ModelStoreError::Other("unknown".into()),
    }
}

/// Waits for a request and returns its result.
async fn finished(request: &IdbRequest) -> Result<JsValue, ModelStoreError> {
    let req = request.clone();
    let promise = Promise::new(&mut |resolve, reject| {
        let on_ok = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        });
        let on_err = Closure::once_into_js(move || {
            let _ = reject.call0(&JsValue::UNDEFINED);
        });
        req.set_onsuccess(Some(on_ok.unchecked_ref()));
        req.set_onerror(Some(on_err.unchecked_ref()));
    });
    match JsFuture::from(promise).await {
        Ok(_) => request.result().map_err(|_| classify(request)),
        Err(_) => Err(classify(request)),
    }
}

async fn open() -> Result<IdbDatabase, ModelStoreError> {
    let request = factory()?
        .open_with_u32(DATABASE, VERSION)
        .map_err(|_| ModelStoreError::Unavailable)?;
    let upgrade_target = request.clone();
    let on_upgrade = Closure::once_into_js(move || {
        if let Ok(db) = upgrade_target
            .result()
            .and_then(|r| r.dyn_into::<IdbDatabase>())
        {
            if !db.object_store_names().contains(STORE) {
                let _ = db.create_object_store(STORE);
            }
        }
    });
    request.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    let db = finished(&request).await?;
    db.dyn_into::<IdbDatabase>()
        .map_err(|_| ModelStoreError::Other("not a database".into()))
}

/// Every stored record: (model id, the text stored).
pub async fn read_all() -> Result<Vec<(String, String)>, ModelStoreError> {
    let db = open().await?;
    let tx = db
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readonly)
        .map_err(|_| ModelStoreError::Other("transaction".into()))?;
    let store = tx
        .object_store(STORE)
        .map_err(|_| ModelStoreError::Other("store".into()))?;
    let keys = finished(
        &store
            .get_all_keys()
            .map_err(|_| ModelStoreError::Other("keys".into()))?,
    )
    .await?;
    let values = finished(
        &store
            .get_all()
            .map_err(|_| ModelStoreError::Other("values".into()))?,
    )
    .await?;
    let (keys, values) = (Array::from(&keys), Array::from(&values));
    let mut out = Vec::new();
    for i in 0..keys.length() {
        let key = keys.get(i).as_string().unwrap_or_default();
        // A value that is not a string is kept as "" so the reader sets it aside.
        let value = values.get(i).as_string().unwrap_or_default();
        out.push((key, value));
    }
    db.close();
    Ok(out)
}

/// Writes `text` under `id`, then reads it back and compares.
pub async fn write(id: &str, text: &str) -> Result<(), ModelStoreError> {
    let db = open().await?;
    let tx = db
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
        .map_err(|_| ModelStoreError::Other("transaction".into()))?;
    let store = tx
        .object_store(STORE)
        .map_err(|_| ModelStoreError::Other("store".into()))?;
    let request = store
        .put_with_key(&JsValue::from_str(text), &JsValue::from_str(id))
        .map_err(|e| ModelStoreError::Other(format!("{e:?}")))?;
    finished(&request).await?;
    let back = finished(
        &store
            .get(&JsValue::from_str(id))
            .map_err(|_| ModelStoreError::Other("get".into()))?,
    )
    .await?;
    db.close();
    if back.as_string().as_deref() == Some(text) {
        Ok(())
    } else {
        Err(ModelStoreError::Mismatch)
    }
}
