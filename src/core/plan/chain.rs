//! The linked growth chain, year by year to the end of the term: sector growth with last
//! year's constant-price weights gives GRDP growth and each sector's contribution in
//! points; real GRDP and a deflator give nominal GRDP; a population path gives GRDP per
//! capita; ICOR gives the investment the growth needs; budget revenue follows its path.
//!
//! Defaults come from the model's figures and plans, each with its derivation; every
//! default can be overridden per year. Simplifications, shown to the user: one deflator
//! for the whole economy (so current-price shares move with constant-price shares), and
//! base-year sector weights taken from current-price value added. Pure; no NaN out.

use std::collections::BTreeMap;
use std::fmt;

use crate::core::model::{Amount, FigureKind, Measure, Model, Period};
use crate::core::plan::goal_seek::{goal_seek, GoalSeekAnswer, GoalSeekError};
use crate::core::plan::summary::compare_vintages;

/// The four parts of GRDP (product taxes less subsidies is the fourth).
pub const SECTORS: [Sector; 4] = [
    Sector::Agriculture,
    Sector::IndustryConstruction,
    Sector::Services,
    Sector::ProductTaxes,
];

/// The model's indicators the chain computes (its levels, per capita, investment,
/// budget revenue and structure); the workbench shows the chain beside any of them.
pub const LINKED_INDICATORS: [&str; 8] = [
    "grdp_constant",
    "grdp_current",
    "grdp_per_capita",
    "total_social_investment",
    "budget_revenue",
    "structure_agriculture",
    "structure_industry_construction",
    "structure_services",
];

/// Whether the chain computes this indicator.
pub fn is_linked(indicator: &str) -> bool {
    LINKED_INDICATORS.contains(&indicator)
}

/// A part of GRDP.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Sector {
    /// Agriculture, forestry and fishery.
    Agriculture,
    /// Industry and construction.
    IndustryConstruction,
    /// Trade and services.
    Services,
    /// Taxes on products less subsidies.
    ProductTaxes,
}

/// A yearly input of the chain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChainInput {
    /// Real growth of a sector, percent.
    SectorGrowth(Sector),
    /// Growth of the GRDP deflator, percent.
    DeflatorGrowth,
    /// Population growth, percent.
    PopulationGrowth,
    /// Incremental capital-output ratio.
    Icor,
    /// Budget revenue growth, percent.
    BudgetGrowth,
}

impl ChainInput {
    /// Every input, in display order.
    pub const ALL: [ChainInput; 8] = [
        ChainInput::SectorGrowth(Sector::Agriculture),
        ChainInput::SectorGrowth(Sector::IndustryConstruction),
        ChainInput::SectorGrowth(Sector::Services),
        ChainInput::SectorGrowth(Sector::ProductTaxes),
        ChainInput::DeflatorGrowth,
        ChainInput::PopulationGrowth,
        ChainInput::Icor,
        ChainInput::BudgetGrowth,
    ];

    /// Stable id used in the URL and in test ids.
    pub fn id(self) -> &'static str {
        match self {
            ChainInput::SectorGrowth(Sector::Agriculture) => "g_agriculture",
            ChainInput::SectorGrowth(Sector::IndustryConstruction) => "g_industry",
            ChainInput::SectorGrowth(Sector::Services) => "g_services",
            ChainInput::SectorGrowth(Sector::ProductTaxes) => "g_taxes",
            ChainInput::DeflatorGrowth => "deflator",
            ChainInput::PopulationGrowth => "population",
            ChainInput::Icor => "icor",
            ChainInput::BudgetGrowth => "budget",
        }
    }

    /// The input with this id.
    pub fn from_id(id: &str) -> Option<ChainInput> {
        ChainInput::ALL.into_iter().find(|i| i.id() == id)
    }
}

