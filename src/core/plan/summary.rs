//! What the dashboard says about one indicator: its latest result, the plan for that
//! period and how much of it was reached, and its term target.
//!
//! Choosing among vintages is explicit here: for one period, a result (thực hiện) beats
//! an estimate (ước), a provincial document beats a secondary public report (the
//! public-figures table says the seed wins), and a newer document beats an older one.
//! Pure functions over `core::model`; the view only formats what they return.

use std::cmp::Ordering;

use crate::core::model::{
    Amount, Better, Comparator, DocumentKind, Figure, FigureKind, Indicator, Measure, Model, Period,
};

/// How a result stands against its plan (the documents' đạt / vượt / không đạt).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlanStatus {
    /// Reached the plan (đạt).
    Met,
    /// Went beyond the plan (vượt).
    Exceeded,
    /// Fell short of the plan (không đạt).
    Missed,
}

/// The plan a result is compared with.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PlanValue<'a> {
    /// The plan figure as the documents state it.
    Stated(&'a Figure),
    /// Not stated, but implied by a stated attainment: plan = result ÷ attainment × 100.
    FromAttainment {
        /// The implied plan value.
        value: f64,
        /// The attainment figure it comes from.
        attainment: &'a Figure,
    },
}

/// Share of the plan reached.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Attainment<'a> {
    /// As stated in the documents ("đạt 97,62% kế hoạch").
    Stated(&'a Figure),
    /// Computed by us as result ÷ plan × 100.
    Computed(f64),
}

/// Everything the dashboard row shows for one indicator.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorSummary<'a> {
    /// The indicator.
    pub indicator: &'a Indicator,
    /// The latest result or estimate, in the indicator's headline measure.
    pub latest: Option<&'a Figure>,
    /// The plan for the latest result's period (or the latest plan when no result).
    pub plan: Option<PlanValue<'a>>,
    /// How much of the plan was reached.
    pub attainment: Option<Attainment<'a>>,
    /// Status against the plan.
    pub status: Option<PlanStatus>,
    /// The term target.
    pub term_target: Option<&'a Figure>,
}

/// Orders two figures about the same thing by how much to trust them: a final result
/// over an estimate, a provincial document over a public report, then the newer document.
pub fn compare_vintages(model: &Model, a: &Figure, b: &Figure) -> Ordering {
    let kind_rank = |f: &Figure| u8::from(f.kind == FigureKind::Actual);
    let seed_rank = |f: &Figure| {
        u8::from(
            f.doc_id()
                .and_then(|d| model.document(d))
                .is_some_and(|d| d.kind.is_provincial()),
        )
    };
    kind_rank(a)
        .cmp(&kind_rank(b))
        .then(seed_rank(a).cmp(&seed_rank(b)))
        .then(model.figure_date(a).cmp(&model.figure_date(b)))
}

/// The measure the dashboard shows for an indicator: its level when any result gives
/// one, otherwise the first measure its results use.
fn headline_measure(figures: &[&Figure]) -> Measure {
    const ORDER: [Measure; 7] = [
        Measure::Level,
        Measure::Growth,
        Measure::Change,
        Measure::Index,
        Measure::Cumulative,
        Measure::AverageGrowth,
        Measure::Attainment,
    ];
    ORDER
        .into_iter()
        .find(|m| {
            figures
                .iter()
                .any(|f| f.kind.is_result() && f.measure == *m && f.variant.is_none())
        })
        .unwrap_or(Measure::Level)
}

/// Sort key for "latest": whole years before parts of the same year (a year's figure is
/// the fuller one), then by end year.
fn recency(period: Period) -> (i32, u8) {
    let completeness = match period {
        Period::Year(_) | Period::Years(..) => 2,
        _ => 1,
    };
    (period.end_year(), completeness)
}

/// Summarises one indicator of a model.
pub fn summarize<'a>(model: &'a Model, indicator: &'a Indicator) -> IndicatorSummary<'a> {
    let figures: Vec<&Figure> = model.figures_of(&indicator.id).collect();
    let measure = headline_measure(&figures);
    let latest = figures
        .iter()
        .copied()
        .filter(|f| f.kind.is_result() && f.measure == measure && f.variant.is_none())
        .max_by(|a, b| {
            recency(a.period)
                .cmp(&recency(b.period))
                .then_with(|| compare_vintages(model, a, b))
        });

    let plan = match latest {
        Some(result) => plan_for(model, &figures, result),
        None => figures
            .iter()
            .copied()
            .filter(|f| f.kind == FigureKind::Plan && f.measure == measure)
            .max_by(|a, b| {
                recency(a.period)
                    .cmp(&recency(b.period))
                    .then_with(|| variant_rank(a).cmp(&variant_rank(b)))
                    .then_with(|| compare_vintages(model, a, b))
            })
            .map(PlanValue::Stated),
    };

    let (attainment, status) = match latest {
        Some(result) => attainment_of(model, &figures, result, plan, indicator.better),
        None => (None, None),
    };

    let term_target = figures
        .iter()
        .copied()
        .filter(|f| f.kind == FigureKind::TermTarget)
        // A paraphrase of a target (a variant) never outranks the target's own wording.
        .filter(|f| f.variant.is_none())
        .filter(|f| f.period.end_year() <= model.term.last_year)
        .max_by(|a, b| {
            let ends_at_term = |f: &Figure| f.period.end_year() == model.term.last_year;
            ends_at_term(a)
                .cmp(&ends_at_term(b))
                .then_with(|| compare_vintages(model, a, b))
        });

    IndicatorSummary {
        indicator,
        latest,
        plan,
        attainment,
        status,
        term_target,
    }
}

