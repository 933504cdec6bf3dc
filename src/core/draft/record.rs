//! Drafts (bản nháp): named scenarios kept by the person, and their saved form.
//!
//! A draft is a set of overrides on one shipped model (the scenario inputs, start years
//! and growth-chain inputs typed in the workbench), with a name, a note, when it was
//! created and changed, and which model (province, term, data version) it belongs to.
//!
//! This module owns the domain type [`Draft`] and the versioned JSON form shared by
//! browser storage, exported files and share links: [`draft_to_json`] refuses
//! non-finite numbers, and [`draft_from_json`] reads any released schema version,
//! repairs what is safe to repair (and lists each repair in [`ReadDraft::repairs`] for
//! the caller to tell the person), and rejects the rest with a typed reason. Names and
//! notes are read in Unicode NFC, whatever form the file, link or record wrote them in. It reads no storage and no clock: ids and times come in as arguments.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Map, Value};

use crate::core::model::load::{basis_code, kind_code, measure_code, parse_basis};
use crate::core::model::{Amount, FigureKind, Measure, Period, StatBasis, YEARS};
use crate::core::plan::chain::ChainInput;
use crate::core::plan::chance::RangeEnd;
use crate::core::plan::quarterly::{QuarterCell, QUARTERS};
use crate::core::text::numfmt::{format_number, Locale};
use crate::core::text::numparse::parse_number;
use crate::core::text::unicode::nfc;

/// Schema version this app writes; a fixture of every released version lives in
/// `tests/fixtures/`.
/// - 1: the first released draft format (scenario, start years, chain).
/// - 2 (2026-12-01): adds, each written only when it holds something, `quarterly` and
///   `quarter_results` (the quarterly scenario), `ranges` and `seed` (the chance of
///   reaching a target), `level_paces`, `bases` and `vintages` (which figures count) and
///   `relied` (the figures the draft relied on) and `exchange_rates` (the VND per USD
///   typed for targets in USD). A version-1 app opens a version-2 record read-only
///   instead of dropping those fields when it saves. (`exchange_rates` joined version 2
///   before any app writing version 2 was released, so it needed no version of its own.)
pub const SCHEMA_VERSION: u64 = 2;

/// Written in every saved record so a stray key of another app is never mistaken for
/// one of ours.
pub const APP_ID: &str = "provincial-planner";

/// Longest draft name kept, in characters.
pub const MAX_NAME_CHARS: usize = 120;
/// Longest note kept, in characters.
pub const MAX_NOTE_CHARS: usize = 4000;
/// Most overrides one draft may hold (a guard against hostile files and links).
pub const MAX_OVERRIDES: usize = 5000;

/// Which model a draft belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ModelRef {
    /// Model id (`kon-tum-2021-2025`).
    pub id: String,
    /// Province name as the model gives it in Vietnamese, for lists when the model is
    /// not shipped any more.
    pub province: String,
    /// First year of the term.
    pub first_year: i32,
    /// Last year of the term.
    pub last_year: i32,
    /// The model's data version when the draft was last saved.
    pub data_version: String,
}

/// One typed assumption: the text as the person typed it, and the number it read as
/// when saved (`None` when it did not read as a number).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Entry {
    /// Text as typed.
    pub text: String,
    /// Value it read as; always finite.
    pub value: Option<f64>,
}

/// The overrides of a draft on its base model.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Overrides {
    /// Scenario inputs by (indicator id, year).
    pub scenario: BTreeMap<(String, i32), Entry>,
    /// Start year chosen per indicator.
    pub start_years: BTreeMap<String, i32>,
    /// Growth-chain inputs by (input, year); saved under the input's id.
    pub chain: BTreeMap<(ChainInput, i32), Entry>,
    /// Quarterly scenario cells (last year's levels, growth by quarter and sector, the
    /// year's target); saved under `quarterly` only when there are some.
    pub quarterly: BTreeMap<QuarterCell, Entry>,
    /// Quarters marked as published results; saved under `quarter_results` only when
    /// there are some.
    pub quarter_results: BTreeSet<u8>,
    /// The ends of ranged assumptions, by (the assumption's input id as the workbench
    /// names it, `grdp_constant:2025` or `chain:icor:2025`, and which end). Written
    /// under `ranges` only when there are some; absent reads as none.
    pub ranges: BTreeMap<(String, RangeEnd), Entry>,
    /// The seed of the runs behind a chance, when the person chose one. Written under
    /// `seed` only when set; absent reads as the default seed.
    pub seed: Option<u64>,
    /// Exchange rates (VND per USD) typed for indicators whose term target is in USD,
    /// by indicator. Written under `exchange_rates` only when there are some
    /// (`[{"indicator": "grdp_per_capita", "text": "26.000", "value": 26000.0}]`);
    /// absent reads as none.
    pub exchange_rates: BTreeMap<String, Entry>,
    /// Which figures count (series, basis, vintages); written only when made.
    pub choices: FigureChoices,
    /// The winning figures the draft relied on when it was last saved, so that a newer
    /// revision of the model can say which of them changed; written only when kept.
    /// Not an override: [`Overrides::len`] does not count them.
    pub relied: Vec<ReliedFigure>,
}

/// The person's choices of which figures count, per indicator.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct FigureChoices {
    /// Indicators whose average-growth status rests on the levels rather than the
    /// stated rates (`nhip=muc` in a link). JSON `level_paces`: `["grdp_constant"]`.
    pub level_paces: BTreeSet<String>,
    /// The statistical basis picked for a series that mixes bases. JSON `bases`:
    /// `[{"indicator": "grdp_per_capita", "basis": "pre_revision"}]`.
    pub bases: BTreeMap<String, StatBasis>,
    /// The vintage picked by indicator and slot (`2024/level`). JSON `vintages`:
    /// `[{"indicator": "grdp_constant", "slot": "2024/level", "vintage": "kt-003:estimate"}]`.
    pub vintages: BTreeMap<String, BTreeMap<String, String>>,
}

impl FigureChoices {
    /// Number of choices.
    pub fn len(&self) -> usize {
        self.level_paces.len()
            + self.bases.len()
            + self.vintages.values().map(BTreeMap::len).sum::<usize>()
    }

    /// Whether no choice is made.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// One figure a draft relied on, as the model's winning vintage gave it.
#[derive(Clone, Debug, PartialEq)]
pub struct ReliedFigure {
    /// Indicator id.
    pub indicator: String,
    /// Period.
    pub period: Period,
    /// Kind.
    pub kind: FigureKind,
    /// Measure.
    pub measure: Measure,
    /// The amount.
    pub amount: Amount,
}

/// Most relied-on figures kept in one draft.
pub const MAX_RELIED: usize = 2000;

impl Overrides {
    /// Number of overrides.
    pub fn len(&self) -> usize {
        self.scenario.len()
            + self.start_years.len()
            + self.chain.len()
            + self.quarterly.len()
            + self.quarter_results.len()
            + self.ranges.len()
            + self.exchange_rates.len()
            + self.choices.len()
    }

