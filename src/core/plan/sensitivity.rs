//! Sensitivity tables: one output evaluated over a range of one input, or over a grid of
//! two. The model is any function; cells where it fails are `None`, never NaN.
//!
//! [`table_for`] builds an indicator's tables from its assessment: the projected value in
//! the target year over a range of the first year after the start, and over a grid of
//! the first two. Every cell's tick is the target's own rule ([`TargetRule::meets`]), the
//! same the scenario verdict uses; the value the projection uses now is evaluated beside
//! the table ([`Tables::in_use`]) and marked on a row that holds it, so the table and the
//! verdict agree there. No table for an indicator whose scenario cannot be assessed
//! (missing results, no target).

use crate::core::model::Model;
use crate::core::plan::assessment::{assess, scenario_projection, Assumptions, PaceKind};
use crate::core::plan::rule::TargetRule;

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

/// One row of a one-way table.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The value assumed for the varied year.
    pub input: f64,
    /// The projected value in the target year.
    pub projected: Option<f64>,
    /// True when the projection meets the target.
    pub meets: bool,
    /// True for the value the projection uses now.
    pub in_use: bool,
}

/// The two-way grid.
#[derive(Clone, Debug, PartialEq)]
pub struct Grid {
    /// The year varied across the columns.
    pub second: i32,
    /// Values for the first year, one per row.
    pub rows: Vec<f64>,
    /// Values for the second year, one per column.
    pub columns: Vec<f64>,
    /// Projected values.
    pub cells: Vec<Vec<Option<f64>>>,
    /// Which cells meet the target.
    pub meets: Vec<Vec<bool>>,
    /// The values in use for both years: (first, second, meets), evaluated as the
    /// cells are.
    pub in_use: Option<(f64, f64, bool)>,
}

/// An indicator's sensitivity tables.
#[derive(Clone, Debug, PartialEq)]
pub struct Tables {
    /// How the varied years' pace is measured.
    pub pace_kind: PaceKind,
    /// The target year.
    pub target_year: i32,
    /// The value the gap column is measured from.
    pub target_value: f64,
    /// The year varied in the one-way table (and down the grid's rows).
    pub first: i32,
    /// The one-way table.
    pub one_way: Vec<Row>,
    /// The value in use for the first year, evaluated as the table's rows are.
    pub in_use: Option<Row>,
    /// The grid, when two or more years follow the start.
    pub grid: Option<Grid>,
}

/// The seven values an assumption takes in a table: whole percents around a growth, or
/// round amounts around an increment.
pub fn input_steps(kind: PaceKind, center: f64) -> Vec<f64> {
    match kind {
        PaceKind::Growth => steps((center * 2.0).round() / 2.0, 1.0, 7),
        PaceKind::Increment => {
            let step = (center.abs() / 5.0).max(1.0);
            let magnitude = 10f64.powf(step.log10().floor());
            let step = (step / magnitude).round().max(1.0) * magnitude;
            steps((center / step).round() * step, step, 7)
        }
    }
}

/// Builds the tables of one indicator under `assumptions`; `None` when its scenario
/// cannot be assessed or no year follows the start.
pub fn table_for(model: &Model, indicator: &str, assumptions: &Assumptions) -> Option<Tables> {
    let a = assess(model, indicator, assumptions);
    if !a.scenario_assessable() {
        return None;
    }
    let w = a.working.as_ref()?;
    let rule: TargetRule = a.rule?;
    // Only years after the start are varied: a gap before it is a missing result, not a
    // choice about the future.
    let years: Vec<i32> = w
        .remaining_years
        .iter()
        .copied()
        .filter(|y| *y > w.start_year)
        .collect();
    let &first = years.first()?;
    let center_for = |year: i32| {
        assumptions
            .per_year
            .get(&year)
            .copied()
            .filter(|v| v.is_finite())
            .or(a.required.ok())
            .unwrap_or(0.0)
    };
    let project = |values: &[(i32, f64)]| {
        let mut trial = assumptions.clone();
        for (y, v) in values {
            trial.per_year.insert(*y, *v);
        }
        scenario_projection(model, indicator, &trial)
    };
    let in_use_first = a.pace_in_use(first);
    let xs = input_steps(w.pace_kind, center_for(first));
    let in_use = in_use_first.map(|x| {
        let projected = project(&[(first, x)]);
        Row {
            input: x,
            projected,
            meets: projected.is_some_and(|v| rule.meets(v)),
            in_use: true,
        }
    });
    let one_way = one_way(|x| project(&[(first, x)]), &xs)
        .into_iter()
        .map(|(input, projected)| Row {
            input,
            projected,
            meets: projected.is_some_and(|v| rule.meets(v)),
            in_use: Some(input) == in_use_first,
        })
        .collect();
    let grid = years.get(1).map(|&second| {
        let columns = input_steps(w.pace_kind, center_for(second));
        let cells = two_way(|r, c| project(&[(first, r), (second, c)]), &xs, &columns);
        let in_use = in_use_first.zip(a.pace_in_use(second)).map(|(r, c)| {
            let v = project(&[(first, r), (second, c)]);
            (r, c, v.is_some_and(|v| rule.meets(v)))
        });
        let meets = cells
            .iter()
            .map(|row| {
                row.iter()
                    .map(|c| c.is_some_and(|v| rule.meets(v)))
                    .collect()
            })
            .collect();
        Grid {
            second,
            rows: xs.clone(),
            columns,
            cells,
            meets,
            in_use,
        }
    });
    Some(Tables {
        pace_kind: w.pace_kind,
        target_year: w.target_year,
        target_value: w.target_value,
        first,
        one_way,
        in_use,
        grid,
    })
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
