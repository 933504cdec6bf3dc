//! Prints the localStorage contents the browser benchmark seeds before loading the app:
//! 200 drafts of Kon Tum (10 assumptions each) and 20 drafts of the synthetic model of
//! 2,000 indicators, as `{"kon_tum": {key: record}, "synthetic": {key: record}}`. The
//! records are written by the app's own codec. Run by `scripts/bench.sh`.

use std::collections::BTreeMap;

use provincial_planner::core::draft::record::draft_to_json;
use provincial_planner::core::draft::storage_policy::draft_key;
use provincial_planner::core::model::catalog::load_shipped;
use provincial_planner::core::model::synthetic::synthetic_drafts;

fn records(model: &str, indicators: &[String], count: usize) -> BTreeMap<String, String> {
    synthetic_drafts(model, indicators, count, 10)
        .iter()
        .map(|d| (draft_key(&d.id), draft_to_json(d).expect("finite values")))
        .collect()
}

fn main() {
    let (shipped, _) = load_shipped();
    let kon_tum = &shipped[0];
    // Indicators the workbench can project (they have a term target).
    let with_targets: Vec<String> = [
        "grdp_constant",
        "grdp_per_capita",
        "budget_revenue",
        "ginseng_area",
    ]
    .iter()
    .map(|s| s.to_string())
    .filter(|id| kon_tum.indicator(id).is_some())
    .collect();
    let synthetic_ids: Vec<String> = (0..40).map(|i| format!("i{i}")).collect();
    let out = serde_json::json!({
        "kon_tum": records(&kon_tum.id, &with_targets, 200),
        "synthetic": records("synthetic-2000", &synthetic_ids, 20),
    });
    println!("{out}");
}
