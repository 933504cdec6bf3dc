//! Architecture checks: folders are layers, and each layer imports only the layers
//! before it (README "Architecture", the code map):
//!
//! `core` ← `present` ← `app` ← `components`, with `platform` (browser adapters) beside
//! `app`. The core imports no browser crate and reads no clock or randomness; the
//! presentation layer is pure too; the reactive state touches the browser only through
//! `platform`; `platform` knows nothing of the layers above it; only
//! `platform/storage.rs` touches browser storage. No file anywhere renders raw HTML
//! (`inner_html`), which keeps Leptos's escaping as the XSS defence.

mod util;

use std::path::Path;

use util::{repo_root, rust_files};

/// Browser crates, and the clock and randomness, that pure code must not use.
const IMPURE: &[&str] = &[
    "leptos",
    "web_sys",
    "wasm_bindgen",
    "gloo",
    "js_sys",
    "SystemTime",
    "Instant::now",
    "rand::",
];

/// The code of a line: what stands before a `//` comment (`://` in a URL is kept).
fn code_of(line: &str) -> &str {
    let mut from = 0;
    while let Some(i) = line[from..].find("//") {
        let at = from + i;
        if at > 0 && line.as_bytes()[at - 1] == b':' {
            from = at + 2;
            continue;
        }
        return &line[..at];
    }
    line
}

/// Every `file:line: word` under `dir` (relative to the repository) whose code uses one
/// of `forbidden`.
fn uses(dir: &str, forbidden: &[&str]) -> Vec<String> {
    let mut hits = Vec::new();
    for file in rust_files(&repo_root().join(dir)) {
        let text = std::fs::read_to_string(&file).expect("read");
        for (n, line) in text.lines().enumerate() {
            let code = code_of(line);
            for word in forbidden {
                if code.contains(word) {
                    hits.push(format!("{}:{}: {word}", file.display(), n + 1));
                }
            }
        }
    }
    hits
}

/// The lines of a file with code on them, comments cut off.
fn code_lines(path: &str) -> Vec<String> {
    let text = std::fs::read_to_string(repo_root().join(path)).expect("read");
    text.lines()
        .map(code_of)
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect()
}

#[track_caller]
fn assert_layer(dir: &str, rule: &str, forbidden: &[&str]) {
    assert!(
        Path::new(&repo_root().join(dir)).is_dir(),
        "{dir} is missing"
    );
    let hits = uses(dir, forbidden);
    assert!(hits.is_empty(), "{rule}:\n{}", hits.join("\n"));
}

#[test]
fn core_uses_no_browser_crates_clock_or_randomness() {
    assert_layer("src/core", "core must stay pure", IMPURE);
}

#[test]
fn core_imports_no_layer_above_it() {
    assert_layer(
        "src/core",
        "core imports only core",
        &[
            "crate::present",
            "crate::app",
            "crate::platform",
            "crate::components",
        ],
    );
}

#[test]
fn present_is_pure_and_imports_only_core() {
    assert_layer("src/present", "present must stay pure", IMPURE);
    assert_layer(
        "src/present",
        "present imports only core",
        &["crate::app", "crate::platform", "crate::components"],
    );
}

#[test]
fn app_touches_the_browser_only_through_platform() {
    assert_layer(
        "src/app",
        "app uses platform for the browser",
        &[
            "web_sys",
            "wasm_bindgen",
            "gloo",
            "js_sys",
            "crate::components",
        ],
    );
}

#[test]
fn platform_knows_nothing_of_the_layers_above_it() {
    assert_layer(
        "src/platform",
        "platform imports only core",
        &["crate::app", "crate::present", "crate::components"],
    );
}

#[test]
fn only_the_storage_adapter_touches_browser_storage() {
    let mut hits = Vec::new();
    for dir in [
        "src/core",
        "src/present",
        "src/app",
        "src/components",
        "src/platform",
        "src/first_view",
    ] {
        for hit in uses(
            dir,
            &[
                "gloo_storage",
                "local_storage",
                "LocalStorage",
                "session_storage",
            ],
        ) {
            if !hit.starts_with(
                &repo_root()
                    .join("src/platform/storage.rs")
                    .display()
                    .to_string(),
            ) {
                hits.push(hit);
            }
        }
    }
    assert!(
        hits.is_empty(),
        "storage outside platform/storage.rs:\n{}",
        hits.join("\n")
    );
}

