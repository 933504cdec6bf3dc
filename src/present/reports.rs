//! Reports: the tables a person can take away. Builds the CSV table of every table the
//! app shows from the same view-model values the screen renders (never from the DOM), and
//! the printed reports (the dashboard and the open indicator's scenario) in the shape of
//! Vietnamese plan reports: title, province, term, date printed, columns Kế hoạch / Thực
//! hiện / % so kế hoạch / So cùng kỳ, and the documents the figures come from.
//!
//! Pure and host-tested like `present::dashboard`; components lay these values out and the shell
//! saves or prints them. A CSV cell is the text of the screen cell, its lines joined by a
//! line break, so the file reads back to the table shown.

use std::collections::BTreeMap;

use crate::core::codec::csv::Table;
use crate::core::model::Model;
use crate::core::plan::assessment::{Assessment, PaceKind};
use crate::core::plan::report_facts::{line_documents, same_period_comparison};
use crate::core::plan::summary::summarize;
use crate::core::text::numfmt::format_number;
use crate::core::text::numparse::parse_number;
use crate::present::chart::{ChartData, SeriesKind};
use crate::present::dashboard::{dashboard, FigureView, GroupView, RowView, SourceView};
use crate::present::dates::printed_text;
use crate::present::explain::{
    assess_error_text, explain, pace_text, scenario_verdict_text, term_status_label,
};
use crate::present::i18n::{ambiguity_text, parse_error_text, pick, t, unit_name, Locale, Msg};
use crate::present::workbench::assumed_heading;

/// The lines of a cell joined as one text, empty lines left out.
fn lines(parts: &[&str]) -> String {
    parts
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join("\n")
}

fn or_dash(text: &str, locale: Locale) -> String {
    if text.is_empty() {
        t(Msg::NoData, locale).to_string()
    } else {
        text.to_string()
    }
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// "Kon Tum" — the province of a model in `locale`.
pub fn province(model: &Model, locale: Locale) -> String {
    pick(&model.province, locale).to_string()
}

/// A download title: province, then what the table is.
pub fn file_title(model: &Model, what: &str, locale: Locale) -> String {
    format!("{} - {what}", province(model, locale))
}

/// Column headings of a dashboard group table, as the screen shows them.
pub fn group_header(locale: Locale) -> Vec<String> {
    strings(&[
        t(Msg::ColIndicator, locale),
        t(Msg::ColUnit, locale),
        t(Msg::ColLatest, locale),
        t(Msg::ColPlan, locale),
        t(Msg::ColAttainment, locale),
        t(Msg::ColTermTarget, locale),
    ])
}

fn group_row(row: &RowView, locale: Locale) -> Vec<String> {
    vec![
        row.name.clone(),
        row.unit.clone(),
        lines(&[&or_dash(&row.latest, locale), &row.latest_when]),
        lines(&[&or_dash(&row.plan, locale), &row.plan_note]),
        lines(&[
            &or_dash(&row.attainment, locale),
            &row.status_text,
            &row.attainment_note,
        ]),
        lines(&[&or_dash(&row.term_target, locale), &row.term_target_when]),
    ]
}

/// The CSV table of one dashboard group.
pub fn group_table(group: &GroupView, locale: Locale) -> Table {
    Table {
        header: group_header(locale),
        rows: group.rows.iter().map(|r| group_row(r, locale)).collect(),
    }
}

/// The source of a figure as the lines the screen shows.
fn source_lines(source: &SourceView, locale: Locale) -> String {
    match source {
        SourceView::Quote {
            quote,
            title,
            issuer,
            date,
            public_report,
            url,
            ..
        } => {
            let mut meta = format!("{issuer} · {}: {date}", t(Msg::Date, locale));
            if !url.is_empty() {
                meta.push_str(&format!(" · {url}"));
            }
            if *public_report {
                meta.push_str(&format!(" · {}", t(Msg::PublicReport, locale)));
            }
            lines(&[quote, title, &meta])
        }
        SourceView::Derived { formula, inputs } => lines(&[
            &format!("{}: {formula}", t(Msg::Formula, locale)),
            &inputs.join(", "),
        ]),
    }
}

/// Column headings of an indicator's figures table.
pub fn figures_header(locale: Locale) -> Vec<String> {
    strings(&[
        t(Msg::ColPeriod, locale),
        t(Msg::ColKind, locale),
        t(Msg::ColValue, locale),
        t(Msg::ColSource, locale),
    ])
}

/// The CSV table of an indicator's figures and sources.
pub fn figures_table(figures: &[FigureView], locale: Locale) -> Table {
    Table {
        header: figures_header(locale),
        rows: figures
            .iter()
            .map(|f| {
                let note = if f.note.is_empty() {
                    String::new()
                } else {
                    format!("{}: {}", t(Msg::Note, locale), f.note)
                };
                vec![
                    f.period.clone(),
                    f.kind.clone(),
                    lines(&[&f.value, &f.price_basis, &f.basis, &note]),
                    source_lines(&f.source, locale),
                ]
            })
            .collect(),
    }
}

/// Name of a chart series.
pub fn series_label(kind: SeriesKind, locale: Locale) -> &'static str {
    match (kind, locale) {
        (SeriesKind::Results, Locale::Vi) => "Kết quả, ước thực hiện",
        (SeriesKind::Results, Locale::En) => "Results and estimates",
        (SeriesKind::Plans, Locale::Vi) => "Kế hoạch năm",
        (SeriesKind::Plans, Locale::En) => "Yearly plans",
        (SeriesKind::Scenario, Locale::Vi) => "Kịch bản đến mục tiêu",
        (SeriesKind::Scenario, Locale::En) => "Scenario path to the target",
        (SeriesKind::FromGrowth, Locale::Vi) => "Suy ra từ tốc độ tăng",
        (SeriesKind::FromGrowth, Locale::En) => "Derived from the growth rates",
    }
}

