//! The three saved forms of a draft (storage record, export file, share link) against
//! committed fixtures of every released version (reliability case C1): this is the test
//! that breaks when someone changes a format without a migration. Also C2 (a newer
//! version is refused, so the shell keeps it read-only and never overwrites it) and C4
//! (reading and writing again changes nothing).
//!
//! Each schema version adds `tests/fixtures/*-v<n>.*` files and a block here; the older
//! fixtures stay and must keep reading, through the migration. Version 2 added the
//! quarterly scenario, ranges and seed, figure choices and relied figures.

mod util;

use provincial_planner::core::draft::file::{export_file, import_file, FileForm, ImportError};
use provincial_planner::core::draft::record::{
    draft_from_json, draft_to_json, migrate, open_envelope, save_decision, stored_state, Draft,
    DraftError, Entry, SaveDecision, StoredState, SCHEMA_VERSION,
};
use provincial_planner::core::draft::share_link::{decode_share, encode_share, ShareError};
use provincial_planner::core::model::{Amount, StatBasis};
use provincial_planner::core::plan::chain::ChainInput;
use provincial_planner::core::plan::chance::RangeEnd;
use provincial_planner::core::plan::quarterly::QuarterCell;
use util::read_repo_file;

const RECORD_V1: &str = "tests/fixtures/draft-record-v1.json";
const FILE_V1: &str = "tests/fixtures/drafts-file-v1.json";
const LINK_V1: &str = "tests/fixtures/share-link-v1.txt";
const RECORD_V2: &str = "tests/fixtures/draft-record-v2.json";
const FILE_V2: &str = "tests/fixtures/drafts-file-v2.json";
const LINK_V2: &str = "tests/fixtures/share-link-v2.txt";

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
fn c1_a_v1_record_opens_as_the_current_version_with_nothing_added() {
    // Written again, the v1 record is the same body in a current envelope: the fields
    // version 2 added are absent because they are empty.
    let text = read_repo_file(RECORD_V1);
    let d = read_record(&text);
    let current = text.trim_end().replace(
        "\"schema_version\":1",
        &format!("\"schema_version\":{SCHEMA_VERSION}"),
    );
    assert_eq!(draft_to_json(&d).expect("writes"), current);
    let file = read_repo_file(FILE_V1);
    let drafts = import_file(file.as_bytes()).expect("imports").into_drafts();
    assert_eq!(
        export_file(&drafts, 1_795_500_000_000).expect("writes"),
        file.replace(
            "\"schema_version\": 1",
            &format!("\"schema_version\": {SCHEMA_VERSION}")
        )
    );
}

#[test]
fn c1_storage_record_v2_fixture_reads_as_written_and_the_writer_writes_it() {
    assert_eq!(
        SCHEMA_VERSION, 2,
        "a newer version adds its own fixture block"
    );
    let text = read_repo_file(RECORD_V2);
    let d = read_record(&text);
    is_the_v1_sample(&d);
    let o = &d.overrides;
    // The quarterly scenario: three cells and two quarters marked as results.
    let cell = |id: &str| {
        let c = QuarterCell::from_id(id).expect("known cell");
        o.quarterly.get(&c).map(|e| (e.text.clone(), e.value))
    };
    assert_eq!(o.quarterly.len(), 3);
    assert_eq!(
        cell("base:agriculture:1"),
        Some(("1.234,5".into(), Some(1234.5)))
    );
    assert_eq!(cell("growth:industry:3"), Some(("9,8".into(), Some(9.8))));
    assert_eq!(cell("target"), Some(("10".into(), Some(10.0))));
    assert_eq!(
        o.quarter_results.iter().copied().collect::<Vec<_>>(),
        vec![1, 2]
    );
    // A range on the 2025 GRDP growth and the seed.
    let end = |e: RangeEnd| {
        o.ranges
            .get(&("grdp_constant:2025".to_string(), e))
            .map(|x| (x.text.clone(), x.value))
    };
    assert_eq!(end(RangeEnd::Low), Some(("7,5".into(), Some(7.5))));
    assert_eq!(end(RangeEnd::High), Some(("11".into(), Some(11.0))));
    assert_eq!(o.seed, Some(2025));
    // Which figures count, and the figure the draft relied on.
    assert!(o.choices.level_paces.contains("grdp_constant"));
    assert_eq!(
        o.choices.bases.get("grdp_per_capita"),
        Some(&StatBasis::PreRevision)
    );
    assert_eq!(
        o.choices
            .vintages
            .get("grdp_constant")
            .and_then(|v| v.get("2024/level"))
            .map(String::as_str),
        Some("kt-003:estimate")
    );
    assert_eq!(o.relied.len(), 1);
    assert_eq!(o.relied[0].indicator, "grdp_constant");
    assert_eq!(o.relied[0].amount, Amount::Point(20225.0));
    // The writer writes the fixture byte for byte.
    assert_eq!(draft_to_json(&d).expect("writes"), text.trim_end());
    // In an export file and a share link the same draft comes back equal (a share link
    // leaves the relied figures out, so links stay short).
    let file = export_file(std::slice::from_ref(&d), 1_795_500_000_000).expect("writes");
    assert!(file.contains("\"schema_version\": 2"), "{file}");
    let back = import_file(file.as_bytes()).expect("imports").into_drafts();
    assert_eq!(back, vec![d.clone()]);
    let link = encode_share(&d).expect("fits");
    assert!(link.starts_with("2."), "{link}");
    let opened = decode_share(&link, "mới-2", 7).expect("opens").draft;
    assert_eq!(opened.overrides.quarterly, o.quarterly);
    assert_eq!(opened.overrides.ranges, o.ranges);
    assert_eq!(opened.overrides.choices, o.choices);
}

