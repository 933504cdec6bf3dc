//! The numbers behind an indicator's chart, and their placement in an SVG view box:
//! results and estimates, plans, the scenario path (assumptions, then the pace needed)
//! and the target (a band when the target is a range). Pure and host-tested; the
//! component only draws what this returns, and shows the same numbers as a table.

use crate::core::model::{Amount, FigureKind, Measure, Model, Period};
use crate::core::plan::assessment::{level_value, yearly_levels, Assessment};
use crate::core::plan::summary::compare_vintages;

/// What a series shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SeriesKind {
    /// Results and estimates.
    Results,
    /// Yearly plans.
    Plans,
    /// The scenario path to the target.
    Scenario,
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
                kind: SeriesKind::Plans,
                points: plans,
            },
            Series {
                kind: SeriesKind::Scenario,
                points: scenario,
            },
        ],
        target,
    })
}

/// Size of the SVG view box and its margins.
pub const WIDTH: f64 = 480.0;
/// Height of the view box.
pub const HEIGHT: f64 = 240.0;
const MARGIN_LEFT: f64 = 64.0;
const MARGIN_RIGHT: f64 = 16.0;
const MARGIN_TOP: f64 = 12.0;
const MARGIN_BOTTOM: f64 = 28.0;

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
    use crate::core::model::catalog::load_shipped;
    use crate::core::plan::assessment::{assess, Assumptions};

    #[test]
    fn grdp_chart_ends_on_the_target() {
        let model = load_shipped().0.into_iter().next().expect("model");
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
        let model = load_shipped().0.into_iter().next().expect("model");
        let a = assess(&model, "structure_agriculture", &Assumptions::default());
        if let Some(data) = chart_data(&model, "structure_agriculture", &a) {
            let (_, lo, hi) = data.target.expect("target");
            assert!(lo < hi);
        }
    }
}