    /// Whether the draft changes nothing.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Builds entries from typed texts, reading each in `locale`.
    pub fn from_texts(
        scenario: &BTreeMap<(String, i32), String>,
        start_years: &BTreeMap<String, i32>,
        chain: &BTreeMap<(ChainInput, i32), String>,
        locale: Locale,
    ) -> Self {
        fn entries<K: Ord + Clone>(
            texts: &BTreeMap<K, String>,
            locale: Locale,
        ) -> BTreeMap<K, Entry> {
            texts
                .iter()
                .map(|(k, text)| (k.clone(), Entry::read(text, locale)))
                .collect()
        }
        Overrides {
            scenario: entries(scenario, locale),
            start_years: start_years.clone(),
            chain: entries(chain, locale),
            ..Overrides::default()
        }
    }
}

impl Entry {
    /// An entry for `text` typed in `locale`.
    pub fn read(text: &str, locale: Locale) -> Self {
        let value = parse_number(text, locale)
            .ok()
            .flatten()
            .map(|p| p.value)
            .filter(|v| v.is_finite());
        Entry {
            text: text.to_string(),
            value,
        }
    }

    /// The text to show in `locale`: the typed text when it still reads as the saved
    /// value there, otherwise the value written in `locale` (a draft typed in English
    /// and opened in Vietnamese keeps its numbers, not its decimal points).
    pub fn text_in(&self, locale: Locale) -> String {
        match self.value {
            Some(v) => {
                let same = parse_number(&self.text, locale)
                    .ok()
                    .flatten()
                    .is_some_and(|p| p.value == v && p.ambiguity.is_none());
                if same {
                    self.text.clone()
                } else {
                    format_number(v, locale, 6)
                }
            }
            None => self.text.clone(),
        }
    }
}

/// A named scenario.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Draft {
    /// Stable id, made by the shell when the draft is created.
    pub id: String,
    /// Name shown in lists.
    pub name: String,
    /// Free note.
    pub note: String,
    /// The model it belongs to.
    pub model: ModelRef,
    /// When it was created, in milliseconds since the Unix epoch.
    pub created_ms: i64,
    /// When it was last changed.
    pub changed_ms: i64,
    /// Save counter: every save writes `revision + 1`, so a tab holding an older
    /// revision knows it is stale and must not write.
    pub revision: u64,
    /// Its overrides.
    pub overrides: Overrides,
}

/// A change made while reading a record, so the person can be told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Repair {
    /// A missing or unreadable optional field took its default.
    FieldDefaulted(&'static str),
    /// A number that was `null` or not a number was dropped; its typed text is kept.
    ValueDropped {
        /// Which list (`scenario`, `chain`).
        list: &'static str,
        /// Position in the list.
        index: usize,
    },
    /// An override that could not be read was skipped.
    EntrySkipped {
        /// Which list.
        list: &'static str,
        /// Position in the list.
        index: usize,
    },
    /// Fields this version does not know were ignored.
    UnknownFields(Vec<String>),
    /// A name or note longer than the limit was cut.
    TextShortened(&'static str),
}

/// Why a record cannot be read as a draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DraftError {
    /// Not JSON (truncated, or another format).
    NotJson(String),
    /// JSON, but not an object with our `app` and `schema_version`.
    NotADraft,
    /// Written by a newer version of the app.
    NewerVersion(u64),
    /// A required field is missing or has the wrong type.
    BadField(&'static str),
    /// More overrides than [`MAX_OVERRIDES`].
    TooLarge,
}

impl std::fmt::Display for DraftError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DraftError::NotJson(e) => write!(f, "not json: {e}"),
            DraftError::NotADraft => write!(f, "not a draft of this app"),
            DraftError::NewerVersion(v) => write!(f, "schema version {v} is newer than this app"),
            DraftError::BadField(name) => write!(f, "field {name} is missing or invalid"),
            DraftError::TooLarge => write!(f, "too many overrides"),
        }
    }
}

/// Why a draft cannot be written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EncodeError {
    /// A value is NaN or infinite (it would be written as `null` and read back as
    /// nothing).
    NonFinite {
        /// Where.
        field: String,
    },
}

impl std::fmt::Display for EncodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EncodeError::NonFinite { field } => write!(f, "non-finite number in {field}"),
        }
    }
}

fn entry_json(
    list: &str,
    id_key: &str,
    key: (&str, i32),
    entry: &Entry,
) -> Result<Value, EncodeError> {
    let value = match entry.value {
        Some(v) if v.is_finite() => json!(v),
        Some(_) => {
            return Err(EncodeError::NonFinite {
                field: format!("{list}/{}/{}", key.0, key.1),
            })
        }
        None => Value::Null,
    };
    Ok(json!({ id_key: key.0, "year": key.1, "text": entry.text, "value": value }))
}

/// The draft as a JSON object (without the envelope), refusing non-finite numbers.
pub fn draft_body(draft: &Draft) -> Result<Value, EncodeError> {
    let scenario = draft
        .overrides
        .scenario
        .iter()
        .map(|((id, y), e)| entry_json("scenario", "indicator", (id, *y), e))
        .collect::<Result<Vec<_>, _>>()?;
    // In the order of the ids, as drafts were written when inputs were keyed by id.
    let mut chain_entries: Vec<((&str, i32), &Entry)> = draft
        .overrides
        .chain
        .iter()
        .map(|((input, y), e)| ((input.id(), *y), e))
        .collect();
    chain_entries.sort_by(|a, b| a.0.cmp(&b.0));
    let chain = chain_entries
        .into_iter()
        .map(|(k, e)| entry_json("chain", "input", k, e))
        .collect::<Result<Vec<_>, _>>()?;
    let start_years: Vec<Value> = draft
        .overrides
        .start_years
        .iter()
        .map(|(id, y)| json!({ "indicator": id, "year": y }))
        .collect();
    let mut body = json!({
        "id": draft.id,
        "name": draft.name,
        "note": draft.note,
        "model": {
            "id": draft.model.id,
            "province": draft.model.province,
            "first_year": draft.model.first_year,
            "last_year": draft.model.last_year,
            "data_version": draft.model.data_version,
        },
        "created_ms": draft.created_ms,
        "changed_ms": draft.changed_ms,
        "revision": draft.revision,
        "scenario": scenario,
        "start_years": start_years,
        "chain": chain,
    });
    // Written only when there are some, so drafts without a quarterly scenario keep
    // the exact form they had.
    if let Value::Object(map) = &mut body {
        if !draft.overrides.quarterly.is_empty() {
            let cells = draft
                .overrides
                .quarterly
                .iter()
                .map(|(c, e)| quarter_cell_json(*c, e))
                .collect::<Result<Vec<_>, _>>()?;
            map.insert("quarterly".into(), Value::Array(cells));
        }
        if !draft.overrides.quarter_results.is_empty() {
            map.insert(
                "quarter_results".into(),
                json!(draft.overrides.quarter_results),
            );
        }
        if !draft.overrides.ranges.is_empty() {
            let ranges = draft
                .overrides
                .ranges
                .iter()
                .map(|((id, end), e)| {
                    let value = match e.value {
                        Some(v) if v.is_finite() => json!(v),
                        Some(_) => {
                            return Err(EncodeError::NonFinite {
                                field: format!("ranges/{id}/{}", end.id()),
                            })
                        }
                        None => Value::Null,
                    };
                    Ok(json!({ "input": id, "end": end.id(), "text": e.text, "value": value }))
                })
                .collect::<Result<Vec<_>, _>>()?;
            map.insert("ranges".into(), Value::Array(ranges));
        }
        if let Some(seed) = draft.overrides.seed {
            map.insert("seed".into(), json!(seed));
        }
        if !draft.overrides.exchange_rates.is_empty() {
            let rates = draft
                .overrides
                .exchange_rates
                .iter()
                .map(|(id, e)| {
                    let value = match e.value {
                        Some(v) if v.is_finite() => json!(v),
                        Some(_) => {
                            return Err(EncodeError::NonFinite {
                                field: format!("exchange_rates/{id}"),
                            })
                        }
                        None => Value::Null,
                    };
                    Ok(json!({ "indicator": id, "text": e.text, "value": value }))
                })
                .collect::<Result<Vec<_>, _>>()?;
            map.insert("exchange_rates".into(), Value::Array(rates));
        }
        choices_json(&draft.overrides.choices, map);
        if !draft.overrides.relied.is_empty() {
            let relied = draft
                .overrides
                .relied
                .iter()
                .map(relied_json)
                .collect::<Result<Vec<_>, _>>()?;
            map.insert("relied".into(), Value::Array(relied));
        }
    }
    Ok(body)
}

