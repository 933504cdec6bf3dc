//! The numbers behind an indicator's chart, and their placement in an SVG view box:
//! results and estimates, plans, the scenario path (assumptions, then the pace needed)
//! and the target (a band when the target is a range). Pure and host-tested; the
//! component only draws what this returns, and shows the same numbers as a table.

use crate::core::model::{Amount, FigureKind, Measure, Model, Period};
use crate::core::plan::assessment::{level_value, yearly_levels, Assessment};
use crate::core::plan::summary::compare_vintages;
use crate::core::text::numfmt::format_number;
use crate::present::i18n::{t, Locale, Msg};
use crate::present::reports::series_label;

/// What a series shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SeriesKind {
    /// Results and estimates.
    Results,
    /// Yearly plans.
    Plans,
    /// The scenario path to the target.
    Scenario,
    /// Years with a growth rate but no level, their levels chained from the last known
    /// level by the growth rates: level(y) = level(y − 1) × (1 + growth(y) ÷ 100). Drawn
    /// apart from the results, since the levels and the rates may be of different
    /// vintages.
    FromGrowth,
}

/// One series of (year, value) points.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// What it shows.
    pub kind: SeriesKind,
    /// Points in year order.
    pub points: Vec<(i32, f64)>,
}

/// The chart's numbers.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartData {
    /// First and last year shown.
    pub years: (i32, i32),
    /// The series.
    pub series: Vec<Series>,
    /// Target: (year, low, high); low == high for a single value.
    pub target: Option<(i32, f64, f64)>,
    /// Decimals its numbers are shown with: the indicator's unit's (people whole).
    pub decimals: u8,
}

/// Builds the chart of a level-type assessment (not for cumulative totals, where the
/// yearly amounts and the total are on different scales).
pub fn chart_data(model: &Model, indicator: &str, assessment: &Assessment) -> Option<ChartData> {
    let w = assessment.working.as_ref()?;
    if w.cumulative {
        return None;
    }
    let first_year = model.term.base_year;
    let results: Vec<(i32, f64)> = yearly_levels(model, indicator)
        .range(first_year..=w.target_year)
        .map(|(y, f)| (*y, level_value(model, f)))
        .collect();
    let plans: Vec<(i32, f64)> = (first_year..=w.target_year)
        .filter_map(|year| {
            model
                .figures_of(indicator)
                .filter(|f| {
                    f.kind == FigureKind::Plan
                        && f.measure == Measure::Level
                        && f.period == Period::Year(year)
                        && f.comparator.is_none()
                        && f.variant.is_none()
                })
                .max_by(|a, b| compare_vintages(model, a, b))
                .map(|f| (year, level_value(model, f)))
        })
        .collect();
    let from_growth = chained_from_growth(model, indicator, &results, first_year, w.target_year);
    // The scenario: assumptions where given, the pace needed in the other years.
    let levels = w.levels_along(&w.path(assessment.required.ok())?)?;
    let scenario: Vec<(i32, f64)> = std::iter::once((w.start_year, w.start_value))
        .chain(w.remaining_years.iter().copied().zip(levels))
        .collect();
    // The target drawn is the one the rule checks: a band for a range, a line otherwise.
    let target = match assessment.rule.map(|r| r.amount) {
        Some(Amount::Range(lo, hi)) => Some((w.target_year, lo, hi)),
        Some(Amount::Point(v)) => Some((w.target_year, v, v)),
        None => Some((w.target_year, w.target_value, w.target_value)),
    };
    Some(ChartData {
        years: (first_year, w.target_year),
        series: vec![
            Series {
                kind: SeriesKind::Results,
                points: results,
            },
            Series {
                kind: SeriesKind::FromGrowth,
                points: from_growth,
            },
            Series {
                kind: SeriesKind::Plans,
                points: plans,
            },
            Series {
                kind: SeriesKind::Scenario,
                points: scenario,
            },
        ],
        target,
        decimals: model.indicator(indicator).map_or(2, |i| {
            crate::present::precision::unit_decimals(model, &i.unit)
        }),
    })
}

/// The growth result of `year` (a result, estimate or derived rate, the newest vintage).
fn growth_result(model: &Model, indicator: &str, year: i32) -> Option<f64> {
    model
        .figures_of(indicator)
        .filter(|f| {
            (f.kind.is_result() || f.kind == FigureKind::Derived)
                && f.measure == Measure::Growth
                && f.period == Period::Year(year)
                && f.comparator.is_none()
                && f.variant.is_none()
        })
        .max_by(|a, b| compare_vintages(model, a, b))
        .and_then(|f| match f.amount {
            Amount::Point(g) => Some(g),
            Amount::Range(..) => None,
        })
}

