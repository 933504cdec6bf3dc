//! The view model of the model editor: the indicators to choose from, the chosen one's
//! fields and its figures with their sources and which vintage counts, the add-figure
//! form read into a `core::model::edit::NewFigure`, the note a draft made on an older
//! revision gets, and the words saying which vintage a scenario used. Built from the
//! core's model; the component only lays it out.

use crate::core::import::cell::read_cell;
use crate::core::model::edit::{
    free_indicator_id, vintages, FigureChange, ModelEdit, NewFigure, NewSource,
};
use crate::core::model::{
    Amount, Better, Comparator, Figure, FigureKind, Measure, Model, PartialDate, Period, TargetKind,
};
use crate::core::plan::assessment::{yearly_levels, Assessment};
use crate::core::text::numfmt::{format_number, Locale};
use crate::present::dates::day_text;
use crate::present::i18n::editor::{et, EditorMsg};
use crate::present::i18n::models::{figure_kind_text, mt, target_kind_text, ModelMsg};
use crate::present::i18n::pick;

/// An option of a chooser: its code and its words.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    /// Value sent back (an id or a code).
    pub value: String,
    /// What the person reads.
    pub label: String,
}

/// One figure of the chosen indicator.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureRow {
    /// "Thực hiện 2025: 10,02".
    pub text: String,
    /// "Báo cáo …, 20/02/2026: “đạt 10,02%”".
    pub source: String,
    /// `counts`, `older` or `only` (the one figure of its kind and period).
    pub vintage: &'static str,
    /// "đang dùng", "bản cũ hơn" or empty.
    pub vintage_text: &'static str,
}

/// The chosen indicator's fields.
#[derive(Clone, Debug, PartialEq)]
pub struct SelectedIndicator {
    /// Id.
    pub id: String,
    /// Vietnamese name.
    pub name: String,
    /// Group id.
    pub group: String,
    /// Unit id.
    pub unit: String,
    /// `higher`, `lower` or `neutral`.
    pub better: &'static str,
    /// Target-kind code.
    pub target_kind: &'static str,
    /// Comparator code of its term target that counts (`ge`, `gt`, `le`, `lt`), empty
    /// for none or without a term target.
    pub comparator: &'static str,
    /// Its figures, by period then kind.
    pub figures: Vec<FigureRow>,
}

/// Everything the editor shows.
#[derive(Clone, Debug, PartialEq)]
pub struct EditorView {
    /// Indicators to choose from.
    pub indicators: Vec<Choice>,
    /// Groups.
    pub groups: Vec<Choice>,
    /// Directions.
    pub directions: Vec<Choice>,
    /// Kinds of target.
    pub target_kinds: Vec<Choice>,
    /// Kinds of figure a person adds.
    pub figure_kinds: Vec<Choice>,
    /// Units of the model, for a new indicator.
    pub units: Vec<Choice>,
    /// Comparators of a term target, the first one "none" (code "").
    pub comparators: Vec<Choice>,
    /// The chosen indicator (the first when none is chosen).
    pub selected: Option<SelectedIndicator>,
    /// The model's data revision.
    pub revision: String,
    /// Base year of the term.
    pub base_year: String,
}

const DIRECTIONS: [(Better, &str, ModelMsg); 3] = [
    (Better::Higher, "higher", ModelMsg::DirectionHigher),
    (Better::Lower, "lower", ModelMsg::DirectionLower),
    (Better::Neutral, "neutral", ModelMsg::DirectionNeutral),
];

const TARGET_KINDS: [(TargetKind, &str); 7] = [
    (TargetKind::Level, "level"),
    (TargetKind::AverageGrowth, "average_growth"),
    (TargetKind::Cumulative, "cumulative"),
    (TargetKind::Stock, "stock"),
    (TargetKind::Share, "share"),
    (TargetKind::Count, "count"),
    (TargetKind::None, "none"),
];

const COMPARATORS: [(Option<Comparator>, &str, EditorMsg); 5] = [
    (None, "", EditorMsg::ComparatorNone),
    (
        Some(Comparator::AtLeast),
        "ge",
        EditorMsg::ComparatorAtLeast,
    ),
    (
        Some(Comparator::MoreThan),
        "gt",
        EditorMsg::ComparatorMoreThan,
    ),
    (Some(Comparator::AtMost), "le", EditorMsg::ComparatorAtMost),
    (
        Some(Comparator::LessThan),
        "lt",
        EditorMsg::ComparatorLessThan,
    ),
];

