//! What the person's stored models mean when the app starts: each record of the model
//! store (`platform::model_store`) is read as a model file; a record that cannot be read
//! is set aside with its reason and its text (offered for download, never overwritten
//! or deleted), and a record whose id is already taken (by a shipped model or an
//! earlier record) is set aside too, so two models never share an id. Pure.

use std::collections::BTreeSet;

use crate::core::model::file::{read_model_file, ModelFile, ModelFileError};
use crate::core::model::Model;

/// A stored record that did not load.
#[derive(Clone, Debug, PartialEq)]
pub struct SetAsideModel {
    /// The record's key.
    pub key: String,
    /// Why it did not load.
    pub reason: SetAsideReason,
    /// The stored text, kept for download.
    pub text: String,
}

/// Why a stored model did not load.
#[derive(Clone, Debug, PartialEq)]
pub enum SetAsideReason {
    /// The text is not a valid model file (a newer version included).
    Unreadable(ModelFileError),
    /// A model with the same id is already open.
    IdTaken,
}

/// The stored models, read.
#[derive(Clone, Debug, Default)]
pub struct StoredModels {
    /// Models that loaded, in key order, with their files.
    pub loaded: Vec<(ModelFile, Model)>,
    /// Records that did not.
    pub set_aside: Vec<SetAsideModel>,
}

/// Reads stored `records` (key, text), with `taken` the ids already in use.
pub fn read_stored(
    records: Vec<(String, String)>,
    units_json: &str,
    taken: &[&str],
) -> StoredModels {
    let mut ids: BTreeSet<String> = taken.iter().map(|s| (*s).to_string()).collect();
    let mut out = StoredModels::default();
    let mut records = records;
    records.sort_by(|a, b| a.0.cmp(&b.0));
    for (key, text) in records {
        match read_model_file(text.as_bytes(), units_json) {
            Ok((file, model)) if ids.insert(model.id.clone()) => out.loaded.push((file, model)),
            Ok(_) => out.set_aside.push(SetAsideModel {
                key,
                reason: SetAsideReason::IdTaken,
                text,
            }),
            Err(e) => out.set_aside.push(SetAsideModel {
                key,
                reason: SetAsideReason::Unreadable(e),
                text,
            }),
        }
    }
    out
}

/// An id for a new model that no model in `taken` has: `base`, or `base-2`, `base-3`…
pub fn free_model_id(base: &str, taken: &[&str]) -> String {
    let mut id = base.to_string();
    let mut n = 1u32;
    while taken.contains(&id.as_str()) {
        n = n.saturating_add(1);
        id = format!("{base}-{n}");
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::catalog::UNITS_JSON;

    const FILE: &str = r#"{"app":"provincial-planner","kind":"model","schema_version":1,
      "model":{"schema_version":1,"id":"qn","province":{"vi":"Q","en":"Q"},
        "term":{"first_year":2026,"last_year":2030,"base_year":2025},"data_version":"1",
        "groups":[{"id":"g1","name":{"vi":"K","en":"K"}}],
        "documents":[{"id":"t","kind":"table","file":"p","title":{"vi":"p","en":"p"},"issuer":""}]},
      "indicators":[{"id":"x","name":{"vi":"X","en":"X"},"group":"g1","unit":"percent","better":"higher","target_kind":"level"}],
      "figures":[{"indicator":"x","kind":"plan","period":"2026","value":1,"source":{"doc":"t","quote":"1"}}]}"#;

    #[test]
    fn good_records_load_and_bad_ones_are_set_aside_with_their_text() {
        let records = vec![
            ("b".to_string(), "{broken".to_string()),
            ("a".to_string(), FILE.to_string()),
            ("c".to_string(), FILE.to_string()),
            (
                "d".to_string(),
                FILE.replace(
                    "\"schema_version\":1,\n      \"model\"",
                    "\"schema_version\":9,\n      \"model\"",
                ),
            ),
        ];
        let read = read_stored(records, UNITS_JSON, &["kon-tum-2021-2025"]);
        assert_eq!(read.loaded.len(), 1);
        assert_eq!(read.loaded[0].1.id, "qn");
        let reasons: Vec<(&str, bool)> = read
            .set_aside
            .iter()
            .map(|s| {
                (
                    s.key.as_str(),
                    matches!(s.reason, SetAsideReason::Unreadable(_)),
                )
            })
            .collect();
        assert_eq!(reasons, [("b", true), ("c", false), ("d", true)]);
        assert_eq!(read.set_aside[0].text, "{broken");
        assert!(matches!(
            read.set_aside[2].reason,
            SetAsideReason::Unreadable(ModelFileError::NewerVersion { found: 9 })
        ));
    }

    #[test]
    fn a_shipped_id_is_never_taken_by_a_stored_model() {
        let read = read_stored(vec![("a".into(), FILE.into())], UNITS_JSON, &["qn"]);
        assert_eq!((read.loaded.len(), read.set_aside.len()), (0, 1));
        assert_eq!(free_model_id("qn", &["qn", "qn-2"]), "qn-3");
        assert_eq!(free_model_id("new", &["qn"]), "new");
    }
}
