//! The target models shipped with the app, embedded at build time.
//!
//! Adding a province or term means adding its folder under `data/models/` and one entry
//! here; `tests/data_files.rs` fails if a data file exists that is not listed. Nothing
//! else in the code names a province.

use crate::core::model::load::{load_model, DataError, ModelFiles};
use crate::core::model::Model;

/// The shared unit registry.
pub const UNITS_JSON: &str = include_str!("../../../data/units.json");

macro_rules! model_files {
    ($dir:literal, [$($fragment:literal),* $(,)?]) => {
        ModelFiles {
            model: include_str!(concat!("../../../data/models/", $dir, "/model.json")),
            fragments: &[
                ("indicators.json", include_str!(concat!("../../../data/models/", $dir, "/indicators.json"))),
                $(($fragment, include_str!(concat!("../../../data/models/", $dir, "/figures/", $fragment))),)*
            ],
        }
    };
}

/// Folder name and files of every shipped model, the default first.
pub const SHIPPED: &[(&str, ModelFiles<'static>)] = &[
    (
        "kon-tum-2021-2025",
        model_files!(
            "kon-tum-2021-2025",
            [
                "kt-000.json",
                "kt-001.json",
                "kt-002.json",
                "kt-003-economy.json",
                "kt-003-society.json",
                "kt-003-targets-2024.json",
                "public-reports.json",
                "derived.json",
                "public-reports-2025.json",
            ]
        ),
    ),
    (
        "seed-004-province-2020-2025",
        model_files!("seed-004-province-2020-2025", ["seed-004.json"]),
    ),
    (
        "quang-ngai-2026-2030-cong-khai",
        model_files!(
            "quang-ngai-2026-2030-cong-khai",
            [
                "qn-term-2026-2030.json",
                "qn-plan-2026.json",
                "qn-results-2025.json",
                "national.json",
            ]
        ),
    ),
];

/// A shipped model that failed validation, with its problems.
#[derive(Clone, Debug, PartialEq)]
pub struct RejectedModel {
    /// Folder name.
    pub folder: &'static str,
    /// Every problem found.
    pub errors: Vec<DataError>,
}

/// Loads every shipped model; models that fail validation are returned apart so the app
/// can show the others and say what is wrong.
pub fn load_shipped() -> (Vec<Model>, Vec<RejectedModel>) {
    let mut models = Vec::new();
    let mut rejected = Vec::new();
    for (folder, files) in SHIPPED {
        match load_model(UNITS_JSON, *files) {
            Ok(m) => models.push(m),
            Err(errors) => rejected.push(RejectedModel { folder, errors }),
        }
    }
    #[cfg(feature = "bench-synthetic")]
    append_synthetic(&mut models);
    (models, rejected)
}

/// Benchmark builds only (`--features bench-synthetic`): adds the synthetic model of
/// 2,000 indicators after the shipped ones.
#[cfg(feature = "bench-synthetic")]
fn append_synthetic(models: &mut Vec<Model>) {
    let (model, fragment) = crate::core::model::synthetic::synthetic_model(2000);
    let fragments = [("synthetic", fragment.as_str())];
    if let Ok(m) = load_model(
        UNITS_JSON,
        ModelFiles {
            model: &model,
            fragments: &fragments,
        },
    ) {
        models.push(m);
    }
}

/// The first shipped model, Kon Tum: the fixture of the unit tests.
#[cfg(test)]
pub fn kon_tum() -> Model {
    load_shipped()
        .0
        .into_iter()
        .next()
        .expect("the Kon Tum model loads")
}
