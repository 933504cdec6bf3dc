//! The quarterly growth scenario by sector as the screen, the printed form and the CSV
//! show it: the typed cells read as numbers (with a note on each cell that cannot be
//! used), the results table with which periods are results and which are scenario, the
//! explanation with its numbers, the remaining quarters' growth answered in words, the
//! links with the yearly chain, and the form in the shape of the provinces' scenario
//! tables. Pure; `components::quarterly` only lays these values out.

use std::collections::{BTreeMap, BTreeSet};

use crate::core::codec::csv::Table;
use crate::core::model::Model;
use crate::core::plan::chain::{ChainInput, ChainSetup, Derivation, Sector, SECTORS};
use crate::core::plan::quarterly::{
    base_problem, compute, growth_problem, parse_base_paste, seek_remaining, spread_year,
    year_sector_growth, QuarterCell, QuarterlyInputs, SeekBy, Span, SpanResult, QUARTERS,
};
use crate::core::text::numfmt::{format_number, format_optional};
use crate::core::text::numparse::parse_number;
use crate::present::chain::sector_name;
use crate::present::dates::printed_text;
use crate::present::i18n::quarterly::{
    cell_problem_text, paste_error_text, qt, seek_error_text, span_name, QuarterMsg,
};
use crate::present::i18n::{ambiguity_text, parse_error_text, Locale};
use crate::present::reports::report_subtitle;

/// Decimals of growth and contributions.
const RATE_DECIMALS: u8 = 2;
/// Decimals of levels (billion VND).
const LEVEL_DECIMALS: u8 = 1;

fn rate(v: f64, locale: Locale) -> String {
    format_number(v, locale, RATE_DECIMALS)
}

fn level(v: f64, locale: Locale) -> String {
    format_number(v, locale, LEVEL_DECIMALS)
}

/// The year the quarterly scenario is for: the chain's first year (the year after the
/// last results), with last year as its base.
pub fn scenario_year(setup: &ChainSetup) -> i32 {
    setup.years.first().copied().unwrap_or(setup.base.year + 1)
}

/// The year's GRDP growth target the model plans (the chain's default sector growth in
/// that year when it is the plan growth), percent.
pub fn default_target(setup: &ChainSetup, year: i32) -> Option<f64> {
    setup
        .defaults
        .get(&(ChainInput::SectorGrowth(Sector::Agriculture), year))
        .filter(|d| matches!(d.how, Derivation::PlanGrowth { .. }))
        .map(|d| d.value)
}

fn number(text: &str, locale: Locale) -> Option<f64> {
    parse_number(text, locale)
        .ok()
        .flatten()
        .map(|p| p.value)
        .filter(|v| v.is_finite())
}

/// The typed cells read as the scenario's inputs (text that is not a number is left
/// out; its cell says why).
pub fn read_inputs(
    texts: &BTreeMap<QuarterCell, String>,
    results: &BTreeSet<u8>,
    locale: Locale,
) -> QuarterlyInputs {
    QuarterlyInputs::from_cells(texts.iter().map(|(c, t)| (c, number(t, locale))), results)
}

/// The year's target typed, or the model's plan.
pub fn target_of(
    texts: &BTreeMap<QuarterCell, String>,
    default: Option<f64>,
    locale: Locale,
) -> Option<f64> {
    match texts.get(&QuarterCell::Target) {
        Some(t) if !t.trim().is_empty() => number(t, locale),
        _ => default,
    }
}

/// The note under one cell: why its text cannot be used, a doubt about how it was read,
/// or a missing base level once some base is given. `None` when all is well.
pub fn cell_note(cell: QuarterCell, text: &str, any_base: bool, locale: Locale) -> Option<String> {
    let base = matches!(cell, QuarterCell::Base(..));
    if text.trim().is_empty() {
        return (base && any_base).then(|| {
            cell_problem_text(
                crate::core::plan::quarterly::CellProblem::Missing,
                true,
                locale,
            )
            .to_string()
        });
    }
    match parse_number(text, locale) {
        Err(e) => Some(parse_error_text(e, locale).to_string()),
        Ok(None) => None,
        Ok(Some(p)) => {
            let problem = match cell {
                QuarterCell::Base(..) => base_problem(Some(p.value)),
                QuarterCell::Growth(..) => growth_problem(Some(p.value)),
                QuarterCell::Target => None,
            };
            match problem {
                Some(pr) => Some(cell_problem_text(pr, base, locale).to_string()),
                None => p.ambiguity.map(|a| ambiguity_text(a, locale)),
            }
        }
    }
}

