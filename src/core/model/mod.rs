//! The target model as plain domain types: a province's term, its indicators (chỉ tiêu)
//! and every figure about them, each with its source.
//!
//! These types are what the rest of the app reasons with. They are built and validated
//! by `load` from the serialised form in `raw` (submodules here); they hold no signals and do
//! no I/O. Rates are in percent as the documents write them (`7.32` is 7,32 %).

pub mod as_of;
pub mod catalog;
pub mod choice;
pub mod edit;
pub mod file;
pub mod load;
pub mod published;
pub mod raw;
pub mod store_policy;
pub mod stored;
pub mod synthetic;

use std::collections::BTreeMap;
use std::fmt;
use std::ops::RangeInclusive;

/// Years a link, a draft or a typed input may name: anything outside is a typing slip or
/// a hostile value, never a plan year, and is dropped where it is read.
pub const YEARS: RangeInclusive<i32> = 1900..=2200;

/// A text in both interface languages.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Localized {
    /// Vietnamese text.
    pub vi: String,
    /// English text.
    pub en: String,
}

/// The five-year term (nhiệm kỳ) a model covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Term {
    /// First plan year (2021 for 2021-2025).
    pub first_year: i32,
    /// Last plan year, the target year of the term.
    pub last_year: i32,
    /// The year before the term whose level anchors average-growth targets.
    pub base_year: i32,
}

/// An area of the plan that groups indicators (economy, health…).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// Stable id.
    pub id: String,
    /// Display name.
    pub name: Localized,
}

/// Whether a document is one of the primary seeds, a secondary public report, or a
/// table a person imported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentKind {
    /// A provincial document (resolution, report, conclusion).
    Seed,
    /// A news or government web page, cited from the public-figures table.
    PublicReport,
    /// A table of the province's figures that a person pasted or opened (the annex of a
    /// resolution, kept in a spreadsheet); its text is kept with the model.
    Table,
}

impl DocumentKind {
    /// True for the province's own documents (seeds and the tables its officials
    /// import), which outrank public reports about the same figure.
    pub fn is_provincial(self) -> bool {
        matches!(self, DocumentKind::Seed | DocumentKind::Table)
    }
}

/// A calendar date that may be known only to the year or month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct PartialDate {
    /// Year.
    pub year: i32,
    /// Month 1-12, when known.
    pub month: Option<u8>,
    /// Day 1-31, when known.
    pub day: Option<u8>,
}

/// A source document that figures quote.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// Stable id (`kt-003`).
    pub id: String,
    /// Seed or public report.
    pub kind: DocumentKind,
    /// File under `data/sources/` that holds the text quoted.
    pub file: String,
    /// Title.
    pub title: Localized,
    /// Who issued it.
    pub issuer: String,
    /// Document number (số hiệu), when it has one.
    pub number: Option<String>,
    /// Date of issue (or of publication for a web page), when known.
    pub date: Option<PartialDate>,
    /// How the date was found, when it is not printed on the document.
    pub date_note: Option<Localized>,
    /// Web site, for public reports.
    pub url: Option<String>,
}

/// Which direction of change is an improvement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Better {
    /// More is better (GRDP, revenue).
    Higher,
    /// Less is better (poverty rate, stunting).
    Lower,
    /// Neither (population, structure of a sector with no direction).
    Neutral,
}

/// The kind of term target an indicator carries (see `shared/domain.md`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TargetKind {
    /// A level to reach in the target year.
    Level,
    /// An average yearly growth over the term.
    AverageGrowth,
    /// A total summed over the term.
    Cumulative,
    /// A stock built up by yearly additions (an area, a number of communes).
    Stock,
    /// A share or rate, moved in percentage points.
    Share,
    /// A yearly count.
    Count,
    /// Figures are recorded but no target logic applies.
    None,
}

/// Price basis of a money figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PriceBasis {
    /// Constant 2010 prices (giá so sánh 2010), for real growth.
    Constant2010,
    /// Current prices (giá hiện hành), for shares and per-capita values.
    Current,
}

