//! Sensitivity tables: one output evaluated over a range of one input, or over a grid of
//! two. The model is any function; cells where it fails are `None`, never NaN.

/// `count` evenly spaced values centred on `center`, `step` apart (count made odd).
pub fn steps(center: f64, step: f64, count: usize) -> Vec<f64> {
    if !(center.is_finite() && step.is_finite()) || step <= 0.0 {
        return vec![center].into_iter().filter(|v| v.is_finite()).collect();
    }
    let half = count.min(41) / 2;
    let half_f = half as f64;
    (0..=2 * half)
        .map(|i| center + (i as f64 - half_f) * step)
        .filter(|v| v.is_finite())
        .collect()
}

/// The output for each input value.
pub fn one_way(model: impl Fn(f64) -> Option<f64>, inputs: &[f64]) -> Vec<(f64, Option<f64>)> {
    inputs
        .iter()
        .map(|&x| (x, model(x).filter(|y| y.is_finite())))
        .collect()
}

/// The output for each pair: one row per `rows` value, one column per `columns` value.
pub fn two_way(
    model: impl Fn(f64, f64) -> Option<f64>,
    rows: &[f64],
    columns: &[f64],
) -> Vec<Vec<Option<f64>>> {
    rows.iter()
        .map(|&r| {
            columns
                .iter()
                .map(|&c| model(r, c).filter(|y| y.is_finite()))
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_centred_and_bounded() {
        assert_eq!(steps(10.0, 1.0, 5), vec![8.0, 9.0, 10.0, 11.0, 12.0]);
        assert_eq!(steps(10.0, 0.0, 5), vec![10.0]);
        assert_eq!(steps(f64::NAN, 1.0, 5), Vec::<f64>::new());
        assert_eq!(steps(0.0, 1.0, 1000).len(), 41);
    }

    #[test]
    fn tables_hold_the_model_values_and_no_nan() {
        let t = one_way(|x| Some(x * 2.0), &[1.0, 2.0]);
        assert_eq!(t, vec![(1.0, Some(2.0)), (2.0, Some(4.0))]);
        let g = two_way(
            |a, b| {
                if b == 0.0 {
                    Some(f64::NAN)
                } else {
                    Some(a / b)
                }
            },
            &[1.0, 2.0],
            &[0.0, 2.0],
        );
        assert_eq!(g, vec![vec![None, Some(0.5)], vec![None, Some(1.0)]]);
    }
}