/// A column of the results: a period, and whether it is result or scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpanHead {
    /// Stable id (`1`-`4`, `6m`, `9m`, `year`), for `data-period`.
    pub id: &'static str,
    /// Its name.
    pub name: &'static str,
    /// `result`, `scenario` or `mixed`, for `data-kind`.
    pub kind: &'static str,
    /// The kind in words.
    pub tag: &'static str,
}

fn span_head(r: &SpanResult, locale: Locale) -> SpanHead {
    let (kind, tag) = if r.all_results {
        ("result", QuarterMsg::ResultTag)
    } else if r.some_results {
        ("mixed", QuarterMsg::MixedTag)
    } else {
        ("scenario", QuarterMsg::ScenarioTag)
    };
    SpanHead {
        id: r.span.id(),
        name: span_name(r.span, locale),
        kind,
        tag: qt(tag, locale),
    }
}

/// What a result row shows, for its `data-testid`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowKind {
    /// GRDP growth (`quarter-total-growth`).
    TotalGrowth,
    /// A sector's growth (`quarter-sector-growth`).
    SectorGrowth,
    /// A sector's contribution (`quarter-contribution`).
    Contribution,
    /// A level (`quarter-level`).
    Level,
}

impl RowKind {
    /// The row's `data-testid`.
    pub fn testid(self) -> &'static str {
        match self {
            RowKind::TotalGrowth => "quarter-total-growth",
            RowKind::SectorGrowth => "quarter-sector-growth",
            RowKind::Contribution => "quarter-contribution",
            RowKind::Level => "quarter-level",
        }
    }
}

/// One row of the results.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuarterRow {
    /// Row heading.
    pub label: String,
    /// What it shows.
    pub kind: RowKind,
    /// The sector's id (`None` for GRDP), for `data-sector`.
    pub sector: Option<&'static str>,
    /// One text per period, in [`Span::ALL`] order (`—` when it cannot be computed).
    pub cells: Vec<String>,
}

/// The results table: its columns and rows by section (growth, contribution, levels).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuarterResults {
    /// The columns.
    pub heads: Vec<SpanHead>,
    /// Growth rows: GRDP, then each sector.
    pub growth: Vec<QuarterRow>,
    /// Contribution rows, each sector.
    pub contribution: Vec<QuarterRow>,
    /// Level rows: GRDP, then each sector.
    pub levels: Vec<QuarterRow>,
}

fn row(
    label: String,
    kind: RowKind,
    sector: Option<Sector>,
    results: &[SpanResult],
    value: impl Fn(&SpanResult) -> Option<f64>,
    decimals: u8,
    locale: Locale,
) -> QuarterRow {
    QuarterRow {
        label,
        kind,
        sector: sector.map(crate::core::plan::quarterly::sector_id),
        cells: results
            .iter()
            .map(|r| format_optional(value(r), locale, decimals))
            .collect(),
    }
}

/// The results table of the inputs.
pub fn results_view(inputs: &QuarterlyInputs, locale: Locale) -> QuarterResults {
    let results = compute(inputs);
    let heads = results.iter().map(|r| span_head(r, locale)).collect();
    let at = |a: &[Option<f64>; 4], i: usize| a.get(i).copied().flatten();
    let grdp = qt(QuarterMsg::Grdp, locale);
    let mut growth = vec![row(
        grdp.to_string(),
        RowKind::TotalGrowth,
        None,
        &results,
        |r| r.growth,
        RATE_DECIMALS,
        locale,
    )];
    let mut contribution = Vec::new();
    let mut levels = vec![row(
        grdp.to_string(),
        RowKind::Level,
        None,
        &results,
        |r| r.level_total,
        LEVEL_DECIMALS,
        locale,
    )];
    for (i, s) in SECTORS.iter().enumerate() {
        let name = sector_name(*s, locale).to_string();
        growth.push(row(
            name.clone(),
            RowKind::SectorGrowth,
            Some(*s),
            &results,
            |r| at(&r.sector_growth, i),
            RATE_DECIMALS,
            locale,
        ));
        contribution.push(row(
            name.clone(),
            RowKind::Contribution,
            Some(*s),
            &results,
            |r| at(&r.contribution, i),
            RATE_DECIMALS,
            locale,
        ));
        levels.push(row(
            name,
            RowKind::Level,
            Some(*s),
            &results,
            |r| at(&r.level, i),
            LEVEL_DECIMALS,
            locale,
        ));
    }
    QuarterResults {
        heads,
        growth,
        contribution,
        levels,
    }
}

