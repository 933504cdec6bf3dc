//! The model file: one target model in one versioned JSON file, the way a person
//! exports, imports and publishes it (a portal lists such files beside `index.html`).
//!
//! `{"app": "provincial-planner", "kind": "model", "schema_version": 1, "model": {…},
//! "units": […], "indicators": […], "figures": […], "sources": […]}`: `model` is the
//! shape of a shipped `model.json`, the three lists are one fragment in the shape of
//! `indicators.json` and `figures/*.json` (`core::model::raw`), and `sources` keeps the
//! text of each imported table so every figure still says where it came from. Format
//! documented in `docs/data-format.md`; golden fixture in `tests/fixtures/`.
//!
//! Reading is strict (`core::codec::strict_json`: duplicate keys and deep nesting are
//! errors), checks the envelope first (not ours, another kind, a newer version are typed
//! errors, so a newer file is never half-read), then validates the model with the same
//! code as the shipped data (`load::build_model`), which reports every problem at once.
//! Pure: text in, values out.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::core::codec::strict_json::{self, JsonError};
use crate::core::draft::record::APP_ID;
use crate::core::model::load::{build_model, DataError};
use crate::core::model::raw::{RawFigure, RawFragment, RawIndicator, RawModel, RawUnit};
use crate::core::model::Model;

/// The `kind` of a model file.
pub const MODEL_FILE_KIND: &str = "model";
/// The model-file version this build writes and reads.
pub const MODEL_FILE_VERSION: u32 = 1;
/// Largest model file read: 2,000 indicators with ten years of figures and their
/// sources take about 8 MB.
pub const MAX_MODEL_FILE_BYTES: usize = 20 * 1024 * 1024;

/// The text of a table a person imported, kept as the source of its figures.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SourceText {
    /// The document (in `model.documents`) this text is.
    pub doc: String,
    /// The file name, or "pasted" for a table pasted from the clipboard.
    pub name: String,
    /// The text as read (tab-separated for a paste, the file's text for a CSV).
    pub text: String,
}

/// A model file, in its serialised shape.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ModelFile {
    /// Always [`APP_ID`].
    pub app: String,
    /// Always [`MODEL_FILE_KIND`].
    pub kind: String,
    /// [`MODEL_FILE_VERSION`].
    pub schema_version: u32,
    /// Province, term, groups, documents.
    pub model: RawModel,
    /// Units beyond the shared registry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<RawUnit>,
    /// Indicators.
    #[serde(default)]
    pub indicators: Vec<RawIndicator>,
    /// Figures.
    #[serde(default)]
    pub figures: Vec<RawFigure>,
    /// Texts of imported tables.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceText>,
}

impl ModelFile {
    /// A file holding `model` and the fragments of a shipped model, merged.
    pub fn from_parts(model: RawModel, fragments: Vec<RawFragment>) -> ModelFile {
        let mut file = ModelFile {
            app: APP_ID.to_string(),
            kind: MODEL_FILE_KIND.to_string(),
            schema_version: MODEL_FILE_VERSION,
            model,
            units: Vec::new(),
            indicators: Vec::new(),
            figures: Vec::new(),
            sources: Vec::new(),
        };
        for f in fragments {
            file.units.extend(f.units);
            file.indicators.extend(f.indicators);
            file.figures.extend(f.figures);
        }
        file
    }

    /// Validates the file's model against the shared unit registry.
    pub fn to_model(&self, units_json: &str) -> Result<Model, Vec<DataError>> {
        let fragment = RawFragment {
            units: self.units.clone(),
            indicators: self.indicators.clone(),
            figures: self.figures.clone(),
        };
        build_model(units_json, self.model.clone(), vec![fragment])
    }
}

/// Why a model file cannot be read.
#[derive(Clone, Debug, PartialEq)]
pub enum ModelFileError {
    /// Over [`MAX_MODEL_FILE_BYTES`].
    TooLarge {
        /// Bytes given.
        bytes: usize,
    },
    /// Not UTF-8 text (a spreadsheet or a zip opened as a model file).
    NotText,
    /// Not JSON, nested too deep, or a key twice.
    Json(JsonError),
    /// JSON, but not a file of this app.
    NotOurs,
    /// A file of this app, but not a model (a drafts file).
    OtherKind {
        /// The kind found.
        kind: String,
    },
    /// Written by a newer version of the app.
    NewerVersion {
        /// The version found.
        found: u32,
    },
    /// A field of the wrong type or missing, at this line and column.
    Shape {
        /// Line (1-based).
        line: usize,
        /// Column (1-based).
        column: usize,
    },
    /// The model breaks the rules of the data (duplicate ids, unknown units…).
    Invalid(Vec<DataError>),
}

