//! Fetches the shipped models' data files (`data/models/…` beside `index.html`, precached
//! by the service worker) once at start-up, all at once, and hands their texts to
//! `core::model::catalog`. Thin: which files there are is the catalog's list, and the
//! texts are validated by `core::model::load`.

use leptos::wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

use crate::core::model::catalog::{set_fetched, shipped_path, ShippedTexts, SHIPPED};

/// Text of a started fetch, or `None` when it failed (network, or an answer other than 200).
async fn text_of(request: Option<web_sys::js_sys::Promise>) -> Option<String> {
    let response = JsFuture::from(request?).await.ok()?;
    let response: Response = response.dyn_into().map_err(|_: JsValue| ()).ok()?;
    if !response.ok() {
        return None;
    }
    let text = JsFuture::from(response.text().ok()?).await.ok()?;
    text.as_string()
}

/// Fetches every file of every shipped model (the requests start together) and gives the
/// texts to the catalog; files that could not be read are listed as missing.
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
        let text = text_of(request).await;
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