fn sum_text(parts: &[Option<f64>], locale: Locale) -> String {
    parts
        .iter()
        .map(|p| format_optional(*p, locale, LEVEL_DECIMALS))
        .collect::<Vec<_>>()
        .join(" + ")
}

/// The working of the results, with the numbers: the year and the cumulative periods
/// from levels, and each sector's contribution over the year.
pub fn explanation(inputs: &QuarterlyInputs, year: i32, locale: Locale) -> Vec<String> {
    let results = compute(inputs);
    let mut out = Vec::new();
    let quarter_totals = |f: fn(&SpanResult) -> Option<f64>| -> Vec<Option<f64>> {
        results.iter().take(4).map(f).collect()
    };
    let (bases, levels) = (
        quarter_totals(|r| r.base_total),
        quarter_totals(|r| r.level_total),
    );
    for r in results.iter().skip(4) {
        let (Some(b), Some(l), Some(g)) = (r.base_total, r.level_total, r.growth) else {
            continue;
        };
        let n = r.span.quarters().len();
        let first = |v: &[Option<f64>]| v.iter().take(n).copied().collect::<Vec<_>>();
        let (bs, ls) = (
            sum_text(&first(&bases), locale),
            sum_text(&first(&levels), locale),
        );
        let name = span_name(r.span, locale);
        out.push(match locale {
            Locale::Vi => format!(
                "{name} năm {year}: GRDP năm trước = {bs} = {} tỷ đồng; năm nay = {ls} = {} tỷ đồng; tăng {} ÷ {} − 1 = {}% (tính từ quy mô, không lấy bình quân tốc độ các quý).",
                level(b, locale), level(l, locale), level(l, locale), level(b, locale), rate(g, locale)
            ),
            Locale::En => format!(
                "{name} {year}: last year's GRDP = {bs} = {} billion VND; this year = {ls} = {} billion VND; growth {} ÷ {} − 1 = {}% (from levels, not the mean of the quarters' rates).",
                level(b, locale), level(l, locale), level(l, locale), level(b, locale), rate(g, locale)
            ),
        });
    }
    if let Some(y) = results.iter().find(|r| r.span == Span::Year) {
        for (i, s) in SECTORS.iter().enumerate() {
            let (Some(b), Some(l), Some(c), Some(t)) = (
                y.base.get(i).copied().flatten(),
                y.level.get(i).copied().flatten(),
                y.contribution.get(i).copied().flatten(),
                y.base_total,
            ) else {
                continue;
            };
            let name = sector_name(*s, locale);
            out.push(match locale {
                Locale::Vi => format!(
                    "{name}: đóng góp = ({} − {}) ÷ {} = {} điểm %.",
                    level(l, locale),
                    level(b, locale),
                    level(t, locale),
                    rate(c, locale)
                ),
                Locale::En => format!(
                    "{name}: contribution = ({} − {}) ÷ {} = {} points.",
                    level(l, locale),
                    level(b, locale),
                    level(t, locale),
                    rate(c, locale)
                ),
            });
        }
    }
    out
}

/// What moves in the remaining quarters, from the picker's value (`all` or a sector id).
pub fn seek_by_from_id(id: &str) -> SeekBy {
    crate::core::plan::quarterly::sector_from_id(id).map_or(SeekBy::AllSectors, SeekBy::Sector)
}