/// How a default or base value was derived, with its operands, for the explanation.
#[derive(Clone, Debug, PartialEq)]
pub enum Derivation {
    /// Taken as stated from a figure.
    Stated {
        /// Figure key.
        key: String,
    },
    /// Plan growth of GRDP for the year.
    PlanGrowth {
        /// Figure key.
        key: String,
    },
    /// Geometric interpolation between two levels: `a × (b / a)^(k/n)`.
    Interpolated {
        /// From (year, value).
        from: (i32, f64),
        /// To (year, value).
        to: (i32, f64),
    },
    /// Average yearly growth between two values: `(b / a)^(1/n) − 1`.
    AverageGrowth {
        /// From (year, value).
        from: (i32, f64),
        /// To (year, value).
        to: (i32, f64),
    },
    /// Nominal GRDP = per capita × population ÷ 1000.
    NominalFromPerCapita {
        /// Per capita, million VND.
        per_capita: f64,
        /// Population.
        population: f64,
    },
    /// Share = part ÷ whole × 100 (taxes: whole minus the three sectors).
    Share {
        /// The part.
        part: f64,
        /// The whole.
        whole: f64,
    },
    /// ICOR implied by history: (investment ÷ nominal GRDP) ÷ growth.
    ImpliedIcor {
        /// Investment.
        investment: f64,
        /// Nominal GRDP.
        nominal: f64,
        /// Growth, percent.
        growth: f64,
    },
    /// Growth from a plan level: plan ÷ last level − 1.
    GrowthToPlan {
        /// Last level.
        from: f64,
        /// Plan level.
        plan: f64,
    },
}

/// A base value or default with its derivation.
#[derive(Clone, Debug, PartialEq)]
pub struct Derived {
    /// The value.
    pub value: f64,
    /// How it was found.
    pub how: Derivation,
}

/// The starting point of the chain.
#[derive(Clone, Debug, PartialEq)]
pub struct ChainBase {
    /// Base year (the last year with a real GRDP level and sector values).
    pub year: i32,
    /// Real GRDP, constant 2010 prices, billion VND.
    pub real_grdp: Derived,
    /// Nominal GRDP, current prices, billion VND.
    pub nominal_grdp: Derived,
    /// Average population.
    pub population: Derived,
    /// Sector shares of GRDP, percent, in `SECTORS` order.
    pub shares: [Derived; 4],
    /// Budget revenue, billion VND.
    pub budget_revenue: Derived,
}

/// The chain's setup for a model: base and default inputs per year.
#[derive(Clone, Debug, PartialEq)]
pub struct ChainSetup {
    /// Starting point.
    pub base: ChainBase,
    /// Years computed.
    pub years: Vec<i32>,
    /// Default of each input per year.
    pub defaults: BTreeMap<(ChainInput, i32), Derived>,
}

/// Why the chain cannot run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChainError {
    /// A figure the defaults need is missing from the model.
    MissingFigure(&'static str),
    /// An input makes a value non-positive or non-finite.
    BadInput,
}

impl fmt::Display for ChainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChainError::MissingFigure(what) => write!(f, "missing figure: {what}"),
            ChainError::BadInput => write!(f, "an input makes a value undefined"),
        }
    }
}

impl std::error::Error for ChainError {}

/// One computed year.
#[derive(Clone, Debug, PartialEq)]
pub struct ChainYear {
    /// Year.
    pub year: i32,
    /// Real GRDP growth, percent.
    pub growth: f64,
    /// Weights used (last year's constant-price shares, percent).
    pub weights: [f64; 4],
    /// Contribution of each sector, percentage points (they add up to `growth`).
    pub contributions: [f64; 4],
    /// Real GRDP, billion VND.
    pub real_grdp: f64,
    /// Deflator (nominal ÷ real).
    pub deflator: f64,
    /// Nominal GRDP, billion VND.
    pub nominal_grdp: f64,
    /// Population.
    pub population: f64,
    /// GRDP per capita, million VND.
    pub per_capita: f64,
    /// Structure, percent of GRDP.
    pub shares: [f64; 4],
    /// ICOR used.
    pub icor: f64,
    /// Investment needed, billion VND, current prices.
    pub investment: f64,
    /// Budget revenue, billion VND.
    pub budget_revenue: f64,
}

fn figure_value(
    model: &Model,
    indicator: &str,
    period: Period,
    kinds: &[FigureKind],
) -> Option<(f64, String)> {
    model
        .figures_of(indicator)
        .filter(|f| {
            kinds.contains(&f.kind)
                && f.measure == Measure::Level
                && f.period == period
                && f.variant.is_none()
                && f.comparator.is_none()
        })
        .max_by(|a, b| compare_vintages(model, a, b))
        .and_then(|f| match f.amount {
            Amount::Point(v) => Some((v, crate::core::model::load::figure_key(f))),
            Amount::Range(..) => None,
        })
}

