//! "What is needed": for one indicator, the pace its term target needs in the years
//! left, the pace achieved so far, the status that follows, and a projection under the
//! person's assumptions, with every number of the working kept for the explanation.
//!
//! The kind of working follows the term target's measure: an average-growth target is
//! turned into the level it implies (base-year level × (1 + ḡ)^N) and needs growth; a
//! level target needs growth, or yearly additions for stocks, shares and counts; a
//! cumulative target needs yearly amounts. Assumptions are per year, in the pace's own
//! unit (percent growth, or units added). Pure: the model and choices come in as values.
//!
//! Facts and scenarios are kept apart: [`Assessment::status`] is computed from the
//! results alone (the latest result inside the term, no assumptions), with the rule of
//! [`crate::core::plan::rule`]; [`Assessment::scenario`] is what the person's assumptions
//! lead to, and [`Assessment::warnings`] flags assumptions that contradict a known
//! result or are implausible. Every figure is read in the indicator's own unit
//! (2,3 triệu lượt is 2,300,000 visits). A figure from before the term is a base for the
//! pace achieved, never a starting result.

use std::collections::BTreeMap;

use crate::core::model::{
    Amount, Better, Comparator, Figure, FigureKind, Measure, Model, Period, StatBasis, TargetKind,
};
use crate::core::plan::goal_seek::{goal_seek, GoalSeekAnswer, GoalSeekError};
use crate::core::plan::pace::{self, PaceError};
use crate::core::plan::rule::{cannot_fall_back, classify, StatusFacts};
pub use crate::core::plan::rule::{
    AssumptionWarning, ScenarioVerdict, TargetRule, TermStatus, AT_RISK_SHARE,
};
use crate::core::plan::summary::compare_vintages;

/// The unit of a pace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaceKind {
    /// Percent growth a year.
    Growth,
    /// Units of the indicator added a year (percentage points for a rate).
    Increment,
}

/// Why an indicator cannot be assessed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssessError {
    /// The indicator has no term target.
    NoTarget,
    /// The target is of a kind the engine does not assess (e.g. a range of growth).
    UnsupportedTarget,
    /// No result to start from before the target year.
    NoStartingResult,
    /// Results exist only from before the term: none measures progress made in it.
    NoResultInTerm,
    /// The base-year level an average-growth target needs is missing.
    NoBaseLevel,
    /// Results are missing for years before the start of a cumulative target; the
    /// person can enter them as assumptions.
    MissingResults,
    /// The target is in another currency (USD) than the results (VND) and no exchange
    /// rate is given: the person enters one (the public pages state none).
    NoExchangeRate,
    /// The formula failed.
    Pace(PaceError),
}

impl From<PaceError> for AssessError {
    fn from(e: PaceError) -> Self {
        AssessError::Pace(e)
    }
}

/// Which series the status of an average-growth target rests on when the documents
/// state the yearly growth rates: the rates (default, domain.md formula 2) or the levels
/// (the person's pick when a series mixes vintages).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PaceBasis {
    /// The stated yearly growth rates.
    #[default]
    Rates,
    /// The levels (base level and latest level).
    Levels,
}

/// The person's choices for one indicator.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Assumptions {
    /// For an average-growth target with stated rates: which series the status uses.
    pub pace_basis: PaceBasis,
    /// Start from the result of this year instead of the latest one.
    pub start_year: Option<i32>,
    /// Assumed pace for some remaining years (percent growth or units added).
    pub per_year: BTreeMap<i32, f64>,
    /// For a level target whose results mix statistical bases (an estimate from
    /// before a revision and figures of the revised series): the basis the pace
    /// achieved starts from. `None`: the revised series, as a newer vintage wins.
    pub basis: Option<StatBasis>,
    /// The vintage the person chose for some of the indicator's figures, by slot
    /// ([`vintage_slot`], `2024/level`) to vintage id ([`Figure::vintage_id`]); a slot
    /// without a choice, or whose chosen vintage is gone, uses the one that wins.
    pub vintages: BTreeMap<String, String>,
    /// Assumed exchange rate (VND per USD) in the target year, for a target in another
    /// currency than the results (`core::plan::currency`).
    pub exchange_rate: Option<f64>,
}

/// The slot of a yearly figure a vintage choice is kept under: `2024/level`,
/// `2024/growth`.
pub fn vintage_slot(year: i32, measure: Measure) -> String {
    format!("{year}/{}", crate::core::model::load::measure_code(measure))
}

/// The working of an assessment: every number the explanation shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Working {
    /// How the pace is measured.
    pub pace_kind: PaceKind,
    /// Target year.
    pub target_year: i32,
    /// Target value (a level, or a cumulative total).
    pub target_value: f64,
    /// The comparator of the target, if any.
    pub comparator: Option<Comparator>,
    /// For an average-growth target: (base year, base level, average growth %).
    pub implied_from: Option<(i32, f64, f64)>,
    /// Year of the starting result.
    pub start_year: i32,
    /// Starting value (the level, or the total so far for a cumulative target).
    pub start_value: f64,
    /// Key of the figure the start comes from (for a total: the last year's figure).
    pub start_key: String,
    /// Vintage id ([`Figure::vintage_id`]) of that figure.
    pub start_vintage: String,
    /// Years between the start and the target.
    pub remaining_years: Vec<i32>,
    /// Assumed pace for some of those years.
    pub assumed: Vec<(i32, f64)>,
    /// Years whose pace is solved for.
    pub free_years: Vec<i32>,
    /// Years of results available to start from.
    pub start_choices: Vec<i32>,
    /// True for a cumulative target: the start value is the total so far.
    pub cumulative: bool,
    /// The range of a range target; `target_value` is its end nearest the start.
    pub target_range: Option<(f64, f64)>,
}

impl Working {
    /// The pace of each remaining year: its assumption, or `fallback` for the years
    /// without one; `None` when a year needs the fallback and there is none.
    pub fn path(&self, fallback: Option<f64>) -> Option<Vec<f64>> {
        self.remaining_years
            .iter()
            .map(|y| {
                self.assumed
                    .iter()
                    .find(|(ay, _)| ay == y)
                    .map(|(_, v)| *v)
                    .or(fallback)
            })
            .collect()
    }

    /// The value at the end of each remaining year when the years move at `path` (growth
    /// in percent, or amounts added); `None` when a step is undefined or overflows.
    pub fn levels_along(&self, path: &[f64]) -> Option<Vec<f64>> {
        let mut level = self.start_value;
        let mut out = Vec::with_capacity(path.len());
        for &pace in path {
            level = match self.pace_kind {
                PaceKind::Growth => pace::compound(level, &[pace / 100.0]).ok()?,
                PaceKind::Increment => level + pace,
            };
            if !level.is_finite() {
                return None;
            }
            out.push(level);
        }
        Some(out)
    }

    /// Projected value in the target year with the assumptions and `fallback` for the
    /// other years.
    fn project(&self, fallback: f64) -> Option<f64> {
        let levels = self.levels_along(&self.path(Some(fallback))?)?;
        Some(levels.last().copied().unwrap_or(self.start_value))
    }
}

/// The outcome for one indicator.
#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    /// Indicator id.
    pub indicator: String,
    /// The working (absent when there is no target or no start).
    pub working: Option<Working>,
    /// Required pace a year in the free years (percent or units).
    pub required: Result<f64, AssessError>,
    /// Pace achieved so far (percent or units a year), from the earliest result in the
    /// term (or the base year) to the start.
    pub achieved: Option<(i32, f64)>,
    /// Status.
    pub status: TermStatus,
    /// Projected value in the target year with the assumptions, and the achieved pace
    /// for the other years.
    pub projection: Option<f64>,
    /// The planned pace, for a stock whose yearly additions have plans: (plan year,
    /// planned addition, key of the plan figure).
    pub planned: Option<(i32, f64, String)>,
    /// The target's rule (what meeting it means), when there is a target.
    pub rule: Option<TargetRule>,
    /// What the assumptions lead to: the projection checked against the rule.
    pub scenario: Option<ScenarioVerdict>,
    /// Doubts about the assumptions (a known result contradicted, an implausible rate).
    pub warnings: Vec<AssumptionWarning>,
    /// Years whose results the target needs but the data lack (a cumulative total's
    /// years before the start).
    pub missing: Vec<i32>,
    /// For an average-growth target: the pace from the yearly growth rates the
    /// documents state, beside the level-based one.
    pub rates: Option<RatesCheck>,
    /// The series the status's paces come from, when there was a choice (an
    /// average-growth target with stated rates).
    pub status_basis: Option<PaceBasis>,
    /// For a level target whose results before the start mix statistical bases: the
    /// pace achieved and the status on each basis, and the one used.
    pub bases: Option<BasisCheck>,
}