/// The remaining quarters' growth in words, with its numbers and the check.
pub fn seek_text(
    inputs: &QuarterlyInputs,
    by: SeekBy,
    target: Option<f64>,
    locale: Locale,
) -> String {
    let Some(target) = target else {
        return qt(QuarterMsg::EnterTarget, locale).to_string();
    };
    let name_of = |s: Sector| sector_name(s, locale);
    match seek_remaining(inputs, by, target) {
        Ok(a) => {
            let quarters = a
                .quarters
                .iter()
                .map(|q| span_name(Span::Quarter(*q), locale))
                .collect::<Vec<_>>()
                .join(", ");
            let what = match (by, locale) {
                (SeekBy::AllSectors, Locale::Vi) => "mọi ngành".to_string(),
                (SeekBy::AllSectors, Locale::En) => "every sector".to_string(),
                (SeekBy::Sector(s), Locale::Vi) => name_of(s).to_lowercase(),
                (SeekBy::Sector(s), Locale::En) => name_of(s).to_string(),
            };
            match locale {
                Locale::Vi => format!(
                    "Để cả năm tăng {}%, {what} ở {quarters} cần tăng {}% so với cùng kỳ: GRDP cả năm cần {} × (1 + {}%) = {} tỷ đồng; phần đã cố định (các quý đã có kết quả và các ngành không đổi) là {}; phần thay đổi năm trước là {}; ({} − {}) ÷ {} − 1 = {}% (kiểm tra lại: cả năm tăng {}%).",
                    rate(target, locale), rate(a.needed, locale), level(a.base_year, locale), rate(target, locale),
                    level(a.level_needed, locale), level(a.level_fixed, locale), level(a.base_moving, locale),
                    level(a.level_needed, locale), level(a.level_fixed, locale), level(a.base_moving, locale),
                    rate(a.needed, locale), rate(a.check, locale)
                ),
                Locale::En => format!(
                    "For the year to grow {}%, {what} must grow {}% in {quarters} on the same quarters of last year: the year's GRDP must be {} × (1 + {}%) = {} billion VND; what is fixed (published quarters and the sectors that do not move) gives {}; what moves was {} last year; ({} − {}) ÷ {} − 1 = {}% (checked: the year grows {}%).",
                    rate(target, locale), rate(a.needed, locale), level(a.base_year, locale), rate(target, locale),
                    level(a.level_needed, locale), level(a.level_fixed, locale), level(a.base_moving, locale),
                    level(a.level_needed, locale), level(a.level_fixed, locale), level(a.base_moving, locale),
                    rate(a.needed, locale), rate(a.check, locale)
                ),
            }
        }
        Err(e) => {
            let sector = match e {
                crate::core::plan::quarterly::SeekError::MissingInput { sector, .. } => {
                    name_of(sector)
                }
                _ => "",
            };
            seek_error_text(e, sector, locale)
        }
    }
}

/// The cells a remaining-quarters answer fills in (the growth of what moves, in the
/// quarters that are not results), as texts in `locale`.
pub fn seek_cells(
    inputs: &QuarterlyInputs,
    by: SeekBy,
    target: Option<f64>,
    locale: Locale,
) -> Vec<(QuarterCell, String)> {
    let Some(a) = target.and_then(|t| seek_remaining(inputs, by, t).ok()) else {
        return Vec::new();
    };
    let text = format_number(a.needed, locale, 4);
    let mut out = Vec::new();
    for q in &a.quarters {
        for s in SECTORS {
            if by == SeekBy::AllSectors || by == SeekBy::Sector(s) {
                out.push((QuarterCell::Growth(s, *q), text.clone()));
            }
        }
    }
    out
}

/// The year's sector growth the quarters imply, as chain inputs of `year` (only the
/// sectors whose year can be computed).
pub fn to_chain(
    inputs: &QuarterlyInputs,
    year: i32,
    locale: Locale,
) -> Vec<(ChainInput, i32, String)> {
    SECTORS
        .iter()
        .zip(year_sector_growth(inputs))
        .filter_map(|(s, g)| {
            Some((
                ChainInput::SectorGrowth(*s),
                year,
                format_number(g?, locale, 4),
            ))
        })
        .collect()
}

/// Each sector's yearly growth in the chain for `year`: the typed override, else the
/// default.
pub fn chain_sector_growth(
    setup: &ChainSetup,
    overrides: &BTreeMap<(ChainInput, i32), f64>,
    year: i32,
) -> [Option<f64>; 4] {
    let mut out = [None; 4];
    for (slot, s) in out.iter_mut().zip(SECTORS) {
        let key = (ChainInput::SectorGrowth(s), year);
        *slot = overrides
            .get(&key)
            .copied()
            .or_else(|| setup.defaults.get(&key).map(|d| d.value))
            .filter(|v| v.is_finite());
    }
    out
}

