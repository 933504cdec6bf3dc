//! Editing a model file in the app: a closed set of edits ([`ModelEdit`]) applied to a
//! [`ModelFile`], each validated whole by `load::build_model` (nothing is applied when
//! the result would not load), an undo history of whole files ([`History`]), the
//! revision a saved edit gets ([`next_data_version`]), the person's own copy of a
//! shipped model ([`own_copy`]), the vintages of a figure ([`vintages`]) and which
//! figures a draft relied on changed between two revisions ([`changed_figures`]).
//!
//! A figure added for an indicator, period, kind and measure that already has one is a
//! new vintage: a second figure from a newer document; the old one stays and the newest
//! wins by `core::plan::summary::compare_vintages`. Every added figure keeps its source:
//! a document (kind `table`, with its date) in `model.documents` and the words quoted.
//! Pure: no clock (the caller passes today's date), no randomness.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use crate::core::model::catalog::UNITS_JSON;
use crate::core::model::file::ModelFile;
use crate::core::model::load::{
    better_code, comparator_code, kind_code, measure_code, target_kind_code, DataError,
};
use crate::core::model::raw::{RawDocument, RawFigure, RawIndicator, RawSource, RawText};
use crate::core::model::stored::free_model_id;
use crate::core::model::{
    Amount, Better, Comparator, Figure, FigureKind, Measure, Model, Period, TargetKind,
};
use crate::core::plan::summary::compare_vintages;

/// Most undo steps kept; older ones are dropped first. Each step is a whole file
/// (about 4 MB for 2,000 indicators), so the history stays well under the page's memory.
pub const MAX_UNDO: usize = 30;

/// Where a figure added in the app comes from.
#[derive(Clone, Debug, PartialEq)]
pub struct NewSource {
    /// Title of the document (a resolution, a report).
    pub title: String,
    /// Its date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: String,
    /// The words quoted from it, or the page.
    pub quote: String,
}

/// A figure to add.
#[derive(Clone, Debug, PartialEq)]
pub struct NewFigure {
    /// Indicator id.
    pub indicator: String,
    /// Year or period.
    pub period: Period,
    /// Actual, estimate, plan or term target.
    pub kind: FigureKind,
    /// What the number measures.
    pub measure: Measure,
    /// Value or range.
    pub amount: Amount,
    /// Comparator of a target.
    pub comparator: Option<Comparator>,
    /// "khoảng".
    pub approx: bool,
    /// Where it comes from.
    pub source: NewSource,
}

/// One edit of a model.
#[derive(Clone, Debug, PartialEq)]
pub enum ModelEdit {
    /// A new indicator, with no figures yet.
    AddIndicator {
        /// Id, unique in the model.
        id: String,
        /// Name in Vietnamese (also used for English until translated).
        name: String,
        /// Group id.
        group: String,
        /// Unit id.
        unit: String,
        /// Which way is better.
        better: Better,
        /// Kind of term target.
        target_kind: TargetKind,
    },
    /// A new name.
    Rename {
        /// Indicator id.
        indicator: String,
        /// Vietnamese name.
        vi: String,
        /// English name; empty keeps the Vietnamese one.
        en: String,
    },
    /// Into another group.
    MoveToGroup {
        /// Indicator id.
        indicator: String,
        /// Group id.
        group: String,
    },
    /// Removes an indicator and its figures.
    Remove {
        /// Indicator id.
        indicator: String,
    },
    /// Another unit.
    SetUnit {
        /// Indicator id.
        indicator: String,
        /// Unit id.
        unit: String,
    },
    /// Higher or lower is better.
    SetDirection {
        /// Indicator id.
        indicator: String,
        /// Direction.
        better: Better,
    },
    /// Another kind of term target.
    SetTargetKind {
        /// Indicator id.
        indicator: String,
        /// Kind.
        kind: TargetKind,
    },
    /// The comparator of every term target of an indicator.
    SetComparator {
        /// Indicator id.
        indicator: String,
        /// Comparator, or none.
        comparator: Option<Comparator>,
    },
    /// A term target for the whole term (a new vintage when one exists).
    SetTermTarget {
        /// Indicator id.
        indicator: String,
        /// What the target measures (level, average growth…).
        measure: Measure,
        /// Value or range.
        amount: Amount,
        /// Comparator.
        comparator: Option<Comparator>,
        /// Where it comes from.
        source: NewSource,
    },
    /// The model's base year.
    SetBaseYear {
        /// Year.
        year: i32,
    },
    /// A figure.
    AddFigure(NewFigure),
}

