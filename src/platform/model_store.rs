//! The person's own models in IndexedDB (database `provincial-planner`, object store
//! `models`, one record per model keyed by its id). IndexedDB, not localStorage:
//! `scripts/bench.sh` measures a model of 500 indicators with ten years of figures at
//! 2.7 million UTF-16 units and one of 2,000 at 11 million, while Chromium gives
//! localStorage about 5 million units per origin for everything (README "Own models:
//! where they are kept").
//!
//! A record is `{format, revision, saved_ms, exported_ms, text}` with `text` the model
//! file's compact JSON (a bare string, written before revisions, reads as revision 0).
//! Thin like `storage`: it opens, reads, writes and reads back; what a record means and
//! whether a tab may write it are decided in `core::model::store_policy` (the drafts'
//! guarantees: revisions with the stale-tab rule, set-aside and newer records never
//! overwritten, quota, export reminder) and `core::model::stored`.
//!
//! - A write reads the record and writes the next revision in one read-write
//!   transaction (IndexedDB runs those one after another across tabs), waits for the
//!   transaction to commit (a full store aborts it there, leaving the previous record),
//!   then reads back in a new transaction, and posts on the broadcast channel
//!   `store_policy::CHANNEL` (IndexedDB fires no `storage` event in other tabs).
//! - The connection is kept between requests; one the browser closed (a closed handle,
//!   WebKit's "connection lost") is dropped and a new one opened once, never retried on
//!   the dead handle (reliability case A20). On `versionchange` it is closed so a newer
//!   app in another tab can upgrade.
//! - A failure is a typed [`ModelStoreError`]; no error path deletes a record.
//!   `window.indexedDB` is reached through `Reflect` so a throwing getter (a sandboxed
//!   frame) is "unavailable", not a throw out of wasm; an `open` that fails (Firefox's
//!   private mode: `InvalidStateError`) is "unavailable" too.

use std::cell::RefCell;
use std::collections::BTreeMap;

use leptos::wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::js_sys::{Array, Object, Promise, Reflect};
use web_sys::{
    BroadcastChannel, DomException, IdbDatabase, IdbFactory, IdbObjectStore, IdbRequest,
    IdbTransaction, IdbTransactionMode, MessageEvent,
};

use crate::core::draft::record::SaveDecision;
use crate::core::model::catalog::UNITS_JSON;
use crate::core::model::store_policy::{
    classify_failure, read_record, read_saved_message, saved_message, write_decision, ModelRecord,
    RawRecord, RecordState, SavedElsewhere, StoreFailure, CHANNEL, RECORD_FORMAT,
};

const DATABASE: &str = "provincial-planner";
const STORE: &str = "models";
const VERSION: u32 = 1;

/// Why the model store could not do what was asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ModelStoreError {
    /// No IndexedDB in this browser or frame (or its getter threw, or `open` failed).
    Unavailable,
    /// The browser refused to store more (`QuotaExceededError`); the previous record
    /// is unchanged.
    Quota,
    /// What was read back is not what was written.
    Mismatch,
    /// Another tab saved a newer revision of this model: nothing was written.
    Stale {
        /// The revision in the store.
        stored: u64,
    },
    /// The record under this id cannot be read by this app (set aside, or from a newer
    /// app): it is never overwritten.
    Protected,
    /// Any other failure, with the DOM exception's name.
    Other(String),
}

impl std::fmt::Display for ModelStoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ModelStoreError::Unavailable => f.write_str("indexeddb unavailable"),
            ModelStoreError::Quota => f.write_str("indexeddb quota exceeded"),
            ModelStoreError::Mismatch => f.write_str("read-back mismatch"),
            ModelStoreError::Stale { stored } => {
                write!(f, "another tab saved revision {stored}")
            }
            ModelStoreError::Protected => f.write_str("stored record is protected"),
            ModelStoreError::Other(name) => write!(f, "indexeddb error: {name}"),
        }
    }
}

/// A failure inside one attempt: the connection was lost (try once more on a new one),
/// or an error to report.
enum Failed {
    Lost,
    Error(ModelStoreError),
}

impl From<ModelStoreError> for Failed {
    fn from(e: ModelStoreError) -> Self {
        Failed::Error(e)
    }
}

thread_local! {
    /// The open connection, kept between requests.
    static CONNECTION: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
    /// Each model's record as this tab last read or wrote it, without its text (the
    /// revision is the stale-tab rule's "n"; the times feed the export reminder).
    static KNOWN: RefCell<BTreeMap<String, ModelRecord>> = const { RefCell::new(BTreeMap::new()) };
}