/// A level target's pace achieved read on one statistical basis.
#[derive(Clone, Debug, PartialEq)]
pub struct BasisReading {
    /// The basis.
    pub basis: StatBasis,
    /// Year and value of the first level on that basis (from the base year on).
    pub from: (i32, f64),
    /// Key of the figure it comes from.
    pub from_key: String,
    /// Pace achieved a year from there to the start.
    pub achieved: f64,
    /// The status it gives.
    pub status: TermStatus,
}

/// Both readings of a series that mixes statistical bases, and the one the status uses.
#[derive(Clone, Debug, PartialEq)]
pub struct BasisCheck {
    /// Before the revision, then the revised series.
    pub readings: Vec<BasisReading>,
    /// The basis the status and the projection use.
    pub used: StatBasis,
}

/// An average-growth target worked from the stated yearly growth rates (domain.md
/// formula 2), as a check on the level-based working.
#[derive(Clone, Debug, PartialEq)]
pub struct RatesCheck {
    /// The years from the base year + 1 to the start, with the rate used (percent) and
    /// the key of the figure it comes from.
    pub known: Vec<(i32, f64, String)>,
    /// Growth needed a year in the years left, from the rates (percent).
    pub required: f64,
    /// Average growth a year achieved so far, from the rates (percent).
    pub achieved: f64,
    /// Growth factor of the known years by the rates: Π(1 + gᵢ).
    pub rates_factor: f64,
    /// Growth factor of the same years by the levels: start level ÷ base level.
    pub levels_factor: f64,
    /// True when the two factors differ by more than [`VINTAGE_TOLERANCE`]: the levels
    /// and the rates come from different vintages (a level was revised).
    pub mixed_vintages: bool,
}

/// Relative gap between the rate-based and level-based growth factors above which a
/// series is said to mix vintages (0.1 %: more than rounding of two-decimal rates).
pub const VINTAGE_TOLERANCE: f64 = 0.001;

impl Assessment {
    /// True when the scenario can be worked: a target, a start and a projection (no
    /// result it needs is missing). Goal seek and sensitivity tables are offered only
    /// then.
    pub fn scenario_assessable(&self) -> bool {
        self.working.is_some() && self.projection.is_some() && self.scenario.is_some()
    }

    /// The pace the projection uses for `year`: its assumption, or the pace achieved.
    pub fn pace_in_use(&self, year: i32) -> Option<f64> {
        let w = self.working.as_ref()?;
        w.assumed
            .iter()
            .find(|(y, _)| *y == year)
            .map(|(_, v)| *v)
            .or(self.achieved.map(|(_, a)| a))
    }
}

fn best<'a>(model: &Model, figures: impl Iterator<Item = &'a Figure>) -> Option<&'a Figure> {
    figures.max_by(|a, b| compare_vintages(model, a, b))
}

/// The vintage chosen for `slot` among `figures` when there is one, otherwise the best.
fn chosen<'a>(
    model: &Model,
    figures: Vec<&'a Figure>,
    slot: &str,
    choices: &BTreeMap<String, String>,
) -> Option<&'a Figure> {
    choices
        .get(slot)
        .and_then(|id| figures.iter().copied().find(|f| &f.vintage_id() == id))
        .or_else(|| best(model, figures.into_iter()))
}

/// Level results by year (the best vintage of each), no variants, no bounds. Stored
/// derived levels (with their formula) count when no quoted result gives the year.
pub fn yearly_levels<'a>(model: &'a Model, indicator: &str) -> BTreeMap<i32, &'a Figure> {
    yearly_levels_chosen(model, indicator, &BTreeMap::new())
}

/// Every vintage of the level results of `year` that [`yearly_levels`] chooses among,
/// the one that wins first.
pub fn level_vintages<'a>(model: &'a Model, indicator: &str, year: i32) -> Vec<&'a Figure> {
    let mut out = level_candidates(model, indicator)
        .remove(&year)
        .unwrap_or_default();
    out.sort_by(|a, b| compare_vintages(model, b, a));
    out
}

/// [`yearly_levels`] with the person's vintage choices ([`Assumptions::vintages`]).
pub fn yearly_levels_chosen<'a>(
    model: &'a Model,
    indicator: &str,
    choices: &BTreeMap<String, String>,
) -> BTreeMap<i32, &'a Figure> {
    level_candidates(model, indicator)
        .into_iter()
        .filter_map(|(y, fs)| {
            chosen(model, fs, &vintage_slot(y, Measure::Level), choices).map(|f| (y, f))
        })
        .collect()
}

fn level_candidates<'a>(model: &'a Model, indicator: &str) -> BTreeMap<i32, Vec<&'a Figure>> {
    let unit = model.indicator(indicator).map(|i| i.unit.as_str());
    let mut by_year: BTreeMap<i32, Vec<&Figure>> = BTreeMap::new();
    for f in model.figures_of(indicator) {
        // A bound ("trên 45 triệu") is not a level to compute from.
        if (f.kind.is_result() || f.kind == FigureKind::Derived)
            && f.measure == Measure::Level
            && f.variant.is_none()
            && f.comparator.is_none()
            && unit.is_some_and(|u| model.convert(f.amount, &f.unit, u).is_some())
        {
            if let (Period::Year(y), Amount::Point(_)) = (f.period, f.amount) {
                by_year.entry(y).or_default().push(f);
            }
        }
    }
    by_year
}

/// A figure's number in its indicator's unit (2,3 `million_visits` is 2,300,000
/// `visits`); the number as written when the units do not convert.
pub fn level_value(model: &Model, f: &Figure) -> f64 {
    model
        .indicator(&f.indicator)
        .and_then(|i| model.convert(f.amount, &f.unit, &i.unit))
        .unwrap_or(f.amount)
        .central()
}

/// A figure's amount in its indicator's unit.
fn amount_in_unit(model: &Model, f: &Figure) -> Amount {
    model
        .indicator(&f.indicator)
        .and_then(|i| model.convert(f.amount, &f.unit, &i.unit))
        .unwrap_or(f.amount)
}

/// The term target of an indicator: the one ending at the term's last year, best vintage.
/// A paraphrase of a target (a figure with a variant) never outranks the target itself.
pub fn term_target<'a>(model: &'a Model, indicator: &str) -> Option<&'a Figure> {
    best(
        model,
        model.figures_of(indicator).filter(|f| {
            f.kind == FigureKind::TermTarget
                && f.variant.is_none()
                && f.period.end_year() == model.term.last_year
        }),
    )
}

fn point(a: Amount, better: Better) -> f64 {
    match a {
        Amount::Point(v) => v,
        // A range target is worked towards its near end.
        Amount::Range(lo, hi) => match better {
            Better::Lower => hi,
            _ => lo,
        },
    }
}

/// The pace part of the status rule (kept for the rule's own tests): `already_met` is
/// the verdict of the time rule.
#[cfg(test)]
fn status_from(
    already_met: bool,
    required: &Result<f64, AssessError>,
    achieved: Option<f64>,
    falling: bool,
) -> TermStatus {
    if already_met {
        return TermStatus::Achieved;
    }
    crate::core::plan::rule::pace_status(required.as_ref().ok().copied(), achieved, falling)
}

/// Splits the remaining years into those with a (finite) assumption and those solved for.
fn split_years(remaining: &[i32], assumptions: &Assumptions) -> (Vec<(i32, f64)>, Vec<i32>) {
    let assumed: Vec<(i32, f64)> = remaining
        .iter()
        .filter_map(|y| assumptions.per_year.get(y).map(|v| (*y, *v)))
        .filter(|(_, v)| v.is_finite())
        .collect();
    let free = remaining
        .iter()
        .copied()
        .filter(|y| !assumed.iter().any(|(ay, _)| ay == y))
        .collect();
    (assumed, free)
}

fn unassessed(indicator: &str, error: AssessError) -> Assessment {
    Assessment {
        indicator: indicator.to_string(),
        working: None,
        required: Err(error),
        achieved: None,
        status: TermStatus::CannotAssess,
        projection: None,
        planned: None,
        rule: None,
        scenario: None,
        warnings: Vec::new(),
        missing: Vec::new(),
        rates: None,
        status_basis: None,
        bases: None,
    }
}