/// The chain's yearly sector growth spread over the quarters that are not results, in
/// proportion to last year's quarterly levels: the cells to fill, and a line per sector
/// that could not be spread.
pub fn from_chain(
    inputs: &QuarterlyInputs,
    yearly: [Option<f64>; 4],
    locale: Locale,
) -> (Vec<(QuarterCell, String)>, Vec<String>) {
    let mut cells = Vec::new();
    let mut problems = Vec::new();
    for (s, g) in SECTORS.iter().zip(yearly) {
        let Some(g) = g else { continue };
        match spread_year(inputs, *s, g) {
            Ok(per_quarter) => {
                for (q, v) in QUARTERS.iter().zip(per_quarter) {
                    if let Some(v) = v {
                        cells.push((QuarterCell::Growth(*s, *q), format_number(v, locale, 4)));
                    }
                }
            }
            Err(e) => problems.push(format!(
                "{}: {}",
                sector_name(*s, locale),
                seek_error_text(e, sector_name(*s, locale), locale)
            )),
        }
    }
    (cells, problems)
}

/// The base cells of a pasted table, or why it gave nothing (a cell with no number in
/// the table is left as it was).
pub fn pasted_cells(text: &str, locale: Locale) -> Result<Vec<(QuarterCell, String)>, String> {
    let grid =
        parse_base_paste(text, locale).map_err(|e| paste_error_text(e, locale).to_string())?;
    let mut out = Vec::new();
    for (s, row) in SECTORS.iter().zip(grid) {
        for (q, c) in QUARTERS.iter().zip(row) {
            if let Some(c) = c {
                out.push((QuarterCell::Base(*s, *q), c));
            }
        }
    }
    Ok(out)
}

/// The words after a paste: how many cells were read.
pub fn pasted_text(count: usize, locale: Locale) -> String {
    format!("{count} {}", qt(QuarterMsg::PasteDone, locale))
}

/// The name of a compared quarterly output: "Tăng trưởng GRDP theo kịch bản quý, 6 tháng (%)".
pub fn compare_name(span: Span, locale: Locale) -> String {
    match locale {
        Locale::Vi => format!(
            "Tăng trưởng GRDP theo kịch bản quý, {} (%)",
            span_name(span, locale).to_lowercase()
        ),
        Locale::En => format!(
            "GRDP growth in the quarterly scenario, {} (%)",
            span_name(span, locale).to_lowercase()
        ),
    }
}

/// The form's heading lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormHead {
    /// Province and term.
    pub subtitle: String,
    /// "Kịch bản tăng trưởng GRDP theo quý năm 2026".
    pub title: String,
    /// Price basis.
    pub basis: String,
    /// "Bản nháp: …".
    pub draft: String,
    /// "Ngày lập: 01/12/2026 13:05".
    pub date: String,
}

/// The form's heading for `year`, the open draft's name and the moment printed.
pub fn form_head(
    model: &Model,
    year: i32,
    draft_name: Option<&str>,
    now_ms: i64,
    timezone_offset_minutes: i64,
    locale: Locale,
) -> FormHead {
    let draft = draft_name.filter(|n| !n.trim().is_empty()).map_or_else(
        || qt(QuarterMsg::NoDraft, locale).to_string(),
        str::to_string,
    );
    FormHead {
        subtitle: report_subtitle(model, locale),
        title: format!("{} {year}", qt(QuarterMsg::FormTitle, locale)),
        basis: qt(QuarterMsg::FormBasis, locale).to_string(),
        draft: format!("{}: {draft}", qt(QuarterMsg::FormDraft, locale)),
        date: format!(
            "{}: {}",
            qt(QuarterMsg::FormDate, locale),
            printed_text(now_ms, timezone_offset_minutes, locale)
        ),
    }
}

