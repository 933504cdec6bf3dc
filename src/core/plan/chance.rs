//! The chance of reaching a target when assumptions are ranges: each assumption is a
//! plain number or a [`Spread`] (low, likely, high: a triangular distribution, or one
//! taken "from history", the spread of the indicator's own past yearly paces, see
//! [`history_spread`]). The model is run [`DEFAULT_RUNS`] times with every ranged input
//! drawn from its spread by a seeded [`SplitMix64`] generator (the same seed gives the
//! same answer on every machine: the draws and the maths use only IEEE operations that
//! are correctly rounded: `+ − × ÷ √`). Each run is checked with the one rule
//! ([`TargetRule::meets`]); the answer carries the share of runs that reach the target,
//! the 10th, 50th and 90th percentiles by year (a fan) and which inputs matter most
//! (one at a time from low to high, the others at their likely values).
//!
//! Two models are run: the workbench projection of one indicator
//! ([`workbench_chance`], the same path as [`crate::core::plan::assessment::assess`])
//! and the growth chain ([`chain_chance`], [`crate::core::plan::chain::run`]).
//! A chance is the spread of the person's assumptions, not a forecast. Pure: no clock,
//! no randomness other than the seeded generator.

use std::collections::BTreeMap;
use std::fmt;

use crate::core::model::Model;
use crate::core::model::{Amount, Better, Comparator};
use crate::core::plan::assessment::{assess, bound_rate, yearly_levels, Assumptions, PaceKind};
use crate::core::plan::assessment::{level_value, TargetRule};
use crate::core::plan::chain::SECTORS;
use crate::core::plan::chain::{icor_history, run, ChainInput, ChainOutput, ChainSetup, Sector};
use crate::core::plan::pace;
use crate::core::plan::quarterly::{compute_span, set_cell, QuarterlyInputs, Span, QUARTERS};

/// Runs made by default.
pub const DEFAULT_RUNS: u32 = 10_000;
/// Most runs allowed (a guard against a hostile draft).
pub const MAX_RUNS: u32 = 100_000;
/// Seed used when the draft keeps none.
pub const DEFAULT_SEED: u64 = 2025;

/// SplitMix64 (Steele, Lea and Flood 2014; the seeding generator of `java.util` and of
/// xoshiro): a 64-bit state advanced by a constant and mixed. Small, fast and the same
/// on every machine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A generator started from `seed`.
    pub fn new(seed: u64) -> Self {
        SplitMix64 { state: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in [0, 1) from the top 53 bits (exact: no rounding).
    pub fn next_f64(&mut self) -> f64 {
        let bits = self.next_u64() >> 11;
        let hi = u32::try_from(bits >> 32).unwrap_or(0);
        let lo = u32::try_from(bits & 0xFFFF_FFFF).unwrap_or(0);
        (f64::from(hi) * 4_294_967_296.0 + f64::from(lo)) / 9_007_199_254_740_992.0
    }
}

/// Why a chance cannot be worked out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChanceError {
    /// A range whose low end is above its high end, or not a finite number.
    BadRange,
    /// The scenario cannot be projected (no target, no start, results missing).
    NotAssessable,
    /// The number of runs is zero or above [`MAX_RUNS`].
    BadRuns,
}

impl fmt::Display for ChanceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ChanceError::BadRange => "the low end of a range is above its high end",
            ChanceError::NotAssessable => "the scenario cannot be projected",
            ChanceError::BadRuns => "the number of runs is out of bounds",
        })
    }
}

impl std::error::Error for ChanceError {}

/// An assumption: a plain number, or a triangular range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Spread {
    /// A plain number.
    Fixed(f64),
    /// A triangular distribution from `low` to `high` with its peak at `likely`.
    Triangular {
        /// Low end.
        low: f64,
        /// Most likely value.
        likely: f64,
        /// High end.
        high: f64,
    },
}

impl Spread {
    /// A range; `likely` is moved to the middle when it lies outside `[low, high]`, and
    /// a range of no width is a plain number.
    pub fn triangular(low: f64, likely: f64, high: f64) -> Result<Spread, ChanceError> {
        if !(low.is_finite() && high.is_finite() && likely.is_finite()) || low > high {
            return Err(ChanceError::BadRange);
        }
        if low == high {
            return Ok(Spread::Fixed(low));
        }
        let likely = if (low..=high).contains(&likely) {
            likely
        } else {
            low + (high - low) / 2.0
        };
        Ok(Spread::Triangular { low, likely, high })
    }

    /// Low end.
    pub fn low(&self) -> f64 {
        match *self {
            Spread::Fixed(v) => v,
            Spread::Triangular { low, .. } => low,
        }
    }

