//! Saving a file to the person's computer: wraps text in a `Blob`, points a temporary
//! link at it and clicks it. The only place that creates object URLs.

use leptos::prelude::*;
use leptos::wasm_bindgen::{JsCast, JsValue};

/// Why a download could not start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DownloadError(pub String);

impl std::fmt::Display for DownloadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "download failed: {}", self.0)
    }
}

fn js_error(value: JsValue) -> DownloadError {
    DownloadError(value.as_string().unwrap_or_else(|| format!("{value:?}")))
}

/// Offers `text` as a file called `file_name` of type `mime` (for example
/// `application/json` or `text/csv;charset=utf-8`). The text is written as UTF-8 exactly
/// as given: a CSV that Excel must read as UTF-8 starts with its own byte-order mark.
pub fn download_text(file_name: &str, mime: &str, text: &str) -> Result<(), DownloadError> {
    let parts = web_sys::js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(js_error)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(js_error)?;
    let result = click_link(file_name, &url);
    // The click has queued the download; the URL is no longer needed.
    let _ = web_sys::Url::revoke_object_url(&url);
    result
}

fn click_link(file_name: &str, url: &str) -> Result<(), DownloadError> {
    let anchor = document()
        .create_element("a")
        .map_err(js_error)?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| DownloadError("not an anchor".into()))?;
    anchor.set_href(url);
    anchor.set_download(file_name);
    anchor.set_hidden(true);
    let body = document()
        .body()
        .ok_or_else(|| DownloadError("no body".into()))?;
    body.append_child(&anchor).map_err(js_error)?;
    anchor.click();
    anchor.remove();
    Ok(())
}
