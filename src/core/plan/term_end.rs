//! The end of a term: once its last year has passed, an indicator is judged by its
//! final (or latest) result against the term target — achieved or not, by how much, and
//! which figure (vintage) the result rests on — instead of by a pace still needed.
//! Pure: today's year comes in as a value.

use crate::core::model::load::figure_key;
use crate::core::model::{Amount, Better, Measure, Model};
use crate::core::plan::assessment::{level_value, term_target, yearly_levels};
use crate::core::plan::rule::TargetRule;

/// True when the term's last year is over on `today_year`.
pub fn term_over(model: &Model, today_year: i32) -> bool {
    today_year > model.term.last_year
}

/// The verdict of one indicator at the end of its term.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// The result meets the target.
    Achieved,
    /// The result misses it.
    NotAchieved,
    /// No result in the term to judge (the data end before it).
    NoResultYet,
    /// The target is in USD and the results in VND (no exchange rate given), or of a
    /// kind judged by hand (a range of growth).
    NotComparable,
}

/// One row of the end-of-term evaluation.
#[derive(Clone, Debug, PartialEq)]
pub struct TermResult {
    /// Indicator id.
    pub indicator: String,
    /// Key of the term target figure.
    pub target_key: String,
    /// What the result is measured in: the level, the average growth (%), or the total.
    pub measure: Measure,
    /// The result compared (a level, an average growth in percent, or a total).
    pub value: Option<f64>,
    /// The year the result is of; the term's last year when final.
    pub year: Option<i32>,
    /// True when the result is of the term's last year (or the total is complete).
    pub is_final: bool,
    /// Key of the figure the result rests on (its vintage).
    pub vintage: Option<String>,
    /// Result minus the target's near end (positive is above).
    pub margin: Option<f64>,
    /// Achieved or not.
    pub verdict: Verdict,
}

fn near_end(a: Amount, better: Better) -> f64 {
    match a {
        Amount::Point(v) => v,
        Amount::Range(lo, hi) => match better {
            Better::Lower => hi,
            _ => lo,
        },
    }
}

/// The end-of-term result of one indicator; `None` when it has no term target.
pub fn term_result(model: &Model, indicator_id: &str) -> Option<TermResult> {
    let indicator = model.indicator(indicator_id)?;
    let target = term_target(model, indicator_id)?;
    let last = model.term.last_year;
    let mut out = TermResult {
        indicator: indicator_id.to_string(),
        target_key: figure_key(target),
        measure: target.measure,
        value: None,
        year: None,
        is_final: false,
        vintage: None,
        margin: None,
        verdict: Verdict::NoResultYet,
    };
    // An average growth is compared in percent; a level or a total in the indicator's
    // unit (a USD target against VND results does not convert here).
    let same_unit = if target.measure == Measure::AverageGrowth {
        Some(target.amount)
    } else {
        model.convert(target.amount, &target.unit, &indicator.unit)
    };
    let levels = yearly_levels(model, indicator_id);
    let in_term = |y: &i32| *y >= model.term.first_year && *y <= last;
    let found: Option<(f64, i32, String, bool)> = match target.measure {
        Measure::Level => levels
            .iter()
            .rfind(|(y, _)| in_term(y))
            .map(|(y, f)| (level_value(model, f), *y, figure_key(f), *y == last)),
        Measure::AverageGrowth => {
            let base = levels.get(&model.term.base_year);
            let latest = levels.iter().rfind(|(y, _)| in_term(y));
            match (base, latest) {
                (Some(b), Some((y, f))) => {
                    let n = f64::from(*y - model.term.base_year);
                    let ratio = level_value(model, f) / level_value(model, b);
                    let growth = (ratio.powf(1.0 / n) - 1.0) * 100.0;
                    growth
                        .is_finite()
                        .then(|| (growth, *y, figure_key(f), *y == last))
                }
                _ => None,
            }
        }
        Measure::Cumulative => {
            let years: Vec<_> = levels.iter().filter(|(y, _)| in_term(y)).collect();
            let total: f64 = years.iter().map(|(_, f)| level_value(model, f)).sum();
            let complete = years.len() == usize::try_from(last - model.term.first_year + 1).ok()?;
            years
                .last()
                .map(|(y, f)| (total, **y, figure_key(f), complete))
        }
        _ => None,
    };
    let Some((value, year, vintage, is_final)) = found else {
        return Some(out);
    };
    out.value = Some(value);
    out.year = Some(year);
    out.vintage = Some(vintage);
    out.is_final = is_final;
    let Some(amount) = same_unit else {
        out.verdict = Verdict::NotComparable;
        return Some(out);
    };
    let rule = TargetRule::new(amount, target, indicator.better);
    out.margin = Some(value - near_end(amount, indicator.better));
    out.verdict = if rule.meets(value) {
        Verdict::Achieved
    } else {
        Verdict::NotAchieved
    };
    Some(out)
}

/// The end-of-term evaluation of a whole model: one row per indicator with a term
/// target, in data-file order.
pub fn evaluation(model: &Model) -> Vec<TermResult> {
    model
        .indicators
        .iter()
        .filter_map(|i| term_result(model, &i.id))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::catalog::{kon_tum, load_shipped};

    fn close(a: Option<f64>, want: f64) {
        let got = a.unwrap_or(f64::NAN);
        assert!((got - want).abs() < 0.01, "{got} vs {want}");
    }

    #[test]
    fn the_2021_2025_term_is_over_in_2026_not_in_2025() {
        let m = kon_tum();
        assert!(term_over(&m, 2026));
        assert!(!term_over(&m, 2025));
    }

    #[test]
    fn kon_tum_grdp_growth_misses_the_term_target_on_the_latest_level() {
        let m = kon_tum();
        let r = term_result(&m, "grdp_constant").expect("target");
        // Base 2020: 15,076; latest 2024 estimate: 20,225 bn VND.
        // (20,225 ÷ 15,076)^(1/4) − 1 = 1.341536^0.25 − 1 = 7.62 % a year < 10 %.
        close(r.value, 7.62);
        assert_eq!(r.year, Some(2024));
        assert!(
            !r.is_final,
            "no 2025 level: the latest, not the final result"
        );
        assert_eq!(r.verdict, Verdict::NotAchieved);
        close(r.margin, 7.62 - 10.0);
        assert_eq!(
            r.vintage.as_deref(),
            Some("grdp_constant/2024/estimate/level")
        );
    }

    #[test]
    fn a_usd_target_without_a_rate_is_not_compared() {
        let models = load_shipped().0;
        let qn = models
            .iter()
            .find(|m| m.id == "quang-ngai-2026-2030-cong-khai")
            .expect("qn");
        let r = term_result(qn, "grdp_per_capita").expect("target");
        // The only level is 2025's 102 mn VND, before the 2026-2030 term: no result yet.
        assert_eq!(r.verdict, Verdict::NoResultYet);
        assert_eq!(r.value, None);
    }

    #[test]
    fn every_target_of_the_model_has_a_row() {
        let m = kon_tum();
        let rows = evaluation(&m);
        let targets = m
            .indicators
            .iter()
            .filter(|i| term_target(&m, &i.id).is_some())
            .count();
        assert_eq!(rows.len(), targets);
    }
}