fn growth_plan(model: &Model, year: i32) -> Option<(f64, String)> {
    model
        .figures_of("grdp_constant")
        .filter(|f| {
            f.kind == FigureKind::Plan
                && f.measure == Measure::Growth
                && f.period == Period::Year(year)
        })
        .max_by(|a, b| compare_vintages(model, a, b))
        .map(|f| {
            let value = match f.amount {
                Amount::Point(v) => v,
                // A planned range is read at its floor.
                Amount::Range(lo, _) => lo,
            };
            (value, crate::core::model::load::figure_key(f))
        })
}

const RESULT: [FigureKind; 2] = [FigureKind::Actual, FigureKind::Estimate];

/// Builds the chain's base and defaults from a model's figures.
pub fn setup(model: &Model) -> Result<ChainSetup, ChainError> {
    let missing = ChainError::MissingFigure;
    // Base year: the last year with real GRDP and the three sectors' value added.
    let year = (model.term.first_year..=model.term.last_year)
        .rev()
        .find(|&y| {
            figure_value(model, "grdp_constant", Period::Year(y), &RESULT).is_some()
                && ["va_agriculture", "va_industry_construction", "va_services"]
                    .iter()
                    .all(|i| figure_value(model, i, Period::Year(y), &RESULT).is_some())
        })
        .ok_or(missing("real GRDP and sector value added in one year"))?;
    let (real, real_key) = figure_value(model, "grdp_constant", Period::Year(year), &RESULT)
        .ok_or(missing("real GRDP"))?;
    // Population in the base year: between the last actual before it and a later plan.
    let pop_points: Vec<(i32, f64)> = (model.term.base_year..=model.term.last_year)
        .filter_map(|y| {
            figure_value(
                model,
                "average_population",
                Period::Year(y),
                &[FigureKind::Actual, FigureKind::Estimate, FigureKind::Plan],
            )
            .map(|(v, _)| (y, v))
        })
        .collect();
    let before = pop_points
        .iter()
        .rev()
        .find(|(y, _)| *y <= year)
        .copied()
        .ok_or(missing("population"))?;
    let after = pop_points.iter().find(|(y, _)| *y > year).copied();
    let (population, pop_how, pop_growth) = match after {
        _ if before.0 == year => (before.1, Derivation::Stated { key: String::new() }, None),
        Some(to) => {
            let n = f64::from(to.0 - before.0);
            let k = f64::from(year - before.0);
            let g = (to.1 / before.1).powf(1.0 / n) - 1.0;
            (
                before.1 * (to.1 / before.1).powf(k / n),
                Derivation::Interpolated { from: before, to },
                Some((g * 100.0, before, to)),
            )
        }
        None => return Err(missing("a later population figure")),
    };
    let (per_capita, _) = figure_value(model, "grdp_per_capita", Period::Year(year), &RESULT)
        .ok_or(missing("GRDP per capita"))?;
    let nominal = per_capita * population / 1000.0;
    let va: Vec<f64> = ["va_agriculture", "va_industry_construction", "va_services"]
        .iter()
        .map(|i| figure_value(model, i, Period::Year(year), &RESULT).map(|(v, _)| v))
        .collect::<Option<Vec<f64>>>()
        .ok_or(missing("sector value added"))?;
    let taxes = nominal - va.iter().sum::<f64>();
    if !(taxes.is_finite() && nominal > 0.0 && real > 0.0 && population > 0.0) {
        return Err(ChainError::BadInput);
    }
    let share = |part: f64| Derived {
        value: part / nominal * 100.0,
        how: Derivation::Share {
            part,
            whole: nominal,
        },
    };
    let shares = [
        share(va.first().copied().unwrap_or(0.0)),
        share(va.get(1).copied().unwrap_or(0.0)),
        share(va.get(2).copied().unwrap_or(0.0)),
        share(taxes),
    ];
    let (budget, budget_key) = figure_value(model, "budget_revenue", Period::Year(year), &RESULT)
        .ok_or(missing("budget revenue"))?;
    let (investment, _) = figure_value(
        model,
        "total_social_investment",
        Period::Year(year),
        &RESULT,
    )
    .ok_or(missing("investment"))?;
    let growth_base = model
        .figures_of("grdp_constant")
        .filter(|f| {
            f.kind.is_result() && f.measure == Measure::Growth && f.period == Period::Year(year)
        })
        .max_by(|a, b| compare_vintages(model, a, b))
        .map(|f| f.amount.central())
        .ok_or(missing("GRDP growth"))?;
    let icor = investment / nominal / (growth_base / 100.0);

    // Deflator growth: average from the term's base year to the chain's base year.
    let (nominal0, _) = figure_value(
        model,
        "grdp_current",
        Period::Year(model.term.base_year),
        &RESULT,
    )
    .ok_or(missing("nominal GRDP in the base year"))?;
    let (real0, _) = figure_value(
        model,
        "grdp_constant",
        Period::Year(model.term.base_year),
        &RESULT,
    )
    .ok_or(missing("real GRDP in the base year"))?;
    let d0 = nominal0 / real0;
    let d1 = nominal / real;
    let deflator_growth =
        ((d1 / d0).powf(1.0 / f64::from(year - model.term.base_year)) - 1.0) * 100.0;

    let years: Vec<i32> = (year + 1..=model.term.last_year).collect();
    let mut defaults = BTreeMap::new();
    let mut last_budget = budget;
    for &y in &years {
        let g = growth_plan(model, y)
            .map(|(v, key)| Derived {
                value: v,
                how: Derivation::PlanGrowth { key },
            })
            .ok_or(missing("GRDP growth plan"))?;
        for s in SECTORS {
            defaults.insert((ChainInput::SectorGrowth(s), y), g.clone());
        }
        defaults.insert(
            (ChainInput::DeflatorGrowth, y),
            Derived {
                value: deflator_growth,
                how: Derivation::AverageGrowth {
                    from: (model.term.base_year, d0),
                    to: (year, d1),
                },
            },
        );
        let pop = match pop_growth {
            Some((g, from, to)) => Derived {
                value: g,
                how: Derivation::AverageGrowth { from, to },
            },
            None => Derived {
                value: 0.0,
                how: Derivation::Stated { key: String::new() },
            },
        };
        defaults.insert((ChainInput::PopulationGrowth, y), pop);
        defaults.insert(
            (ChainInput::Icor, y),
            Derived {
                value: icor,
                how: Derivation::ImpliedIcor {
                    investment,
                    nominal,
                    growth: growth_base,
                },
            },
        );
        let budget_default = match model
            .figures_of("budget_revenue")
            .filter(|f| {
                f.kind == FigureKind::Plan
                    && f.measure == Measure::Level
                    && f.period == Period::Year(y)
                    && f.variant.is_none()
            })
            .max_by(|a, b| compare_vintages(model, a, b))
        {
            Some(plan) => {
                let p = plan.amount.central();
                let d = Derived {
                    value: (p / last_budget - 1.0) * 100.0,
                    how: Derivation::GrowthToPlan {
                        from: last_budget,
                        plan: p,
                    },
                };
                last_budget = p;
                d
            }
            None => {
                let (b0, _) = figure_value(
                    model,
                    "budget_revenue",
                    Period::Year(model.term.base_year),
                    &RESULT,
                )
                .ok_or(missing("budget revenue in the base year"))?;
                let g = ((budget / b0).powf(1.0 / f64::from(year - model.term.base_year)) - 1.0)
                    * 100.0;
                last_budget *= 1.0 + g / 100.0;
                Derived {
                    value: g,
                    how: Derivation::AverageGrowth {
                        from: (model.term.base_year, b0),
                        to: (year, budget),
                    },
                }
            }
        };
        defaults.insert((ChainInput::BudgetGrowth, y), budget_default);
    }
    if defaults.values().any(|d| !d.value.is_finite()) {
        return Err(ChainError::BadInput);
    }
    Ok(ChainSetup {
        base: ChainBase {
            year,
            real_grdp: Derived {
                value: real,
                how: Derivation::Stated { key: real_key },
            },
            nominal_grdp: Derived {
                value: nominal,
                how: Derivation::NominalFromPerCapita {
                    per_capita,
                    population,
                },
            },
            population: Derived {
                value: population,
                how: pop_how,
            },
            shares,
            budget_revenue: Derived {
                value: budget,
                how: Derivation::Stated { key: budget_key },
            },
        },
        years,
        defaults,
    })
}

