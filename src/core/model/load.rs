//! Reads a model's data files (`core::model::raw`) into a validated `core::model::Model`.
//!
//! Validation is all-or-nothing for a model and reports every problem at once, so that a
//! data editor sees the whole list. It checks shapes and references (ids unique and
//! known, periods well formed, numbers finite, units of the right dimension); whether a
//! quote really stands in its document is checked by the data tests, which have the
//! source texts. No I/O: callers pass the file contents in.

use std::collections::BTreeSet;
use std::fmt;

use crate::core::model::raw::{RawFigure, RawFragment, RawModel, RawText, RawUnit};
use crate::core::model::{
    Amount, Better, Comparator, Document, DocumentKind, Figure, FigureKind, Group, Indicator,
    Localized, Measure, Model, PartialDate, Period, PriceBasis, Source, StatBasis, TargetKind,
    Term, Unit,
};

/// The version of `model.json` this build reads.
pub const MODEL_SCHEMA_VERSION: u32 = 1;

/// The text of one model's files, as embedded by `core::model::catalog`.
#[derive(Clone, Copy, Debug)]
pub struct ModelFiles<'a> {
    /// `model.json`.
    pub model: &'a str,
    /// Fragment files: (name for messages, contents).
    pub fragments: &'a [(&'a str, &'a str)],
}

/// One problem found in a model's data.
#[derive(Clone, Debug, PartialEq)]
pub enum DataError {
    /// A file is not valid JSON of the expected shape.
    Json {
        /// File name.
        file: String,
        /// Parser message.
        message: String,
    },
    /// `model.json` has a schema version this build does not read.
    SchemaVersion {
        /// The version found.
        found: u32,
    },
    /// The term's years are not in order.
    BadTerm,
    /// An id is defined twice.
    DuplicateId {
        /// What kind of id.
        what: &'static str,
        /// The id.
        id: String,
    },
    /// A reference to an id that does not exist.
    UnknownReference {
        /// Who refers.
        owner: String,
        /// What kind of id.
        what: &'static str,
        /// The id.
        id: String,
    },
    /// A field holds a value outside its vocabulary.
    BadValue {
        /// Who holds it.
        owner: String,
        /// Field name.
        field: &'static str,
        /// The value.
        value: String,
    },
    /// A number is NaN, infinite or otherwise unusable.
    BadNumber {
        /// Who holds it.
        owner: String,
        /// What is wrong.
        reason: &'static str,
    },
    /// A figure's unit does not fit its measure or indicator.
    UnitMismatch {
        /// The figure.
        owner: String,
        /// Its unit.
        unit: String,
    },
    /// A figure lacks its source, or a derived figure its derivation.
    MissingSource {
        /// The figure.
        owner: String,
    },
    /// Two figures of one document say the same thing.
    DuplicateFigure {
        /// The figure key.
        key: String,
    },
    /// A data file could not be read at all (offline with nothing cached, or missing).
    Unreachable {
        /// The file's path.
        file: String,
    },
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DataError::Json { file, message } => write!(f, "{file}: invalid json: {message}"),
            DataError::SchemaVersion { found } => write!(
                f,
                "model schema version {found} is not supported (expected {MODEL_SCHEMA_VERSION})"
            ),
            DataError::BadTerm => write!(f, "term years are not in order"),
            DataError::DuplicateId { what, id } => write!(f, "duplicate {what} id {id}"),
            DataError::UnknownReference { owner, what, id } => {
                write!(f, "{owner}: unknown {what} {id}")
            }
            DataError::BadValue {
                owner,
                field,
                value,
            } => write!(f, "{owner}: bad {field} {value:?}"),
            DataError::BadNumber { owner, reason } => write!(f, "{owner}: {reason}"),
            DataError::UnitMismatch { owner, unit } => {
                write!(f, "{owner}: unit {unit} does not fit the measure")
            }
            DataError::MissingSource { owner } => write!(f, "{owner}: missing source"),
            DataError::DuplicateFigure { key } => write!(f, "figure {key} appears twice"),
            DataError::Unreachable { file } => write!(f, "{file}: could not be read"),
        }
    }
}

impl std::error::Error for DataError {}