/// The comparator of a code from a chooser: `Some(None)` for "none" (`""`), `None` for
/// a code that is none of them.
pub fn comparator_of(code: &str) -> Option<Option<Comparator>> {
    COMPARATORS
        .iter()
        .find(|(_, c, _)| *c == code)
        .map(|(k, _, _)| *k)
}

const FIGURE_KINDS: [(FigureKind, &str); 4] = [
    (FigureKind::Actual, "actual"),
    (FigureKind::Estimate, "estimate"),
    (FigureKind::Plan, "plan"),
    (FigureKind::TermTarget, "term_target"),
];

/// The direction of a code from a chooser.
pub fn direction_of(code: &str) -> Option<Better> {
    DIRECTIONS
        .iter()
        .find(|(_, c, _)| *c == code)
        .map(|(b, _, _)| *b)
}

/// The kind of target of a code from a chooser.
pub fn target_kind_of(code: &str) -> Option<TargetKind> {
    TARGET_KINDS
        .iter()
        .find(|(_, c)| *c == code)
        .map(|(k, _)| *k)
}

fn figure_kind_of(code: &str) -> Option<FigureKind> {
    FIGURE_KINDS
        .iter()
        .find(|(_, c)| *c == code)
        .map(|(k, _)| *k)
}

/// A number as the interface writes it: "10,02", "6.900–7.000".
fn amount_text(amount: Amount, locale: Locale) -> String {
    let n = |x: f64| format_number(x, locale, 2);
    match amount {
        Amount::Point(x) => n(x),
        Amount::Range(lo, hi) => format!("{}–{}", n(lo), n(hi)),
    }
}

/// A date known to the day, month or year: "20/02/2026", "02/2026", "2026".
fn date_text(d: PartialDate, locale: Locale) -> String {
    match (d.month, d.day) {
        (Some(m), Some(day)) => day_text(d.year, u32::from(m), u32::from(day), locale),
        (Some(m), None) => match locale {
            Locale::Vi => format!("{m:02}/{}", d.year),
            Locale::En => format!("{}-{m:02}", d.year),
        },
        _ => d.year.to_string(),
    }
}

fn figure_text(f: &Figure, locale: Locale) -> String {
    let about = match (f.approx, locale) {
        (true, Locale::Vi) => "khoảng ",
        (true, Locale::En) => "about ",
        (false, _) => "",
    };
    let value = crate::present::i18n::targets::with_comparator(
        f.comparator,
        &amount_text(f.amount, locale),
        matches!(f.amount, Amount::Range(..)),
        locale,
    );
    format!(
        "{} {}: {about}{value}",
        figure_kind_text(f.kind, locale),
        f.period
    )
}

/// Where a figure comes from, in words: the document's title, its date, the quote.
pub fn source_text(model: &Model, f: &Figure, locale: Locale) -> String {
    let Some(doc) = f.doc_id().and_then(|d| model.document(d)) else {
        return match locale {
            Locale::Vi => "Tính ra từ số liệu khác".into(),
            Locale::En => "Computed from other figures".into(),
        };
    };
    let quote = match &f.source {
        crate::core::model::Source::Quote { quote, .. } => quote.as_str(),
        crate::core::model::Source::Derived { .. } => "",
    };
    let date = doc
        .date
        .map(|d| format!(", {}", date_text(d, locale)))
        .unwrap_or_default();
    format!("{}{date}: “{quote}”", pick(&doc.title, locale))
}

fn is_same(a: &Figure, b: &Figure) -> bool {
    std::ptr::eq(a, b)
}

