//! The planning formulas of `shared/domain.md`: the pace a target needs in the years
//! left, the pace achieved so far, and compounding along an assumed path.
//!
//! Rates here are **fractions** (0.07 is 7 %); callers convert from the percent the
//! documents write. Every function returns a typed error instead of NaN or infinity: a
//! zero or negative base, no years left, a rate of −100 % or worse, a non-finite input
//! or an overflow. No I/O, no model types: plain numbers in, plain numbers out.

use std::fmt;

/// Why a pace cannot be computed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaceError {
    /// The target year is not after the starting year.
    NoYearsLeft,
    /// Growth needs a positive starting level.
    BaseNotPositive,
    /// Growth to a non-positive target is undefined.
    TargetNotPositive,
    /// A rate of −100 % or below wipes the level out.
    RateAtOrBelowMinus100,
    /// An input is NaN or infinite.
    NonFinite,
    /// The result does not fit in a finite number.
    Overflow,
}

impl fmt::Display for PaceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PaceError::NoYearsLeft => "no years left before the target year",
            PaceError::BaseNotPositive => "starting level must be positive",
            PaceError::TargetNotPositive => "target level must be positive",
            PaceError::RateAtOrBelowMinus100 => "a rate of -100% or below",
            PaceError::NonFinite => "an input is not a finite number",
            PaceError::Overflow => "the result overflows",
        })
    }
}

impl std::error::Error for PaceError {}

fn finite(values: &[f64]) -> Result<(), PaceError> {
    if values.iter().all(|v| v.is_finite()) {
        Ok(())
    } else {
        Err(PaceError::NonFinite)
    }
}

fn checked(v: f64) -> Result<f64, PaceError> {
    if v.is_finite() {
        Ok(v)
    } else {
        Err(PaceError::Overflow)
    }
}

/// Average yearly growth that takes `from` to `to` in `years` years:
/// `(to / from)^(1/years) − 1`.
pub fn growth_between(from: f64, to: f64, years: i32) -> Result<f64, PaceError> {
    finite(&[from, to])?;
    if years <= 0 {
        return Err(PaceError::NoYearsLeft);
    }
    if from <= 0.0 {
        return Err(PaceError::BaseNotPositive);
    }
    if to <= 0.0 {
        return Err(PaceError::TargetNotPositive);
    }
    checked((to / from).powf(1.0 / f64::from(years)) - 1.0)
}

/// The level reached from `level` after growing at each rate in turn.
pub fn compound(level: f64, rates: &[f64]) -> Result<f64, PaceError> {
    finite(&[level])?;
    finite(rates)?;
    let mut out = level;
    for &r in rates {
        if r <= -1.0 {
            return Err(PaceError::RateAtOrBelowMinus100);
        }
        out = checked(out * (1.0 + r))?;
    }
    Ok(out)
}

/// The product of `(1 + r)` over the rates: the growth factor of a path.
pub fn growth_factor(rates: &[f64]) -> Result<f64, PaceError> {
    compound(1.0, rates)
}

/// Average yearly growth needed in `free_years` years to go from `level` to `target`,
/// after the assumed rates of the other remaining years:
/// `(target / (level × Π(1 + aᵢ)))^(1/free_years) − 1`.
pub fn required_growth(
    level: f64,
    target: f64,
    assumed: &[f64],
    free_years: i32,
) -> Result<f64, PaceError> {
    let after_assumed = compound(level, assumed)?;
    if level <= 0.0 {
        return Err(PaceError::BaseNotPositive);
    }
    growth_between(after_assumed, target, free_years)
}

/// Yearly growth needed in the remaining years to make the average over the whole
/// period equal `average`: `((1 + ḡ)^N / Π(1 + gᵢ))^(1/n) − 1`, where `known` are the
/// rates of the years already past and `remaining` is n.
pub fn required_growth_for_average(
    average: f64,
    period_years: i32,
    known: &[f64],
    remaining: i32,
) -> Result<f64, PaceError> {
    finite(&[average])?;
    if average <= -1.0 {
        return Err(PaceError::RateAtOrBelowMinus100);
    }
    let whole = checked((1.0 + average).powi(period_years))?;
    let so_far = growth_factor(known)?;
    growth_between(so_far, whole, remaining)
}