/// Runs the chain with `overrides` on top of the defaults.
pub fn run(
    setup: &ChainSetup,
    overrides: &BTreeMap<(ChainInput, i32), f64>,
) -> Result<Vec<ChainYear>, ChainError> {
    let input = |i: ChainInput, y: i32| -> Result<f64, ChainError> {
        overrides
            .get(&(i, y))
            .copied()
            .filter(|v| v.is_finite())
            .or_else(|| setup.defaults.get(&(i, y)).map(|d| d.value))
            .ok_or(ChainError::BadInput)
    };
    let base = &setup.base;
    let mut real_parts: Vec<f64> = base
        .shares
        .iter()
        .map(|s| s.value / 100.0 * base.real_grdp.value)
        .collect();
    let mut deflator = base.nominal_grdp.value / base.real_grdp.value;
    let mut population = base.population.value;
    let mut budget = base.budget_revenue.value;
    let mut out = Vec::with_capacity(setup.years.len());
    for &year in &setup.years {
        let total_before: f64 = real_parts.iter().sum();
        let mut weights = [0.0; 4];
        let mut contributions = [0.0; 4];
        for (i, s) in SECTORS.iter().enumerate() {
            let g = input(ChainInput::SectorGrowth(*s), year)?;
            if g <= -100.0 {
                return Err(ChainError::BadInput);
            }
            let part = real_parts.get(i).copied().unwrap_or(0.0);
            let w = part / total_before * 100.0;
            if let (Some(wi), Some(ci), Some(pi)) = (
                weights.get_mut(i),
                contributions.get_mut(i),
                real_parts.get_mut(i),
            ) {
                *wi = w;
                *ci = w * g / 100.0;
                *pi = part * (1.0 + g / 100.0);
            }
        }
        let real: f64 = real_parts.iter().sum();
        let growth = (real / total_before - 1.0) * 100.0;
        deflator *= 1.0 + input(ChainInput::DeflatorGrowth, year)? / 100.0;
        population *= 1.0 + input(ChainInput::PopulationGrowth, year)? / 100.0;
        budget *= 1.0 + input(ChainInput::BudgetGrowth, year)? / 100.0;
        let icor = input(ChainInput::Icor, year)?;
        let nominal = real * deflator;
        let per_capita = nominal * 1000.0 / population;
        let mut shares = [0.0; 4];
        for (i, s) in shares.iter_mut().enumerate() {
            *s = real_parts.get(i).copied().unwrap_or(0.0) / real * 100.0;
        }
        let investment = icor * growth / 100.0 * nominal;
        let values = [
            growth, real, deflator, nominal, population, per_capita, investment, budget,
        ];
        if values.iter().any(|v| !v.is_finite())
            || real <= 0.0
            || deflator <= 0.0
            || population <= 0.0
        {
            return Err(ChainError::BadInput);
        }
        out.push(ChainYear {
            year,
            growth,
            weights,
            contributions,
            real_grdp: real,
            deflator,
            nominal_grdp: nominal,
            population,
            per_capita,
            shares,
            icor,
            investment,
            budget_revenue: budget,
        });
    }
    Ok(out)
}