/// Builds the editor's view of `model` with indicator `selected` chosen.
pub fn editor_view(model: &Model, selected: Option<&str>, locale: Locale) -> EditorView {
    let indicators = model
        .indicators
        .iter()
        .map(|i| Choice {
            value: i.id.clone(),
            label: pick(&i.name, locale).to_string(),
        })
        .collect();
    let groups = model
        .groups
        .iter()
        .map(|g| Choice {
            value: g.id.clone(),
            label: pick(&g.name, locale).to_string(),
        })
        .collect();
    let directions = DIRECTIONS
        .iter()
        .map(|(_, code, msg)| Choice {
            value: (*code).to_string(),
            label: mt(*msg, locale).to_string(),
        })
        .collect();
    let target_kinds = TARGET_KINDS
        .iter()
        .map(|(k, code)| Choice {
            value: (*code).to_string(),
            label: target_kind_text(*k, locale).to_string(),
        })
        .collect();
    let figure_kinds = FIGURE_KINDS
        .iter()
        .map(|(k, code)| Choice {
            value: (*code).to_string(),
            label: figure_kind_text(*k, locale).to_string(),
        })
        .collect();
    let units = model
        .units
        .iter()
        .map(|u| Choice {
            value: u.id.clone(),
            label: pick(&u.name, locale).to_string(),
        })
        .collect();
    let comparators = COMPARATORS
        .iter()
        .map(|(_, code, msg)| Choice {
            value: (*code).to_string(),
            label: et(*msg, locale).to_string(),
        })
        .collect();
    let indicator = selected
        .and_then(|id| model.indicators.iter().find(|i| i.id == id))
        .or_else(|| model.indicators.first());
    let selected = indicator.map(|i| {
        let term_target = model
            .figures_of(&i.id)
            .filter(|f| f.kind == FigureKind::TermTarget)
            .find(|f| vintages(model, f).first().is_some_and(|w| is_same(w, f)));
        let comparator = COMPARATORS
            .iter()
            .find(|(c, _, _)| Some(*c) == term_target.map(|f| f.comparator))
            .map_or("", |(_, code, _)| *code);
        let mut figures: Vec<&Figure> = model.figures_of(&i.id).collect();
        figures.sort_by_key(|f| (f.period, f.kind, f.measure));
        let figures = figures
            .into_iter()
            .map(|f| {
                let all = vintages(model, f);
                let (vintage, msg) = match all.first() {
                    _ if all.len() < 2 => ("only", None),
                    Some(w) if is_same(w, f) => ("counts", Some(ModelMsg::VintageCounts)),
                    _ => ("older", Some(ModelMsg::VintageOlder)),
                };
                FigureRow {
                    text: figure_text(f, locale),
                    source: source_text(model, f, locale),
                    vintage,
                    vintage_text: msg.map(|m| mt(m, locale)).unwrap_or(""),
                }
            })
            .collect();
        SelectedIndicator {
            id: i.id.clone(),
            name: i.name.vi.clone(),
            group: i.group.clone(),
            unit: i.unit.clone(),
            better: DIRECTIONS
                .iter()
                .find(|(b, _, _)| *b == i.better)
                .map_or("higher", |(_, c, _)| *c),
            target_kind: TARGET_KINDS
                .iter()
                .find(|(k, _)| *k == i.target_kind)
                .map_or("level", |(_, c)| *c),
            comparator,
            figures,
        }
    });
    EditorView {
        indicators,
        groups,
        directions,
        target_kinds,
        figure_kinds,
        units,
        comparators,
        selected,
        revision: model.data_version.clone(),
        base_year: model.term.base_year.to_string(),
    }
}

/// The add-figure form as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FigureForm {
    /// "2025", "2026-2030", "2025-H1".
    pub period: String,
    /// A figure-kind code.
    pub kind: String,
    /// The value as the documents write it.
    pub value: String,
    /// Source document title.
    pub title: String,
    /// Source date.
    pub date: String,
    /// Words quoted or page.
    pub quote: String,
}

/// What in the form cannot be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormError {
    /// The year or period.
    Period,
    /// The kind.
    Kind,
    /// The value.
    Value,
    /// A new indicator's name.
    Name,
    /// A new indicator's unit.
    Unit,
}

/// The words of a form error.
pub fn form_error_text(e: FormError, locale: Locale) -> &'static str {
    match (e, locale) {
        (FormError::Period, Locale::Vi) => {
            "Năm hoặc giai đoạn chưa đúng (ví dụ 2025 hoặc 2026-2030)."
        }
        (FormError::Period, Locale::En) => {
            "The year or period is not right (e.g. 2025 or 2026-2030)."
        }
        (FormError::Kind, Locale::Vi) => "Hãy chọn loại số liệu.",
        (FormError::Kind, Locale::En) => "Choose the kind of figure.",
        (FormError::Value, Locale::Vi) => "Giá trị chưa đọc được là số.",
        (FormError::Value, Locale::En) => "The value does not read as a number.",
        (FormError::Name, locale) => et(EditorMsg::NeedName, locale),
        (FormError::Unit, locale) => et(EditorMsg::NeedUnit, locale),
    }
}

