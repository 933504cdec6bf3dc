//! Property tests for the parsers of outside input that had none: the model file (any
//! mutation of a valid file is read or refused with a typed error, never a panic; a
//! written file reads back equal), the published list (`models.json`), typed numbers,
//! the view in the URL, and the model store's records and channel messages (reliability
//! cases H3, H11, D1, C2). The fuzz targets in `fuzz/` cover the same parsers with
//! unbounded input.
#![cfg(not(target_arch = "wasm32"))]

mod util;

use proptest::prelude::*;
use provincial_planner::core::codec::view_link::{decode, encode, ViewLink};
use provincial_planner::core::model::catalog::UNITS_JSON;
use provincial_planner::core::model::file::{read_model_file, write_model_file, ModelFile};
use provincial_planner::core::model::published::{parse_published, FOLDER, MAX_PUBLISHED};
use provincial_planner::core::model::store_policy::{
    read_record, read_saved_message, saved_message, whole, RawRecord, RecordState,
};
use provincial_planner::core::text::numfmt::Locale;
use provincial_planner::core::text::numparse::parse_number;
use util::read_repo_file;

fn fixture() -> String {
    read_repo_file("tests/fixtures/model-file-v1.json")
}

fn as_value(file: &ModelFile) -> serde_json::Value {
    serde_json::to_value(file).expect("a model file is JSON")
}

/// One edit of a text's bytes.
#[derive(Clone, Debug)]
enum Mutation {
    Flip(usize, u8),
    Truncate(usize),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Duplicate(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Flip(i, b)),
        any::<usize>().prop_map(Mutation::Truncate),
        (
            any::<usize>(),
            prop_oneof![
                proptest::collection::vec(any::<u8>(), 1..8),
                "[\\[\\]{}\":,0-9a-z.-]{1,8}".prop_map(String::into_bytes),
            ]
        )
            .prop_map(|(i, b)| Mutation::Insert(i, b)),
        (any::<usize>(), 1usize..64).prop_map(|(i, n)| Mutation::Delete(i, n)),
        (any::<usize>(), 1usize..64).prop_map(|(i, n)| Mutation::Duplicate(i, n)),
    ]
}

fn apply(mut bytes: Vec<u8>, m: &Mutation) -> Vec<u8> {
    let len = bytes.len().max(1);
    match m {
        Mutation::Flip(i, b) => {
            if let Some(x) = bytes.get_mut(i % len) {
                *x ^= b | 1;
            }
        }
        Mutation::Truncate(i) => bytes.truncate(i % len),
        Mutation::Insert(i, b) => {
            let at = i % len;
            bytes.splice(at..at, b.iter().copied());
        }
        Mutation::Delete(i, n) => {
            let at = i % len;
            let end = (at + n).min(bytes.len());
            bytes.drain(at..end);
        }
        Mutation::Duplicate(i, n) => {
            let at = i % len;
            let end = (at + n).min(bytes.len());
            let copy: Vec<u8> = bytes[at..end].to_vec();
            bytes.splice(at..at, copy);
        }
    }
    bytes
}