/// Writes the non-empty choices under `level_paces`, `bases` and `vintages`.
fn choices_json(c: &FigureChoices, map: &mut Map<String, Value>) {
    if !c.level_paces.is_empty() {
        map.insert("level_paces".into(), json!(c.level_paces));
    }
    if !c.bases.is_empty() {
        let items: Vec<Value> = c
            .bases
            .iter()
            .map(|(id, b)| json!({ "indicator": id, "basis": basis_code(*b) }))
            .collect();
        map.insert("bases".into(), Value::Array(items));
    }
    if !c.vintages.is_empty() {
        let items: Vec<Value> = c
            .vintages
            .iter()
            .flat_map(|(id, slots)| {
                slots
                    .iter()
                    .map(move |(slot, v)| json!({ "indicator": id, "slot": slot, "vintage": v }))
            })
            .collect();
        map.insert("vintages".into(), Value::Array(items));
    }
}

fn relied_json(f: &ReliedFigure) -> Result<Value, EncodeError> {
    let finite = match f.amount {
        Amount::Point(v) => v.is_finite(),
        Amount::Range(lo, hi) => lo.is_finite() && hi.is_finite(),
    };
    if !finite {
        return Err(EncodeError::NonFinite {
            field: format!("relied/{}/{}", f.indicator, f.period),
        });
    }
    let mut item = json!({
        "indicator": f.indicator,
        "period": f.period.to_string(),
        "kind": kind_code(f.kind),
        "measure": measure_code(f.measure),
    });
    if let Value::Object(m) = &mut item {
        match f.amount {
            Amount::Point(v) => m.insert("value".into(), json!(v)),
            Amount::Range(lo, hi) => m.insert("range".into(), json!([lo, hi])),
        };
    }
    Ok(item)
}

const KINDS: [FigureKind; 5] = [
    FigureKind::Actual,
    FigureKind::Estimate,
    FigureKind::Plan,
    FigureKind::TermTarget,
    FigureKind::Derived,
];
const MEASURES: [Measure; 7] = [
    Measure::Level,
    Measure::Growth,
    Measure::Index,
    Measure::Change,
    Measure::Attainment,
    Measure::AverageGrowth,
    Measure::Cumulative,
];

fn relied_of(item: &Value) -> Option<ReliedFigure> {
    let text = |k: &str| item.get(k).and_then(Value::as_str);
    let period = Period::parse(text("period")?)?;
    let kind = KINDS
        .into_iter()
        .find(|k| Some(kind_code(*k)) == text("kind"))?;
    let measure = MEASURES
        .into_iter()
        .find(|m| Some(measure_code(*m)) == text("measure"))?;
    let finite = |v: &Value| v.as_f64().filter(|x| x.is_finite());
    let amount = match (item.get("value"), item.get("range")) {
        (Some(v), None) => Amount::Point(finite(v)?),
        (None, Some(Value::Array(r))) => match r.as_slice() {
            [lo, hi] => Amount::Range(finite(lo)?, finite(hi)?),
            _ => return None,
        },
        _ => return None,
    };
    Some(ReliedFigure {
        indicator: text("indicator").filter(|s| !s.is_empty())?.to_string(),
        period,
        kind,
        measure,
        amount,
    })
}

/// The items of an optional list (absent: none, no repair); `None` when it is not a
/// list.
fn optional_list<'a>(
    body: &'a Map<String, Value>,
    list: &'static str,
) -> Result<&'a [Value], DraftError> {
    match body.get(list) {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(items)) if items.len() > MAX_OVERRIDES.max(MAX_RELIED) => {
            Err(DraftError::TooLarge)
        }
        Some(Value::Array(items)) => Ok(items),
        Some(_) => Err(DraftError::BadField(list)),
    }
}

/// Reads `level_paces`, `bases` and `vintages` (each absent = no choice); an item that
/// cannot be read is skipped and reported.
fn choices_of(
    body: &Map<String, Value>,
    repairs: &mut Vec<Repair>,
) -> Result<FigureChoices, DraftError> {
    let mut c = FigureChoices::default();
    for (index, item) in optional_list(body, "level_paces")?.iter().enumerate() {
        match item.as_str().filter(|s| !s.is_empty()) {
            Some(id) => {
                c.level_paces.insert(id.to_string());
            }
            None => repairs.push(Repair::EntrySkipped {
                list: "level_paces",
                index,
            }),
        }
    }
    let field = |item: &Value, k: &str| {
        item.get(k)
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    for (index, item) in optional_list(body, "bases")?.iter().enumerate() {
        let basis = item
            .get("basis")
            .and_then(Value::as_str)
            .and_then(parse_basis);
        match (field(item, "indicator"), basis) {
            (Some(id), Some(b)) => {
                c.bases.insert(id, b);
            }
            _ => repairs.push(Repair::EntrySkipped {
                list: "bases",
                index,
            }),
        }
    }
    for (index, item) in optional_list(body, "vintages")?.iter().enumerate() {
        match (
            field(item, "indicator"),
            field(item, "slot"),
            field(item, "vintage"),
        ) {
            (Some(id), Some(slot), Some(v)) => {
                c.vintages.entry(id).or_default().insert(slot, v);
            }
            _ => repairs.push(Repair::EntrySkipped {
                list: "vintages",
                index,
            }),
        }
    }
    Ok(c)
}

fn relied_list(
    body: &Map<String, Value>,
    repairs: &mut Vec<Repair>,
) -> Result<Vec<ReliedFigure>, DraftError> {
    let items = optional_list(body, "relied")?;
    if items.len() > MAX_RELIED {
        return Err(DraftError::TooLarge);
    }
    let mut out = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        match relied_of(item) {
            Some(f) => out.push(f),
            None => repairs.push(Repair::EntrySkipped {
                list: "relied",
                index,
            }),
        }
    }
    Ok(out)
}

