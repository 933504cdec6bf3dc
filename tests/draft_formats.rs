//! The three saved forms of a draft (storage record, export file, share link) against
//! committed fixtures of every released version (reliability case C1): this is the test
//! that breaks when someone changes a format without a migration. Also C2 (a newer
//! version is refused, so the shell keeps it read-only and never overwrites it) and C4
//! (reading and writing again changes nothing).
//!
//! A new schema version adds `tests/fixtures/*-v2.*` files and a block here; the v1
//! fixtures stay and must keep reading, through the migration.

mod util;

use provincial_planner::core::draft::file::{export_file, import_file, FileForm, ImportError};
use provincial_planner::core::draft::record::{
    draft_from_json, draft_to_json, migrate, open_envelope, save_decision, stored_state, Draft,
    DraftError, Entry, SaveDecision, StoredState, SCHEMA_VERSION,
};
use provincial_planner::core::draft::share_link::{decode_share, encode_share, ShareError};
use provincial_planner::core::plan::chain::ChainInput;
use util::read_repo_file;

const RECORD_V1: &str = "tests/fixtures/draft-record-v1.json";
const FILE_V1: &str = "tests/fixtures/drafts-file-v1.json";
const LINK_V1: &str = "tests/fixtures/share-link-v1.txt";

#[track_caller]
fn read_record(text: &str) -> Draft {
    let read = draft_from_json(text).unwrap_or_else(|e| panic!("record does not read: {e}"));
    assert!(read.repairs.is_empty(), "repairs: {:?}", read.repairs);
    read.draft
}

#[track_caller]
fn entry(draft: &Draft, list: &str, id: &str, year: i32) -> Entry {
    let found = match list {
        "scenario" => draft.overrides.scenario.get(&(id.to_string(), year)),
        _ => ChainInput::from_id(id).and_then(|i| draft.overrides.chain.get(&(i, year))),
    };
    found
        .unwrap_or_else(|| panic!("no {list} entry {id}/{year}"))
        .clone()
}

#[track_caller]
fn has_entry(draft: &Draft, list: &str, id: &str, year: i32, text: &str, value: Option<f64>) {
    let e = entry(draft, list, id, year);
    assert_eq!(
        (e.text.as_str(), e.value),
        (text, value),
        "{list} {id}/{year}"
    );
}

/// What the v1 fixtures hold (the first draft of the file, the record, the link).
#[track_caller]
fn is_the_v1_sample(d: &Draft) {
    assert_eq!(d.name, "Kịch bản tăng trưởng cao");
    assert_eq!(
        d.note,
        "Theo ý kiến Sở Kế hoạch và Đầu tư, họp ngày 5/11; chờ số liệu quý IV."
    );
    assert_eq!(d.model.id, "kon-tum-2021-2025");
    assert_eq!(d.model.province, "Kon Tum");
    assert_eq!((d.model.first_year, d.model.last_year), (2021, 2025));
    assert_eq!(d.model.data_version, "2026-11-22");
    assert_eq!(d.overrides.scenario.len(), 4);
    has_entry(d, "scenario", "grdp_constant", 2024, "8,5", Some(8.5));
    has_entry(d, "scenario", "grdp_constant", 2025, "9,2", Some(9.2));
    has_entry(d, "scenario", "budget_revenue", 2025, "3.400", Some(3400.0));
    has_entry(d, "scenario", "poor_household_rate", 2025, "chưa rõ", None);
    assert_eq!(d.overrides.start_years.get("grdp_constant"), Some(&2023));
    assert_eq!(d.overrides.chain.len(), 1);
    has_entry(d, "chain", "g_services", 2025, "9,5", Some(9.5));
}

#[test]
fn c1_storage_record_v1_fixture_reads_as_written() {
    let d = read_record(&read_repo_file(RECORD_V1));
    is_the_v1_sample(&d);
    assert_eq!(d.id, "d-1795343400000-1");
    assert_eq!(
        (d.created_ms, d.changed_ms, d.revision),
        (1_795_343_400_000, 1_795_429_800_000, 12)
    );
}