/// The [`SeriesKind::FromGrowth`] points: from each known level, the following years
/// that have a growth rate but no level, chained; each run starts with the known level
/// it is chained from, so the line joins the results. Empty when no year is filled.
fn chained_from_growth(
    model: &Model,
    indicator: &str,
    results: &[(i32, f64)],
    first_year: i32,
    last_year: i32,
) -> Vec<(i32, f64)> {
    let known = |y: i32| results.iter().find(|(ry, _)| *ry == y).map(|(_, v)| *v);
    let mut points: Vec<(i32, f64)> = Vec::new();
    let mut previous: Option<(i32, f64)> = None;
    for year in first_year..=last_year {
        if let Some(v) = known(year) {
            previous = Some((year, v));
            continue;
        }
        let chained = previous.and_then(|(py, pv)| {
            let g = growth_result(model, indicator, year)?;
            let v = pv * (1.0 + g / 100.0);
            (py == year - 1 && v.is_finite()).then_some((py, pv, v))
        });
        match chained {
            Some((py, pv, v)) => {
                if points.last().is_none_or(|(ly, _)| *ly != py) {
                    points.push((py, pv));
                }
                points.push((year, v));
                previous = Some((year, v));
            }
            None => previous = None,
        }
    }
    if points.len() < 2 {
        return Vec::new();
    }
    points
}

/// Size of the SVG view box and its margins.
pub const WIDTH: f64 = 480.0;
/// Height of the view box.
pub const HEIGHT: f64 = 240.0;
const MARGIN_LEFT: f64 = 64.0;
const MARGIN_RIGHT: f64 = 16.0;
const MARGIN_TOP: f64 = 12.0;
const MARGIN_BOTTOM: f64 = 40.0;

/// Maps years and values into the view box.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    /// Years shown.
    pub years: (i32, i32),
    /// Lowest and highest value shown.
    pub values: (f64, f64),
}

impl Scale {
    /// A scale that fits every point and the target, with some room.
    pub fn fit(data: &ChartData) -> Scale {
        let mut lo = f64::INFINITY;
        let mut hi = f64::NEG_INFINITY;
        for s in &data.series {
            for &(_, v) in &s.points {
                lo = lo.min(v);
                hi = hi.max(v);
            }
        }
        if let Some((_, a, b)) = data.target {
            lo = lo.min(a);
            hi = hi.max(b);
        }
        if !(lo.is_finite() && hi.is_finite()) {
            (lo, hi) = (0.0, 1.0);
        }
        let pad = ((hi - lo).abs() * 0.08).max(hi.abs() * 0.01).max(1e-9);
        Scale {
            years: data.years,
            values: (lo - pad, hi + pad),
        }
    }

    /// x of a year.
    pub fn x(&self, year: i32) -> f64 {
        let span = f64::from((self.years.1 - self.years.0).max(1));
        MARGIN_LEFT + f64::from(year - self.years.0) / span * (WIDTH - MARGIN_LEFT - MARGIN_RIGHT)
    }

    /// y of a value.
    pub fn y(&self, value: f64) -> f64 {
        let (lo, hi) = self.values;
        let t = (value - lo) / (hi - lo);
        HEIGHT - MARGIN_BOTTOM - t * (HEIGHT - MARGIN_TOP - MARGIN_BOTTOM)
    }

    /// The bottom of the plot area.
    pub fn bottom(&self) -> f64 {
        HEIGHT - MARGIN_BOTTOM
    }

    /// The left edge of the plot area.
    pub fn left(&self) -> f64 {
        MARGIN_LEFT
    }

    /// The right edge of the plot area.
    pub fn right(&self) -> f64 {
        WIDTH - MARGIN_RIGHT
    }
}

/// The titles of a chart's axes, shown on the chart and said first in its description.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AxisTitles {
    /// Along the bottom: "Năm", "Year".
    pub x: String,
    /// Up the left side: the unit ("Đơn vị: tỷ đồng", "Unit: billion VND").
    pub y: String,
}

/// The axis titles of a chart of values in `unit` (its name) over the years.
pub fn axis_titles(unit: &str, locale: Locale) -> AxisTitles {
    match locale {
        Locale::Vi => AxisTitles {
            x: "Năm".to_string(),
            y: format!("Đơn vị: {unit}"),
        },
        Locale::En => AxisTitles {
            x: "Year".to_string(),
            y: format!("Unit: {unit}"),
        },
    }
}