/// The form in the shape of the provinces' scenario tables: rows the sectors and GRDP,
/// columns Q1 … Q4, 6 months, 9 months, year; growth, then contribution, then levels,
/// each section headed by a row, and a first row saying which columns are results.
pub fn form_table(inputs: &QuarterlyInputs, locale: Locale) -> Table {
    let r = results_view(inputs, locale);
    let mut header = vec![qt(QuarterMsg::Indicator, locale).to_string()];
    header.extend(r.heads.iter().map(|h| h.name.to_string()));
    let blank = |label: &str| {
        let mut v = vec![label.to_string()];
        v.extend(r.heads.iter().map(|_| String::new()));
        v
    };
    let mut rows = Vec::new();
    let mut kinds = vec![String::new()];
    kinds.extend(r.heads.iter().map(|h| h.tag.to_string()));
    rows.push(kinds);
    for (section, list) in [
        (QuarterMsg::GrowthSection, &r.growth),
        (QuarterMsg::ContributionSection, &r.contribution),
        (QuarterMsg::LevelSection, &r.levels),
    ] {
        rows.push(blank(qt(section, locale)));
        for row in list {
            let mut v = vec![row.label.clone()];
            v.extend(row.cells.iter().cloned());
            rows.push(v);
        }
    }
    Table { header, rows }
}

