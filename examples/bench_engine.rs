//! Host benchmark of the engine: a full evaluation (dashboard summaries, and the
//! assessment of every indicator) of the shipped models and of a synthetic model of
//! 2,000 indicators made by `synthetic_model` below. Prints one JSON object; run by
//! `scripts/bench.sh`. Timing lives here, never in a test.

#[path = "support/timing.rs"]
mod timing;

use std::time::Instant;

use provincial_planner::core::draft::record::{draft_from_json, draft_to_json};
use provincial_planner::core::model::catalog::{load_shipped, UNITS_JSON};
use provincial_planner::core::model::load::{load_model, ModelFiles};
use provincial_planner::core::model::synthetic::{synthetic_drafts, synthetic_model};
use provincial_planner::core::model::Model;
use provincial_planner::core::plan::assessment::{assess, Assumptions};
use provincial_planner::core::plan::summary::summarize;

fn full_evaluation(model: &Model) -> usize {
    let mut touched = 0;
    for ind in &model.indicators {
        let s = summarize(model, ind);
        let a = assess(model, &ind.id, &Assumptions::default());
        touched += usize::from(s.latest.is_some()) + usize::from(a.required.is_ok());
    }
    touched
}

/// Median and 95th percentile in microseconds of `runs` calls.
fn time(runs: usize, f: impl FnMut() -> usize) -> (f64, f64) {
    timing::time(runs, 1e6, f)
}

fn main() {
    let (shipped, rejected) = load_shipped();
    assert!(rejected.is_empty(), "shipped data invalid: {rejected:?}");
    let kon_tum = &shipped[0];
    let (load_med, load_p95) = time(30, || load_shipped().0.len());
    let (kt_med, kt_p95) = time(30, || full_evaluation(kon_tum));
    let (model_json, fragment) = synthetic_model(2000);
    let start = Instant::now();
    let synthetic = load_model(
        UNITS_JSON,
        ModelFiles {
            model: &model_json,
            fragments: &[("synthetic", &fragment)],
        },
    )
    .expect("synthetic model is valid");
    let synthetic_load_ms = start.elapsed().as_secs_f64() * 1e3;
    let (syn_med, syn_p95) = time(5, || full_evaluation(&synthetic));
    // Drafts: writing and reading the records of 200 drafts of 10 inputs each.
    let ids: Vec<String> = kon_tum.indicators.iter().map(|i| i.id.clone()).collect();
    let drafts = synthetic_drafts(&kon_tum.id, &ids, 200, 10);
    let records: Vec<String> = drafts
        .iter()
        .map(|d| draft_to_json(d).expect("finite"))
        .collect();
    let (enc_med, enc_p95) = time(30, || {
        drafts
            .iter()
            .map(|d| draft_to_json(d).map_or(0, |t| t.len()))
            .sum()
    });
    let (dec_med, dec_p95) = time(30, || {
        records
            .iter()
            .filter(|t| draft_from_json(t).is_ok())
            .count()
    });
    let bytes: usize = records.iter().map(String::len).sum();
    println!(
        "{{\"drafts_200\":{{\"bytes\":{bytes},\"encode_us\":{{\"median\":{enc_med:.0},\"p95\":{enc_p95:.0}}},\"decode_us\":{{\"median\":{dec_med:.0},\"p95\":{dec_p95:.0}}}}},\"shipped_load_us\":{{\"median\":{load_med:.0},\"p95\":{load_p95:.0}}},\"kon_tum\":{{\"indicators\":{},\"figures\":{},\"full_evaluation_us\":{{\"median\":{kt_med:.0},\"p95\":{kt_p95:.0}}}}},\"synthetic\":{{\"indicators\":{},\"figures\":{},\"load_ms\":{synthetic_load_ms:.1},\"full_evaluation_us\":{{\"median\":{syn_med:.0},\"p95\":{syn_p95:.0}}}}}}}",
        kon_tum.indicators.len(),
        kon_tum.figures.len(),
        synthetic.indicators.len(),
        synthetic.figures.len(),
    );
}
