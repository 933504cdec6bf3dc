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

/// ICOR of one year from the data: (investment ÷ nominal GRDP) ÷ growth.
#[derive(Clone, Debug, PartialEq)]
pub struct IcorYear {
    /// Year.
    pub year: i32,
    /// Investment, billion VND (a result, an estimate or a derived figure).
    pub investment: f64,
    /// Nominal GRDP: per capita × (interpolated) population ÷ 1000, billion VND.
    pub nominal: f64,
    /// Real GRDP growth, percent.
    pub growth: f64,
    /// The ICOR.
    pub icor: f64,
    /// True when every input is a plan (the ICOR the plan implies), not a result.
    pub planned: bool,
}

/// The ICORs the data give, with the range of the results and a multi-year figure.
#[derive(Clone, Debug, PartialEq)]
pub struct IcorHistory {
    /// Every year that gives one, results and plans.
    pub years: Vec<IcorYear>,
    /// Lowest and highest ICOR of the result years.
    pub range: Option<(f64, f64)>,
    /// Multi-year ICOR of the result years: (Σ investment ÷ Σ nominal GRDP) ÷ mean
    /// growth, so one weak year does not set it alone.
    pub pooled: Option<f64>,
}

/// Population of a year, geometrically between the nearest figures around it
/// (results, estimates or plans).
fn population_in(model: &Model, year: i32) -> Option<f64> {
    let kinds = [FigureKind::Actual, FigureKind::Estimate, FigureKind::Plan];
    if let Some((v, _)) = figure_value(model, "average_population", Period::Year(year), &kinds) {
        return Some(v);
    }
    let points: Vec<(i32, f64)> = (model.term.base_year - 5..=model.term.last_year + 5)
        .filter_map(|y| {
            figure_value(model, "average_population", Period::Year(y), &kinds).map(|(v, _)| (y, v))
        })
        .collect();
    let before = points.iter().rev().find(|(y, _)| *y < year).copied()?;
    let after = points.iter().find(|(y, _)| *y > year).copied()?;
    let k = f64::from(year - before.0) / f64::from(after.0 - before.0);
    let v = before.1 * (after.1 / before.1).powf(k);
    (v.is_finite() && v > 0.0).then_some(v)
}

/// A level of `indicator` in `year` of one of `kinds`, any variant for derived figures
/// (the 2022 investment implied by 2023's growth is one).
fn level_any(model: &Model, indicator: &str, year: i32, kinds: &[FigureKind]) -> Option<f64> {
    figure_value(model, indicator, Period::Year(year), kinds)
        .map(|(v, _)| v)
        .or_else(|| {
            model
                .figures_of(indicator)
                .find(|f| {
                    kinds.contains(&FigureKind::Derived)
                        && f.kind == FigureKind::Derived
                        && f.measure == Measure::Level
                        && f.period == Period::Year(year)
                })
                .and_then(|f| match f.amount {
                    Amount::Point(v) => Some(v),
                    Amount::Range(..) => None,
                })
        })
}

fn growth_of(model: &Model, year: i32, kinds: &[FigureKind]) -> Option<f64> {
    model
        .figures_of("grdp_constant")
        .filter(|f| {
            kinds.contains(&f.kind)
                && f.measure == Measure::Growth
                && f.period == Period::Year(year)
                && f.variant.is_none()
        })
        .max_by(|a, b| compare_vintages(model, a, b))
        .map(|f| match f.amount {
            Amount::Point(v) => v,
            Amount::Range(lo, _) => lo,
        })
}

/// Every ICOR the model's figures give, in year order; plans are read at their floor
/// ("từ 30.000 tỷ đồng trở lên" as 30,000).
pub fn icor_history(model: &Model) -> IcorHistory {
    let results = [
        FigureKind::Actual,
        FigureKind::Estimate,
        FigureKind::Derived,
    ];
    let plans = [FigureKind::Plan];
    let plan_level = |indicator: &str, year: i32| {
        model
            .figures_of(indicator)
            .filter(|f| {
                f.kind == FigureKind::Plan
                    && f.measure == Measure::Level
                    && f.period == Period::Year(year)
                    && f.variant.is_none()
            })
            .max_by(|a, b| compare_vintages(model, a, b))
            .map(|f| match f.amount {
                Amount::Point(v) => v,
                Amount::Range(lo, _) => lo,
            })
    };
    let mut years = Vec::new();
    for year in model.term.first_year..=model.term.last_year {
        let population = population_in(model, year);
        let result = (|| {
            let investment = level_any(model, "total_social_investment", year, &results)?;
            let per_capita = level_any(model, "grdp_per_capita", year, &results)?;
            let growth = growth_of(model, year, &results)?;
            Some((investment, per_capita * population? / 1000.0, growth, false))
        })();
        let plan = (|| {
            let investment = plan_level("total_social_investment", year)?;
            let per_capita = plan_level("grdp_per_capita", year)?;
            let growth = growth_of(model, year, &plans)?;
            Some((investment, per_capita * population? / 1000.0, growth, true))
        })();
        for (investment, nominal, growth, planned) in result.into_iter().chain(plan) {
            let icor = investment / nominal / (growth / 100.0);
            if icor.is_finite() && icor > 0.0 {
                years.push(IcorYear {
                    year,
                    investment,
                    nominal,
                    growth,
                    icor,
                    planned,
                });
            }
        }
    }
    let done: Vec<&IcorYear> = years.iter().filter(|y| !y.planned).collect();
    let range = done
        .iter()
        .map(|y| y.icor)
        .fold(None, |acc: Option<(f64, f64)>, v| {
            Some(acc.map_or((v, v), |(lo, hi)| (lo.min(v), hi.max(v))))
        });
    let count = u32::try_from(done.len()).unwrap_or(0);
    let pooled = (count > 0)
        .then(|| {
            let inv: f64 = done.iter().map(|y| y.investment).sum();
            let nom: f64 = done.iter().map(|y| y.nominal).sum();
            let growth: f64 = done.iter().map(|y| y.growth).sum::<f64>() / f64::from(count);
            inv / nom / (growth / 100.0)
        })
        .filter(|v| v.is_finite());
    IcorHistory {
        years,
        range,
        pooled,
    }
}

