//! Fetches the models a portal publishes: `models.json` beside `index.html`, then each
//! file it lists (through the service worker, which serves them network-first and keeps
//! the last good copies offline). Thin: the list and the files are read by
//! `core::model::published` and `core::model::file`.

use leptos::wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

/// The name of the list beside `index.html`.
pub const LIST: &str = "models.json";

/// Why a published file could not be fetched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchError {
    /// No answer (offline with nothing cached, or a network failure).
    Network,
    /// An answer other than 200, with its status.
    Status(u16),
}

/// Fetches `path` (relative to the page) as text.
pub async fn fetch_text(path: &str) -> Result<String, FetchError> {
    let window = web_sys::window().ok_or(FetchError::Network)?;
    let response = JsFuture::from(window.fetch_with_str(path))
        .await
        .map_err(|_| FetchError::Network)?;
    let response: Response = response
        .dyn_into()
        .map_err(|_: JsValue| FetchError::Network)?;
    if !response.ok() {
        return Err(FetchError::Status(response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|_| FetchError::Network)?)
        .await
        .map_err(|_| FetchError::Network)?;
    text.as_string().ok_or(FetchError::Network)
}