/// The chart's numbers as a table: one row a year with the result, the levels derived
/// from the growth rates (a column only when the chart has them), the plan, the
/// scenario and the target (empty where the chart has no point).
pub fn chart_table(data: &ChartData, locale: Locale) -> Table {
    let n = |v: f64| format_number(v, locale, data.decimals);
    let (first, last) = data.years;
    let from_growth = data
        .series
        .iter()
        .any(|s| s.kind == SeriesKind::FromGrowth && !s.points.is_empty());
    let kinds: Vec<SeriesKind> = [
        SeriesKind::Results,
        SeriesKind::FromGrowth,
        SeriesKind::Plans,
        SeriesKind::Scenario,
    ]
    .into_iter()
    .filter(|k| *k != SeriesKind::FromGrowth || from_growth)
    .collect();
    let rows = (first..=last)
        .map(|year| {
            let cell = |kind: SeriesKind| {
                data.series
                    .iter()
                    .find(|s| s.kind == kind)
                    .and_then(|s| s.points.iter().find(|(y, _)| *y == year))
                    .map(|(_, v)| n(*v))
                    .unwrap_or_default()
            };
            let target = data
                .target
                .filter(|(y, _, _)| *y == year)
                .map(|(_, lo, hi)| {
                    if lo == hi {
                        n(lo)
                    } else {
                        format!("{}–{}", n(lo), n(hi))
                    }
                })
                .unwrap_or_default();
            std::iter::once(year.to_string())
                .chain(kinds.iter().map(|k| cell(*k)))
                .chain(std::iter::once(target))
                .collect()
        })
        .collect();
    Table {
        header: std::iter::once(t(Msg::Year, locale).to_string())
            .chain(kinds.iter().map(|k| series_label(*k, locale).to_string()))
            .chain(std::iter::once(t(Msg::ColTermTarget, locale).to_string()))
            .collect(),
        rows,
    }
}

/// What an assumption box understood of the typed text ("= 10%", or why not).
pub fn echo_text(text: &str, kind: PaceKind, locale: Locale) -> String {
    match parse_number(text, locale) {
        Ok(None) => String::new(),
        Ok(Some(p)) => {
            let shown = format_number(p.value, locale, 4);
            let unit = match kind {
                PaceKind::Growth => "%",
                PaceKind::Increment => "",
            };
            let mut out = format!("= {shown}{unit}");
            if let Some(a) = p.ambiguity {
                out.push_str(" · ");
                out.push_str(&ambiguity_text(a, locale));
            }
            out
        }
        Err(e) => parse_error_text(e, locale).to_string(),
    }
}

/// The pace lines of the "what is needed" panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PaceLines {
    /// Pace needed (or why it cannot be computed).
    pub required: String,
    /// The free years it applies to ("(2024–2025)").
    pub free: String,
    /// Pace achieved, with its years.
    pub achieved: String,
    /// Planned pace, for stocks with planned additions.
    pub planned: Option<String>,
}

