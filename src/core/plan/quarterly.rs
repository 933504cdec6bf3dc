//! Quarterly GRDP growth scenarios by sector (kịch bản tăng trưởng theo quý), the table
//! the Government asks every province for each February (Resolution 25/NQ-CP for 2025,
//! 01/NQ-CP for 2026).
//!
//! The base is last year's GRDP by quarter and sector at constant 2010 prices (giá so
//! sánh 2010), billion VND; the scenario is each sector's growth in each quarter on the
//! same quarter of last year, percent. [`compute`] gives, for each quarter, the first 6
//! months, the first 9 months and the year, the levels, each sector's growth and its
//! contribution in percentage points (its change in level ÷ last year's total of the
//! same period) and GRDP growth. Cumulative periods are always computed from levels
//! (Σ this year ÷ Σ last year − 1), never by averaging rates.
//!
//! Quarters the statistics office has published are marked as results: their growth is
//! the published one, and [`seek_remaining`] answers what the other quarters must grow
//! (all sectors alike, or one sector) for the year to reach its target. [`spread_year`]
//! goes the other way, from a yearly sector growth to the quarters, in proportion to
//! last year's quarterly levels. [`parse_base_paste`] reads a table pasted from the
//! statistics office's spreadsheet.
//!
//! Pure: no clock, no browser, no NaN out (a value that cannot be computed is `None`).

use std::fmt;

use crate::core::plan::chain::{Sector, SECTORS};
use crate::core::text::numfmt::Locale;
use crate::core::text::numparse::parse_number;
use crate::core::text::textsearch::fold;

/// Values by sector (in [`SECTORS`] order) and quarter (Q1 to Q4).
pub type Grid<T> = [[T; 4]; 4];

/// The quarters, 1 to 4.
pub const QUARTERS: [u8; 4] = [1, 2, 3, 4];

/// Stable id of a sector in test ids, drafts and files.
pub fn sector_id(s: Sector) -> &'static str {
    match s {
        Sector::Agriculture => "agriculture",
        Sector::IndustryConstruction => "industry",
        Sector::Services => "services",
        Sector::ProductTaxes => "taxes",
    }
}

/// The sector with this id.
pub fn sector_from_id(id: &str) -> Option<Sector> {
    SECTORS.into_iter().find(|s| sector_id(*s) == id)
}

/// Position of a sector in [`SECTORS`].
pub fn sector_index(s: Sector) -> usize {
    SECTORS.iter().position(|x| *x == s).unwrap_or(0)
}

/// A period of the year the table reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Span {
    /// One quarter, 1 to 4.
    Quarter(u8),
    /// The first six months (Q1 + Q2).
    SixMonths,
    /// The first nine months (Q1 to Q3).
    NineMonths,
    /// The whole year.
    Year,
}

impl Span {
    /// Every period, in the order of the provinces' tables.
    pub const ALL: [Span; 7] = [
        Span::Quarter(1),
        Span::Quarter(2),
        Span::Quarter(3),
        Span::Quarter(4),
        Span::SixMonths,
        Span::NineMonths,
        Span::Year,
    ];

    /// Stable id (`1`-`4`, `6m`, `9m`, `year`).
    pub fn id(self) -> &'static str {
        match self {
            Span::Quarter(1) => "1",
            Span::Quarter(2) => "2",
            Span::Quarter(3) => "3",
            Span::Quarter(_) => "4",
            Span::SixMonths => "6m",
            Span::NineMonths => "9m",
            Span::Year => "year",
        }
    }

    /// The quarters it spans.
    pub fn quarters(self) -> &'static [u8] {
        match self {
            Span::Quarter(1) => &[1],
            Span::Quarter(2) => &[2],
            Span::Quarter(3) => &[3],
            Span::Quarter(_) => &[4],
            Span::SixMonths => &[1, 2],
            Span::NineMonths => &[1, 2, 3],
            Span::Year => &[1, 2, 3, 4],
        }
    }
}

/// One typed cell of the quarterly scenario, as drafts keep it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum QuarterCell {
    /// Last year's level of a sector in a quarter (1 to 4).
    Base(Sector, u8),
    /// Growth of a sector in a quarter, percent.
    Growth(Sector, u8),
    /// The year's GRDP growth target, percent.
    Target,
}

impl QuarterCell {
    /// Stable id (`base:agriculture:1`, `growth:taxes:4`, `target`).
    pub fn id(self) -> String {
        match self {
            QuarterCell::Base(s, q) => format!("base:{}:{q}", sector_id(s)),
            QuarterCell::Growth(s, q) => format!("growth:{}:{q}", sector_id(s)),
            QuarterCell::Target => "target".to_string(),
        }
    }