fn factory() -> Result<IdbFactory, ModelStoreError> {
    let window = web_sys::window().ok_or(ModelStoreError::Unavailable)?;
    let value = Reflect::get(&window, &JsValue::from_str("indexedDB"))
        .map_err(|_| ModelStoreError::Unavailable)?;
    value
        .dyn_into::<IdbFactory>()
        .map_err(|_| ModelStoreError::Unavailable)
}

fn failed_from(exception: Option<DomException>) -> Failed {
    match exception {
        Some(e) => match classify_failure(&e.name(), Some(e.code())) {
            StoreFailure::Quota => Failed::Error(ModelStoreError::Quota),
            StoreFailure::ConnectionLost => Failed::Lost,
            StoreFailure::Other => Failed::Error(ModelStoreError::Other(e.name())),
        },
        None => Failed::Error(ModelStoreError::Other("unknown".into())),
    }
}

/// A thrown value (from a synchronous call such as `transaction()` on a closed
/// connection), classified.
fn thrown(value: &JsValue) -> Failed {
    failed_from(value.dyn_ref::<DomException>().cloned())
}

/// A promise settled by two events of `target` (success/error, complete/abort).
fn settled(set: impl Fn(&JsValue, &JsValue)) -> JsFuture {
    let promise = Promise::new(&mut |resolve, reject| {
        let ok = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        });
        let err = Closure::once_into_js(move || {
            let _ = reject.call0(&JsValue::UNDEFINED);
        });
        set(&ok, &err);
    });
    JsFuture::from(promise)
}

/// Waits for a request and returns its result.
async fn finished(request: &IdbRequest) -> Result<JsValue, Failed> {
    let req = request.clone();
    let done = settled(|ok, err| {
        req.set_onsuccess(Some(ok.unchecked_ref()));
        req.set_onerror(Some(err.unchecked_ref()));
    });
    match done.await {
        Ok(_) => request
            .result()
            .map_err(|_| failed_from(request.error().ok().flatten())),
        Err(_) => Err(failed_from(request.error().ok().flatten())),
    }
}

/// The promise of a transaction's commit; made before its requests are awaited.
fn committed(tx: &IdbTransaction) -> JsFuture {
    let t = tx.clone();
    settled(|ok, err| {
        t.set_oncomplete(Some(ok.unchecked_ref()));
        t.set_onabort(Some(err.unchecked_ref()));
    })
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
    // Any failure to open (private mode, a blocked origin) means: no own models here.
    let db = finished(&request)
        .await
        .map_err(|_| ModelStoreError::Unavailable)?;
    let db = db
        .dyn_into::<IdbDatabase>()
        .map_err(|_| ModelStoreError::Unavailable)?;
    // The browser closed it, or a newer app wants to upgrade: let go of it.
    let on_close = Closure::<dyn Fn()>::new(forget_connection);
    db.set_onclose(Some(on_close.as_ref().unchecked_ref()));
    on_close.forget();
    let on_version = Closure::<dyn Fn()>::new(close_and_forget);
    db.set_onversionchange(Some(on_version.as_ref().unchecked_ref()));
    on_version.forget();
    Ok(db)
}

fn forget_connection() {
    CONNECTION.with(|c| c.borrow_mut().take());
}

fn close_and_forget() {
    if let Some(db) = CONNECTION.with(|c| c.borrow_mut().take()) {
        db.close();
    }
}

/// Closes the kept connection the way the browser does when it drops one, without
/// telling this module (for tests of reliability case A20): the next request must open
/// a new connection rather than use the dead handle.
pub fn close_connection_like_the_browser() {
    CONNECTION.with(|c| {
        if let Some(db) = c.borrow().as_ref() {
            db.close();
        }
    });
}

async fn connection() -> Result<IdbDatabase, ModelStoreError> {
    if let Some(db) = CONNECTION.with(|c| c.borrow().clone()) {
        return Ok(db);
    }
    let db = open().await?;
    CONNECTION.with(|c| *c.borrow_mut() = Some(db.clone()));
    Ok(db)
}

/// Runs `attempt` on the kept connection; if that connection was lost, drops it and
/// runs it once more on a new one.
async fn with_connection<T>(
    attempt: impl AsyncFn(&IdbDatabase) -> Result<T, Failed>,
) -> Result<T, ModelStoreError> {
    let db = connection().await?;
    match attempt(&db).await {
        Ok(v) => Ok(v),
        Err(Failed::Error(e)) => Err(e),
        Err(Failed::Lost) => {
            forget_connection();
            let db = connection().await?;
            match attempt(&db).await {
                Ok(v) => Ok(v),
                Err(Failed::Error(e)) => Err(e),
                Err(Failed::Lost) => Err(ModelStoreError::Other("connection lost".into())),
            }
        }
    }
}