fn years_label(years: &[i32]) -> String {
    match (years.first(), years.last()) {
        (Some(a), Some(b)) if a != b => format!("({a}–{b})"),
        (Some(a), _) => format!("({a})"),
        _ => String::new(),
    }
}

/// The pace needed, achieved and planned, in words.
pub fn pace_lines(model: &Model, unit: &str, a: &Assessment, locale: Locale) -> PaceLines {
    let (required, free) = match (&a.required, &a.working) {
        (Ok(r), Some(w)) => (
            pace_text(model, unit, w.pace_kind, *r, locale),
            years_label(&w.free_years),
        ),
        (Err(e), _) => (assess_error_text(*e, locale).to_string(), String::new()),
        _ => (String::new(), String::new()),
    };
    let achieved = match (&a.achieved, &a.working) {
        (Some((from, v)), Some(w)) => format!(
            "{} ({from}–{})",
            pace_text(model, unit, w.pace_kind, *v, locale),
            w.start_year
        ),
        _ => t(Msg::NoData, locale).to_string(),
    };
    let planned = match (&a.planned, &a.working) {
        (Some((year, v, _)), Some(w)) => Some(format!(
            "{} ({year})",
            pace_text(model, unit, w.pace_kind, *v, locale)
        )),
        _ => None,
    };
    PaceLines {
        required,
        free,
        achieved,
        planned,
    }
}

/// One source document in a report's list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceLine {
    /// Its number in the list, as the rows cite it.
    pub number: usize,
    /// Title.
    pub title: String,
    /// Issuer, number and date.
    pub detail: String,
}

/// Numbers documents in the order first cited and lists them.
#[derive(Default)]
struct SourceList {
    ids: Vec<String>,
}

impl SourceList {
    fn cite(&mut self, doc: &str) -> usize {
        match self.ids.iter().position(|d| d == doc) {
            Some(i) => i + 1,
            None => {
                self.ids.push(doc.to_string());
                self.ids.len()
            }
        }
    }

    fn lines(&self, model: &Model, locale: Locale) -> Vec<SourceLine> {
        self.ids
            .iter()
            .enumerate()
            .map(|(i, id)| {
                let doc = model.document(id);
                let title = doc.map_or_else(|| id.clone(), |d| pick(&d.title, locale).to_string());
                let detail = doc
                    .map(|d| {
                        let mut parts = vec![d.issuer.clone()];
                        if let Some(n) = &d.number {
                            parts.push(n.clone());
                        }
                        parts.push(format!(
                            "{}: {}",
                            t(Msg::Date, locale),
                            crate::present::dashboard::date_text(d.date, locale)
                        ));
                        if d.kind == crate::core::model::DocumentKind::PublicReport {
                            parts.push(t(Msg::PublicReport, locale).to_string());
                        }
                        if let Some(url) = &d.url {
                            parts.push(url.clone());
                        }
                        parts.join(" · ")
                    })
                    .unwrap_or_default();
                SourceLine {
                    number: i + 1,
                    title,
                    detail,
                }
            })
            .collect()
    }
}

/// One line of the printed dashboard report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportRow {
    /// Indicator id.
    pub id: String,
    /// Cells in the order of [`DashboardReport::header`].
    pub cells: Vec<String>,
}

/// One group of the printed dashboard report ("I. Kinh tế tổng hợp").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportGroup {
    /// Roman numeral of the group.
    pub number: String,
    /// Group name.
    pub name: String,
    /// Its lines.
    pub rows: Vec<ReportRow>,
}

/// The printed dashboard: a plan report of every indicator shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DashboardReport {
    /// Report title.
    pub title: String,
    /// "Tỉnh Kon Tum · Nhiệm kỳ 2021–2025".
    pub subtitle: String,
    /// "Ngày in: 22/11/2026 17:30".
    pub printed: String,
    /// The search filter, when the dashboard is filtered.
    pub filter: Option<String>,
    /// Column headings.
    pub header: Vec<String>,
    /// Groups of lines.
    pub groups: Vec<ReportGroup>,
    /// The documents cited.
    pub sources: Vec<SourceLine>,
}