    /// The cell with this id (`None` for an unknown one, or a quarter outside 1-4).
    pub fn from_id(id: &str) -> Option<QuarterCell> {
        if id == "target" {
            return Some(QuarterCell::Target);
        }
        let mut parts = id.split(':');
        let (kind, sector, quarter) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        let s = sector_from_id(sector)?;
        let q: u8 = quarter.parse().ok().filter(|q| QUARTERS.contains(q))?;
        match kind {
            "base" => Some(QuarterCell::Base(s, q)),
            "growth" => Some(QuarterCell::Growth(s, q)),
            _ => None,
        }
    }
}

/// What the person gave: last year's levels, this year's growth, and which quarters
/// are published results.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct QuarterlyInputs {
    /// Last year's GRDP by sector and quarter, constant 2010 prices, billion VND.
    pub base: Grid<Option<f64>>,
    /// Growth by sector and quarter on the same quarter of last year, percent.
    pub growth: Grid<Option<f64>>,
    /// Quarters whose growth is a published result (index 0 is Q1).
    pub results: [bool; 4],
}

/// Why one cell cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellProblem {
    /// Nothing given.
    Missing,
    /// A base level of zero or less.
    NotPositive,
    /// A growth of −100 % or less (the sector would vanish).
    AtMostMinus100,
}

impl fmt::Display for CellProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CellProblem::Missing => write!(f, "missing"),
            CellProblem::NotPositive => write!(f, "base must be positive"),
            CellProblem::AtMostMinus100 => write!(f, "growth must be above -100 %"),
        }
    }
}

/// The cell of a grid (`q` is 1 to 4).
pub fn cell<T: Copy>(grid: &Grid<T>, s: Sector, q: u8) -> Option<T> {
    grid.get(sector_index(s))
        .and_then(|row| row.get(usize::from(q).checked_sub(1)?))
        .copied()
}

/// Sets a cell of a grid (`q` is 1 to 4; other quarters change nothing).
pub fn set_cell<T>(grid: &mut Grid<T>, s: Sector, q: u8, value: T) {
    if let Some(c) = grid
        .get_mut(sector_index(s))
        .and_then(|row| row.get_mut(usize::from(q).checked_sub(1)?))
    {
        *c = value;
    }
}

/// What is wrong with a base level, if anything.
pub fn base_problem(value: Option<f64>) -> Option<CellProblem> {
    match value {
        None => Some(CellProblem::Missing),
        Some(v) if !v.is_finite() => Some(CellProblem::Missing),
        Some(v) if v <= 0.0 => Some(CellProblem::NotPositive),
        Some(_) => None,
    }
}

/// What is wrong with a growth, if anything.
pub fn growth_problem(value: Option<f64>) -> Option<CellProblem> {
    match value {
        None => Some(CellProblem::Missing),
        Some(v) if !v.is_finite() => Some(CellProblem::Missing),
        Some(v) if v <= -100.0 => Some(CellProblem::AtMostMinus100),
        Some(_) => None,
    }
}

impl QuarterlyInputs {
    /// Whether quarter `q` (1 to 4) is a published result.
    pub fn is_result(&self, q: u8) -> bool {
        usize::from(q)
            .checked_sub(1)
            .and_then(|i| self.results.get(i))
            .copied()
            .unwrap_or(false)
    }

    /// A usable base level.
    pub fn base_at(&self, s: Sector, q: u8) -> Option<f64> {
        cell(&self.base, s, q)
            .flatten()
            .filter(|v| base_problem(Some(*v)).is_none())
    }

    /// A usable growth, percent.
    pub fn growth_at(&self, s: Sector, q: u8) -> Option<f64> {
        cell(&self.growth, s, q)
            .flatten()
            .filter(|v| growth_problem(Some(*v)).is_none())
    }

    /// This year's level of a sector in a quarter: base × (1 + growth).
    pub fn level_at(&self, s: Sector, q: u8) -> Option<f64> {
        Some(self.base_at(s, q)? * (1.0 + self.growth_at(s, q)? / 100.0))
    }

    /// Inputs from cell values (`None`: not a number) and the result quarters, as a
    /// draft keeps them; the target cell is not an input of the table.
    pub fn from_cells<'a>(
        cells: impl IntoIterator<Item = (&'a QuarterCell, Option<f64>)>,
        results: &std::collections::BTreeSet<u8>,
    ) -> Self {
        let mut x = QuarterlyInputs::default();
        for (cell, v) in cells {
            match *cell {
                QuarterCell::Base(s, q) => set_cell(&mut x.base, s, q, v),
                QuarterCell::Growth(s, q) => set_cell(&mut x.growth, s, q, v),
                QuarterCell::Target => {}
            }
        }
        for (r, q) in x.results.iter_mut().zip(QUARTERS) {
            *r = results.contains(&q);
        }
        x
    }

    /// Whether any base level is given.
    pub fn has_base(&self) -> bool {
        self.base.iter().flatten().any(Option::is_some)
    }
}

