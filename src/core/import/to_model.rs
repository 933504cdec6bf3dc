//! A checked preview made into a model file (`core::model::file`): the person's groups
//! and indicators with their figures, the table itself kept as the one document every
//! figure quotes, and the term the person confirmed. The result goes through the same
//! validation as the shipped data before anything is saved.
//!
//! Decisions (each visible in the preview before confirming):
//! - ids are made from the names (`Tốc độ tăng trưởng GRDP` → `toc_do_tang_truong_grdp`),
//!   with `_2`, `_3` for a repeated name;
//! - a row of growth rates keeps them as growth (`measure: growth`); its target in the
//!   term's last year or over the term is an average growth over the term when the row
//!   is an average-growth target;
//! - a cumulative row's target counts over the term (`measure: cumulative`);
//! - a joined pair (`preview::Pairing`: "GRDP (giá so sánh 2010)" in tỷ đồng and
//!   "Tốc độ tăng trưởng GRDP" in %) is one indicator, named and measured by its level
//!   row, with the growth row's figures as growth rates (its term target an average
//!   growth when the indicator's kind of target is), as the shipped GRDP is held;
//! - each figure's quote is the column heading and the cell as written
//!   (`Mục tiêu 2030: trên 10`), so it can be found in the kept table.

use std::collections::BTreeSet;

use crate::core::draft::record::APP_ID;
use crate::core::import::preview::{ImportPreview, RowKind};
use crate::core::model::file::{ModelFile, SourceText, MODEL_FILE_KIND, MODEL_FILE_VERSION};
use crate::core::model::load::{
    better_code, comparator_code, kind_code, measure_code, target_kind_code, MODEL_SCHEMA_VERSION,
};
use crate::core::model::raw::{
    RawDocument, RawFigure, RawGroup, RawIndicator, RawModel, RawSource, RawTerm, RawText,
};
use crate::core::model::{FigureKind, Localized, Measure, Period, TargetKind, YEARS};
use crate::core::text::textsearch::fold;

/// What the person says about the model when confirming an import.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportMeta {
    /// The new model's id.
    pub model_id: String,
    /// Province name.
    pub province: String,
    /// First plan year of the term.
    pub first_year: i32,
    /// Last plan year.
    pub last_year: i32,
    /// Base year (the year before the first).
    pub base_year: i32,
    /// File name, or the word for a paste in the person's language.
    pub source_name: String,
    /// The table's text as read.
    pub source_text: String,
    /// When the table was imported (`YYYY-MM-DD`), also the model's data version.
    pub imported_on: String,
    /// The group name for indicators above the first group row (in the person's
    /// language: the words live in the presentation layer).
    pub ungrouped_name: Localized,
}

/// Why a preview cannot become a model yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ToModelError {
    /// The term's years are not base < first ≤ last within [`YEARS`].
    BadTerm,
    /// An indicator row has no unit the app knows (row of the table, 0-based).
    MissingUnit {
        /// Row of the table.
        row: usize,
    },
    /// No indicator row at all.
    NoIndicators,
}

impl std::fmt::Display for ToModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ToModelError::BadTerm => f.write_str("term years are not in order"),
            ToModelError::MissingUnit { row } => write!(f, "row {} has no unit", row + 1),
            ToModelError::NoIndicators => f.write_str("no indicators"),
        }
    }
}

impl std::error::Error for ToModelError {}

/// The id of the one document of an imported model: the table.
pub const TABLE_DOC: &str = "table";