/// The measure a new figure of `kind` takes: that of the indicator's figures of the
/// same kind, else of its results, else of any of its figures, else the level.
fn measure_for(model: &Model, indicator: &str, kind: FigureKind) -> Measure {
    let figures: Vec<&Figure> = model.figures_of(indicator).collect();
    let find = |p: &dyn Fn(&Figure) -> bool| figures.iter().find(|f| p(f)).map(|f| f.measure);
    find(&|f| f.kind == kind)
        .or_else(|| find(&|f| f.kind.is_result() && kind.is_result()))
        .or_else(|| figures.first().map(|f| f.measure))
        .unwrap_or(Measure::Level)
}

/// Reads the add-figure form for `indicator` of `model`.
pub fn read_figure_form(
    model: &Model,
    indicator: &str,
    form: &FigureForm,
) -> Result<NewFigure, FormError> {
    let period = Period::parse(form.period.trim()).ok_or(FormError::Period)?;
    let kind = figure_kind_of(&form.kind).ok_or(FormError::Kind)?;
    let cell = read_cell(&form.value)
        .ok()
        .flatten()
        .ok_or(FormError::Value)?;
    Ok(NewFigure {
        indicator: indicator.to_string(),
        period,
        kind,
        measure: measure_for(model, indicator, kind),
        amount: cell.amount,
        comparator: cell.comparator,
        approx: cell.approx,
        source: NewSource {
            title: form.title.clone(),
            date: form.date.clone(),
            quote: form.quote.clone(),
        },
    })
}

/// The add-indicator form as typed: codes from its choosers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IndicatorForm {
    /// Name in Vietnamese.
    pub name: String,
    /// Group id.
    pub group: String,
    /// Unit id.
    pub unit: String,
    /// Direction code (`higher`, `lower`, `neutral`).
    pub better: String,
    /// Target-kind code.
    pub target_kind: String,
}

/// Reads the add-indicator form: the new indicator's id (made from its name, free in
/// `model`) and the edit that adds it. An unknown direction is "higher", an unknown kind
/// of target "level"; an empty name or a unit the model does not know is refused (a
/// group the model does not know is refused by the edit itself).
pub fn read_indicator_form(
    model: &Model,
    form: &IndicatorForm,
) -> Result<(String, ModelEdit), FormError> {
    let name = form.name.trim();
    if name.is_empty() {
        return Err(FormError::Name);
    }
    if model.unit(form.unit.trim()).is_none() {
        return Err(FormError::Unit);
    }
    let taken: Vec<&str> = model.indicators.iter().map(|i| i.id.as_str()).collect();
    let id = free_indicator_id(name, &taken);
    Ok((
        id.clone(),
        ModelEdit::AddIndicator {
            id,
            name: name.to_string(),
            group: form.group.clone(),
            unit: form.unit.trim().to_string(),
            better: direction_of(&form.better).unwrap_or(Better::Higher),
            target_kind: target_kind_of(&form.target_kind).unwrap_or(TargetKind::Level),
        },
    ))
}

/// The term-target form as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TargetForm {
    /// The target as the documents write it: `≥ 10 %`, `trên 38`, `6.900-7.000`.
    pub value: String,
    /// Source document title.
    pub title: String,
    /// Source date.
    pub date: String,
    /// Words quoted or page.
    pub quote: String,
}

/// What a term target of an indicator with this kind of target measures: an average
/// growth, a total over the term, otherwise the level (a share in its points).
pub fn target_measure(kind: TargetKind) -> Measure {
    match kind {
        TargetKind::AverageGrowth => Measure::AverageGrowth,
        TargetKind::Cumulative => Measure::Cumulative,
        _ => Measure::Level,
    }
}

/// Reads the term-target form of `indicator`: the comparator and value as written
/// (`≥ 10 %` → at least 10), measured as the indicator's kind of target says.
pub fn read_target_form(
    model: &Model,
    indicator: &str,
    form: &TargetForm,
) -> Result<ModelEdit, FormError> {
    let kind = model
        .indicators
        .iter()
        .find(|i| i.id == indicator)
        .map_or(TargetKind::Level, |i| i.target_kind);
    let cell = read_cell(&form.value)
        .ok()
        .flatten()
        .ok_or(FormError::Value)?;
    Ok(ModelEdit::SetTermTarget {
        indicator: indicator.to_string(),
        measure: target_measure(kind),
        amount: cell.amount,
        comparator: cell.comparator,
        source: NewSource {
            title: form.title.clone(),
            date: form.date.clone(),
            quote: form.quote.clone(),
        },
    })
}