fn roman(n: usize) -> String {
    const NUMERALS: [(usize, &str); 9] = [
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut rest = n;
    let mut out = String::new();
    for (value, numeral) in NUMERALS {
        while rest >= value {
            out.push_str(numeral);
            rest -= value;
        }
    }
    out
}

/// Column headings of the printed dashboard report.
pub fn report_header(locale: Locale) -> Vec<String> {
    strings(&[
        t(Msg::RepNumber, locale),
        t(Msg::ColIndicator, locale),
        t(Msg::RepUnit, locale),
        t(Msg::ColPeriod, locale),
        t(Msg::RepPlan, locale),
        t(Msg::RepActual, locale),
        t(Msg::ColAttainment, locale),
        t(Msg::RepSamePeriod, locale),
        t(Msg::ColTermTarget, locale),
        t(Msg::ColSource, locale),
    ])
}

/// "Tỉnh Kon Tum · Nhiệm kỳ 2021–2025".
pub fn report_subtitle(model: &Model, locale: Locale) -> String {
    format!(
        "{} {} · {} {}–{}",
        t(Msg::ReportProvince, locale),
        province(model, locale),
        t(Msg::Term, locale),
        model.term.first_year,
        model.term.last_year
    )
}

/// The printed dashboard for the rows the screen shows (same search), dated `now_ms`.
pub fn dashboard_report(
    model: &Model,
    query: &str,
    locale: Locale,
    now_ms: i64,
    timezone_offset_minutes: i64,
) -> DashboardReport {
    let mut sources = SourceList::default();
    let groups = dashboard(model, query, locale)
        .into_iter()
        .enumerate()
        .map(|(gi, group)| ReportGroup {
            number: roman(gi + 1),
            name: group.name.clone(),
            rows: group
                .rows
                .iter()
                .enumerate()
                .map(|(ri, row)| {
                    let (comparison, docs) = match model.indicator(&row.id) {
                        Some(ind) => {
                            let summary = summarize(model, ind);
                            let comparison = summary
                                .latest
                                .and_then(|l| same_period_comparison(model, l));
                            (
                                comparison.map(|f| {
                                    crate::present::i18n::figure_value_text(model, f, locale)
                                }),
                                line_documents(&summary, comparison),
                            )
                        }
                        None => (None, Vec::new()),
                    };
                    let cited = docs
                        .iter()
                        .map(|d| sources.cite(d).to_string())
                        .collect::<Vec<_>>()
                        .join(", ");
                    let dash = |s: &str| or_dash(s, locale);
                    ReportRow {
                        id: row.id.clone(),
                        cells: vec![
                            (ri + 1).to_string(),
                            row.name.clone(),
                            row.unit.clone(),
                            dash(&row.latest_when),
                            lines(&[&dash(&row.plan), &row.plan_note]),
                            dash(&row.latest),
                            lines(&[&dash(&row.attainment), &row.status_text]),
                            dash(&comparison.unwrap_or_default()),
                            lines(&[&dash(&row.term_target), &row.term_target_when]),
                            dash(&cited),
                        ],
                    }
                })
                .collect(),
        })
        .collect();
    let query = query.trim();
    DashboardReport {
        title: t(Msg::ReportTitle, locale).to_string(),
        subtitle: report_subtitle(model, locale),
        printed: format!(
            "{}: {}",
            t(Msg::PrintedOn, locale),
            printed_text(now_ms, timezone_offset_minutes, locale)
        ),
        filter: (!query.is_empty())
            .then(|| format!("{}: \u{201c}{query}\u{201d}", t(Msg::FilteredBy, locale))),
        header: report_header(locale),
        groups,
        sources: sources.lines(model, locale),
    }
}

/// The printed scenario of one indicator: where it stands against the term target, the
/// pace needed with the person's assumptions, the year-by-year path and the working.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScenarioReport {
    /// Report title.
    pub title: String,
    /// "Tỉnh Kon Tum · Nhiệm kỳ 2021–2025".
    pub subtitle: String,
    /// Date printed.
    pub printed: String,
    /// Indicator name and unit.
    pub indicator: String,
    /// The fact lines: status, term target, latest result, pace needed, achieved, planned.
    pub facts: Vec<Fact>,
    /// The assumptions typed, one row a year (empty when none).
    pub assumptions: Table,
    /// Year-by-year results, plans and scenario (when the indicator has a chart).
    pub path: Option<Table>,
    /// The explanation with the numbers filled in.
    pub explanation: Vec<String>,
    /// Documents of the indicator's figures shown.
    pub sources: Vec<SourceLine>,
}

