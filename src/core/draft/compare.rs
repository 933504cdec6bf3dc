//! Drafts side by side: the chosen outputs, year by year, for the base model (no
//! overrides) and for each draft, with the absolute and percent difference of each
//! draft from the base.
//!
//! Outputs are the growth chain's (GRDP per capita, growth, investment…) and the
//! projected level of any indicator with a target (its assumptions, and the pace
//! achieved so far for the years without one, as the workbench projects it). Pure: the
//! drafts' saved values are used, never their typed text.

use std::collections::BTreeMap;

use crate::core::draft::record::Draft;
use crate::core::model::Model;
use crate::core::plan::assessment::{assess, Assumptions};
use crate::core::plan::chain::{
    one_scenario, run, setup, ChainInput, ChainOutput, ChainSetup, OneScenario,
    GIVEN_GROWTH_INDICATOR,
};
use crate::core::plan::quarterly::{compute_span, QuarterlyInputs, Span};

/// Most drafts compared at once (besides the base).
pub const MAX_COMPARED: usize = 4;

/// Something compared.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Output {
    /// An output of the growth chain.
    Chain(ChainOutput),
    /// The projected level of an indicator.
    Indicator(String),
    /// GRDP growth of a period in the draft's quarterly scenario (`core::plan::quarterly`),
    /// in the chain's first year; the base model has none.
    Quarterly(Span),
    /// The chance (percent) of reaching an indicator's target over the draft's ranges,
    /// in the target year.
    Chance(String),
}

impl Output {
    /// A stable id (`chain:per_capita`, `indicator:grdp_constant`).
    pub fn id(&self) -> String {
        match self {
            Output::Chain(c) => format!("chain:{}", c.id()),
            Output::Indicator(i) => format!("indicator:{i}"),
            Output::Quarterly(s) => format!("quarterly:{}", s.id()),
            Output::Chance(i) => format!("chance:{i}"),
        }
    }
}

/// One output in one year.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareRow {
    /// The output.
    pub output: Output,
    /// The year.
    pub year: i32,
    /// Its value with no overrides (`None`: cannot be computed).
    pub base: Option<f64>,
    /// Its value in each draft, in the order given.
    pub values: Vec<Option<f64>>,
}

/// How far a draft's value is from the base.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Difference {
    /// Draft minus base.
    pub absolute: f64,
    /// The same as a percentage of the base (`None` when the base is 0).
    pub percent: Option<f64>,
}

/// The difference of `value` from `base`; `None` when either is missing or the result
/// is not finite.
pub fn difference(base: Option<f64>, value: Option<f64>) -> Option<Difference> {
    let (b, v) = (base?, value?);
    let absolute = v - b;
    if !absolute.is_finite() {
        return None;
    }
    let percent = (b != 0.0)
        .then(|| absolute / b.abs() * 100.0)
        .filter(|p| p.is_finite());
    Some(Difference { absolute, percent })
}

/// The outputs worth showing first: GRDP per capita, GRDP growth and investment, then
/// every indicator that one of the drafts has assumptions for.
pub fn default_outputs(drafts: &[&Draft]) -> Vec<Output> {
    let mut out = vec![
        Output::Chain(ChainOutput::PerCapita),
        Output::Chain(ChainOutput::Growth),
        Output::Chain(ChainOutput::Investment),
    ];
    let mut indicators: Vec<String> = drafts
        .iter()
        .flat_map(|d| d.overrides.scenario.keys().map(|(i, _)| i.clone()))
        .collect();
    indicators.sort();
    indicators.dedup();
    out.extend(indicators.into_iter().map(Output::Indicator));
    if drafts.iter().any(|d| !d.overrides.quarterly.is_empty()) {
        out.extend([Span::SixMonths, Span::NineMonths, Span::Year].map(Output::Quarterly));
    }
    let mut ranged: Vec<String> = drafts
        .iter()
        .flat_map(|d| d.overrides.ranges.keys())
        .filter_map(|(id, _)| Some(id.rsplit_once(':')?.0.to_string()))
        .filter(|i| !i.starts_with("chain") && !i.starts_with("quarter"))
        .collect();
    ranged.sort();
    ranged.dedup();
    out.extend(ranged.into_iter().map(Output::Chance));
    out
}