/// Plans without a variant first, then the province's own, then any other.
fn variant_rank(f: &Figure) -> u8 {
    match f.variant.as_deref() {
        None => 2,
        Some("province_assigned") => 1,
        Some(_) => 0,
    }
}

fn plan_for<'a>(model: &Model, figures: &[&'a Figure], result: &Figure) -> Option<PlanValue<'a>> {
    let stated = figures
        .iter()
        .copied()
        .filter(|f| {
            f.kind == FigureKind::Plan && f.measure == result.measure && f.period == result.period
        })
        .max_by(|a, b| {
            variant_rank(a)
                .cmp(&variant_rank(b))
                .then_with(|| compare_vintages(model, a, b))
        });
    let implied = implied_plan(figures, result);
    // The documented precedence: a provincial document beats a public report, so a plan
    // implied by a seed's own attainment beats a plan only a public report states.
    match (stated, implied) {
        (Some(plan), Some(implied)) if is_public(model, plan) && !is_public(model, result) => {
            Some(implied)
        }
        (Some(plan), _) => Some(PlanValue::Stated(plan)),
        (None, implied) => implied,
    }
}

fn is_public(model: &Model, f: &Figure) -> bool {
    f.doc_id()
        .and_then(|d| model.document(d))
        .is_some_and(|d| d.kind == DocumentKind::PublicReport)
}

/// The plan a stated attainment implies: result ÷ attainment × 100.
fn implied_plan<'a>(figures: &[&'a Figure], result: &Figure) -> Option<PlanValue<'a>> {
    if result.measure != Measure::Level {
        return None;
    }
    let attainment = stated_attainment(figures, result)?;
    let (Amount::Point(r), Amount::Point(pct)) = (result.amount, attainment.amount) else {
        return None;
    };
    let value = r / pct * 100.0;
    (pct > 0.0 && value.is_finite()).then_some(PlanValue::FromAttainment { value, attainment })
}

/// The attainment figure the documents give for a result: same period and document,
/// no variant (or the province's own plan).
fn stated_attainment<'a>(figures: &[&'a Figure], result: &Figure) -> Option<&'a Figure> {
    figures
        .iter()
        .copied()
        .filter(|f| {
            f.kind.is_result()
                && f.measure == Measure::Attainment
                && f.period == result.period
                && f.doc_id() == result.doc_id()
                && matches!(f.variant.as_deref(), None | Some("province_assigned"))
        })
        .max_by_key(|f| variant_rank(f))
}

fn attainment_of<'a>(
    model: &Model,
    figures: &[&'a Figure],
    result: &'a Figure,
    plan: Option<PlanValue<'a>>,
    better: Better,
) -> (Option<Attainment<'a>>, Option<PlanStatus>) {
    let Amount::Point(r) = result.amount else {
        return (None, None);
    };
    let stated = if result.measure == Measure::Level {
        stated_attainment(figures, result)
    } else {
        None
    };
    match plan {
        Some(PlanValue::Stated(p)) => {
            let Some(plan_amount) = model.convert(p.amount, &p.unit, &result.unit) else {
                return (stated.map(Attainment::Stated), None);
            };
            let computed = match (plan_amount, p.comparator) {
                (Amount::Point(pv), None) if pv > 0.0 && result.measure == Measure::Level => {
                    Some(r / pv * 100.0).filter(|v| v.is_finite())
                }
                _ => None,
            };
            let attainment = stated
                .map(Attainment::Stated)
                .or(computed.map(Attainment::Computed));
            let status = status_against(r, plan_amount, p.comparator, better);
            (attainment, Some(status))
        }
        Some(PlanValue::FromAttainment { attainment, .. }) => {
            let status = match attainment.amount {
                Amount::Point(pct) => Some(status_from_percent(pct, better)),
                Amount::Range(..) => None,
            };
            (Some(Attainment::Stated(attainment)), status)
        }
        None => (stated.map(Attainment::Stated), None),
    }
}

/// Tolerance for "exactly reached": documents round to two decimals.
const SAME: f64 = 1e-9;

fn status_from_percent(pct: f64, better: Better) -> PlanStatus {
    let reached = match better {
        Better::Lower => pct <= 100.0 + SAME,
        _ => pct >= 100.0 - SAME,
    };
    let beyond = match better {
        Better::Lower => pct < 100.0 - SAME,
        _ => pct > 100.0 + SAME,
    };
    match (reached, beyond) {
        (_, true) if better != Better::Neutral => PlanStatus::Exceeded,
        (true, _) => PlanStatus::Met,
        _ => PlanStatus::Missed,
    }
}