#[test]
fn the_fixture_reads_and_writes_back_equal() {
    let text = fixture();
    let (file, _) = read_model_file(text.as_bytes(), UNITS_JSON).expect("fixture reads");
    let written = write_model_file(&file).expect("writes");
    let (again, _) = read_model_file(written.as_bytes(), UNITS_JSON).expect("reads back");
    assert_eq!(as_value(&again), as_value(&file));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// H11: any few edits of a valid model file are read or refused, never a panic; what
    /// is read is a valid model that writes and reads back equal.
    #[test]
    fn h11_a_mutated_model_file_is_read_or_refused(mutations in proptest::collection::vec(mutation(), 1..4)) {
        let bytes = mutations.iter().fold(fixture().into_bytes(), apply);
        if let Ok((file, model)) = read_model_file(&bytes, UNITS_JSON) {
            prop_assert_eq!(&model.id, &file.model.id);
            if let Some(written) = write_model_file(&file) {
                let (again, _) = read_model_file(written.as_bytes(), UNITS_JSON)
                    .map_err(|e| TestCaseError::fail(format!("written file refused: {e:?}")))?;
                prop_assert_eq!(as_value(&again), as_value(&file));
            }
        }
    }

    /// D1: a model with any names (Vietnamese text included) and any finite figures
    /// writes and reads back equal, floats to the bit.
    #[test]
    fn d1_a_written_model_file_reads_back_equal(
        name in "\\PC{1,40}",
        province in "[\\p{L} ]{1,30}",
        values in proptest::collection::vec(-1e15f64..1e15, 1..8),
    ) {
        let (mut file, _) = read_model_file(fixture().as_bytes(), UNITS_JSON)
            .map_err(|e| TestCaseError::fail(format!("fixture: {e:?}")))?;
        if let Some(ind) = file.indicators.first_mut() {
            ind.name.vi = name.clone();
        }
        file.model.province.vi = province;
        for (f, v) in file.figures.iter_mut().zip(values.iter().cycle()) {
            if f.value.is_some() {
                f.value = Some(*v);
            }
        }
        let written = write_model_file(&file).ok_or_else(|| TestCaseError::fail("not written"))?;
        // A name that breaks the data rules (blank after trimming…) is refused, typed.
        if let Ok((again, _)) = read_model_file(written.as_bytes(), UNITS_JSON) {
            prop_assert_eq!(as_value(&again), as_value(&file));
        }
    }

    /// The published list never panics; what it accepts stays inside `models/`, each file
    /// once, at most MAX_PUBLISHED.
    #[test]
    fn published_list_accepts_only_plain_paths(
        entries in proptest::collection::vec("(models/)?[a-z./\\\\:?#-]{0,20}(\\.json)?", 0..25),
        raw in "\\PC{0,200}",
    ) {
        let list = serde_json::json!({ "models": entries.iter().map(|e| serde_json::json!({"file": e})).collect::<Vec<_>>() });
        for text in [list.to_string(), raw] {
            if let Ok(files) = parse_published(&text) {
                prop_assert!(files.len() <= MAX_PUBLISHED);
                let mut seen = std::collections::BTreeSet::new();
                for f in &files {
                    prop_assert!(f.starts_with(FOLDER) && f.ends_with(".json"), "{}", f);
                    prop_assert!(!f.split('/').any(|p| p == ".." || p == "." || p.is_empty()), "{}", f);
                    prop_assert!(seen.insert(f.clone()), "twice: {}", f);
                }
            }
        }
    }

    /// H3/H11: a typed number is finite or refused, in both languages, whatever is typed.
    #[test]
    fn h3_typed_numbers_are_finite_or_refused(text in "\\PC{0,30}|[0-9.,\\- %eE+∞−()]{0,20}") {
        for locale in [Locale::Vi, Locale::En] {
            if let Ok(Some(n)) = parse_number(&text, locale) {
                prop_assert!(n.value.is_finite(), "{:?} read as {}", text, n.value);
            }
        }
    }

    /// The view in the URL: any query decodes (never a panic), and what it decodes to
    /// encodes and decodes to the same view. What could not be read (a range, the seed,
    /// the as-of date) is said once and not written back, so the link written again
    /// reads with nothing left to say.
    #[test]
    fn view_link_decodes_anything_and_is_stable(query in "\\??([a-z]{1,3}=[\\PC&&[^&]]{0,12}&?){0,6}|\\PC{0,60}") {
        let link = decode(&query);
        let again = decode(&encode(&link));
        prop_assert!(again.problems.is_empty(), "{:?}", again.problems);
        prop_assert!(again.as_of_error.is_none(), "{:?}", again.as_of_error);
        let view = ViewLink { problems: Vec::new(), as_of_error: None, ..link };
        prop_assert_eq!(again, view);
    }

    /// A stored value of any shape reads as a record, never a panic; a revision is only
    /// ever a whole number.
    #[test]
    fn store_records_of_any_shape_read(
        format in proptest::option::of(any::<f64>()),
        revision in proptest::option::of(any::<f64>()),
        text in proptest::option::of("\\PC{0,20}"),
    ) {
        let r = read_record(RawRecord::Object { format, revision, saved_ms: revision, exported_ms: None, text });
        if r.state == RecordState::Current {
            prop_assert!(revision.and_then(whole) == Some(r.revision));
        }
    }

    /// The message other tabs get reads back as written, for any id and revision.
    #[test]
    fn channel_messages_round_trip(id in "\\PC{0,40}", revision in any::<u64>()) {
        let saved = read_saved_message(&saved_message(&id, revision)).ok_or_else(|| TestCaseError::fail("not read"))?;
        prop_assert_eq!((saved.id, saved.revision), (id, revision));
    }
}