/// The latest yearly plan of a stock's additions indicator, up to the target year.
fn planned_additions(
    model: &Model,
    indicator_id: &str,
    target_year: i32,
) -> Option<(i32, f64, String)> {
    let additions = model.indicator(indicator_id)?.additions.as_deref()?;
    model
        .figures_of(additions)
        .filter(|f| {
            f.kind == FigureKind::Plan
                && f.measure == Measure::Level
                && f.variant.is_none()
                && matches!(f.period, Period::Year(y) if y <= target_year)
        })
        .max_by(|a, b| {
            a.period
                .end_year()
                .cmp(&b.period.end_year())
                .then_with(|| compare_vintages(model, a, b))
        })
        .map(|f| {
            (
                f.period.end_year(),
                level_value(model, f),
                crate::core::model::load::figure_key(f),
            )
        })
}

/// Assesses one indicator against its term target under `assumptions`. The status is
/// that of the results alone; the scenario verdict and warnings are those of the
/// assumptions.
pub fn assess(model: &Model, indicator_id: &str, assumptions: &Assumptions) -> Assessment {
    let mut a = assess_with(model, indicator_id, assumptions);
    // The choices of which figures count (series, basis, vintages) are facts'
    // choices: they shape the status; the typed paces and start year do not.
    let facts_only = Assumptions {
        pace_basis: assumptions.pace_basis,
        basis: assumptions.basis,
        vintages: assumptions.vintages.clone(),
        exchange_rate: assumptions.exchange_rate,
        ..Assumptions::default()
    };
    if *assumptions != facts_only {
        a.status = assess_with(model, indicator_id, &facts_only).status;
    }
    if let Some(w) = &a.working {
        a.warnings = warnings(model, indicator_id, w, &assumptions.vintages);
    }
    a
}

/// The projection under `assumptions` alone (no facts-only pass, no warnings): what a
/// sensitivity table evaluates in every cell.
pub fn scenario_projection(
    model: &Model,
    indicator_id: &str,
    assumptions: &Assumptions,
) -> Option<f64> {
    assess_with(model, indicator_id, assumptions).projection
}

/// The pace each year with a known result shows (growth from the level before, or a
/// stated growth rate; the amount for a cumulative total; the change for a stock).
fn known_pace(
    model: &Model,
    indicator_id: &str,
    w: &Working,
    year: i32,
    choices: &BTreeMap<String, String>,
) -> Option<f64> {
    let levels = yearly_levels_chosen(model, indicator_id, choices);
    let this = levels.get(&year).map(|f| level_value(model, f));
    if w.cumulative {
        return this;
    }
    let before = levels.get(&(year - 1)).map(|f| level_value(model, f));
    match (w.pace_kind, this, before) {
        (PaceKind::Growth, Some(t), Some(b)) => {
            pace::growth_between(b, t, 1).ok().map(|g| g * 100.0)
        }
        (PaceKind::Increment, Some(t), Some(b)) => Some(t - b),
        (PaceKind::Growth, _, _) => {
            stated_growth(model, indicator_id, year, choices).map(|(g, _)| g)
        }
        _ => None,
    }
}

/// The best stated yearly growth rate (percent) of a year, with its figure key.
fn stated_growth(
    model: &Model,
    indicator_id: &str,
    year: i32,
    choices: &BTreeMap<String, String>,
) -> Option<(f64, String)> {
    chosen(
        model,
        model
            .figures_of(indicator_id)
            .filter(|f| {
                (f.kind.is_result() || f.kind == FigureKind::Derived)
                    && f.measure == Measure::Growth
                    && f.variant.is_none()
                    && f.comparator.is_none()
                    && f.period == Period::Year(year)
                    && matches!(f.amount, Amount::Point(_))
            })
            .collect(),
        &vintage_slot(year, Measure::Growth),
        choices,
    )
    .map(|f| (f.amount.central(), crate::core::model::load::figure_key(f)))
}

/// Tolerance for "an assumption differs from a known result": half a point of growth,
/// or 1 % of the known amount for increments.
fn differs(kind: PaceKind, assumed: f64, known: f64) -> bool {
    match kind {
        PaceKind::Growth => (assumed - known).abs() > 0.5,
        PaceKind::Increment => (assumed - known).abs() > 0.01 * known.abs().max(1.0),
    }
}

fn warnings(
    model: &Model,
    indicator_id: &str,
    w: &Working,
    choices: &BTreeMap<String, String>,
) -> Vec<AssumptionWarning> {
    let mut out = Vec::new();
    for &(year, assumed) in &w.assumed {
        if w.pace_kind == PaceKind::Growth
            && assumed.abs() > crate::core::plan::rule::PLAUSIBLE_GROWTH
        {
            out.push(AssumptionWarning::Implausible { year, assumed });
        }
        if let Some(known) = known_pace(model, indicator_id, w, year, choices) {
            if differs(w.pace_kind, assumed, known) {
                out.push(AssumptionWarning::ContradictsResult {
                    year,
                    assumed,
                    known,
                });
            }
        }
    }
    out
}

/// The rates check of an average-growth target started at `start_year`.
fn rates_check(
    model: &Model,
    indicator_id: &str,
    base: (i32, f64),
    start: (i32, f64),
    average: f64,
    target_year: i32,
    choices: &BTreeMap<String, String>,
) -> Option<RatesCheck> {
    let known: Vec<(i32, f64, String)> = (base.0 + 1..=start.0)
        .map(|y| stated_growth(model, indicator_id, y, choices).map(|(g, k)| (y, g, k)))
        .collect::<Option<_>>()?;
    let rates: Vec<f64> = known.iter().map(|(_, g, _)| g / 100.0).collect();
    let n_known = i32::try_from(known.len()).ok()?;
    let required = pace::required_growth_for_average(
        average / 100.0,
        target_year - base.0,
        &rates,
        target_year - start.0,
    )
    .ok()?
        * 100.0;
    let rates_factor = pace::growth_factor(&rates).ok()?;
    let achieved = (pace::growth_between(1.0, rates_factor, n_known).ok()?) * 100.0;
    let levels_factor = start.1 / base.1;
    let mixed_vintages = ((rates_factor / levels_factor) - 1.0).abs() > VINTAGE_TOLERANCE;
    levels_factor.is_finite().then_some(RatesCheck {
        known,
        required,
        achieved,
        rates_factor,
        levels_factor,
        mixed_vintages,
    })
}