/// The note a draft made on revision `draft_version` gets when it opens on `model`
/// (a newer revision): which figures it relied on changed. `None` when none did.
pub fn revision_note(
    model: &Model,
    draft_version: &str,
    changes: &[FigureChange],
    locale: Locale,
) -> Option<String> {
    if changes.is_empty() {
        return None;
    }
    let none = match locale {
        Locale::Vi => "chưa có",
        Locale::En => "none",
    };
    let items: Vec<String> = changes
        .iter()
        .map(|c| {
            let name = model
                .indicators
                .iter()
                .find(|i| i.id == c.indicator)
                .map_or(c.indicator.as_str(), |i| pick(&i.name, locale));
            let side = |a: Option<Amount>| a.map_or(none.to_string(), |a| amount_text(a, locale));
            format!(
                "{name} – {} {}: {} → {}",
                figure_kind_text(c.kind, locale),
                c.period,
                side(c.before),
                side(c.after)
            )
        })
        .collect();
    Some(match locale {
        Locale::Vi => format!(
            "Bản nháp này lập trên phiên bản số liệu {draft_version}; bộ chỉ tiêu nay là phiên bản {}. Số liệu bản nháp dựa vào đã thay đổi: {}.",
            model.data_version,
            items.join("; ")
        ),
        Locale::En => format!(
            "This draft was made on data revision {draft_version}; the targets are now revision {}. Figures the draft relied on changed: {}.",
            model.data_version,
            items.join("; ")
        ),
    })
}

/// Which vintage a scenario used, in words: "theo số liệu năm 2025 (ước thực hiện, Báo
/// cáo … ngày 10/12/2025)".
pub fn vintage_used_text(model: &Model, f: &Figure, locale: Locale) -> String {
    let doc = f.doc_id().and_then(|d| model.document(d));
    let title = doc.map(|d| pick(&d.title, locale)).unwrap_or_default();
    let date = doc.and_then(|d| d.date).map(|d| date_text(d, locale));
    let kind = figure_kind_text(f.kind, locale).to_lowercase();
    match (locale, date) {
        (Locale::Vi, Some(date)) => {
            format!("theo số liệu {} ({kind}, {title} ngày {date})", f.period)
        }
        (Locale::Vi, None) => format!("theo số liệu {} ({kind}, {title})", f.period),
        (Locale::En, Some(date)) => {
            format!("from the {} figure ({kind}, {title} of {date})", f.period)
        }
        (Locale::En, None) => format!("from the {} figure ({kind}, {title})", f.period),
    }
}

