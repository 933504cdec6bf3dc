//! The end of a term as text (issue #13): the end-of-term result of one indicator in the
//! workbench (in place of the pace still needed), the evaluation table of the whole
//! model with its CSV, the list of what the public pages lack, and the conversion of a
//! USD target at the exchange rate the person types. Pure; the verdicts
//! come from `core::plan::term_end`, which uses the one "meets the target" rule.

use crate::core::codec::csv::Table;
use crate::core::model::load::figure_key;
use crate::core::model::{Amount, Figure, Measure, Model};
use crate::core::plan::assessment::term_target;
use crate::core::plan::currency::{convert, needs_rate};
use crate::core::plan::term_end::{evaluation, term_result, TermResult, Verdict};
use crate::core::text::numfmt::format_number;
use crate::present::i18n::term::{tt, TermMsg};
use crate::present::i18n::{
    figure_value_text, pick, unit_name, with_unit, Locale, COMPUTED_DECIMALS,
};
use crate::present::model_editor::vintage_used_text;

/// The end-of-term result of one indicator, as the workbench shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TermResultView {
    /// Verdict code, for styling and tests (`achieved`, `not-achieved`, `no-result`,
    /// `not-comparable`).
    pub code: &'static str,
    /// Verdict in words.
    pub verdict: &'static str,
    /// The term target in words.
    pub target: String,
    /// Label of the result: final, or latest when the data end before the last year.
    pub result_label: &'static str,
    /// The result with its unit and year; empty without a result.
    pub result: String,
    /// The margin (result minus the target), signed; empty when not compared.
    pub margin: String,
    /// Which figure the result rests on; empty without a result.
    pub rests_on: String,
}

/// The code of a verdict.
pub fn verdict_code(v: &Verdict) -> &'static str {
    match v {
        Verdict::Achieved => "achieved",
        Verdict::NotAchieved => "not-achieved",
        Verdict::NoResultYet => "no-result",
        Verdict::NotComparable => "not-comparable",
    }
}

/// A verdict in words.
pub fn verdict_text(v: &Verdict, locale: Locale) -> &'static str {
    match v {
        Verdict::Achieved => tt(TermMsg::Achieved, locale),
        Verdict::NotAchieved => tt(TermMsg::NotAchieved, locale),
        Verdict::NoResultYet => tt(TermMsg::NoResultYet, locale),
        Verdict::NotComparable => tt(TermMsg::NotComparable, locale),
    }
}

fn figure_by_key<'a>(model: &'a Model, key: &str) -> Option<&'a Figure> {
    model.figures.iter().find(|f| figure_key(f) == key)
}

fn value_unit(model: &Model, r: &TermResult, locale: Locale) -> String {
    match r.measure {
        Measure::AverageGrowth => match locale {
            Locale::Vi => "%/năm".to_string(),
            Locale::En => "% a year".to_string(),
        },
        _ => model
            .indicator(&r.indicator)
            .map(|i| unit_name(model, &i.unit, locale).to_string())
            .unwrap_or_default(),
    }
}

/// The decimals of a result: a yearly rate as a percentage, a level at its indicator's
/// unit's decimals (people whole).
fn result_decimals(model: &Model, r: &TermResult) -> u8 {
    match r.measure {
        Measure::AverageGrowth => crate::present::precision::registry_decimals("percent"),
        _ => model
            .indicator(&r.indicator)
            .map_or(COMPUTED_DECIMALS, |i| {
                crate::present::precision::unit_decimals(model, &i.unit)
            }),
    }
}

fn result_text(model: &Model, r: &TermResult, locale: Locale) -> String {
    let (Some(v), Some(y)) = (r.value, r.year) else {
        return String::new();
    };
    let unit = value_unit(model, r, locale);
    let number = format_number(v, locale, result_decimals(model, r));
    let shown = if unit.starts_with('%') {
        format!("{number}{unit}")
    } else {
        with_unit(&number, &unit)
    };
    format!("{shown} ({y})")
}

fn margin_text(model: &Model, r: &TermResult, locale: Locale) -> String {
    let Some(m) = r.margin else {
        return String::new();
    };
    let sign = if m < 0.0 { "−" } else { "+" };
    let number = format_number(m.abs(), locale, result_decimals(model, r));
    let unit = match (r.measure, locale) {
        (Measure::AverageGrowth, Locale::Vi) => "điểm %".to_string(),
        (Measure::AverageGrowth, Locale::En) => "points".to_string(),
        _ => value_unit(model, r, locale),
    };
    format!("{sign}{}", with_unit(&number, &unit))
}