/// Why an edit was not applied.
#[derive(Clone, Debug, PartialEq)]
pub enum EditError {
    /// No indicator with this id.
    UnknownIndicator(String),
    /// No group with this id.
    UnknownGroup(String),
    /// The id is already taken.
    DuplicateId(String),
    /// A name or id is empty.
    EmptyName,
    /// A figure's source has no title or no words.
    EmptySource,
    /// A source date not written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    BadDate(String),
    /// The same figure from the same document is already there.
    SameFigureTwice,
    /// The result breaks the rules of the data (unknown unit, a bad term…).
    Invalid(Vec<DataError>),
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::UnknownIndicator(id) => write!(f, "unknown indicator {id}"),
            EditError::UnknownGroup(id) => write!(f, "unknown group {id}"),
            EditError::DuplicateId(id) => write!(f, "id {id} is taken"),
            EditError::EmptyName => f.write_str("empty name"),
            EditError::EmptySource => f.write_str("a figure needs its source"),
            EditError::BadDate(d) => write!(f, "bad date {d:?}"),
            EditError::SameFigureTwice => f.write_str("the same figure twice"),
            EditError::Invalid(e) => write!(f, "{} problems in the model", e.len()),
        }
    }
}

impl std::error::Error for EditError {}

fn valid_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2),
        [y, m, d] => digits(y, 4) && digits(m, 2) && digits(d, 2),
        _ => false,
    }
}

fn indicator_mut<'a>(file: &'a mut ModelFile, id: &str) -> Result<&'a mut RawIndicator, EditError> {
    file.indicators
        .iter_mut()
        .find(|i| i.id == id)
        .ok_or_else(|| EditError::UnknownIndicator(id.to_string()))
}

/// The document for `source`: an existing table document with the same title and date,
/// or a new one (`ed-1`, `ed-2`…).
fn document_for(file: &mut ModelFile, source: &NewSource) -> Result<String, EditError> {
    let title = source.title.trim();
    let date = source.date.trim();
    if title.is_empty() || source.quote.trim().is_empty() {
        return Err(EditError::EmptySource);
    }
    if !valid_date(date) {
        return Err(EditError::BadDate(date.to_string()));
    }
    if let Some(d) = file
        .model
        .documents
        .iter()
        .find(|d| d.kind == "table" && d.title.vi == title && d.date.as_deref() == Some(date))
    {
        return Ok(d.id.clone());
    }
    let id = (1..=u32::MAX)
        .map(|n| format!("ed-{n}"))
        .find(|id| !file.model.documents.iter().any(|d| &d.id == id))
        .unwrap_or_default();
    file.model.documents.push(RawDocument {
        id: id.clone(),
        kind: "table".to_string(),
        file: String::new(),
        title: RawText {
            vi: title.to_string(),
            en: title.to_string(),
        },
        issuer: String::new(),
        number: None,
        date: Some(date.to_string()),
        date_note: None,
        url: None,
    });
    Ok(id)
}

fn add_figure(file: &mut ModelFile, f: &NewFigure) -> Result<(), EditError> {
    if !file.indicators.iter().any(|i| i.id == f.indicator) {
        return Err(EditError::UnknownIndicator(f.indicator.clone()));
    }
    let doc = document_for(file, &f.source)?;
    let (value, range) = match f.amount {
        Amount::Point(v) => (Some(v), None),
        Amount::Range(lo, hi) => (None, Some([lo, hi])),
    };
    let period = f.period.to_string();
    let kind = kind_code(f.kind);
    let measure = measure_code(f.measure);
    let same = |r: &RawFigure| {
        r.indicator == f.indicator
            && r.period == period
            && r.kind == kind
            && r.measure.as_deref().unwrap_or("level") == measure
            && r.variant.is_none()
            && r.source.as_ref().is_some_and(|s| s.doc == doc)
    };
    if file.figures.iter().any(same) {
        return Err(EditError::SameFigureTwice);
    }
    file.figures.push(RawFigure {
        indicator: f.indicator.clone(),
        kind: kind.to_string(),
        measure: (f.measure != Measure::Level).then(|| measure.to_string()),
        period,
        value,
        range,
        unit: None,
        comparator: f.comparator.map(|c| comparator_code(c).to_string()),
        approx: f.approx,
        price_basis: None,
        basis: None,
        variant: None,
        note: None,
        source: Some(RawSource {
            doc,
            quote: f.source.quote.trim().to_string(),
        }),
        derivation: None,
    });
    Ok(())
}