/// Compares a result with a plan, respecting the plan's comparator or range and which
/// way is better. A plan "từ 10% trở lên" is met by 10 and exceeded by 10.5; a plan
/// "trên 10%" is missed by 10 and exceeded by 10.5; a range is met anywhere inside it.
pub fn status_against(
    result: f64,
    plan: Amount,
    comparator: Option<Comparator>,
    better: Better,
) -> PlanStatus {
    let (lo, hi) = match plan {
        Amount::Point(p) => (p, p),
        Amount::Range(lo, hi) => (lo, hi),
    };
    // Met or not is the one rule every view uses.
    let met = crate::core::plan::rule::TargetRule {
        amount: plan,
        comparator,
        better,
        approx: false,
    }
    .meets(result);
    if !met {
        return PlanStatus::Missed;
    }
    // Going past the plan in the better direction is "vượt", as the documents say of a
    // result above a floor ("trên 57 triệu", reached 58,42) or below a ceiling.
    let beyond = match (better, comparator) {
        (Better::Higher, Some(Comparator::AtLeast | Comparator::MoreThan) | None) => {
            result > hi + SAME
        }
        (Better::Lower, Some(Comparator::AtMost | Comparator::LessThan) | None) => {
            result < lo - SAME
        }
        _ => false,
    };
    if beyond {
        PlanStatus::Exceeded
    } else {
        PlanStatus::Met
    }
}

/// Every figure of an indicator, ordered for the detail view: by period, then kind
/// (actual, estimate, plan, target, derived), then measure.
pub fn figures_by_period<'a>(model: &'a Model, indicator: &str) -> Vec<&'a Figure> {
    let mut figures: Vec<&Figure> = model.figures_of(indicator).collect();
    figures.sort_by(|a, b| {
        a.period
            .end_year()
            .cmp(&b.period.end_year())
            .then(a.period.cmp(&b.period))
            .then(a.kind.cmp(&b.kind))
            .then(a.measure.cmp(&b.measure))
            .then_with(|| compare_vintages(model, b, a))
    });
    figures
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(result: f64, plan: Amount, cmp: Option<Comparator>, better: Better, want: PlanStatus) {
        assert_eq!(status_against(result, plan, cmp, better), want);
    }

    #[test]
    fn a_seed_implied_plan_beats_a_public_report_plan() {
        let model = crate::core::model::catalog::load_shipped()
            .0
            .into_iter()
            .next()
            .expect("model");
        let figures: Vec<&Figure> = model.figures_of("tourist_visits").collect();
        let result = figures
            .iter()
            .copied()
            .find(|f| {
                f.kind.is_result() && f.measure == Measure::Level && f.period == Period::Year(2023)
            })
            .expect("2023 result");
        // Seed 003: "trên 1,3 triệu lượt khách, đạt 86,67% kế hoạch" implies a plan of
        // 1.3 ÷ 86.67 × 100 = 1.49994 million visits; the public report's 1,300,000
        // visits must not outrank it.
        match plan_for(&model, &figures, result) {
            Some(PlanValue::FromAttainment { value, .. }) => {
                assert!((value - 1.49994).abs() < 0.00001, "{value}")
            }
            other => panic!("expected the implied plan, got {other:?}"),
        }
    }

    #[test]
    fn status_respects_comparators_ranges_and_direction() {
        use Better::*;
        use PlanStatus::*;
        let p = Amount::Point;
        check(7.32, p(10.0), Some(Comparator::AtLeast), Higher, Missed);
        check(10.0, p(10.0), Some(Comparator::AtLeast), Higher, Met);
        check(10.5, p(10.0), Some(Comparator::AtLeast), Higher, Exceeded);
        check(10.0, p(10.0), Some(Comparator::MoreThan), Higher, Missed);
        check(27.0, p(28.8), Some(Comparator::LessThan), Lower, Exceeded);
        check(10.5, p(10.0), Some(Comparator::MoreThan), Higher, Exceeded);
        check(28.8, p(28.8), Some(Comparator::AtMost), Lower, Met);
        check(29.0, p(28.8), Some(Comparator::LessThan), Lower, Missed);
        check(3.5, p(4.0), None, Lower, Exceeded);
        check(18.5, Amount::Range(18.0, 19.0), None, Neutral, Met);
        check(20.0, Amount::Range(18.0, 19.0), None, Neutral, Missed);
        check(20.0, Amount::Range(18.0, 19.0), None, Higher, Exceeded);
        check(4929.0, p(4000.0), None, Higher, Exceeded);
    }

    #[test]
    fn status_from_stated_percent() {
        assert_eq!(
            status_from_percent(97.62, Better::Higher),
            PlanStatus::Missed
        );
        assert_eq!(status_from_percent(100.0, Better::Higher), PlanStatus::Met);
        assert_eq!(
            status_from_percent(102.49, Better::Higher),
            PlanStatus::Exceeded
        );
        assert_eq!(
            status_from_percent(102.49, Better::Neutral),
            PlanStatus::Met
        );
    }
}