impl fmt::Display for ModelFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelFileError::TooLarge { bytes } => write!(f, "model file too large ({bytes} bytes)"),
            ModelFileError::NotText => f.write_str("model file is not text"),
            ModelFileError::Json(e) => write!(f, "{e}"),
            ModelFileError::NotOurs => f.write_str("not a model file of this app"),
            ModelFileError::OtherKind { kind } => write!(f, "a {kind} file, not a model"),
            ModelFileError::NewerVersion { found } => {
                write!(f, "model file version {found} is newer than this app")
            }
            ModelFileError::Shape { line, column } => {
                write!(f, "unexpected field at line {line}, column {column}")
            }
            ModelFileError::Invalid(errors) => write!(f, "{} problems in the model", errors.len()),
        }
    }
}

impl std::error::Error for ModelFileError {}

/// Writes a model file (pretty-printed, so a person can read it). `None` when a number
/// in it is not finite, which the validator would refuse on reading.
pub fn write_model_file(file: &ModelFile) -> Option<String> {
    let finite = file.figures.iter().all(|f| {
        f.value.is_none_or(f64::is_finite)
            && f.range
                .is_none_or(|[lo, hi]| lo.is_finite() && hi.is_finite())
    }) && file.units.iter().all(|u| u.factor.is_finite());
    if !finite {
        return None;
    }
    serde_json::to_string_pretty(file).ok()
}