/// The `exchange_rates` list of a body; absent or `null` reads as none (a record of
/// before exchange rates), a malformed item is skipped with a note.
fn exchange_rate_entries(
    body: &Map<String, Value>,
    repairs: &mut Vec<Repair>,
) -> Result<BTreeMap<String, Entry>, DraftError> {
    let items = match body.get("exchange_rates") {
        None | Some(Value::Null) => return Ok(BTreeMap::new()),
        Some(Value::Array(items)) => items,
        Some(_) => return Err(DraftError::BadField("exchange_rates")),
    };
    if items.len() > MAX_OVERRIDES {
        return Err(DraftError::TooLarge);
    }
    let mut out = BTreeMap::new();
    for (index, item) in items.iter().enumerate() {
        let id = item.get("indicator").and_then(Value::as_str);
        let text = item.get("text").and_then(Value::as_str);
        let value = match item.get("value") {
            None | Some(Value::Null) => Some(None),
            Some(v) => v.as_f64().filter(|v| v.is_finite()).map(Some),
        };
        match (id, text, value) {
            (Some(id), Some(text), Some(value)) if !id.is_empty() => {
                out.insert(
                    id.to_string(),
                    Entry {
                        text: shorten(text, 64, "exchange_rates", repairs),
                        value,
                    },
                );
            }
            _ => repairs.push(Repair::EntrySkipped {
                list: "exchange_rates",
                index,
            }),
        }
    }
    Ok(out)
}

/// The `ranges` list of a body; absent or `null` reads as none (a record of before
/// ranges), a malformed item is skipped with a note.
fn range_entries(
    body: &Map<String, Value>,
    repairs: &mut Vec<Repair>,
) -> Result<BTreeMap<(String, RangeEnd), Entry>, DraftError> {
    let mut out = BTreeMap::new();
    let items = match body.get("ranges") {
        None | Some(Value::Null) => return Ok(out),
        Some(Value::Array(items)) => items,
        Some(_) => return Err(DraftError::BadField("ranges")),
    };
    if items.len() > MAX_OVERRIDES {
        return Err(DraftError::TooLarge);
    }
    for (index, item) in items.iter().enumerate() {
        let id = item
            .get("input")
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty() && s.len() <= 200);
        let end = item
            .get("end")
            .and_then(Value::as_str)
            .and_then(RangeEnd::from_id);
        let value = match item.get("value") {
            Some(Value::Number(n)) => n.as_f64().filter(|v| v.is_finite()),
            _ => None,
        };
        let text = item
            .get("text")
            .and_then(Value::as_str)
            .map(str::to_string)
            .or_else(|| value.map(|v| format_number(v, Locale::Vi, 6)));
        let (Some(id), Some(end), Some(text)) = (id, end, text) else {
            repairs.push(Repair::EntrySkipped {
                list: "ranges",
                index,
            });
            continue;
        };
        out.insert((id.to_string(), end), Entry { text, value });
    }
    Ok(out)
}

fn quarter_cell_json(c: QuarterCell, entry: &Entry) -> Result<Value, EncodeError> {
    let value = match entry.value {
        Some(v) if v.is_finite() => json!(v),
        Some(_) => {
            return Err(EncodeError::NonFinite {
                field: format!("quarterly/{}", c.id()),
            })
        }
        None => Value::Null,
    };
    Ok(json!({ "cell": c.id(), "text": entry.text, "value": value }))
}

/// The quarterly cells of a body: absent means none (drafts written before them);
/// a cell this version does not know, or without text, is skipped with a note.
fn quarterly_entries(
    body: &Map<String, Value>,
    repairs: &mut Vec<Repair>,
) -> Result<BTreeMap<QuarterCell, Entry>, DraftError> {
    let mut out = BTreeMap::new();
    let items = match body.get("quarterly") {
        None | Some(Value::Null) => return Ok(out),
        Some(Value::Array(items)) => items,
        Some(_) => return Err(DraftError::BadField("quarterly")),
    };
    if items.len() > MAX_OVERRIDES {
        return Err(DraftError::TooLarge);
    }
    for (index, item) in items.iter().enumerate() {
        let cell = item
            .get("cell")
            .and_then(Value::as_str)
            .and_then(QuarterCell::from_id);
        let value = match item.get("value") {
            Some(Value::Number(n)) => n.as_f64().filter(|v| v.is_finite()),
            _ => None,
        };
        let text = match (item.get("text").and_then(Value::as_str), value) {
            (Some(t), _) => Some(t.to_string()),
            (None, Some(v)) => Some(format_number(v, Locale::Vi, 6)),
            (None, None) => None,
        };
        let (Some(cell), Some(text)) = (cell, text) else {
            repairs.push(Repair::EntrySkipped {
                list: "quarterly",
                index,
            });
            continue;
        };
        if value.is_none()
            && item.get("value").is_some()
            && parse_number(&text, Locale::Vi).ok().flatten().is_some()
        {
            repairs.push(Repair::ValueDropped {
                list: "quarterly",
                index,
            });
        }
        out.insert(cell, Entry { text, value });
    }
    Ok(out)
}

/// The result quarters of a body: absent means none; a number outside 1-4 is skipped.
fn quarter_results(
    body: &Map<String, Value>,
    repairs: &mut Vec<Repair>,
) -> Result<BTreeSet<u8>, DraftError> {
    let items = match body.get("quarter_results") {
        None | Some(Value::Null) => return Ok(BTreeSet::new()),
        Some(Value::Array(items)) => items,
        Some(_) => return Err(DraftError::BadField("quarter_results")),
    };
    let mut out = BTreeSet::new();
    for (index, item) in items.iter().enumerate() {
        match item
            .as_u64()
            .and_then(|q| u8::try_from(q).ok())
            .filter(|q| QUARTERS.contains(q))
        {
            Some(q) => {
                out.insert(q);
            }
            None => repairs.push(Repair::EntrySkipped {
                list: "quarter_results",
                index,
            }),
        }
    }
    Ok(out)
}

/// The stored record of one draft: `{"app", "schema_version", "draft"}`.
pub fn draft_record(draft: &Draft) -> Result<Value, EncodeError> {
    Ok(json!({
        "app": APP_ID,
        "schema_version": SCHEMA_VERSION,
        "draft": draft_body(draft)?,
    }))
}

