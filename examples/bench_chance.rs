//! Host benchmark of the chance of reaching a target (`core::plan::chance`): 10,000 runs
//! of the workbench projection and of the growth chain on the Kon Tum model, and of the
//! workbench projection on the synthetic model of 2,000 indicators (the open indicator, one of each
//! kind of target). Prints one JSON object; run by
//! `scripts/bench.sh`. Timing lives here, never in a test.

#[path = "support/timing.rs"]
mod timing;

use std::collections::BTreeMap;

use provincial_planner::core::model::catalog::{load_shipped, UNITS_JSON};
use provincial_planner::core::model::load::{load_model, ModelFiles};
use provincial_planner::core::model::synthetic::synthetic_model;
use provincial_planner::core::plan::assessment::{assess, Assumptions};
use provincial_planner::core::plan::chain::{setup, ChainInput, ChainOutput};
use provincial_planner::core::plan::chance::{
    chain_chance, workbench_chance, ChainKey, Settings, Spread,
};

/// Median and 95th percentile in milliseconds of `runs` calls.
fn time(runs: usize, f: impl FnMut() -> f64) -> (f64, f64) {
    timing::time(runs, 1e3, f)
}

fn tri(low: f64, likely: f64, high: f64) -> Spread {
    Spread::triangular(low, likely, high).expect("range")
}

fn main() {
    let (shipped, _) = load_shipped();
    let kon_tum = &shipped[0];
    let settings = Settings::default();
    // Workbench: GRDP growth 2024 and 2025 from 6.5 % to 9.5 % (the swing of the term).
    let ranges = BTreeMap::from([(2024, tri(6.5, 8.0, 9.5)), (2025, tri(6.5, 8.0, 9.5))]);
    let a = Assumptions::default();
    let (wb_med, wb_p95) = time(20, || {
        workbench_chance(kon_tum, "grdp_constant", &a, &ranges, settings)
            .map_or(0.0, |c| c.chance())
    });
    // Chain: GRDP growth, the deflator and ICOR ranged in every chain year; per capita.
    let s = setup(kon_tum).expect("chain setup");
    let mut chain_ranges = BTreeMap::new();
    for &y in &s.years {
        chain_ranges.insert(ChainKey::Growth(y), tri(6.5, 8.0, 9.5));
        chain_ranges.insert(
            ChainKey::Input(ChainInput::DeflatorGrowth, y),
            tri(1.0, 3.0, 5.0),
        );
        chain_ranges.insert(ChainKey::Input(ChainInput::Icor, y), tri(4.0, 5.0, 7.0));
    }
    let per_capita = assess(kon_tum, "grdp_per_capita", &a);
    let rule = per_capita.rule.expect("per capita target");
    let target_year = per_capita.working.as_ref().map_or(2025, |w| w.target_year);
    let (ch_med, ch_p95) = time(20, || {
        chain_chance(
            &s,
            &BTreeMap::new(),
            &chain_ranges,
            ChainOutput::PerCapita,
            &rule,
            target_year,
            settings,
        )
        .map_or(0.0, |c| c.chance())
    });
    // The synthetic model of 2,000 indicators.
    let (model_json, fragment) = synthetic_model(2000);
    let synthetic = load_model(
        UNITS_JSON,
        ModelFiles {
            model: &model_json,
            fragments: &[("synthetic", &fragment)],
        },
    )
    .expect("synthetic model is valid");
    let syn_ranges = BTreeMap::from([(2024, tri(1.0, 5.0, 9.0)), (2025, tri(1.0, 5.0, 9.0))]);
    let (one_med, one_p95) = time(20, || {
        workbench_chance(&synthetic, "i0", &a, &syn_ranges, settings).map_or(0.0, |c| c.chance())
    });
    // One indicator of each kind of target the synthetic model holds.
    let mut kinds = Vec::new();
    for id in ["i0", "i1", "i2", "i3"] {
        let (med, p95) = time(10, || {
            workbench_chance(&synthetic, id, &a, &syn_ranges, settings).map_or(-1.0, |c| c.chance())
        });
        kinds.push(format!("\"{id}\":{{\"median\":{med:.2},\"p95\":{p95:.2}}}"));
    }
    println!(
        "{{\"runs\":{},\"kon_tum_workbench_ms\":{{\"median\":{wb_med:.2},\"p95\":{wb_p95:.2}}},\"kon_tum_chain_ms\":{{\"median\":{ch_med:.2},\"p95\":{ch_p95:.2},\"ranged_inputs\":{}}},\"synthetic_one_indicator_ms\":{{\"median\":{one_med:.2},\"p95\":{one_p95:.2}}},\"synthetic_by_kind_ms\":{{{}}},\"synthetic_indicators\":{}}}",
        settings.runs,
        chain_ranges.len(),
        kinds.join(","),
        synthetic.indicators.len(),
    );
}