fn view_of(model: &Model, r: &TermResult, locale: Locale) -> TermResultView {
    let target = figure_by_key(model, &r.target_key)
        .map(|f| figure_value_text(model, f, locale))
        .unwrap_or_default();
    let rests_on = r
        .vintage
        .as_deref()
        .and_then(|k| figure_by_key(model, k))
        .map(|f| vintage_used_text(model, f, locale))
        .unwrap_or_default();
    TermResultView {
        code: verdict_code(&r.verdict),
        verdict: verdict_text(&r.verdict, locale),
        target,
        result_label: if r.is_final {
            tt(TermMsg::FinalResult, locale)
        } else {
            tt(TermMsg::LatestResult, locale)
        },
        result: result_text(model, r, locale),
        margin: margin_text(model, r, locale),
        rests_on,
    }
}

/// The end-of-term result of one indicator; `None` when the term is not over on
/// `today_year` or the indicator has no term target.
pub fn term_result_view(
    model: &Model,
    indicator: &str,
    today_year: i32,
    locale: Locale,
) -> Option<TermResultView> {
    if !crate::core::plan::term_end::term_over(model, today_year) {
        return None;
    }
    term_result(model, indicator).map(|r| view_of(model, &r, locale))
}

/// One row of the evaluation table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvaluationRow {
    /// Indicator id.
    pub indicator: String,
    /// Indicator name.
    pub name: String,
    /// The result's view.
    pub view: TermResultView,
}

/// The evaluation of the whole model, one row per indicator with a term target.
pub fn evaluation_rows(model: &Model, locale: Locale) -> Vec<EvaluationRow> {
    evaluation(model)
        .iter()
        .map(|r| EvaluationRow {
            indicator: r.indicator.clone(),
            name: model
                .indicator(&r.indicator)
                .map(|i| pick(&i.name, locale).to_string())
                .unwrap_or_default(),
            view: view_of(model, r, locale),
        })
        .collect()
}

/// The evaluation as a table (for CSV): chỉ tiêu | mục tiêu nhiệm kỳ | thực hiện |
/// chênh lệch | đánh giá | dựa trên.
pub fn evaluation_table(rows: &[EvaluationRow], locale: Locale) -> Table {
    let header = vec![
        tt(TermMsg::ColIndicator, locale).to_string(),
        tt(TermMsg::ColTarget, locale).to_string(),
        tt(TermMsg::ColResult, locale).to_string(),
        tt(TermMsg::Margin, locale).to_string(),
        tt(TermMsg::ColVerdict, locale).to_string(),
        tt(TermMsg::RestsOn, locale).to_string(),
    ];
    let rows = rows
        .iter()
        .map(|r| {
            vec![
                r.name.clone(),
                r.view.target.clone(),
                r.view.result.clone(),
                r.view.margin.clone(),
                r.view.verdict.to_string(),
                r.view.rests_on.clone(),
            ]
        })
        .collect();
    Table { header, rows }
}

/// The exchange-rate box of an indicator whose term target is in USD.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExchangeRateView {
    /// The conversion at the typed rate ("6.900–7.000 USD × 26.000 đồng/USD =
    /// 179,4–182 triệu đồng"); `None` without a usable rate.
    pub conversion: Option<String>,
}

fn amount_text(a: Amount, locale: Locale) -> String {
    match a {
        Amount::Point(v) => format_number(v, locale, COMPUTED_DECIMALS),
        Amount::Range(lo, hi) => format!(
            "{}–{}",
            format_number(lo, locale, COMPUTED_DECIMALS),
            format_number(hi, locale, COMPUTED_DECIMALS)
        ),
    }
}