/// The investment the chain needs, added up against a cumulative investment target.
#[derive(Clone, Debug, PartialEq)]
pub struct InvestmentTotal {
    /// The target (lũy kế) and its period, when the model has one.
    pub target: Option<(f64, i32, i32)>,
    /// Results (or estimates) counted, by year, up to the chain's base year.
    pub results: Vec<(i32, f64)>,
    /// Years of the target's period up to the base year with no result.
    pub missing: Vec<i32>,
    /// Investment the chain needs in its years.
    pub needed: Vec<(i32, f64)>,
    /// Results plus needs, when no year is missing.
    pub total: Option<f64>,
}

/// Adds the chain's investment needs to the results so far and sets them against the
/// cumulative investment target; says which years lack results instead of guessing.
pub fn investment_against_target(
    model: &Model,
    setup: &ChainSetup,
    years: &[ChainYear],
) -> InvestmentTotal {
    let target = model
        .figures_of("total_social_investment")
        .find(|f| {
            f.kind == FigureKind::TermTarget
                && f.measure == Measure::Cumulative
                && f.variant.is_none()
        })
        .and_then(|f| match (f.amount, f.period) {
            (Amount::Point(v), Period::Years(a, b)) => Some((v, a, b)),
            _ => None,
        });
    let (first, _) = target.map_or(
        (model.term.first_year, model.term.last_year),
        |(_, a, b)| (a, b),
    );
    let mut results = Vec::new();
    let mut missing = Vec::new();
    for y in first..=setup.base.year {
        match figure_value(model, "total_social_investment", Period::Year(y), &RESULT) {
            Some((v, _)) => results.push((y, v)),
            None => missing.push(y),
        }
    }
    let needed: Vec<(i32, f64)> = years.iter().map(|y| (y.year, y.investment)).collect();
    let total = missing.is_empty().then(|| {
        results.iter().map(|(_, v)| v).sum::<f64>() + needed.iter().map(|(_, v)| v).sum::<f64>()
    });
    InvestmentTotal {
        target,
        results,
        missing,
        needed,
        total: total.filter(|v| v.is_finite()),
    }
}

/// Budget revenue that follows nominal GRDP at a share of it (percent): the base year's
/// share (revenue ÷ nominal GRDP) unless `share` says otherwise. One value a year.
pub fn budget_following_nominal(
    setup: &ChainSetup,
    years: &[ChainYear],
    share: Option<f64>,
) -> (f64, Vec<(i32, f64)>) {
    let base_share = setup.base.budget_revenue.value / setup.base.nominal_grdp.value * 100.0;
    let share = share.filter(|v| v.is_finite()).unwrap_or(base_share);
    let path = years
        .iter()
        .map(|y| (y.year, y.nominal_grdp * share / 100.0))
        .filter(|(_, v)| v.is_finite())
        .collect();
    (share, path)
}

/// Something doubtful about a chain override.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ChainWarning {
    /// A growth rate (sector, deflator, population or budget) beyond ±30 % a year.
    ImplausibleGrowth {
        /// The input.
        input: ChainInput,
        /// Year.
        year: i32,
        /// Value typed, percent.
        value: f64,
    },
    /// An ICOR outside the range the data show.
    IcorOutsideRange {
        /// Year.
        year: i32,
        /// Value typed.
        value: f64,
        /// Lowest and highest ICOR of the result years.
        range: (f64, f64),
    },
}

