//! The browser's Unicode normalisation (`String.prototype.normalize("NFC")`), given to
//! `core::text::unicode` at start-up so the wasm binary carries no normalisation tables.

use crate::core::text::unicode::use_normalizer;

/// `text` in NFC, by the browser.
fn browser_nfc(text: &str) -> String {
    String::from(web_sys::js_sys::JsString::from(text).normalize("NFC"))
}

/// Makes `core::text::unicode::nfc` use the browser's normalisation. Call once, first.
pub fn install() {
    use_normalizer(browser_nfc);
}