    /// High end.
    pub fn high(&self) -> f64 {
        match *self {
            Spread::Fixed(v) => v,
            Spread::Triangular { high, .. } => high,
        }
    }

    /// Most likely value.
    pub fn likely(&self) -> f64 {
        match *self {
            Spread::Fixed(v) => v,
            Spread::Triangular { likely, .. } => likely,
        }
    }

    /// The value at cumulative probability `u` in [0, 1] (the inverse distribution):
    /// `a + √(u(b−a)(c−a))` below the peak's share `(c−a)/(b−a)`, `b − √((1−u)(b−a)(b−c))`
    /// above it.
    pub fn quantile(&self, u: f64) -> f64 {
        match *self {
            Spread::Fixed(v) => v,
            Spread::Triangular { low, likely, high } => {
                let width = high - low;
                let u = u.clamp(0.0, 1.0);
                if u * width < likely - low {
                    low + (u * width * (likely - low)).sqrt()
                } else {
                    high - ((1.0 - u) * width * (high - likely)).sqrt()
                }
            }
        }
    }
}

/// One end of a range typed for an assumption.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RangeEnd {
    /// The low end.
    Low,
    /// The high end.
    High,
}

impl RangeEnd {
    /// Stable id used in saved drafts.
    pub fn id(self) -> &'static str {
        match self {
            RangeEnd::Low => "low",
            RangeEnd::High => "high",
        }
    }

    /// The end with this id.
    pub fn from_id(id: &str) -> Option<RangeEnd> {
        [RangeEnd::Low, RangeEnd::High]
            .into_iter()
            .find(|e| e.id() == id)
    }
}

/// How many runs, from which seed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Settings {
    /// Number of runs.
    pub runs: u32,
    /// Seed of the generator.
    pub seed: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            runs: DEFAULT_RUNS,
            seed: DEFAULT_SEED,
        }
    }
}

/// The 10th, 50th and 90th percentiles of one year's value over the runs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Band {
    /// Year.
    pub year: i32,
    /// 10th percentile.
    pub p10: f64,
    /// Median.
    pub p50: f64,
    /// 90th percentile.
    pub p90: f64,
}

/// How much one input's range moves the result in the target year: the value with the
/// input at its low end and at its high end, the others at their likely values.
#[derive(Clone, Debug, PartialEq)]
pub struct Driver<K> {
    /// The input.
    pub input: K,
    /// Its spread.
    pub spread: Spread,
    /// The result with the input at its low end (`None` when that run fails).
    pub at_low: Option<f64>,
    /// The result with the input at its high end.
    pub at_high: Option<f64>,
    /// `|at_high − at_low|` (0 when a run fails).
    pub swing: f64,
}

/// The answer of a set of runs.
#[derive(Clone, Debug, PartialEq)]
pub struct Chance<K> {
    /// Runs made.
    pub runs: u32,
    /// Seed used.
    pub seed: u64,
    /// Runs that reach the target.
    pub reached: u32,
    /// Runs the model could not compute (a rate of −100 % or below): counted as not
    /// reaching the target.
    pub failed: u32,
    /// Target year.
    pub target_year: i32,
    /// The rule checked.
    pub rule: TargetRule,
    /// The result in the target year with every input at its likely value.
    pub likely: Option<f64>,
    /// Percentiles by year.
    pub fan: Vec<Band>,
    /// The ranged inputs, the one that moves the result most first.
    pub drivers: Vec<Driver<K>>,
}

impl<K> Chance<K> {
    /// The share of runs that reach the target, in [0, 1].
    pub fn chance(&self) -> f64 {
        if self.runs == 0 {
            0.0
        } else {
            f64::from(self.reached) / f64::from(self.runs)
        }
    }
}

/// The `pct`-th percentile of sorted values by nearest rank (the smallest value with at
/// least `pct` % of the values at or below it).
fn percentile(sorted: &[f64], pct: usize) -> Option<f64> {
    let n = sorted.len();
    let rank = (n * pct).div_ceil(100).max(1);
    sorted.get(rank - 1).copied()
}

/// One evaluation of a model: the result in the target year and the path by year.
type Outcome = Option<(f64, Vec<(i32, f64)>)>;

