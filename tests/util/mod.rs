//! Helpers shared by the integration tests: reading the repository's files and folding
//! text the way the data tests compare quotes with documents.
#![allow(dead_code)]

pub mod session;

use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;

/// The repository root: where `cargo test` runs the tests from now (cargo sets
/// `CARGO_MANIFEST_DIR` for the test process), else where they were compiled. Not the
/// compile-time path first: the target directory is shared between checkouts
/// (`scripts/env.sh`), and cargo keeps a test binary built in another checkout of the
/// same sources, whose baked-in path may be gone or, worse, another checkout's files.
pub fn repo_root() -> PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")))
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

pub mod rust_source;
/// Reads CSV text with the `csv` crate, an independent RFC 4180 reader, as the oracle for
/// the app's writer: `delimiter` between fields, `"` quoting with doubled inner quotes,
/// CRLF (or a lone CR or LF) between records, records of any length, no header row.
/// A leading UTF-8 byte-order mark must be there (Excel needs it); the crate takes it off.
#[track_caller]
pub fn csv_crate_records(text: &str, delimiter: u8) -> Vec<Vec<String>> {
    assert!(text.starts_with('\u{feff}'), "no byte-order mark: {text:?}");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| {
            r.unwrap_or_else(|e| panic!("csv crate cannot read {text:?}: {e}"))
                .iter()
                .map(str::to_string)
                .collect()
        })
        .collect()
}

/// A CSV file as the table it shows: the first record is the header, the others the
/// rows, and each cell loses the one `'` the writer puts in front of a cell a spreadsheet
/// would take for a formula (or that already starts with `'`).
#[track_caller]
pub fn csv_crate_table(text: &str, delimiter: u8) -> (Vec<String>, Vec<Vec<String>>) {
    let mut records = csv_crate_records(text, delimiter).into_iter().map(|r| {
        r.into_iter()
            .map(|c| c.strip_prefix('\'').map(str::to_string).unwrap_or(c))
            .collect::<Vec<_>>()
    });
    let header = records.next().unwrap_or_default();
    (header, records.collect())
}