/// The axes in words, the first sentence of a chart's description
/// ("Trục ngang: năm; trục dọc: tỷ đồng. ").
pub fn axes_sentence(unit: &str, locale: Locale) -> String {
    match locale {
        Locale::Vi => format!("Trục ngang: năm; trục dọc: {unit}. "),
        Locale::En => format!("Horizontal axis: year; vertical axis: {unit}. "),
    }
}

/// A value at an end of the vertical axis, at the chart's decimals.
pub fn axis_value(value: f64, decimals: u8, locale: Locale) -> String {
    format_number(value, locale, decimals)
}

/// The chart in words, for screen readers: the axes, each series' points, then the
/// target ("Trục ngang: năm; trục dọc: %. Kết quả, ước thực hiện: 2021: 1, 2022: 2.
/// Mục tiêu nhiệm kỳ 2025: 3 (%). ").
pub fn chart_description(data: &ChartData, unit: &str, locale: Locale) -> String {
    let n = |v: f64| format_number(v, locale, data.decimals);
    let mut parts: Vec<String> = data
        .series
        .iter()
        .filter(|s| !s.points.is_empty())
        .map(|s| {
            let pts: Vec<String> = s
                .points
                .iter()
                .map(|(y, v)| format!("{y}: {}", n(*v)))
                .collect();
            format!("{}: {}", series_label(s.kind, locale), pts.join(", "))
        })
        .collect();
    if let Some((y, lo, hi)) = data.target {
        let value = if lo == hi {
            n(lo)
        } else {
            format!("{}–{}", n(lo), n(hi))
        };
        parts.push(format!("{} {y}: {value}", t(Msg::ColTermTarget, locale)));
    }
    format!(
        "{}{} ({unit}). ",
        axes_sentence(unit, locale),
        parts.join(". ")
    )
}

/// Label of the button that switches between the chart and its table; `as_table` says
/// what the figure shows now, so the button names the other view.
pub fn toggle_label(as_table: bool, locale: Locale) -> &'static str {
    match (as_table, locale) {
        (false, Locale::Vi) => "Xem dạng bảng",
        (false, Locale::En) => "Show as a table",
        (true, Locale::Vi) => "Xem biểu đồ",
        (true, Locale::En) => "Show the chart",
    }
}