fn store_of(
    db: &IdbDatabase,
    mode: IdbTransactionMode,
) -> Result<(IdbTransaction, IdbObjectStore), Failed> {
    let tx = db
        .transaction_with_str_and_mode(STORE, mode)
        .map_err(|e| thrown(&e))?;
    let store = tx.object_store(STORE).map_err(|e| thrown(&e))?;
    Ok((tx, store))
}

fn field(value: &JsValue, name: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// A stored JavaScript value as core reads it (`None`: no record).
fn raw_record(value: &JsValue) -> Option<RawRecord> {
    if value.is_undefined() {
        return None;
    }
    if let Some(text) = value.as_string() {
        return Some(RawRecord::Text(text));
    }
    if !value.is_object() {
        return Some(RawRecord::Other);
    }
    Some(RawRecord::Object {
        format: field(value, "format").as_f64(),
        revision: field(value, "revision").as_f64(),
        saved_ms: field(value, "saved_ms").as_f64(),
        exported_ms: field(value, "exported_ms").as_f64(),
        text: field(value, "text").as_string(),
    })
}

/// Integers here are revisions and times in ms, far below 2^53: exact as numbers.
#[allow(clippy::cast_precision_loss)]
fn number(n: u64) -> JsValue {
    JsValue::from_f64(n as f64)
}

#[allow(clippy::cast_precision_loss)]
fn number_i(n: i64) -> JsValue {
    JsValue::from_f64(n as f64)
}

fn record_value(record: &ModelRecord) -> JsValue {
    let object = Object::new();
    let set = |k: &str, v: JsValue| {
        let _ = Reflect::set(&object, &JsValue::from_str(k), &v);
    };
    set("format", number(RECORD_FORMAT));
    set("revision", number(record.revision));
    if let Some(ms) = record.saved_ms {
        set("saved_ms", number_i(ms));
    }
    if let Some(ms) = record.exported_ms {
        set("exported_ms", number_i(ms));
    }
    set("text", JsValue::from_str(&record.text));
    object.into()
}

fn remember(id: &str, record: &ModelRecord) {
    let head = ModelRecord {
        text: String::new(),
        ..record.clone()
    };
    KNOWN.with(|k| k.borrow_mut().insert(id.to_string(), head));
}

/// The revision of model `id` this tab last read or wrote.
pub fn known_revision(id: &str) -> Option<u64> {
    KNOWN.with(|k| k.borrow().get(id).map(|r| r.revision))
}

/// The records this tab last read or wrote, without their texts.
pub fn known_records() -> Vec<ModelRecord> {
    KNOWN.with(|k| k.borrow().values().cloned().collect())
}

/// Every stored record, read (key order), remembering each revision for later writes.
pub async fn read_records() -> Result<Vec<(String, ModelRecord)>, ModelStoreError> {
    let records = with_connection(async |db: &IdbDatabase| {
        let (_tx, store) = store_of(db, IdbTransactionMode::Readonly)?;
        let keys = finished(&store.get_all_keys().map_err(|e| thrown(&e))?).await?;
        let values = finished(&store.get_all().map_err(|e| thrown(&e))?).await?;
        let (keys, values) = (Array::from(&keys), Array::from(&values));
        let mut out = Vec::new();
        for i in 0..keys.length() {
            let key = keys.get(i).as_string().unwrap_or_default();
            let raw = raw_record(&values.get(i)).unwrap_or(RawRecord::Other);
            out.push((key, read_record(raw)));
        }
        Ok(out)
    })
    .await?;
    for (key, record) in &records {
        remember(key, record);
    }
    Ok(records)
}

/// Every stored record: (model id, the model file's text). A record that is not one
/// gives "" so the reader sets it aside.
pub async fn read_all() -> Result<Vec<(String, String)>, ModelStoreError> {
    Ok(read_records()
        .await?
        .into_iter()
        .map(|(key, r)| (key, r.text))
        .collect())
}

/// Reads one record (`None`: none under `id`).
pub async fn read_one(id: &str) -> Result<Option<ModelRecord>, ModelStoreError> {
    with_connection(async |db: &IdbDatabase| {
        let (_tx, store) = store_of(db, IdbTransactionMode::Readonly)?;
        let value = finished(&store.get(&JsValue::from_str(id)).map_err(|e| thrown(&e))?).await?;
        Ok(raw_record(&value).map(read_record))
    })
    .await
}

/// Writes `text` as model `id` over `known_revision` (the revision this tab has; 0 for
/// a new model) if the store still holds that or less, then reads it back and tells
/// other tabs. Returns the revision written.
pub async fn write_revision(
    id: &str,
    text: &str,
    known_revision: u64,
    now_ms: i64,
) -> Result<u64, ModelStoreError> {
    let written = with_connection(async |db: &IdbDatabase| {
        let (tx, store) = store_of(db, IdbTransactionMode::Readwrite)?;
        let commit = committed(&tx);
        let key = JsValue::from_str(id);
        let current = finished(&store.get(&key).map_err(|e| thrown(&e))?).await?;
        let current = raw_record(&current).map(read_record);
        let revision = match write_decision(current.as_ref(), known_revision, UNITS_JSON) {
            SaveDecision::Write(r) => r,
            SaveDecision::Stale { stored } => {
                let _ = tx.abort();
                return Err(ModelStoreError::Stale { stored }.into());
            }
            SaveDecision::Protected => {
                let _ = tx.abort();
                return Err(ModelStoreError::Protected.into());
            }
        };
        let record = ModelRecord {
            revision,
            saved_ms: Some(now_ms),
            exported_ms: current.and_then(|c| c.exported_ms),
            text: text.to_string(),
            state: RecordState::Current,
        };
        let put = store
            .put_with_key(&record_value(&record), &key)
            .map_err(|e| thrown(&e))?;
        finished(&put).await?;
        // A full store aborts the transaction at commit: the previous record stays.
        if commit.await.is_err() {
            return Err(failed_from(tx.error()));
        }
        Ok(record)
    })
    .await?;
    let revision = written.revision;
    let back = read_one(id).await?;
    if back.is_none_or(|b| b.revision != revision || b.text != text) {
        return Err(ModelStoreError::Mismatch);
    }
    remember(id, &written);
    tell_other_tabs(id, revision);
    Ok(revision)
}

/// Writes `text` under `id` over the revision this tab knows (0 if it has none), then
/// reads it back and tells other tabs.
pub async fn write(id: &str, text: &str) -> Result<(), ModelStoreError> {
    let known = known_revision(id).unwrap_or(0);
    write_revision(id, text, known, crate::platform::clock::now_ms())
        .await
        .map(|_| ())
}

/// Notes that model `id` was downloaded as a file at `now_ms` (for the export
/// reminder), if the store still holds the revision this tab has.
pub async fn mark_exported(id: &str, now_ms: i64) -> Result<(), ModelStoreError> {
    let Some(known) = known_revision(id) else {
        return Ok(());
    };
    with_connection(async |db: &IdbDatabase| {
        let (tx, store) = store_of(db, IdbTransactionMode::Readwrite)?;
        let commit = committed(&tx);
        let key = JsValue::from_str(id);
        let current = finished(&store.get(&key).map_err(|e| thrown(&e))?).await?;
        let Some(mut record) = raw_record(&current).map(read_record) else {
            return Ok(());
        };
        if record.revision != known || record.state != RecordState::Current {
            let _ = tx.abort();
            return Ok(());
        }
        record.exported_ms = Some(now_ms);
        let put = store
            .put_with_key(&record_value(&record), &key)
            .map_err(|e| thrown(&e))?;
        finished(&put).await?;
        if commit.await.is_err() {
            return Err(failed_from(tx.error()));
        }
        remember(id, &record);
        Ok(())
    })
    .await
}

fn tell_other_tabs(id: &str, revision: u64) {
    // A browser without BroadcastChannel: other tabs find out when they reload.
    if let Ok(channel) = BroadcastChannel::new(CHANNEL) {
        let _ = channel.post_message(&JsValue::from_str(&saved_message(id, revision)));
        channel.close();
    }
}

/// Calls `on_saved` for each model another tab saves, for as long as the page lives.
pub fn listen_to_other_tabs(on_saved: impl Fn(SavedElsewhere) + 'static) {
    let Ok(channel) = BroadcastChannel::new(CHANNEL) else {
        return;
    };
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        if let Some(saved) = event
            .data()
            .as_string()
            .and_then(|t| read_saved_message(&t))
        {
            on_saved(saved);
        }
    });
    channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Kept open for the page's life.
    std::mem::forget(channel);
}
