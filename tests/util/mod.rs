//! Helpers shared by the integration tests: reading the repository's files and folding
//! text the way the data tests compare quotes with documents.
#![allow(dead_code)]

pub mod session;

use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;

/// The repository root.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Reads a file under the repository root, with a clear message when it is missing.
#[track_caller]
pub fn read_repo_file(relative: impl AsRef<Path>) -> String {
    let path = repo_root().join(relative.as_ref());
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// NFC-normalises and folds every run of white space (line breaks included) to one space.
pub fn fold_text(text: &str) -> String {
    let nfc: String = text.nfc().collect();
    nfc.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every number written in `text`: Vietnamese style (`18.938,78`) when `vietnamese`,
/// English style (`15,076.5`) otherwise.
pub fn numbers_in(text: &str, vietnamese: bool) -> Vec<f64> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.' || chars[i] == ',') {
            i += 1;
        }
        let mut token: String = chars[start..i].iter().collect();
        while token.ends_with(['.', ',']) {
            token.pop();
        }
        let plain = if vietnamese {
            token.replace('.', "").replace(',', ".")
        } else {
            token.replace(',', "")
        };
        if let Ok(v) = plain.parse::<f64>() {
            out.push(v);
        }
    }
    out
}

/// Every `.rs` file under a folder, recursively.
pub fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display())) {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}