/// Builds the model file of a checked preview.
pub fn to_model_file(
    preview: &ImportPreview,
    meta: &ImportMeta,
) -> Result<ModelFile, ToModelError> {
    let term_ok = YEARS.contains(&meta.base_year)
        && YEARS.contains(&meta.last_year)
        && meta.base_year < meta.first_year
        && meta.first_year <= meta.last_year;
    if !term_ok {
        return Err(ToModelError::BadTerm);
    }
    if preview.indicator_count() == 0 {
        return Err(ToModelError::NoIndicators);
    }
    let text = |s: &str| RawText {
        vi: s.to_string(),
        en: s.to_string(),
    };
    let mut groups: Vec<RawGroup> = Vec::new();
    let mut indicators: Vec<RawIndicator> = Vec::new();
    let mut figures: Vec<RawFigure> = Vec::new();
    let mut taken: BTreeSet<String> = BTreeSet::new();
    let mut group_id: Option<String> = None;
    for row in &preview.rows {
        match row.kind {
            RowKind::Group => {
                let id = format!("g{}", groups.len() + 1);
                groups.push(RawGroup {
                    id: id.clone(),
                    name: text(&row.name),
                });
                group_id = Some(id);
            }
            RowKind::Indicator => {
                let unit = row.unit.ok_or(ToModelError::MissingUnit {
                    row: row.source_row,
                })?;
                let group = match &group_id {
                    Some(g) => g.clone(),
                    None => {
                        let id = "g0".to_string();
                        groups.insert(
                            0,
                            RawGroup {
                                id: id.clone(),
                                name: RawText {
                                    vi: meta.ungrouped_name.vi.clone(),
                                    en: meta.ungrouped_name.en.clone(),
                                },
                            },
                        );
                        group_id = Some(id.clone());
                        id
                    }
                };
                // The growth row of a joined pair is no indicator of its own: its
                // figures go to the level row's indicator, as growth rates.
                if preview
                    .joined_pair_of(row.source_row)
                    .is_some_and(|p| p.growth_row == row.source_row)
                {
                    continue;
                }
                let id = unique_id(&row.name, &mut taken);
                let growth_row = preview
                    .joined_pair_of(row.source_row)
                    .and_then(|p| preview.rows.iter().find(|r| r.source_row == p.growth_row));
                // The joined indicator's growth rates are worked as its kind of target
                // says: an average growth target over the term stays one.
                let growth_kind = match row.target_kind {
                    TargetKind::AverageGrowth => TargetKind::AverageGrowth,
                    _ => growth_row.map_or(row.target_kind, |g| g.target_kind),
                };
                let own = row.values.iter().map(|v| (v, row.measure, row.target_kind));
                let joined = growth_row
                    .into_iter()
                    .flat_map(|g| g.values.iter())
                    .map(|v| (v, Measure::Growth, growth_kind));
                for (v, row_measure, target_kind) in own.chain(joined) {
                    let (measure, period) =
                        figure_measure(row_measure, target_kind, v.kind, v.period, meta);
                    let (value, range) = match v.value.amount {
                        crate::core::model::Amount::Point(x) => (Some(x), None),
                        crate::core::model::Amount::Range(lo, hi) => (None, Some([lo, hi])),
                    };
                    let heading = preview
                        .columns
                        .get(v.column)
                        .map_or("", |c| c.heading.as_str());
                    figures.push(RawFigure {
                        indicator: id.clone(),
                        kind: kind_code(v.kind).to_string(),
                        measure: Some(measure_code(measure).to_string()),
                        period: period.to_string(),
                        value,
                        range,
                        unit: None,
                        comparator: v.value.comparator.map(|c| comparator_code(c).to_string()),
                        approx: v.value.approx,
                        price_basis: None,
                        basis: None,
                        variant: None,
                        note: (!row.note.is_empty()).then(|| text(&row.note)),
                        source: Some(RawSource {
                            doc: TABLE_DOC.to_string(),
                            quote: format!("{heading}: {}", v.text),
                        }),
                        derivation: None,
                    });
                }
                indicators.push(RawIndicator {
                    id,
                    name: text(&row.name),
                    group,
                    unit: unit.to_string(),
                    better: better_code(row.better).to_string(),
                    target_kind: target_kind_code(row.target_kind).to_string(),
                    price_basis: None,
                    additions: None,
                });
            }
        }
    }
    let model = RawModel {
        schema_version: MODEL_SCHEMA_VERSION,
        id: meta.model_id.clone(),
        province: text(&meta.province),
        term: RawTerm {
            first_year: meta.first_year,
            last_year: meta.last_year,
            base_year: meta.base_year,
        },
        data_version: meta.imported_on.clone(),
        gaps: Vec::new(),
        groups,
        documents: vec![RawDocument {
            id: TABLE_DOC.to_string(),
            kind: "table".to_string(),
            file: meta.source_name.clone(),
            title: text(&meta.source_name),
            issuer: meta.province.clone(),
            number: None,
            date: Some(meta.imported_on.clone()),
            date_note: None,
            url: None,
        }],
    };
    Ok(ModelFile {
        app: APP_ID.to_string(),
        kind: MODEL_FILE_KIND.to_string(),
        schema_version: MODEL_FILE_VERSION,
        model,
        units: Vec::new(),
        indicators,
        figures,
        sources: vec![SourceText {
            doc: TABLE_DOC.to_string(),
            name: meta.source_name.clone(),
            text: meta.source_text.clone(),
        }],
    })
}

/// The measure and period a figure is stored with.
fn figure_measure(
    row_measure: Measure,
    target_kind: TargetKind,
    kind: FigureKind,
    period: Period,
    meta: &ImportMeta,
) -> (Measure, Period) {
    let term = Period::Years(meta.first_year, meta.last_year);
    let about_term = kind == FigureKind::TermTarget
        && (period == term
            || period == Period::Year(meta.last_year)
            || matches!(period, Period::Years(..)));
    match (row_measure, target_kind) {
        (Measure::Growth, TargetKind::AverageGrowth) if about_term => {
            (Measure::AverageGrowth, term)
        }
        (_, TargetKind::Cumulative) if about_term => (Measure::Cumulative, term),
        (Measure::Growth, _) => (Measure::Growth, period),
        _ => (Measure::Level, period),
    }
}