/// One labelled line of the scenario report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fact {
    /// What it is ("Tốc độ cần đạt (2024–2025)").
    pub label: String,
    /// Its value in words.
    pub value: String,
}

fn fact(label: impl Into<String>, value: impl Into<String>) -> Fact {
    Fact {
        label: label.into(),
        value: value.into(),
    }
}

/// Builds the scenario report of `indicator` for `assessment` and the typed
/// `inputs` (text as typed, by year).
pub fn scenario_report(
    model: &Model,
    indicator: &str,
    assessment: &Assessment,
    inputs: &BTreeMap<i32, String>,
    locale: Locale,
    now_ms: i64,
    timezone_offset_minutes: i64,
) -> Option<ScenarioReport> {
    let ind = model.indicator(indicator)?;
    let unit = ind.unit.as_str();
    let summary = summarize(model, ind);
    let pace = pace_lines(model, unit, assessment, locale);
    let mut facts = vec![fact(
        t(Msg::RepTermStatus, locale).to_string(),
        term_status_label(assessment.status, locale).to_string(),
    )];
    // The scenario's verdict is printed on its own line, apart from the status.
    if let Some(v) = assessment.scenario {
        facts.push(fact(
            t(Msg::RepScenarioVerdict, locale),
            scenario_verdict_text(v, locale),
        ));
    }
    if let Some(target) = summary.term_target {
        facts.push(fact(
            t(Msg::ColTermTarget, locale).to_string(),
            format!(
                "{} ({})",
                crate::present::i18n::figure_value_text(model, target, locale),
                crate::present::i18n::period_text(target.period, locale)
            ),
        ));
    }
    if let Some(latest) = summary.latest {
        facts.push(fact(
            t(Msg::ColLatest, locale).to_string(),
            format!(
                "{} ({} · {})",
                crate::present::i18n::figure_value_text(model, latest, locale),
                crate::present::i18n::period_text(latest.period, locale),
                crate::present::i18n::kind_label(latest.kind, locale)
            ),
        ));
    }
    if !pace.required.is_empty() {
        facts.push(fact(
            format!("{} {}", t(Msg::PaceNeeded, locale), pace.free)
                .trim_end()
                .to_string(),
            pace.required,
        ));
    }
    facts.push(fact(
        t(Msg::PaceAchieved, locale).to_string(),
        pace.achieved,
    ));
    if let Some(p) = pace.planned {
        facts.push(fact(t(Msg::PacePlanned, locale).to_string(), p));
    }
    let kind = assessment
        .working
        .as_ref()
        .map_or(PaceKind::Growth, |w| w.pace_kind);
    let assumptions = Table {
        header: strings(&[
            t(Msg::Year, locale),
            assumed_heading(kind, locale),
            t(Msg::Understood, locale),
        ]),
        rows: inputs
            .iter()
            .filter(|(_, text)| !text.trim().is_empty())
            .map(|(year, text)| {
                vec![
                    year.to_string(),
                    text.clone(),
                    echo_text(text, kind, locale),
                ]
            })
            .collect(),
    };
    let path = crate::present::chart::chart_data(model, indicator, assessment)
        .map(|d| chart_table(&d, locale));
    let mut sources = SourceList::default();
    for f in model.figures_of(indicator) {
        if let Some(d) = f.doc_id() {
            sources.cite(d);
        }
    }
    Some(ScenarioReport {
        title: t(Msg::ScenarioReportTitle, locale).to_string(),
        subtitle: report_subtitle(model, locale),
        printed: format!(
            "{}: {}",
            t(Msg::PrintedOn, locale),
            printed_text(now_ms, timezone_offset_minutes, locale)
        ),
        indicator: format!(
            "{} ({})",
            pick(&ind.name, locale),
            unit_name(model, unit, locale)
        ),
        facts,
        assumptions,
        path,
        explanation: explain(model, unit, assessment, locale),
        sources: sources.lines(model, locale),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::codec::csv::{parse, write, Delimiter};
    use crate::core::model::catalog::kon_tum;
    use crate::core::plan::assessment::{assess, Assumptions};
    use crate::present::dashboard::figure_views;

    #[test]
    fn group_tables_have_one_row_per_indicator_and_survive_csv() {
        let model = kon_tum();
        for locale in [Locale::Vi, Locale::En] {
            for group in dashboard(&model, "", locale) {
                let table = group_table(&group, locale);
                assert_eq!(table.rows.len(), group.rows.len());
                assert!(table.rows.iter().all(|r| r.len() == table.header.len()));
                let delimiter = Delimiter::for_locale(locale);
                assert_eq!(parse(&write(&table, delimiter), delimiter), Ok(table));
            }
        }
    }

    #[test]
    fn grdp_report_line_shows_plan_result_attainment_and_sources() {
        let model = kon_tum();
        let report = dashboard_report(&model, "GRDP", Locale::Vi, 1_795_343_400_000, -420);
        assert_eq!(report.printed, "Ngày in: 22/11/2026 17:30");
        assert_eq!(report.subtitle, "Tỉnh Kon Tum · Nhiệm kỳ 2021–2025");
        assert!(report.header.contains(&"So cùng kỳ".to_string()));
        assert_eq!(report.filter.as_deref(), Some("Lọc theo: “GRDP”"));
        let grdp = report
            .groups
            .iter()
            .flat_map(|g| &g.rows)
            .find(|r| r.id == "grdp_constant")
            .expect("GRDP line");
        assert_eq!(grdp.cells.len(), report.header.len());
        let actual = &grdp.cells[5];
        assert!(actual.contains("tỷ đồng"), "{grdp:?}");
        assert!(grdp.cells[6].contains('%'), "{grdp:?}");
        // Every cited number is in the list.
        let cited: Vec<usize> = grdp.cells[9]
            .split(", ")
            .map(|n| n.parse().expect("a number"))
            .collect();
        assert!(!cited.is_empty());
        assert!(cited.iter().all(|n| *n <= report.sources.len()));
        assert!(report.sources.iter().all(|s| !s.title.is_empty()));
    }

    #[test]
    fn report_cells_are_never_blank_and_never_nan() {
        let model = kon_tum();
        let report = dashboard_report(&model, "", Locale::En, 0, 0);
        let rows: Vec<&ReportRow> = report.groups.iter().flat_map(|g| &g.rows).collect();
        assert_eq!(rows.len(), model.indicators.len());
        for r in rows {
            for c in &r.cells {
                assert!(
                    !c.is_empty() && !c.contains("NaN") && !c.contains("inf"),
                    "{r:?}"
                );
            }
        }
        assert_eq!(report.groups.first().map(|g| g.number.as_str()), Some("I"));
        assert_eq!(roman(14), "XIV");
    }

    #[test]
    fn figures_table_keeps_every_figure_and_its_source() {
        let model = kon_tum();
        let figures = figure_views(&model, "grdp_constant", Locale::Vi);
        let table = figures_table(&figures, Locale::Vi);
        assert_eq!(table.rows.len(), figures.len());
        assert!(table
            .rows
            .iter()
            .any(|r| r[3].contains("18.938,78 tỷ đồng") && r[3].contains(" · Ngày: ")));
    }

    #[test]
    fn scenario_report_of_grdp_with_an_assumption() {
        let model = kon_tum();
        let mut assumptions = Assumptions {
            start_year: Some(2023),
            ..Assumptions::default()
        };
        assumptions.per_year.insert(2024, 10.0);
        let a = assess(&model, "grdp_constant", &assumptions);
        let inputs = BTreeMap::from([(2024, "10".to_string()), (2025, String::new())]);
        let r = scenario_report(&model, "grdp_constant", &a, &inputs, Locale::Vi, 0, -420)
            .expect("a report");
        assert_eq!(
            r.assumptions.rows,
            vec![vec!["2024".to_string(), "10".into(), "= 10%".into()]]
        );
        assert!(
            r.facts
                .iter()
                .any(|f| f.label.starts_with("Tốc độ cần đạt") && f.value.contains("16,")),
            "{:?}",
            r.facts
        );
        let path = r.path.expect("a chart table");
        let scenario = path
            .header
            .iter()
            .position(|h| h == "Kịch bản đến mục tiêu")
            .expect("a scenario column");
        assert!(path
            .rows
            .iter()
            .any(|row| row[0] == "2025" && !row[scenario].is_empty()));
        assert!(!r.explanation.is_empty() && !r.sources.is_empty());
    }

    #[test]
    fn echo_and_dates() {
        assert_eq!(echo_text("13,2", PaceKind::Growth, Locale::Vi), "= 13,2%");
        assert_eq!(echo_text("", PaceKind::Growth, Locale::Vi), "");
        assert_eq!(printed_text(0, 0, Locale::En), "1970-01-01 00:00");
    }
}