/// Amount per year needed in `free_years` years to add up from `done` (plus the
/// assumed amounts) to `target`: for cumulative totals, stocks, shares and counts.
pub fn required_increment(
    done: f64,
    target: f64,
    assumed: &[f64],
    free_years: i32,
) -> Result<f64, PaceError> {
    finite(&[done, target])?;
    finite(assumed)?;
    if free_years <= 0 {
        return Err(PaceError::NoYearsLeft);
    }
    let assumed_total: f64 = assumed.iter().sum();
    checked((target - done - assumed_total) / f64::from(free_years))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn close(actual: Result<f64, PaceError>, expected: f64, tolerance: f64) {
        let v = actual.expect("a value");
        assert!((v - expected).abs() <= tolerance, "{v} != {expected}");
    }

    #[test]
    fn worked_example_of_the_domain_primer() {
        // GRDP 2020 = 15,076; +10 %/year to 2025 gives about 24,280.
        let target = compound(15076.0, &[0.1; 5]).expect("level");
        assert!((target - 24280.0).abs() < 1.0, "{target}");
        // From the 2023 estimate, 2024 and 2025 need about 13.2 % a year…
        close(required_growth(18938.78, target, &[], 2), 0.132, 0.001);
        // …and if 2024 only reaches its plan of +10 %, 2025 alone needs about 16.5 %.
        close(required_growth(18938.78, target, &[0.10], 1), 0.165, 0.001);
    }

    #[test]
    fn average_growth_over_the_period() {
        // Three years at 10 % leave two years at 10 %.
        close(
            required_growth_for_average(0.1, 5, &[0.1, 0.1, 0.1], 2),
            0.1,
            1e-12,
        );
        // Lower years before need more after.
        let r = required_growth_for_average(0.1, 5, &[0.0647, 0.0947, 0.0732], 2).expect("r");
        assert!(r > 0.13 && r < 0.14, "{r}");
    }

    #[test]
    fn increments_for_stocks_and_totals() {
        // Ginseng: 2,385 ha in 2023 to 4,500 ha in 2025 needs 1,057.5 ha a year.
        close(required_increment(2385.0, 4500.0, &[], 2), 1057.5, 1e-9);
        // With 500 ha assumed in 2024, 2025 needs 1,615 ha.
        close(
            required_increment(2385.0, 4500.0, &[500.0], 1),
            1615.0,
            1e-9,
        );
        // A falling rate: 63 % to 60 % in 3 years is −1 point a year.
        close(required_increment(63.0, 60.0, &[], 3), -1.0, 1e-12);
    }

    #[test]
    fn bad_inputs_give_typed_errors() {
        assert_eq!(
            growth_between(0.0, 10.0, 2),
            Err(PaceError::BaseNotPositive)
        );
        assert_eq!(
            growth_between(-5.0, 10.0, 2),
            Err(PaceError::BaseNotPositive)
        );
        assert_eq!(
            growth_between(5.0, 0.0, 2),
            Err(PaceError::TargetNotPositive)
        );
        assert_eq!(growth_between(5.0, 10.0, 0), Err(PaceError::NoYearsLeft));
        assert_eq!(growth_between(5.0, 10.0, -1), Err(PaceError::NoYearsLeft));
        assert_eq!(
            compound(5.0, &[-1.0]),
            Err(PaceError::RateAtOrBelowMinus100)
        );
        assert_eq!(compound(f64::NAN, &[0.1]), Err(PaceError::NonFinite));
        assert_eq!(compound(1e300, &[1e10, 1e10]), Err(PaceError::Overflow));
        assert_eq!(
            required_increment(1.0, 2.0, &[], 0),
            Err(PaceError::NoYearsLeft)
        );
        assert_eq!(
            required_growth_for_average(-1.5, 5, &[], 2),
            Err(PaceError::RateAtOrBelowMinus100)
        );
    }
}