/// Builds the stable key of a figure: `indicator/period/kind/measure[/variant]`.
pub fn figure_key(figure: &Figure) -> String {
    let mut key = format!(
        "{}/{}/{}/{}",
        figure.indicator,
        figure.period,
        kind_code(figure.kind),
        measure_code(figure.measure)
    );
    if let Some(v) = &figure.variant {
        key.push('/');
        key.push_str(v);
    }
    key
}

/// The data-file code of a figure kind.
pub fn kind_code(kind: FigureKind) -> &'static str {
    match kind {
        FigureKind::Actual => "actual",
        FigureKind::Estimate => "estimate",
        FigureKind::Plan => "plan",
        FigureKind::TermTarget => "term_target",
        FigureKind::Derived => "derived",
    }
}

/// The data-file code of a measure.
pub fn measure_code(measure: Measure) -> &'static str {
    match measure {
        Measure::Level => "level",
        Measure::Growth => "growth",
        Measure::Index => "index",
        Measure::Change => "change",
        Measure::Attainment => "attainment",
        Measure::AverageGrowth => "average_growth",
        Measure::Cumulative => "cumulative",
    }
}

/// The data-file code of a comparator (`ge`, `gt`, `le`, `lt`).
pub fn comparator_code(c: Comparator) -> &'static str {
    match c {
        Comparator::AtLeast => "ge",
        Comparator::MoreThan => "gt",
        Comparator::AtMost => "le",
        Comparator::LessThan => "lt",
    }
}

/// The data-file code of a direction.
pub fn better_code(b: Better) -> &'static str {
    match b {
        Better::Higher => "higher",
        Better::Lower => "lower",
        Better::Neutral => "neutral",
    }
}

/// The data-file code of a kind of target.
pub fn target_kind_code(k: TargetKind) -> &'static str {
    match k {
        TargetKind::Level => "level",
        TargetKind::AverageGrowth => "average_growth",
        TargetKind::Cumulative => "cumulative",
        TargetKind::Stock => "stock",
        TargetKind::Share => "share",
        TargetKind::Count => "count",
        TargetKind::None => "none",
    }
}

fn localized(t: &RawText) -> Localized {
    Localized {
        vi: t.vi.clone(),
        en: t.en.clone(),
    }
}

