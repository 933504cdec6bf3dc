//! Browser tests (wasm-bindgen-test in headless Chromium): the app mounts with the real
//! shipped data, the language switch re-renders it, and the number formatter agrees with
//! the browser's own `Intl.NumberFormat` for `vi-VN` and `en-US`.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Function, Intl, Object, Promise, Reflect};
use provincial_planner::core::text::numfmt::{format_number, Locale};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// Waits for the browser to run pending tasks (Leptos effects are scheduled, not inline).
async fn next_tick() {
    let promise = Promise::new(&mut |resolve, _| {
        let window = web_sys::window().expect("window");
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10)
            .expect("setTimeout");
    });
    JsFuture::from(promise).await.expect("tick");
}

fn intl_format(locale: Locale, max_fraction_digits: u8, value: f64) -> String {
    let options = Object::new();
    Reflect::set(
        &options,
        &"maximumFractionDigits".into(),
        &JsValue::from(max_fraction_digits),
    )
    .expect("set");
    Reflect::set(&options, &"minimumFractionDigits".into(), &JsValue::from(0)).expect("set");
    let locales = Array::of1(&JsValue::from_str(locale.tag()));
    let formatter = Intl::NumberFormat::new(&locales, &options);
    let format: Function = formatter.format();
    format
        .call1(&JsValue::NULL, &JsValue::from_f64(value))
        .expect("format")
        .as_string()
        .expect("string")
}