/// The id proposed for a new model: the province's folded name and the term's years
/// (`Quảng Ngãi`, 2026, 2030 → `quang-ngai-2026-2030`).
pub fn model_id_for(province: &str, first_year: i32, last_year: i32) -> String {
    let folded = fold(province);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let name = if words.is_empty() {
        "mo-hinh".to_string()
    } else {
        words.join("-")
    };
    format!("{name}-{first_year}-{last_year}")
}

/// An id from a name: folded words of letters and digits joined by `_`, at most 48
/// characters, with a counter for a name already taken.
fn unique_id(name: &str, taken: &mut BTreeSet<String>) -> String {
    let folded = fold(name);
    let words: Vec<String> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let mut base = String::new();
    for w in words {
        if base.len() + w.len() + 1 > 48 {
            break;
        }
        if !base.is_empty() {
            base.push('_');
        }
        base.push_str(&w);
    }
    if base.is_empty() {
        base = "indicator".to_string();
    }
    let mut id = base.clone();
    let mut n = 1u32;
    while taken.contains(&id) {
        n = n.saturating_add(1);
        id = format!("{base}_{n}");
    }
    taken.insert(id.clone());
    id
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::import::grid::read_delimited;
    use crate::core::import::preview::preview;
    use crate::core::model::catalog::UNITS_JSON;
    use crate::core::model::file::{read_model_file, write_model_file};
    use crate::core::model::Comparator;
    use crate::core::model::{Amount, Figure};

    const TABLE: &str = "STT\tChỉ tiêu\tĐVT\tTH 2025\tKH 2026\tMục tiêu 2030\n\
        I\tKINH TẾ\t\t\t\t\n\
        1\tTốc độ tăng trưởng GRDP bình quân\t%/năm\t10,02\t10\ttrên 10\n\
        2\tTổng vốn đầu tư thực hiện cả giai đoạn\ttỷ đồng\thơn 82.000\t\tít nhất 560.000\n\
        3\tTỷ lệ đô thị hóa\t%\t\t\ttrên 38\n";

    fn meta() -> ImportMeta {
        ImportMeta {
            model_id: "quang-ngai-2026-2030".into(),
            province: "Quảng Ngãi".into(),
            first_year: 2026,
            last_year: 2030,
            base_year: 2025,
            source_name: "chi-tieu.xlsx".into(),
            source_text: TABLE.into(),
            imported_on: "2026-12-01".into(),
            ungrouped_name: Localized {
                vi: "Chỉ tiêu".into(),
                en: "Indicators".into(),
            },
        }
    }

    fn model() -> crate::core::model::Model {
        let p = preview(&read_delimited(TABLE).expect("grid")).expect("preview");
        let file = to_model_file(&p, &meta()).expect("model file");
        let text = write_model_file(&file).expect("writes");
        read_model_file(text.as_bytes(), UNITS_JSON)
            .expect("validates")
            .1
    }

    #[track_caller]
    fn figure<'a>(m: &'a crate::core::model::Model, id: &str, kind: FigureKind) -> &'a Figure {
        m.figures_of(id)
            .find(|f| f.kind == kind)
            .unwrap_or_else(|| panic!("{id} {kind:?}"))
    }

    #[test]
    fn an_imported_table_is_a_valid_model_with_its_figures_and_sources() {
        let m = model();
        assert_eq!(m.indicators.len(), 3);
        assert_eq!(
            (m.term.first_year, m.term.last_year, m.term.base_year),
            (2026, 2030, 2025)
        );
        let growth = figure(
            &m,
            "toc_do_tang_truong_grdp_binh_quan",
            FigureKind::TermTarget,
        );
        assert_eq!(
            (
                growth.measure,
                growth.period,
                growth.amount,
                growth.comparator
            ),
            (
                Measure::AverageGrowth,
                Period::Years(2026, 2030),
                Amount::Point(10.0),
                Some(Comparator::MoreThan)
            )
        );
        let result = figure(&m, "toc_do_tang_truong_grdp_binh_quan", FigureKind::Actual);
        assert_eq!(
            (result.measure, result.period, result.amount),
            (Measure::Growth, Period::Year(2025), Amount::Point(10.02))
        );
        let investment = figure(
            &m,
            "tong_von_dau_tu_thuc_hien_ca_giai_doan",
            FigureKind::TermTarget,
        );
        assert_eq!(
            (investment.measure, investment.period, investment.amount),
            (
                Measure::Cumulative,
                Period::Years(2026, 2030),
                Amount::Point(560_000.0)
            )
        );
        let urban = figure(&m, "ty_le_do_thi_hoa", FigureKind::TermTarget);
        assert_eq!(
            (urban.measure, urban.period),
            (Measure::Level, Period::Year(2030))
        );
        match &urban.source {
            crate::core::model::Source::Quote { doc, quote } => assert_eq!(
                (doc.as_str(), quote.as_str()),
                ("table", "Mục tiêu 2030: trên 38")
            ),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            m.document("table").map(|d| d.kind),
            Some(crate::core::model::DocumentKind::Table)
        );
    }

    #[test]
    fn model_ids_from_province_and_term() {
        assert_eq!(
            model_id_for("Quảng Ngãi", 2026, 2030),
            "quang-ngai-2026-2030"
        );
        assert_eq!(model_id_for("  ", 2026, 2030), "mo-hinh-2026-2030");
    }

    #[test]
    fn repeated_names_get_their_own_ids() {
        let mut taken = BTreeSet::new();
        assert_eq!(unique_id("Hộ nghèo", &mut taken), "ho_ngheo");
        assert_eq!(unique_id("Hộ nghèo", &mut taken), "ho_ngheo_2");
        assert_eq!(unique_id("!!!", &mut taken), "indicator");
    }

    #[test]
    fn a_bad_term_or_a_missing_unit_is_refused() {
        let p = preview(&read_delimited(TABLE).expect("grid")).expect("preview");
        let bad = ImportMeta {
            base_year: 2026,
            ..meta()
        };
        assert_eq!(to_model_file(&p, &bad).err(), Some(ToModelError::BadTerm));
        let no_unit =
            preview(&read_delimited("Chỉ tiêu\tĐVT\tKH 2026\nX\tquả\t1\n").expect("grid"))
                .expect("preview");
        assert_eq!(
            to_model_file(&no_unit, &meta()).err(),
            Some(ToModelError::MissingUnit { row: 1 })
        );
    }

    const PAIRED: &str = "STT\tChỉ tiêu\tĐVT\tTH 2025\tKH 2026\tMục tiêu 2030\n\
        I\tKINH TẾ\t\t\t\t\n\
        1\tGRDP (giá so sánh 2010)\ttỷ đồng\t40.000\t43.600\t\n\
        2\tTốc độ tăng trưởng GRDP\t%\t8\t9\t≥ 10\n";

    fn paired(joined: bool) -> crate::core::model::Model {
        let mut p = preview(&read_delimited(PAIRED).expect("grid")).expect("preview");
        p.set_joined(2, joined);
        let file = to_model_file(&p, &meta()).expect("model file");
        let text = write_model_file(&file).expect("writes");
        read_model_file(text.as_bytes(), UNITS_JSON)
            .expect("validates")
            .1
    }

    #[test]
    fn a_joined_pair_is_one_indicator_with_its_levels_and_its_growth() {
        use crate::core::model::{Measure, TargetKind};
        let m = paired(true);
        assert_eq!(m.indicators.len(), 1);
        let grdp = &m.indicators[0];
        assert_eq!(
            (grdp.id.as_str(), grdp.unit.as_str()),
            ("grdp_gia_so_sanh_2010", "bn_vnd")
        );
        assert_eq!(grdp.target_kind, TargetKind::AverageGrowth);
        let mut got: Vec<(FigureKind, Measure, String, Amount)> = m
            .figures_of("grdp_gia_so_sanh_2010")
            .map(|f| (f.kind, f.measure, f.period.to_string(), f.amount))
            .collect();
        got.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
        let mut want = vec![
            (
                FigureKind::Actual,
                Measure::Level,
                "2025".to_string(),
                Amount::Point(40_000.0),
            ),
            (
                FigureKind::Actual,
                Measure::Growth,
                "2025".to_string(),
                Amount::Point(8.0),
            ),
            (
                FigureKind::Plan,
                Measure::Level,
                "2026".to_string(),
                Amount::Point(43_600.0),
            ),
            (
                FigureKind::Plan,
                Measure::Growth,
                "2026".to_string(),
                Amount::Point(9.0),
            ),
            (
                FigureKind::TermTarget,
                Measure::AverageGrowth,
                "2026-2030".to_string(),
                Amount::Point(10.0),
            ),
        ];
        want.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
        assert_eq!(got, want);
        let target = figure(&m, "grdp_gia_so_sanh_2010", FigureKind::TermTarget);
        assert_eq!(target.comparator, Some(Comparator::AtLeast));
        // Kept apart: two indicators, each with its own figures.
        let apart = paired(false);
        let ids: Vec<&str> = apart.indicators.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["grdp_gia_so_sanh_2010", "toc_do_tang_truong_grdp"]);
        assert_eq!(apart.figures_of("grdp_gia_so_sanh_2010").count(), 2);
        assert_eq!(apart.figures_of("toc_do_tang_truong_grdp").count(), 3);
    }
}