fn assess_with(model: &Model, indicator_id: &str, assumptions: &Assumptions) -> Assessment {
    let Some(indicator) = model.indicator(indicator_id) else {
        return unassessed(indicator_id, AssessError::NoTarget);
    };
    let Some(target) = term_target(model, indicator_id) else {
        return unassessed(indicator_id, AssessError::NoTarget);
    };
    let target_amount =
        if crate::core::plan::currency::needs_rate(model, &target.unit, &indicator.unit) {
            let converted = assumptions.exchange_rate.and_then(|rate| {
                crate::core::plan::currency::convert(
                    model,
                    target.amount,
                    &target.unit,
                    &indicator.unit,
                    rate,
                )
            });
            match converted {
                Some(a) => a,
                None => return unassessed(indicator_id, AssessError::NoExchangeRate),
            }
        } else {
            amount_in_unit(model, target)
        };
    let rule = TargetRule::new(target_amount, target, indicator.better);
    let falling = indicator.better == Better::Lower;
    let levels = yearly_levels_chosen(model, indicator_id, &assumptions.vintages);
    let target_year = target.period.end_year();
    // Only results inside the term are starting points: one from before it (a 2020
    // estimate for a 2021-2025 term) is a base, not progress made in the term.
    let mut start_choices: Vec<i32> = levels
        .keys()
        .copied()
        .filter(|y| *y < target_year && *y >= model.term.first_year)
        .collect();
    // At the start of a term (no result in it yet) the base year's result is where the
    // growth needed is counted from (the 2025 GRDP for 2026-2030); a share, stock or
    // count still needs a result inside the term.
    let growth_paced = !matches!(
        indicator.target_kind,
        TargetKind::Stock | TargetKind::Share | TargetKind::Count
    );
    if start_choices.is_empty() && growth_paced && levels.contains_key(&model.term.base_year) {
        start_choices.push(model.term.base_year);
    }
    let mut out = match target.measure {
        Measure::AverageGrowth | Measure::Level => {
            let pace_kind = match (target.measure, indicator.target_kind) {
                (Measure::Level, TargetKind::Stock | TargetKind::Share | TargetKind::Count) => {
                    PaceKind::Increment
                }
                _ => PaceKind::Growth,
            };
            let (target_value, implied_from) = if target.measure == Measure::AverageGrowth {
                let Period::Years(first, last) = target.period else {
                    return unassessed(indicator_id, AssessError::UnsupportedTarget);
                };
                let Amount::Point(avg) = target.amount else {
                    return unassessed(indicator_id, AssessError::UnsupportedTarget);
                };
                let base_year = first - 1;
                let Some(base) = levels.get(&base_year) else {
                    return unassessed(indicator_id, AssessError::NoBaseLevel);
                };
                let base_value = level_value(model, base);
                match pace::compound(
                    base_value,
                    &vec![avg / 100.0; usize::try_from(last - base_year).unwrap_or(0)],
                ) {
                    Ok(v) => (v, Some((base_year, base_value, avg))),
                    Err(e) => return unassessed(indicator_id, e.into()),
                }
            } else {
                (point(target_amount, indicator.better), None)
            };
            let start_year = match assumptions.start_year.filter(|y| start_choices.contains(y)) {
                Some(y) => y,
                None => match start_choices.last() {
                    Some(y) => *y,
                    None if levels.keys().any(|y| *y < model.term.first_year) => {
                        return unassessed(indicator_id, AssessError::NoResultInTerm)
                    }
                    None => return unassessed(indicator_id, AssessError::NoStartingResult),
                },
            };
            let Some(start) = levels.get(&start_year) else {
                return unassessed(indicator_id, AssessError::NoStartingResult);
            };
            let start_value = level_value(model, start);
            // The pace is worked towards a point target as it is, and towards a range
            // target's end nearest the start (a value inside the range needs none).
            let target_value = match (target.measure, target_amount) {
                (Measure::Level, Amount::Range(lo, hi)) => start_value.clamp(lo, hi),
                _ => target_value,
            };
            let remaining_years: Vec<i32> = (start_year + 1..=target_year).collect();
            let (assumed, free_years) = split_years(&remaining_years, assumptions);
            let free = i32::try_from(free_years.len()).unwrap_or(i32::MAX);
            let assumed_values: Vec<f64> = assumed.iter().map(|(_, v)| *v).collect();
            let required = match pace_kind {
                PaceKind::Growth => {
                    let rates: Vec<f64> = assumed_values.iter().map(|v| v / 100.0).collect();
                    pace::required_growth(start_value, target_value, &rates, free)
                        .map(|g| g * 100.0)
                }
                PaceKind::Increment => {
                    pace::required_increment(start_value, target_value, &assumed_values, free)
                }
            }
            .map_err(AssessError::from);
            // Achieved pace: from the base year (average-growth targets) or the earliest
            // result from the base year on, to the start.
            // A level target's results before the start may mix statistical bases (an
            // estimate from before a revision, then the revised series): the pace
            // achieved starts from the first level on the basis in use.
            let before_start: Vec<(i32, &Figure)> = levels
                .iter()
                .filter(|(y, _)| **y >= model.term.base_year && **y < start_year)
                .map(|(y, f)| (*y, *f))
                .collect();
            let has = |b: StatBasis| before_start.iter().any(|(_, f)| f.basis == Some(b));
            let mixed_bases =
                implied_from.is_none() && has(StatBasis::PreRevision) && has(StatBasis::Revised);
            let first_on = |b: Option<StatBasis>| -> Option<i32> {
                before_start
                    .iter()
                    .find(|(_, f)| b.is_none_or(|b| f.basis.is_none_or(|fb| fb == b)))
                    .map(|(y, _)| *y)
            };
            let used_basis = mixed_bases.then(|| assumptions.basis.unwrap_or(StatBasis::Revised));
            let first_year = implied_from
                .map(|(y, _, _)| y)
                .or_else(|| first_on(used_basis));
            let achieved_from = |fy: i32| -> Option<(i32, f64)> {
                let from = level_value(model, levels.get(&fy)?);
                let years = start_year - fy;
                let pace = match pace_kind {
                    PaceKind::Growth => {
                        pace::growth_between(from, start_value, years).ok()? * 100.0
                    }
                    PaceKind::Increment => (start_value - from) / f64::from(years),
                };
                pace.is_finite().then_some((fy, pace))
            };
            let achieved = first_year.and_then(achieved_from);
            // For a level target, the pace is signed towards the target: a fall is
            // needed when the target lies below the start.
            let falling = falling || target_value < start_value;
            // An average-growth target is met by the level it implies, with its comparator.
            let level_rule = match implied_from {
                Some(_) => TargetRule {
                    amount: Amount::Point(target_value),
                    ..rule
                },
                None => rule,
            };
            let rates = implied_from.and_then(|(by, bv, avg)| {
                rates_check(
                    model,
                    indicator_id,
                    (by, bv),
                    (start_year, start_value),
                    avg,
                    target_year,
                    &assumptions.vintages,
                )
            });
            // Where the documents state every year's growth, the paces of the status
            // come from those rates (domain.md formula 2); the levels are the check.
            let status_basis = rates.as_ref().map(|_| assumptions.pace_basis);
            let (status_required, status_achieved) = match (&rates, assumptions.pace_basis) {
                (Some(rc), PaceBasis::Rates) => (Some(rc.required), Some(rc.achieved)),
                _ => (required.as_ref().ok().copied(), achieved.map(|a| a.1)),
            };
            let status_of = |required: Option<f64>, achieved: Option<f64>| {
                classify(StatusFacts {
                    met: level_rule.meets(start_value),
                    result_year: start_year,
                    target_year,
                    holds: cannot_fall_back(indicator.target_kind, false, indicator.better),
                    required,
                    achieved,
                    falling,
                })
            };
            let status = status_of(status_required, status_achieved);
            let bases = used_basis.map(|used| BasisCheck {
                readings: [StatBasis::PreRevision, StatBasis::Revised]
                    .into_iter()
                    .filter_map(|b| {
                        let (fy, pace) = first_on(Some(b)).and_then(achieved_from)?;
                        Some(BasisReading {
                            basis: b,
                            from: (fy, level_value(model, levels.get(&fy)?)),
                            from_key: crate::core::model::load::figure_key(levels.get(&fy)?),
                            achieved: pace,
                            status: status_of(required.as_ref().ok().copied(), Some(pace)),
                        })
                    })
                    .collect(),
                used,
            });
            let working = Working {
                pace_kind,
                target_year,
                target_value,
                comparator: target.comparator,
                implied_from,
                start_year,
                start_value,
                start_key: crate::core::model::load::figure_key(start),
                start_vintage: start.vintage_id(),
                remaining_years,
                assumed,
                free_years,
                start_choices,
                cumulative: false,
                target_range: match target_amount {
                    Amount::Range(lo, hi) => Some((lo, hi)),
                    Amount::Point(_) => None,
                },
            };
            let projection = achieved
                .and_then(|(_, a)| working.project(a))
                .map(|p| bound_rate(model, indicator_id, p));
            Assessment {
                indicator: indicator_id.to_string(),
                projection,
                working: Some(working),
                required,
                achieved,
                status,
                planned: planned_additions(model, indicator_id, target_year),
                rule: None,
                scenario: None,
                warnings: Vec::new(),
                missing: Vec::new(),
                rates,
                status_basis,
                bases,
            }
        }
        Measure::Cumulative => assess_cumulative(
            model,
            indicator_id,
            target,
            target_amount,
            &levels,
            assumptions,
            falling,
        ),
        _ => return unassessed(indicator_id, AssessError::UnsupportedTarget),
    };
    // The scenario verdict for a target that is an average growth compares levels: the
    // implied level is the point to reach, with the target's comparator.
    let scenario_rule = match target.measure {
        Measure::AverageGrowth => out.working.as_ref().map(|w| TargetRule {
            amount: Amount::Point(w.target_value),
            ..rule
        }),
        _ => Some(rule),
    };
    out.scenario = match (&scenario_rule, out.projection) {
        (Some(r), Some(p)) => Some(ScenarioVerdict::of(r, p)),
        _ => None,
    };
    out.rule = scenario_rule;
    out
}

/// A projected rate or share stays within 0-100 % (a share cannot pass 100 % however
/// fast it moved before).
pub fn bound_rate(model: &Model, indicator_id: &str, value: f64) -> f64 {
    match model.indicator(indicator_id) {
        Some(i) if i.unit == "percent" => value.clamp(0.0, 100.0),
        _ => value,
    }
}

