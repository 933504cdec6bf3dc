//! Goal seek: the input value that makes an output meet its target, like Excel's Goal
//! Seek but robust. It first scans the whole input range to **bracket** every crossing
//! of the target, says so when there is none or more than one, then narrows the one
//! bracket by bisection, and finally **checks** the answer by evaluating the model again.
//!
//! The model is any function `f(input) -> Result<output, E>`; inputs where it fails are
//! skipped while scanning. Pure: no clock, no randomness, bounded work.

use std::fmt;

/// How many equal steps the scan takes across the range.
pub const SCAN_STEPS: usize = 200;
/// Bisection stops after this many halvings at most.
pub const MAX_HALVINGS: usize = 200;

/// A successful goal seek.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GoalSeekAnswer {
    /// The input value found.
    pub input: f64,
    /// The output the model gives at that input (re-evaluated).
    pub output: f64,
}

/// Why goal seek found no single answer.
#[derive(Clone, Debug, PartialEq)]
pub enum GoalSeekError {
    /// The range is empty, reversed or not finite, or the target is not finite.
    BadRange,
    /// The output never reaches the target inside the range; the closest it comes.
    NoSolutionInRange {
        /// Lowest output seen.
        min_output: f64,
        /// Highest output seen.
        max_output: f64,
    },
    /// The output crosses the target more than once: one input per crossing.
    MultipleSolutions(Vec<f64>),
    /// The model could not be evaluated anywhere in the range.
    ModelFailed,
    /// The answer did not re-evaluate to the target within tolerance.
    NotVerified {
        /// The input found.
        input: f64,
        /// The output at that input.
        output: f64,
    },
}

impl fmt::Display for GoalSeekError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GoalSeekError::BadRange => write!(f, "the input range or target is not valid"),
            GoalSeekError::NoSolutionInRange {
                min_output,
                max_output,
            } => write!(
                f,
                "no solution in range (output goes from {min_output} to {max_output})"
            ),
            GoalSeekError::MultipleSolutions(xs) => {
                write!(f, "{} solutions in range", xs.len())
            }
            GoalSeekError::ModelFailed => write!(f, "the model fails across the range"),
            GoalSeekError::NotVerified { input, output } => {
                write!(f, "answer {input} gives {output}, not the target")
            }
        }
    }
}

impl std::error::Error for GoalSeekError {}

/// Finds the `input` in `[low, high]` where `model(input)` equals `target`, to within
/// `tolerance` on the output.
pub fn goal_seek<E>(
    model: impl Fn(f64) -> Result<f64, E>,
    target: f64,
    low: f64,
    high: f64,
    tolerance: f64,
) -> Result<GoalSeekAnswer, GoalSeekError> {
    if !(low.is_finite() && high.is_finite() && target.is_finite() && low < high) {
        return Err(GoalSeekError::BadRange);
    }
    let tolerance = if tolerance.is_finite() && tolerance > 0.0 {
        tolerance
    } else {
        1e-9
    };
    let gap = |x: f64| model(x).ok().filter(|y| y.is_finite()).map(|y| y - target);

    // Scan: keep every step where the gap changes sign (or touches zero).
    let step = (high - low) / SCAN_STEPS as f64;
    let mut brackets: Vec<(f64, f64)> = Vec::new();
    let mut previous: Option<(f64, f64)> = None;
    let mut min_out = f64::INFINITY;
    let mut max_out = f64::NEG_INFINITY;
    for i in 0..=SCAN_STEPS {
        let x = if i == SCAN_STEPS {
            high
        } else {
            low + step * i as f64
        };
        let Some(g) = gap(x) else {
            previous = None;
            continue;
        };
        min_out = min_out.min(g + target);
        max_out = max_out.max(g + target);
        if let Some((px, pg)) = previous {
            let touches_here = g == 0.0;
            if (pg < 0.0 && g > 0.0) || (pg > 0.0 && g < 0.0) || touches_here {
                brackets.push((px, x));
            }
        } else if g == 0.0 {
            brackets.push((x, x));
        }
        previous = Some((x, g));
    }
    if !min_out.is_finite() {
        return Err(GoalSeekError::ModelFailed);
    }
    brackets.dedup_by(|b, a| a.1 == b.0 && a.1 == b.1);
    match brackets.as_slice() {
        [] => Err(GoalSeekError::NoSolutionInRange {
            min_output: min_out,
            max_output: max_out,
        }),
        [(a, b)] => {
            let x = bisect(&gap, *a, *b, tolerance);
            verify(&model, x, target, tolerance)
        }
        many => Err(GoalSeekError::MultipleSolutions(
            many.iter()
                .map(|(a, b)| bisect(&gap, *a, *b, tolerance))
                .collect(),
        )),
    }
}