/// An SVG polyline `points` attribute for a series.
pub fn polyline(scale: &Scale, points: &[(i32, f64)]) -> String {
    points
        .iter()
        .map(|&(year, v)| format!("{:.1},{:.1}", scale.x(year), scale.y(v)))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::catalog::kon_tum;
    use crate::core::plan::assessment::{assess, Assumptions};

    #[test]
    fn grdp_chart_ends_on_the_target() {
        let model = kon_tum();
        let mut assumptions = Assumptions {
            start_year: Some(2023),
            ..Assumptions::default()
        };
        assumptions.per_year.insert(2024, 10.0);
        let a = assess(&model, "grdp_constant", &assumptions);
        let data = chart_data(&model, "grdp_constant", &a).expect("chart");
        let scenario = data
            .series
            .iter()
            .find(|s| s.kind == SeriesKind::Scenario)
            .expect("scenario");
        let (year, last) = *scenario.points.last().expect("points");
        assert_eq!(year, 2025);
        let (_, target, _) = data.target.expect("target");
        assert!((last - target).abs() < 1e-6 * target, "{last} vs {target}");
        let results = data
            .series
            .iter()
            .find(|s| s.kind == SeriesKind::Results)
            .expect("results");
        assert!(results.points.contains(&(2020, 15076.0)));
        let scale = Scale::fit(&data);
        for &(y, v) in &scenario.points {
            let (x, yy) = (scale.x(y), scale.y(v));
            assert!((0.0..=WIDTH).contains(&x) && (0.0..=HEIGHT).contains(&yy));
        }
    }

    #[test]
    fn a_range_target_is_a_band() {
        let model = kon_tum();
        let a = assess(&model, "structure_agriculture", &Assumptions::default());
        if let Some(data) = chart_data(&model, "structure_agriculture", &a) {
            let (_, lo, hi) = data.target.expect("target");
            assert!(lo < hi);
        }
    }

    #[track_caller]
    fn toggle(as_table: bool, vi: &str, en: &str) {
        assert_eq!(
            (
                toggle_label(as_table, Locale::Vi),
                toggle_label(as_table, Locale::En)
            ),
            (vi, en)
        );
    }

    #[test]
    fn the_toggle_names_the_other_view() {
        toggle(false, "Xem dạng bảng", "Show as a table");
        toggle(true, "Xem biểu đồ", "Show the chart");
    }

    #[test]
    fn years_with_only_a_growth_rate_are_chained_from_the_last_level() {
        // Kon Tum's GRDP (constant 2010 prices): 15,076 bn VND in 2020, growth 6.47 %
        // in 2021 and 9.47 % in 2022, the next level 18,938.78 in 2023. By hand:
        // 15,076 × 1.0647 = 16,051.4172; 16,051.4172 × 1.0947 = 17,571.4864.
        let model = kon_tum();
        let a = assess(&model, "grdp_constant", &Assumptions::default());
        let data = chart_data(&model, "grdp_constant", &a).unwrap();
        let chained = data
            .series
            .iter()
            .find(|s| s.kind == SeriesKind::FromGrowth)
            .unwrap();
        let years: Vec<i32> = chained.points.iter().map(|(y, _)| *y).collect();
        assert_eq!(years, [2020, 2021, 2022]);
        let expected = [15_076.0, 16_051.417_2, 17_571.486_4];
        for ((_, v), e) in chained.points.iter().zip(expected) {
            assert!((v - e).abs() < 0.001, "{v} vs {e}");
        }
        // The table gets the column, and the description names the series.
        let table = crate::present::reports::chart_table(&data, Locale::Vi);
        assert_eq!(table.header[2], "Suy ra từ tốc độ tăng");
        assert_eq!(table.rows[2][2], "17.571,49");
        assert!(chart_description(&data, "tỷ đồng", Locale::Vi)
            .contains("Suy ra từ tốc độ tăng: 2020: 15.076, 2021: 16.051,42, 2022: 17.571,49"));
        // An indicator without growth rates in the gaps gets no such series or column.
        let p = assess(&model, "structure_agriculture", &Assumptions::default());
        if let Some(d) = chart_data(&model, "structure_agriculture", &p) {
            assert!(d
                .series
                .iter()
                .all(|s| s.kind != SeriesKind::FromGrowth || s.points.is_empty()));
            let header = crate::present::reports::chart_table(&d, Locale::Vi).header;
            assert!(!header.iter().any(|h| h == "Suy ra từ tốc độ tăng"));
        }
    }

    #[test]
    fn the_description_reads_each_series_and_the_target() {
        let data = ChartData {
            years: (2021, 2025),
            series: vec![
                Series {
                    kind: SeriesKind::Results,
                    points: vec![(2021, 1.5), (2022, 2.0)],
                },
                Series {
                    kind: SeriesKind::Plans,
                    points: vec![],
                },
            ],
            target: Some((2025, 3.0, 3.5)),
            decimals: 2,
        };
        assert_eq!(
            chart_description(&data, "%", Locale::Vi),
            "Trục ngang: năm; trục dọc: %. Kết quả, ước thực hiện: 2021: 1,5, 2022: 2. Mục tiêu nhiệm kỳ 2025: 3–3,5 (%). "
        );
        let single = ChartData {
            target: Some((2025, 3.0, 3.0)),
            series: vec![],
            ..data.clone()
        };
        assert_eq!(
            chart_description(&single, "ha", Locale::En),
            "Horizontal axis: year; vertical axis: ha. Term target 2025: 3 (ha). "
        );
        // People are whole: 590.062,14 người is said as 590.062.
        let people = ChartData {
            series: vec![Series {
                kind: SeriesKind::Results,
                points: vec![(2023, 590_062.14)],
            }],
            target: None,
            decimals: 0,
            ..data
        };
        assert_eq!(
            chart_description(&people, "người", Locale::Vi),
            "Trục ngang: năm; trục dọc: người. Kết quả, ước thực hiện: 2023: 590.062 (người). "
        );
    }

    #[test]
    fn the_axes_have_titles_in_both_languages() {
        assert_eq!(
            axis_titles("tỷ đồng", Locale::Vi),
            AxisTitles {
                x: "Năm".into(),
                y: "Đơn vị: tỷ đồng".into()
            }
        );
        assert_eq!(
            axis_titles("billion VND", Locale::En),
            AxisTitles {
                x: "Year".into(),
                y: "Unit: billion VND".into()
            }
        );
        assert_eq!(axis_value(14_321.567, 2, Locale::Vi), "14.321,57");
        assert_eq!(axis_value(590_062.14, 0, Locale::En), "590,062");
    }

    #[test]
    fn a_chart_takes_its_units_decimals() {
        let model = kon_tum();
        let a = assess(&model, "grdp_constant", &Assumptions::default());
        let data = chart_data(&model, "grdp_constant", &a).expect("chart");
        assert_eq!(data.decimals, 2, "tỷ đồng, as seed 003 writes 18.938,78");
    }
}