/// The statistical basis of a figure: whether it belongs to the series before or after a
/// revision of the statistics (a GRDP series re-estimated after the figure was first
/// published). Marked only where the source or a check against other figures says so.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StatBasis {
    /// Published before the revision (an estimate of the old series).
    PreRevision,
    /// On the revised series.
    Revised,
}

/// A unit of measure (đơn vị tính).
#[derive(Clone, Debug, PartialEq)]
pub struct Unit {
    /// Stable id (`bn_vnd`).
    pub id: String,
    /// Display name (`tỷ đồng`).
    pub name: Localized,
    /// Units with the same dimension convert through `factor`.
    pub dimension: String,
    /// Size of the unit in the dimension's base unit.
    pub factor: f64,
    /// Decimals a figure in this unit is shown with, when the unit table says
    /// (`people`: 0; `bn_vnd`: 2, as the documents write them).
    pub decimals: Option<u8>,
}

/// An indicator (chỉ tiêu) of the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Indicator {
    /// Stable id, referred to by figures and drafts.
    pub id: String,
    /// Display name.
    pub name: Localized,
    /// Group id.
    pub group: String,
    /// Unit id of its level.
    pub unit: String,
    /// Which way is better.
    pub better: Better,
    /// Kind of term target.
    pub target_kind: TargetKind,
    /// Default price basis of its figures, for money values.
    pub price_basis: Option<PriceBasis>,
    /// For a stock: the indicator of its yearly additions (ginseng area → ginseng
    /// newly planted), whose plans give the planned pace.
    pub additions: Option<String>,
}

/// The status of a figure (loại số liệu).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FigureKind {
    /// Result (thực hiện).
    Actual,
    /// Estimate before the period closes (ước thực hiện, sơ bộ).
    Estimate,
    /// Plan value for the period (kế hoạch, dự toán).
    Plan,
    /// Target of the five-year term.
    TermTarget,
    /// Computed by the app or its data team from other figures.
    Derived,
}

impl FigureKind {
    /// True for results and estimates: figures that say what happened.
    pub fn is_result(self) -> bool {
        matches!(self, FigureKind::Actual | FigureKind::Estimate)
    }
}

/// What a figure's number measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Measure {
    /// The quantity itself.
    Level,
    /// Percent change on the previous period.
    Growth,
    /// This period ÷ the previous × 100.
    Index,
    /// Absolute change on the previous period.
    Change,
    /// Percent of a plan reached.
    Attainment,
    /// Average yearly percent growth over a range of years.
    AverageGrowth,
    /// Sum over a range of years.
    Cumulative,
}

/// The period a figure is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Period {
    /// A calendar year.
    Year(i32),
    /// Half-year 1 or 2.
    Half(i32, u8),
    /// Quarter 1-4.
    Quarter(i32, u8),
    /// The first `n` months of a year.
    YearToDate(i32, u8),
    /// A range of years, inclusive.
    Years(i32, i32),
    /// A point in time.
    Date(i32, u8, u8),
}