fn sum(values: impl Iterator<Item = Option<f64>>) -> Option<f64> {
    values.sum::<Option<f64>>().filter(|v| v.is_finite())
}

/// The results of one period.
#[derive(Clone, Debug, PartialEq)]
pub struct SpanResult {
    /// The period.
    pub span: Span,
    /// Last year's level of each sector over the period (Σ of its quarters).
    pub base: [Option<f64>; 4],
    /// This year's level of each sector over the period.
    pub level: [Option<f64>; 4],
    /// Each sector's growth, percent: level ÷ base − 1.
    pub sector_growth: [Option<f64>; 4],
    /// Each sector's contribution, percentage points: (level − base) ÷ last year's
    /// GRDP of the period.
    pub contribution: [Option<f64>; 4],
    /// Last year's GRDP over the period.
    pub base_total: Option<f64>,
    /// This year's GRDP over the period.
    pub level_total: Option<f64>,
    /// GRDP growth, percent: Σ levels ÷ Σ last year − 1.
    pub growth: Option<f64>,
    /// Every quarter of the period is a published result.
    pub all_results: bool,
    /// Some quarter of the period is a published result.
    pub some_results: bool,
}

/// The results of one period.
pub fn compute_span(inputs: &QuarterlyInputs, span: Span) -> SpanResult {
    let qs = span.quarters();
    let mut base = [None; 4];
    let mut level = [None; 4];
    for (i, s) in SECTORS.iter().enumerate() {
        if let (Some(b), Some(l)) = (base.get_mut(i), level.get_mut(i)) {
            *b = sum(qs.iter().map(|q| inputs.base_at(*s, *q)));
            *l = sum(qs.iter().map(|q| inputs.level_at(*s, *q)));
        }
    }
    let base_total = sum(base.iter().copied());
    let level_total = sum(level.iter().copied());
    let mut sector_growth = [None; 4];
    let mut contribution = [None; 4];
    for i in 0..4 {
        let (b, l) = (
            base.get(i).copied().flatten(),
            level.get(i).copied().flatten(),
        );
        if let (Some(g), Some(c)) = (sector_growth.get_mut(i), contribution.get_mut(i)) {
            *g = b
                .zip(l)
                .map(|(b, l)| (l / b - 1.0) * 100.0)
                .filter(|v| v.is_finite());
            *c = b
                .zip(l)
                .zip(base_total)
                .map(|((b, l), t)| (l - b) / t * 100.0)
                .filter(|v| v.is_finite());
        }
    }
    let growth = base_total
        .zip(level_total)
        .map(|(b, l)| (l / b - 1.0) * 100.0)
        .filter(|g| g.is_finite());
    SpanResult {
        span,
        base,
        level,
        sector_growth,
        contribution,
        base_total,
        level_total,
        growth,
        all_results: qs.iter().all(|q| inputs.is_result(*q)),
        some_results: qs.iter().any(|q| inputs.is_result(*q)),
    }
}

/// The results of every period, in [`Span::ALL`] order.
pub fn compute(inputs: &QuarterlyInputs) -> Vec<SpanResult> {
    Span::ALL.iter().map(|s| compute_span(inputs, *s)).collect()
}

/// The year's growth of each sector implied by the quarters (percent), for the yearly
/// growth chain.
pub fn year_sector_growth(inputs: &QuarterlyInputs) -> [Option<f64>; 4] {
    compute_span(inputs, Span::Year).sector_growth
}

/// What the remaining quarters' growth is sought for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeekBy {
    /// Every sector grows alike in the remaining quarters.
    AllSectors,
    /// One sector moves; the others keep their scenario.
    Sector(Sector),
}

/// Why the remaining quarters' growth cannot be found.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SeekError {
    /// Every quarter is a result: nothing is left to move.
    NoRemainingQuarters,
    /// A base level, or a growth the answer rests on, is missing or unusable.
    MissingInput {
        /// Sector.
        sector: Sector,
        /// Quarter.
        quarter: u8,
    },
    /// The target is not a finite number.
    BadTarget,
    /// The answer would be −100 % or less: the quarters already given pass the target
    /// by more than the remaining quarters weigh.
    Unreachable {
        /// The growth it would take, percent.
        needed: f64,
    },
}

impl fmt::Display for SeekError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SeekError::NoRemainingQuarters => write!(f, "no quarter left to change"),
            SeekError::MissingInput { quarter, .. } => write!(f, "missing input in q{quarter}"),
            SeekError::BadTarget => write!(f, "target is not a number"),
            SeekError::Unreachable { .. } => write!(f, "target cannot be reached"),
        }
    }
}

