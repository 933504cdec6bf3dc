//! The model file (`core::model::file`) against its committed fixture of every released
//! version, the shipped models written as model files, and a table pasted from a
//! spreadsheet carried all the way to a validated model (issue: officials bring their
//! own target model).
//!
//! A new model-file version adds `tests/fixtures/model-file-v2.json` and a block here;
//! the v1 fixture stays and must keep reading.

mod util;

use provincial_planner::core::import::grid::read_delimited;
use provincial_planner::core::import::preview::preview;
use provincial_planner::core::import::to_model::{to_model_file, ImportMeta};
use provincial_planner::core::model::catalog::{load_shipped, shipped_texts, SHIPPED, UNITS_JSON};
use provincial_planner::core::model::file::{
    read_model_file, write_model_file, ModelFile, ModelFileError,
};
use provincial_planner::core::model::raw::{RawFragment, RawModel};
use provincial_planner::core::model::{
    Amount, Comparator, FigureKind, Localized, Measure, Model, Period,
};
use util::read_repo_file;

const MODEL_V1: &str = "tests/fixtures/model-file-v1.json";

#[track_caller]
fn read(text: &str) -> (ModelFile, Model) {
    read_model_file(text.as_bytes(), UNITS_JSON).unwrap_or_else(|e| panic!("does not read: {e:?}"))
}

#[track_caller]
fn figure(
    model: &Model,
    indicator: &str,
    kind: FigureKind,
) -> (Measure, Period, Amount, Option<Comparator>) {
    let f = model
        .figures_of(indicator)
        .find(|f| f.kind == kind)
        .unwrap_or_else(|| panic!("no {kind:?} figure of {indicator}"));
    (f.measure, f.period, f.amount, f.comparator)
}

#[test]
fn the_v1_fixture_reads_with_every_figure() {
    let (file, model) = read(&read_repo_file(MODEL_V1));
    let id = "toc_do_tang_truong_grdp_binh_quan";
    assert_eq!(model.id, "quang-ngai-2026-2030-fixture");
    assert_eq!(
        (
            model.term.first_year,
            model.term.last_year,
            model.term.base_year
        ),
        (2026, 2030, 2025)
    );
    assert_eq!(
        figure(&model, id, FigureKind::Actual),
        (
            Measure::Growth,
            Period::Year(2025),
            Amount::Point(10.02),
            None
        )
    );
    assert_eq!(
        figure(&model, id, FigureKind::Estimate),
        (
            Measure::Growth,
            Period::Year(2025),
            Amount::Point(10.59),
            None
        )
    );
    assert_eq!(
        figure(&model, id, FigureKind::Plan),
        (
            Measure::Growth,
            Period::Year(2026),
            Amount::Point(10.0),
            None
        )
    );
    assert_eq!(
        figure(&model, id, FigureKind::TermTarget),
        (
            Measure::AverageGrowth,
            Period::Years(2026, 2030),
            Amount::Point(10.0),
            Some(Comparator::MoreThan)
        )
    );
    assert_eq!(file.sources.len(), 1);
    assert!(file.sources[0].text.contains("trên 10"));
}

#[test]
fn reading_and_writing_the_fixture_again_changes_nothing() {
    let (file, model) = read(&read_repo_file(MODEL_V1));
    let written = write_model_file(&file).expect("writes");
    let (again, model_again) = read(&written);
    assert_eq!(model_again, model);
    assert_eq!(write_model_file(&again).expect("writes"), written);
}

#[test]
fn a_newer_model_file_is_refused_whole() {
    let newer =
        read_repo_file(MODEL_V1).replacen("\"schema_version\": 1", "\"schema_version\": 2", 1);
    assert_eq!(
        read_model_file(newer.as_bytes(), UNITS_JSON).err(),
        Some(ModelFileError::NewerVersion { found: 2 })
    );
}