fn bisect(gap: &impl Fn(f64) -> Option<f64>, mut a: f64, mut b: f64, tolerance: f64) -> f64 {
    let Some(mut ga) = gap(a) else {
        return (a + b) / 2.0;
    };
    if ga == 0.0 {
        return a;
    }
    for _ in 0..MAX_HALVINGS {
        let m = (a + b) / 2.0;
        let Some(gm) = gap(m) else { return m };
        if gm.abs() <= tolerance / 4.0 || (b - a).abs() <= f64::EPSILON * m.abs().max(1.0) {
            return m;
        }
        if (ga < 0.0) == (gm < 0.0) {
            a = m;
            ga = gm;
        } else {
            b = m;
        }
    }
    (a + b) / 2.0
}

fn verify<E>(
    model: &impl Fn(f64) -> Result<f64, E>,
    input: f64,
    target: f64,
    tolerance: f64,
) -> Result<GoalSeekAnswer, GoalSeekError> {
    match model(input) {
        Ok(output) if output.is_finite() && (output - target).abs() <= tolerance => {
            Ok(GoalSeekAnswer { input, output })
        }
        Ok(output) => Err(GoalSeekError::NotVerified { input, output }),
        Err(_) => Err(GoalSeekError::ModelFailed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(f: impl Fn(f64) -> f64) -> impl Fn(f64) -> Result<f64, ()> {
        move |x| Ok(f(x))
    }

    #[test]
    fn finds_the_growth_that_reaches_a_level() {
        // 18,938.78 × (1.10) × (1 + g) = 24,280 → g ≈ 16.5 %
        let answer = goal_seek(
            ok(|g| 18938.78 * 1.10 * (1.0 + g)),
            24280.0,
            -0.5,
            1.0,
            1e-6,
        )
        .expect("answer");
        assert!((answer.input - 0.1655).abs() < 0.001, "{answer:?}");
        assert!((answer.output - 24280.0).abs() <= 1e-6);
    }

    #[test]
    fn says_when_there_is_no_solution_or_several() {
        let none = goal_seek(ok(|x| x * x + 1.0), 0.0, -2.0, 2.0, 1e-9);
        assert!(
            matches!(none, Err(GoalSeekError::NoSolutionInRange { .. })),
            "{none:?}"
        );
        let two = goal_seek(ok(|x| x * x), 1.0, -2.0, 2.0, 1e-9);
        match two {
            Err(GoalSeekError::MultipleSolutions(xs)) => {
                assert_eq!(xs.len(), 2);
                assert!(xs.iter().any(|x| (x + 1.0).abs() < 1e-6));
                assert!(xs.iter().any(|x| (x - 1.0).abs() < 1e-6));
            }
            other => panic!("expected two solutions, got {other:?}"),
        }
    }

    #[test]
    fn rejects_bad_ranges_and_failing_models() {
        assert_eq!(
            goal_seek(ok(|x| x), 1.0, 2.0, 1.0, 1e-9),
            Err(GoalSeekError::BadRange)
        );
        assert_eq!(
            goal_seek(ok(|x| x), f64::NAN, 0.0, 1.0, 1e-9),
            Err(GoalSeekError::BadRange)
        );
        let failing = goal_seek(|_| Err::<f64, ()>(()), 1.0, 0.0, 1.0, 1e-9);
        assert_eq!(failing, Err(GoalSeekError::ModelFailed));
    }

    #[test]
    fn skips_inputs_where_the_model_fails() {
        // Undefined below zero, crosses the target once above it.
        let model = |x: f64| if x < 0.0 { Err(()) } else { Ok(x.sqrt()) };
        let answer = goal_seek(model, 2.0, -10.0, 10.0, 1e-9).expect("answer");
        assert!((answer.input - 4.0).abs() < 1e-6);
    }
}