/// An output of the chain that goal seek can aim at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChainOutput {
    /// Real GRDP growth, percent.
    Growth,
    /// Real GRDP, billion VND.
    RealGrdp,
    /// Nominal GRDP, billion VND.
    NominalGrdp,
    /// GRDP per capita, million VND.
    PerCapita,
    /// Investment needed, billion VND.
    Investment,
    /// Budget revenue, billion VND.
    BudgetRevenue,
}

impl ChainOutput {
    /// Every output, in display order.
    pub const ALL: [ChainOutput; 6] = [
        ChainOutput::PerCapita,
        ChainOutput::RealGrdp,
        ChainOutput::NominalGrdp,
        ChainOutput::Growth,
        ChainOutput::Investment,
        ChainOutput::BudgetRevenue,
    ];

    /// Stable id.
    pub fn id(self) -> &'static str {
        match self {
            ChainOutput::Growth => "growth",
            ChainOutput::RealGrdp => "real_grdp",
            ChainOutput::NominalGrdp => "nominal_grdp",
            ChainOutput::PerCapita => "per_capita",
            ChainOutput::Investment => "investment",
            ChainOutput::BudgetRevenue => "budget_revenue",
        }
    }

    /// The output with this id.
    pub fn from_id(id: &str) -> Option<ChainOutput> {
        ChainOutput::ALL.into_iter().find(|o| o.id() == id)
    }

    /// Its value in a computed year.
    pub fn of(self, y: &ChainYear) -> f64 {
        match self {
            ChainOutput::Growth => y.growth,
            ChainOutput::RealGrdp => y.real_grdp,
            ChainOutput::NominalGrdp => y.nominal_grdp,
            ChainOutput::PerCapita => y.per_capita,
            ChainOutput::Investment => y.investment,
            ChainOutput::BudgetRevenue => y.budget_revenue,
        }
    }
}