/// The engine behind both models: `evaluate` gets one value per input, in the order of
/// `inputs`.
fn simulate<K: Clone + Ord>(
    inputs: &[(K, Spread)],
    settings: Settings,
    rule: &TargetRule,
    target_year: i32,
    mut evaluate: impl FnMut(&[f64]) -> Outcome,
) -> Result<Chance<K>, ChanceError> {
    if settings.runs == 0 || settings.runs > MAX_RUNS {
        return Err(ChanceError::BadRuns);
    }
    let likely_values: Vec<f64> = inputs.iter().map(|(_, s)| s.likely()).collect();
    let likely = evaluate(&likely_values).map(|(v, _)| v);
    let mut rng = SplitMix64::new(settings.seed);
    let mut values = likely_values.clone();
    let mut by_year: BTreeMap<i32, Vec<f64>> = BTreeMap::new();
    let (mut reached, mut failed) = (0u32, 0u32);
    for _ in 0..settings.runs {
        for (slot, (_, spread)) in values.iter_mut().zip(inputs) {
            *slot = spread.quantile(rng.next_f64());
        }
        match evaluate(&values) {
            Some((result, path)) => {
                if rule.meets(result) {
                    reached += 1;
                }
                for (year, v) in path {
                    by_year.entry(year).or_default().push(v);
                }
            }
            None => failed += 1,
        }
    }
    let fan = by_year
        .into_iter()
        .filter_map(|(year, mut v)| {
            v.sort_by(f64::total_cmp);
            Some(Band {
                year,
                p10: percentile(&v, 10)?,
                p50: percentile(&v, 50)?,
                p90: percentile(&v, 90)?,
            })
        })
        .collect();
    let mut drivers: Vec<Driver<K>> = inputs
        .iter()
        .enumerate()
        .filter(|(_, (_, s))| matches!(s, Spread::Triangular { .. }))
        .map(|(i, (key, spread))| {
            let mut at = |end: f64| {
                let mut trial = likely_values.clone();
                if let Some(slot) = trial.get_mut(i) {
                    *slot = end;
                }
                evaluate(&trial).map(|(v, _)| v)
            };
            let (at_low, at_high) = (at(spread.low()), at(spread.high()));
            let swing = match (at_low, at_high) {
                (Some(l), Some(h)) => (h - l).abs(),
                _ => 0.0,
            };
            Driver {
                input: key.clone(),
                spread: *spread,
                at_low,
                at_high,
                swing,
            }
        })
        .collect();
    drivers.sort_by(|a, b| {
        b.swing
            .total_cmp(&a.swing)
            .then_with(|| a.input.cmp(&b.input))
    });
    Ok(Chance {
        runs: settings.runs,
        seed: settings.seed,
        reached,
        failed,
        target_year,
        rule: *rule,
        likely,
        fan,
        drivers,
    })
}

/// The spread of an assumption of the workbench from its typed range: the likely value
/// is the pace the projection uses for the year (the typed number, or the pace achieved)
/// when it lies in the range, otherwise the middle of the range.
pub fn workbench_spread(likely: Option<f64>, low: f64, high: f64) -> Result<Spread, ChanceError> {
    Spread::triangular(low, likely.unwrap_or(low + (high - low) / 2.0), high)
}

/// The chance that the workbench projection of `indicator` reaches its target, with the
/// years in `ranges` drawn from their spreads and the other years at their assumption
/// (or the pace achieved), exactly as [`assess`] projects them.
pub fn workbench_chance(
    model: &Model,
    indicator: &str,
    assumptions: &Assumptions,
    ranges: &BTreeMap<i32, Spread>,
    settings: Settings,
) -> Result<Chance<i32>, ChanceError> {
    let a = assess(model, indicator, assumptions);
    if !a.scenario_assessable() {
        return Err(ChanceError::NotAssessable);
    }
    let (Some(w), Some(rule), Some((_, achieved))) = (&a.working, a.rule, a.achieved) else {
        return Err(ChanceError::NotAssessable);
    };
    let base_path = w.path(Some(achieved)).ok_or(ChanceError::NotAssessable)?;
    let mut inputs = Vec::new();
    let mut positions = Vec::new();
    for (year, spread) in ranges {
        if let Some(pos) = w.remaining_years.iter().position(|y| y == year) {
            inputs.push((*year, *spread));
            positions.push(pos);
        }
    }
    let mut path = base_path.clone();
    simulate(&inputs, settings, &rule, w.target_year, |values| {
        path.clone_from(&base_path);
        for (pos, v) in positions.iter().zip(values) {
            if let Some(slot) = path.get_mut(*pos) {
                *slot = *v;
            }
        }
        let levels = w.levels_along(&path)?;
        let result = bound_rate(
            model,
            indicator,
            levels.last().copied().unwrap_or(w.start_value),
        );
        let by_year = w
            .remaining_years
            .iter()
            .copied()
            .zip(levels.into_iter().map(|l| bound_rate(model, indicator, l)))
            .collect();
        Some((result, by_year))
    })
}

/// A ranged input of the growth chain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChainKey {
    /// One input of one year.
    Input(ChainInput, i32),
    /// GRDP growth of a year as the workbench assumes it: every sector grows at it (the
    /// one-scenario rule of [`crate::core::plan::chain::one_scenario`]).
    Growth(i32),
}