/// The form as a CSV table laid out like the sheet sent to the ministry: the title,
/// the province, the price basis, the draft and the date on their own lines above the
/// table of [`form_table`].
pub fn form_csv(inputs: &QuarterlyInputs, head: &FormHead, locale: Locale) -> Table {
    let table = form_table(inputs, locale);
    let width = table.header.len();
    let line = |text: &str| {
        let mut v = vec![text.to_string()];
        v.resize(width, String::new());
        v
    };
    let mut rows = vec![
        line(&head.subtitle),
        line(&head.basis),
        line(&head.draft),
        line(&head.date),
        line(""),
        table.header,
    ];
    rows.extend(table.rows);
    Table {
        header: line(&head.title),
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::plan::quarterly::set_cell;

    /// The issue's worked check typed as text: quarter totals 20,000; 22,000; 24,000;
    /// 26,340 split 20/40/32/8 %, growth 4, 14, 10, 8 % in every quarter.
    fn issue_texts() -> BTreeMap<QuarterCell, String> {
        let totals = [20_000.0, 22_000.0, 24_000.0, 26_340.0];
        let shares = [0.2, 0.4, 0.32, 0.08];
        let growth = ["4", "14", "10", "8"];
        let mut t = BTreeMap::new();
        for (si, s) in SECTORS.iter().enumerate() {
            for (qi, q) in QUARTERS.iter().enumerate() {
                t.insert(
                    QuarterCell::Base(*s, *q),
                    format_number(totals[qi] * shares[si], Locale::Vi, 4),
                );
                t.insert(QuarterCell::Growth(*s, *q), growth[si].to_string());
            }
        }
        t
    }

    #[test]
    fn results_view_shows_the_worked_check() {
        let x = read_inputs(&issue_texts(), &BTreeSet::from([1, 2]), Locale::Vi);
        let r = results_view(&x, Locale::Vi);
        // 10.24 % in every period; industry gives 5.6 points.
        assert_eq!(r.growth[0].cells, vec!["10,24"; 7]);
        assert_eq!(r.contribution[1].cells, vec!["5,6"; 7]);
        assert_eq!(r.contribution[1].sector, Some("industry"));
        let kinds: Vec<&str> = r.heads.iter().map(|h| h.kind).collect();
        assert_eq!(
            kinds,
            ["result", "result", "scenario", "scenario", "result", "mixed", "mixed"]
        );
        // The year's level: 92,340 × 1.1024 = 101,795.616.
        assert_eq!(r.levels[0].cells[6], "101.795,6");
    }

    #[test]
    fn bad_cells_get_a_note_and_the_rest_is_shown() {
        let mut t = issue_texts();
        t.insert(QuarterCell::Base(Sector::Services, 4), "abc".into());
        t.insert(QuarterCell::Growth(Sector::Agriculture, 1), "-100".into());
        t.remove(&QuarterCell::Base(Sector::ProductTaxes, 2));
        let note = |c, text: &str| cell_note(c, text, true, Locale::Vi);
        assert_eq!(
            note(QuarterCell::Base(Sector::Services, 4), "abc").as_deref(),
            Some("không đọc được số")
        );
        assert_eq!(
            note(QuarterCell::Growth(Sector::Agriculture, 1), "-100").as_deref(),
            Some("tốc độ phải lớn hơn −100%")
        );
        assert_eq!(
            note(QuarterCell::Base(Sector::ProductTaxes, 2), "").as_deref(),
            Some("thiếu quy mô quý này")
        );
        assert_eq!(
            note(QuarterCell::Base(Sector::Services, 1), "0").as_deref(),
            Some("quy mô phải lớn hơn 0")
        );
        assert_eq!(note(QuarterCell::Growth(Sector::Services, 1), ""), None);
        assert_eq!(
            cell_note(
                QuarterCell::Base(Sector::Services, 1),
                "",
                false,
                Locale::Vi
            ),
            None
        );
        let x = read_inputs(&t, &BTreeSet::new(), Locale::Vi);
        let r = results_view(&x, Locale::Vi);
        // Q3 is untouched: 10.24 %; Q1, Q2, Q4 and every cumulative period cannot be.
        assert_eq!(r.growth[0].cells, ["—", "—", "10,24", "—", "—", "—", "—"]);
        // Industry is whole: its own growth still shows everywhere.
        assert_eq!(r.growth[2].cells, vec!["14"; 7]);
        let text = format!("{r:?}");
        assert!(!text.contains("NaN") && !text.contains("inf"));
    }

    #[test]
    fn the_explanation_shows_its_numbers() {
        let x = read_inputs(&issue_texts(), &BTreeSet::new(), Locale::Vi);
        let lines = explanation(&x, 2026, Locale::Vi);
        // 6 months: 20,000 + 22,000 = 42,000 → 22,048 + 24,252.8 = 46,300.8.
        assert!(lines[0].starts_with("6 tháng năm 2026: GRDP năm trước = 20.000 + 22.000 = 42.000 tỷ đồng; năm nay = 22.048 + 24.252,8 = 46.300,8"), "{}", lines[0]);
        assert!(
            lines[2].contains("= 92.340 tỷ đồng")
                && lines[2]
                    .ends_with("= 10,24% (tính từ quy mô, không lấy bình quân tốc độ các quý)."),
            "{}",
            lines[2]
        );
        // Industry: 36,936 × 1.14 = 42,107.04; (42,107.04 − 36,936) ÷ 92,340 = 5.6 points.
        assert_eq!(
            lines[4],
            "Công nghiệp - xây dựng: đóng góp = (42.107 − 36.936) ÷ 92.340 = 5,6 điểm %."
        );
        assert_eq!(
            explanation(&QuarterlyInputs::default(), 2026, Locale::Vi),
            Vec::<String>::new()
        );
    }

    #[test]
    fn remaining_quarters_are_answered_with_the_numbers() {
        // Q1, Q2 results at 10.24 %: (101,574 − 46,300.8) ÷ 50,340 − 1 = 9.80 %.
        let x = read_inputs(&issue_texts(), &BTreeSet::from([1, 2]), Locale::Vi);
        let text = seek_text(&x, SeekBy::AllSectors, Some(10.0), Locale::Vi);
        assert!(
            text.starts_with(
                "Để cả năm tăng 10%, mọi ngành ở Quý III, Quý IV cần tăng 9,8% so với cùng kỳ"
            ),
            "{text}"
        );
        assert!(
            text.contains("(101.574 − 46.300,8) ÷ 50.340 − 1 = 9,8%"),
            "{text}"
        );
        assert!(text.ends_with("(kiểm tra lại: cả năm tăng 10%)."), "{text}");
        assert_eq!(
            seek_text(&x, SeekBy::AllSectors, None, Locale::Vi),
            "Nhập mục tiêu tăng trưởng cả năm."
        );
        let cells = seek_cells(&x, SeekBy::Sector(Sector::Services), Some(10.0), Locale::Vi);
        assert_eq!(cells.len(), 2);
        assert_eq!(cells[0].0, QuarterCell::Growth(Sector::Services, 3));
        // (17,498.064 ÷ 16,108.8 − 1) × 100 = 8.624255…, to four decimals 8.6243.
        assert_eq!(cells[0].1, "8,6243");
        let mut missing = x.clone();
        set_cell(&mut missing.base, Sector::Services, 4, None);
        assert_eq!(
            seek_text(&missing, SeekBy::AllSectors, Some(10.0), Locale::Vi),
            "Thiếu hoặc sai số liệu của dịch vụ quý 4: sửa ô đó rồi tính lại."
        );
    }

    #[test]
    fn linked_with_the_yearly_chain_both_ways() {
        let x = read_inputs(&issue_texts(), &BTreeSet::new(), Locale::Vi);
        let to = to_chain(&x, 2026, Locale::Vi);
        assert_eq!(to.len(), 4);
        assert_eq!(
            to[1],
            (
                ChainInput::SectorGrowth(Sector::IndustryConstruction),
                2026,
                "14".to_string()
            )
        );
        let (cells, problems) = from_chain(&x, [Some(5.0), None, None, None], Locale::Vi);
        assert!(problems.is_empty());
        assert_eq!(cells.len(), 4);
        assert_eq!(
            cells[3],
            (QuarterCell::Growth(Sector::Agriculture, 4), "5".to_string())
        );
    }

    #[test]
    fn the_form_has_the_provinces_shape() {
        let x = read_inputs(&issue_texts(), &BTreeSet::from([1]), Locale::Vi);
        let f = form_table(&x, Locale::Vi);
        assert_eq!(
            f.header,
            [
                "Chỉ tiêu",
                "Quý I",
                "Quý II",
                "Quý III",
                "Quý IV",
                "6 tháng",
                "9 tháng",
                "Cả năm"
            ]
        );
        assert_eq!(f.rows[0][1], "Thực hiện");
        assert_eq!(f.rows[0][2], "Kịch bản");
        assert_eq!(f.rows[1][0], "Tốc độ tăng so với cùng kỳ (%)");
        assert_eq!(f.rows[2][0], "Tổng sản phẩm (GRDP)");
        assert_eq!(f.rows[2][7], "10,24");
        // 1 kinds + (1 + 5) growth + (1 + 4) contribution + (1 + 5) levels.
        assert_eq!(f.rows.len(), 18);
        assert!(f.rows.iter().all(|r| r.len() == 8));
    }

    #[test]
    fn the_csv_form_carries_title_draft_and_date() {
        use crate::core::model::catalog::kon_tum;
        let model = kon_tum();
        let x = read_inputs(&issue_texts(), &BTreeSet::new(), Locale::Vi);
        // 1,795,343,400,000 ms is 2026-11-22 10:30 UTC, 17:30 in Hà Nội (UTC+7, which
        // the browser gives as an offset of −420 minutes).
        let head = form_head(
            &model,
            2025,
            Some("Kịch bản A"),
            1_795_343_400_000,
            -420,
            Locale::Vi,
        );
        assert_eq!(head.title, "Kịch bản tăng trưởng GRDP theo quý năm 2025");
        assert_eq!(head.draft, "Bản nháp: Kịch bản A");
        assert_eq!(head.date, "Ngày lập: 22/11/2026 17:30");
        let csv = form_csv(&x, &head, Locale::Vi);
        assert_eq!(csv.header[0], head.title);
        assert_eq!(csv.rows[2][0], head.draft);
        assert_eq!(csv.rows[5][1], "Quý I");
        assert!(csv.rows.iter().all(|r| r.len() == 8));
        let none = form_head(&model, 2025, None, 0, 0, Locale::Vi);
        assert_eq!(none.draft, "Bản nháp: (chưa lưu thành bản nháp)");
    }

    #[test]
    fn pasted_text_fills_base_cells() {
        let cells = pasted_cells("Dịch vụ\t1.000\t2.000\t3.000\t4.000", Locale::Vi).unwrap();
        assert_eq!(cells.len(), 4);
        assert_eq!(
            cells[3],
            (QuarterCell::Base(Sector::Services, 4), "4.000".to_string())
        );
        assert_eq!(
            pasted_cells("", Locale::Vi),
            Err("Chưa dán gì.".to_string())
        );
        assert_eq!(
            pasted_text(16, Locale::En),
            "16 cells read into last year's levels."
        );
    }

    #[test]
    fn target_is_typed_or_the_plan() {
        let mut t = BTreeMap::new();
        assert_eq!(target_of(&t, Some(10.0), Locale::Vi), Some(10.0));
        t.insert(QuarterCell::Target, "9,5".to_string());
        assert_eq!(target_of(&t, Some(10.0), Locale::Vi), Some(9.5));
        t.insert(QuarterCell::Target, "x".to_string());
        assert_eq!(target_of(&t, Some(10.0), Locale::Vi), None);
    }
}
