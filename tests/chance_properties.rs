//! Property tests of the chance of reaching a target over ranges
//! (`core::plan::chance`): a chance is a share in [0, 1], the percentiles are ordered,
//! the same seed gives the same answer, and a scenario of plain numbers (or ranges of no
//! width) gives 0 or 1, the verdict of the deterministic assessment.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use proptest::prelude::*;
use provincial_planner::core::model::catalog::load_shipped;
use provincial_planner::core::model::Model;
use provincial_planner::core::plan::assessment::{assess, Assumptions, ScenarioVerdict};
use provincial_planner::core::plan::chance::{workbench_chance, Settings, Spread};

fn grdp(per_year: &[(i32, f64)]) -> Assumptions {
    Assumptions {
        start_year: Some(2023),
        per_year: per_year.iter().copied().collect(),
        ..Assumptions::default()
    }
}

fn kon_tum() -> Model {
    load_shipped()
        .0
        .into_iter()
        .next()
        .expect("the Kon Tum model loads")
}

fn few(seed: u64) -> Settings {
    Settings { runs: 400, seed }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn chance_is_a_share_and_percentiles_are_ordered(
        low in -5.0f64..15.0, width in 0.0f64..10.0, mode in 0.0f64..1.0,
        fixed in -5.0f64..20.0, seed in any::<u64>(),
    ) {
        let model = kon_tum();
        let spread = Spread::triangular(low, low + width * mode, low + width).expect("range");
        let ranges = BTreeMap::from([(2025, spread)]);
        let c = workbench_chance(&model, "grdp_constant", &grdp(&[(2024, fixed)]), &ranges, few(seed))
            .expect("chance");
        prop_assert!((0.0..=1.0).contains(&c.chance()));
        prop_assert_eq!(c.runs, 400);
        for b in &c.fan {
            prop_assert!(b.p10 <= b.p50 && b.p50 <= b.p90, "{:?}", b);
        }
        let again = workbench_chance(&model, "grdp_constant", &grdp(&[(2024, fixed)]), &ranges, few(seed))
            .expect("chance");
        prop_assert_eq!(c, again);
    }

    #[test]
    fn plain_numbers_give_the_verdict(g2024 in -5.0f64..25.0, g2025 in -5.0f64..25.0, seed in any::<u64>()) {
        let model = kon_tum();
        let a = grdp(&[(2024, g2024), (2025, g2025)]);
        let verdict = assess(&model, "grdp_constant", &a).scenario.expect("verdict");
        let expected = if verdict == ScenarioVerdict::Reached { 1.0 } else { 0.0 };
        let plain = workbench_chance(&model, "grdp_constant", &a, &BTreeMap::new(), few(seed))
            .expect("chance");
        prop_assert_eq!(plain.chance(), expected);
        // A range of no width is the plain number.
        let degenerate = BTreeMap::from([(2025, Spread::triangular(g2025, g2025, g2025).expect("range"))]);
        let c = workbench_chance(&model, "grdp_constant", &grdp(&[(2024, g2024)]), &degenerate, few(seed))
            .expect("chance");
        prop_assert_eq!(c.chance(), expected);
    }
}