/// GRDP growth of `span` in a draft's quarterly scenario, in `year`.
fn quarterly_growth(draft: Option<&Draft>, span: Span, year: Option<i32>) -> BTreeMap<i32, f64> {
    let (Some(d), Some(year)) = (draft, year) else {
        return BTreeMap::new();
    };
    let o = &d.overrides;
    let inputs = QuarterlyInputs::from_cells(
        o.quarterly.iter().map(|(c, e)| (c, e.value)),
        &o.quarter_results,
    );
    compute_span(&inputs, span)
        .growth
        .map(|g| BTreeMap::from([(year, g)]))
        .unwrap_or_default()
}

/// The chance (percent) of reaching an indicator's target in a draft, over the draft's
/// ranges on that indicator's assumptions (the likely value of a range: the pace the
/// projection uses for its year, as the workbench takes it), with the draft's seed.
fn draft_chance(model: &Model, indicator: &str, draft: Option<&Draft>) -> BTreeMap<i32, f64> {
    use crate::core::plan::chance::{workbench_chance, workbench_spread, RangeEnd, Settings};
    let a = assumptions(model, draft, indicator);
    let facts = assess(model, indicator, &a);
    let mut ranges = BTreeMap::new();
    if let Some(d) = draft {
        let prefix = format!("{indicator}:");
        for ((id, end), e) in &d.overrides.ranges {
            let (Some(year), RangeEnd::Low, Some(low)) = (
                id.strip_prefix(&prefix).and_then(|y| y.parse::<i32>().ok()),
                end,
                e.value,
            ) else {
                continue;
            };
            let high = d
                .overrides
                .ranges
                .get(&(id.clone(), RangeEnd::High))
                .and_then(|e| e.value);
            if let Some(Ok(spread)) =
                high.map(|h| workbench_spread(facts.pace_in_use(year), low, h))
            {
                ranges.insert(year, spread);
            }
        }
    }
    let settings = Settings {
        seed: draft
            .and_then(|d| d.overrides.seed)
            .unwrap_or(Settings::default().seed),
        ..Settings::default()
    };
    workbench_chance(model, indicator, &a, &ranges, settings)
        .map(|c| BTreeMap::from([(c.target_year, c.chance() * 100.0)]))
        .unwrap_or_default()
}

fn typed_assumptions(draft: Option<&Draft>, indicator: &str) -> Assumptions {
    match draft {
        None => Assumptions::default(),
        Some(d) => Assumptions {
            start_year: d.overrides.start_years.get(indicator).copied(),
            per_year: d
                .overrides
                .scenario
                .iter()
                .filter(|((i, _), _)| i == indicator)
                .filter_map(|((_, y), e)| e.value.map(|v| (*y, v)))
                .collect(),
            ..Assumptions::default()
        },
    }
}

/// The draft's scenario under the one-scenario rule ([`one_scenario`]): the chain's
/// overrides with the workbench's GRDP growth in its years, and the growth the chain's
/// typed sectors give to the other years.
pub fn draft_scenario(setup: &ChainSetup, draft: Option<&Draft>) -> OneScenario {
    let typed = chain_overrides(draft);
    let workbench = typed_assumptions(draft, GIVEN_GROWTH_INDICATOR).per_year;
    one_scenario(setup, &typed, &workbench)
}

/// The assumptions of an indicator in a draft. For GRDP (constant prices) the years whose
/// growth the chain's typed sectors set are added as given by the chain, so the
/// workbench and the chain tell the same story.
pub fn assumptions(model: &Model, draft: Option<&Draft>, indicator: &str) -> Assumptions {
    let mut a = typed_assumptions(draft, indicator);
    if indicator == GIVEN_GROWTH_INDICATOR {
        if let Ok(s) = setup(model) {
            for (year, g) in draft_scenario(&s, draft).from_chain {
                a.per_year.entry(year).or_insert(g);
            }
        }
    }
    a
}

