//! Fetches the shipped models' data files (`data/models/…` beside `index.html`, precached
//! by the service worker) once at start-up, all at once, and hands their texts to
//! `core::model::catalog`. Thin: which files there are is the catalog's list, and the
//! texts are validated by `core::model::load`.

use leptos::wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::js_sys::{Array, Promise};
use web_sys::Response;

use crate::core::model::catalog::{set_fetched, shipped_path, ShippedTexts, SHIPPED};

/// How long one data file may take (its answer, then its text) before it is asked for
/// once more: a connection that hangs must not keep the app from starting. A file that
/// fails twice is reported as missing, in the person's language.
const FILE_WAIT_MS: i32 = 15_000;

/// `promise`, or `undefined` once `ms` have passed, whichever settles first.
fn within(promise: Promise, ms: i32) -> Promise {
    let timer = Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            // Without a timer the fetch alone decides; nothing else is lost.
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    Promise::race(&Array::of2(&promise, &timer))
}

/// Text of a started fetch, or `None` when it failed (network, an answer other than 200,
/// or no answer within [`FILE_WAIT_MS`]).
async fn text_of(request: Option<Promise>) -> Option<String> {
    let response = JsFuture::from(within(request?, FILE_WAIT_MS)).await.ok()?;
    let response: Response = response.dyn_into().map_err(|_: JsValue| ()).ok()?;
    if !response.ok() {
        return None;
    }
    let text = JsFuture::from(within(response.text().ok()?, FILE_WAIT_MS))
        .await
        .ok()?;
    text.as_string()
}

/// Fetches every file of every shipped model (the requests start together, a failed one
/// is asked for once more) and gives the texts to the catalog; files that could not be
/// read are listed as missing.
pub async fn fetch_shipped() {
    let window = web_sys::window();
    let mut started = Vec::new();
    for (folder, files) in SHIPPED {
        for (name, relative) in files.paths() {
            let path = shipped_path(folder, &relative);
            let request = window.as_ref().map(|w| w.fetch_with_str(&path));
            started.push((*folder, name, path, request));
        }
    }
    let mut texts: Vec<ShippedTexts> = Vec::new();
    for (folder, name, path, request) in started {
        let text = match text_of(request).await {
            Some(text) => Some(text),
            // Asked once more on a fresh request; a second failure is reported.
            None => text_of(window.as_ref().map(|w| w.fetch_with_str(&path))).await,
        };
        if texts.last().is_none_or(|t| t.folder != folder) {
            texts.push(ShippedTexts {
                folder,
                ..ShippedTexts::default()
            });
        }
        let Some(entry) = texts.last_mut() else {
            continue;
        };
        match (text, name) {
            (None, _) => entry.missing.push(path),
            (Some(text), "model.json") => entry.model = text,
            (Some(text), name) => entry.fragments.push((name.to_string(), text)),
        }
    }
    set_fetched(texts);
}
