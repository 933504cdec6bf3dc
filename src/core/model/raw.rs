//! The serialised form of the shipped data files (`data/**.json`), kept apart from the
//! domain types in `core::model` so that the file format can change without touching
//! the maths, and the other way round.
//!
//! Every struct rejects unknown fields: a typo in a data file is an error, not a silently
//! ignored figure. Validation and conversion live in `core::model::load`; this module only
//! describes shapes. The format is documented in `docs/data-format.md`.

use serde::{Deserialize, Serialize};

/// A text in both languages.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawText {
    /// Vietnamese.
    pub vi: String,
    /// English.
    pub en: String,
}

/// `model.json`.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawModel {
    /// Version of this file format.
    pub schema_version: u32,
    /// Model id.
    pub id: String,
    /// Province name.
    pub province: RawText,
    /// Term.
    pub term: RawTerm,
    /// Data version.
    pub data_version: String,
    /// Groups.
    pub groups: Vec<RawGroup>,
    /// Documents.
    pub documents: Vec<RawDocument>,
    /// What the sources lack (figures or annexes not found), for the person to add;
    /// absent when nothing is known to be missing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gaps: Vec<RawText>,
}

/// The term block of `model.json`.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawTerm {
    /// First plan year.
    pub first_year: i32,
    /// Last plan year.
    pub last_year: i32,
    /// Base year.
    pub base_year: i32,
}

/// A group.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawGroup {
    /// Id.
    pub id: String,
    /// Name.
    pub name: RawText,
}

/// A document.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawDocument {
    /// Id.
    pub id: String,
    /// `seed` or `public_report`.
    pub kind: String,
    /// Source file name.
    pub file: String,
    /// Title.
    pub title: RawText,
    /// Issuer.
    pub issuer: String,
    /// Document number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// How the date was inferred.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_note: Option<RawText>,
    /// Web site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A fragment file: units, indicators and figures, each list optional.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawFragment {
    /// Units.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<RawUnit>,
    /// Indicators.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<RawIndicator>,
    /// Figures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<RawFigure>,
}

/// A unit.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawUnit {
    /// Id.
    pub id: String,
    /// Name.
    pub name: RawText,
    /// Dimension.
    pub dimension: String,
    /// Factor to the dimension's base unit.
    pub factor: f64,
    /// Decimals a figure in this unit is shown with (0 for people, households, ranks),
    /// when the registry says; absent in older files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decimals: Option<u8>,
}

/// An indicator.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawIndicator {
    /// Id.
    pub id: String,
    /// Name.
    pub name: RawText,
    /// Group id.
    pub group: String,
    /// Unit id.
    pub unit: String,
    /// `higher`, `lower` or `neutral`.
    pub better: String,
    /// Target kind.
    pub target_kind: String,
    /// Default price basis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price_basis: Option<String>,
    /// Indicator of the yearly additions to this stock.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additions: Option<String>,
}

/// A figure.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawFigure {
    /// Indicator id.
    pub indicator: String,
    /// Kind.
    pub kind: String,
    /// Measure; `level` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<String>,
    /// Period notation.
    pub period: String,
    /// Single value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// Range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range: Option<[f64; 2]>,
    /// Unit override.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Comparator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comparator: Option<String>,
    /// About.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub approx: bool,
    /// Price basis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price_basis: Option<String>,
    /// Statistical basis: `pre_revision` | `revised`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
    /// Variant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<String>,
    /// Note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<RawText>,
    /// Quote source (absent for derived figures).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<RawSource>,
    /// Derivation (derived figures only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub derivation: Option<RawDerivation>,
}

/// A quote source.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    /// Document id.
    pub doc: String,
    /// Verbatim quote.
    pub quote: String,
}

/// How a derived figure was computed.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawDerivation {
    /// Formula in words (English, the numbers in English format).
    pub formula: String,
    /// The same formula in Vietnamese, the numbers in Vietnamese format; absent in
    /// older files, where the English formula is shown in both languages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub formula_vi: Option<String>,
    /// Input figure keys.
    pub inputs: Vec<String>,
}