fn edit_in_place(file: &mut ModelFile, edit: &ModelEdit) -> Result<(), EditError> {
    match edit {
        ModelEdit::AddIndicator {
            id,
            name,
            group,
            unit,
            better,
            target_kind,
        } => {
            let (id, name) = (id.trim(), name.trim());
            if id.is_empty() || name.is_empty() {
                return Err(EditError::EmptyName);
            }
            if file.indicators.iter().any(|i| i.id == id) {
                return Err(EditError::DuplicateId(id.to_string()));
            }
            if !file.model.groups.iter().any(|g| &g.id == group) {
                return Err(EditError::UnknownGroup(group.clone()));
            }
            file.indicators.push(RawIndicator {
                id: id.to_string(),
                name: RawText {
                    vi: name.to_string(),
                    en: name.to_string(),
                },
                group: group.clone(),
                unit: unit.clone(),
                better: better_code(*better).to_string(),
                target_kind: target_kind_code(*target_kind).to_string(),
                price_basis: None,
                additions: None,
            });
        }
        ModelEdit::Rename { indicator, vi, en } => {
            let vi = vi.trim();
            if vi.is_empty() {
                return Err(EditError::EmptyName);
            }
            let en = match en.trim() {
                "" => vi,
                en => en,
            };
            let i = indicator_mut(file, indicator)?;
            i.name = RawText {
                vi: vi.to_string(),
                en: en.to_string(),
            };
        }
        ModelEdit::MoveToGroup { indicator, group } => {
            if !file.model.groups.iter().any(|g| &g.id == group) {
                return Err(EditError::UnknownGroup(group.clone()));
            }
            indicator_mut(file, indicator)?.group = group.clone();
        }
        ModelEdit::Remove { indicator } => {
            indicator_mut(file, indicator)?;
            file.indicators.retain(|i| &i.id != indicator);
            file.figures.retain(|f| &f.indicator != indicator);
        }
        ModelEdit::SetUnit { indicator, unit } => {
            indicator_mut(file, indicator)?.unit = unit.clone();
        }
        ModelEdit::SetDirection { indicator, better } => {
            indicator_mut(file, indicator)?.better = better_code(*better).to_string();
        }
        ModelEdit::SetTargetKind { indicator, kind } => {
            indicator_mut(file, indicator)?.target_kind = target_kind_code(*kind).to_string();
        }
        ModelEdit::SetComparator {
            indicator,
            comparator,
        } => {
            indicator_mut(file, indicator)?;
            for f in file
                .figures
                .iter_mut()
                .filter(|f| &f.indicator == indicator && f.kind == "term_target")
            {
                f.comparator = comparator.map(|c| comparator_code(c).to_string());
            }
        }
        ModelEdit::SetTermTarget {
            indicator,
            measure,
            amount,
            comparator,
            source,
        } => {
            let term = &file.model.term;
            let figure = NewFigure {
                indicator: indicator.clone(),
                period: Period::Years(term.first_year, term.last_year),
                kind: FigureKind::TermTarget,
                measure: *measure,
                amount: *amount,
                comparator: *comparator,
                approx: false,
                source: source.clone(),
            };
            add_figure(file, &figure)?;
        }
        ModelEdit::SetBaseYear { year } => file.model.term.base_year = *year,
        ModelEdit::AddFigure(f) => add_figure(file, f)?,
    }
    Ok(())
}

/// Applies `edit` to a copy of `file` and validates the result; on any error the file
/// is left as it was (the caller keeps `file`).
pub fn apply(file: &ModelFile, edit: &ModelEdit) -> Result<ModelFile, EditError> {
    let mut next = file.clone();
    edit_in_place(&mut next, edit)?;
    next.to_model(UNITS_JSON).map_err(EditError::Invalid)?;
    Ok(next)
}

/// The files before each edit, and the file now: one undo step per edit.
#[derive(Clone, Debug)]
pub struct History {
    /// Earlier files, oldest first.
    pub past: Vec<ModelFile>,
    /// The file now.
    pub present: ModelFile,
}

impl History {
    /// A history starting at `file`, with nothing to undo.
    pub fn new(file: ModelFile) -> History {
        History {
            past: Vec::new(),
            present: file,
        }
    }

    /// Applies `edit`; on error nothing changes.
    pub fn apply(&mut self, edit: &ModelEdit) -> Result<(), EditError> {
        let next = apply(&self.present, edit)?;
        self.past.push(std::mem::replace(&mut self.present, next));
        if self.past.len() > MAX_UNDO {
            self.past.remove(0);
        }
        Ok(())
    }