/// The stored record of one draft as JSON text (what storage holds).
pub fn draft_to_json(draft: &Draft) -> Result<String, EncodeError> {
    Ok(draft_record(draft)?.to_string())
}

/// What reading a record gave.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadDraft {
    /// The draft.
    pub draft: Draft,
    /// What was repaired on the way (empty for a clean record).
    pub repairs: Vec<Repair>,
}

/// Reads the envelope: checks `app` and `schema_version`, migrates older versions step
/// by step, and returns the body. `NewerVersion` when the record is from a newer app.
pub fn open_envelope(value: Value) -> Result<(Map<String, Value>, u64), DraftError> {
    let Value::Object(mut record) = value else {
        return Err(DraftError::NotADraft);
    };
    if record.get("app").and_then(Value::as_str) != Some(APP_ID) {
        return Err(DraftError::NotADraft);
    }
    let version = record
        .get("schema_version")
        .and_then(Value::as_u64)
        .ok_or(DraftError::NotADraft)?;
    if version > SCHEMA_VERSION {
        return Err(DraftError::NewerVersion(version));
    }
    if version == 0 {
        return Err(DraftError::NotADraft);
    }
    migrate(&mut record, version)?;
    Ok((record, version))
}

/// Brings an envelope from `from` up to [`SCHEMA_VERSION`], one step per version; each
/// step has a fixture in `tests/fixtures/` and running the migration twice changes
/// nothing.
pub fn migrate(record: &mut Map<String, Value>, from: u64) -> Result<(), DraftError> {
    if from == 0 || from > SCHEMA_VERSION {
        return Err(DraftError::NotADraft);
    }
    // One step per version, in order.
    if from == 1 {
        v1_to_v2(record);
    }
    Ok(())
}

/// Version 1 to 2: the fields version 2 adds are all optional and absent means empty,
/// so a version-1 body is already a valid version-2 body; only the envelope's number
/// changes.
fn v1_to_v2(record: &mut Map<String, Value>) {
    record.insert("schema_version".into(), json!(2));
}

/// Reads one stored record (the text of a storage key).
pub fn draft_from_json(text: &str) -> Result<ReadDraft, DraftError> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| DraftError::NotJson(e.to_string()))?;
    let (mut record, _) = open_envelope(value)?;
    let body = record
        .remove("draft")
        .ok_or(DraftError::BadField("draft"))?;
    draft_from_body(body)
}

const KNOWN_FIELDS: &[&str] = &[
    "id",
    "name",
    "note",
    "model",
    "created_ms",
    "changed_ms",
    "revision",
    "scenario",
    "start_years",
    "chain",
    "quarterly",
    "quarter_results",
    "ranges",
    "seed",
    "exchange_rates",
    "level_paces",
    "bases",
    "vintages",
    "relied",
];

/// `text` in NFC, cut to `limit` characters (a repair when it had to be cut).
fn shorten(text: &str, limit: usize, field: &'static str, repairs: &mut Vec<Repair>) -> String {
    let text = nfc(text);
    if text.chars().count() > limit {
        repairs.push(Repair::TextShortened(field));
        text.chars().take(limit).collect()
    } else {
        text
    }
}

fn year_of(value: Option<&Value>) -> Option<i32> {
    value
        .and_then(Value::as_i64)
        .and_then(|y| i32::try_from(y).ok())
        .filter(|y| YEARS.contains(y))
}

fn entries<K: Ord>(
    body: &Map<String, Value>,
    list: &'static str,
    id_key: &str,
    key_of: impl Fn(&str) -> Option<K>,
    repairs: &mut Vec<Repair>,
) -> Result<BTreeMap<(K, i32), Entry>, DraftError> {
    let mut out = BTreeMap::new();
    let items = match body.get(list) {
        None | Some(Value::Null) => {
            repairs.push(Repair::FieldDefaulted(list));
            return Ok(out);
        }
        Some(Value::Array(items)) => items,
        Some(_) => return Err(DraftError::BadField(list)),
    };
    if items.len() > MAX_OVERRIDES {
        return Err(DraftError::TooLarge);
    }
    for (index, item) in items.iter().enumerate() {
        let id = item.get(id_key).and_then(Value::as_str).and_then(&key_of);
        let year = year_of(item.get("year"));
        let (Some(id), Some(year)) = (id, year) else {
            repairs.push(Repair::EntrySkipped { list, index });
            continue;
        };
        let value = match item.get("value") {
            Some(Value::Number(n)) => n.as_f64().filter(|v| v.is_finite()),
            _ => None,
        };
        let text = match (item.get("text").and_then(Value::as_str), value) {
            (Some(t), _) => t.to_string(),
            (None, Some(v)) => format_number(v, Locale::Vi, 6),
            (None, None) => {
                repairs.push(Repair::EntrySkipped { list, index });
                continue;
            }
        };
        let number_lost = value.is_none()
            && item.get("value").is_some()
            && parse_number(&text, Locale::Vi).ok().flatten().is_some();
        if number_lost {
            repairs.push(Repair::ValueDropped { list, index });
        }
        out.insert((id, year), Entry { text, value });
    }
    Ok(out)
}

