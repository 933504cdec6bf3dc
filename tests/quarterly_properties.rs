//! Property tests of the quarterly GRDP scenario (`core::plan::quarterly`): the year's
//! growth is the level-weighted mean of the quarters' growth (weights: last year's
//! quarterly GRDP), each period's contributions add up to its GRDP growth, the growth
//! the remaining quarters need brings the year to its target, a yearly growth spread
//! over the quarters gives that growth back, and no input (missing, zero, negative,
//! −100 % or less, huge) panics or gives a non-finite result.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use provincial_planner::core::plan::chain::{Sector, SECTORS};
use provincial_planner::core::plan::quarterly::{
    compute, compute_span, seek_remaining, set_cell, spread_year, year_sector_growth,
    QuarterlyInputs, SeekBy, Span, QUARTERS,
};

/// Inputs from sector-by-quarter levels and growth (row = sector, column = quarter).
fn inputs(base: [[f64; 4]; 4], growth: [[f64; 4]; 4], results: [bool; 4]) -> QuarterlyInputs {
    let mut x = QuarterlyInputs {
        results,
        ..QuarterlyInputs::default()
    };
    for (si, s) in SECTORS.iter().enumerate() {
        for (qi, q) in QUARTERS.iter().enumerate() {
            set_cell(&mut x.base, *s, *q, Some(base[si][qi]));
            set_cell(&mut x.growth, *s, *q, Some(growth[si][qi]));
        }
    }
    x
}

fn grid(range: std::ops::Range<f64>) -> impl Strategy<Value = [[f64; 4]; 4]> {
    proptest::array::uniform4(proptest::array::uniform4(range))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-7 * (1.0 + a.abs().max(b.abs()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn year_growth_is_the_level_weighted_mean_of_the_quarters(
        base in grid(1.0..50_000.0),
        growth in grid(-50.0..60.0),
    ) {
        let x = inputs(base, growth, [false; 4]);
        let year = compute_span(&x, Span::Year);
        let b = year.base_total.unwrap();
        let weighted: f64 = QUARTERS
            .iter()
            .map(|q| {
                let r = compute_span(&x, Span::Quarter(*q));
                r.base_total.unwrap() / b * r.growth.unwrap()
            })
            .sum();
        prop_assert!(close(year.growth.unwrap(), weighted), "{:?} vs {weighted}", year.growth);
        // The same for the first 6 and 9 months, on their own quarters.
        for (span, n) in [(Span::SixMonths, 2), (Span::NineMonths, 3)] {
            let r = compute_span(&x, span);
            let w: f64 = QUARTERS.iter().take(n).map(|q| {
                let rq = compute_span(&x, Span::Quarter(*q));
                rq.base_total.unwrap() / r.base_total.unwrap() * rq.growth.unwrap()
            }).sum();
            prop_assert!(close(r.growth.unwrap(), w));
        }
    }

    #[test]
    fn contributions_add_up_to_growth_in_every_period(
        base in grid(1.0..50_000.0),
        growth in grid(-50.0..60.0),
    ) {
        for r in compute(&inputs(base, growth, [false; 4])) {
            let sum: f64 = r.contribution.iter().map(|c| c.unwrap()).sum();
            prop_assert!(close(sum, r.growth.unwrap()), "{:?}: {sum} vs {:?}", r.span, r.growth);
        }
    }

    #[test]
    fn remaining_quarters_reach_the_target(
        base in grid(1.0..50_000.0),
        growth in grid(-20.0..30.0),
        results in proptest::array::uniform4(any::<bool>()),
        target in -10.0f64..25.0,
        sector in 0usize..5,
    ) {
        let x = inputs(base, growth, results);
        let by = SECTORS.get(sector).map_or(SeekBy::AllSectors, |s| SeekBy::Sector(*s));
        match seek_remaining(&x, by, target) {
            Ok(a) => {
                prop_assert!(a.needed > -100.0 && a.needed.is_finite());
                prop_assert!(close(a.check, target), "{} vs {target}", a.check);
            }
            Err(e) => prop_assert!(
                results.iter().all(|r| *r) || matches!(e, provincial_planner::core::plan::quarterly::SeekError::Unreachable { .. }),
                "{e:?}"
            ),
        }
    }

    #[test]
    fn a_spread_year_gives_its_growth_back(
        base in grid(1.0..50_000.0),
        growth in grid(-20.0..30.0),
        results in proptest::array::uniform4(any::<bool>()),
        yearly in -10.0f64..25.0,
    ) {
        let mut x = inputs(base, growth, results);
        let s = Sector::Services;
        if let Ok(per_quarter) = spread_year(&x, s, yearly) {
            for (q, g) in QUARTERS.iter().zip(per_quarter) {
                if let Some(g) = g {
                    set_cell(&mut x.growth, s, *q, Some(g));
                }
            }
            prop_assert!(close(year_sector_growth(&x)[2].unwrap(), yearly));
        }
    }

    #[test]
    fn no_input_panics_or_gives_a_non_finite_number(
        base in proptest::array::uniform4(proptest::array::uniform4(proptest::option::of(-1e300f64..1e300))),
        growth in proptest::array::uniform4(proptest::array::uniform4(proptest::option::of(-1e3f64..1e300))),
        results in proptest::array::uniform4(any::<bool>()),
        target in -1e300f64..1e300,
    ) {
        let x = QuarterlyInputs { base, growth, results };
        for r in compute(&x) {
            let values = r.base.iter().chain(&r.level).chain(&r.sector_growth).chain(&r.contribution)
                .chain([&r.base_total, &r.level_total, &r.growth]);
            for v in values.flatten() {
                prop_assert!(v.is_finite());
            }
        }
        for by in [SeekBy::AllSectors, SeekBy::Sector(Sector::Agriculture)] {
            if let Ok(a) = seek_remaining(&x, by, target) {
                prop_assert!(a.needed.is_finite() && a.check.is_finite());
            }
        }
        if let Ok(g) = spread_year(&x, Sector::ProductTaxes, target) {
            prop_assert!(g.iter().flatten().all(|v| v.is_finite()));
        }
    }
}