/// Which vintage the workbench started from, in words ("theo số liệu 2025 (ước thực
/// hiện, Bảng dán ngày 10/12/2025)"); `None` without a start.
pub fn start_vintage_text(
    model: &Model,
    indicator: &str,
    a: &Assessment,
    locale: Locale,
) -> Option<String> {
    let w = a.working.as_ref()?;
    // The vintage the assessment used (the person's choice, or the one that wins).
    let chosen = crate::core::plan::assessment::level_vintages(model, indicator, w.start_year)
        .into_iter()
        .find(|f| f.vintage_id() == w.start_vintage);
    let levels = yearly_levels(model, indicator);
    let figure = chosen.or_else(|| levels.get(&w.start_year).copied())?;
    Some(vintage_used_text(model, figure, locale))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::catalog::UNITS_JSON;
    use crate::core::model::edit::{apply, changed_figures, ModelEdit};
    use crate::core::model::file::{read_model_file, ModelFile};

    const SMALL: &str = r#"{"app":"provincial-planner","kind":"model","schema_version":1,
      "model":{"schema_version":1,"id":"qn","province":{"vi":"Quảng Ngãi","en":"Quang Ngai"},
        "term":{"first_year":2026,"last_year":2030,"base_year":2025},"data_version":"2026-12-01",
        "groups":[{"id":"g1","name":{"vi":"Kinh tế","en":"Economy"}}],
        "documents":[{"id":"t1","kind":"table","file":"pasted","title":{"vi":"Bảng dán","en":"Pasted table"},"issuer":"","date":"2025-12-10"}]},
      "indicators":[{"id":"grdp","name":{"vi":"Tăng trưởng GRDP","en":"GRDP growth"},"group":"g1","unit":"percent","better":"higher","target_kind":"average_growth"}],
      "figures":[{"indicator":"grdp","kind":"estimate","measure":"growth","period":"2025","value":10.59,"source":{"doc":"t1","quote":"10,59"}}]}"#;

    fn file() -> ModelFile {
        read_model_file(SMALL.as_bytes(), UNITS_JSON)
            .map(|(f, _)| f)
            .expect("reads")
    }

    fn form(period: &str, kind: &str, value: &str) -> FigureForm {
        FigureForm {
            period: period.into(),
            kind: kind.into(),
            value: value.into(),
            title: "Báo cáo KT-XH 2025".into(),
            date: "2026-02-20".into(),
            quote: "đạt 10,02%".into(),
        }
    }

    fn with(f: &FigureForm) -> ModelFile {
        let m = file().to_model(UNITS_JSON).expect("valid");
        let figure = read_figure_form(&m, "grdp", f).expect("reads");
        apply(&file(), &ModelEdit::AddFigure(figure)).expect("applies")
    }

    #[test]
    fn the_form_reads_a_figure_in_the_indicators_measure() {
        let m = file().to_model(UNITS_JSON).expect("valid");
        let f = read_figure_form(&m, "grdp", &form("2025", "actual", "10,02")).expect("reads");
        assert_eq!(
            (f.period, f.kind, f.measure, f.amount),
            (
                Period::Year(2025),
                FigureKind::Actual,
                Measure::Growth,
                Amount::Point(10.02)
            )
        );
        let t = read_figure_form(&m, "grdp", &form("2026-2030", "term_target", "trên 10"))
            .expect("reads");
        assert_eq!(
            (t.period, t.comparator, t.measure),
            (
                Period::Years(2026, 2030),
                Some(Comparator::MoreThan),
                Measure::Growth
            )
        );
        assert_eq!(
            read_figure_form(&m, "grdp", &form("năm 2025", "actual", "1")),
            Err(FormError::Period)
        );
        assert_eq!(
            read_figure_form(&m, "grdp", &form("2025", "", "1")),
            Err(FormError::Kind)
        );
        assert_eq!(
            read_figure_form(&m, "grdp", &form("2025", "actual", "không")),
            Err(FormError::Value)
        );
    }

    #[test]
    fn figures_show_their_source_and_which_vintage_counts() {
        let revised = with(&form("2025", "estimate", "10,7"));
        let m = revised.to_model(UNITS_JSON).expect("valid");
        let v = editor_view(&m, None, Locale::Vi);
        let rows = v.selected.expect("grdp").figures;
        let seen: Vec<(&str, &str, &str)> = rows
            .iter()
            .map(|r| (r.text.as_str(), r.source.as_str(), r.vintage))
            .collect();
        assert_eq!(
            seen,
            vec![
                (
                    "Ước thực hiện 2025: 10,59",
                    "Bảng dán, 10/12/2025: “10,59”",
                    "older"
                ),
                (
                    "Ước thực hiện 2025: 10,7",
                    "Báo cáo KT-XH 2025, 20/02/2026: “đạt 10,02%”",
                    "counts"
                ),
            ]
        );
        let one = editor_view(
            &file().to_model(UNITS_JSON).expect("valid"),
            Some("grdp"),
            Locale::En,
        );
        assert_eq!(
            one.selected
                .map(|s| s.figures.iter().map(|r| r.vintage).collect::<Vec<_>>()),
            Some(vec!["only"])
        );
        assert_eq!(
            (one.revision.as_str(), one.base_year.as_str()),
            ("2026-12-01", "2025")
        );
    }

    #[test]
    fn a_draft_on_an_older_revision_is_told_what_changed() {
        let old = file().to_model(UNITS_JSON).expect("valid");
        let mut newer = with(&form("2025", "actual", "10,02"));
        newer.model.data_version = "2026-12-01.2".into();
        let new = newer.to_model(UNITS_JSON).expect("valid");
        let changes = changed_figures(&old, &new, &["grdp"]);
        assert_eq!(
            revision_note(&new, "2026-12-01", &changes, Locale::Vi).as_deref(),
            Some("Bản nháp này lập trên phiên bản số liệu 2026-12-01; bộ chỉ tiêu nay là phiên bản 2026-12-01.2. Số liệu bản nháp dựa vào đã thay đổi: Tăng trưởng GRDP – Thực hiện 2025: chưa có → 10,02.")
        );
        assert_eq!(revision_note(&old, "2026-12-01", &[], Locale::Vi), None);
    }

    #[test]
    fn the_vintage_used_is_named_with_its_kind_and_date() {
        let m = file().to_model(UNITS_JSON).expect("valid");
        let f = m.figures.first().expect("estimate");
        assert_eq!(
            vintage_used_text(&m, f, Locale::Vi),
            "theo số liệu 2025 (ước thực hiện, Bảng dán ngày 10/12/2025)"
        );
        assert_eq!(
            vintage_used_text(&m, f, Locale::En),
            "from the 2025 figure (estimate, Pasted table of 2025-12-10)"
        );
    }

    #[test]
    fn the_workbench_start_names_the_vintage_that_counts() {
        use crate::core::plan::assessment::{assess, Assumptions};
        // Investment: estimated 110 bn in 2026 (table of 10/12/2025), target 200 bn in
        // 2030; then the 2026 result, 112 bn, from a report of 20/02/2027.
        let text = SMALL
            .replace(r#""unit":"percent","better":"higher","target_kind":"average_growth""#, r#""unit":"bn_vnd","better":"higher","target_kind":"level""#)
            .replace(r#""measure":"growth","period":"2025","value":10.59,"source":{"doc":"t1","quote":"10,59"}}"#, r#""period":"2026","value":110.0,"source":{"doc":"t1","quote":"110"}},{"indicator":"grdp","kind":"term_target","period":"2030","value":200.0,"source":{"doc":"t1","quote":"200"}}"#);
        let (file, m) = read_model_file(text.as_bytes(), UNITS_JSON).expect("reads");
        let start = |m: &Model| {
            start_vintage_text(
                m,
                "grdp",
                &assess(m, "grdp", &Assumptions::default()),
                Locale::Vi,
            )
        };
        assert_eq!(
            start(&m).as_deref(),
            Some("theo số liệu 2026 (ước thực hiện, Bảng dán ngày 10/12/2025)")
        );
        let mut f = form("2026", "actual", "112");
        f.title = "Báo cáo".into();
        f.date = "2027-02-20".into();
        let figure = read_figure_form(&m, "grdp", &f).expect("reads");
        let newer = apply(&file, &ModelEdit::AddFigure(figure)).expect("applies");
        let m2 = newer.to_model(UNITS_JSON).expect("valid");
        assert_eq!(
            start(&m2).as_deref(),
            Some("theo số liệu 2026 (thực hiện, Báo cáo ngày 20/02/2027)")
        );
    }

    #[test]
    fn a_new_indicator_with_a_term_target_of_at_least_ten_percent_is_assessed() {
        use crate::core::plan::assessment::{assess, Assumptions};
        let m = file().to_model(UNITS_JSON).expect("valid");
        let form = IndicatorForm {
            name: " Thu ngân sách nhà nước ".into(),
            group: "g1".into(),
            unit: "bn_vnd".into(),
            better: "higher".into(),
            target_kind: "average_growth".into(),
        };
        let (id, add) = read_indicator_form(&m, &form).expect("reads");
        assert_eq!(id, "thu_ngan_sach_nha_nuoc");
        let f = apply(&file(), &add).expect("adds");
        let m = f.to_model(UNITS_JSON).expect("valid");
        let result = FigureForm {
            period: "2025".into(),
            kind: "actual".into(),
            value: "5.000".into(),
            title: "Báo cáo năm 2025".into(),
            date: "2026-01-15".into(),
            quote: "thu ngân sách đạt 5.000 tỷ đồng".into(),
        };
        let f = apply(
            &f,
            &ModelEdit::AddFigure(read_figure_form(&m, &id, &result).expect("reads")),
        )
        .expect("adds");
        let m = f.to_model(UNITS_JSON).expect("valid");
        let target = TargetForm {
            value: "≥ 10 %".into(),
            title: "Nghị quyết Đại hội".into(),
            date: "2025-10-01".into(),
            quote: "tăng bình quân từ 10%/năm trở lên".into(),
        };
        let set = read_target_form(&m, &id, &target).expect("reads");
        assert!(matches!(
            &set,
            ModelEdit::SetTermTarget { measure: Measure::AverageGrowth, amount: Amount::Point(x), comparator: Some(Comparator::AtLeast), .. } if (*x - 10.0).abs() < 1e-12
        ));
        let f = apply(&f, &set).expect("sets");
        let m = f.to_model(UNITS_JSON).expect("valid");
        let v = editor_view(&m, Some(&id), Locale::Vi);
        assert_eq!(v.selected.as_ref().map(|s| s.comparator), Some("ge"));
        assert!(v.units.iter().any(|u| u.value == "bn_vnd"));
        assert_eq!(v.comparators.first().map(|c| c.value.as_str()), Some(""));
        // A term is assessed from a result inside it: a 2026 estimate of 5.400.
        let estimate = FigureForm {
            period: "2026".into(),
            kind: "estimate".into(),
            value: "5.400".into(),
            ..result.clone()
        };
        let f = apply(
            &f,
            &ModelEdit::AddFigure(read_figure_form(&m, &id, &estimate).expect("reads")),
        )
        .expect("adds");
        let m = f.to_model(UNITS_JSON).expect("valid");
        // From 5.000 in 2025, at least 10 % a year over 2026-2030: the level to reach is
        // 5.000 × 1,1^5 = 8.052,55; from 5.400 in 2026 that needs (8.052,55 / 5.400)^(1/4)
        // − 1 a year over 2027-2030.
        let a = assess(&m, &id, &Assumptions::default());
        let w = a.working.as_ref().expect("a working");
        assert_eq!((w.start_year, w.target_year), (2026, 2030));
        assert!((w.start_value - 5400.0).abs() < 1e-9);
        let target = 5000.0 * 1.1f64.powi(5);
        assert!((w.target_value - target).abs() < 1e-6, "{}", w.target_value);
        assert!((target - 8052.55).abs() < 0.01);
        let needed = ((target / 5400.0).powf(0.25) - 1.0) * 100.0;
        assert!((a.required.expect("a pace") - needed).abs() < 1e-9);
        // The comparator chooser sets it on the term target; "none" takes it off.
        let f = apply(
            &f,
            &ModelEdit::SetComparator {
                indicator: id.clone(),
                comparator: comparator_of("gt").expect("code"),
            },
        )
        .expect("sets");
        let m = f.to_model(UNITS_JSON).expect("valid");
        assert_eq!(
            editor_view(&m, Some(&id), Locale::Vi)
                .selected
                .map(|s| s.comparator),
            Some("gt")
        );
        assert_eq!(comparator_of(""), Some(None));
        assert_eq!(comparator_of("≥"), None);
    }

    #[test]
    fn the_new_indicator_and_target_forms_refuse_what_they_cannot_read() {
        let m = file().to_model(UNITS_JSON).expect("valid");
        let form = |name: &str, unit: &str| IndicatorForm {
            name: name.into(),
            group: "g1".into(),
            unit: unit.into(),
            ..IndicatorForm::default()
        };
        assert_eq!(
            read_indicator_form(&m, &form("  ", "percent")).err(),
            Some(FormError::Name)
        );
        assert_eq!(
            read_indicator_form(&m, &form("Tỷ lệ", "")).err(),
            Some(FormError::Unit)
        );
        assert_eq!(
            read_indicator_form(&m, &form("Tỷ lệ", "furlongs")).err(),
            Some(FormError::Unit)
        );
        // A name already taken gets the next free id; unknown codes fall back.
        let (id, edit) = read_indicator_form(&m, &form("GRDP", "percent")).expect("reads");
        assert_eq!(id, "grdp_2");
        assert!(matches!(
            edit,
            ModelEdit::AddIndicator {
                better: Better::Higher,
                target_kind: TargetKind::Level,
                ..
            }
        ));
        let bad = TargetForm {
            value: "mười".into(),
            ..TargetForm::default()
        };
        assert_eq!(
            read_target_form(&m, "grdp", &bad).err(),
            Some(FormError::Value)
        );
        assert_eq!(target_measure(TargetKind::Cumulative), Measure::Cumulative);
        assert_eq!(target_measure(TargetKind::Share), Measure::Level);
        for e in [FormError::Name, FormError::Unit] {
            assert_ne!(
                form_error_text(e, Locale::Vi),
                form_error_text(e, Locale::En)
            );
        }
    }
}
