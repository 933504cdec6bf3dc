//! The address bar: the view link the app and the live first view keep in it.

/// Puts `query` (a view link's query, with its `?`, or empty) in the address bar in place
/// of the current entry, when it differs; no history entry is added. Failing only loses
/// the link, never the person's work.
pub fn replace_query(query: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    if location.search().unwrap_or_default() == query {
        return;
    }
    let url = format!("{}{query}", location.pathname().unwrap_or_default());
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}