/// The exchange-rate box's text; `None` when the indicator's term target needs no rate.
pub fn exchange_rate_view(
    model: &Model,
    indicator: &str,
    rate: Option<f64>,
    locale: Locale,
) -> Option<ExchangeRateView> {
    let i = model.indicator(indicator)?;
    let target = term_target(model, indicator)?;
    if !needs_rate(model, &target.unit, &i.unit) {
        return None;
    }
    let conversion = rate.and_then(|r| {
        let out = convert(model, target.amount, &target.unit, &i.unit, r)?;
        let per = match locale {
            Locale::Vi => "đồng/USD",
            Locale::En => "VND/USD",
        };
        Some(format!(
            "{} × {} {per} = {}",
            with_unit(
                &amount_text(target.amount, locale),
                unit_name(model, &target.unit, locale)
            ),
            format_number(r, locale, COMPUTED_DECIMALS),
            with_unit(&amount_text(out, locale), unit_name(model, &i.unit, locale)),
        ))
    });
    Some(ExchangeRateView { conversion })
}

/// What the public pages lack, in `locale`; empty when nothing is listed.
pub fn gaps_list(model: &Model, locale: Locale) -> Vec<String> {
    model
        .gaps
        .iter()
        .map(|g| pick(g, locale).to_string())
        .filter(|g| !g.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::catalog::{kon_tum, load_shipped};

    fn kon_tum_grdp(locale: Locale) -> Option<TermResultView> {
        term_result_view(&kon_tum(), "grdp_constant", 2026, locale)
    }

    #[test]
    fn no_end_of_term_result_while_the_term_runs() {
        assert_eq!(
            term_result_view(&kon_tum(), "grdp_constant", 2025, Locale::Vi),
            None
        );
    }

    #[test]
    fn kon_tum_grdp_growth_is_not_achieved_by_2_38_points() {
        // (20,225 ÷ 15,076)^(1/4) − 1 = 7.62 % a year against ≥ 10 %: 2.38 points short.
        let v = kon_tum_grdp(Locale::Vi).expect("over");
        assert_eq!(v.code, "not-achieved");
        assert_eq!(v.verdict, "Không đạt");
        assert_eq!(v.result, "7,62%/năm (2024)");
        assert_eq!(v.margin, "−2,38 điểm %");
        assert_eq!(v.result_label, tt(TermMsg::LatestResult, Locale::Vi));
        assert!(v.rests_on.contains("2024"), "{}", v.rests_on);
        assert!(!v.target.is_empty());
    }

    #[test]
    fn the_result_reads_in_english_too() {
        let v = kon_tum_grdp(Locale::En).expect("over");
        assert_eq!(v.result, "7.62% a year (2024)");
        assert_eq!(v.margin, "−2.38 points");
        assert_eq!(v.verdict, "Not achieved");
    }

    #[test]
    fn the_evaluation_has_a_row_and_a_csv_line_per_target() {
        let m = kon_tum();
        let rows = evaluation_rows(&m, Locale::Vi);
        assert_eq!(rows.len(), evaluation(&m).len());
        assert!(rows
            .iter()
            .any(|r| r.indicator == "grdp_constant" && r.view.code == "not-achieved"));
        let csv = evaluation_table(&rows, Locale::Vi);
        assert_eq!(csv.rows.len(), rows.len());
    }

    fn quang_ngai() -> Model {
        load_shipped()
            .0
            .into_iter()
            .find(|m| m.id == "quang-ngai-2026-2030-cong-khai")
            .expect("qn")
    }

    #[test]
    fn a_usd_target_shows_its_conversion_at_the_typed_rate() {
        let qn = quang_ngai();
        // 6,900 USD × 26,000 = 179,400,000 đồng = 179.4 million; 7,000 × 26,000 = 182 million.
        let v =
            exchange_rate_view(&qn, "grdp_per_capita", Some(26_000.0), Locale::Vi).expect("usd");
        let c = v.conversion.expect("rate");
        assert!(c.contains("26.000 đồng/USD"), "{c}");
        assert!(c.contains("179,4"), "{c}");
        assert!(c.contains("182"), "{c}");
        let none = exchange_rate_view(&qn, "grdp_per_capita", None, Locale::Vi).expect("usd");
        assert_eq!(none.conversion, None);
        assert_eq!(
            exchange_rate_view(&kon_tum(), "grdp_constant", Some(26_000.0), Locale::Vi),
            None
        );
    }

    #[test]
    fn the_quang_ngai_model_lists_its_gaps() {
        let qn = &quang_ngai();
        assert_eq!(gaps_list(qn, Locale::Vi).len(), qn.gaps.len());
        assert!(!qn.gaps.is_empty());
        assert!(gaps_list(&kon_tum(), Locale::Vi).is_empty());
    }
}