/// Goal seek on one year: the value to assume for `year` so that the projection for the
/// target year meets the target, the other years keeping their assumptions (or the pace
/// achieved). The answer is checked by assessing again. Refused (`ModelFailed`) when
/// the scenario cannot be assessed: a goal seek never answers for missing results.
pub fn seek_year(
    model: &Model,
    indicator_id: &str,
    assumptions: &Assumptions,
    year: i32,
) -> Result<GoalSeekAnswer, GoalSeekError> {
    let base = assess(model, indicator_id, assumptions);
    let Some(w) = &base.working else {
        return Err(GoalSeekError::ModelFailed);
    };
    if !base.scenario_assessable() {
        return Err(GoalSeekError::ModelFailed);
    }
    if !w.remaining_years.contains(&year) || year <= w.start_year {
        return Err(GoalSeekError::BadRange);
    }
    let (low, high) = match w.pace_kind {
        PaceKind::Growth => (-90.0, 300.0),
        PaceKind::Increment => {
            let span = (w.target_value.abs() + w.start_value.abs()).max(1.0) * 2.0;
            (-span, span)
        }
    };
    let model_fn = |x: f64| {
        let mut trial = assumptions.clone();
        trial.per_year.insert(year, x);
        assess(model, indicator_id, &trial)
            .projection
            .ok_or(GoalSeekError::ModelFailed)
    };
    let tolerance = (w.target_value.abs() * 1e-9).max(1e-9);
    goal_seek(model_fn, w.target_value, low, high, tolerance)
}