fn parse_date(text: &str) -> Option<PartialDate> {
    let parts: Vec<&str> = text.split('-').collect();
    let num = |s: &str, len: usize| -> Option<u32> {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let year = i32::try_from(num(parts.first()?, 4)?).ok()?;
    let month = match parts.get(1) {
        Some(m) => Some(
            u8::try_from(num(m, 2)?)
                .ok()
                .filter(|m| (1..=12).contains(m))?,
        ),
        None => None,
    };
    let day = match parts.get(2) {
        Some(d) => Some(
            u8::try_from(num(d, 2)?)
                .ok()
                .filter(|d| (1..=31).contains(d))?,
        ),
        None => None,
    };
    (parts.len() <= 3).then_some(PartialDate { year, month, day })
}

/// Collects errors while converting, so that every problem is reported at once.
#[derive(Default)]
struct Errors(Vec<DataError>);

impl Errors {
    fn push(&mut self, e: DataError) {
        self.0.push(e);
    }

    fn bad_value(&mut self, owner: &str, field: &'static str, value: &str) {
        self.push(DataError::BadValue {
            owner: owner.to_string(),
            field,
            value: value.to_string(),
        });
    }
}

/// Parses the shared unit registry (`data/units.json`, a fragment with only units).
pub fn parse_units(text: &str) -> Result<Vec<RawUnit>, DataError> {
    serde_json::from_str::<RawFragment>(text)
        .map(|f| f.units)
        .map_err(|e| DataError::Json {
            file: "units.json".to_string(),
            message: e.to_string(),
        })
}

/// Parses and validates one model against the shared unit registry.
pub fn load_model(units_json: &str, files: ModelFiles<'_>) -> Result<Model, Vec<DataError>> {
    let raw_model: RawModel = match serde_json::from_str(files.model) {
        Ok(m) => m,
        Err(e) => {
            return Err(vec![DataError::Json {
                file: "model.json".to_string(),
                message: e.to_string(),
            }])
        }
    };
    let mut errors = Errors::default();
    let mut fragments = Vec::with_capacity(files.fragments.len());
    for (name, text) in files.fragments {
        match serde_json::from_str::<RawFragment>(text) {
            Ok(f) => fragments.push(f),
            Err(e) => errors.push(DataError::Json {
                file: (*name).to_string(),
                message: e.to_string(),
            }),
        }
    }
    match build_model(units_json, raw_model, fragments) {
        Ok(model) if errors.0.is_empty() => Ok(model),
        Ok(_) => Err(errors.0),
        Err(more) => {
            errors.0.extend(more);
            Err(errors.0)
        }
    }
}

/// Validates a model already read into its serialised shapes (a model file, or the
/// shipped files once parsed) against the shared unit registry, reporting every
/// problem at once.
pub fn build_model(
    units_json: &str,
    raw_model: RawModel,
    model_fragments: Vec<RawFragment>,
) -> Result<Model, Vec<DataError>> {
    let mut errors = Errors::default();
    if raw_model.schema_version != MODEL_SCHEMA_VERSION {
        return Err(vec![DataError::SchemaVersion {
            found: raw_model.schema_version,
        }]);
    }
    let mut fragments = Vec::with_capacity(model_fragments.len() + 1);
    match parse_units(units_json) {
        Ok(units) => fragments.push(RawFragment {
            units,
            ..RawFragment::default()
        }),
        Err(e) => errors.push(e),
    }
    fragments.extend(model_fragments);

    let term = Term {
        first_year: raw_model.term.first_year,
        last_year: raw_model.term.last_year,
        base_year: raw_model.term.base_year,
    };
    if !(term.base_year < term.first_year && term.first_year <= term.last_year) {
        errors.push(DataError::BadTerm);
    }

    let groups = convert_groups(&raw_model, &mut errors);
    let documents = convert_documents(&raw_model, &mut errors);
    let units = convert_units(&fragments, &mut errors);
    let indicators = convert_indicators(&fragments, &groups, &units, &mut errors);
    let figures = convert_figures(&fragments, &indicators, &units, &documents, &mut errors);

    if !errors.0.is_empty() {
        return Err(errors.0);
    }
    let figures_by_indicator = crate::core::model::index_figures(&figures);
    Ok(Model {
        id: raw_model.id,
        province: localized(&raw_model.province),
        term,
        data_version: raw_model.data_version,
        groups,
        documents,
        units,
        indicators,
        figures,
        figures_by_indicator,
        gaps: raw_model.gaps.iter().map(localized).collect(),
    })
}

fn check_unique<'a>(ids: impl Iterator<Item = &'a str>, what: &'static str, errors: &mut Errors) {
    let mut seen = BTreeSet::new();
    for id in ids {
        if !seen.insert(id) {
            errors.push(DataError::DuplicateId {
                what,
                id: id.to_string(),
            });
        }
    }
}

fn convert_groups(raw: &RawModel, errors: &mut Errors) -> Vec<Group> {
    check_unique(raw.groups.iter().map(|g| g.id.as_str()), "group", errors);
    raw.groups
        .iter()
        .map(|g| Group {
            id: g.id.clone(),
            name: localized(&g.name),
        })
        .collect()
}

fn convert_documents(raw: &RawModel, errors: &mut Errors) -> Vec<Document> {
    check_unique(
        raw.documents.iter().map(|d| d.id.as_str()),
        "document",
        errors,
    );
    let mut out = Vec::with_capacity(raw.documents.len());
    for d in &raw.documents {
        let kind = match d.kind.as_str() {
            "seed" => DocumentKind::Seed,
            "public_report" => DocumentKind::PublicReport,
            "table" => DocumentKind::Table,
            other => {
                errors.bad_value(&d.id, "kind", other);
                continue;
            }
        };
        let date = match d.date.as_deref() {
            None | Some("") => None,
            Some(text) => match parse_date(text) {
                Some(date) => Some(date),
                None => {
                    errors.bad_value(&d.id, "date", text);
                    None
                }
            },
        };
        out.push(Document {
            id: d.id.clone(),
            kind,
            file: d.file.clone(),
            title: localized(&d.title),
            issuer: d.issuer.clone(),
            number: d.number.clone(),
            date,
            date_note: d.date_note.as_ref().map(localized),
            url: d.url.clone(),
        });
    }
    out
}

