//! Service-worker shell: registers `sw.js` (written for each build by
//! `scripts/postbuild.mjs` from `assets/sw.js`), notices when a new version is installed
//! and waiting, and applies it only when the person accepts the update banner
//! ([`accept_update`], the one place the app reloads itself).
//!
//! Nothing here is fatal: a browser without service workers (an insecure origin, a
//! sandboxed frame), a failed registration or a failed install leaves the app working
//! from the network, with a warning in the console. No storage and no DOM work here.

use std::cell::{Cell, RefCell};
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys::{Object, Promise, Reflect};
use web_sys::{
    ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};

/// How often an open page asks the web server whether a new version was deployed (the
/// browser also checks on every visit).
const CHECK_EVERY: Duration = Duration::from_secs(60 * 60);

thread_local! {
    static STARTED: Cell<bool> = const { Cell::new(false) };
    static ACCEPTED: Cell<bool> = const { Cell::new(false) };
    static RELOADING: Cell<bool> = const { Cell::new(false) };
    static REGISTRATION: RefCell<Option<ServiceWorkerRegistration>> = const { RefCell::new(None) };
    static WATCHED: RefCell<Option<ServiceWorker>> = const { RefCell::new(None) };
}

fn warn(text: &str, detail: &JsValue) {
    web_sys::console::warn_2(&JsValue::from_str(text), detail);
}

/// The page's service-worker container, if the browser offers one here.
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = window().navigator();
    // Reading `navigator.serviceWorker` throws in some contexts (opaque origins); web-sys's
    // getter would let that exception run through the wasm stack.
    let value = Reflect::get(&navigator, &JsValue::from_str("serviceWorker")).ok()?;
    value.dyn_into::<ServiceWorkerContainer>().ok()
}

fn has_controller() -> bool {
    container().and_then(|c| c.controller()).is_some()
}

/// Attaches `handler` to a promise's rejection so it never surfaces as an uncaught error.
fn on_rejected(promise: &Promise, text: &'static str) {
    let handler = Closure::<dyn FnMut(JsValue)>::new(move |err: JsValue| warn(text, &err));
    let _ = promise.catch(&handler);
    handler.forget();
}

fn reload_once() {
    if !RELOADING.with(|r| r.replace(true)) {
        // Failing to reload leaves the old version running, which still works.
        let _ = window().location().reload();
    }
}

/// Starts the service worker and the update watch; `update_waiting` turns true when a
/// new version is installed and waiting for the person's word. Runs once per page.
pub fn start(update_waiting: RwSignal<bool>) {
    if STARTED.with(|s| s.replace(true)) {
        return;
    }
    let Some(sw) = container() else {
        warn(
            "planner: no service worker here; the app works online only",
            &JsValue::UNDEFINED,
        );
        return;
    };

    // After the person accepts, the new worker takes control; reload then, once. A change
    // of controller without acceptance (the first install, or another tab accepting) never
    // reloads this page: it may hold unsaved work.
    let on_controller_change = Closure::<dyn FnMut()>::new(move || {
        if ACCEPTED.with(Cell::get) {
            reload_once();
        }
    });
    let _ = sw.add_event_listener_with_callback(
        "controllerchange",
        on_controller_change.as_ref().unchecked_ref(),
    );
    on_controller_change.forget();

    let on_registered = Closure::<dyn FnMut(JsValue)>::new(move |value: JsValue| {
        let Ok(registration) = value.dyn_into::<ServiceWorkerRegistration>() else {
            return;
        };
        watch(&registration, update_waiting);
        REGISTRATION.with(|r| *r.borrow_mut() = Some(registration));
    });
    // The script URL is relative to the page, so the scope is the app's own folder and
    // the app works from any sub-path.
    let registered = sw.register("./sw.js").then(&on_registered);
    on_registered.forget();
    on_rejected(
        &registered,
        "planner: service worker not registered; the app works online only",
    );

    let _ = set_interval_with_handle(check_for_update, CHECK_EVERY);
    let on_online = Closure::<dyn FnMut()>::new(check_for_update);
    let _ = window().add_event_listener_with_callback("online", on_online.as_ref().unchecked_ref());
    on_online.forget();
}

/// Follows the registration: a version already waiting, and each new one installing.
fn watch(registration: &ServiceWorkerRegistration, update_waiting: RwSignal<bool>) {
    if registration.waiting().is_some() && has_controller() {
        update_waiting.set(true);
    }
    if let Some(installing) = registration.installing() {
        watch_installing(installing, update_waiting);
    }
    let found_in = registration.clone();
    let on_update_found = Closure::<dyn FnMut()>::new(move || {
        if let Some(installing) = found_in.installing() {
            watch_installing(installing, update_waiting);
        }
    });
    let _ = registration
        .add_event_listener_with_callback("updatefound", on_update_found.as_ref().unchecked_ref());
    on_update_found.forget();
}

fn watch_installing(worker: ServiceWorker, update_waiting: RwSignal<bool>) {
    let seen = WATCHED.with(|w| w.borrow().as_ref() == Some(&worker));
    if seen {
        return;
    }
    WATCHED.with(|w| *w.borrow_mut() = Some(worker.clone()));
    let this = worker.clone();
    let on_state = Closure::<dyn FnMut()>::new(move || {
        match this.state() {
        // With no controller this is the first install: it activates by itself and
        // there is nothing to announce.
        ServiceWorkerState::Installed if has_controller() => update_waiting.set(true),
        ServiceWorkerState::Redundant => warn(
            "planner: a new version of the service worker was not installed (see its console); this version keeps working",
            &JsValue::from_str(&this.script_url()),
        ),
        _ => {}
    }
    });
    let _ =
        worker.add_event_listener_with_callback("statechange", on_state.as_ref().unchecked_ref());
    on_state.forget();
}

/// Asks the web server whether a new version was deployed (hourly, and when the network
/// comes back). A failure (offline) is only logged.
pub fn check_for_update() {
    let registration = REGISTRATION.with(|r| r.borrow().clone());
    if let Some(Ok(promise)) = registration.map(|r| r.update()) {
        on_rejected(&promise, "planner: could not check for a new version");
    }
}

/// Takes the new version, on the person's word (the update banner's button). This is THE
/// one place the app reloads itself, and it reloads exactly once.
///
/// Steps: tell the waiting worker to take over (`SKIP_WAITING`: it calls `skipWaiting()`,
/// then `clients.claim()` on activation); when it controls this page
/// (`controllerchange`), reload; the reloaded page and every file it loads come from the
/// new build. If another tab already accepted, the new version is active and the page
/// reloads at once.
///
/// Drafts: the banner writes unsaved drafts (`DraftSession::flush_for_reload`) before
/// calling this, and asks the person when they cannot be written.
pub fn accept_update() {
    ACCEPTED.with(|a| a.set(true));
    let waiting = REGISTRATION.with(|r| r.borrow().as_ref().and_then(|reg| reg.waiting()));
    match waiting {
        Some(worker) => {
            let message = Object::new();
            let _ = Reflect::set(&message, &"type".into(), &"SKIP_WAITING".into());
            if let Err(err) = worker.post_message(&message) {
                warn("planner: could not reach the new version", &err);
                reload_once();
            }
        }
        None => reload_once(),
    }
}
