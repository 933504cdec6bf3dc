//! Helpers for the host tests of the drafts session: drafts with one typed assumption,
//! records written by hand as the app stores them, and a tab's open draft.

use provincial_planner::core::draft::record::{Draft, ModelRef};
use provincial_planner::core::draft::session::{OpenDraft, ScenarioTexts};
use provincial_planner::core::text::numfmt::Locale;

/// The model every test draft belongs to.
pub const MODEL: &str = "kon-tum-2021-2025";

/// The texts of a workbench where GRDP growth for 2025 is typed as `text`.
pub fn texts(text: &str) -> ScenarioTexts {
    let mut t = ScenarioTexts::default();
    t.scenario
        .insert(("grdp_constant".into(), 2025), text.to_string());
    t
}

/// A draft of the test model at `revision`, GRDP growth for 2025 typed as `text`.
pub fn draft(id: &str, text: &str, revision: u64) -> Draft {
    Draft {
        id: id.into(),
        name: format!("Bản nháp {id}"),
        model: ModelRef {
            id: MODEL.into(),
            province: "Kon Tum".into(),
            first_year: 2021,
            last_year: 2025,
            data_version: "x".into(),
        },
        created_ms: 1_700_000_000_000,
        changed_ms: 1_700_000_000_000,
        revision,
        overrides: texts(text).overrides(Locale::Vi),
        ..Draft::default()
    }
}

/// A draft as a tab opens it from storage.
pub fn opened(d: Draft) -> OpenDraft {
    OpenDraft::opened(d, true, false, Locale::Vi).0
}

/// What a tab holding `open` would save after typing `text`, at `now_ms`.
pub fn edit(open: &OpenDraft, text: &str, now_ms: i64) -> Draft {
    open.current(&texts(text), Locale::Vi, now_ms)
}

/// A record written by hand: schema `version`, the 2025 entry's `value` as JSON text
/// (`"9"`, `"null"`), and `extra` fields spliced into the draft body (`,"x":1`).
pub fn raw_record(id: &str, version: u64, value: &str, extra: &str) -> String {
    format!(
        r#"{{"app":"provincial-planner","schema_version":{version},"draft":{{"id":"{id}","name":"N","note":"","model":{{"id":"{MODEL}","province":"Kon Tum","first_year":2021,"last_year":2025,"data_version":"x"}},"created_ms":1,"changed_ms":2,"revision":1,"scenario":[{{"indicator":"grdp_constant","year":2025,"text":"9","value":{value}}}],"start_years":[],"chain":[]{extra}}}}}"#
    )
}