/// The chain output that stands for an indicator's level, for the indicators whose
/// target the chain can check.
pub fn chain_output_for(indicator: &str) -> Option<ChainOutput> {
    match indicator {
        "grdp_constant" => Some(ChainOutput::RealGrdp),
        "grdp_current" => Some(ChainOutput::NominalGrdp),
        "grdp_per_capita" => Some(ChainOutput::PerCapita),
        "budget_revenue" => Some(ChainOutput::BudgetRevenue),
        _ => None,
    }
}

/// The chance that the chain's `output` in `target_year` meets `rule`, with `overrides`
/// (the one scenario's chain inputs) and the inputs in `ranges` drawn from their spreads.
pub fn chain_chance(
    setup: &ChainSetup,
    overrides: &BTreeMap<(ChainInput, i32), f64>,
    ranges: &BTreeMap<ChainKey, Spread>,
    output: ChainOutput,
    rule: &TargetRule,
    target_year: i32,
    settings: Settings,
) -> Result<Chance<ChainKey>, ChanceError> {
    if !setup.years.contains(&target_year) {
        return Err(ChanceError::NotAssessable);
    }
    let inputs: Vec<(ChainKey, Spread)> = ranges
        .iter()
        .filter(|(k, _)| match k {
            ChainKey::Input(_, y) | ChainKey::Growth(y) => setup.years.contains(y),
        })
        .map(|(k, s)| (*k, *s))
        .collect();
    let mut trial = overrides.clone();
    simulate(&inputs, settings, rule, target_year, |values| {
        trial.clone_from(overrides);
        for ((key, _), v) in inputs.iter().zip(values) {
            match *key {
                ChainKey::Input(input, year) => {
                    trial.insert((input, year), *v);
                }
                ChainKey::Growth(year) => {
                    for s in SECTORS {
                        trial.insert((ChainInput::SectorGrowth(s), year), *v);
                    }
                }
            }
        }
        let years = run(setup, &trial).ok()?;
        let path: Vec<(i32, f64)> = years.iter().map(|y| (y.year, output.of(y))).collect();
        let result = path.iter().find(|(y, _)| *y == target_year)?.1;
        Some((result, path))
    })
}

/// A spread taken from an indicator's own past: its yearly paces (growth in percent
/// from one year's level to the next, or the amount added) between results in the
/// model, from the lowest to the highest, peaking at their mean.
#[derive(Clone, Debug, PartialEq)]
pub struct HistorySpread {
    /// The spread.
    pub spread: Spread,
    /// The paces it comes from: (year, pace).
    pub paces: Vec<(i32, f64)>,
    /// Their mean, the likely value.
    pub mean: f64,
}

/// The spread of an indicator's past yearly paces; `None` with fewer than two.
pub fn history_spread(model: &Model, indicator: &str, kind: PaceKind) -> Option<HistorySpread> {
    let levels = yearly_levels(model, indicator);
    let paces: Vec<(i32, f64)> = levels
        .iter()
        .filter_map(|(year, f)| {
            let before = levels.get(&(year - 1))?;
            let (b, t) = (level_value(model, before), level_value(model, f));
            let p = match kind {
                PaceKind::Growth => pace::growth_between(b, t, 1).ok()? * 100.0,
                PaceKind::Increment => t - b,
            };
            p.is_finite().then_some((*year, p))
        })
        .collect();
    spread_of(paces)
}

/// The chance that the quarterly scenario's GRDP growth over the year reaches
/// `target` (percent), with the growth cells in `ranges` drawn from their spreads and
/// the other cells as typed; each run is the year's growth from levels, as
/// [`compute_span`] gives it (Σ this year ÷ Σ last year − 1). The fan has one band, the
/// scenario's `year`.
pub fn quarterly_chance(
    inputs: &QuarterlyInputs,
    ranges: &BTreeMap<(Sector, u8), Spread>,
    target: f64,
    year: i32,
    settings: Settings,
) -> Result<Chance<(Sector, u8)>, ChanceError> {
    if !target.is_finite() {
        return Err(ChanceError::NotAssessable);
    }
    let rule = TargetRule {
        amount: Amount::Point(target),
        comparator: Some(Comparator::AtLeast),
        better: Better::Higher,
        approx: false,
    };
    let list: Vec<((Sector, u8), Spread)> = ranges
        .iter()
        .filter(|((_, q), _)| QUARTERS.contains(q))
        .map(|(k, s)| (*k, *s))
        .collect();
    let mut likely = inputs.clone();
    for ((s, q), spread) in &list {
        set_cell(&mut likely.growth, *s, *q, Some(spread.likely()));
    }
    if compute_span(&likely, Span::Year).growth.is_none() {
        return Err(ChanceError::NotAssessable);
    }
    let mut trial = likely.clone();
    simulate(&list, settings, &rule, year, |values| {
        for (((s, q), _), v) in list.iter().zip(values) {
            set_cell(&mut trial.growth, *s, *q, Some(*v));
        }
        let g = compute_span(&trial, Span::Year).growth?;
        Some((g, vec![(year, g)]))
    })
}