#[test]
fn every_shipped_model_written_as_a_model_file_reads_back_the_same() {
    let (shipped, rejected) = load_shipped();
    assert!(rejected.is_empty(), "{rejected:?}");
    assert_eq!(shipped_texts().len(), SHIPPED.len());
    for (files, expected) in shipped_texts().iter().zip(&shipped) {
        let folder = files.folder;
        let model: RawModel = serde_json::from_str(&files.model).expect("model.json");
        let fragments: Vec<RawFragment> = files
            .fragments
            .iter()
            .map(|(name, text)| {
                serde_json::from_str(text).unwrap_or_else(|e| panic!("{folder}/{name}: {e}"))
            })
            .collect();
        let text = write_model_file(&ModelFile::from_parts(model, fragments)).expect("writes");
        let (_, read_back) = read(&text);
        assert_eq!(&read_back, expected, "{folder}");
    }
}

/// The 2026-2030 targets and 2025 results of the merged Quảng Ngãi province as an
/// official types them in a spreadsheet and copies them (tab-separated, as Excel puts
/// them on the clipboard). Figures from `shared/reference/public-figures-2026-2030.md`.
const PASTED: &str = "STT\tChỉ tiêu\tĐVT\tƯớc TH 2025\tKH 2026\tMục tiêu 2030\r\n\
    I\tCHỈ TIÊU KINH TẾ\t\t\t\t\r\n\
    1\tTốc độ tăng trưởng GRDP bình quân\t%/năm\t10,59\t10\ttrên 10\r\n\
    2\tGRDP bình quân đầu người\tUSD/người\t\t\tkhoảng 6.900 - 7.000\r\n\
    3\tTổng vốn đầu tư thực hiện cả giai đoạn\ttỷ đồng\thơn 82.000\t\tít nhất 560.000\r\n\
    4\tTỷ lệ đô thị hóa\t%\t\t\ttrên 38\r\n\
    II\tCHỈ TIÊU XÃ HỘI\t\t\t\t\r\n\
    5\tTỷ lệ lao động nông nghiệp\t%\t\t\tdưới 38,7\r\n\
    6\tTỷ lệ nghèo đa chiều\t%\t\t1,47\t\r\n";

#[test]
fn a_pasted_table_becomes_a_valid_model() {
    let p = preview(&read_delimited(PASTED).expect("a table")).expect("a preview");
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    assert_eq!(p.indicator_count(), 6);
    let meta = ImportMeta {
        model_id: "quang-ngai-2026-2030".into(),
        province: "Quảng Ngãi".into(),
        first_year: 2026,
        last_year: 2030,
        base_year: 2025,
        source_name: "pasted".into(),
        source_text: PASTED.into(),
        imported_on: "2026-12-01".into(),
        ungrouped_name: Localized {
            vi: "Chỉ tiêu".into(),
            en: "Indicators".into(),
        },
    };
    let text = write_model_file(&to_model_file(&p, &meta).expect("a model file")).expect("writes");
    let (file, model) = read(&text);
    assert_eq!(model.groups.len(), 2);
    assert_eq!(model.indicators.len(), 6);
    assert_eq!(file.sources[0].text, PASTED);
    let growth = "toc_do_tang_truong_grdp_binh_quan";
    assert_eq!(
        figure(&model, growth, FigureKind::Estimate),
        (
            Measure::Growth,
            Period::Year(2025),
            Amount::Point(10.59),
            None
        )
    );
    assert_eq!(
        figure(&model, growth, FigureKind::TermTarget),
        (
            Measure::AverageGrowth,
            Period::Years(2026, 2030),
            Amount::Point(10.0),
            Some(Comparator::MoreThan)
        )
    );
    let per_capita = model
        .figures_of("grdp_binh_quan_dau_nguoi")
        .next()
        .expect("per capita target");
    assert_eq!(
        (
            per_capita.amount,
            per_capita.approx,
            per_capita.unit.as_str()
        ),
        (Amount::Range(6900.0, 7000.0), true, "usd")
    );
    assert_eq!(
        figure(
            &model,
            "tong_von_dau_tu_thuc_hien_ca_giai_doan",
            FigureKind::TermTarget
        ),
        (
            Measure::Cumulative,
            Period::Years(2026, 2030),
            Amount::Point(560_000.0),
            Some(Comparator::AtLeast)
        )
    );
    assert_eq!(
        figure(&model, "ty_le_lao_dong_nong_nghiep", FigureKind::TermTarget).3,
        Some(Comparator::LessThan)
    );
    let poverty = model.indicator("ty_le_ngheo_da_chieu").expect("poverty");
    assert_eq!(
        poverty.better,
        provincial_planner::core::model::Better::Lower
    );
}
