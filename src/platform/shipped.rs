//! Fetches the shipped models' data files (`data/models/…` beside `index.html`, precached
//! by the service worker) once at start-up, all at once, and hands their texts to
//! `core::model::catalog`. Thin: which files there are is the catalog's list, and the
//! texts are validated by `core::model::load`.

use leptos::wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::js_sys::{Array, Promise};
use web_sys::Response;

use crate::core::model::catalog::{set_fetched, shipped_path, ShippedTexts, SHIPPED};

/// How long the first request for a data file may take to answer (and then to give its
/// text) before the file is asked for once more: a connection that hangs must not keep
/// the app from starting. Every file's wait starts when the requests do, so hung files
/// cost this once, not once each.
const FIRST_WAIT_MS: i32 = 15_000;

/// How long the second request may take; a file that fails twice is reported as missing,
/// in the person's language. Longer than the first: a server that stalls a request (the
/// test runner's was seen to take 20 s over one) gets its time on the second try.
const SECOND_WAIT_MS: i32 = 30_000;

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

/// Text of a started fetch (already raced against its wait by [`within`]), or `None` when
/// it failed: network, an answer other than 200, or no answer within `ms`.
async fn text_of(request: Option<Promise>, ms: i32) -> Option<String> {
    let response = JsFuture::from(request?).await.ok()?;
    let response: Response = response.dyn_into().map_err(|_: JsValue| ()).ok()?;
    if !response.ok() {
        return None;
    }
    let text = JsFuture::from(within(response.text().ok()?, ms))
        .await
        .ok()?;
    text.as_string()
}

/// Fetches every file of every shipped model (the requests start together, a failed one
/// is asked for once more) and gives the texts to the catalog; files that could not be
/// read are listed as missing.
pub async fn fetch_shipped() {
    let window = web_sys::window();
    let fetch = |path: &str, ms: i32| window.as_ref().map(|w| within(w.fetch_with_str(path), ms));
    let mut started = Vec::new();
    for (folder, files) in SHIPPED {
        for (name, relative) in files.paths() {
            let path = shipped_path(folder, &relative);
            let request = fetch(&path, FIRST_WAIT_MS);
            started.push((*folder, name, path, request));
        }
    }
    let mut read = Vec::new();
    for (folder, name, path, request) in started {
        let text = text_of(request, FIRST_WAIT_MS).await;
        read.push((folder, name, path, text));
    }
    // The files that failed are asked for once more, all at once.
    let again: Vec<Option<Promise>> = read
        .iter()
        .map(|(_, _, path, text)| match text {
            Some(_) => None,
            None => fetch(path, SECOND_WAIT_MS),
        })
        .collect();
    let mut texts: Vec<ShippedTexts> = Vec::new();
    for ((folder, name, path, text), retry) in read.into_iter().zip(again) {
        let text = match text {
            Some(text) => Some(text),
            None => text_of(retry, SECOND_WAIT_MS).await,
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