/// The growth the remaining quarters need, with the numbers it rests on.
#[derive(Clone, Debug, PartialEq)]
pub struct RemainingAnswer {
    /// What moved.
    pub by: SeekBy,
    /// The year's GRDP growth aimed at, percent.
    pub target: f64,
    /// The quarters that move (not results).
    pub quarters: Vec<u8>,
    /// Last year's GRDP (all quarters, all sectors).
    pub base_year: f64,
    /// The year's GRDP the target needs: base_year × (1 + target).
    pub level_needed: f64,
    /// This year's level already fixed (result quarters, and in the remaining quarters
    /// the sectors that do not move).
    pub level_fixed: f64,
    /// Last year's level of what moves (the moving sectors in the remaining quarters).
    pub base_moving: f64,
    /// The growth needed, percent: (level_needed − level_fixed) ÷ base_moving − 1.
    pub needed: f64,
    /// The year's growth with the answer put in, computed again from the quarters.
    pub check: f64,
}

/// The inputs with `growth` put in the remaining quarters for what `by` moves.
pub fn with_remaining_growth(inputs: &QuarterlyInputs, by: SeekBy, growth: f64) -> QuarterlyInputs {
    let mut out = inputs.clone();
    for q in QUARTERS.into_iter().filter(|q| !inputs.is_result(*q)) {
        for s in SECTORS {
            if by == SeekBy::AllSectors || by == SeekBy::Sector(s) {
                set_cell(&mut out.growth, s, q, Some(growth));
            }
        }
    }
    out
}

/// The growth the quarters that are not results need (all sectors alike, or one
/// sector) for the year's GRDP to grow by `target` percent. Exact: the year's level is
/// linear in that growth, and the answer is checked by computing the year again.
pub fn seek_remaining(
    inputs: &QuarterlyInputs,
    by: SeekBy,
    target: f64,
) -> Result<RemainingAnswer, SeekError> {
    if !target.is_finite() {
        return Err(SeekError::BadTarget);
    }
    let remaining: Vec<u8> = QUARTERS
        .into_iter()
        .filter(|q| !inputs.is_result(*q))
        .collect();
    if remaining.is_empty() {
        return Err(SeekError::NoRemainingQuarters);
    }
    let mut base_year = 0.0;
    let mut level_fixed = 0.0;
    let mut base_moving = 0.0;
    for q in QUARTERS {
        for s in SECTORS {
            let missing = SeekError::MissingInput {
                sector: s,
                quarter: q,
            };
            let b = inputs.base_at(s, q).ok_or(missing)?;
            base_year += b;
            let moves =
                remaining.contains(&q) && (by == SeekBy::AllSectors || by == SeekBy::Sector(s));
            if moves {
                base_moving += b;
            } else {
                level_fixed += inputs.level_at(s, q).ok_or(missing)?;
            }
        }
    }
    let level_needed = base_year * (1.0 + target / 100.0);
    let needed = ((level_needed - level_fixed) / base_moving - 1.0) * 100.0;
    if !needed.is_finite() {
        return Err(SeekError::BadTarget);
    }
    if needed <= -100.0 {
        return Err(SeekError::Unreachable { needed });
    }
    let check = compute_span(&with_remaining_growth(inputs, by, needed), Span::Year)
        .growth
        .ok_or(SeekError::BadTarget)?;
    Ok(RemainingAnswer {
        by,
        target,
        quarters: remaining,
        base_year,
        level_needed,
        level_fixed,
        base_moving,
        needed,
        check,
    })
}

/// A yearly sector growth spread over the quarters in proportion to last year's
/// quarterly levels: the year's level base_year × (1 + growth), less what the result
/// quarters already reached, shared among the other quarters as last year was. Returns
/// each quarter's growth (`None` for result quarters, which keep theirs). With no
/// result quarter every quarter grows at the yearly rate.
pub fn spread_year(
    inputs: &QuarterlyInputs,
    sector: Sector,
    year_growth: f64,
) -> Result<[Option<f64>; 4], SeekError> {
    if !year_growth.is_finite() || year_growth <= -100.0 {
        return Err(SeekError::BadTarget);
    }
    let mut base_year = 0.0;
    let mut fixed = 0.0;
    let mut base_moving = 0.0;
    for q in QUARTERS {
        let missing = SeekError::MissingInput { sector, quarter: q };
        let b = inputs.base_at(sector, q).ok_or(missing)?;
        base_year += b;
        if inputs.is_result(q) {
            fixed += inputs.level_at(sector, q).ok_or(missing)?;
        } else {
            base_moving += b;
        }
    }
    if base_moving <= 0.0 {
        return Err(SeekError::NoRemainingQuarters);
    }
    let needed = ((base_year * (1.0 + year_growth / 100.0) - fixed) / base_moving - 1.0) * 100.0;
    if !needed.is_finite() {
        return Err(SeekError::BadTarget);
    }
    if needed <= -100.0 {
        return Err(SeekError::Unreachable { needed });
    }
    let mut out = [None; 4];
    for (i, q) in QUARTERS.iter().enumerate() {
        if let Some(c) = out.get_mut(i) {
            *c = (!inputs.is_result(*q)).then_some(needed);
        }
    }
    Ok(out)
}