    /// Goes back one edit; false when there is nothing to undo.
    pub fn undo(&mut self) -> bool {
        match self.past.pop() {
            Some(previous) => {
                self.present = previous;
                true
            }
            None => false,
        }
    }

    /// Whether there is an edit to undo.
    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }
}

/// The id of a new indicator named `name`: the folded words of letters and digits
/// joined by `_`, at most 48 characters (`Thu ngân sách nhà nước` →
/// `thu_ngan_sach_nha_nuoc`, as an imported table's ids are made), with `_2`, `_3` for
/// an id already in `taken`; `indicator` for a name with no letter or digit.
pub fn free_indicator_id(name: &str, taken: &[&str]) -> String {
    let folded = crate::core::text::textsearch::fold(name);
    let mut base = String::new();
    for w in folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if base.len() + w.len() + 1 > 48 {
            break;
        }
        if !base.is_empty() {
            base.push('_');
        }
        base.push_str(w);
    }
    if base.is_empty() {
        base = "indicator".to_string();
    }
    let mut id = base.clone();
    let mut n = 1u32;
    while taken.contains(&id.as_str()) {
        n = n.saturating_add(1);
        id = format!("{base}_{n}");
    }
    id
}

/// The data version a saved edit gets: `today.N`, counting saves on the same day
/// (`2026-12-01` → `2026-12-01.2` on the same day, `2026-12-02.1` the next day).
pub fn next_data_version(current: &str, today: &str) -> String {
    let (date, counter) = match current.rsplit_once('.') {
        Some((d, n)) => (d, n.parse::<u32>().ok()),
        None => (current, None),
    };
    match counter {
        Some(n) if date == today => format!("{today}.{}", n.saturating_add(1)),
        None if date == today => format!("{today}.2"),
        _ => format!("{today}.1"),
    }
}

/// The person's own copy of a model (a shipped one, or one whose id is taken): the same
/// file under a free id, so the original stays as it was.
pub fn own_copy(file: &ModelFile, taken: &[&str]) -> ModelFile {
    let mut copy = file.clone();
    copy.model.id = free_model_id(&file.model.id, taken);
    copy
}

/// The vintages of `figure`: every figure of the same indicator, period, measure and
/// variant and of the same kind (a result and an estimate count as one kind, since a
/// result supersedes the estimate), the one that wins (by `compare_vintages`) first.
pub fn vintages<'a>(model: &'a Model, figure: &Figure) -> Vec<&'a Figure> {
    let mut out: Vec<&Figure> = model
        .figures_of(&figure.indicator)
        .filter(|f| {
            f.period == figure.period
                && (f.kind == figure.kind || (f.kind.is_result() && figure.kind.is_result()))
                && f.measure == figure.measure
                && f.variant == figure.variant
        })
        .collect();
    out.sort_by(|a, b| compare_vintages(model, b, a));
    out
}

/// The figure a scenario counts: the vintage from document `chosen` when the person
/// chose one and it is among the vintages of `figure`, otherwise the one that wins.
pub fn chosen_vintage<'a>(
    model: &'a Model,
    figure: &Figure,
    chosen: Option<&str>,
) -> Option<&'a Figure> {
    let all = vintages(model, figure);
    chosen
        .and_then(|doc| all.iter().copied().find(|f| f.doc_id() == Some(doc)))
        .or_else(|| all.first().copied())
}

/// What happened to one figure a draft relied on between two revisions.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureChange {
    /// Indicator id.
    pub indicator: String,
    /// Period.
    pub period: Period,
    /// Kind.
    pub kind: FigureKind,
    /// Measure.
    pub measure: Measure,
    /// The winning amount before (none: the figure is new).
    pub before: Option<Amount>,
    /// The winning amount now (none: the figure was removed).
    pub after: Option<Amount>,
}

/// A figure's place in an indicator's series: period, kind and measure.
pub type FigureSlot = (Period, FigureKind, Measure);

/// The winning figure of each slot of `indicator` (no variants), by `compare_vintages`.
pub fn winners<'a>(model: &'a Model, indicator: &str) -> BTreeMap<FigureSlot, &'a Figure> {
    let mut out: BTreeMap<FigureSlot, &Figure> = BTreeMap::new();
    for f in model.figures_of(indicator).filter(|f| f.variant.is_none()) {
        let slot = (f.period, f.kind, f.measure);
        let wins = out
            .get(&slot)
            .is_none_or(|old| compare_vintages(model, f, old).is_ge());
        if wins {
            out.insert(slot, f);
        }
    }
    out
}

