//! Architecture checks: the core imports no browser crate and reads no clock or
//! randomness; no file anywhere renders raw HTML (`inner_html`), which keeps Leptos's
//! escaping as the XSS defence; storage calls stay out of the core.

mod util;

use util::{repo_root, rust_files};

#[test]
fn core_uses_no_browser_crates_clock_or_randomness() {
    let forbidden = [
        "leptos",
        "web_sys",
        "wasm_bindgen",
        "gloo",
        "js_sys",
        "SystemTime",
        "Instant::now",
        "rand::",
    ];
    let mut hits = Vec::new();
    for file in rust_files(&repo_root().join("src/core")) {
        let text = std::fs::read_to_string(&file).expect("read");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for word in forbidden {
                if code.contains(word) {
                    hits.push(format!("{}:{}: {word}", file.display(), n + 1));
                }
            }
        }
    }
    assert!(hits.is_empty(), "core must stay pure:\n{}", hits.join("\n"));
}

#[test]
fn no_raw_html_anywhere() {
    let mut hits = Vec::new();
    for dir in ["src", "tests"] {
        for file in rust_files(&repo_root().join(dir)) {
            if file.ends_with("core_is_pure.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&file).expect("read");
            if text.contains("inner_html") || text.contains("set_inner_html") {
                hits.push(file.display().to_string());
            }
        }
    }
    assert!(hits.is_empty(), "inner_html found in {hits:?}");
}
