//! The target models shipped with the app.
//!
//! Adding a province or term means adding its folder under `data/models/` and one entry
//! here; `tests/data_files.rs` fails if a data file exists that is not listed. Nothing
//! else in the code names a province.
//!
//! The data are not compiled into the wasm binary: the build copies `data/models/` beside
//! `index.html` (Trunk `copy-dir`), the service worker precaches those files with the rest
//! of the build, and the app fetches every file of this list once at start-up
//! (`platform::shipped`) and hands the texts to [`set_fetched`]. On the host (tests,
//! examples, the build-time pre-render) the same files are embedded with `include_str!`.

use std::sync::OnceLock;

use crate::core::model::load::{load_model, DataError, ModelFiles};
use crate::core::model::Model;

/// The shared unit registry (small, and needed by every model reader: kept in the binary).
pub const UNITS_JSON: &str = include_str!("../../../data/units.json");

/// Where the shipped data live, relative to `index.html` (and to the repository root).
pub const DATA_DIR: &str = "data/models";

/// The files of one shipped model: its figure files by name and, on the host, the texts
/// of all its files.
#[derive(Clone, Copy, Debug)]
pub struct ShippedFiles {
    /// The figure files under `figures/`, in load order.
    pub figures: &'static [&'static str],
    /// The texts, embedded at build time (host only).
    #[cfg(not(target_arch = "wasm32"))]
    pub embedded: ModelFiles<'static>,
}

impl ShippedFiles {
    /// Every file of the model as (name for messages, path relative to the model's
    /// folder): `model.json`, `indicators.json`, then `figures/<name>` in load order.
    pub fn paths(&self) -> Vec<(&'static str, String)> {
        let mut out = vec![
            ("model.json", "model.json".to_string()),
            ("indicators.json", "indicators.json".to_string()),
        ];
        out.extend(self.figures.iter().map(|f| (*f, format!("figures/{f}"))));
        out
    }
}

#[cfg(not(target_arch = "wasm32"))]
macro_rules! model_files {
    ($dir:literal, [$($fragment:literal),* $(,)?]) => {
        ShippedFiles {
            figures: &[$($fragment),*],
            embedded: ModelFiles {
                model: include_str!(concat!("../../../data/models/", $dir, "/model.json")),
                fragments: &[
                    ("indicators.json", include_str!(concat!("../../../data/models/", $dir, "/indicators.json"))),
                    $(($fragment, include_str!(concat!("../../../data/models/", $dir, "/figures/", $fragment))),)*
                ],
            },
        }
    };
}

#[cfg(target_arch = "wasm32")]
macro_rules! model_files {
    ($dir:literal, [$($fragment:literal),* $(,)?]) => {
        ShippedFiles {
            figures: &[$($fragment),*],
        }
    };
}

/// Folder name and files of every shipped model, the default first.
pub const SHIPPED: &[(&str, ShippedFiles)] = &[
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

/// The texts of one shipped model's files as read at start-up.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ShippedTexts {
    /// Folder name (the catalog's).
    pub folder: &'static str,
    /// `model.json`.
    pub model: String,
    /// Fragment files: (name for messages, contents), `indicators.json` first.
    pub fragments: Vec<(String, String)>,
    /// Files that could not be read (offline with nothing cached, or missing), by path.
    pub missing: Vec<String>,
}

impl ShippedTexts {
    /// Validates and builds the model, or says what is wrong (a file that could not be
    /// read, invalid JSON, bad data).
    pub fn load(&self) -> Result<Model, Vec<DataError>> {
        if !self.missing.is_empty() {
            return Err(self
                .missing
                .iter()
                .map(|file| DataError::Unreachable { file: file.clone() })
                .collect());
        }
        let fragments: Vec<(&str, &str)> = self
            .fragments
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect();
        load_model(
            UNITS_JSON,
            ModelFiles {
                model: &self.model,
                fragments: &fragments,
            },
        )
    }
}

/// The shipped texts fetched by the browser adapter, once.
static TEXTS: OnceLock<Vec<ShippedTexts>> = OnceLock::new();

/// Hands the texts fetched at start-up to the catalog (the browser adapter calls it
/// once, before the first [`load_shipped`]); a later call changes nothing.
pub fn set_fetched(texts: Vec<ShippedTexts>) {
    // The first texts stay: the models are read once per page.
    let _ = TEXTS.set(texts);
}

/// The path of a shipped model's file, relative to `index.html`.
pub fn shipped_path(folder: &str, relative: &str) -> String {
    format!("{DATA_DIR}/{folder}/{relative}")
}

/// The texts of every shipped model: the fetched ones, or on the host the embedded ones.
pub fn shipped_texts() -> &'static [ShippedTexts] {
    TEXTS.get_or_init(embedded_texts)
}

#[cfg(not(target_arch = "wasm32"))]
fn embedded_texts() -> Vec<ShippedTexts> {
    SHIPPED
        .iter()
        .map(|(folder, files)| ShippedTexts {
            folder,
            model: files.embedded.model.to_string(),
            fragments: files
                .embedded
                .fragments
                .iter()
                .map(|(n, t)| ((*n).to_string(), (*t).to_string()))
                .collect(),
            missing: Vec::new(),
        })
        .collect()
}

/// In the browser nothing is embedded: before the fetch, no texts.
#[cfg(target_arch = "wasm32")]
fn embedded_texts() -> Vec<ShippedTexts> {
    Vec::new()
}

/// Loads every shipped model; models that fail validation (or whose files could not be
/// read) are returned apart so the app can show the others and say what is wrong.
pub fn load_shipped() -> (Vec<Model>, Vec<RejectedModel>) {
    let mut models = Vec::new();
    let mut rejected = Vec::new();
    for texts in shipped_texts() {
        match texts.load() {
            Ok(m) => models.push(m),
            Err(errors) => rejected.push(RejectedModel {
                folder: texts.folder,
                errors,
            }),
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
