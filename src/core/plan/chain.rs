//! The linked growth chain, year by year to the end of the term: sector growth with last
//! year's constant-price weights gives GRDP growth and each sector's contribution in
//! points; real GRDP and a deflator give nominal GRDP; a population path gives GRDP per
//! capita; ICOR gives the investment the growth needs; budget revenue follows nominal
//! GRDP at a share of it. The chain starts from the last year with results.
//!
//! One scenario per draft: a GRDP growth the workbench assumes for a chain year is that
//! year's growth here too ([`with_given_growth`]): every sector then grows at it, and the
//! sector inputs of that year are not used.
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
    /// Budget revenue as a share of nominal GRDP, percent: revenue follows nominal GRDP.
    BudgetShare,
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
        ChainInput::BudgetShare,
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
            ChainInput::BudgetShare => "budget_share",
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
    /// A level grown by a stated rate: `from × (1 + growth)`.
    GrownByStatedRate {
        /// From (year, level).
        from: (i32, f64),
        /// Growth, percent.
        growth: f64,
        /// Key of the growth figure.
        key: String,
    },
    /// Nominal GRDP = real × a deflator carried from an earlier year at its average
    /// growth (no nominal figure for the year).
    NominalFromCarriedDeflator {
        /// Real GRDP.
        real: f64,
        /// The deflator used.
        deflator: f64,
        /// The last stated deflator (year, value).
        from: (i32, f64),
        /// Its yearly growth, percent.
        growth: f64,
    },
    /// A multi-year ICOR: (Σ investment ÷ Σ nominal GRDP) ÷ mean growth of the result
    /// years, with the range of the single years.
    PooledIcor {
        /// Lowest and highest single-year ICOR.
        range: (f64, f64),
        /// The result years pooled.
        years: Vec<i32>,
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
    /// Base year: the last year with results (or estimates) of GRDP, investment and
    /// budget revenue.
    pub year: i32,
    /// The last year with sector value added, whose structure the base carries.
    pub structure_year: i32,
    /// Real GRDP, constant 2010 prices, billion VND.
    pub real_grdp: Derived,
    /// Real GRDP growth stated for the base year, percent.
    pub growth: Option<f64>,
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
///
/// The base is the last year with results (or estimates) of GRDP, investment and budget
/// revenue, at or after the last year whose sector value added gives the structure
/// (Kon Tum: structure from 2023, base 2024). What the base year's own figures do not
/// give is carried from the structure year, each with its derivation: the sector shares
/// (no sector results), the deflator (at its average growth), the population (its
/// figure, or interpolated).
pub fn setup(model: &Model) -> Result<ChainSetup, ChainError> {
    let missing = ChainError::MissingFigure;
    const VALUE_ADDED: [&str; 3] = ["va_agriculture", "va_industry_construction", "va_services"];
    // Structure year: the last year with real GRDP and the three sectors' value added.
    let structure_year = (model.term.first_year..=model.term.last_year)
        .rev()
        .find(|&y| {
            figure_value(model, "grdp_constant", Period::Year(y), &RESULT).is_some()
                && VALUE_ADDED
                    .iter()
                    .all(|i| figure_value(model, i, Period::Year(y), &RESULT).is_some())
        })
        .ok_or(missing("real GRDP and sector value added in one year"))?;
    let (real_s, real_s_key) = figure_value(
        model,
        "grdp_constant",
        Period::Year(structure_year),
        &RESULT,
    )
    .ok_or(missing("real GRDP"))?;
    let result_growth = |y: i32| {
        model
            .figures_of("grdp_constant")
            .filter(|f| {
                (f.kind.is_result() || f.kind == FigureKind::Derived)
                    && f.measure == Measure::Growth
                    && f.period == Period::Year(y)
                    && f.variant.is_none()
            })
            .max_by(|a, b| compare_vintages(model, a, b))
            .map(|f| (f.amount.central(), crate::core::model::load::figure_key(f)))
    };
    let has = |indicator: &str, y: i32| {
        figure_value(model, indicator, Period::Year(y), &RESULT).is_some()
    };
    // Base year: the last year from the structure year on with results of GRDP (a level
    // or a growth rate), investment and budget revenue.
    let year = (structure_year..=model.term.last_year)
        .rev()
        .find(|&y| {
            y == structure_year
                || ((has("grdp_constant", y) || result_growth(y).is_some())
                    && has("total_social_investment", y)
                    && has("budget_revenue", y))
        })
        .unwrap_or(structure_year);
    let population = population_in(model, year).ok_or(missing("population"))?;
    let pop_how = match figure_value(
        model,
        "average_population",
        Period::Year(year),
        &[FigureKind::Actual, FigureKind::Estimate, FigureKind::Plan],
    ) {
        Some((_, key)) => Derivation::Stated { key },
        None => Derivation::Interpolated {
            from: population_point(model, year, true).ok_or(missing("population"))?,
            to: population_point(model, year, false).ok_or(missing("population"))?,
        },
    };
    // Population growth: the average between the figures before and after the base, or,
    // when the base year has its own figure, from the figure before it.
    let pop_from = population_point(model, year, true).ok_or(missing("population"))?;
    let pop_to = population_point(model, year, false).unwrap_or((year, population));
    let pop_growth =
        ((pop_to.1 / pop_from.1).powf(1.0 / f64::from(pop_to.0 - pop_from.0)) - 1.0) * 100.0;
    let population_s = population_in(model, structure_year).ok_or(missing("population"))?;
    let (per_capita_s, _) = figure_value(
        model,
        "grdp_per_capita",
        Period::Year(structure_year),
        &RESULT,
    )
    .ok_or(missing("GRDP per capita"))?;
    let nominal_s = per_capita_s * population_s / 1000.0;
    let va: Vec<f64> = VALUE_ADDED
        .iter()
        .map(|i| figure_value(model, i, Period::Year(structure_year), &RESULT).map(|(v, _)| v))
        .collect::<Option<Vec<f64>>>()
        .ok_or(missing("sector value added"))?;
    let taxes = nominal_s - va.iter().sum::<f64>();
    if !(taxes.is_finite() && nominal_s > 0.0 && real_s > 0.0 && population > 0.0) {
        return Err(ChainError::BadInput);
    }
    let share = |part: f64| Derived {
        value: part / nominal_s * 100.0,
        how: Derivation::Share {
            part,
            whole: nominal_s,
        },
    };
    let shares = [
        share(va.first().copied().unwrap_or(0.0)),
        share(va.get(1).copied().unwrap_or(0.0)),
        share(va.get(2).copied().unwrap_or(0.0)),
        share(taxes),
    ];

    // Deflator growth: average from the term's base year to the structure year.
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
    let d_s = nominal_s / real_s;
    let deflator_growth =
        ((d_s / d0).powf(1.0 / f64::from(structure_year - model.term.base_year)) - 1.0) * 100.0;
    let deflator_how = Derivation::AverageGrowth {
        from: (model.term.base_year, d0),
        to: (structure_year, d_s),
    };

    // The base year's real GRDP: its stated level (the newest vintage, as the indicator
    // panel starts from), else the structure year's grown by the stated rate.
    let (real, real_how) = if year == structure_year {
        (real_s, Derivation::Stated { key: real_s_key })
    } else {
        match figure_value(model, "grdp_constant", Period::Year(year), &RESULT) {
            Some((v, key)) => (v, Derivation::Stated { key }),
            None => {
                let (g, key) = result_growth(year).ok_or(missing("GRDP growth"))?;
                (
                    real_s * (1.0 + g / 100.0),
                    Derivation::GrownByStatedRate {
                        from: (structure_year, real_s),
                        growth: g,
                        key,
                    },
                )
            }
        }
    };
    let (nominal, nominal_how) = if year == structure_year {
        (
            nominal_s,
            Derivation::NominalFromPerCapita {
                per_capita: per_capita_s,
                population: population_s,
            },
        )
    } else {
        let carried = d_s * (1.0 + deflator_growth / 100.0).powi(year - structure_year);
        (
            real * carried,
            Derivation::NominalFromCarriedDeflator {
                real,
                deflator: carried,
                from: (structure_year, d_s),
                growth: deflator_growth,
            },
        )
    };
    let (budget, budget_key) = figure_value(model, "budget_revenue", Period::Year(year), &RESULT)
        .ok_or(missing("budget revenue"))?;
    let budget_share = budget / nominal * 100.0;
    let icor = icor_history(model);
    let icor_default = match (icor.pooled, icor.range) {
        (Some(pooled), Some(range)) => Derived {
            value: pooled,
            how: Derivation::PooledIcor {
                range,
                years: icor
                    .years
                    .iter()
                    .filter(|y| !y.planned)
                    .map(|y| y.year)
                    .collect(),
            },
        },
        _ => return Err(missing("investment, GRDP and growth of one year")),
    };

    let years: Vec<i32> = (year + 1..=model.term.last_year).collect();
    let mut defaults = BTreeMap::new();
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
                how: deflator_how.clone(),
            },
        );
        defaults.insert(
            (ChainInput::PopulationGrowth, y),
            Derived {
                value: pop_growth,
                how: Derivation::AverageGrowth {
                    from: pop_from,
                    to: pop_to,
                },
            },
        );
        defaults.insert((ChainInput::Icor, y), icor_default.clone());
        defaults.insert(
            (ChainInput::BudgetShare, y),
            Derived {
                value: budget_share,
                how: Derivation::Share {
                    part: budget,
                    whole: nominal,
                },
            },
        );
    }
    if defaults.values().any(|d| !d.value.is_finite()) || !(nominal > 0.0 && real > 0.0) {
        return Err(ChainError::BadInput);
    }
    Ok(ChainSetup {
        base: ChainBase {
            year,
            structure_year,
            real_grdp: Derived {
                value: real,
                how: real_how,
            },
            growth: result_growth(year).map(|(g, _)| g),
            nominal_grdp: Derived {
                value: nominal,
                how: nominal_how,
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

/// The nearest population figure before `year` (`before`) or after it.
fn population_point(model: &Model, year: i32, before: bool) -> Option<(i32, f64)> {
    let kinds = [FigureKind::Actual, FigureKind::Estimate, FigureKind::Plan];
    let value = |y: i32| {
        figure_value(model, "average_population", Period::Year(y), &kinds).map(|(v, _)| (y, v))
    };
    if before {
        (model.term.base_year - 5..year).rev().find_map(value)
    } else {
        (year + 1..=model.term.last_year + 5).find_map(value)
    }
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
        let icor = input(ChainInput::Icor, year)?;
        let nominal = real * deflator;
        let budget = nominal * input(ChainInput::BudgetShare, year)? / 100.0;
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

/// The indicator whose workbench assumptions give the chain its GRDP growth.
pub const GIVEN_GROWTH_INDICATOR: &str = "grdp_constant";

/// One scenario per draft, in the chain's terms: a year's GRDP growth comes from one
/// place. The rule: a GRDP growth the workbench assumes for a chain year wins; in that
/// year every sector grows at it (so GRDP grows at it exactly, whatever the weights) and
/// the sector inputs typed for the year are not used. A year with typed sector inputs and
/// no workbench assumption takes its growth from the sectors, and the workbench shows it
/// as given by the chain.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OneScenario {
    /// The chain's overrides to run: the typed ones, with the workbench's years set.
    pub chain: BTreeMap<(ChainInput, i32), f64>,
    /// Chain years whose growth the workbench sets, with that growth (percent).
    pub from_workbench: BTreeMap<i32, f64>,
    /// Chain years whose growth the typed sector inputs set (percent), for the
    /// workbench to show as given.
    pub from_chain: BTreeMap<i32, f64>,
}

/// Applies the one-scenario rule to the typed chain inputs and the workbench's GRDP
/// growth assumptions (`workbench`: year → percent). Years outside the chain (results)
/// are left to the workbench alone.
pub fn one_scenario(
    setup: &ChainSetup,
    typed: &BTreeMap<(ChainInput, i32), f64>,
    workbench: &BTreeMap<i32, f64>,
) -> OneScenario {
    let from_workbench: BTreeMap<i32, f64> = workbench
        .iter()
        .filter(|(y, v)| setup.years.contains(y) && v.is_finite())
        .map(|(y, v)| (*y, *v))
        .collect();
    let mut chain = typed.clone();
    for (&year, &g) in &from_workbench {
        for s in SECTORS {
            chain.insert((ChainInput::SectorGrowth(s), year), g);
        }
    }
    let sector_typed: Vec<i32> = setup
        .years
        .iter()
        .copied()
        .filter(|y| !from_workbench.contains_key(y))
        .filter(|y| {
            SECTORS
                .iter()
                .any(|s| typed.contains_key(&(ChainInput::SectorGrowth(*s), *y)))
        })
        .collect();
    let from_chain = if sector_typed.is_empty() {
        BTreeMap::new()
    } else {
        run(setup, &chain)
            .map(|years| {
                years
                    .into_iter()
                    .filter(|y| sector_typed.contains(&y.year))
                    .map(|y| (y.year, y.growth))
                    .collect()
            })
            .unwrap_or_default()
    };
    OneScenario {
        chain,
        from_workbench,
        from_chain,
    }
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
        ChainInput::SectorGrowth(_) => (-50.0, 100.0),
        ChainInput::BudgetShare => (0.0, 100.0),
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
            ChainInput::BudgetShare => None,
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
        // Results up to the 2024 base: 27,035 (2023 estimate) and 30,000 (2024
        // estimate); 2021 and 2022 are missing, so no total is claimed.
        assert_eq!(t.results, vec![(2023, 27035.0), (2024, 30000.0)]);
        assert_eq!(t.missing, vec![2021, 2022]);
        assert_eq!(t.total, None);
        // The chain needs 2025 only: pooled ICOR 9.2516 × 10 % × nominal 44,273.2 =
        // 40,960 (pooled: 50,439.9 ÷ 64,943.8 ÷ 8.395 % = 9.2516).
        assert_eq!(t.needed.len(), 1);
        assert!(t
            .needed
            .first()
            .is_some_and(|(y, v)| *y == 2025 && (v - 40960.0).abs() < 5.0));
        // Budget at the 2024 share of nominal GRDP follows it year by year.
        let (share, path) = budget_following_nominal(&s, &years, None);
        let base = s.base.budget_revenue.value / s.base.nominal_grdp.value * 100.0;
        assert!((share - base).abs() < 1e-12);
        for ((_, b), y) in path.iter().zip(&years) {
            assert!((b / y.nominal_grdp * 100.0 - share).abs() < 1e-9);
        }
        let (_, edited) = budget_following_nominal(&s, &years, Some(10.0));
        let first = years.first().expect("2025");
        assert_eq!(edited.first().map(|p| p.1), Some(first.nominal_grdp * 0.1));
    }

    #[test]
    fn kon_tum_defaults_from_the_2024_base() {
        let model = kon_tum();
        let s = setup(&model).expect("setup");
        let near = |v: Option<f64>, want: f64, tol: f64| v.is_some_and(|v| (v - want).abs() < tol);
        let default = |i: ChainInput| s.defaults.get(&(i, 2025)).map(|d| d.value);
        // Population 2023 = 568,780 × (601,000 ÷ 568,780)^(2/3) = 590,062; nominal 2023 =
        // 58.42 × 590,062 ÷ 1000 = 34,471.4; deflator 2023 = 34,471.4 ÷ 18,938.78 =
        // 1.82015; 2020: 24,003 ÷ 15,076 = 1.59213; growth (1.82015 ÷ 1.59213)^(1/3) − 1
        // = 4.5625 %. No 2024 nominal figure: deflator 2024 = 1.82015 × 1.045625 =
        // 1.90319, nominal 2024 = 20,225 × 1.90319 = 38,492.1.
        assert!(near(default(ChainInput::DeflatorGrowth), 4.5625, 0.001));
        assert!(near(Some(s.base.nominal_grdp.value), 38492.1, 0.5));
        assert!(matches!(
            s.base.nominal_grdp.how,
            Derivation::NominalFromCarriedDeflator { .. }
        ));
        // Population 2024: the figure 601,000; growth (601,000 ÷ 568,780)^(1/3) − 1 =
        // 1.8537 % a year.
        assert_eq!(s.base.population.value, 601000.0);
        assert!(near(default(ChainInput::PopulationGrowth), 1.8537, 0.001));
        // ICOR: the pooled 9.25, with the single years' range 8.11-10.71.
        assert!(near(default(ChainInput::Icor), 9.25, 0.005));
        assert!(matches!(
            s.defaults.get(&(ChainInput::Icor, 2025)).map(|d| &d.how),
            Some(Derivation::PooledIcor { range, years }) if (range.0 - 8.11).abs() < 0.005
                && (range.1 - 10.71).abs() < 0.005 && years == &vec![2022, 2023]
        ));
        // Budget share: 4,425 ÷ 38,492.1 = 11.496 % of nominal GRDP.
        assert!(near(default(ChainInput::BudgetShare), 11.496, 0.001));
        let years = run(&s, &BTreeMap::new()).expect("run");
        let y = years.first().expect("2025");
        // 2025 at the 10 % plan: real 20,225 × 1.1 = 22,247.5; nominal 22,247.5 ×
        // 1.90319 × 1.045625 = 44,273.2; population 601,000 × 1.018537 = 612,141; per
        // capita 44,273.2 × 1000 ÷ 612,141 = 72.33; budget 4,425 × 1.1 × 1.045625 =
        // 5,089.6 (it follows nominal GRDP); investment 9.2516 × 10 % × 44,273.2 = 40,960.
        assert!(near(Some(y.real_grdp), 22247.5, 1e-6));
        assert!(near(Some(y.nominal_grdp), 44273.2, 0.5));
        assert!(near(Some(y.per_capita), 72.33, 0.005));
        assert!(near(Some(y.budget_revenue), 5089.6, 0.1));
        assert!(near(Some(y.investment), 40960.0, 5.0));
    }

    #[test]
    fn one_growth_per_year_the_workbench_wins() {
        let model = kon_tum();
        let s = setup(&model).expect("setup");
        let services = (ChainInput::SectorGrowth(Sector::Services), 2025);
        let mut typed = BTreeMap::new();
        typed.insert(services, 11.0);
        // Services at 11 %, the rest at the 10 % plan: 10 + 40.503 % × 1 = 10.405 %
        // (services' 2023 weight 13,962 ÷ 34,471.4); the workbench, with nothing typed,
        // shows that year as given by the chain.
        let one = one_scenario(&s, &typed, &BTreeMap::new());
        assert!(one.from_workbench.is_empty());
        assert!(one
            .from_chain
            .get(&2025)
            .is_some_and(|g| (g - 10.405).abs() < 0.001));
        // 12.5 % typed in the workbench for 2025: every sector grows 12.5 %, the typed
        // 11 % is not used, GRDP 2025 = 20,225 × 1.125 = 22,753.125.
        let mut workbench = BTreeMap::new();
        workbench.insert(2025, 12.5);
        workbench.insert(2024, 20.0);
        let one = one_scenario(&s, &typed, &workbench);
        // 2024 is a result year of the chain: the workbench alone deals with it.
        assert_eq!(
            one.from_workbench.keys().copied().collect::<Vec<_>>(),
            vec![2025]
        );
        assert!(one.from_chain.is_empty());
        assert_eq!(one.chain.get(&services), Some(&12.5));
        let years = run(&s, &one.chain).expect("run");
        let y = years.first().expect("2025");
        assert!((y.growth - 12.5).abs() < 1e-9);
        assert!((y.real_grdp - 22753.125).abs() < 1e-6);
    }

    #[test]
    fn kon_tum_chain_runs_from_2024() {
        let model = kon_tum();
        let s = setup(&model).expect("setup");
        // 2024 has estimates of GRDP (20,225), investment (30,000) and budget revenue
        // (4,425); the sector structure is 2023's, the last year with value added.
        assert_eq!(s.base.year, 2024);
        assert_eq!(s.base.structure_year, 2023);
        assert_eq!(s.years, vec![2025]);
        assert_eq!(s.base.real_grdp.value, 20225.0);
        assert_eq!(s.base.budget_revenue.value, 4425.0);
        // 2024 growth as stated: 97.8 % of the 10 % plan = 9.78 %.
        assert!(s.base.growth.is_some_and(|g| (g - 9.78).abs() < 1e-9));
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
        slower.insert((ChainInput::SectorGrowth(Sector::Services), 2025), 5.0);
        let years = run(&s, &slower).expect("run");
        let first = years.first().expect("2025");
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
        o.insert((ChainInput::PopulationGrowth, 2025), -100.0);
        assert_eq!(run(&s, &o), Err(ChainError::BadInput));
        let mut o = BTreeMap::new();
        o.insert(
            (ChainInput::SectorGrowth(Sector::Agriculture), 2025),
            -150.0,
        );
        assert_eq!(run(&s, &o), Err(ChainError::BadInput));
    }
}