#[test]
fn c1_export_file_v1_fixture_imports_both_drafts() {
    let report = import_file(read_repo_file(FILE_V1).as_bytes()).expect("file imports");
    assert_eq!(
        report.form,
        FileForm::Export {
            exported_ms: Some(1_795_500_000_000)
        }
    );
    assert_eq!(report.schema_version, 1);
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);
    assert!(report.unknown_fields.is_empty());
    assert!(report.drafts.iter().all(|e| e.read.repairs.is_empty()));
    let drafts = report.into_drafts();
    assert_eq!(drafts.len(), 2);
    assert_eq!(drafts[0], read_record(&read_repo_file(RECORD_V1)));
    let second = &drafts[1];
    assert_eq!(second.id, "d-1795430000000-2");
    assert_eq!(second.name, "Phương án thận trọng");
    assert_eq!(second.note, "");
    assert_eq!(second.revision, 1);
    has_entry(second, "scenario", "grdp_constant", 2025, "6,8", Some(6.8));
    has_entry(second, "chain", "icor", 2025, "5,1", Some(5.1));
    assert!(second.overrides.start_years.is_empty());
}

#[test]
fn c1_share_link_v1_fixture_opens_as_a_new_draft() {
    let fragment = read_repo_file(LINK_V1);
    let read = decode_share(fragment.trim(), "mới-1", 42).expect("link opens");
    assert!(read.repairs.is_empty(), "{:?}", read.repairs);
    let d = read.draft;
    is_the_v1_sample(&d);
    assert_eq!(
        (d.id.as_str(), d.created_ms, d.changed_ms, d.revision),
        ("mới-1", 42, 42, 0)
    );
}

#[test]
fn c1_writer_still_writes_the_v1_record_while_v1_is_current() {
    // When SCHEMA_VERSION moves on, this compares against the newest fixture instead.
    if SCHEMA_VERSION == 1 {
        let text = read_repo_file(RECORD_V1);
        let d = read_record(&text);
        assert_eq!(draft_to_json(&d).expect("writes"), text.trim_end());
        let file = read_repo_file(FILE_V1);
        let drafts = import_file(file.as_bytes()).expect("imports").into_drafts();
        assert_eq!(
            export_file(&drafts, 1_795_500_000_000).expect("writes"),
            file
        );
    }
}

#[test]
fn c2_newer_version_is_refused_in_every_form() {
    let record = read_repo_file(RECORD_V1).replace("\"schema_version\":1", "\"schema_version\":2");
    assert_eq!(draft_from_json(&record), Err(DraftError::NewerVersion(2)));
    // The shell keeps such a record read-only: it is never overwritten.
    assert_eq!(stored_state(Some(&record)), StoredState::Unwritable);
    assert_eq!(
        save_decision(stored_state(Some(&record)), 99),
        SaveDecision::Protected
    );
    let file = read_repo_file(FILE_V1).replace("\"schema_version\": 1", "\"schema_version\": 2");
    assert_eq!(
        import_file(file.as_bytes()),
        Err(ImportError::NewerVersion(2))
    );
    let link = read_repo_file(LINK_V1).trim().replacen("1.", "2.", 1);
    assert_eq!(
        decode_share(&link, "x", 0),
        Err(ShareError::NewerVersion(2))
    );
}

#[test]
fn c4_reading_and_writing_again_changes_nothing() {
    let first = read_record(&read_repo_file(RECORD_V1));
    let text = draft_to_json(&first).expect("writes");
    let second = read_record(&text);
    assert_eq!(second, first);
    assert_eq!(draft_to_json(&second).expect("writes"), text);

    let drafts = import_file(read_repo_file(FILE_V1).as_bytes())
        .expect("imports")
        .into_drafts();
    let again = export_file(&drafts, 1).expect("writes");
    assert_eq!(
        import_file(again.as_bytes())
            .expect("imports")
            .into_drafts(),
        drafts
    );

    let link = encode_share(&first).expect("fits");
    let opened = decode_share(&link, "n", 0).expect("opens").draft;
    assert_eq!(encode_share(&opened).expect("fits"), link);

    // Running the migration on a record that is already current changes nothing.
    let value: serde_json::Value = serde_json::from_str(&text).expect("json");
    let (mut record, version) = open_envelope(value.clone()).expect("opens");
    let once = record.clone();
    migrate(&mut record, version).expect("migrates");
    assert_eq!(record, once);
    assert_eq!(serde_json::Value::Object(record), value);
}
