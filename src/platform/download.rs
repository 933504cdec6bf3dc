//! Files in and out: saving text to the person's computer (a `Blob`, a temporary link,
//! a click; the only place that creates object URLs) and reading the bytes of a file
//! they chose.

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

/// Reads the bytes of a chosen file and calls `on_bytes` with them when they arrive.
pub fn read_file_bytes(
    file: &web_sys::File,
    on_bytes: impl FnOnce(Vec<u8>) + 'static,
) -> Result<(), DownloadError> {
    use leptos::wasm_bindgen::closure::Closure;
    let blob: &web_sys::Blob = file;
    let promise: JsValue = blob.array_buffer().into();
    let then = web_sys::js_sys::Reflect::get(&promise, &JsValue::from_str("then"))
        .map_err(js_error)?
        .dyn_into::<web_sys::js_sys::Function>()
        .map_err(|_| DownloadError("no then".into()))?;
    let done = Closure::once_into_js(move |buffer: JsValue| {
        let bytes = web_sys::js_sys::Uint8Array::new(&buffer).to_vec();
        on_bytes(bytes);
    });
    then.call1(&promise, &done).map_err(js_error)?;
    Ok(())
}