impl Period {
    /// Parses the data-file notation (`2023`, `2022-H1`, `2024-Q3`, `2023-YTD11`,
    /// `2021-2025`, `2023-06-30`).
    pub fn parse(text: &str) -> Option<Period> {
        let year = |s: &str| -> Option<i32> {
            if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
                s.parse().ok()
            } else {
                None
            }
        };
        let parts: Vec<&str> = text.split('-').collect();
        match parts.as_slice() {
            [y] => year(y).map(Period::Year),
            [y, rest] => {
                let y = year(y)?;
                if let Some(h) = rest.strip_prefix('H') {
                    let h: u8 = h.parse().ok()?;
                    (1..=2).contains(&h).then_some(Period::Half(y, h))
                } else if let Some(q) = rest.strip_prefix('Q') {
                    let q: u8 = q.parse().ok()?;
                    (1..=4).contains(&q).then_some(Period::Quarter(y, q))
                } else if let Some(m) = rest.strip_prefix("YTD") {
                    let m: u8 = m.parse().ok()?;
                    (1..=11).contains(&m).then_some(Period::YearToDate(y, m))
                } else {
                    let to = year(rest)?;
                    (to > y).then_some(Period::Years(y, to))
                }
            }
            [y, m, d] => {
                let y = year(y)?;
                let m: u8 = (m.len() == 2).then(|| m.parse().ok()).flatten()?;
                let d: u8 = (d.len() == 2).then(|| d.parse().ok()).flatten()?;
                ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some(Period::Date(y, m, d))
            }
            _ => None,
        }
    }

    /// The calendar year the period ends in.
    pub fn end_year(self) -> i32 {
        match self {
            Period::Year(y)
            | Period::Half(y, _)
            | Period::Quarter(y, _)
            | Period::YearToDate(y, _)
            | Period::Date(y, _, _) => y,
            Period::Years(_, to) => to,
        }
    }

    /// The year when the period is exactly one calendar year.
    pub fn as_year(self) -> Option<i32> {
        match self {
            Period::Year(y) => Some(y),
            _ => None,
        }
    }
}

impl fmt::Display for Period {
    /// Writes the data-file notation back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Period::Year(y) => write!(f, "{y}"),
            Period::Half(y, h) => write!(f, "{y}-H{h}"),
            Period::Quarter(y, q) => write!(f, "{y}-Q{q}"),
            Period::YearToDate(y, m) => write!(f, "{y}-YTD{m}"),
            Period::Years(a, b) => write!(f, "{a}-{b}"),
            Period::Date(y, m, d) => write!(f, "{y}-{m:02}-{d:02}"),
        }
    }
}

/// How a figure compares with its number (từ X trở lên, trên X, dưới X).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Comparator {
    /// At least (≥): từ X trở lên, ít nhất.
    AtLeast,
    /// More than (>): trên X.
    MoreThan,
    /// At most (≤): không quá, tối đa.
    AtMost,
    /// Less than (<): dưới X.
    LessThan,
}

/// A figure's number: one value or a range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Amount {
    /// A single value.
    Point(f64),
    /// A range `[low, high]` (18-19 %).
    Range(f64, f64),
}

impl Amount {
    /// The amount times `scale` (both ends of a range); `None` when a result is not a
    /// finite number (a unit or currency conversion that overflows).
    pub fn scaled(self, scale: f64) -> Option<Amount> {
        let out = match self {
            Amount::Point(v) => Amount::Point(v * scale),
            Amount::Range(lo, hi) => Amount::Range(lo * scale, hi * scale),
        };
        let finite = match out {
            Amount::Point(v) => v.is_finite(),
            Amount::Range(lo, hi) => lo.is_finite() && hi.is_finite(),
        };
        finite.then_some(out)
    }

    /// The middle of the amount: the value itself, or the midpoint of a range.
    pub fn central(self) -> f64 {
        match self {
            Amount::Point(v) => v,
            Amount::Range(lo, hi) => (lo + hi) / 2.0,
        }
    }
}

/// Where a figure comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// A verbatim quote from a document.
    Quote {
        /// Document id.
        doc: String,
        /// The text, as written in the document.
        quote: String,
    },
    /// Computed from other figures.
    Derived {
        /// The formula in words (English).
        formula: String,
        /// The formula in Vietnamese, when the data give it.
        formula_vi: Option<String>,
        /// Keys of the input figures (`indicator/period/kind/measure`).
        inputs: Vec<String>,
    },
}

/// One number about one indicator, with its source.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// Indicator id.
    pub indicator: String,
    /// Actual, estimate, plan, term target or derived.
    pub kind: FigureKind,
    /// What the number measures.
    pub measure: Measure,
    /// Period it is about.
    pub period: Period,
    /// The number.
    pub amount: Amount,
    /// Unit id of the number.
    pub unit: String,
    /// Comparator of a target, when the text has one.
    pub comparator: Option<Comparator>,
    /// True when the text says "khoảng" (about).
    pub approx: bool,
    /// Price basis, for money values.
    pub price_basis: Option<PriceBasis>,
    /// Statistical basis (before or after a revision), where the source says so.
    pub basis: Option<StatBasis>,
    /// Tells apart parallel figures (`central_assigned`, `province_assigned`).
    pub variant: Option<String>,
    /// A note for the reader.
    pub note: Option<Localized>,
    /// The source.
    pub source: Source,
}