fn convert_units(fragments: &[RawFragment], errors: &mut Errors) -> Vec<Unit> {
    let all: Vec<&RawUnit> = fragments.iter().flat_map(|f| f.units.iter()).collect();
    check_unique(all.iter().map(|u| u.id.as_str()), "unit", errors);
    all.into_iter()
        .filter_map(|u| {
            if !(u.factor.is_finite() && u.factor > 0.0) {
                errors.push(DataError::BadNumber {
                    owner: u.id.clone(),
                    reason: "unit factor must be finite and positive",
                });
                return None;
            }
            Some(Unit {
                id: u.id.clone(),
                name: localized(&u.name),
                dimension: u.dimension.clone(),
                factor: u.factor,
                decimals: u.decimals,
            })
        })
        .collect()
}

/// The data-file code of a statistical basis.
pub fn basis_code(basis: StatBasis) -> &'static str {
    match basis {
        StatBasis::PreRevision => "pre_revision",
        StatBasis::Revised => "revised",
    }
}

/// The statistical basis a data-file code names.
pub fn parse_basis(code: &str) -> Option<StatBasis> {
    [StatBasis::PreRevision, StatBasis::Revised]
        .into_iter()
        .find(|b| basis_code(*b) == code)
}

fn parse_price_basis(code: &str) -> Option<PriceBasis> {
    match code {
        "constant_2010" => Some(PriceBasis::Constant2010),
        "current" => Some(PriceBasis::Current),
        _ => None,
    }
}

fn convert_indicators(
    fragments: &[RawFragment],
    groups: &[Group],
    units: &[Unit],
    errors: &mut Errors,
) -> Vec<Indicator> {
    let all: Vec<_> = fragments.iter().flat_map(|f| f.indicators.iter()).collect();
    check_unique(all.iter().map(|i| i.id.as_str()), "indicator", errors);
    let mut out = Vec::with_capacity(all.len());
    for i in all {
        if !groups.iter().any(|g| g.id == i.group) {
            errors.push(DataError::UnknownReference {
                owner: i.id.clone(),
                what: "group",
                id: i.group.clone(),
            });
        }
        if !units.iter().any(|u| u.id == i.unit) {
            errors.push(DataError::UnknownReference {
                owner: i.id.clone(),
                what: "unit",
                id: i.unit.clone(),
            });
        }
        let better = match i.better.as_str() {
            "higher" => Better::Higher,
            "lower" => Better::Lower,
            "neutral" => Better::Neutral,
            other => {
                errors.bad_value(&i.id, "better", other);
                continue;
            }
        };
        let target_kind = match i.target_kind.as_str() {
            "level" => TargetKind::Level,
            "average_growth" => TargetKind::AverageGrowth,
            "cumulative" => TargetKind::Cumulative,
            "stock" => TargetKind::Stock,
            "share" => TargetKind::Share,
            "count" => TargetKind::Count,
            "none" => TargetKind::None,
            other => {
                errors.bad_value(&i.id, "target_kind", other);
                continue;
            }
        };
        let price_basis = match i.price_basis.as_deref() {
            None => None,
            Some(code) => match parse_price_basis(code) {
                Some(p) => Some(p),
                None => {
                    errors.bad_value(&i.id, "price_basis", code);
                    continue;
                }
            },
        };
        out.push(Indicator {
            id: i.id.clone(),
            name: localized(&i.name),
            group: i.group.clone(),
            unit: i.unit.clone(),
            better,
            target_kind,
            price_basis,
            additions: i.additions.clone(),
        });
    }
    for i in &out {
        if let Some(a) = &i.additions {
            if !out.iter().any(|o| &o.id == a) {
                errors.push(DataError::UnknownReference {
                    owner: i.id.clone(),
                    what: "additions indicator",
                    id: a.clone(),
                });
            }
        }
    }
    out
}