#[wasm_bindgen_test]
fn number_formatter_agrees_with_intl_number_format() {
    let values = [
        0.0,
        1.0,
        7.32,
        12.5,
        97.62,
        999.0,
        1000.0,
        4200.0,
        18938.78,
        20225.0,
        1234567.8,
        118000.0,
        -5.25,
        -1234.5,
        0.125,
        2.5,
        1.005,
        9.995,
        99.995,
        0.5,
        63.85,
        135323.9,
        1e15,
        123456789.123,
        24280.0,
        0.045,
        123.456,
    ];
    let mut mismatches = Vec::new();
    for locale in [Locale::Vi, Locale::En] {
        for max in [0u8, 1, 2, 3] {
            for v in values {
                let ours = format_number(v, locale, max);
                let intl = intl_format(locale, max, v);
                if ours != intl {
                    mismatches.push(format!(
                        "{} max={max} {v}: ours {ours:?} intl {intl:?}",
                        locale.tag()
                    ));
                }
            }
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

fn document() -> web_sys::Document {
    web_sys::window()
        .expect("window")
        .document()
        .expect("document")
}

fn text_of(selector: &str) -> String {
    document()
        .query_selector(selector)
        .expect("selector")
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

/// Waits (in 10 ms ticks, at most `ms` of wall-clock time) until `selector` matches; the
/// app first fetches the shipped data files and reads the person's own and the published
/// models, and this debug build parses them slowly on a busy machine, so the wait is long
/// but ends as soon as the rows are there.
async fn wait_for(selector: &str, ms: u32) {
    let until = js_sys::Date::now() + f64::from(ms);
    while js_sys::Date::now() < until {
        if document().query_selector(selector).ok().flatten().is_some() {
            return;
        }
        next_tick().await;
    }
}

/// What a failed start-up leaves to read: which data files the browser finished fetching
/// (name, HTTP status, milliseconds) and the end of the page's text, where the app's own
/// messages follow the test runner's output.
fn startup_diagnosis() -> String {
    let probe = Function::new_no_args(
        "const done = performance.getEntriesByType('resource')\
           .filter(e => !e.name.includes('/data/') || e.duration > 1000)\
           .map(e => e.name.split('/').slice(-2).join('/') + ' ' + e.responseStatus + ' at ' + Math.round(e.startTime) + ' ms for ' + Math.round(e.duration) + ' ms');\
         const data = performance.getEntriesByType('resource').filter(e => e.name.includes('/data/')).length;\
         const text = document.body ? document.body.innerText : '';\
         return 'url ' + location.search + '; ' + data + ' data files fetched; other fetches [' + done.join('; ') + '] page end: ' + text.slice(-600);",
    );
    probe
        .call0(&JsValue::NULL)
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn app_mounts_with_the_shipped_data_and_switches_language() {
    // The app opens on the model whose term holds today's date; this test reads Kon Tum's
    // figures, so its link names the model, as a person's bookmark would.
    web_sys::window()
        .expect("window")
        .history()
        .expect("history")
        .replace_state_with_url(&JsValue::NULL, "", Some("?mo=kon-tum-2021-2025"))
        .expect("url");
    leptos::mount::mount_to_body(provincial_planner::components::shell::app::App);
    let started = js_sys::Date::now();
    wait_for("[data-testid=indicator-row]", 90_000).await;
    let took = js_sys::Date::now() - started;
    let count = || {
        document()
            .query_selector_all("[data-testid=indicator-row]")
            .expect("rows")
            .length()
    };
    // First the plan's main targets, then every indicator one click away.
    let main_rows = count();
    assert!(
        (20..=40).contains(&main_rows),
        "{main_rows} main-target rows after {took} ms; {}",
        startup_diagnosis()
    );
    document()
        .query_selector("[data-testid=overview-filter][data-filter=all]")
        .expect("query")
        .expect("the 'all indicators' filter")
        .dyn_into::<web_sys::HtmlElement>()
        .expect("element")
        .click();
    let until = js_sys::Date::now() + 20_000.0;
    while count() <= main_rows && js_sys::Date::now() < until {
        next_tick().await;
    }
    let rows = count();
    assert!(
        rows > 300,
        "only {rows} indicator rows (the first ones after {took} ms); {}",
        startup_diagnosis()
    );

    let grdp = text_of("[data-indicator-id=grdp_per_capita]");
    assert!(
        grdp.contains("58,42 triệu đồng"),
        "GRDP per capita row: {grdp}"
    );

    let switch = document()
        .query_selector("[data-testid=lang-switch]")
        .expect("query")
        .expect("language switch")
        .dyn_into::<web_sys::HtmlElement>()
        .expect("element");
    switch.click();
    next_tick().await;

    let grdp = text_of("[data-indicator-id=grdp_per_capita]");
    assert!(grdp.contains("58.42 million VND"), "after switch: {grdp}");
    let lang = document()
        .document_element()
        .expect("html")
        .get_attribute("lang");
    assert_eq!(lang.as_deref(), Some("en"));
}

// ---- Drafts in real localStorage (reliability cases A1, A2, A5, A8, A9, A17, A19, B8, and
// a record cleared by another page) ----

mod drafts_storage {
    use super::*;
    use provincial_planner::core::draft::record::{draft_from_json, draft_record, Draft, ModelRef};
    use provincial_planner::core::draft::session::{Protection, Store, StoreError};
    use provincial_planner::core::draft::storage_policy::{draft_key, WriteFailure, DRAFT_PREFIX};
    use provincial_planner::platform::storage::{request_persistence, LocalStore};

    fn raw() -> web_sys::Storage {
        web_sys::window()
            .expect("window")
            .local_storage()
            .expect("getter")
            .expect("storage")
    }

    fn clear_ours() {
        let storage = raw();
        let keys: Vec<String> = (0..storage.length().expect("length"))
            .filter_map(|i| storage.key(i).expect("key"))
            .filter(|k| k.starts_with("provincial-planner/") || k.starts_with("padding-"))
            .collect();
        for k in keys {
            storage.remove_item(&k).expect("remove");
        }
    }

    fn draft(id: &str, note: &str) -> Draft {
        Draft {
            id: id.into(),
            name: "Kịch bản thử".into(),
            note: note.into(),
            model: ModelRef {
                id: "kon-tum-2021-2025".into(),
                ..ModelRef::default()
            },
            revision: 1,
            ..Draft::default()
        }
    }

    /// Counts calls to `removeItem` and `clear` from now on (A19).
    fn count_removals() {
        let script = "window.__removals = 0;\
            const r = Storage.prototype.removeItem, c = Storage.prototype.clear;\
            if (!window.__wrapped) { window.__wrapped = true;\
            Storage.prototype.removeItem = function (k) { if (!String(k).startsWith('provincial-planner/probe')) window.__removals++; return r.call(this, k); };\
            Storage.prototype.clear = function () { window.__removals++; return c.call(this); }; }";
        Function::new_no_args(script)
            .call0(&JsValue::NULL)
            .expect("wrap");
    }

    fn removals() -> f64 {
        Reflect::get(&web_sys::window().expect("window"), &"__removals".into())
            .expect("get")
            .as_f64()
            .unwrap_or(-1.0)
    }

    #[wasm_bindgen_test]
    fn a8_absent_and_present_keys_read_differently() {
        clear_ours();
        let store = LocalStore::open().expect("storage available");
        assert_eq!(store.read(&draft_key("none")), Ok(None));
        raw()
            .set_item(&draft_key("broken"), "{\"app\":")
            .expect("seed");
        let text = store
            .read(&draft_key("broken"))
            .expect("read")
            .expect("present");
        assert!(draft_from_json(&text).is_err());
        clear_ours();
    }

    #[wasm_bindgen_test]
    fn a1_a9_a19_full_storage_refuses_the_write_and_keeps_the_previous_version() {
        clear_ours();
        let store = LocalStore::open().expect("storage available");
        let key = draft_key("a1");
        let first = draft_record(&draft("a1", "trước")).expect("record");
        store.write(&key, &first.to_string()).expect("first save");
        // Fill the origin to its quota with padding keys.
        let storage = raw();
        let chunk = "x".repeat(256 * 1024);
        let mut i = 0;
        while storage.set_item(&format!("padding-{i}"), &chunk).is_ok() {
            i += 1;
        }
        let small = "x".repeat(512);
        while storage.set_item(&format!("padding-{i}"), &small).is_ok() {
            i += 1;
        }
        assert!(i > 4, "storage filled after {i} keys");
        count_removals();
        let bigger = draft_record(&draft("a1", &"Ghi chú ".repeat(400))).expect("record");
        let result = store.write(&key, &bigger.to_string());
        assert_eq!(result, Err(StoreError::Write(WriteFailure::Quota)));
        // The previous version is still there, whole (A1); no key is left half-written
        // (A9: one record per draft, no separate index); nothing was removed (A19).
        let back = store.read(&key).expect("read").expect("present");
        assert_eq!(back, first.to_string());
        assert_eq!(store.keys_with_prefix(DRAFT_PREFIX), vec![key.clone()]);
        assert_eq!(removals(), 0.0);
        clear_ours();
        store
            .write(&key, &bigger.to_string())
            .expect("saves once space is free");
        clear_ours();
    }

    #[wasm_bindgen_test]
    fn cleared_by_another_page_the_open_draft_is_noticed_and_written_back() {
        use provincial_planner::core::draft::session::{
            save, scan, sync_decision, OpenDraft, SaveOutcome, SyncDecision,
        };
        clear_ours();
        let store = LocalStore::open().expect("storage available");
        let first = Draft {
            revision: 0,
            ..draft("gone", "trước")
        };
        let SaveOutcome::Saved(saved) = save(Some(&store), first) else {
            panic!("first save refused");
        };
        let open = OpenDraft::after_save(saved, true);
        count_removals();
        // What another page's script does.
        Function::new_no_args("localStorage.clear()")
            .call0(&JsValue::NULL)
            .expect("clear");
        let list = scan(&store).drafts;
        assert!(list.is_empty());
        assert_eq!(
            sync_decision(Some(&store), Some(&open), false, &list),
            SyncDecision::Vanished
        );
        let back = save(Some(&store), open.saved.clone());
        assert!(matches!(&back, SaveOutcome::Saved(d) if d.revision == 2));
        let listed = scan(&store).drafts;
        assert_eq!(listed.len(), 1);
        assert_eq!(listed.first().map(|d| d.note.as_str()), Some("trước"));
        // The only clear() was the other page's; the app removed nothing.
        assert_eq!(removals(), 1.0);
        clear_ours();
    }

    #[wasm_bindgen_test]
    async fn a17_no_storage_manager_reads_as_not_protected() {
        let navigator = web_sys::window().expect("window").navigator();
        let descriptor = Object::new();
        Reflect::set(&descriptor, &"value".into(), &JsValue::UNDEFINED).expect("set");
        Reflect::set(&descriptor, &"configurable".into(), &JsValue::TRUE).expect("set");
        Object::define_property(&navigator, &"storage".into(), &descriptor);
        let answer = std::rc::Rc::new(std::cell::Cell::new(Protection::Unknown));
        let seen = answer.clone();
        request_persistence(move |p| seen.set(p));
        assert_eq!(answer.get(), Protection::NotProtected);
        Reflect::delete_property(&navigator, &"storage".into()).expect("restore");
    }
}

#[wasm_bindgen_test]
fn a12_capacity_probe_measures_and_leaves_nothing_behind() {
    use provincial_planner::core::draft::session::Store;
    use provincial_planner::core::draft::storage_policy::PROBE_KEY;
    use provincial_planner::platform::storage::LocalStore;
    let store = LocalStore::open().expect("storage available");
    let free = store.probe_free_units();
    // Chromium allows about 10 MB per origin; the probe is within 16 Ki units of it.
    assert!(free > 1024 * 1024, "free {free}");
    assert_eq!(store.read(PROBE_KEY), Ok(None));
}

/// Own models in real IndexedDB: write, read back, revisions with the stale-tab rule,
/// records that are never overwritten, a connection the browser closed (case A20) and
/// the message other tabs get.
mod model_store {
    use super::*;
    use provincial_planner::core::model::store_policy::{read_saved_message, CHANNEL};
    use provincial_planner::platform::model_store::{
        close_connection_like_the_browser, read_one, read_records, write_revision, ModelStoreError,
    };

    const FILE: &str = include_str!("fixtures/model-file-v1.json");

    /// A key no earlier run used (the database persists within the test profile).
    fn fresh_key(name: &str) -> String {
        format!("web-test-{name}-{}", js_sys::Date::now())
    }

    #[wasm_bindgen_test]
    async fn a10_written_models_read_back_with_their_revision() {
        let key = fresh_key("rev");
        let other = FILE.replacen("\"2026-12-01\"", "\"2026-12-02\"", 1);
        assert_ne!(other, FILE);
        assert_eq!(write_revision(&key, FILE, 0, 1_000).await, Ok(1));
        let back = read_one(&key).await.expect("reads").expect("present");
        assert_eq!(
            (back.revision, back.text.as_str(), back.saved_ms),
            (1, FILE, Some(1_000))
        );
        assert_eq!(write_revision(&key, &other, 1, 2_000).await, Ok(2));
        let back = read_one(&key).await.expect("reads").expect("present");
        assert_eq!(back.text, other);
        // A tab that still has revision 1 is refused, and the record is unchanged.
        assert_eq!(
            write_revision(&key, FILE, 1, 3_000).await,
            Err(ModelStoreError::Stale { stored: 2 })
        );
        let back = read_one(&key).await.expect("reads").expect("present");
        assert_eq!((back.revision, back.saved_ms), (2, Some(2_000)));
        // A new model under a taken id is refused too.
        assert_eq!(
            write_revision(&key, FILE, 0, 3_000).await,
            Err(ModelStoreError::Stale { stored: 2 })
        );
        let all = read_records().await.expect("reads all");
        assert!(all.iter().any(|(k, r)| *k == key && r.revision == 2));
    }

    #[wasm_bindgen_test]
    async fn c2_an_unreadable_record_is_never_overwritten() {
        let key = fresh_key("broken");
        assert_eq!(write_revision(&key, "{broken", 0, 1).await, Ok(1));
        assert_eq!(
            write_revision(&key, FILE, 7, 2).await,
            Err(ModelStoreError::Protected)
        );
        let back = read_one(&key).await.expect("reads").expect("present");
        assert_eq!((back.revision, back.text.as_str()), (1, "{broken"));
    }

    #[wasm_bindgen_test]
    async fn a20_a_connection_the_browser_closed_is_reopened() {
        let key = fresh_key("closed");
        assert_eq!(write_revision(&key, FILE, 0, 1).await, Ok(1));
        close_connection_like_the_browser();
        assert_eq!(write_revision(&key, FILE, 1, 2).await, Ok(2));
        close_connection_like_the_browser();
        let back = read_one(&key)
            .await
            .expect("reads after a closed connection");
        assert_eq!(back.map(|b| b.revision), Some(2));
    }

    #[wasm_bindgen_test]
    async fn b3_other_tabs_are_told_of_a_write() {
        let key = fresh_key("told");
        let channel = web_sys::BroadcastChannel::new(CHANNEL).expect("channel");
        let listener = channel.clone();
        let heard = Promise::new(&mut |resolve, _| {
            listener.set_onmessage(Some(&resolve));
        });
        assert_eq!(write_revision(&key, FILE, 0, 1).await, Ok(1));
        let event: web_sys::MessageEvent = JsFuture::from(heard)
            .await
            .expect("a message")
            .dyn_into()
            .expect("a message event");
        let saved = event
            .data()
            .as_string()
            .and_then(|t| read_saved_message(&t))
            .expect("our message");
        assert_eq!((saved.id.as_str(), saved.revision), (key.as_str(), 1));
        channel.close();
    }
}

/// In the browser the app's NFC is the browser's own (platform::text): a decomposed
/// Vietnamese name is read composed, as on the host.
#[wasm_bindgen_test]
fn draft_names_are_composed_by_the_browser_normaliser() {
    use provincial_planner::core::text::unicode::{nfc, same_text};
    provincial_planner::platform::text::install();
    assert_eq!(nfc("Ke\u{0302}\u{0301} hoa\u{0323}ch"), "Kế hoạch");
    assert_eq!(nfc("e\u{0323}\u{0302}"), "ệ");
    assert!(same_text("quy\u{0301} IV", "quý IV"));
    assert!(!same_text("ệ", "ê"));
}