/// Why a pasted table gave no base.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasteError {
    /// Nothing pasted.
    Empty,
    /// No row named a sector, and no block of four rows of four numbers.
    NoSectorRows,
}

impl fmt::Display for PasteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PasteError::Empty => write!(f, "nothing pasted"),
            PasteError::NoSectorRows => write!(f, "no sector rows found"),
        }
    }
}

/// The sector a row label names (folded, accent-free keywords: the statistics
/// office's names in Vietnamese, or English).
fn sector_of_label(label: &str) -> Option<Sector> {
    let f = fold(label);
    let has = |words: &[&str]| words.iter().any(|w| f.contains(w));
    if has(&["thue", "tax"]) {
        Some(Sector::ProductTaxes)
    } else if has(&["nong", "lam nghiep", "thuy san", "agri"]) {
        Some(Sector::Agriculture)
    } else if has(&["cong nghiep", "xay dung", "industr"]) {
        Some(Sector::IndustryConstruction)
    } else if has(&["dich vu", "service"]) {
        Some(Sector::Services)
    } else {
        None
    }
}

/// The quarter a column heading names (`Quý I`, `Quý 2`, `Q3`, `Quarter 4`).
fn quarter_of_heading(heading: &str) -> Option<u8> {
    let f = fold(heading);
    let f = f.trim();
    let rest = ["quy", "quarter", "q"]
        .iter()
        .find_map(|p| f.strip_prefix(p))?
        .trim()
        .trim_end_matches(['.', ':']);
    match rest {
        "i" | "1" => Some(1),
        "ii" | "2" => Some(2),
        "iii" | "3" => Some(3),
        "iv" | "4" => Some(4),
        _ => None,
    }
}

fn is_number(cell: &str, locale: Locale) -> bool {
    matches!(parse_number(cell, locale), Ok(Some(p)) if p.value.is_finite())
}

