//! Host benchmark of the engine: a full evaluation (dashboard summaries, and the
//! assessment of every indicator) of the shipped models and of a synthetic model of
//! 2,000 indicators made by `synthetic_model` below. Prints one JSON object; run by
//! `scripts/bench.sh`. Timing lives here, never in a test.

use std::time::Instant;

use provincial_planner::core::assessment::{assess, Assumptions};
use provincial_planner::core::catalog::{load_shipped, UNITS_JSON};
use provincial_planner::core::load::{load_model, ModelFiles};
use provincial_planner::core::model::Model;
use provincial_planner::core::summary::summarize;

/// A synthetic model: `n` indicators in 10 groups, each with yearly results 2020-2023,
/// plans for 2023-2025 and a term target of the kind its position picks.
fn synthetic_model(n: usize) -> (String, String) {
    let groups: Vec<String> = (0..10)
        .map(|g| format!(r#"{{"id":"g{g}","name":{{"vi":"Nhóm {g}","en":"Group {g}"}}}}"#))
        .collect();
    let model = format!(
        r#"{{"schema_version":1,"id":"synthetic-{n}","province":{{"vi":"Tỉnh thử","en":"Test province"}},"term":{{"first_year":2021,"last_year":2025,"base_year":2020}},"data_version":"bench","groups":[{}],"documents":[{{"id":"d","kind":"seed","file":"none","title":{{"vi":"t","en":"t"}},"issuer":"x","date":"2024-01-01"}}]}}"#,
        groups.join(",")
    );
    let mut indicators = Vec::with_capacity(n);
    let mut figures = Vec::with_capacity(n * 8);
    for i in 0..n {
        let kind = ["level", "average_growth", "stock", "share"][i % 4];
        let unit = if kind == "share" { "percent" } else { "bn_vnd" };
        indicators.push(format!(
            r#"{{"id":"i{i}","name":{{"vi":"Chỉ tiêu {i}","en":"Indicator {i}"}},"group":"g{}","unit":"{unit}","better":"higher","target_kind":"{kind}"}}"#,
            i % 10
        ));
        let base = 100.0 + (i % 97) as f64;
        for (k, year) in (2020..=2023).enumerate() {
            let v = base * (1.0 + 0.05 * k as f64);
            figures.push(format!(
                r#"{{"indicator":"i{i}","kind":"actual","period":"{year}","value":{v},"source":{{"doc":"d","quote":"q"}}}}"#
            ));
        }
        for year in 2023..=2025 {
            figures.push(format!(
                r#"{{"indicator":"i{i}","kind":"plan","period":"{year}","value":{},"source":{{"doc":"d","quote":"q"}}}}"#,
                base * 1.3
            ));
        }
        let target = if kind == "average_growth" {
            r#""measure":"average_growth","period":"2021-2025","value":8"#.to_string()
        } else {
            format!(r#""period":"2025","value":{}"#, base * 1.5)
        };
        figures.push(format!(
            r#"{{"indicator":"i{i}","kind":"term_target",{target},"source":{{"doc":"d","quote":"q"}}}}"#
        ));
    }
    let fragment = format!(
        r#"{{"indicators":[{}],"figures":[{}]}}"#,
        indicators.join(","),
        figures.join(",")
    );
    (model, fragment)
}

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
fn time(runs: usize, mut f: impl FnMut() -> usize) -> (f64, f64) {
    let mut samples: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.95))
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
    println!(
        "{{\"shipped_load_us\":{{\"median\":{load_med:.0},\"p95\":{load_p95:.0}}},\"kon_tum\":{{\"indicators\":{},\"figures\":{},\"full_evaluation_us\":{{\"median\":{kt_med:.0},\"p95\":{kt_p95:.0}}}}},\"synthetic\":{{\"indicators\":{},\"figures\":{},\"load_ms\":{synthetic_load_ms:.1},\"full_evaluation_us\":{{\"median\":{syn_med:.0},\"p95\":{syn_p95:.0}}}}}}}",
        kon_tum.indicators.len(),
        kon_tum.figures.len(),
        synthetic.indicators.len(),
        synthetic.figures.len(),
    );
}