/// The warnings of a set of overrides: implausible growth rates (beyond
/// [`crate::core::plan::rule::PLAUSIBLE_GROWTH`]) and an ICOR outside the data's range.
pub fn chain_warnings(
    overrides: &BTreeMap<(ChainInput, i32), f64>,
    history: &IcorHistory,
) -> Vec<ChainWarning> {
    let limit = crate::core::plan::rule::PLAUSIBLE_GROWTH;
    overrides
        .iter()
        .filter(|(_, v)| v.is_finite())
        .filter_map(|(&(input, year), &value)| match input {
            ChainInput::Icor => history
                .range
                .filter(|(lo, hi)| value < *lo || value > *hi)
                .map(|range| ChainWarning::IcorOutsideRange { year, value, range }),
            _ => (value.abs() > limit).then_some(ChainWarning::ImplausibleGrowth {
                input,
                year,
                value,
            }),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::catalog::{kon_tum, load_shipped};

    #[test]
    fn icor_from_several_years_with_its_range() {
        let model = load_shipped().0.into_iter().next().expect("model");
        let h = icor_history(&model);
        let icor = |year: i32, planned: bool| {
            h.years
                .iter()
                .find(|y| y.year == year && y.planned == planned)
                .map(|y| y.icor)
        };
        // 2022: investment 27,035 ÷ 1.1551 = 23,404.9; nominal GRDP 52.6 × 579,323 ÷ 1000
        // = 30,472.4 (population 568,780 × (601,000 ÷ 568,780)^(1/3)); growth 9.47 %:
        // 23,404.9 ÷ 30,472.4 ÷ 0.0947 = 8.11.
        assert!(
            icor(2022, false).is_some_and(|v| (v - 8.11).abs() < 0.005),
            "{h:?}"
        );
        // 2023: 27,035 ÷ 34,471.4 ÷ 0.0732 = 10.71, the one weak year.
        assert!(icor(2023, false).is_some_and(|v| (v - 10.71).abs() < 0.005));
        // 2024 plan: 30,000 ÷ (63.7 × 601,000 ÷ 1000 = 38,283.7) ÷ 0.10 = 7.84.
        assert!(icor(2024, true).is_some_and(|v| (v - 7.84).abs() < 0.005));
        let (lo, hi) = h.range.expect("range");
        assert!((lo - 8.11).abs() < 0.005 && (hi - 10.71).abs() < 0.005);
        // Pooled: (23,404.9 + 27,035) ÷ (30,472.4 + 34,471.4) ÷ ((9.47 + 7.32) ÷ 2 %)
        // = 0.77667 ÷ 0.08395 = 9.25.
        assert!(h.pooled.is_some_and(|v| (v - 9.25).abs() < 0.005));
    }

    #[test]
    fn implausible_overrides_are_flagged() {
        let model = load_shipped().0.into_iter().next().expect("model");
        let h = icor_history(&model);
        let mut o = BTreeMap::new();
        o.insert((ChainInput::SectorGrowth(Sector::Services), 2024), 31.0);
        o.insert((ChainInput::SectorGrowth(Sector::Agriculture), 2024), 30.0);
        // ICOR 12 lies above the 8.11-10.71 the results give; 9 lies inside.
        o.insert((ChainInput::Icor, 2025), 12.0);
        o.insert((ChainInput::Icor, 2024), 9.0);
        let w = chain_warnings(&o, &h);
        assert_eq!(w.len(), 2, "{w:?}");
        assert!(w.iter().any(|w| matches!(w, ChainWarning::ImplausibleGrowth { year: 2024, value, .. } if *value == 31.0)));
        assert!(w
            .iter()
            .any(|w| matches!(w, ChainWarning::IcorOutsideRange { year: 2025, .. })));
    }

    #[test]
    fn investment_is_added_up_against_the_cumulative_target() {
        let model = load_shipped().0.into_iter().next().expect("model");
        let s = setup(&model).expect("setup");
        let years = run(&s, &BTreeMap::new()).expect("run");
        let t = investment_against_target(&model, &s, &years);
        assert_eq!(t.target, Some((118000.0, 2021, 2025)));
        // Results up to the 2023 base: 27,035 only; 2021 and 2022 are missing, so no
        // total is claimed.
        assert_eq!(t.results, vec![(2023, 27035.0)]);
        assert_eq!(t.missing, vec![2021, 2022]);
        assert_eq!(t.total, None);
        assert_eq!(t.needed.len(), 2);
        // Budget at the 2023 share of nominal GRDP follows it year by year.
        let (share, path) = budget_following_nominal(&s, &years, None);
        let base = s.base.budget_revenue.value / s.base.nominal_grdp.value * 100.0;
        assert!((share - base).abs() < 1e-12);
        for ((_, b), y) in path.iter().zip(&years) {
            assert!((b / y.nominal_grdp * 100.0 - share).abs() < 1e-9);
        }
        let (_, edited) = budget_following_nominal(&s, &years, Some(10.0));
        let first = years.first().expect("2024");
        assert_eq!(edited.first().map(|p| p.1), Some(first.nominal_grdp * 0.1));
    }

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