/// The winning amount of each slot of `indicator` ([`winners`]).
pub fn winning_amounts(model: &Model, indicator: &str) -> BTreeMap<FigureSlot, Amount> {
    winners(model, indicator)
        .into_iter()
        .map(|(slot, f)| (slot, f.amount))
        .collect()
}

/// The slots of `indicator` whose amount differs between `before` and `after`:
/// changed, new (only in `after`) or removed (only in `before`), in slot order.
pub fn slot_changes(
    indicator: &str,
    before: &BTreeMap<FigureSlot, Amount>,
    after: &BTreeMap<FigureSlot, Amount>,
) -> Vec<FigureChange> {
    let slots: BTreeSet<&FigureSlot> = before.keys().chain(after.keys()).collect();
    slots
        .into_iter()
        .filter_map(|slot| {
            let (b, a) = (before.get(slot).copied(), after.get(slot).copied());
            (b != a).then(|| FigureChange {
                indicator: indicator.to_string(),
                period: slot.0,
                kind: slot.1,
                measure: slot.2,
                before: b,
                after: a,
            })
        })
        .collect()
}

/// The figures of `indicators` (those a draft uses) whose winning vintage differs
/// between revision `old` and revision `new`: changed, new or removed, by indicator
/// then period.
pub fn changed_figures(old: &Model, new: &Model, indicators: &[&str]) -> Vec<FigureChange> {
    indicators
        .iter()
        .flat_map(|&indicator| {
            slot_changes(
                indicator,
                &winning_amounts(old, indicator),
                &winning_amounts(new, indicator),
            )
        })
        .collect()
}

#[cfg(test)]
mod indicator_id_tests {
    use super::free_indicator_id;

    #[track_caller]
    fn id(name: &str, taken: &[&str], want: &str) {
        assert_eq!(free_indicator_id(name, taken), want, "{name}");
    }

    #[test]
    fn a_new_indicator_gets_a_free_id_from_its_name() {
        id("Thu ngân sách nhà nước", &[], "thu_ngan_sach_nha_nuoc");
        id(
            "Thu ngân sách nhà nước",
            &["thu_ngan_sach_nha_nuoc"],
            "thu_ngan_sach_nha_nuoc_2",
        );
        id("Tỷ lệ đô thị hóa (%)", &[], "ty_le_do_thi_hoa");
        id("Đường", &[], "duong");
        id("—", &[], "indicator");
        id("—", &["indicator"], "indicator_2");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::file::read_model_file;

    /// A small imported model: GRDP growth estimated at 10,59 % for 2025 (UTH), planned
    /// 10 % for 2026, target above 10 % a year for 2026-2030.
    const SMALL: &str = r#"{"app":"provincial-planner","kind":"model","schema_version":1,
      "model":{"schema_version":1,"id":"qn","province":{"vi":"Quảng Ngãi","en":"Quang Ngai"},
        "term":{"first_year":2026,"last_year":2030,"base_year":2025},"data_version":"2026-12-01",
        "groups":[{"id":"g1","name":{"vi":"Kinh tế","en":"Economy"}},{"id":"g2","name":{"vi":"Xã hội","en":"Society"}}],
        "documents":[{"id":"t1","kind":"table","file":"pasted","title":{"vi":"Bảng dán","en":"Pasted table"},"issuer":"","date":"2025-12-10"}]},
      "indicators":[{"id":"grdp","name":{"vi":"Tăng trưởng GRDP","en":"GRDP growth"},"group":"g1","unit":"percent","better":"higher","target_kind":"average_growth"}],
      "figures":[{"indicator":"grdp","kind":"estimate","measure":"growth","period":"2025","value":10.59,"source":{"doc":"t1","quote":"10,59"}},
        {"indicator":"grdp","kind":"plan","measure":"growth","period":"2026","value":10.0,"source":{"doc":"t1","quote":"10"}},
        {"indicator":"grdp","kind":"term_target","measure":"average_growth","period":"2026-2030","value":10.0,"comparator":"gt","source":{"doc":"t1","quote":"trên 10"}}]}"#;

    fn small() -> ModelFile {
        read_model_file(SMALL.as_bytes(), UNITS_JSON)
            .map(|(f, _)| f)
            .expect("reads")
    }

    fn model(file: &ModelFile) -> Model {
        file.to_model(UNITS_JSON).expect("valid")
    }

    fn text(file: &ModelFile) -> String {
        serde_json::to_string(file).expect("serialises")
    }

    fn source(title: &str, date: &str, quote: &str) -> NewSource {
        NewSource {
            title: title.into(),
            date: date.into(),
            quote: quote.into(),
        }
    }