#[test]
fn c1_export_file_and_share_link_v2_fixtures_open_and_are_written_byte_for_byte() {
    let record = read_record(&read_repo_file(RECORD_V2));
    let file = read_repo_file(FILE_V2);
    let report = import_file(file.as_bytes()).expect("file imports");
    assert_eq!(report.schema_version, 2);
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);
    let drafts = report.into_drafts();
    assert_eq!(drafts, vec![record.clone()]);
    assert_eq!(
        export_file(&drafts, 1_795_500_000_000).expect("writes"),
        file
    );
    // The link carries the body without its id, times, revision and relied figures.
    let fragment = read_repo_file(LINK_V2);
    let read = decode_share(fragment.trim(), "mới-2", 42).expect("link opens");
    assert!(read.repairs.is_empty(), "{:?}", read.repairs);
    let d = read.draft;
    is_the_v1_sample(&d);
    assert_eq!(d.overrides.quarterly, record.overrides.quarterly);
    assert_eq!(
        d.overrides.quarter_results,
        record.overrides.quarter_results
    );
    assert_eq!(d.overrides.ranges, record.overrides.ranges);
    assert_eq!(d.overrides.seed, Some(2025));
    assert_eq!(d.overrides.choices, record.overrides.choices);
    assert!(d.overrides.relied.is_empty());
    assert_eq!(encode_share(&record).expect("fits"), fragment.trim());
}

#[test]
fn c1_migrating_a_v1_envelope_is_one_step_and_idempotent() {
    let value: serde_json::Value = serde_json::from_str(&read_repo_file(RECORD_V1)).expect("json");
    let (record, from) = open_envelope(value).expect("opens");
    assert_eq!(from, 1);
    assert_eq!(record.get("schema_version"), Some(&serde_json::json!(2)));
    let mut again = record.clone();
    migrate(&mut again, 2).expect("current");
    assert_eq!(again, record);
}

#[test]
fn c2_newer_version_is_refused_in_every_form() {
    let newer = SCHEMA_VERSION + 1;
    let record = read_repo_file(RECORD_V1).replace(
        "\"schema_version\":1",
        &format!("\"schema_version\":{newer}"),
    );
    assert_eq!(
        draft_from_json(&record),
        Err(DraftError::NewerVersion(newer))
    );
    // The shell keeps such a record read-only: it is never overwritten.
    assert_eq!(stored_state(Some(&record)), StoredState::Unwritable);
    assert_eq!(
        save_decision(stored_state(Some(&record)), 99),
        SaveDecision::Protected
    );
    let file = read_repo_file(FILE_V1).replace(
        "\"schema_version\": 1",
        &format!("\"schema_version\": {newer}"),
    );
    assert_eq!(
        import_file(file.as_bytes()),
        Err(ImportError::NewerVersion(newer))
    );
    let link = read_repo_file(LINK_V1)
        .trim()
        .replacen("1.", &format!("{newer}."), 1);
    assert_eq!(
        decode_share(&link, "x", 0),
        Err(ShareError::NewerVersion(newer))
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