/// Reads last year's levels from a table pasted from the statistics office's
/// spreadsheet (cells separated by tabs): rows named by sector (`Nông, lâm nghiệp và
/// thủy sản`, `Công nghiệp và xây dựng`, `Dịch vụ`, `Thuế sản phẩm trừ trợ cấp`), the
/// quarters found by their headings (`Quý I` … `Quý IV`) or else the first four numbers
/// of each row; or, with no names, the first four rows of at least four numbers in the
/// order agriculture, industry, services, taxes. Gives each cell's text as pasted
/// (`None` where the table has none), to be read like typed text.
pub fn parse_base_paste(text: &str, locale: Locale) -> Result<Grid<Option<String>>, PasteError> {
    let rows: Vec<Vec<&str>> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::trim).collect())
        .collect();
    if rows.is_empty() {
        return Err(PasteError::Empty);
    }
    // Column of each quarter, from the first row that names one.
    let mut columns: [Option<usize>; 4] = [None; 4];
    if let Some(head) = rows
        .iter()
        .find(|r| r.iter().any(|c| quarter_of_heading(c).is_some()))
    {
        for (i, c) in head.iter().enumerate() {
            if let Some(slot) =
                quarter_of_heading(c).and_then(|q| columns.get_mut(usize::from(q).checked_sub(1)?))
            {
                slot.get_or_insert(i);
            }
        }
    }
    let by_heading = columns.iter().all(Option::is_some);
    let values_of = |row: &[&str]| -> [Option<String>; 4] {
        let mut out: [Option<String>; 4] = Default::default();
        if by_heading {
            for (slot, col) in out.iter_mut().zip(columns.iter()) {
                *slot = col
                    .and_then(|c| row.get(c))
                    .filter(|c| !c.is_empty())
                    .map(|c| (*c).to_string());
            }
        } else {
            let numbers = row.iter().filter(|c| is_number(c, locale));
            for (slot, c) in out.iter_mut().zip(numbers) {
                *slot = Some((*c).to_string());
            }
        }
        out
    };
    let mut grid: Grid<Option<String>> = Default::default();
    let mut found = false;
    for row in &rows {
        let Some(s) = row
            .iter()
            .find(|c| !c.is_empty() && !is_number(c, locale))
            .and_then(|label| sector_of_label(label))
        else {
            continue;
        };
        let Some(slot) = grid.get_mut(sector_index(s)) else {
            continue;
        };
        if slot.iter().all(Option::is_none) {
            *slot = values_of(row);
            found = true;
        }
    }
    if !found {
        let numeric: Vec<&Vec<&str>> = rows
            .iter()
            .filter(|r| r.iter().filter(|c| is_number(c, locale)).count() >= 4)
            .collect();
        if numeric.len() < 4 {
            return Err(PasteError::NoSectorRows);
        }
        for (slot, row) in grid.iter_mut().zip(numeric) {
            *slot = values_of(row);
        }
    }
    Ok(grid)
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: Sector = Sector::Agriculture;
    const I: Sector = Sector::IndustryConstruction;
    const S: Sector = Sector::Services;
    const T: Sector = Sector::ProductTaxes;

    /// Inputs from quarter totals split by the same shares, and one growth per sector.
    fn uniform(totals: [f64; 4], shares: [f64; 4], growth: [f64; 4]) -> QuarterlyInputs {
        let mut x = QuarterlyInputs::default();
        for (si, s) in SECTORS.iter().enumerate() {
            for (qi, q) in QUARTERS.iter().enumerate() {
                set_cell(&mut x.base, *s, *q, Some(totals[qi] * shares[si] / 100.0));
                set_cell(&mut x.growth, *s, *q, Some(growth[si]));
            }
        }
        x
    }

    fn issue_case() -> QuarterlyInputs {
        uniform(
            [20_000.0, 22_000.0, 24_000.0, 26_340.0],
            [20.0, 40.0, 32.0, 8.0],
            [4.0, 14.0, 10.0, 8.0],
        )
    }

    #[track_caller]
    fn close(got: Option<f64>, want: f64) {
        let got = got.unwrap_or(f64::NAN);
        assert!((got - want).abs() < 1e-9, "got {got}, want {want}");
    }

    fn span(x: &QuarterlyInputs, s: Span) -> SpanResult {
        compute_span(x, s)
    }

    #[test]
    fn the_issues_worked_check() {
        // 0.20×4 + 0.40×14 + 0.32×10 + 0.08×8 = 0.8 + 5.6 + 3.2 + 0.64 = 10.24 % in every
        // quarter and period; industry-construction gives 0.40 × 14 = 5.6 points.
        let x = issue_case();
        for s in Span::ALL {
            close(span(&x, s).growth, 10.24);
            close(span(&x, s).contribution[1], 5.6);
        }
        // The year: last year 20,000 + 22,000 + 24,000 + 26,340 = 92,340; this year
        // 92,340 × 1.1024 = 101,795.616.
        close(span(&x, Span::Year).base_total, 92_340.0);
        close(span(&x, Span::Year).level_total, 101_795.616);
        // Agriculture in Q1: 20,000 × 0.2 = 4,000, grown 4 % = 4,160.
        close(span(&x, Span::Quarter(1)).level[0], 4_160.0);
        close(span(&x, Span::Quarter(1)).sector_growth[3], 8.0);
    }

    fn unequal() -> QuarterlyInputs {
        // Q1 base: A 100, I 300, S 500, T 100 (total 1,000); Q2: A 200, I 300, S 400,
        // T 100 (total 1,000); Q3 and Q4: A 100, I 100, S 100, T 100 (400 each).
        // Growth Q1: A 0, I 10, S 0, T 0; Q2: A 20, I 0, S 5, T 0; Q3 and Q4: all 50.
        let mut x = QuarterlyInputs::default();
        let base = [
            [100.0, 200.0, 100.0, 100.0],
            [300.0, 300.0, 100.0, 100.0],
            [500.0, 400.0, 100.0, 100.0],
            [100.0, 100.0, 100.0, 100.0],
        ];
        let growth = [
            [0.0, 20.0, 50.0, 50.0],
            [10.0, 0.0, 50.0, 50.0],
            [0.0, 5.0, 50.0, 50.0],
            [0.0, 0.0, 50.0, 50.0],
        ];
        for (si, s) in SECTORS.iter().enumerate() {
            for (qi, q) in QUARTERS.iter().enumerate() {
                set_cell(&mut x.base, *s, *q, Some(base[si][qi]));
                set_cell(&mut x.growth, *s, *q, Some(growth[si][qi]));
            }
        }
        x
    }

    #[test]
    fn unequal_quarters_are_summed_not_averaged() {
        let x = unequal();
        // Q1: +30 (industry) on 1,000 = 3 %; Q2: +40 + 20 = 60 on 1,000 = 6 %.
        close(span(&x, Span::Quarter(1)).growth, 3.0);
        close(span(&x, Span::Quarter(2)).growth, 6.0);
        close(span(&x, Span::Quarter(3)).growth, 50.0);
        // 6 months: (1,030 + 1,060) ÷ 2,000 − 1 = 4.5 %.
        close(span(&x, Span::SixMonths).growth, 4.5);
        // 9 months: (2,090 + 600) ÷ 2,400 − 1 = 12.083 %; the mean of 3, 6, 50 is 19.67.
        close(
            span(&x, Span::NineMonths).growth,
            (2_690.0 / 2_400.0 - 1.0) * 100.0,
        );
        // Year: (2,690 + 600) ÷ 2,800 − 1 = 17.5 %; the mean of the quarters is 27.25.
        close(span(&x, Span::Year).growth, 17.5);
        // Services over the year: (500 + 420 + 150 + 150) ÷ (500 + 400 + 100 + 100) − 1
        // = 1,220 ÷ 1,100 − 1 = 10.909 %; contribution (1,220 − 1,100) ÷ 2,800 = 4.286 pt.
        close(
            span(&x, Span::Year).sector_growth[2],
            (1_220.0 / 1_100.0 - 1.0) * 100.0,
        );
        close(
            span(&x, Span::Year).contribution[2],
            120.0 / 2_800.0 * 100.0,
        );
        // Agriculture in 6 months: (100 + 240) ÷ 300 − 1 = 13.33 %, 40 ÷ 2,000 = 2 points.
        close(span(&x, Span::SixMonths).contribution[0], 2.0);
    }

    #[test]
    fn bad_cells_leave_the_rest_computed() {
        let mut x = issue_case();
        set_cell(&mut x.base, S, 4, None);
        set_cell(&mut x.growth, A, 3, Some(-100.0));
        let q4 = span(&x, Span::Quarter(4));
        assert_eq!(q4.growth, None);
        assert_eq!(q4.sector_growth[2], None);
        close(q4.sector_growth[1], 14.0);
        assert_eq!(q4.contribution[1], None, "no total base for Q4");
        close(span(&x, Span::SixMonths).growth, 10.24);
        assert_eq!(span(&x, Span::NineMonths).growth, None);
        close(span(&x, Span::NineMonths).sector_growth[1], 14.0);
        assert_eq!(span(&x, Span::Year).growth, None);
        set_cell(&mut x.base, T, 1, Some(0.0));
        assert_eq!(span(&x, Span::Quarter(1)).growth, None);
        assert_eq!(base_problem(Some(0.0)), Some(CellProblem::NotPositive));
        assert_eq!(base_problem(Some(-3.0)), Some(CellProblem::NotPositive));
        assert_eq!(base_problem(None), Some(CellProblem::Missing));
        assert_eq!(
            growth_problem(Some(-100.0)),
            Some(CellProblem::AtMostMinus100)
        );
        assert_eq!(growth_problem(Some(f64::NAN)), Some(CellProblem::Missing));
        assert_eq!(growth_problem(Some(-99.0)), None);
    }

    #[test]
    fn remaining_quarters_all_sectors_alike() {
        // Q1 and Q2 of the worked check are results (10.24 %); the year aims at 10 %.
        // Last year 92,340; needed 92,340 × 1.10 = 101,574. Fixed: (20,000 + 22,000) ×
        // 1.1024 = 46,300.8. Moving base 24,000 + 26,340 = 50,340. Needed growth
        // (101,574 − 46,300.8) ÷ 50,340 − 1 = 55,273.2 ÷ 50,340 − 1 = 9.8 %.
        let mut x = issue_case();
        x.results = [true, true, false, false];
        let a = seek_remaining(&x, SeekBy::AllSectors, 10.0).unwrap();
        close(Some(a.level_needed), 101_574.0);
        close(Some(a.level_fixed), 46_300.8);
        close(Some(a.base_moving), 50_340.0);
        close(Some(a.needed), (55_273.2 / 50_340.0 - 1.0) * 100.0);
        close(Some(a.check), 10.0);
        assert_eq!(a.quarters, vec![3, 4]);
    }

    #[test]
    fn remaining_quarters_one_sector() {
        // Services moves in Q3 and Q4; others keep their growth. Fixed: Q1-Q2 all
        // 46,300.8; Q3-Q4 other sectors: 50,340 × (0.2×1.04 + 0.4×1.14 + 0.08×1.08)
        // = 50,340 × 0.7504 = 37,775.136. Moving base 50,340 × 0.32 = 16,108.8.
        // Needed (101,574 − 46,300.8 − 37,775.136) ÷ 16,108.8 − 1 = 17,498.064 ÷
        // 16,108.8 − 1 = 8.624 %.
        let mut x = issue_case();
        x.results = [true, true, false, false];
        let a = seek_remaining(&x, SeekBy::Sector(S), 10.0).unwrap();
        close(Some(a.level_fixed), 46_300.8 + 37_775.136);
        close(Some(a.base_moving), 16_108.8);
        close(Some(a.needed), (17_498.064 / 16_108.8 - 1.0) * 100.0);
        close(Some(a.check), 10.0);
    }

    #[test]
    fn remaining_quarters_errors() {
        let mut x = issue_case();
        x.results = [true; 4];
        assert_eq!(
            seek_remaining(&x, SeekBy::AllSectors, 10.0),
            Err(SeekError::NoRemainingQuarters)
        );
        x.results = [true, true, true, false];
        // Q1-Q3 fixed at 66,000 × 1.1024 = 72,758.4; a −50 % year needs 46,170 in all,
        // so Q4 (base 26,340) would need (46,170 − 72,758.4) ÷ 26,340 − 1 < −100 %.
        assert!(matches!(
            seek_remaining(&x, SeekBy::AllSectors, -50.0),
            Err(SeekError::Unreachable { .. })
        ));
        set_cell(&mut x.base, I, 2, None);
        assert_eq!(
            seek_remaining(&x, SeekBy::AllSectors, 10.0),
            Err(SeekError::MissingInput {
                sector: I,
                quarter: 2
            })
        );
        assert_eq!(
            seek_remaining(&issue_case(), SeekBy::AllSectors, f64::NAN),
            Err(SeekError::BadTarget)
        );
    }

    #[test]
    fn spread_a_year_over_the_quarters() {
        // No result: every quarter at the yearly rate.
        let x = unequal();
        for g in spread_year(&x, S, 7.0).unwrap() {
            close(g, 7.0);
        }
        // Q1 a result for services (500 → 500): year needed 1,100 × 1.1 = 1,210; the
        // rest 710 on a base of 600: 710 ÷ 600 − 1 = 18.33 %.
        let mut x = unequal();
        x.results = [true, false, false, false];
        let got = spread_year(&x, S, 10.0).unwrap();
        assert_eq!(got[0], None);
        close(got[1], (710.0 / 600.0 - 1.0) * 100.0);
        close(got[3], (710.0 / 600.0 - 1.0) * 100.0);
        // Taken back: the quarters give the year's 10 %.
        let mut y = x.clone();
        for q in 2..=4 {
            set_cell(&mut y.growth, S, q, got[usize::from(q) - 1]);
        }
        close(year_sector_growth(&y)[2], 10.0);
    }

    #[test]
    fn pasted_tables_are_read() {
        let office = "Chỉ tiêu\tQuý I\tQuý II\tQuý III\tQuý IV\tCả năm\n\
                      Tổng GRDP\t20.000\t22.000\t24.000\t26.340\t92.340\n\
                      Nông, lâm nghiệp và thủy sản\t4.000\t4.400\t4.800\t5.268\t\n\
                      Công nghiệp và xây dựng\t8.000\t8.800\t9.600\t10.536\t\n\
                      Dịch vụ\t6.400\t7.040\t7.680\t8.428,8\t\n\
                      Thuế sản phẩm trừ trợ cấp sản phẩm\t1.600\t1.760\t1.920\t2.107,2\t";
        let g = parse_base_paste(office, Locale::Vi).unwrap();
        assert_eq!(g[0][0].as_deref(), Some("4.000"));
        assert_eq!(g[2][3].as_deref(), Some("8.428,8"));
        assert_eq!(g[3][1].as_deref(), Some("1.760"));
        // Quarters in another order, found by their headings.
        let shuffled = "\tQuý I\t6 tháng\tQuý II\tQuý III\t9 tháng\tQuý IV\n\
                        Dịch vụ\t1\t3\t2\t4\t10\t5";
        let g = parse_base_paste(shuffled, Locale::Vi).unwrap();
        assert_eq!(
            g[2].clone().map(|c| c.unwrap_or_default()),
            ["1", "2", "4", "5"]
        );
        assert_eq!(g[0], [None, None, None, None]);
        // Bare numbers: four rows in the sectors' order.
        let bare = "1\t2\t3\t4\n5\t6\t7\t8\n9\t10\t11\t12\n13\t14\t15\t16";
        let g = parse_base_paste(bare, Locale::Vi).unwrap();
        assert_eq!(g[3][3].as_deref(), Some("16"));
        assert_eq!(parse_base_paste("  \n", Locale::Vi), Err(PasteError::Empty));
        assert_eq!(
            parse_base_paste("abc\tdef", Locale::Vi),
            Err(PasteError::NoSectorRows)
        );
    }

    #[test]
    fn span_ids_and_sector_ids() {
        let ids: Vec<&str> = Span::ALL.iter().map(|s| s.id()).collect();
        assert_eq!(ids, ["1", "2", "3", "4", "6m", "9m", "year"]);
        assert_eq!(sector_from_id("industry"), Some(I));
        assert_eq!(sector_from_id("mining"), None);
        assert_eq!(quarter_of_heading("Quý IV"), Some(4));
        assert_eq!(quarter_of_heading("Q2"), Some(2));
        assert_eq!(quarter_of_heading("6 tháng"), None);
        for c in [
            QuarterCell::Base(T, 4),
            QuarterCell::Growth(A, 1),
            QuarterCell::Target,
        ] {
            assert_eq!(QuarterCell::from_id(&c.id()), Some(c));
        }
        assert_eq!(QuarterCell::Growth(I, 2).id(), "growth:industry:2");
        assert_eq!(QuarterCell::from_id("growth:industry:5"), None);
        assert_eq!(QuarterCell::from_id("level:industry:1"), None);
    }
}