/// Reads a draft body (the object inside the envelope, an exported file entry or a
/// share link). Identity and model are required; everything else is repaired to its
/// default with a note.
pub fn draft_from_body(body: Value) -> Result<ReadDraft, DraftError> {
    let Value::Object(body) = body else {
        return Err(DraftError::BadField("draft"));
    };
    let mut repairs = Vec::new();
    let unknown: Vec<String> = body
        .keys()
        .filter(|k| !KNOWN_FIELDS.contains(&k.as_str()))
        .cloned()
        .collect();
    if !unknown.is_empty() {
        repairs.push(Repair::UnknownFields(unknown));
    }
    let id = body
        .get("id")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty() && s.len() <= 80)
        .ok_or(DraftError::BadField("id"))?
        .to_string();
    let model = body
        .get("model")
        .and_then(Value::as_object)
        .ok_or(DraftError::BadField("model"))?;
    let model_id = model
        .get("id")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .ok_or(DraftError::BadField("model.id"))?;
    let text_field =
        |map: &Map<String, Value>, key: &'static str, repairs: &mut Vec<Repair>| match map
            .get(key)
            .and_then(Value::as_str)
        {
            Some(s) => s.to_string(),
            None => {
                repairs.push(Repair::FieldDefaulted(key));
                String::new()
            }
        };
    let model = ModelRef {
        id: model_id.to_string(),
        province: text_field(model, "province", &mut repairs),
        first_year: year_of(model.get("first_year")).unwrap_or(0),
        last_year: year_of(model.get("last_year")).unwrap_or(0),
        data_version: text_field(model, "data_version", &mut repairs),
    };
    let name = match body.get("name").and_then(Value::as_str) {
        Some(n) if !n.trim().is_empty() => shorten(n, MAX_NAME_CHARS, "name", &mut repairs),
        _ => {
            repairs.push(Repair::FieldDefaulted("name"));
            id.clone()
        }
    };
    let note = shorten(
        &text_field(&body, "note", &mut repairs),
        MAX_NOTE_CHARS,
        "note",
        &mut repairs,
    );
    let time = |key: &'static str, repairs: &mut Vec<Repair>| match body
        .get(key)
        .and_then(Value::as_i64)
    {
        Some(t) => t,
        None => {
            repairs.push(Repair::FieldDefaulted(key));
            0
        }
    };
    let created_ms = time("created_ms", &mut repairs);
    let changed_ms = time("changed_ms", &mut repairs).max(created_ms);
    let revision = match body.get("revision").and_then(Value::as_u64) {
        Some(r) => r,
        None => {
            repairs.push(Repair::FieldDefaulted("revision"));
            0
        }
    };
    let scenario = entries(
        &body,
        "scenario",
        "indicator",
        |id| Some(id.to_string()),
        &mut repairs,
    )?;
    // An input this version does not know is skipped and reported like a malformed entry.
    let chain = entries(&body, "chain", "input", ChainInput::from_id, &mut repairs)?;
    let mut start_years = BTreeMap::new();
    match body.get("start_years") {
        Some(Value::Array(items)) => {
            if items.len() > MAX_OVERRIDES {
                return Err(DraftError::TooLarge);
            }
            for (index, item) in items.iter().enumerate() {
                match (
                    item.get("indicator").and_then(Value::as_str),
                    year_of(item.get("year")),
                ) {
                    (Some(id), Some(y)) => {
                        start_years.insert(id.to_string(), y);
                    }
                    _ => repairs.push(Repair::EntrySkipped {
                        list: "start_years",
                        index,
                    }),
                }
            }
        }
        None | Some(Value::Null) => repairs.push(Repair::FieldDefaulted("start_years")),
        Some(_) => return Err(DraftError::BadField("start_years")),
    }
    let ranges = range_entries(&body, &mut repairs)?;
    let seed = match body.get("seed") {
        None | Some(Value::Null) => None,
        Some(v) => {
            let seed = v.as_u64();
            if seed.is_none() {
                repairs.push(Repair::FieldDefaulted("seed"));
            }
            seed
        }
    };
    let overrides = Overrides {
        scenario,
        start_years,
        chain,
        quarterly: quarterly_entries(&body, &mut repairs)?,
        quarter_results: quarter_results(&body, &mut repairs)?,
        ranges,
        seed,
        exchange_rates: exchange_rate_entries(&body, &mut repairs)?,
        choices: choices_of(&body, &mut repairs)?,
        relied: relied_list(&body, &mut repairs)?,
    };
    if overrides.len() > MAX_OVERRIDES {
        return Err(DraftError::TooLarge);
    }
    Ok(ReadDraft {
        draft: Draft {
            id,
            name,
            note,
            model,
            created_ms,
            changed_ms,
            revision,
            overrides,
        },
        repairs,
    })
}

/// What a tab may do with its copy of a draft, given what storage holds now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveDecision {
    /// Write, as this revision.
    Write(u64),
    /// Storage holds a newer revision (another tab saved): do not write; reload or ask.
    Stale {
        /// Revision in storage.
        stored: u64,
    },
    /// The stored record cannot be read or is from a newer app: never overwrite it.
    Protected,
}

/// What is in storage under a draft's key, as far as saving cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoredState {
    /// Nothing (a new draft, or deleted elsewhere).
    Absent,
    /// A readable record at this revision.
    Revision(u64),
    /// A record this app must not overwrite (unreadable, or from a newer version).
    Unwritable,
}

/// Decides whether a tab that last loaded or saved `known_revision` may write.
/// A stale tab never overwrites a newer save (reliability cases B1, B6).
pub fn save_decision(stored: StoredState, known_revision: u64) -> SaveDecision {
    match stored {
        StoredState::Absent => SaveDecision::Write(known_revision.saturating_add(1)),
        StoredState::Revision(r) if r <= known_revision => {
            SaveDecision::Write(known_revision.saturating_add(1))
        }
        StoredState::Revision(r) => SaveDecision::Stale { stored: r },
        StoredState::Unwritable => SaveDecision::Protected,
    }
}

/// The stored state of a record's text (for [`save_decision`]).
pub fn stored_state(text: Option<&str>) -> StoredState {
    match text {
        None => StoredState::Absent,
        Some(t) => match draft_from_json(t) {
            Ok(read) => StoredState::Revision(read.draft.revision),
            Err(_) => StoredState::Unwritable,
        },
    }
}