/// Where a chain input's spread "from history" comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HistorySource {
    /// The past yearly growth of real GRDP (the model has no real growth by sector).
    GrdpGrowth,
    /// The past yearly growth of the average population.
    PopulationGrowth,
    /// The ICOR of each past year with results ([`icor_history`]).
    Icor,
}

/// The spread "from history" of a growth-chain input, and where it comes from; `None`
/// for an input the model's past results do not give (the deflator, the budget share),
/// or with fewer than two past values.
pub fn chain_history_spread(
    model: &Model,
    input: ChainInput,
) -> Option<(HistorySpread, HistorySource)> {
    match input {
        ChainInput::SectorGrowth(_) => history_spread(model, "grdp_constant", PaceKind::Growth)
            .map(|h| (h, HistorySource::GrdpGrowth)),
        ChainInput::PopulationGrowth => {
            history_spread(model, "average_population", PaceKind::Growth)
                .map(|h| (h, HistorySource::PopulationGrowth))
        }
        ChainInput::Icor => {
            let paces: Vec<(i32, f64)> = icor_history(model)
                .years
                .iter()
                .filter(|y| !y.planned && y.icor.is_finite())
                .map(|y| (y.year, y.icor))
                .collect();
            spread_of(paces).map(|h| (h, HistorySource::Icor))
        }
        ChainInput::DeflatorGrowth | ChainInput::BudgetShare => None,
    }
}

