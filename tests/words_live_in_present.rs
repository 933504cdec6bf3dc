//! Every word a person reads lives in `src/present/`: no string literal elsewhere in
//! `src/` holds Vietnamese text (letters ă â đ ê ô ơ ư or a Vietnamese tone mark, in
//! either case, precomposed or not). Comments and `#[cfg(test)]` items are not read.
//! The few core files that read Vietnamese input are allowed below, each with its reason.

mod util;

use std::path::Path;

use unicode_normalization::UnicodeNormalization;
use util::rust_source::{string_literals, Literal};
use util::{repo_root, rust_files};

/// Files outside `src/present/` whose Vietnamese literals are input, not interface text.
const ALLOWED: &[(&str, &str)] = &[
    (
        "src/core/text/textsearch.rs",
        "folds Vietnamese letters for search",
    ),
    (
        "src/core/model/synthetic.rs",
        "sample names of the synthetic benchmark model",
    ),
];

/// Whether `text` holds a Vietnamese letter: đ, or (after decomposition) a breve,
/// circumflex or horn, or one of the five tone marks.
fn is_vietnamese(text: &str) -> bool {
    text.nfd().any(|c| {
        matches!(
            c,
            'đ' | 'Đ'
                | '\u{0300}'
                | '\u{0301}'
                | '\u{0302}'
                | '\u{0303}'
                | '\u{0306}'
                | '\u{0309}'
                | '\u{031B}'
                | '\u{0323}'
        )
    })
}

fn vietnamese_literals(source: &str) -> Vec<Literal> {
    string_literals(source)
        .into_iter()
        .filter(|l| is_vietnamese(&l.text))
        .collect()
}

#[test]
fn no_vietnamese_string_literal_outside_present() {
    let root = repo_root();
    let mut found = Vec::new();
    for path in rust_files(&root.join("src")) {
        let relative = path.strip_prefix(&root).unwrap_or(&path);
        let name = relative.to_string_lossy().replace('\\', "/");
        if name.starts_with("src/present/") || ALLOWED.iter().any(|(f, _)| *f == name) {
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        for l in vietnamese_literals(&source) {
            found.push(format!("{name}:{}: \"{}\"", l.line, l.text));
        }
    }
    assert!(
        found.is_empty(),
        "words a person reads belong in src/present/:\n{}",
        found.join("\n")
    );
}

#[test]
fn every_allowed_file_still_needs_it() {
    for (file, reason) in ALLOWED {
        let source = std::fs::read_to_string(repo_root().join(Path::new(file)))
            .unwrap_or_else(|e| panic!("{file} ({reason}): {e}"));
        assert!(
            !vietnamese_literals(&source).is_empty(),
            "{file} no longer needs an exception"
        );
    }
}

#[track_caller]
fn flags(source: &str, expected: &[&str]) {
    let texts: Vec<String> = vietnamese_literals(source)
        .into_iter()
        .map(|l| l.text)
        .collect();
    assert_eq!(texts, expected, "{source}");
}

#[test]
fn the_scanner_reads_literals_and_skips_comments_and_tests() {
    flags(r#"let a = "Năm";"#, &["Năm"]);
    flags(r#"let a = "NĂM ĐẦU";"#, &["NĂM ĐẦU"]);
    flags("let a = \"Nam\u{0306}\";", &["Nam\u{0306}"]);
    flags(r#"let a = "Year"; let b = "× ÷ −";"#, &[]);
    flags(r##"let a = r#"kế "hoạch""#;"##, &[r#"kế "hoạch""#]);
    flags(r#"let a = "say \"năm\"";"#, &[r#"say \"năm\""#]);
    flags("// \"Năm\"\n/// \"Năm\"\n/* \"Năm\" */ let a = 1;", &[]);
    flags(
        "#[cfg(test)]\nmod tests { fn f() { let a = \"Năm\"; } }\nfn g() { \"Tháng\"; }",
        &["Tháng"],
    );
    flags(
        "#[cfg(test)]\nfn only_in_tests() { \"Năm\"; }\nconst A: &str = \"Quý\";",
        &["Quý"],
    );
    flags(
        "let c = '{'; let d = '\\''; let e = '\\\\'; fn f<'a>(x: &'a str) { \"đồng\"; }",
        &["đồng"],
    );
    flags(
        "let a = b\"bytes\"; let b = br\"raw\"; let r#type = \"ô\";",
        &["ô"],
    );
}