impl Figure {
    /// Tells apart the vintages of one figure: the document and the kind
    /// (`kt-003:estimate`), or `derived` for a computed figure.
    pub fn vintage_id(&self) -> String {
        match self.doc_id() {
            Some(doc) => format!("{doc}:{}", load::kind_code(self.kind)),
            None => "derived".to_string(),
        }
    }

    /// The document id of a quoted figure.
    pub fn doc_id(&self) -> Option<&str> {
        match &self.source {
            Source::Quote { doc, .. } => Some(doc),
            Source::Derived { .. } => None,
        }
    }
}

/// A whole target model: one province, one term.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    /// Stable id (`kon-tum-2021-2025`).
    pub id: String,
    /// Province name.
    pub province: Localized,
    /// The term.
    pub term: Term,
    /// Version of the data (a date).
    pub data_version: String,
    /// Groups, in display order.
    pub groups: Vec<Group>,
    /// Source documents.
    pub documents: Vec<Document>,
    /// Units known to the model.
    pub units: Vec<Unit>,
    /// Indicators, in data-file order.
    pub indicators: Vec<Indicator>,
    /// Every figure.
    pub figures: Vec<Figure>,
    /// Figure positions by indicator id, for quick lookup.
    pub figures_by_indicator: BTreeMap<String, Vec<usize>>,
    /// What the sources lack (annexes, figures not found), said to the person so they
    /// know what to add with the model editor.
    pub gaps: Vec<Localized>,
}

impl Model {
    /// The indicator with this id.
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// The unit with this id.
    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.id == id)
    }

    /// The document with this id.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    /// The group with this id.
    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    /// Every figure about one indicator, in data-file order.
    pub fn figures_of<'a>(&'a self, indicator: &str) -> impl Iterator<Item = &'a Figure> + 'a {
        self.figures_by_indicator
            .get(indicator)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.figures.get(i))
    }

    /// Converts an amount between two units of the same dimension (`million_visits` to
    /// `visits`); `None` when either unit is unknown or the dimensions differ.
    pub fn convert(&self, amount: Amount, from: &str, to: &str) -> Option<Amount> {
        if from == to {
            return Some(amount);
        }
        let (f, t) = (self.unit(from)?, self.unit(to)?);
        if f.dimension != t.dimension {
            return None;
        }
        amount.scaled(f.factor / t.factor)
    }

    /// The date of the document a figure comes from, for ordering vintages.
    pub fn figure_date(&self, figure: &Figure) -> Option<PartialDate> {
        figure
            .doc_id()
            .and_then(|d| self.document(d))
            .and_then(|d| d.date)
    }
}

/// Each indicator's figures, as positions in `figures` ([`Model::figures_by_indicator`]).
pub(crate) fn index_figures(figures: &[Figure]) -> BTreeMap<String, Vec<usize>> {
    let mut by_indicator: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, f) in figures.iter().enumerate() {
        by_indicator.entry(f.indicator.clone()).or_default().push(i);
    }
    by_indicator
}

#[cfg(test)]
mod amount_tests {
    use super::Amount;

    #[test]
    fn scaled_scales_both_ends_and_refuses_an_overflow() {
        // 18-19 thousand visits in visits: 18,000-19,000.
        assert_eq!(
            Amount::Range(18.0, 19.0).scaled(1000.0),
            Some(Amount::Range(18_000.0, 19_000.0))
        );
        assert_eq!(Amount::Point(4.5).scaled(2.0), Some(Amount::Point(9.0)));
        assert_eq!(Amount::Point(1e308).scaled(10.0), None);
        assert_eq!(Amount::Range(1.0, 1e308).scaled(10.0), None);
    }
}