/// The triangular spread of past values, from the lowest to the highest, peaking at
/// their mean; `None` with fewer than two.
fn spread_of(paces: Vec<(i32, f64)>) -> Option<HistorySpread> {
    if paces.len() < 2 {
        return None;
    }
    let low = paces.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
    let high = paces.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
    let count = u32::try_from(paces.len()).ok()?;
    let mean = paces.iter().map(|p| p.1).sum::<f64>() / f64::from(count);
    let spread = Spread::triangular(low, mean, high).ok()?;
    Some(HistorySpread {
        spread,
        paces,
        mean,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::catalog::kon_tum;
    use crate::core::plan::chain::setup;
    use crate::core::plan::rule::ScenarioVerdict;

    fn at_least(x: f64) -> TargetRule {
        TargetRule {
            amount: Amount::Point(x),
            comparator: Some(Comparator::AtLeast),
            better: Better::Higher,
            approx: false,
        }
    }

    /// One input, the result is the input itself.
    fn single(spread: Spread, target: f64, settings: Settings) -> Chance<i32> {
        simulate(&[(1, spread)], settings, &at_least(target), 2025, |v| {
            let x = *v.first()?;
            Some((x, vec![(2025, x)]))
        })
        .expect("runs")
    }

    #[track_caller]
    fn chance_near(spread: Spread, target: f64, expected: f64, tolerance: f64) {
        let c = single(spread, target, Settings::default());
        let got = c.chance();
        assert!(
            (got - expected).abs() <= tolerance,
            "{got} != {expected} for {spread:?} ≥ {target}"
        );
    }

    fn tri(low: f64, likely: f64, high: f64) -> Spread {
        Spread::triangular(low, likely, high).expect("range")
    }

    #[test]
    fn splitmix64_gives_the_published_sequence() {
        // The first outputs of SplitMix64 seeded with 0 (as in the reference C code).
        let mut r = SplitMix64::new(0);
        assert_eq!(r.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(r.next_u64(), 0x6E78_9E6A_A1B9_65F4);
        assert_eq!(r.next_u64(), 0x06C4_5D18_8009_454F);
    }

    #[test]
    fn chance_of_a_single_triangular_input_matches_the_formula() {
        // Triangular(a, c, b): P(X ≥ t) = (b − t)² / ((b − a)(b − c)) for t ≥ c,
        // and 1 − (t − a)² / ((b − a)(c − a)) for t ≤ c.
        chance_near(tri(0.0, 5.0, 10.0), 7.5, 2.5 * 2.5 / 50.0, 0.015);
        chance_near(tri(0.0, 5.0, 10.0), 2.0, 1.0 - 4.0 / 50.0, 0.015);
        chance_near(tri(6.5, 8.0, 9.5), 8.0, 0.5, 0.015);
        chance_near(tri(6.5, 7.0, 9.5), 9.0, 0.25 / 7.5, 0.01);
        chance_near(tri(6.5, 8.0, 9.5), 9.5, 0.0, 0.0);
        chance_near(tri(6.5, 8.0, 9.5), 6.5, 1.0, 0.0);
    }

    #[test]
    fn quantile_is_the_inverse_of_the_distribution() {
        let s = tri(0.0, 5.0, 10.0);
        // P(X ≤ 5) = 0.5 and P(X ≤ 7.5) = 1 − 2.5²/50 = 0.875.
        assert_eq!(s.quantile(0.5), 5.0);
        assert!((s.quantile(0.875) - 7.5).abs() < 1e-12);
        assert_eq!(s.quantile(0.0), 0.0);
        assert_eq!(s.quantile(1.0), 10.0);
    }

    #[test]
    fn median_of_a_symmetric_range_is_its_middle() {
        let c = single(tri(6.5, 8.0, 9.5), 0.0, Settings::default());
        let band = c.fan.first().copied().expect("band");
        assert!((band.p50 - 8.0).abs() < 0.05, "{band:?}");
        // The 10th percentile of Triangular(6.5, 8, 9.5): 6.5 + √(0.1 × 3 × 1.5).
        assert!(
            (band.p10 - (6.5 + (0.45f64).sqrt())).abs() < 0.05,
            "{band:?}"
        );
        assert!(
            (band.p90 - (9.5 - (0.45f64).sqrt())).abs() < 0.05,
            "{band:?}"
        );
    }

    #[test]
    fn same_seed_same_answer_and_the_count_of_runs() {
        let a = single(tri(0.0, 5.0, 10.0), 6.0, Settings::default());
        let b = single(tri(0.0, 5.0, 10.0), 6.0, Settings::default());
        assert_eq!(a, b);
        assert_eq!(a.runs, 10_000);
        let other = single(
            tri(0.0, 5.0, 10.0),
            6.0,
            Settings {
                seed: 7,
                ..Settings::default()
            },
        );
        assert_ne!(a.reached, other.reached);
        let few = single(tri(0.0, 5.0, 10.0), 6.0, Settings { runs: 37, seed: 1 });
        assert_eq!(few.runs, 37);
        assert!(few.reached <= 37 && few.failed == 0);
    }

    #[test]
    fn bad_ranges_and_runs_are_refused() {
        assert_eq!(
            Spread::triangular(3.0, 2.0, 1.0),
            Err(ChanceError::BadRange)
        );
        assert_eq!(
            Spread::triangular(f64::NAN, 2.0, 3.0),
            Err(ChanceError::BadRange)
        );
        assert_eq!(Spread::triangular(2.0, 9.0, 2.0), Ok(Spread::Fixed(2.0)));
        // A likely value outside the range moves to its middle.
        assert_eq!(
            Spread::triangular(1.0, 9.0, 3.0).map(|s| s.likely()),
            Ok(2.0)
        );
        let err = simulate(
            &[(1, Spread::Fixed(1.0))],
            Settings { runs: 0, seed: 1 },
            &at_least(0.0),
            2025,
            |_| None,
        );
        assert_eq!(err, Err(ChanceError::BadRuns));
    }

    fn grdp_from_2023(year_2024: Option<f64>) -> Assumptions {
        let mut a = Assumptions {
            start_year: Some(2023),
            ..Assumptions::default()
        };
        if let Some(v) = year_2024 {
            a.per_year.insert(2024, v);
        }
        a
    }

    #[test]
    fn grdp_chance_with_a_range_on_2025_matches_the_formula() {
        // domain.md: GRDP 2023 = 18,938.78; target 15,076 × 1.1⁵; with +10 % in 2024,
        // 2025 needs r = target / (18,938.78 × 1.1) − 1 (about 16.5 %).
        let model = kon_tum();
        let target = 15076.0 * 1.1f64.powi(5);
        let r = (target / (18938.78 * 1.1) - 1.0) * 100.0;
        let (a, c, b) = (12.0, 15.0, 20.0);
        let expected = (b - r).powi(2) / ((b - a) * (b - c));
        let ranges = BTreeMap::from([(2025, tri(a, c, b))]);
        let got = workbench_chance(
            &model,
            "grdp_constant",
            &grdp_from_2023(Some(10.0)),
            &ranges,
            Settings::default(),
        )
        .expect("chance");
        assert!(
            (got.chance() - expected).abs() < 0.015,
            "{} {expected}",
            got.chance()
        );
        assert_eq!(got.target_year, 2025);
        assert_eq!(
            got.fan.iter().map(|b| b.year).collect::<Vec<_>>(),
            vec![2024, 2025]
        );
        // 2024 is a plain number: its band has no width.
        let b2024 = got.fan.first().copied().expect("2024");
        assert!((b2024.p10 - 18938.78 * 1.1).abs() < 1e-6 && b2024.p10 == b2024.p90);
        assert_eq!(got.drivers.len(), 1);
    }

    #[test]
    fn inputs_that_matter_most_come_first() {
        let model = kon_tum();
        // A wide range on 2025 moves GRDP more than a narrow one on 2024.
        let ranges = BTreeMap::from([(2024, tri(9.5, 10.0, 10.5)), (2025, tri(5.0, 10.0, 20.0))]);
        let got = workbench_chance(
            &model,
            "grdp_constant",
            &grdp_from_2023(None),
            &ranges,
            Settings::default(),
        )
        .expect("chance");
        let order: Vec<i32> = got.drivers.iter().map(|d| d.input).collect();
        assert_eq!(order, vec![2025, 2024]);
        // 2025 from 5 % to 20 % at 10 % in 2024: 18,938.78 × 1.1 × 0.15.
        let swing = got.drivers.first().map(|d| d.swing).unwrap_or(0.0);
        assert!((swing - 18938.78 * 1.1 * 0.15).abs() < 1e-6, "{swing}");
    }

    #[test]
    fn a_plain_scenario_gives_the_verdict() {
        let model = kon_tum();
        for (ind, a) in [
            ("grdp_constant", grdp_from_2023(Some(10.0))),
            ("grdp_constant", grdp_from_2023(Some(20.0))),
            ("ginseng_area", Assumptions::default()),
            ("grdp_per_capita", Assumptions::default()),
        ] {
            let verdict = assess(&model, ind, &a).scenario;
            let got = workbench_chance(&model, ind, &a, &BTreeMap::new(), Settings::default());
            match (verdict, got) {
                (Some(v), Ok(c)) => {
                    let expected = if v == ScenarioVerdict::Reached {
                        1.0
                    } else {
                        0.0
                    };
                    assert_eq!(c.chance(), expected, "{ind}");
                }
                (None, Err(e)) => assert_eq!(e, ChanceError::NotAssessable),
                (v, c) => panic!("{ind}: {v:?} / {c:?}"),
            }
        }
    }

    #[test]
    fn chain_ranges_move_per_capita() {
        let model = kon_tum();
        let s = setup(&model).expect("setup");
        let last = *s.years.last().expect("year");
        let plain = run(&s, &BTreeMap::new()).expect("run");
        let growth = plain.last().map(|y| y.growth).expect("growth");
        let ranges = BTreeMap::from([(
            ChainKey::Growth(last),
            tri(growth - 2.0, growth, growth + 2.0),
        )]);
        let chance_of = |target: f64, year: i32| {
            chain_chance(
                &s,
                &BTreeMap::new(),
                &ranges,
                ChainOutput::PerCapita,
                &at_least(target),
                year,
                Settings::default(),
            )
        };
        // A target at the likely run's result is met about half the time when the
        // range is symmetric (per capita grows with GRDP growth).
        let likely = chance_of(0.0, last)
            .expect("chance")
            .likely
            .expect("likely");
        let c = chance_of(likely, last).expect("chance");
        assert!((c.chance() - 0.5).abs() < 0.015, "{}", c.chance());
        assert_eq!(c.drivers.len(), 1);
        assert_eq!(chance_of(likely, 1990), Err(ChanceError::NotAssessable));
    }

    #[test]
    fn history_spread_of_grdp_lists_its_years() {
        let model = kon_tum();
        let h = history_spread(&model, "grdp_constant", PaceKind::Growth).expect("history");
        let paces: Vec<f64> = h.paces.iter().map(|p| p.1).collect();
        let lo = paces.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = paces.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        assert_eq!((h.spread.low(), h.spread.high()), (lo, hi));
        assert!(h.paces.len() >= 2 && lo < hi, "{h:?}");
        assert!(history_spread(&model, "no_such", PaceKind::Growth).is_none());
    }

    /// The quarterly case of the issue: quarters of 20,000, 22,000, 24,000 and 26,340
    /// (92,340 in all) split 20 / 40 / 32 / 8 % between the sectors, growing 4, 14, 10
    /// and 8 %: the year grows 0.2×4 + 0.4×14 + 0.32×10 + 0.08×8 = 10.24 %.
    fn quarterly_case() -> QuarterlyInputs {
        let mut x = QuarterlyInputs::default();
        let totals = [20_000.0, 22_000.0, 24_000.0, 26_340.0];
        let shares = [0.20, 0.40, 0.32, 0.08];
        let growth = [4.0, 14.0, 10.0, 8.0];
        for ((s, share), g) in SECTORS.iter().zip(shares).zip(growth) {
            for (q, total) in QUARTERS.iter().zip(totals) {
                set_cell(&mut x.base, *s, *q, Some(total * share));
                set_cell(&mut x.growth, *s, *q, Some(g));
            }
        }
        x
    }

    fn industry_q4(spread: Spread, target: f64) -> Chance<(Sector, u8)> {
        let ranges = BTreeMap::from([((Sector::IndustryConstruction, 4), spread)]);
        quarterly_chance(
            &quarterly_case(),
            &ranges,
            target,
            2026,
            Settings::default(),
        )
        .expect("chance")
    }

    #[test]
    fn a_degenerate_quarterly_range_is_the_deterministic_year() {
        // Industry in Q4 fixed at 14 %: the year is the scenario's own 10.24 %.
        let c = industry_q4(tri(14.0, 14.0, 14.0), 10.2);
        assert!((c.likely.unwrap_or(0.0) - 10.24).abs() < 1e-9, "{c:?}");
        assert_eq!(c.chance(), 1.0);
        assert_eq!(industry_q4(tri(14.0, 14.0, 14.0), 10.3).chance(), 0.0);
        // At 20 %: industry's Q4 base is 26,340 × 0.4 = 10,536, so the year gains
        // 6 × 10,536 ÷ 92,340 = 0.684600 points: 10.924600 %.
        let c = industry_q4(tri(20.0, 20.0, 20.0), 0.0);
        let band = c.fan.first().copied().expect("band");
        assert!(
            (band.p10 - 10.9246).abs() < 1e-4 && band.p10 == band.p90,
            "{band:?}"
        );
        assert_eq!(band.year, 2026);
    }

    #[test]
    fn one_triangular_quarter_against_the_year_target_matches_the_formula() {
        // The year's growth moves 10,536 ÷ 92,340 = 0.114100 point per point of
        // industry's Q4 growth x: G = 10.24 + (x − 14) × 0.114100.
        // Target 10.5 %: x ≥ 14 + 0.26 ÷ 0.114100 = 16.27870; for Triangular(4, 14, 24)
        // above the peak P = (24 − 16.27870)² ÷ ((24 − 4)(24 − 14)) = 59.6185 ÷ 200
        // = 0.29809.
        let c = industry_q4(tri(4.0, 14.0, 24.0), 10.5);
        assert!((c.chance() - 0.29809).abs() < 0.015, "{}", c.chance());
        // Target 10 %: x ≥ 14 − 0.24 ÷ 0.114100 = 11.89658, below the peak:
        // P = 1 − (11.89658 − 4)² ÷ (20 × 10) = 1 − 62.3560 ÷ 200 = 0.68822.
        let c = industry_q4(tri(4.0, 14.0, 24.0), 10.0);
        assert!((c.chance() - 0.68822).abs() < 0.015, "{}", c.chance());
        assert_eq!(c.runs, DEFAULT_RUNS);
        assert_eq!(c.drivers.len(), 1);
        // The same seed gives the same answer; a missing base cannot be projected.
        assert_eq!(c, industry_q4(tri(4.0, 14.0, 24.0), 10.0));
        let mut broken = quarterly_case();
        set_cell(&mut broken.base, Sector::Services, 2, None);
        let none = BTreeMap::new();
        assert_eq!(
            quarterly_chance(&broken, &none, 10.0, 2026, Settings::default()),
            Err(ChanceError::NotAssessable)
        );
        assert_eq!(
            quarterly_chance(
                &quarterly_case(),
                &none,
                f64::NAN,
                2026,
                Settings::default()
            ),
            Err(ChanceError::NotAssessable)
        );
    }

    #[test]
    fn chain_inputs_from_history() {
        let model = kon_tum();
        let icor = icor_history(&model);
        let results: Vec<f64> = icor
            .years
            .iter()
            .filter(|y| !y.planned)
            .map(|y| y.icor)
            .collect();
        let (h, source) = chain_history_spread(&model, ChainInput::Icor).expect("icor");
        assert_eq!(source, HistorySource::Icor);
        assert_eq!(h.paces.len(), results.len());
        // The range of the result years, as icor_history gives it.
        assert_eq!(Some((h.spread.low(), h.spread.high())), icor.range);
        let (g, source) = chain_history_spread(&model, ChainInput::SectorGrowth(Sector::Services))
            .expect("growth");
        assert_eq!(source, HistorySource::GrdpGrowth);
        assert_eq!(
            Some(g),
            history_spread(&model, "grdp_constant", PaceKind::Growth)
        );
        assert!(chain_history_spread(&model, ChainInput::DeflatorGrowth).is_none());
        assert!(chain_history_spread(&model, ChainInput::BudgetShare).is_none());
    }
}