/// The sensible search range of an input.
fn input_range(input: ChainInput) -> (f64, f64) {
    match input {
        ChainInput::SectorGrowth(_) | ChainInput::BudgetGrowth => (-50.0, 100.0),
        ChainInput::DeflatorGrowth => (-20.0, 50.0),
        ChainInput::PopulationGrowth => (-10.0, 20.0),
        ChainInput::Icor => (0.0, 50.0),
    }
}

/// Goal seek on the chain: the value of one input in one year that makes an output in
/// a year equal `target`, the other inputs as they are. Checked by running the chain again.
pub fn seek(
    setup: &ChainSetup,
    overrides: &BTreeMap<(ChainInput, i32), f64>,
    input: (ChainInput, i32),
    output: (ChainOutput, i32),
    target: f64,
) -> Result<GoalSeekAnswer, GoalSeekError> {
    if !setup.years.contains(&input.1) || !setup.years.contains(&output.1) {
        return Err(GoalSeekError::BadRange);
    }
    let evaluate = |x: f64| -> Result<f64, ChainError> {
        let mut trial = overrides.clone();
        trial.insert(input, x);
        let years = run(setup, &trial)?;
        years
            .iter()
            .find(|y| y.year == output.1)
            .map(|y| output.0.of(y))
            .ok_or(ChainError::BadInput)
    };
    let (low, high) = input_range(input.0);
    goal_seek(evaluate, target, low, high, (target.abs() * 1e-9).max(1e-9))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::catalog::{kon_tum, load_shipped};

    #[test]
    fn kon_tum_chain_runs_from_2023() {
        let model = kon_tum();
        let s = setup(&model).expect("setup");
        assert_eq!(s.base.year, 2023);
        assert_eq!(s.years, vec![2024, 2025]);
        assert_eq!(s.base.real_grdp.value, 18938.78);
        let shares: f64 = s.base.shares.iter().map(|d| d.value).sum();
        assert!((shares - 100.0).abs() < 1e-9);
        let years = run(&s, &BTreeMap::new()).expect("run");
        // Every sector at the 10 % plan gives 10 % growth.
        for y in &years {
            assert!((y.growth - 10.0).abs() < 1e-9, "{y:?}");
            let sum: f64 = y.contributions.iter().sum();
            assert!((sum - y.growth).abs() < 1e-9);
        }
        let mut slower = BTreeMap::new();
        slower.insert((ChainInput::SectorGrowth(Sector::Services), 2024), 5.0);
        let years = run(&s, &slower).expect("run");
        let first = years.first().expect("2024");
        assert!(first.growth < 10.0);
        let sum: f64 = first.contributions.iter().sum();
        assert!((sum - first.growth).abs() < 1e-9);
    }

    #[test]
    fn goal_seek_finds_the_growth_for_per_capita_70_million() {
        let model = kon_tum();
        let s = setup(&model).expect("setup");
        let input = (ChainInput::SectorGrowth(Sector::Services), 2025);
        let answer = seek(
            &s,
            &BTreeMap::new(),
            input,
            (ChainOutput::PerCapita, 2025),
            70.0,
        )
        .expect("answer");
        let mut check = BTreeMap::new();
        check.insert(input, answer.input);
        let years = run(&s, &check).expect("run");
        let y2025 = years.iter().find(|y| y.year == 2025).expect("2025");
        assert!(
            (y2025.per_capita - 70.0).abs() < 1e-6,
            "{}",
            y2025.per_capita
        );
    }

    #[test]
    fn the_linked_indicators_are_those_of_the_chain() {
        assert!(is_linked("grdp_per_capita"));
        assert!(is_linked("structure_services"));
        assert!(!is_linked("ginseng_area"));
        assert!(!is_linked(""));
    }

    #[test]
    fn a_model_without_the_figures_says_what_is_missing() {
        let models = load_shipped().0;
        let other = models.get(1).expect("second model");
        assert!(matches!(setup(other), Err(ChainError::MissingFigure(_))));
    }

    #[test]
    fn bad_overrides_are_errors_not_nan() {
        let model = kon_tum();
        let s = setup(&model).expect("setup");
        let mut o = BTreeMap::new();
        o.insert((ChainInput::PopulationGrowth, 2024), -100.0);
        assert_eq!(run(&s, &o), Err(ChainError::BadInput));
        let mut o = BTreeMap::new();
        o.insert(
            (ChainInput::SectorGrowth(Sector::Agriculture), 2024),
            -150.0,
        );
        assert_eq!(run(&s, &o), Err(ChainError::BadInput));
    }
}