/// A short checksum of text (FNV-1a, 32 bits), to notice that what was read back is
/// not what was written.
pub fn checksum(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::plan::chain::Sector;

    fn sample() -> Draft {
        let mut o = Overrides::default();
        o.scenario.insert(
            ("grdp_constant".into(), 2025),
            Entry::read("8,5", Locale::Vi),
        );
        o.scenario.insert(
            ("grdp_constant".into(), 2024),
            Entry::read("abc", Locale::Vi),
        );
        o.start_years.insert("grdp_constant".into(), 2023);
        o.chain.insert(
            (ChainInput::SectorGrowth(Sector::Services), 2025),
            Entry::read("9", Locale::Vi),
        );
        Draft {
            id: "d1".into(),
            name: "Kịch bản tăng trưởng cao".into(),
            note: "Họp ngày 5/11".into(),
            model: ModelRef {
                id: "kon-tum-2021-2025".into(),
                province: "Kon Tum".into(),
                first_year: 2021,
                last_year: 2025,
                data_version: "2026-11-22".into(),
            },
            created_ms: 1_795_343_400_000,
            changed_ms: 1_795_343_500_000,
            revision: 3,
            overrides: o,
        }
    }

    #[test]
    fn chain_inputs_are_written_by_id_in_id_order() {
        let mut d = sample();
        for (input, text) in [
            (ChainInput::Icor, "5"),
            (ChainInput::BudgetShare, "7"),
            (ChainInput::SectorGrowth(Sector::Agriculture), "3"),
        ] {
            d.overrides
                .chain
                .insert((input, 2024), Entry::read(text, Locale::Vi));
        }
        let text = draft_to_json(&d).unwrap();
        let at = |id: &str| text.find(&format!("\"input\":\"{id}\"")).unwrap();
        // "budget_share" < "g_agriculture" < "g_services" < "icor", as when keys were ids.
        assert!(at("budget_share") < at("g_agriculture"));
        assert!(at("g_agriculture") < at("g_services"));
        assert!(at("g_services") < at("icor"));
        let unknown = text.replace("\"input\":\"icor\"", "\"input\":\"g_mining\"");
        let read = draft_from_json(&unknown).unwrap();
        assert!(!read
            .draft
            .overrides
            .chain
            .contains_key(&(ChainInput::Icor, 2024)));
        assert!(read.repairs.contains(&Repair::EntrySkipped {
            list: "chain",
            index: 3
        }));
    }

    #[test]
    fn quarterly_cells_round_trip_and_are_absent_when_empty() {
        use crate::core::plan::quarterly::QuarterCell;
        let plain = draft_to_json(&sample()).unwrap();
        assert!(!plain.contains("quarterly") && !plain.contains("quarter_results"));
        let mut d = sample();
        let q = &mut d.overrides;
        q.quarterly.insert(
            QuarterCell::Base(Sector::Agriculture, 1),
            Entry::read("4.000", Locale::Vi),
        );
        q.quarterly.insert(
            QuarterCell::Growth(Sector::ProductTaxes, 4),
            Entry::read("8,5", Locale::Vi),
        );
        q.quarterly
            .insert(QuarterCell::Target, Entry::read("x", Locale::Vi));
        q.quarter_results.extend([1, 2]);
        let text = draft_to_json(&d).unwrap();
        assert!(text.contains(r#""cell":"growth:taxes:4","text":"8,5","value":8.5"#));
        assert!(text.contains(r#""quarter_results":[1,2]"#));
        let read = draft_from_json(&text).unwrap();
        assert_eq!(read.draft, d);
        assert!(read.repairs.is_empty(), "{:?}", read.repairs);
        // A cell of a later version and a quarter 5 are skipped with a note.
        let odd = text
            .replace("growth:taxes:4", "growth:mining:4")
            .replace("[1,2]", "[1,5]");
        let read = draft_from_json(&odd).unwrap();
        assert_eq!(read.draft.overrides.quarterly.len(), 2);
        assert_eq!(read.draft.overrides.quarter_results.len(), 1);
        assert!(read.repairs.contains(&Repair::EntrySkipped {
            list: "quarter_results",
            index: 1
        }));
        d.overrides.quarterly.insert(
            QuarterCell::Target,
            Entry {
                text: "x".into(),
                value: Some(f64::INFINITY),
            },
        );
        assert!(matches!(
            draft_to_json(&d),
            Err(EncodeError::NonFinite { .. })
        ));
    }

    #[test]
    fn round_trip_keeps_everything() {
        let d = sample();
        let text = draft_to_json(&d).unwrap();
        let read = draft_from_json(&text).unwrap();
        assert_eq!(read.draft, d);
        assert!(read.repairs.is_empty(), "{:?}", read.repairs);
    }

    #[test]
    fn choices_and_relied_figures_round_trip_and_are_absent_when_empty() {
        // Absent when empty: a draft without them is written as before.
        let plain = draft_to_json(&sample()).unwrap();
        for key in ["level_paces", "bases", "vintages", "relied"] {
            assert!(!plain.contains(&format!("\"{key}\"")), "{key}");
        }
        let mut d = sample();
        let c = &mut d.overrides.choices;
        c.level_paces.insert("grdp_constant".into());
        c.bases
            .insert("grdp_per_capita".into(), StatBasis::PreRevision);
        c.vintages
            .entry("grdp_constant".into())
            .or_default()
            .insert(
                "2024/level".into(),
                "pub-baophapluat-2024-12-25:estimate".into(),
            );
        d.overrides.relied = vec![
            ReliedFigure {
                indicator: "grdp_constant".into(),
                period: Period::Year(2024),
                kind: FigureKind::Estimate,
                measure: Measure::Level,
                amount: Amount::Point(20225.0),
            },
            ReliedFigure {
                indicator: "structure_services".into(),
                period: Period::Year(2025),
                kind: FigureKind::TermTarget,
                measure: Measure::Level,
                amount: Amount::Range(42.0, 43.0),
            },
        ];
        let text = draft_to_json(&d).unwrap();
        assert!(
            text.contains(r#""level_paces":["grdp_constant"]"#),
            "{text}"
        );
        assert!(text.contains(r#""basis":"pre_revision""#));
        assert!(text.contains(r#""slot":"2024/level""#));
        let read = draft_from_json(&text).unwrap();
        assert_eq!(read.draft, d);
        assert!(read.repairs.is_empty(), "{:?}", read.repairs);
        // Choices count as overrides; relied figures do not.
        assert_eq!(d.overrides.len(), sample().overrides.len() + 3);
        // A bad item is skipped and said; the rest stays.
        let bad = text.replace(r#""basis":"pre_revision""#, r#""basis":"guess""#);
        let read = draft_from_json(&bad).unwrap();
        assert!(read.draft.overrides.choices.bases.is_empty());
        assert!(read.repairs.contains(&Repair::EntrySkipped {
            list: "bases",
            index: 0
        }));
        let bad = text.replace(r#""value":20225.0"#, r#""value":"x""#);
        let read = draft_from_json(&bad).unwrap();
        assert_eq!(read.draft.overrides.relied.len(), 1);
    }

    #[test]
    fn exchange_rates_round_trip_and_are_absent_when_empty() {
        let plain = draft_to_json(&sample()).unwrap();
        assert!(!plain.contains("exchange_rates"), "{plain}");
        let mut d = sample();
        d.overrides
            .exchange_rates
            .insert("grdp_per_capita".into(), Entry::read("26.000", Locale::Vi));
        d.overrides
            .exchange_rates
            .insert("export_value".into(), Entry::read("abc", Locale::Vi));
        assert_eq!(d.overrides.len(), sample().overrides.len() + 2);
        let text = draft_to_json(&d).unwrap();
        // 26.000 typed in Vietnamese is twenty-six thousand đồng per USD.
        assert!(
            text.contains(r#"{"indicator":"grdp_per_capita","text":"26.000","value":26000.0}"#),
            "{text}"
        );
        assert!(
            text.contains(r#"{"indicator":"export_value","text":"abc","value":null}"#),
            "{text}"
        );
        let read = draft_from_json(&text).unwrap();
        assert_eq!(read.draft, d);
        assert!(read.repairs.is_empty(), "{:?}", read.repairs);
        // A bad item is skipped with a note; a record without the key reads as none.
        let bad = text.replace(r#""indicator":"export_value""#, r#""indicator":7"#);
        let read = draft_from_json(&bad).unwrap();
        assert_eq!(read.draft.overrides.exchange_rates.len(), 1);
        assert!(read.repairs.contains(&Repair::EntrySkipped {
            list: "exchange_rates",
            index: 0
        }));
        let bad = text.replace(r#""value":26000.0"#, r#""value":"x""#);
        let read = draft_from_json(&bad).unwrap();
        assert_eq!(read.draft.overrides.exchange_rates.len(), 1);
        assert!(draft_from_json(&plain)
            .unwrap()
            .draft
            .overrides
            .exchange_rates
            .is_empty());
        let mut nan = d.clone();
        nan.overrides.exchange_rates.insert(
            "x".into(),
            Entry {
                text: "x".into(),
                value: Some(f64::INFINITY),
            },
        );
        assert!(draft_to_json(&nan).is_err());
    }

    #[test]
    fn ranges_and_seed_round_trip_and_are_absent_when_empty() {
        let plain = draft_to_json(&sample()).unwrap();
        assert!(
            !plain.contains("\"ranges\"") && !plain.contains("\"seed\""),
            "{plain}"
        );
        let mut d = sample();
        for (id, end, text) in [
            ("grdp_constant:2025", RangeEnd::Low, "6,5"),
            ("grdp_constant:2025", RangeEnd::High, "9,5"),
            ("chain:icor:2024", RangeEnd::High, "x"),
        ] {
            d.overrides
                .ranges
                .insert((id.into(), end), Entry::read(text, Locale::Vi));
        }
        d.overrides.seed = Some(42);
        let text = draft_to_json(&d).unwrap();
        assert!(
            text.contains(r#"{"end":"low","input":"grdp_constant:2025","text":"6,5","value":6.5}"#),
            "{text}"
        );
        assert!(text.contains(r#""seed":42"#), "{text}");
        let read = draft_from_json(&text).unwrap();
        assert_eq!(read.draft, d);
        assert!(read.repairs.is_empty(), "{:?}", read.repairs);
        // A bad item is skipped with a note; a record without the fields reads as none.
        let bad = text.replace(r#""end":"low""#, r#""end":"middle""#);
        let read = draft_from_json(&bad).unwrap();
        assert_eq!(read.draft.overrides.ranges.len(), 2);
        // Items are written in key order: `chain:icor:2024` first, the 2025 low end second.
        assert!(read.repairs.contains(&Repair::EntrySkipped {
            list: "ranges",
            index: 1
        }));
        let read = draft_from_json(&plain).unwrap();
        assert!(read.draft.overrides.ranges.is_empty() && read.draft.overrides.seed.is_none());
        let mut nan = d.clone();
        nan.overrides.ranges.insert(
            ("a:2025".into(), RangeEnd::Low),
            Entry {
                text: "x".into(),
                value: Some(f64::NAN),
            },
        );
        assert!(draft_to_json(&nan).is_err());
    }

    #[test]
    fn quarterly_ranges_ride_in_ranges() {
        // A range on a quarter's sector growth is kept under `ranges` by its
        // `data-input-id` (`quarter:growth:<sector>:<quarter>`); no other key is written.
        let mut d = sample();
        for (end, text) in [(RangeEnd::Low, "4"), (RangeEnd::High, "24")] {
            d.overrides.ranges.insert(
                ("quarter:growth:industry:4".into(), end),
                Entry::read(text, Locale::Vi),
            );
        }
        let text = draft_to_json(&d).unwrap();
        assert!(
            text.contains(
                r#"{"end":"high","input":"quarter:growth:industry:4","text":"24","value":24.0}"#
            ),
            "{text}"
        );
        assert!(!text.contains("quarter_ranges"), "{text}");
        let read = draft_from_json(&text).unwrap();
        assert_eq!(read.draft, d);
        assert!(read.repairs.is_empty(), "{:?}", read.repairs);
    }

    #[test]
    fn a7_null_value_loads_and_non_finite_is_refused() {
        let mut d = sample();
        let text = draft_to_json(&d)
            .unwrap()
            .replace("\"value\":8.5", "\"value\":null");
        let read = draft_from_json(&text).unwrap();
        let entry = &read.draft.overrides.scenario[&("grdp_constant".to_string(), 2025)];
        assert_eq!(entry.value, None);
        assert_eq!(entry.text, "8,5");
        assert!(read.repairs.contains(&Repair::ValueDropped {
            list: "scenario",
            index: 1
        }));
        d.overrides.chain.insert(
            (ChainInput::Icor, 2025),
            Entry {
                text: "x".into(),
                value: Some(f64::NAN),
            },
        );
        assert!(matches!(
            draft_to_json(&d),
            Err(EncodeError::NonFinite { .. })
        ));
    }

    #[test]
    fn a5_a6_bad_records_are_typed() {
        assert!(matches!(
            draft_from_json("{\"app\":\"provincial-pl"),
            Err(DraftError::NotJson(_))
        ));
        assert_eq!(draft_from_json("null"), Err(DraftError::NotADraft));
        assert_eq!(
            draft_from_json("{\"app\":\"x\",\"schema_version\":1}"),
            Err(DraftError::NotADraft)
        );
        let no_model = r#"{"app":"provincial-planner","schema_version":1,"draft":{"id":"a"}}"#;
        assert_eq!(
            draft_from_json(no_model),
            Err(DraftError::BadField("model"))
        );
        let wrong_type = r#"{"app":"provincial-planner","schema_version":1,"draft":{"id":"a","model":{"id":"m"},"scenario":5}}"#;
        assert_eq!(
            draft_from_json(wrong_type),
            Err(DraftError::BadField("scenario"))
        );
        let minimal = r#"{"app":"provincial-planner","schema_version":1,"draft":{"id":"a","model":{"id":"m"},"extra":1}}"#;
        let read = draft_from_json(minimal).unwrap();
        assert_eq!(read.draft.name, "a");
        assert!(read
            .repairs
            .contains(&Repair::UnknownFields(vec!["extra".into()])));
        assert!(read.repairs.contains(&Repair::FieldDefaulted("name")));
    }

    #[test]
    fn names_and_notes_are_read_in_nfc() {
        let mut d = sample();
        d.name = "Ke\u{0302}\u{0301} hoa\u{0323}ch".into();
        d.note = "quy\u{0301} IV".into();
        let read = draft_from_json(&draft_to_json(&d).unwrap()).unwrap();
        assert_eq!(read.draft.name, "Kế hoạch");
        assert_eq!(read.draft.note, "quý IV");
        assert!(read.repairs.is_empty(), "{:?}", read.repairs);
    }

    #[test]
    fn c2_newer_version_is_not_read() {
        let newer = r#"{"app":"provincial-planner","schema_version":7,"draft":{}}"#;
        assert_eq!(draft_from_json(newer), Err(DraftError::NewerVersion(7)));
        assert_eq!(stored_state(Some(newer)), StoredState::Unwritable);
    }

    #[test]
    fn b1_stale_tab_never_writes() {
        assert_eq!(
            save_decision(StoredState::Absent, 0),
            SaveDecision::Write(1)
        );
        assert_eq!(
            save_decision(StoredState::Revision(3), 3),
            SaveDecision::Write(4)
        );
        assert_eq!(
            save_decision(StoredState::Revision(5), 3),
            SaveDecision::Stale { stored: 5 }
        );
        assert_eq!(
            save_decision(StoredState::Unwritable, 9),
            SaveDecision::Protected
        );
    }

    #[test]
    fn entries_follow_the_language() {
        let e = Entry::read("8.5", Locale::En);
        assert_eq!(e.value, Some(8.5));
        assert_eq!(e.text_in(Locale::En), "8.5");
        assert_eq!(e.text_in(Locale::Vi), "8,5");
        let bad = Entry::read("abc", Locale::Vi);
        assert_eq!(bad.text_in(Locale::En), "abc");
    }
}