#[test]
fn the_first_view_stays_out_of_leptos_and_the_app() {
    // The first-load module (src/first_view/, started by src/bin/first_view.rs) must stay
    // small (issue #15): Leptos, the reactive state, the components and the sheet worker
    // would all land in the first load.
    assert_layer(
        "src/first_view",
        "the first view imports core, present and platform only",
        &[
            "leptos",
            "crate::app",
            "crate::components",
            "crate::worker",
            "calamine",
        ],
    );
    assert_eq!(
        code_lines("src/bin/first_view.rs"),
        [
            "fn main() {",
            "    #[cfg(target_arch = \"wasm32\")]",
            "    provincial_planner::first_view::run();",
            "}"
        ]
    );
}

#[test]
fn the_sheet_worker_uses_only_core() {
    // The worker (src/worker/, started by src/bin/sheet_worker.rs) is a second wasm
    // module: it may use calamine and the worker's browser scope, never the app. The
    // other entry point in src/bin (first_view.rs) only calls the first view.
    for dir in ["src/worker", "src/bin"] {
        assert_layer(
            dir,
            "the sheet worker imports only core",
            &[
                "crate::present",
                "crate::app",
                "crate::platform",
                "crate::components",
                "provincial_planner::present",
                "provincial_planner::app",
                "provincial_planner::platform",
                "provincial_planner::components",
                "leptos",
                "gloo",
            ],
        );
    }
}

#[test]
fn only_the_sheet_worker_uses_calamine() {
    // calamine (about 290 KB gzipped) must stay out of the first-load module.
    for dir in [
        "src/core",
        "src/present",
        "src/app",
        "src/platform",
        "src/components",
    ] {
        assert_layer(dir, "calamine is for src/worker only", &["calamine"]);
    }
    let main = std::fs::read_to_string(repo_root().join("src/main.rs")).expect("read");
    assert!(
        !main.contains("worker"),
        "main.rs must not reach the worker"
    );
}

#[test]
fn main_only_mounts() {
    assert_eq!(
        code_lines("src/main.rs"),
        [
            "fn main() {",
            "    leptos::mount::mount_to_body(provincial_planner::components::shell::app::App);",
            "}"
        ]
    );
}

#[test]
fn the_layer_folders_are_the_whole_crate() {
    let mut top: Vec<String> = std::fs::read_dir(repo_root().join("src"))
        .expect("read src")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    top.sort();
    assert_eq!(
        top,
        [
            "app",
            "bin",
            "components",
            "core",
            "first_view",
            "lib.rs",
            "main.rs",
            "platform",
            "present",
            "worker"
        ]
    );
}

#[test]
fn imports_name_their_layer() {
    // The checks above read paths such as `crate::platform`; a grouped `crate::{…}` or a
    // `super::super` would hide which layer a file reaches into.
    for dir in [
        "src/core",
        "src/present",
        "src/app",
        "src/platform",
        "src/components",
        "src/worker",
        "src/bin",
        "src/first_view",
    ] {
        assert_layer(
            dir,
            "imports name their layer",
            &["crate::{", "super::super"],
        );
    }
}

#[test]
fn no_raw_html_anywhere() {
    let mut hits = Vec::new();
    for dir in ["src", "tests"] {
        for file in rust_files(&repo_root().join(dir)) {
            if file.ends_with("layers.rs") {
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

/// The dashboard's lists (one row per indicator, 2,000 on a large model) read the view
/// state only through `AppContext`'s memos and the open-row selector, never the whole
/// state: a row that watched it re-ran on every keystroke (issue #15, README "src/app/").
#[test]
fn dashboard_rows_do_not_watch_the_whole_state() {
    let mut hits = Vec::new();
    for file in rust_files(&repo_root().join("src/components/dashboard")) {
        let text = std::fs::read_to_string(&file).expect("read");
        let lines: Vec<&str> = text.lines().map(code_of).collect();
        for (n, line) in lines.iter().enumerate() {
            if !line.contains("ctx.state") {
                continue;
            }
            // The call may stand on the next line (`ctx.state` / `.with_untracked(…)`).
            let call = format!("{line}{}", lines.get(n + 1).copied().unwrap_or(""));
            if !call.contains("untracked") {
                hits.push(format!("{}:{}", file.display(), n + 1));
            }
        }
    }
    assert!(
        hits.is_empty(),
        "a dashboard component tracks the whole view state (use a memo of AppContext):\n{}",
        hits.join("\n")
    );
}