fn convert_figures(
    fragments: &[RawFragment],
    indicators: &[Indicator],
    units: &[Unit],
    documents: &[Document],
    errors: &mut Errors,
) -> Vec<Figure> {
    let mut out = Vec::new();
    let mut seen: BTreeSet<(String, Option<String>)> = BTreeSet::new();
    for raw in fragments.iter().flat_map(|f| f.figures.iter()) {
        let Some(figure) = convert_figure(raw, indicators, units, documents, errors) else {
            continue;
        };
        let key = figure_key(&figure);
        if !seen.insert((key.clone(), figure.doc_id().map(str::to_string))) {
            errors.push(DataError::DuplicateFigure { key });
        }
        out.push(figure);
    }
    out
}

fn convert_figure(
    raw: &RawFigure,
    indicators: &[Indicator],
    units: &[Unit],
    documents: &[Document],
    errors: &mut Errors,
) -> Option<Figure> {
    let owner = format!("figure {}/{}", raw.indicator, raw.period);
    let start = errors.0.len();
    let indicator = indicators.iter().find(|i| i.id == raw.indicator);
    if indicator.is_none() {
        errors.push(DataError::UnknownReference {
            owner: owner.clone(),
            what: "indicator",
            id: raw.indicator.clone(),
        });
    }
    let kind = match raw.kind.as_str() {
        "actual" => Some(FigureKind::Actual),
        "estimate" => Some(FigureKind::Estimate),
        "plan" => Some(FigureKind::Plan),
        "term_target" => Some(FigureKind::TermTarget),
        "derived" => Some(FigureKind::Derived),
        other => {
            errors.bad_value(&owner, "kind", other);
            None
        }
    };
    let measure = match raw.measure.as_deref().unwrap_or("level") {
        "level" => Some(Measure::Level),
        "growth" => Some(Measure::Growth),
        "index" => Some(Measure::Index),
        "change" => Some(Measure::Change),
        "attainment" => Some(Measure::Attainment),
        "average_growth" => Some(Measure::AverageGrowth),
        "cumulative" => Some(Measure::Cumulative),
        other => {
            errors.bad_value(&owner, "measure", other);
            None
        }
    };
    let period = Period::parse(&raw.period);
    if period.is_none() {
        errors.bad_value(&owner, "period", &raw.period);
    }
    let amount = match (raw.value, raw.range) {
        (Some(v), None) if v.is_finite() => Some(Amount::Point(v)),
        (None, Some([lo, hi])) if lo.is_finite() && hi.is_finite() && lo < hi => {
            Some(Amount::Range(lo, hi))
        }
        (None, Some(_)) => {
            errors.push(DataError::BadNumber {
                owner: owner.clone(),
                reason: "range must be two finite numbers, low before high",
            });
            None
        }
        _ => {
            errors.push(DataError::BadNumber {
                owner: owner.clone(),
                reason: "a figure needs exactly one finite value or range",
            });
            None
        }
    };
    let comparator = match raw.comparator.as_deref() {
        None => None,
        Some("ge") => Some(Comparator::AtLeast),
        Some("gt") => Some(Comparator::MoreThan),
        Some("le") => Some(Comparator::AtMost),
        Some("lt") => Some(Comparator::LessThan),
        Some(other) => {
            errors.bad_value(&owner, "comparator", other);
            None
        }
    };
    let price_basis = match raw.price_basis.as_deref() {
        None => indicator.and_then(|i| i.price_basis),
        Some(code) => {
            let parsed = parse_price_basis(code);
            if parsed.is_none() {
                errors.bad_value(&owner, "price_basis", code);
            }
            parsed
        }
    };
    let basis = match raw.basis.as_deref() {
        None => None,
        Some(code) => {
            let parsed = parse_basis(code);
            if parsed.is_none() {
                errors.bad_value(&owner, "basis", code);
            }
            parsed
        }
    };
    let source = match (kind, &raw.source, &raw.derivation) {
        (Some(FigureKind::Derived), _, Some(d)) => Some(Source::Derived {
            formula: d.formula.clone(),
            formula_vi: d.formula_vi.clone(),
            inputs: d.inputs.clone(),
        }),
        (Some(k), Some(s), None) if k != FigureKind::Derived => {
            if !documents.iter().any(|d| d.id == s.doc) {
                errors.push(DataError::UnknownReference {
                    owner: owner.clone(),
                    what: "document",
                    id: s.doc.clone(),
                });
            }
            if s.quote.trim().is_empty() {
                errors.push(DataError::MissingSource {
                    owner: owner.clone(),
                });
            }
            Some(Source::Quote {
                doc: s.doc.clone(),
                quote: s.quote.clone(),
            })
        }
        (None, _, _) => None,
        _ => {
            errors.push(DataError::MissingSource {
                owner: owner.clone(),
            });
            None
        }
    };
    let measure_unit = measure.and_then(|m| {
        let default = match m {
            Measure::Level | Measure::Change | Measure::Cumulative => {
                indicator.map(|i| i.unit.clone())
            }
            _ => Some("percent".to_string()),
        };
        raw.unit.clone().or(default)
    });
    if let (Some(m), Some(unit_id), Some(ind)) = (measure, &measure_unit, indicator) {
        if !unit_fits(m, unit_id, &ind.unit, units) {
            errors.push(DataError::UnitMismatch {
                owner: owner.clone(),
                unit: unit_id.clone(),
            });
        }
    }
    if errors.0.len() > start {
        return None;
    }
    Some(Figure {
        indicator: raw.indicator.clone(),
        kind: kind?,
        measure: measure?,
        period: period?,
        amount: amount?,
        unit: measure_unit?,
        comparator,
        approx: raw.approx,
        price_basis,
        basis,
        variant: raw.variant.clone(),
        note: raw.note.as_ref().map(localized),
        source: source?,
    })
}