fn assess_cumulative(
    model: &Model,
    indicator_id: &str,
    target: &Figure,
    target_amount: Amount,
    levels: &BTreeMap<i32, &Figure>,
    assumptions: &Assumptions,
    falling: bool,
) -> Assessment {
    let Period::Years(first, last) = target.period else {
        return unassessed(indicator_id, AssessError::UnsupportedTarget);
    };
    let (better, kind) = model
        .indicator(indicator_id)
        .map_or((Better::Higher, TargetKind::Cumulative), |i| {
            (i.better, i.target_kind)
        });
    let rule = TargetRule::new(target_amount, target, better);
    let target_value = point(target_amount, better);
    let in_period: Vec<(i32, &Figure)> = levels
        .iter()
        .filter(|(y, _)| **y >= first && **y <= last)
        .map(|(y, f)| (*y, *f))
        .collect();
    let start_choices: Vec<i32> = in_period
        .iter()
        .map(|(y, _)| *y)
        .filter(|y| *y < last)
        .collect();
    let Some(&(default_year, _)) = in_period.last() else {
        return unassessed(indicator_id, AssessError::NoStartingResult);
    };
    let start_year = assumptions
        .start_year
        .filter(|y| in_period.iter().any(|(py, _)| py == y))
        .unwrap_or(default_year);
    let counted: Vec<(i32, &Figure)> = in_period
        .iter()
        .copied()
        .filter(|(y, _)| *y <= start_year)
        .collect();
    let done: f64 = counted.iter().map(|(_, f)| level_value(model, f)).sum();
    let Some(&(_, start_fig)) = counted.last() else {
        return unassessed(indicator_id, AssessError::NoStartingResult);
    };
    // Years of the period without a result: the gaps before the start must be filled
    // by the person (as assumptions) before the total can be trusted.
    let remaining_years: Vec<i32> = (first..=last)
        .filter(|y| !counted.iter().any(|(cy, _)| cy == y))
        .collect();
    let missing: Vec<i32> = remaining_years
        .iter()
        .copied()
        .filter(|y| *y < start_year)
        .collect();
    let unfilled_gap = missing
        .iter()
        .any(|y| !assumptions.per_year.get(y).is_some_and(|v| v.is_finite()));
    let (assumed, free_years) = split_years(&remaining_years, assumptions);
    let assumed_values: Vec<f64> = assumed.iter().map(|(_, v)| *v).collect();
    let required = if unfilled_gap {
        Err(AssessError::MissingResults)
    } else {
        pace::required_increment(
            done,
            target_value,
            &assumed_values,
            i32::try_from(free_years.len()).unwrap_or(i32::MAX),
        )
        .map_err(AssessError::from)
    };
    let counted_years = u32::try_from(counted.len()).unwrap_or(u32::MAX);
    let achieved = (counted_years > 0)
        .then(|| done / f64::from(counted_years))
        .filter(|v| v.is_finite())
        .map(|a| (counted.first().map_or(first, |(y, _)| *y), a));
    // With years missing, neither the total so far nor the pace is known.
    let status = if unfilled_gap {
        TermStatus::CannotAssess
    } else {
        classify(StatusFacts {
            met: rule.meets(done),
            result_year: start_year,
            target_year: last,
            holds: cannot_fall_back(kind, true, better),
            required: required.as_ref().ok().copied(),
            achieved: achieved.map(|a| a.1),
            falling,
        })
    };
    let working = Working {
        pace_kind: PaceKind::Increment,
        target_year: last,
        target_value,
        comparator: target.comparator,
        implied_from: None,
        start_year,
        start_value: done,
        start_key: crate::core::model::load::figure_key(start_fig),
        start_vintage: start_fig.vintage_id(),
        remaining_years,
        assumed,
        free_years,
        start_choices,
        cumulative: true,
        target_range: None,
    };
    // No projection over years whose results are missing: filling them silently with
    // an average would present a guess as a result.
    let projection = if unfilled_gap {
        None
    } else {
        achieved.and_then(|(_, a)| working.project(a))
    };
    Assessment {
        indicator: indicator_id.to_string(),
        projection,
        working: Some(working),
        required,
        achieved,
        status,
        planned: None,
        rule: None,
        scenario: None,
        warnings: Vec::new(),
        missing,
        rates: None,
        status_basis: None,
        bases: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::catalog::load_shipped;

    fn kon_tum() -> Model {
        load_shipped().0.into_iter().next().expect("model")
    }

    #[test]
    fn grdp_worked_example() {
        let model = kon_tum();
        let from_2023 = Assumptions {
            start_year: Some(2023),
            ..Assumptions::default()
        };
        let a = assess(&model, "grdp_constant", &from_2023);
        let w = a.working.as_ref().expect("working");
        assert!((w.target_value - 24280.0).abs() < 1.0, "{w:?}");
        let r = a.required.expect("required");
        assert!((r - 13.2).abs() < 0.05, "{r}");
        let mut with_2024 = from_2023.clone();
        with_2024.per_year.insert(2024, 10.0);
        let r = assess(&model, "grdp_constant", &with_2024)
            .required
            .expect("required");
        assert!((r - 16.5).abs() < 0.05, "{r}");
    }

    #[test]
    fn ginseng_stock_needs_yearly_additions() {
        let model = kon_tum();
        let a = assess(&model, "ginseng_area", &Assumptions::default());
        let w = a.working.as_ref().expect("working");
        assert_eq!(w.pace_kind, PaceKind::Increment);
        assert_eq!(w.target_value, 4500.0);
        let r = a.required.expect("required");
        assert!((r - (4500.0 - w.start_value) / f64::from(2025 - w.start_year)).abs() < 1e-9);
        // The 2024 plan of 500 ha of new ginseng is the planned pace to compare with.
        let (year, planned, _) = a.planned.expect("planned additions");
        assert_eq!((year, planned), (2024, 500.0));
    }

    #[test]
    fn investment_total_asks_for_missing_years_then_spreads_the_rest() {
        let model = kon_tum();
        let a = assess(&model, "total_social_investment", &Assumptions::default());
        // 2021 and 2022 have no result in the data: the total cannot be trusted yet.
        assert_eq!(a.required, Err(AssessError::MissingResults));
        assert_eq!(a.status, TermStatus::CannotAssess);
        let mut filled = Assumptions::default();
        filled.per_year.insert(2021, 20000.0);
        filled.per_year.insert(2022, 23000.0);
        let a = assess(&model, "total_social_investment", &filled);
        let w = a.working.expect("working");
        assert_eq!(w.target_value, 118000.0);
        assert_eq!(w.free_years, vec![2025]);
        let r = a.required.expect("required");
        assert!(
            (r - (118000.0 - w.start_value - 43000.0)).abs() < 1e-6,
            "{r}"
        );
    }

    #[test]
    fn goal_seek_on_a_year_matches_the_required_pace() {
        let model = kon_tum();
        let mut assumptions = Assumptions {
            start_year: Some(2023),
            ..Assumptions::default()
        };
        assumptions.per_year.insert(2024, 10.0);
        let answer = seek_year(&model, "grdp_constant", &assumptions, 2025).expect("answer");
        let required = assess(&model, "grdp_constant", &assumptions)
            .required
            .expect("required");
        assert!(
            (answer.input - required).abs() < 1e-6,
            "{answer:?} vs {required}"
        );
        assert!((answer.output - 24280.0).abs() < 1.0);
    }

    /// A small model with a falling rate, a count and a range target, for kinds the
    /// shipped data do not exercise.
    fn small_model() -> Model {
        use crate::core::model::catalog::UNITS_JSON;
        use crate::core::model::load::{load_model, ModelFiles};
        let model = r#"{"schema_version":1,"id":"t","province":{"vi":"T","en":"T"},
            "term":{"first_year":2021,"last_year":2025,"base_year":2020},"data_version":"x",
            "groups":[{"id":"g","name":{"vi":"g","en":"g"}}],
            "documents":[{"id":"d","kind":"seed","file":"f","title":{"vi":"t","en":"t"},"issuer":"x","date":"2024"}]}"#;
        let src = r#""source":{"doc":"d","quote":"q"}"#;
        let fragment = format!(
            r#"{{"indicators":[
              {{"id":"poor","name":{{"vi":"p","en":"p"}},"group":"g","unit":"percent","better":"lower","target_kind":"share"}},
              {{"id":"communes","name":{{"vi":"c","en":"c"}},"group":"g","unit":"communes","better":"higher","target_kind":"count"}},
              {{"id":"share","name":{{"vi":"s","en":"s"}},"group":"g","unit":"percent","better":"neutral","target_kind":"share"}},
              {{"id":"away","name":{{"vi":"a","en":"a"}},"group":"g","unit":"percent","better":"higher","target_kind":"share"}},
              {{"id":"cover","name":{{"vi":"v","en":"v"}},"group":"g","unit":"percent","better":"higher","target_kind":"share"}},
              {{"id":"held","name":{{"vi":"h","en":"h"}},"group":"g","unit":"percent","better":"higher","target_kind":"share"}},
              {{"id":"band","name":{{"vi":"b","en":"b"}},"group":"g","unit":"percent","better":"neutral","target_kind":"share"}},
              {{"id":"preterm","name":{{"vi":"e","en":"e"}},"group":"g","unit":"percent","better":"higher","target_kind":"share"}}],
             "figures":[
              {{"indicator":"poor","kind":"actual","period":"2021","value":12.0,{src}}},
              {{"indicator":"poor","kind":"actual","period":"2023","value":6.0,{src}}},
              {{"indicator":"poor","kind":"term_target","period":"2025","value":3.0,"comparator":"lt",{src}}},
              {{"indicator":"communes","kind":"actual","period":"2022","value":40,{src}}},
              {{"indicator":"communes","kind":"actual","period":"2024","value":44,{src}}},
              {{"indicator":"communes","kind":"term_target","period":"2025","value":50,{src}}},
              {{"indicator":"share","kind":"actual","period":"2023","value":22.0,{src}}},
              {{"indicator":"share","kind":"term_target","period":"2025","range":[19,20],{src}}},
              {{"indicator":"away","kind":"estimate","period":"2020","value":42.9,{src}}},
              {{"indicator":"away","kind":"actual","period":"2021","value":41.3,{src}}},
              {{"indicator":"away","kind":"actual","period":"2023","value":39.7,{src}}},
              {{"indicator":"away","kind":"term_target","period":"2025","range":[42,43],{src}}},
              {{"indicator":"cover","kind":"actual","period":"2021","value":80,{src}}},
              {{"indicator":"cover","kind":"actual","period":"2023","value":96,{src}}},
              {{"indicator":"cover","kind":"term_target","period":"2025","value":99,{src}}},
              {{"indicator":"held","kind":"estimate","period":"2020","value":42.83,{src}}},
              {{"indicator":"held","kind":"actual","period":"2022","value":42.0,{src}}},
              {{"indicator":"held","kind":"actual","period":"2024","value":42.5,{src}}},
              {{"indicator":"held","kind":"term_target","period":"2025","range":[42,43],{src}}},
              {{"indicator":"band","kind":"actual","period":"2022","value":18.0,{src}}},
              {{"indicator":"band","kind":"actual","period":"2024","value":18.5,{src}}},
              {{"indicator":"band","kind":"term_target","period":"2025","range":[19,20],{src}}},
              {{"indicator":"preterm","kind":"estimate","period":"2020","value":42.83,{src}}},
              {{"indicator":"preterm","kind":"term_target","period":"2025","range":[42,43],{src}}}]}}"#
        );
        load_model(
            UNITS_JSON,
            ModelFiles {
                model,
                fragments: &[("f", &fragment)],
            },
        )
        .expect("small model")
    }

    #[test]
    fn falling_count_and_range_targets() {
        let model = small_model();
        // Poverty: 6 % in 2023 to below 3 % in 2025 needs −1.5 points a year; it fell
        // 3 points a year before, so it is on track.
        let poor = assess(&model, "poor", &Assumptions::default());
        assert_eq!(poor.required, Ok(-1.5));
        assert_eq!(poor.achieved, Some((2021, -3.0)));
        assert_eq!(poor.status, TermStatus::OnTrack);
        // Communes: 44 in 2024 to 50 in 2025 needs 6; 2 a year before: off track.
        let communes = assess(&model, "communes", &Assumptions::default());
        assert_eq!(communes.required, Ok(6.0));
        assert_eq!(communes.status, TermStatus::OffTrack);
        // A 19-20 % share reached from 22 %: the near end (20) is the target.
        let share = assess(&model, "share", &Assumptions::default());
        assert_eq!(share.working.as_ref().map(|w| w.target_value), Some(20.0));
        assert_eq!(share.required, Ok(-1.0));
        assert_eq!(share.status, TermStatus::CannotAssess, "one result only");
    }

    #[test]
    fn status_rule() {
        let r = |v: f64| Ok::<f64, AssessError>(v);
        assert_eq!(
            status_from(true, &r(5.0), None, false),
            TermStatus::Achieved
        );
        assert_eq!(
            status_from(false, &r(10.0), Some(10.0), false),
            TermStatus::OnTrack
        );
        assert_eq!(
            status_from(false, &r(10.0), Some(8.0), false),
            TermStatus::AtRisk
        );
        assert_eq!(
            status_from(false, &r(10.0), Some(7.0), false),
            TermStatus::OffTrack
        );
        assert_eq!(
            status_from(false, &r(10.0), None, false),
            TermStatus::CannotAssess
        );
        assert_eq!(
            status_from(false, &r(-3.0), Some(-4.0), true),
            TermStatus::OnTrack
        );
        assert_eq!(
            status_from(false, &r(-3.0), Some(-1.0), true),
            TermStatus::OffTrack
        );
        assert_eq!(
            status_from(false, &Err(AssessError::NoTarget), Some(1.0), false),
            TermStatus::CannotAssess
        );
    }

    #[test]
    fn services_share_is_no_longer_achieved_by_a_figure_from_before_the_term() {
        let model = kon_tum();
        // The 2020 estimate 42.83 % lies inside the 42-43 % target but is from before the
        // 2021-2025 term: it is the base, not a result. The 2023 share derived from seed
        // 003 is 13,962 ÷ 34,471.4 = 40.50 % (nominal GRDP 58.42 × 590,062 ÷ 1000).
        let a = assess(&model, "structure_services", &Assumptions::default());
        let w = a.working.as_ref().expect("working");
        assert_eq!((w.start_year, w.start_value), (2023, 40.5));
        // Achieved (40.50 − 42.83) ÷ 3 = −0.78 points a year; needed (42 − 40.50) ÷ 2 =
        // +0.75 a year: moving away from the target.
        assert_eq!(
            a.achieved.map(|(y, v)| (y, (v * 100.0).round())),
            Some((2020, -78.0))
        );
        assert!((a.required.expect("required") - 0.75).abs() < 1e-9);
        assert_eq!(a.status, TermStatus::MovingAway);
        // A model with only the pre-term figure cannot be assessed at all.
        let small = small_model();
        let pre = assess(&small, "preterm", &Assumptions::default());
        assert_eq!(pre.required, Err(AssessError::NoResultInTerm));
        assert_eq!(pre.status, TermStatus::CannotAssess);
    }

    #[test]
    fn status_respects_time_and_direction() {
        let model = small_model();
        // away: from the base year's 42.9 % (2020) to 39.7 % (2023) is −3.2 ÷ 3 = −1.07
        // points a year; the 42-43 % target needs (42 − 39.7) ÷ 2 = +1.15 a year:
        // moving away.
        let away = assess(&model, "away", &Assumptions::default());
        assert_eq!(away.working.as_ref().map(|w| w.start_year), Some(2023));
        assert_eq!(
            away.achieved.map(|(_, a)| (a * 100.0).round()),
            Some(-107.0)
        );
        assert!((away.required.expect("r") - 1.15).abs() < 1e-9);
        assert_eq!(away.status, TermStatus::MovingAway);
        // held: 42.5 % in 2024 lies in 42-43 % a year before the target year, and a
        // share can fall back: at the target, must be held (not achieved).
        let held = assess(&model, "held", &Assumptions::default());
        assert_eq!(held.status, TermStatus::AtTargetHeld);
        // A stock that cannot fall back is achieved once reached: medicinal plants
        // 10,430 ha (2024 estimate) against "khoảng 10.000 ha" by 2025.
        let kt = kon_tum();
        let med = assess(&kt, "medicinal_plants_area", &Assumptions::default());
        assert_eq!(med.working.as_ref().map(|w| w.start_value), Some(10430.0));
        assert_eq!(med.status, TermStatus::Achieved);
        // Exports 359.5 mn USD in 2023 against "over 250 mn USD" in 2025: a flow that can
        // fall back, so it must be held to 2025.
        let exports = assess(&kt, "export_turnover", &Assumptions::default());
        assert_eq!(exports.status, TermStatus::AtTargetHeld);
    }

    #[test]
    fn rate_projections_stay_within_100_percent() {
        let model = small_model();
        // cover: 80 % (2021) to 96 % (2023) is +8 points a year; two more years at that
        // pace give 96 + 16 = 112 %, bounded to 100 %.
        let a = assess(&model, "cover", &Assumptions::default());
        assert_eq!(a.achieved, Some((2021, 8.0)));
        assert_eq!(a.projection, Some(100.0));
        assert_eq!(a.scenario, Some(ScenarioVerdict::Reached));
    }

    #[test]
    fn grdp_pace_from_the_stated_growth_rates_beside_the_levels() {
        let model = kon_tum();
        let a = assess(&model, "grdp_constant", &Assumptions::default());
        let w = a.working.as_ref().expect("working");
        assert_eq!((w.start_year, w.start_value), (2024, 20225.0));
        // Level-based: 15,076 × 1.1^5 = 24,280.05; 24,280.05 ÷ 20,225 − 1 = 20.05 %.
        let r = a.required.expect("required");
        assert!((r - 20.05).abs() < 0.005, "{r}");
        // From the rates: 2021 6.47 %, 2022 9.47 %, 2023 7.32 %, 2024 9.78 % (97.8 % of
        // the 10 % plan). Π = 1.0647 × 1.0947 × 1.0732 × 1.0978 = 1.37318;
        // 1.61051 ÷ 1.37318 − 1 = 17.28 % needed in 2025; achieved 1.37318^(1/4) − 1 =
        // 8.25 % a year.
        let rc = a.rates.as_ref().expect("rates check");
        let years: Vec<i32> = rc.known.iter().map(|(y, _, _)| *y).collect();
        assert_eq!(years, vec![2021, 2022, 2023, 2024]);
        assert!(
            (rc.rates_factor - 1.37318).abs() < 0.00001,
            "{}",
            rc.rates_factor
        );
        assert!((rc.required - 17.28).abs() < 0.005, "{}", rc.required);
        assert!((rc.achieved - 8.25).abs() < 0.005, "{}", rc.achieved);
        // By the levels the same years multiply by 20,225 ÷ 15,076 = 1.34154: the
        // 2.4 % gap says the series mixes vintages.
        assert!((rc.levels_factor - 1.34154).abs() < 0.00001);
        assert!(rc.mixed_vintages);
        // 8.25 ÷ 17.28 = 0.48 of the pace needed, below 0.75: off track.
        assert_eq!(a.status, TermStatus::OffTrack);
        assert_eq!(a.status_basis, Some(PaceBasis::Rates));
        // The person may pick the levels: achieved (20,225 ÷ 15,076)^(1/4) − 1 = 7.62 %
        // against 20.05 % needed, 0.38 of it: still off track, now on the levels.
        let levels = Assumptions {
            pace_basis: PaceBasis::Levels,
            ..Assumptions::default()
        };
        let l = assess(&model, "grdp_constant", &levels);
        assert_eq!(l.status_basis, Some(PaceBasis::Levels));
        assert_eq!(l.status, TermStatus::OffTrack);
        assert!(l.achieved.is_some_and(|(_, v)| (v - 7.62).abs() < 0.005));
        // A target without stated rates has no choice to make.
        let pc = assess(&model, "grdp_per_capita", &levels);
        assert_eq!(pc.status_basis, None);
    }

    #[test]
    fn per_capita_status_depends_on_the_vintage_of_its_base() {
        let model = kon_tum();
        let a = assess(&model, "grdp_per_capita", &Assumptions::default());
        let w = a.working.as_ref().expect("working");
        assert_eq!((w.start_year, w.start_value), (2023, 58.42));
        // Needed: (70 ÷ 58.42)^(1/2) − 1 = 1.19822^(1/2) − 1 = 9.46 % a year.
        let r = a.required.expect("required");
        assert!((r - 9.46).abs() < 0.005, "{r}");
        let bases = a.bases.as_ref().expect("the series mixes bases");
        let reading = |b: StatBasis| {
            bases
                .readings
                .iter()
                .find(|x| x.basis == b)
                .expect("reading")
        };
        // Before the revision, from the 2020 estimate: (58.42 ÷ 46.58)^(1/3) − 1 =
        // 1.25419^(1/3) − 1 = 7.84 % a year, 0.83 of the pace needed: at risk.
        let pre = reading(StatBasis::PreRevision);
        assert_eq!(pre.from, (2020, 46.58));
        assert!((pre.achieved - 7.84).abs() < 0.005, "{}", pre.achieved);
        assert_eq!(pre.status, TermStatus::AtRisk);
        // The revised series, from 2021 = 26,698.59 ÷ 568,780 = 46.94:
        // (58.42 ÷ 46.94)^(1/2) − 1 = 1.24457^(1/2) − 1 = 11.56 %: on track.
        let rev = reading(StatBasis::Revised);
        assert_eq!(rev.from, (2021, 46.94));
        assert_eq!(rev.from_key, "grdp_per_capita/2021/derived/level");
        assert!((rev.achieved - 11.56).abs() < 0.005, "{}", rev.achieved);
        assert_eq!(rev.status, TermStatus::OnTrack);
        // The revised series is used by default, like a newer vintage.
        assert_eq!(bases.used, StatBasis::Revised);
        assert_eq!(a.status, TermStatus::OnTrack);
        assert_eq!(a.achieved.map(|(y, _)| y), Some(2021));
        // Projection: 58.42 × 1.11560² = 72.71 mn VND.
        let p = a.projection.expect("projection");
        assert!((p - 72.71).abs() < 0.01, "{p}");
        // The person picks the pre-revision estimate: at risk, 58.42 × 1.07842² = 67.94.
        let pick = Assumptions {
            basis: Some(StatBasis::PreRevision),
            ..Assumptions::default()
        };
        let b = assess(&model, "grdp_per_capita", &pick);
        assert_eq!(b.status, TermStatus::AtRisk);
        assert_eq!(
            b.bases.as_ref().map(|c| c.used),
            Some(StatBasis::PreRevision)
        );
        let p = b.projection.expect("projection");
        assert!((p - 67.94).abs() < 0.01, "{p}");
        // An average-growth target (GRDP, no basis marks) has no such choice.
        assert_eq!(
            assess(&model, "grdp_constant", &Assumptions::default()).bases,
            None
        );
    }

    #[test]
    fn a_chosen_vintage_is_the_one_assessed() {
        // Two vintages of the 2025 level: an estimate (UTH, 10 Dec 2025) and a later
        // result (15 Jan 2026) that wins by default; target ≥ 120 in 2030.
        let model = crate::core::model::file::fixtures::two_vintages();
        let winner = yearly_levels(&model, "x");
        assert_eq!(
            winner.get(&2025).map(|f| f.amount),
            Some(Amount::Point(96.0))
        );
        let vintages: Vec<String> = level_vintages(&model, "x", 2025)
            .iter()
            .map(|f| f.vintage_id())
            .collect();
        assert_eq!(vintages, vec!["b:actual", "a:estimate"]);
        let mut choices = BTreeMap::new();
        choices.insert(vintage_slot(2025, Measure::Level), "a:estimate".to_string());
        let chosen = yearly_levels_chosen(&model, "x", &choices);
        assert_eq!(
            chosen.get(&2025).map(|f| f.amount),
            Some(Amount::Point(100.0))
        );
        // The assessment starts from the chosen vintage: (120 ÷ 100)^(1/5) − 1 = 3.71 %
        // a year instead of (120 ÷ 96)^(1/5) − 1 = 4.56 % from the winner.
        let by_default = assess(&model, "x", &Assumptions::default());
        let r = by_default.required.expect("required");
        assert!((r - 4.56).abs() < 0.005, "{r}");
        let picked = Assumptions {
            vintages: choices.clone(),
            ..Assumptions::default()
        };
        let a = assess(&model, "x", &picked);
        let r = a.required.expect("required");
        assert!((r - 3.71).abs() < 0.005, "{r}");
        assert_eq!(
            a.working.as_ref().map(|w| w.start_vintage.as_str()),
            Some("a:estimate")
        );
        // A choice that names no vintage of the slot falls back to the winner.
        choices.insert(
            vintage_slot(2025, Measure::Level),
            "gone:actual".to_string(),
        );
        let fallback = yearly_levels_chosen(&model, "x", &choices);
        assert_eq!(
            fallback.get(&2025).map(|f| f.amount),
            Some(Amount::Point(96.0))
        );
    }

    #[test]
    fn an_assumption_never_changes_the_status_and_gets_warnings() {
        let model = kon_tum();
        // ?ct=grdp_constant&nam=2023&gd=2024:20
        let mut assumptions = Assumptions {
            start_year: Some(2023),
            ..Assumptions::default()
        };
        assumptions.per_year.insert(2024, 20.0);
        let a = assess(&model, "grdp_constant", &assumptions);
        // The badge is that of the data (start 2024, off track), not of the assumption.
        assert_eq!(a.status, TermStatus::OffTrack);
        // The scenario: 18,938.78 × 1.20 × 1.0790 (the 2020-2023 pace,
        // (18,938.78 ÷ 15,076)^(1/3) − 1 = 7.90 %) = 24,522 ≥ 24,280: reached.
        let p = a.projection.expect("projection");
        assert!((p - 24522.0).abs() < 2.0, "{p}");
        assert_eq!(a.scenario, Some(ScenarioVerdict::Reached));
        // The 2024 estimate 20,225 ÷ 18,938.78 − 1 = 6.79 % contradicts 20 %.
        let known = a.warnings.iter().find_map(|w| match w {
            AssumptionWarning::ContradictsResult {
                year: 2024, known, ..
            } => Some(*known),
            _ => None,
        });
        assert!(
            known.is_some_and(|k| (k - 6.79).abs() < 0.005),
            "{:?}",
            a.warnings
        );
        // A 20-digit rate is implausible (beyond ±30 %).
        assumptions
            .per_year
            .insert(2024, 12_345_678_901_234_567_890.0);
        let a = assess(&model, "grdp_constant", &assumptions);
        assert!(a
            .warnings
            .iter()
            .any(|w| matches!(w, AssumptionWarning::Implausible { year: 2024, .. })));
        assert_eq!(a.status, TermStatus::OffTrack);
    }

    #[test]
    fn missing_results_are_named_and_never_filled() {
        let model = kon_tum();
        // Investment has results for 2023 (27,035) and 2024 (30,000) only.
        for id in ["total_social_investment", "new_forest_planted"] {
            let a = assess(&model, id, &Assumptions::default());
            assert_eq!(a.missing, vec![2021, 2022], "{id}");
            assert_eq!(a.projection, None, "{id}");
            assert_eq!(a.scenario, None, "{id}");
            assert!(!a.scenario_assessable(), "{id}");
            assert_eq!(
                seek_year(&model, id, &Assumptions::default(), 2025),
                Err(GoalSeekError::ModelFailed),
                "{id}"
            );
        }
    }

    #[test]
    fn a_paraphrase_never_outranks_the_congress_wording() {
        let model = kon_tum();
        // "từ 10%/năm trở lên" (at least), not the 2022 page's "trên 10%/năm".
        let t = term_target(&model, "grdp_constant").expect("target");
        assert_eq!(t.comparator, Some(Comparator::AtLeast));
        assert_eq!(t.doc_id(), Some("pub-baoquangngai-2020-09-23"));
    }

    #[test]
    fn levels_are_read_in_the_indicator_unit() {
        let model = kon_tum();
        // "2.3 million visits" (2024) is 2.3 × 1,000,000 = 2,300,000 visits; 2023's
        // "trên 1,3 triệu" is a bound, not a level.
        let levels = yearly_levels(&model, "tourist_visits");
        let values: Vec<(i32, f64)> = levels
            .iter()
            .map(|(y, f)| (*y, level_value(&model, f)))
            .collect();
        assert_eq!(values, vec![(2024, 2_300_000.0)]);
    }

    #[test]
    fn a_count_so_far_is_not_the_year_end_figure() {
        let model = kon_tum();
        // "Đến nay ... 42 xã" (December 2023) plus "thêm 06 xã" by the year end: the
        // 2023 level is the derived 42 + 6 = 48.
        let levels = yearly_levels(&model, "new_rural_communes");
        let f = levels.get(&2023).expect("2023");
        assert_eq!(f.kind, FigureKind::Derived);
        assert_eq!(level_value(&model, f), 48.0);
    }

    /// (input, tick) of each one-way row.
    fn ticks(model: &Model, id: &str, assumptions: &Assumptions) -> Vec<(f64, bool)> {
        crate::core::plan::sensitivity::table_for(model, id, assumptions)
            .map(|t| t.one_way.iter().map(|r| (r.input, r.meets)).collect())
            .unwrap_or_default()
    }

    #[test]
    fn sensitivity_ticks_follow_the_target_rule() {
        let model = small_model();
        // poor: 6 % in 2023, target "below 3 %" (lt). Varying 2024 by x with 2025 at the
        // pace achieved (−3 a year) projects 6 + x − 3 = 3 + x: met only for x < 0, and
        // not at x = 0 (3 is not below 3). Rows: −5…1 around round(−1.5) = −2.
        let want: Vec<(f64, bool)> = (-5..=1).map(|x| (f64::from(x), x < 0)).collect();
        assert_eq!(ticks(&model, "poor", &Assumptions::default()), want);
        // band: 18.5 % in 2024, target 19-20 % (neutral), achieved (18.5 − 18) ÷ 2 = 0.25
        // a year. 2025 = 18.5 + x meets both ends only for 0.5 ≤ x ≤ 1.5: of the rows
        // −2…4 (around round(0.5) = 1) only x = 1 is ticked; the 0.25 in use gives 18.75,
        // not met.
        let want = vec![
            (-2.0, false),
            (-1.0, false),
            (0.0, false),
            (1.0, true),
            (2.0, false),
            (3.0, false),
            (4.0, false),
        ];
        let t = crate::core::plan::sensitivity::table_for(&model, "band", &Assumptions::default())
            .expect("table");
        let in_use = t.in_use.expect("in use");
        assert_eq!((in_use.input, in_use.meets), (0.25, false));
        assert_eq!(ticks(&model, "band", &Assumptions::default()), want);
    }

    #[test]
    fn sensitivity_tables_only_where_the_scenario_can_be_assessed() {
        let model = kon_tum();
        // New forest planted and investment lack 2021 and 2022: no table at all.
        assert_eq!(
            ticks(&model, "new_forest_planted", &Assumptions::default()),
            vec![]
        );
        assert_eq!(
            ticks(&model, "total_social_investment", &Assumptions::default()),
            vec![]
        );
        // With 2021 and 2022 entered, the table varies 2025 only (the year after the
        // 2024 start), never a past year.
        let mut filled = Assumptions::default();
        filled.per_year.insert(2021, 20000.0);
        filled.per_year.insert(2022, 23000.0);
        let t =
            crate::core::plan::sensitivity::table_for(&model, "total_social_investment", &filled)
                .expect("table");
        assert_eq!(t.first, 2025);
        assert!(t.grid.is_none());
        // GRDP from 2024 (20,225): 2025 needs 24,280.05 ÷ 20,225 − 1 = 20.05 %, so of the
        // rows 17…23 exactly 21, 22 and 23 meet the target; the 7.62 % in use (the
        // 2020-2024 pace) does not.
        let rows = ticks(&model, "grdp_constant", &Assumptions::default());
        let met: Vec<f64> = rows.iter().filter(|r| r.1).map(|r| r.0).collect();
        assert_eq!(met, vec![21.0, 22.0, 23.0]);
        let t = crate::core::plan::sensitivity::table_for(
            &model,
            "grdp_constant",
            &Assumptions::default(),
        )
        .expect("table");
        let in_use = t.in_use.expect("in use");
        assert!((in_use.input - 7.62).abs() < 0.005 && !in_use.meets);
    }

    #[test]
    fn indicators_without_targets_cannot_be_assessed() {
        let model = kon_tum();
        let a = assess(&model, "no_such_indicator", &Assumptions::default());
        assert_eq!(a.status, TermStatus::CannotAssess);
        for ind in &model.indicators {
            let a = assess(&model, &ind.id, &Assumptions::default());
            if let Ok(r) = a.required {
                assert!(r.is_finite(), "{}", ind.id);
            }
            if let Some(p) = a.projection {
                assert!(p.is_finite(), "{}", ind.id);
            }
        }
    }
}