/// Projected level by year of an indicator under a draft's assumptions (`None`: the
/// base model); empty when its scenario cannot be assessed.
pub fn indicator_path(model: &Model, indicator: &str, draft: Option<&Draft>) -> BTreeMap<i32, f64> {
    let a = assess(model, indicator, &assumptions(model, draft, indicator));
    // No path where the scenario cannot be assessed (results missing): the years would be
    // filled with a guess that no one typed.
    if !a.scenario_assessable() {
        return BTreeMap::new();
    }
    let Some(working) = a.working else {
        return BTreeMap::new();
    };
    let fallback = a.achieved.map(|(_, pace)| pace);
    let levels = working
        .path(fallback)
        .and_then(|path| working.levels_along(&path));
    match levels {
        Some(levels) => working
            .remaining_years
            .iter()
            .copied()
            .zip(levels)
            .collect(),
        None => BTreeMap::new(),
    }
}

fn chain_overrides(draft: Option<&Draft>) -> BTreeMap<(ChainInput, i32), f64> {
    draft
        .map(|d| {
            d.overrides
                .chain
                .iter()
                .filter_map(|(key, e)| Some((*key, e.value?)))
                .collect()
        })
        .unwrap_or_default()
}

/// The comparison table: for each output, each year any column has a value for, the
/// base and each draft (at most [`MAX_COMPARED`] drafts are used).
pub fn compare(model: &Model, drafts: &[&Draft], outputs: &[Output]) -> Vec<CompareRow> {
    let drafts: Vec<&Draft> = drafts.iter().take(MAX_COMPARED).copied().collect();
    let chain_setup = setup(model).ok();
    let chain_runs: Vec<BTreeMap<i32, crate::core::plan::chain::ChainYear>> = std::iter::once(None)
        .chain(drafts.iter().map(|d| Some(*d)))
        .map(|d| {
            chain_setup
                .as_ref()
                .and_then(|s| run(s, &draft_scenario(s, d).chain).ok())
                .map(|years| years.into_iter().map(|y| (y.year, y)).collect())
                .unwrap_or_default()
        })
        .collect();
    let mut rows = Vec::new();
    for output in outputs {
        let columns: Vec<BTreeMap<i32, f64>> = match output {
            Output::Chain(c) => chain_runs
                .iter()
                .map(|run| {
                    run.iter()
                        .map(|(y, year)| (*y, c.of(year)))
                        .filter(|(_, v)| v.is_finite())
                        .collect()
                })
                .collect(),
            Output::Indicator(id) => std::iter::once(None)
                .chain(drafts.iter().map(|d| Some(*d)))
                .map(|d| indicator_path(model, id, d))
                .collect(),
            Output::Quarterly(span) => {
                let year = chain_setup.as_ref().and_then(|s| s.years.first().copied());
                std::iter::once(None)
                    .chain(drafts.iter().map(|d| Some(*d)))
                    .map(|d| quarterly_growth(d, *span, year))
                    .collect()
            }
            Output::Chance(id) => std::iter::once(None)
                .chain(drafts.iter().map(|d| Some(*d)))
                .map(|d| draft_chance(model, id, d))
                .collect(),
        };
        let mut years: Vec<i32> = columns.iter().flat_map(|c| c.keys().copied()).collect();
        years.sort_unstable();
        years.dedup();
        for year in years {
            let mut values = columns.iter().map(|c| c.get(&year).copied());
            let base = values.next().flatten();
            rows.push(CompareRow {
                output: output.clone(),
                year,
                base,
                values: values.collect(),
            });
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::draft::record::{Entry, ModelRef};
    use crate::core::model::catalog::load_shipped;

    fn draft_with(indicator: &str, year: i32, value: f64) -> Draft {
        let mut d = Draft {
            id: "d".into(),
            model: ModelRef {
                id: "kon-tum-2021-2025".into(),
                ..ModelRef::default()
            },
            ..Draft::default()
        };
        d.overrides.scenario.insert(
            (indicator.into(), year),
            Entry {
                text: value.to_string(),
                value: Some(value),
            },
        );
        d.overrides.start_years.insert(indicator.into(), 2023);
        d
    }

    #[test]
    fn a_draft_with_a_range_compares_its_chance() {
        use crate::core::plan::chance::RangeEnd;
        let model = load_shipped().0.into_iter().next().expect("model");
        let mut d = draft_with("grdp_constant", 2024, 10.0);
        for (end, v) in [(RangeEnd::Low, 10.0), (RangeEnd::High, 25.0)] {
            d.overrides.ranges.insert(
                ("grdp_constant:2025".into(), end),
                Entry {
                    text: v.to_string(),
                    value: Some(v),
                },
            );
        }
        let outputs = default_outputs(&[&d]);
        assert!(outputs.contains(&Output::Chance("grdp_constant".into())));
        let rows = compare(&model, &[&d], &[Output::Chance("grdp_constant".into())]);
        assert_eq!(rows.len(), 1);
        // Triangular(10, 17,5, 25) above the ~16,5 % 2025 needs after +10 % in 2024:
        // 1 − 6,5² / (15 × 7,5) ≈ 62 %; the base (no assumptions, the pace achieved)
        // does not reach the target.
        let row = &rows[0];
        assert_eq!((row.year, row.base), (2025, Some(0.0)));
        let v = row.values[0].expect("chance");
        assert!(
            (v - (1.0 - 6.5f64.powi(2) / (15.0 * 7.5)) * 100.0).abs() < 3.0,
            "{v}"
        );
    }

    #[test]
    fn differences_are_absolute_and_relative() {
        let d = difference(Some(200.0), Some(210.0)).unwrap();
        assert_eq!((d.absolute, d.percent), (10.0, Some(5.0)));
        assert_eq!(difference(Some(0.0), Some(1.0)).unwrap().percent, None);
        assert_eq!(
            difference(Some(-50.0), Some(-40.0)).unwrap().percent,
            Some(20.0)
        );
        assert_eq!(difference(None, Some(1.0)), None);
        assert_eq!(difference(Some(f64::MAX), Some(-f64::MAX)), None);
    }

    #[test]
    fn a_draft_with_higher_growth_projects_a_higher_grdp() {
        let models = load_shipped().0;
        let model = &models[0];
        let low = draft_with("grdp_constant", 2024, 5.0);
        let high = draft_with("grdp_constant", 2024, 12.0);
        let outputs = default_outputs(&[&low, &high]);
        assert!(outputs.contains(&Output::Indicator("grdp_constant".into())));
        let rows = compare(model, &[&low, &high], &outputs);
        let row_2024 = rows
            .iter()
            .find(|r| r.output == Output::Indicator("grdp_constant".into()) && r.year == 2024)
            .unwrap();
        let (l, h) = (row_2024.values[0].unwrap(), row_2024.values[1].unwrap());
        // 12 % against 5 % on the same 2023 start: the ratio is 1.12 / 1.05.
        assert!((h / l - 1.12 / 1.05).abs() < 1e-9, "{h} {l}");
        // The chain has no overrides in either draft: every chain value equals the base.
        for r in rows.iter().filter(|r| matches!(r.output, Output::Chain(_))) {
            assert_eq!(r.values, vec![r.base, r.base]);
        }
    }

    #[test]
    fn quarterly_scenarios_are_compared_by_period() {
        use crate::core::plan::chain::SECTORS;
        use crate::core::plan::quarterly::{QuarterCell, QUARTERS};
        let models = load_shipped().0;
        let mut d = draft_with("grdp_constant", 2024, 5.0);
        // Every quarter 1,000 in each sector; growth 4, 14, 10, 8 %: the year grows
        // (4 + 14 + 10 + 8) ÷ 4 = 9 % (equal weights); 6 months alike.
        for (s, g) in SECTORS.iter().zip([4.0, 14.0, 10.0, 8.0]) {
            for q in QUARTERS {
                let e = |v: f64| Entry {
                    text: v.to_string(),
                    value: Some(v),
                };
                d.overrides
                    .quarterly
                    .insert(QuarterCell::Base(*s, q), e(1_000.0));
                d.overrides
                    .quarterly
                    .insert(QuarterCell::Growth(*s, q), e(g));
            }
        }
        let outputs = default_outputs(&[&d]);
        assert!(outputs.contains(&Output::Quarterly(Span::Year)));
        assert_eq!(Output::Quarterly(Span::SixMonths).id(), "quarterly:6m");
        let rows = compare(&models[0], &[&d], &outputs);
        // Kon Tum's chain starts in 2025: the quarterly scenario is that year's.
        let year = rows
            .iter()
            .find(|r| r.output == Output::Quarterly(Span::Year))
            .unwrap();
        assert_eq!((year.year, year.base), (2025, None));
        assert!((year.values[0].unwrap() - 9.0).abs() < 1e-9);
    }

    #[test]
    fn no_path_over_missing_results() {
        let models = load_shipped().0;
        // Investment lacks 2021 and 2022: no projected path, rather than one that fills
        // them with the 2023-24 average.
        let d = draft_with("total_social_investment", 2025, 30000.0);
        assert!(indicator_path(&models[0], "total_social_investment", Some(&d)).is_empty());
        assert!(indicator_path(&models[0], "total_social_investment", None).is_empty());
    }

    #[test]
    fn one_growth_per_draft_in_the_comparison() {
        use crate::core::plan::chain::Sector;
        use crate::core::text::numfmt::Locale;
        let models = load_shipped().0;
        let model = &models[0];
        let services = (ChainInput::SectorGrowth(Sector::Services), 2025);
        // The case, a year on (the chain now starts from the 2024 results): 11 %
        // for services in the chain and 12.5 % for 2025 in the workbench.
        let mut both = Draft::default();
        both.overrides
            .chain
            .insert(services, Entry::read("11", Locale::Vi));
        both.overrides.scenario.insert(
            ("grdp_constant".into(), 2025),
            Entry::read("12,5", Locale::Vi),
        );
        // Only the chain's 11 % for services.
        let mut chain_only = Draft::default();
        chain_only
            .overrides
            .chain
            .insert(services, Entry::read("11", Locale::Vi));
        let outputs = [
            Output::Chain(ChainOutput::Growth),
            Output::Chain(ChainOutput::RealGrdp),
            Output::Indicator("grdp_constant".into()),
        ];
        let rows = compare(model, &[&both, &chain_only], &outputs);
        let at = |o: &Output, draft: usize| {
            rows.iter()
                .find(|r| &r.output == o && r.year == 2025)
                .and_then(|r| r.values.get(draft).copied().flatten())
        };
        let near = |v: Option<f64>, want: f64| v.is_some_and(|v| (v - want).abs() < 1e-3);
        // The workbench wins: growth 12.5 % in the chain too, and both views give GRDP
        // 2025 = 20,225 × 1.125 = 22,753.125.
        assert!(near(at(&outputs[0], 0), 12.5));
        assert!(near(at(&outputs[1], 0), 22753.125));
        assert!(near(at(&outputs[2], 0), 22753.125));
        // Only the sectors typed: 10 % + 40.503 % × (11 − 10) = 10.405 %; the workbench
        // takes it as given: 20,225 × 1.10405 = 22,329.4 in both.
        assert!(near(at(&outputs[0], 1), 10.405));
        assert!((at(&outputs[1], 1).unwrap_or(0.0) - 22329.4).abs() < 0.1);
        let (chain, panel) = (at(&outputs[1], 1), at(&outputs[2], 1));
        assert!(chain.zip(panel).is_some_and(|(a, b)| (a - b).abs() < 1e-6));
    }
}