/// Whether a figure's unit fits its measure: levels, changes and totals share the
/// indicator's dimension (a rate's change may be in percentage points); relative measures
/// are in percent.
fn unit_fits(measure: Measure, unit: &str, indicator_unit: &str, units: &[Unit]) -> bool {
    let dim = |id: &str| {
        units
            .iter()
            .find(|u| u.id == id)
            .map(|u| u.dimension.as_str())
    };
    let (Some(unit_dim), Some(ind_dim)) = (dim(unit), dim(indicator_unit)) else {
        return false;
    };
    match measure {
        // A target in another currency (USD per capita against results in VND) is
        // compared through an exchange rate the person sees (`core::plan::currency`).
        Measure::Level | Measure::Cumulative => {
            unit_dim == ind_dim || crate::core::plan::currency::is_currency_pair(unit_dim, ind_dim)
        }
        Measure::Change => {
            unit_dim == ind_dim || (ind_dim == "percent" && unit_dim == "percentage_points")
        }
        Measure::Growth | Measure::Index | Measure::Attainment | Measure::AverageGrowth => {
            unit_dim == "percent"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const UNITS: &str = r#"{"units":[
        {"id":"percent","name":{"vi":"%","en":"%"},"dimension":"percent","factor":1},
        {"id":"percentage_points","name":{"vi":"điểm %","en":"pp"},"dimension":"percentage_points","factor":1},
        {"id":"bn_vnd","name":{"vi":"tỷ đồng","en":"billion VND"},"dimension":"vnd","factor":1e9},
        {"id":"ha","name":{"vi":"ha","en":"ha"},"dimension":"area","factor":1}]}"#;
    const MODEL: &str = r#"{"schema_version":1,"id":"t","province":{"vi":"T","en":"T"},
        "term":{"first_year":2021,"last_year":2025,"base_year":2020},"data_version":"x",
        "groups":[{"id":"economy","name":{"vi":"Kinh tế","en":"Economy"}}],
        "documents":[{"id":"d1","kind":"seed","file":"f.txt","title":{"vi":"a","en":"a"},"issuer":"x","date":"2023-12"}]}"#;
    const INDICATORS: &str = r#"{"indicators":[{"id":"grdp","name":{"vi":"GRDP","en":"GRDP"},
        "group":"economy","unit":"bn_vnd","better":"higher","target_kind":"average_growth"}]}"#;

    fn load(figures: &str) -> Result<Model, Vec<DataError>> {
        let fragment = format!(r#"{{"figures":[{figures}]}}"#);
        load_model(
            UNITS,
            ModelFiles {
                model: MODEL,
                fragments: &[("indicators", INDICATORS), ("figures", &fragment)],
            },
        )
    }

    #[track_caller]
    fn rejects(figure: &str, expected: &str) {
        let errors = load(figure).expect_err("should be rejected");
        let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert!(
            text.iter().any(|t| t.contains(expected)),
            "expected {expected:?} in {text:?}"
        );
    }

    const SOURCE: &str = r#""source":{"doc":"d1","quote":"18.938,78 tỷ đồng"}"#;

    #[test]
    fn loads_a_valid_figure() {
        let model = load(&format!(
            r#"{{"indicator":"grdp","kind":"estimate","period":"2023","value":18938.78,"approx":true,{SOURCE}}}"#
        ))
        .expect("valid");
        let f = &model.figures[0];
        assert_eq!(f.period, Period::Year(2023));
        assert_eq!(f.unit, "bn_vnd");
        assert_eq!(f.amount, Amount::Point(18938.78));
        assert!(f.approx);
        assert_eq!(model.figures_of("grdp").count(), 1);
        assert_eq!(figure_key(f), "grdp/2023/estimate/level");
    }

    #[test]
    fn rejects_bad_figures() {
        rejects(
            &format!(
                r#"{{"indicator":"nope","kind":"actual","period":"2023","value":1,{SOURCE}}}"#
            ),
            "unknown indicator nope",
        );
        rejects(
            &format!(r#"{{"indicator":"grdp","kind":"guess","period":"2023","value":1,{SOURCE}}}"#),
            "bad kind",
        );
        rejects(
            &format!(
                r#"{{"indicator":"grdp","kind":"actual","period":"2023-H3","value":1,{SOURCE}}}"#
            ),
            "bad period",
        );
        rejects(
            &format!(
                r#"{{"indicator":"grdp","kind":"actual","period":"2023","value":1,"range":[1,2],{SOURCE}}}"#
            ),
            "exactly one",
        );
        rejects(
            &format!(
                r#"{{"indicator":"grdp","kind":"plan","period":"2024","range":[19,18],{SOURCE}}}"#
            ),
            "low before high",
        );
        rejects(
            &format!(
                r#"{{"indicator":"grdp","kind":"actual","period":"2023","value":1,"unit":"ha",{SOURCE}}}"#
            ),
            "unit ha",
        );
        rejects(
            r#"{"indicator":"grdp","kind":"actual","period":"2023","value":1}"#,
            "missing source",
        );
        rejects(
            r#"{"indicator":"grdp","kind":"actual","period":"2023","value":1,"source":{"doc":"zz","quote":"1"}}"#,
            "unknown document zz",
        );
        rejects(
            &format!(
                r#"{{"indicator":"grdp","kind":"actual","period":"2023","value":1,"colour":"red",{SOURCE}}}"#
            ),
            "unknown field",
        );
    }

    #[test]
    fn rejects_non_finite_numbers_written_as_null() {
        rejects(
            &format!(
                r#"{{"indicator":"grdp","kind":"actual","period":"2023","value":null,{SOURCE}}}"#
            ),
            "exactly one",
        );
    }

    #[test]
    fn rejects_duplicates_within_a_document() {
        let fig =
            format!(r#"{{"indicator":"grdp","kind":"actual","period":"2023","value":1,{SOURCE}}}"#);
        let errors = load(&format!("{fig},{fig}")).expect_err("duplicate");
        assert!(matches!(errors[0], DataError::DuplicateFigure { .. }));
    }

    #[test]
    fn parses_periods_and_dates() {
        let cases = [
            ("2023", Some(Period::Year(2023))),
            ("2022-H2", Some(Period::Half(2022, 2))),
            ("2024-Q1", Some(Period::Quarter(2024, 1))),
            ("2023-YTD11", Some(Period::YearToDate(2023, 11))),
            ("2021-2025", Some(Period::Years(2021, 2025))),
            ("2023-06-30", Some(Period::Date(2023, 6, 30))),
            ("2025-2021", None),
            ("23", None),
            ("2023-13-01", None),
            ("", None),
        ];
        for (text, expected) in cases {
            assert_eq!(Period::parse(text), expected, "{text}");
            if let Some(p) = expected {
                assert_eq!(p.to_string(), text);
            }
        }
        assert_eq!(
            parse_date("2023-12"),
            Some(PartialDate {
                year: 2023,
                month: Some(12),
                day: None
            })
        );
        assert_eq!(parse_date("2023-1"), None);
    }
}