/// Reads a model file and validates its model.
pub fn read_model_file(
    bytes: &[u8],
    units_json: &str,
) -> Result<(ModelFile, Model), ModelFileError> {
    if bytes.len() > MAX_MODEL_FILE_BYTES {
        return Err(ModelFileError::TooLarge { bytes: bytes.len() });
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ModelFileError::NotText)?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let value = strict_json::parse(text).map_err(ModelFileError::Json)?;
    let object = value.as_object().ok_or(ModelFileError::NotOurs)?;
    if object.get("app").and_then(Value::as_str) != Some(APP_ID) {
        return Err(ModelFileError::NotOurs);
    }
    let kind = object.get("kind").and_then(Value::as_str).unwrap_or("");
    if kind != MODEL_FILE_KIND {
        return Err(ModelFileError::OtherKind {
            kind: kind.to_string(),
        });
    }
    let version = object
        .get("schema_version")
        .and_then(Value::as_u64)
        .ok_or(ModelFileError::NotOurs)?;
    if version > u64::from(MODEL_FILE_VERSION) {
        return Err(ModelFileError::NewerVersion {
            found: u32::try_from(version).unwrap_or(u32::MAX),
        });
    }
    // Read from the text rather than the value, so a shape error names its line.
    let file: ModelFile = serde_json::from_str(text).map_err(|e| ModelFileError::Shape {
        line: e.line(),
        column: e.column(),
    })?;
    let model = file.to_model(units_json).map_err(ModelFileError::Invalid)?;
    Ok((file, model))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::catalog::UNITS_JSON;

    const SMALL: &str = r#"{"app":"provincial-planner","kind":"model","schema_version":1,
      "model":{"schema_version":1,"id":"qn","province":{"vi":"Quảng Ngãi","en":"Quang Ngai"},
        "term":{"first_year":2026,"last_year":2030,"base_year":2025},"data_version":"2026-12-01",
        "groups":[{"id":"g1","name":{"vi":"Kinh tế","en":"Kinh tế"}}],
        "documents":[{"id":"t1","kind":"table","file":"pasted","title":{"vi":"Bảng dán","en":"Pasted table"},"issuer":""}]},
      "indicators":[{"id":"grdp","name":{"vi":"Tăng trưởng GRDP","en":"Tăng trưởng GRDP"},"group":"g1","unit":"percent","better":"higher","target_kind":"average_growth"}],
      "figures":[{"indicator":"grdp","kind":"actual","measure":"growth","period":"2025","value":10.02,"source":{"doc":"t1","quote":"10,02"}}],
      "sources":[{"doc":"t1","name":"pasted","text":"Chỉ tiêu\tTH 2025\nTăng trưởng GRDP\t10,02"}]}"#;

    #[track_caller]
    fn refused(text: &str) -> ModelFileError {
        read_model_file(text.as_bytes(), UNITS_JSON).expect_err("refused")
    }

    #[test]
    fn a_model_file_reads_validates_and_writes_back_the_same() {
        let (file, model) = read_model_file(SMALL.as_bytes(), UNITS_JSON).expect("reads");
        assert_eq!(
            (
                model.id.as_str(),
                model.indicators.len(),
                model.figures.len()
            ),
            ("qn", 1, 1)
        );
        let written = write_model_file(&file).expect("writes");
        let (again, model_again) =
            read_model_file(written.as_bytes(), UNITS_JSON).expect("reads again");
        assert_eq!(model_again, model);
        assert_eq!(again.sources, file.sources);
        assert_eq!(write_model_file(&again).as_deref(), Some(written.as_str()));
    }

    #[test]
    fn files_that_are_not_models_of_ours_are_typed_errors() {
        assert_eq!(refused("{}"), ModelFileError::NotOurs);
        assert_eq!(refused("[1]"), ModelFileError::NotOurs);
        assert_eq!(
            refused(r#"{"app":"provincial-planner","kind":"drafts","schema_version":1}"#),
            ModelFileError::OtherKind {
                kind: "drafts".into()
            }
        );
        assert_eq!(
            refused(&SMALL.replacen("\"schema_version\":1", "\"schema_version\":2", 1)),
            ModelFileError::NewerVersion { found: 2 }
        );
        assert!(matches!(refused("not json"), ModelFileError::Json(_)));
        assert!(matches!(
            refused(&SMALL.replacen(
                "\"kind\":\"model\",",
                "\"kind\":\"model\",\"kind\":\"model\",",
                1
            )),
            ModelFileError::Json(JsonError::DuplicateKey(_))
        ));
        assert!(matches!(
            refused(&SMALL.replace("\"value\":10.02", "\"value\":\"10,02\"")),
            ModelFileError::Shape { line: 7, .. }
        ));
        assert_eq!(
            read_model_file(&[0xFF, 0xFE, 0], UNITS_JSON).err(),
            Some(ModelFileError::NotText)
        );
        let huge = vec![b' '; MAX_MODEL_FILE_BYTES + 1];
        assert_eq!(
            read_model_file(&huge, UNITS_JSON).err(),
            Some(ModelFileError::TooLarge {
                bytes: MAX_MODEL_FILE_BYTES + 1
            })
        );
    }

    #[test]
    fn a_model_with_duplicate_ids_is_refused_whole() {
        let twice = SMALL.replace(
            r#""indicators":[{"#,
            r#""indicators":[{"id":"grdp","name":{"vi":"x","en":"x"},"group":"g1","unit":"percent","better":"higher","target_kind":"level"},{"#,
        );
        match refused(&twice) {
            ModelFileError::Invalid(errors) => {
                assert!(
                    errors.contains(&DataError::DuplicateId {
                        what: "indicator",
                        id: "grdp".into()
                    }),
                    "{errors:?}"
                )
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn non_finite_numbers_are_never_written() {
        let (mut file, _) = read_model_file(SMALL.as_bytes(), UNITS_JSON).expect("reads");
        file.figures[0].value = Some(f64::NAN);
        assert_eq!(write_model_file(&file), None);
    }
}

/// Model files the tests of several layers share.
#[cfg(test)]
pub(crate) mod fixtures {
    use crate::core::model::catalog::UNITS_JSON;
    use crate::core::model::Model;

    /// One indicator `x` (bn VND, higher is better, target ≥ 120 in 2030) with two
    /// vintages of its 2025 level: an estimate of 100 (document `a`, "Bảng A" / "Table
    /// A", 10/12/2025) and a result of 96 (document `b`, "Bảng B" / "Table B",
    /// 15/01/2026) that wins by default.
    pub(crate) const TWO_VINTAGES: &str = r#"{"app":"provincial-planner","kind":"model","schema_version":1,
          "model":{"schema_version":1,"id":"v","province":{"vi":"T","en":"T"},
            "term":{"first_year":2025,"last_year":2030,"base_year":2024},"data_version":"1",
            "groups":[{"id":"g","name":{"vi":"G","en":"G"}}],
            "documents":[{"id":"a","kind":"table","file":"a","title":{"vi":"Bảng A","en":"Table A"},"issuer":"","date":"2025-12-10"},
              {"id":"b","kind":"table","file":"b","title":{"vi":"Bảng B","en":"Table B"},"issuer":"","date":"2026-01-15"}]},
          "indicators":[{"id":"x","name":{"vi":"X","en":"X"},"group":"g","unit":"bn_vnd","better":"higher","target_kind":"level"}],
          "figures":[{"indicator":"x","kind":"estimate","period":"2025","value":100,"source":{"doc":"a","quote":"100"}},
            {"indicator":"x","kind":"actual","period":"2025","value":96,"source":{"doc":"b","quote":"96"}},
            {"indicator":"x","kind":"term_target","period":"2030","value":120,"comparator":"ge","source":{"doc":"a","quote":"120"}}]}"#;

    /// The model of [`TWO_VINTAGES`].
    pub(crate) fn two_vintages() -> Model {
        let (file, _) = super::read_model_file(TWO_VINTAGES.as_bytes(), UNITS_JSON).expect("reads");
        file.to_model(UNITS_JSON).expect("valid")
    }
}