    fn figure(period: Period, kind: FigureKind, value: f64, src: NewSource) -> ModelEdit {
        ModelEdit::AddFigure(NewFigure {
            indicator: "grdp".into(),
            period,
            kind,
            measure: Measure::Growth,
            amount: Amount::Point(value),
            comparator: None,
            approx: false,
            source: src,
        })
    }

    #[track_caller]
    fn applied(edit: ModelEdit) -> ModelFile {
        apply(&small(), &edit).expect("applies")
    }

    #[track_caller]
    fn refused(edit: ModelEdit) -> EditError {
        apply(&small(), &edit).expect_err("refused")
    }

    fn grdp(file: &ModelFile) -> RawIndicator {
        file.indicators
            .iter()
            .find(|i| i.id == "grdp")
            .cloned()
            .expect("grdp")
    }

    #[test]
    fn indicator_edits_change_only_what_they_name() {
        let added = applied(ModelEdit::AddIndicator {
            id: "ngheo".into(),
            name: "Tỷ lệ hộ nghèo".into(),
            group: "g2".into(),
            unit: "percent".into(),
            better: Better::Lower,
            target_kind: TargetKind::Share,
        });
        let m = model(&added);
        assert_eq!(m.indicators.len(), 2);
        let i = m
            .indicators
            .iter()
            .find(|i| i.id == "ngheo")
            .expect("added");
        assert_eq!(
            (i.group.as_str(), i.better, i.target_kind),
            ("g2", Better::Lower, TargetKind::Share)
        );
        let renamed = applied(ModelEdit::Rename {
            indicator: "grdp".into(),
            vi: " Tốc độ tăng GRDP ".into(),
            en: String::new(),
        });
        assert_eq!(
            (grdp(&renamed).name.vi, grdp(&renamed).name.en),
            (
                "Tốc độ tăng GRDP".to_string(),
                "Tốc độ tăng GRDP".to_string()
            )
        );
        assert_eq!(
            grdp(&applied(ModelEdit::MoveToGroup {
                indicator: "grdp".into(),
                group: "g2".into()
            }))
            .group,
            "g2"
        );
        assert_eq!(
            grdp(&applied(ModelEdit::SetUnit {
                indicator: "grdp".into(),
                unit: "percentage_points".into()
            }))
            .unit,
            "percentage_points"
        );
        assert_eq!(
            grdp(&applied(ModelEdit::SetDirection {
                indicator: "grdp".into(),
                better: Better::Lower
            }))
            .better,
            "lower"
        );
        assert_eq!(
            grdp(&applied(ModelEdit::SetTargetKind {
                indicator: "grdp".into(),
                kind: TargetKind::Level
            }))
            .target_kind,
            "level"
        );
        assert_eq!(
            applied(ModelEdit::SetBaseYear { year: 2024 })
                .model
                .term
                .base_year,
            2024
        );
        let removed = applied(ModelEdit::Remove {
            indicator: "grdp".into(),
        });
        assert_eq!((removed.indicators.len(), removed.figures.len()), (0, 0));
    }

    #[test]
    fn the_comparator_and_term_target_are_set_on_term_targets() {
        let ge = applied(ModelEdit::SetComparator {
            indicator: "grdp".into(),
            comparator: Some(Comparator::AtLeast),
        });
        let targets: Vec<_> = ge
            .figures
            .iter()
            .filter(|f| f.kind == "term_target")
            .map(|f| f.comparator.clone())
            .collect();
        assert_eq!(targets, vec![Some("ge".to_string())]);
        let revised = applied(ModelEdit::SetTermTarget {
            indicator: "grdp".into(),
            measure: Measure::AverageGrowth,
            amount: Amount::Point(11.0),
            comparator: Some(Comparator::AtLeast),
            source: source("Nghị quyết Đại hội", "2026-01-10", "từ 11% trở lên"),
        });
        let m = model(&revised);
        let target = m
            .figures
            .iter()
            .find(|f| f.kind == FigureKind::TermTarget && f.amount == Amount::Point(11.0))
            .expect("new target");
        assert_eq!(target.period, Period::Years(2026, 2030));
        // The old target stays as a vintage; the newer document wins.
        let all = vintages(&m, target);
        assert_eq!(
            all.iter().map(|f| f.amount).collect::<Vec<_>>(),
            vec![Amount::Point(11.0), Amount::Point(10.0)]
        );
    }

    #[test]
    fn a_revised_figure_is_a_new_vintage_and_the_newest_wins() {
        // The 2025 estimate (10,59, table of 10 Dec 2025), revised by a later estimate of
        // 10,7 (report of 15 Jan 2026), then the actual 10,02 (report of 20 Feb 2026).
        let mut h = History::new(small());
        h.apply(&figure(
            Period::Year(2025),
            FigureKind::Estimate,
            10.7,
            source("Báo cáo ước", "2026-01-15", "ước 10,7%"),
        ))
        .expect("estimate");
        let m = model(&h.present);
        let estimate = m
            .figures
            .iter()
            .find(|f| f.amount == Amount::Point(10.59))
            .expect("old");
        let ests = vintages(&m, estimate);
        assert_eq!(
            ests.iter().map(|f| f.amount).collect::<Vec<_>>(),
            vec![Amount::Point(10.7), Amount::Point(10.59)]
        );
        // The person chooses the old vintage for a scenario; an unknown choice falls back.
        assert_eq!(
            chosen_vintage(&m, estimate, Some("t1")).map(|f| f.amount),
            Some(Amount::Point(10.59))
        );
        assert_eq!(
            chosen_vintage(&m, estimate, Some("nope")).map(|f| f.amount),
            Some(Amount::Point(10.7))
        );
        assert_eq!(
            chosen_vintage(&m, estimate, None).map(|f| f.amount),
            Some(Amount::Point(10.7))
        );
        // The new figure keeps its source: a table document with its date.
        let doc = m.document("ed-1").expect("document added");
        assert_eq!(
            (
                doc.title.vi.as_str(),
                doc.date.map(|d| (d.year, d.month, d.day))
            ),
            ("Báo cáo ước", Some((2026, Some(1), Some(15))))
        );
        h.apply(&figure(
            Period::Year(2025),
            FigureKind::Actual,
            10.02,
            source("Báo cáo thực hiện", "2026-02-20", "đạt 10,02%"),
        ))
        .expect("actual");
        let m = model(&h.present);
        assert_eq!(m.figures.len(), 5);
        // The result supersedes both estimates, which stay listed as older vintages.
        let estimate = m
            .figures
            .iter()
            .find(|f| f.amount == Amount::Point(10.59))
            .expect("old");
        assert_eq!(
            vintages(&m, estimate)
                .iter()
                .map(|f| f.amount)
                .collect::<Vec<_>>(),
            vec![
                Amount::Point(10.02),
                Amount::Point(10.7),
                Amount::Point(10.59)
            ]
        );
        assert_eq!(
            m.documents
                .iter()
                .map(|d| d.id.as_str())
                .collect::<Vec<_>>(),
            vec!["t1", "ed-1", "ed-2"]
        );
    }

    #[test]
    fn a_bad_edit_is_refused_whole() {
        assert_eq!(
            refused(ModelEdit::Rename {
                indicator: "x".into(),
                vi: "a".into(),
                en: String::new()
            }),
            EditError::UnknownIndicator("x".into())
        );
        assert_eq!(
            refused(ModelEdit::Rename {
                indicator: "grdp".into(),
                vi: "  ".into(),
                en: String::new()
            }),
            EditError::EmptyName
        );
        assert_eq!(
            refused(ModelEdit::MoveToGroup {
                indicator: "grdp".into(),
                group: "g9".into()
            }),
            EditError::UnknownGroup("g9".into())
        );
        let dup = ModelEdit::AddIndicator {
            id: "grdp".into(),
            name: "x".into(),
            group: "g1".into(),
            unit: "percent".into(),
            better: Better::Higher,
            target_kind: TargetKind::Level,
        };
        assert_eq!(refused(dup), EditError::DuplicateId("grdp".into()));
        assert_eq!(
            refused(figure(
                Period::Year(2025),
                FigureKind::Actual,
                1.0,
                source("", "2026", "x")
            )),
            EditError::EmptySource
        );
        assert_eq!(
            refused(figure(
                Period::Year(2025),
                FigureKind::Actual,
                1.0,
                source("T", "2026", " ")
            )),
            EditError::EmptySource
        );
        assert_eq!(
            refused(figure(
                Period::Year(2025),
                FigureKind::Actual,
                1.0,
                source("T", "15/01/2026", "x")
            )),
            EditError::BadDate("15/01/2026".into())
        );
        // The same kind of figure from the same document (same title and date) twice.
        let twice = figure(
            Period::Year(2025),
            FigureKind::Estimate,
            9.0,
            source("Bảng dán", "2025-12-10", "9"),
        );
        assert_eq!(refused(twice), EditError::SameFigureTwice);
        // A unit the registry does not know, a term whose base year is not before it:
        // caught by build_model, nothing applied.
        assert!(
            matches!(refused(ModelEdit::SetUnit { indicator: "grdp".into(), unit: "furlong".into() }), EditError::Invalid(e) if e.contains(&DataError::UnknownReference { owner: "grdp".into(), what: "unit", id: "furlong".into() }))
        );
        assert_eq!(
            refused(ModelEdit::SetBaseYear { year: 2026 }),
            EditError::Invalid(vec![DataError::BadTerm])
        );
        assert!(matches!(
            refused(figure(
                Period::Year(2025),
                FigureKind::Actual,
                f64::NAN,
                source("T", "2026", "x")
            )),
            EditError::Invalid(_)
        ));
    }

    #[test]
    fn undo_goes_back_one_edit_at_a_time_and_a_refused_edit_is_no_step() {
        let start = text(&small());
        let mut h = History::new(small());
        assert!(!h.undo());
        h.apply(&ModelEdit::Rename {
            indicator: "grdp".into(),
            vi: "A".into(),
            en: String::new(),
        })
        .expect("one");
        let after_one = text(&h.present);
        h.apply(&ModelEdit::SetBaseYear { year: 2024 })
            .expect("two");
        assert!(h.apply(&ModelEdit::SetBaseYear { year: 2030 }).is_err());
        assert_eq!(h.past.len(), 2);
        assert!(h.undo());
        assert_eq!(text(&h.present), after_one);
        assert!(h.undo());
        assert_eq!(text(&h.present), start);
        assert!(!h.can_undo());
    }

    #[test]
    fn each_saved_edit_gets_a_new_revision() {
        assert_eq!(
            next_data_version("2026-12-01", "2026-12-01"),
            "2026-12-01.2"
        );
        assert_eq!(
            next_data_version("2026-12-01.2", "2026-12-01"),
            "2026-12-01.3"
        );
        assert_eq!(
            next_data_version("2026-12-01.7", "2026-12-02"),
            "2026-12-02.1"
        );
        assert_eq!(
            next_data_version("2026-11-22", "2026-12-01"),
            "2026-12-01.1"
        );
        assert_eq!(next_data_version("bench", "2026-12-01"), "2026-12-01.1");
    }

    #[test]
    fn a_shipped_model_is_copied_under_a_free_id() {
        let copy = own_copy(&small(), &["qn", "kon-tum-2021-2025"]);
        assert_eq!(copy.model.id, "qn-2");
        assert_eq!(own_copy(&small(), &["qn", "qn-2"]).model.id, "qn-3");
    }

    #[test]
    fn a_draft_is_told_which_figures_it_relied_on_changed() {
        let old = small();
        let mut h = History::new(old.clone());
        h.apply(&figure(
            Period::Year(2025),
            FigureKind::Actual,
            10.02,
            source("Báo cáo", "2026-02-20", "10,02"),
        ))
        .expect("actual");
        h.apply(&figure(
            Period::Year(2026),
            FigureKind::Plan,
            10.5,
            source("Nghị quyết 2026", "2025-12-20", "10,5"),
        ))
        .expect("plan");
        h.apply(&ModelEdit::AddIndicator {
            id: "ngheo".into(),
            name: "Nghèo".into(),
            group: "g2".into(),
            unit: "percent".into(),
            better: Better::Lower,
            target_kind: TargetKind::Share,
        })
        .expect("new");
        let (before, after) = (model(&old), model(&h.present));
        let changes = changed_figures(&before, &after, &["grdp", "ngheo"]);
        assert_eq!(
            changes,
            vec![
                FigureChange {
                    indicator: "grdp".into(),
                    period: Period::Year(2025),
                    kind: FigureKind::Actual,
                    measure: Measure::Growth,
                    before: None,
                    after: Some(Amount::Point(10.02))
                },
                FigureChange {
                    indicator: "grdp".into(),
                    period: Period::Year(2026),
                    kind: FigureKind::Plan,
                    measure: Measure::Growth,
                    before: Some(Amount::Point(10.0)),
                    after: Some(Amount::Point(10.5))
                },
            ]
        );
        assert_eq!(changed_figures(&before, &before, &["grdp"]), vec![]);
        let gone = apply(
            &old,
            &ModelEdit::Remove {
                indicator: "grdp".into(),
            },
        )
        .expect("removed");
        assert_eq!(
            changed_figures(&before, &model(&gone), &["grdp"])
                .iter()
                .map(|c| c.after)
                .collect::<Vec<_>>(),
            vec![None, None, None]
        );
    }
}
