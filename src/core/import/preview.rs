//! A pasted or opened table put together into the rows a person checks before anything
//! is saved: where the header is, what each column holds, which rows are groups
//! ("I", "II", "CHỈ TIÊU KINH TẾ") and which are indicators, each indicator's unit,
//! kind of target and direction guessed from its words, and every figure read from its
//! cell. Every guess is a plain field the person may change ([`preview_with`] redoes
//! the rows with the person's column roles); every cell that cannot be read is a
//! [`Problem`] with its row and column.
//!
//! Guessing rules (shown to the person as guesses, never applied silently):
//! - kind of target: "bình quân … /năm" average growth; "lũy kế", "cả giai đoạn",
//!   "tổng … 5 năm" cumulative; "tỷ lệ", "tỷ trọng", "cơ cấu" or a `%` unit a share in
//!   points; a count unit (xã, đơn vị…) a count; otherwise a level;
//! - direction: "giảm", "nghèo", "suy dinh dưỡng", "thất nghiệp", "tai nạn", "tử
//!   vong" lower is better; otherwise higher;
//! - a growth row ("Tốc độ tăng trưởng GRDP", %) and the level row of the same group
//!   known by the same name without growth and price words ("GRDP (giá so sánh
//!   2010)", tỷ đồng) are proposed as one indicator ([`find_pairs`]), which the person
//!   may undo ([`ImportPreview::set_joined`]);
//! - a row whose name starts with "-" or "+" belongs to the heading row above it, and
//!   its name says so ("Cơ cấu kinh tế: Công nghiệp - xây dựng").

use crate::core::import::cell::{read_cell, CellError, CellValue};
use crate::core::import::columns::{guess_role, is_heading_row, ColumnRole};
use crate::core::import::grid::Grid;
use crate::core::model::{Better, FigureKind, Measure, Period, TargetKind};
use crate::core::text::textsearch::fold;

/// How far down the first rows the header is looked for.
const HEADER_SEARCH_ROWS: usize = 15;
/// Most rows one header may span.
const MAX_HEADER_ROWS: usize = 3;

/// What one column holds, with the heading it was guessed from.
#[derive(Clone, Debug, PartialEq)]
pub struct ColumnGuess {
    /// The heading (the header rows' texts joined by a space).
    pub heading: String,
    /// The role guessed, or set by the person.
    pub role: ColumnRole,
}

/// Whether a row is a group heading or an indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowKind {
    /// A group (nhóm chỉ tiêu): its indicators follow.
    Group,
    /// An indicator with its figures.
    Indicator,
}

/// One figure read from a cell.
#[derive(Clone, Debug, PartialEq)]
pub struct PreviewValue {
    /// Column of the cell (0-based).
    pub column: usize,
    /// Result, estimate, plan or target (from the column).
    pub kind: FigureKind,
    /// Period (from the column).
    pub period: Period,
    /// The value read.
    pub value: CellValue,
    /// The cell's text as written, kept as the figure's quote.
    pub text: String,
}

/// One row of the preview.
#[derive(Clone, Debug, PartialEq)]
pub struct PreviewRow {
    /// Row of the table (0-based; shown 1-based).
    pub source_row: usize,
    /// Group or indicator.
    pub kind: RowKind,
    /// The row number as written (STT).
    pub number: String,
    /// The name, with its heading's name before it for a "-" sub-row.
    pub name: String,
    /// The unit as written.
    pub unit_text: String,
    /// The unit id guessed from `unit_text` (one of `data/units.json`), if any.
    pub unit: Option<&'static str>,
    /// The kind of target guessed from the words.
    pub target_kind: TargetKind,
    /// The direction guessed from the words.
    pub better: Better,
    /// `Growth` when the row holds growth rates ("tốc độ tăng trưởng … %"), else `Level`.
    pub measure: Measure,
    /// The figures read.
    pub values: Vec<PreviewValue>,
    /// The note column's text.
    pub note: String,
}

/// What could not be read, and where.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// A figure cell that is not a value.
    Cell(CellError),
    /// A unit the app does not know; the person picks one.
    UnknownUnit,
    /// An indicator row with no figure in any figure column.
    NoFigures,
    /// The same name as an earlier row of the same group.
    DuplicateName {
        /// The earlier row (0-based).
        first_row: usize,
    },
}

/// A problem at one cell (row and column 0-based; shown 1-based).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Row of the table.
    pub row: usize,
    /// Column of the table.
    pub column: usize,
    /// What is wrong.
    pub kind: ProblemKind,
}

/// A level row and the growth row of the same indicator ("GRDP (giá so sánh 2010)" in
/// tỷ đồng and "Tốc độ tăng trưởng GRDP" in %), found by [`find_pairs`]. Joined, they
/// become one indicator with its levels and its growth rates, as the shipped models
/// hold GRDP (`grdp_constant`: level figures in tỷ đồng, growth figures in %); the
/// person may keep them apart ([`ImportPreview::set_joined`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pairing {
    /// Table row of the level row (0-based).
    pub level_row: usize,
    /// Table row of the growth row.
    pub growth_row: usize,
    /// True while the two rows make one indicator.
    pub joined: bool,
    /// The level row's kind of target as guessed before joining (given back when the
    /// person keeps the rows apart).
    pub level_kind: TargetKind,
    /// The joined indicator's kind of target: average growth when only the growth row
    /// carries a target, otherwise the level row's.
    pub joined_kind: TargetKind,
}

/// Why a table cannot be previewed at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PreviewError {
    /// No column whose heading names the indicators ("Chỉ tiêu", "Nội dung").
    NoNameColumn,
    /// No column of figures (a year with "TH", "KH", "Mục tiêu"…).
    NoFigureColumns,
    /// The header takes every row: no data below it.
    NoRows,
}

impl std::fmt::Display for PreviewError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            PreviewError::NoNameColumn => "no indicator name column",
            PreviewError::NoFigureColumns => "no figure columns",
            PreviewError::NoRows => "no rows below the header",
        })
    }
}

impl std::error::Error for PreviewError {}

/// The preview of a table.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPreview {
    /// First row of the header (0-based).
    pub header_start: usize,
    /// Rows the header spans.
    pub header_rows: usize,
    /// One guess per column.
    pub columns: Vec<ColumnGuess>,
    /// Groups and indicators, top to bottom.
    pub rows: Vec<PreviewRow>,
    /// Every cell that could not be read.
    pub problems: Vec<Problem>,
    /// Figures read from cells a spreadsheet computed with a formula (the value the file
    /// saved is used; the preview says so).
    pub formula_figures: usize,
    /// Level rows and growth rows of the same indicator ([`find_pairs`]).
    pub pairs: Vec<Pairing>,
}

impl ImportPreview {
    /// Sets the kind of target and the unit of the indicator read from table row
    /// `source_row`, as the person chose them; a unit chosen for a row whose unit was
    /// unknown also clears that row's unknown-unit problem.
    pub fn set_row(
        &mut self,
        source_row: usize,
        target_kind: Option<TargetKind>,
        unit: Option<&'static str>,
    ) {
        if let Some(row) = self
            .rows
            .iter_mut()
            .find(|r| r.source_row == source_row && r.kind == RowKind::Indicator)
        {
            if let Some(k) = target_kind {
                row.target_kind = k;
            }
            if let Some(u) = unit {
                row.unit = Some(u);
                self.problems
                    .retain(|p| !(p.row == source_row && p.kind == ProblemKind::UnknownUnit));
            }
        }
    }

    /// Number of indicators the model gets: indicator rows, a joined pair counted once.
    pub fn indicator_count(&self) -> usize {
        let rows = self
            .rows
            .iter()
            .filter(|r| r.kind == RowKind::Indicator)
            .count();
        rows.saturating_sub(self.pairs.iter().filter(|p| p.joined).count())
    }

    /// Joins (or keeps apart) the pair whose level row is table row `level_row`; the
    /// level row takes the joined indicator's kind of target, or gets its own back.
    /// Nothing happens for a row that is in no pair.
    pub fn set_joined(&mut self, level_row: usize, joined: bool) {
        let Some(pair) = self.pairs.iter_mut().find(|p| p.level_row == level_row) else {
            return;
        };
        if pair.joined == joined {
            return;
        }
        pair.joined = joined;
        let kind = if joined {
            pair.joined_kind
        } else {
            pair.level_kind
        };
        if let Some(row) = self
            .rows
            .iter_mut()
            .find(|r| r.source_row == level_row && r.kind == RowKind::Indicator)
        {
            row.target_kind = kind;
        }
    }

    /// The joined pair a row belongs to, as level or growth row.
    pub fn joined_pair_of(&self, source_row: usize) -> Option<&Pairing> {
        self.pairs
            .iter()
            .find(|p| p.joined && (p.level_row == source_row || p.growth_row == source_row))
    }
}

/// Finds the header and guesses every column, then reads the rows.
pub fn preview(grid: &Grid) -> Result<ImportPreview, PreviewError> {
    let (start, count) = find_header(grid);
    let roles: Vec<ColumnRole> = headings(grid, start, count)
        .iter()
        .map(|h| guess_role(h))
        .collect();
    preview_with(grid, start, count, &roles)
}

/// Reads the rows with a header the person set: `header_rows` rows from `header_start`,
/// and one role per column (missing roles are [`ColumnRole::Ignore`]).
pub fn preview_with(
    grid: &Grid,
    header_start: usize,
    header_rows: usize,
    roles: &[ColumnRole],
) -> Result<ImportPreview, PreviewError> {
    let width = grid.width();
    let heads = headings(grid, header_start, header_rows);
    let columns: Vec<ColumnGuess> = (0..width)
        .map(|c| ColumnGuess {
            heading: heads.get(c).cloned().unwrap_or_default(),
            role: roles.get(c).copied().unwrap_or(ColumnRole::Ignore),
        })
        .collect();
    let find = |want: ColumnRole| columns.iter().position(|c| c.role == want);
    let name_col = find(ColumnRole::Name).ok_or(PreviewError::NoNameColumn)?;
    let figure_cols: Vec<(usize, FigureKind, Period)> = columns
        .iter()
        .enumerate()
        .filter_map(|(i, c)| match c.role {
            ColumnRole::Figure { kind, period } => Some((i, kind, period)),
            _ => None,
        })
        .collect();
    if figure_cols.is_empty() {
        return Err(PreviewError::NoFigureColumns);
    }
    let number_col = find(ColumnRole::RowNumber);
    let unit_col = find(ColumnRole::Unit);
    let note_col = find(ColumnRole::Note);
    let first_data = header_start.saturating_add(header_rows);
    if first_data >= grid.rows.len() {
        return Err(PreviewError::NoRows);
    }
    let text = |r: usize, c: Option<usize>| c.map_or("", |c| grid.text(r, c)).trim().to_string();
    // A name merged across the row (a group heading over the unit and figure columns)
    // is not a unit or a figure.
    let data_text = |r: usize, c: Option<usize>| {
        let t = text(r, c);
        let copied = c
            .and_then(|c| grid.cell(r, c))
            .is_some_and(|cell| cell.merged && t == text(r, Some(name_col)));
        if copied {
            String::new()
        } else {
            t
        }
    };
    let mut formula_figures = 0;
    let mut rows: Vec<PreviewRow> = Vec::new();
    let mut problems = Vec::new();
    let mut heading: Option<String> = None;
    for r in first_data..grid.rows.len() {
        let raw_name = text(r, Some(name_col));
        let number = text(r, number_col);
        let filled: Vec<(usize, FigureKind, Period, String)> = figure_cols
            .iter()
            .map(|&(c, k, p)| (c, k, p, data_text(r, Some(c))))
            .filter(|(_, _, _, t)| !t.is_empty())
            .collect();
        if raw_name.is_empty() {
            continue; // a blank or a numbering row ("(1)", "(2)", …) between header and data
        }
        let unit_text = data_text(r, unit_col);
        let is_group = filled.is_empty()
            && unit_text.is_empty()
            && (is_group_numeral(&number)
                || is_upper(&raw_name)
                || number.is_empty() && !is_sub_row(&raw_name));
        if is_group {
            rows.push(group_row(r, number, raw_name));
            heading = None;
            continue;
        }
        if filled.is_empty() && unit_text.is_empty() {
            // A heading inside a group ("Cơ cấu kinh tế:"): its "-" rows follow.
            heading = Some(raw_name.trim_end_matches(':').trim().to_string());
            continue;
        }
        let name = match (&heading, is_sub_row(&raw_name)) {
            (Some(h), true) => format!("{h}: {}", strip_bullet(&raw_name)),
            _ => {
                heading = None;
                strip_bullet(&raw_name).to_string()
            }
        };
        let folded_name = fold(&name);
        let unit = guess_unit(&unit_text);
        if unit.is_none() {
            problems.push(Problem {
                row: r,
                column: unit_col.unwrap_or(name_col),
                kind: ProblemKind::UnknownUnit,
            });
        }
        let mut values = Vec::new();
        for (c, kind, period, cell_text) in filled {
            let marks = grid.cell(r, c);
            let read = if marks.is_some_and(|m| m.date) {
                Err(CellError::Date)
            } else {
                read_cell(&cell_text)
            };
            if matches!(read, Ok(Some(_))) && marks.is_some_and(|m| m.formula) {
                formula_figures += 1;
            }
            match read {
                Ok(Some(value)) => values.push(PreviewValue {
                    column: c,
                    kind,
                    period,
                    value,
                    text: cell_text,
                }),
                Ok(None) => {}
                Err(e) => problems.push(Problem {
                    row: r,
                    column: c,
                    kind: ProblemKind::Cell(e),
                }),
            }
        }
        if values.is_empty()
            && !problems
                .iter()
                .any(|p| p.row == r && matches!(p.kind, ProblemKind::Cell(_)))
        {
            problems.push(Problem {
                row: r,
                column: name_col,
                kind: ProblemKind::NoFigures,
            });
        }
        let group_start = rows
            .iter()
            .rposition(|x| x.kind == RowKind::Group)
            .map_or(0, |i| i + 1);
        if let Some(first) = rows
            .get(group_start..)
            .unwrap_or(&[])
            .iter()
            .find(|x| x.kind == RowKind::Indicator && fold(&x.name) == folded_name)
        {
            problems.push(Problem {
                row: r,
                column: name_col,
                kind: ProblemKind::DuplicateName {
                    first_row: first.source_row,
                },
            });
        }
        let measure = guess_measure(&folded_name, unit);
        rows.push(PreviewRow {
            source_row: r,
            kind: RowKind::Indicator,
            number,
            target_kind: guess_target_kind(&folded_name, unit, measure, &values),
            better: guess_better(&folded_name),
            measure,
            name,
            unit_text,
            unit,
            values,
            note: text(r, note_col),
        });
    }
    let pairs = find_pairs(&rows);
    let mut out = ImportPreview {
        header_start,
        header_rows,
        columns,
        rows,
        problems,
        formula_figures,
        pairs: pairs.clone(),
    };
    for p in &pairs {
        out.set_joined(p.level_row, true);
    }
    Ok(out)
}

/// Words that make a row's name a growth rate of something ("tốc độ tăng trưởng",
/// "tăng trưởng"), folded, longest first.
const GROWTH_WORDS: &[&str] = &["toc do tang truong", "toc do tang", "tang truong"];
/// Words of a name that say how a level is priced or averaged, not what it is.
const PRICE_WORDS: &[&str] = &[
    "theo gia so sanh 2010",
    "theo gia so sanh",
    "gia so sanh 2010",
    "gia so sanh",
    "theo gia hien hanh",
    "gia hien hanh",
    "binh quan hang nam",
    "binh quan",
    "hang nam",
];

/// The keys a name is known by: its folded words with what is in parentheses and the
/// price words dropped, and every acronym written in parentheses ("Tổng sản phẩm trên
/// địa bàn (GRDP)" → `tong san pham tren dia ban`, `grdp`).
fn name_keys(name: &str, drop_growth: bool) -> Vec<String> {
    let mut keys = Vec::new();
    let mut outside = String::new();
    let mut depth = 0usize;
    let mut inner = String::new();
    for c in name.chars() {
        match c {
            '(' => {
                depth = depth.saturating_add(1);
                inner.clear();
            }
            ')' if depth > 0 => {
                depth -= 1;
                let word = inner.trim();
                let letters = word.chars().filter(|c| c.is_alphabetic()).count();
                if letters >= 2
                    && word
                        .chars()
                        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
                {
                    keys.push(word.to_ascii_lowercase());
                }
                outside.push(' ');
            }
            c if depth > 0 => inner.push(c),
            c => outside.push(c),
        }
    }
    let folded = fold(&outside);
    let mut words = format!(
        " {} ",
        folded
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    );
    let mut phrases: Vec<&str> = PRICE_WORDS.to_vec();
    if drop_growth {
        phrases.extend_from_slice(GROWTH_WORDS);
        phrases.extend_from_slice(&["cua", "kinh te"]);
    }
    for w in phrases {
        words = words.replace(&format!(" {w} "), " ");
    }
    let key = words.split_whitespace().collect::<Vec<_>>().join(" ");
    if !key.is_empty() {
        keys.push(key);
    }
    keys
}

/// Pairs each growth row (measure growth, "tốc độ tăng trưởng …" in %) with the level
/// row of the same group known by the same name once the growth and price words are
/// dropped ("GRDP (giá so sánh 2010)" in tỷ đồng with "Tốc độ tăng trưởng GRDP"), the
/// nearest one when several are; a row is in at most one pair. A level in % (a share)
/// is never paired. Pairs start joined ([`preview_with`]).
pub fn find_pairs(rows: &[PreviewRow]) -> Vec<Pairing> {
    let mut pairs: Vec<Pairing> = Vec::new();
    let group_of = |i: usize| {
        rows.get(..i)
            .map_or(0, |r| r.iter().filter(|x| x.kind == RowKind::Group).count())
    };
    for (gi, growth) in rows.iter().enumerate() {
        if growth.kind != RowKind::Indicator || growth.measure != Measure::Growth {
            continue;
        }
        let keys = name_keys(&growth.name, true);
        let found = rows
            .iter()
            .enumerate()
            .filter(|(li, level)| {
                level.kind == RowKind::Indicator
                    && level.measure == Measure::Level
                    && !matches!(level.unit, Some("percent" | "percentage_points") | None)
                    && group_of(*li) == group_of(gi)
                    && !pairs.iter().any(|p| p.level_row == level.source_row)
                    && name_keys(&level.name, false)
                        .iter()
                        .any(|k| keys.contains(k))
            })
            .min_by_key(|(li, _)| li.abs_diff(gi));
        if let Some((_, level)) = found {
            let has_target =
                |r: &PreviewRow| r.values.iter().any(|v| v.kind == FigureKind::TermTarget);
            let joined_kind = if !has_target(level) && has_target(growth) {
                TargetKind::AverageGrowth
            } else {
                level.target_kind
            };
            pairs.push(Pairing {
                level_row: level.source_row,
                growth_row: growth.source_row,
                joined: false,
                level_kind: level.target_kind,
                joined_kind,
            });
        }
    }
    pairs
}

fn group_row(r: usize, number: String, name: String) -> PreviewRow {
    PreviewRow {
        source_row: r,
        kind: RowKind::Group,
        number,
        name,
        unit_text: String::new(),
        unit: None,
        target_kind: TargetKind::None,
        better: Better::Neutral,
        measure: Measure::Level,
        values: Vec::new(),
        note: String::new(),
    }
}

/// The header: the first row (of the first [`HEADER_SEARCH_ROWS`]) whose headings name
/// an indicator column, with the heading rows right below it (at most
/// [`MAX_HEADER_ROWS`] in all, e.g. "Năm 2025" over "KH | Ước TH").
fn find_header(grid: &Grid) -> (usize, usize) {
    let limit = grid.rows.len().min(HEADER_SEARCH_ROWS);
    for start in 0..limit {
        // A title above the table ("CÁC CHỈ TIÊU CHỦ YẾU…") stands in one cell.
        let filled = grid.rows.get(start).map_or(0, |row| {
            row.iter().filter(|c| !c.text.trim().is_empty()).count()
        });
        if filled < 2 {
            continue;
        }
        for count in (1..=MAX_HEADER_ROWS).rev() {
            if start + count > grid.rows.len() {
                continue;
            }
            let continues = (start + 1..start + count).all(|r| {
                grid.rows
                    .get(r)
                    .is_some_and(|row| is_heading_row(row.iter().map(|c| c.text.as_str())))
            });
            if !continues {
                continue;
            }
            let roles: Vec<ColumnRole> = headings(grid, start, count)
                .iter()
                .map(|h| guess_role(h))
                .collect();
            let has_name = roles.contains(&ColumnRole::Name);
            let has_figure = roles.iter().any(|r| matches!(r, ColumnRole::Figure { .. }));
            if has_name && has_figure {
                return (start, count);
            }
        }
    }
    (0, 1)
}

/// Each column's heading: the texts of the header rows joined by a space, a merged
/// heading written once per column.
fn headings(grid: &Grid, start: usize, count: usize) -> Vec<String> {
    (0..grid.width())
        .map(|c| {
            let mut parts: Vec<&str> = Vec::new();
            for r in start..start.saturating_add(count) {
                let t = grid.text(r, c).trim();
                if !t.is_empty() && parts.last() != Some(&t) {
                    parts.push(t);
                }
            }
            parts.join(" ")
        })
        .collect()
}

/// I, II, … XX, or A, B, C: a group's numeral in the STT column.
fn is_group_numeral(number: &str) -> bool {
    let n = number.trim().trim_end_matches('.');
    !n.is_empty()
        && (n.chars().all(|c| "IVXLivxl".contains(c))
            || n.len() == 1 && n.chars().all(|c| c.is_ascii_uppercase()))
}

fn is_upper(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() > 3 && letters.iter().all(|c| !c.is_lowercase())
}

fn is_sub_row(name: &str) -> bool {
    name.starts_with(['-', '+', '–', '•', '*'])
}

fn strip_bullet(name: &str) -> &str {
    name.trim_start_matches(['-', '+', '–', '•', '*']).trim()
}

/// The unit id for a unit as written (folded): `tỷ đồng`/`tỉ đồng`, `triệu đồng/người`,
/// `USD/người`, `%`, `%/năm`, `ha`, `người`, `xã`…; `None` when the app has no such unit.
pub fn guess_unit(text: &str) -> Option<&'static str> {
    let folded = fold(text);
    let t: String = folded.split_whitespace().collect::<Vec<_>>().join(" ");
    let head = t
        .split('/')
        .next()
        .unwrap_or("")
        .trim()
        .trim_matches(['(', ')']);
    UNITS.iter().find(|(w, _)| *w == head).map(|(_, id)| *id)
}

/// Every unit id a row may be given (each once, in the order of [`UNITS`]).
pub fn known_unit_ids() -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = Vec::new();
    for (_, id) in UNITS {
        if !ids.contains(id) {
            ids.push(id);
        }
    }
    ids
}

/// How units are written (folded) and the unit id of `data/units.json` each means.
const UNITS: &[(&str, &str)] = &[
    ("%", "percent"),
    ("diem %", "percentage_points"),
    ("diem phan tram", "percentage_points"),
    ("dong", "vnd"),
    ("nghin dong", "thousand_vnd"),
    ("trieu dong", "mn_vnd"),
    ("trieu d", "mn_vnd"),
    ("ty dong", "bn_vnd"),
    ("ti dong", "bn_vnd"),
    ("ty d", "bn_vnd"),
    ("nghin ty dong", "thousand_bn_vnd"),
    ("nghin ti dong", "thousand_bn_vnd"),
    ("usd", "usd"),
    ("nghin usd", "thousand_usd"),
    ("trieu usd", "mn_usd"),
    ("ha", "ha"),
    ("nghin ha", "thousand_ha"),
    ("tan", "tonne"),
    ("nghin tan", "thousand_tonnes"),
    ("nguoi", "people"),
    ("nghin nguoi", "thousand_people"),
    ("lao dong", "workers"),
    ("luot khach", "visits"),
    ("luot nguoi", "visits"),
    ("nghin luot khach", "thousand_visits"),
    ("trieu luot khach", "million_visits"),
    ("con", "head"),
    ("ho", "households"),
    ("xa", "communes"),
    ("thon", "villages"),
    ("doanh nghiep", "enterprises"),
    ("htx", "cooperatives"),
    ("hop tac xa", "cooperatives"),
    ("du an", "projects"),
    ("truong", "schools"),
    ("hoc sinh", "students"),
    ("giuong benh", "beds_per_10k"),
    ("bac si", "doctors_per_10k"),
    ("km", "km"),
    ("hang", "rank"),
    ("diem", "score"),
    ("don vi", "count"),
    ("lan", "times"),
    ("thu tuc", "procedures"),
    ("m3", "m3"),
];

fn has_word(folded: &str, word: &str) -> bool {
    folded.contains(word)
}

fn guess_measure(folded_name: &str, unit: Option<&str>) -> Measure {
    let growth_words = has_word(folded_name, "tang truong") || has_word(folded_name, "toc do tang");
    if growth_words && unit == Some("percent") {
        Measure::Growth
    } else {
        Measure::Level
    }
}

fn guess_target_kind(
    folded_name: &str,
    unit: Option<&str>,
    measure: Measure,
    values: &[PreviewValue],
) -> TargetKind {
    let average = has_word(folded_name, "binh quan");
    let over_period = values
        .iter()
        .any(|v| v.kind == FigureKind::TermTarget && matches!(v.period, Period::Years(..)));
    if measure == Measure::Growth && (average || over_period) {
        return TargetKind::AverageGrowth;
    }
    if has_word(folded_name, "luy ke")
        || has_word(folded_name, "ca giai doan")
        || has_word(folded_name, "5 nam")
    {
        return TargetKind::Cumulative;
    }
    if measure == Measure::Growth
        || unit == Some("percent")
        || ["ty le", "ty trong", "co cau"]
            .iter()
            .any(|w| has_word(folded_name, w))
    {
        return TargetKind::Share;
    }
    if matches!(
        unit,
        Some(
            "communes"
                | "villages"
                | "count"
                | "enterprises"
                | "cooperatives"
                | "projects"
                | "schools"
        )
    ) {
        return TargetKind::Count;
    }
    TargetKind::Level
}

fn guess_better(folded_name: &str) -> Better {
    const LOWER: &[&str] = &[
        "giam",
        "ngheo",
        "suy dinh duong",
        "that nghiep",
        "tai nan",
        "tu vong",
        "o nhiem",
    ];
    if LOWER.iter().any(|w| has_word(folded_name, w)) {
        Better::Lower
    } else {
        Better::Higher
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::import::grid::read_delimited;
    use crate::core::model::{Amount, Comparator};

    /// The 2026-2030 targets of the merged Quảng Ngãi province as an official would
    /// type them in a spreadsheet (figures from `reference/public-figures-2026-2030.md`).
    const QUANG_NGAI: &str = "CÁC CHỈ TIÊU CHỦ YẾU KẾ HOẠCH 5 NĂM 2026-2030\n\
        STT\tChỉ tiêu\tĐVT\tTH 2025\tKH 2026\tMục tiêu 2030\n\
        I\tCHỈ TIÊU KINH TẾ\t\t\t\t\n\
        1\tTốc độ tăng trưởng GRDP bình quân\t%/năm\t10,02\t10\ttrên 10\n\
        2\tGRDP bình quân đầu người\tUSD\t\t\tkhoảng 6.900 - 7.000\n\
        3\tTổng vốn đầu tư thực hiện cả giai đoạn\ttỷ đồng\thơn 82.000\t\tít nhất 560.000\n\
        4\tCơ cấu kinh tế:\t\t\t\t\n\
        \t- Công nghiệp - xây dựng\t%\t\t\t44-45\n\
        II\tCHỈ TIÊU XÃ HỘI\t\t\t\t\n\
        5\tTỷ lệ đô thị hóa\t%\t\t\ttrên 38\n\
        6\tTỷ lệ lao động nông nghiệp\t%\t\t\tdưới 38,7\n\
        7\tHộ nghèo\t%\t\t1,47\tcơ bản không còn\n";

    fn quang_ngai() -> ImportPreview {
        preview(&read_delimited(QUANG_NGAI).expect("grid")).expect("preview")
    }

    #[track_caller]
    fn indicator<'a>(p: &'a ImportPreview, name: &str) -> &'a PreviewRow {
        p.rows
            .iter()
            .find(|r| r.name == name)
            .unwrap_or_else(|| panic!("no row {name}: {:#?}", p.rows))
    }

    #[test]
    fn the_header_is_found_below_a_title_row() {
        let p = quang_ngai();
        assert_eq!((p.header_start, p.header_rows), (1, 1));
        let roles: Vec<ColumnRole> = p.columns.iter().map(|c| c.role).collect();
        assert_eq!(
            roles,
            [
                ColumnRole::RowNumber,
                ColumnRole::Name,
                ColumnRole::Unit,
                ColumnRole::Figure {
                    kind: FigureKind::Actual,
                    period: Period::Year(2025)
                },
                ColumnRole::Figure {
                    kind: FigureKind::Plan,
                    period: Period::Year(2026)
                },
                ColumnRole::Figure {
                    kind: FigureKind::TermTarget,
                    period: Period::Year(2030)
                },
            ]
        );
    }

    #[test]
    fn groups_indicators_and_sub_rows() {
        let p = quang_ngai();
        let groups: Vec<&str> = p
            .rows
            .iter()
            .filter(|r| r.kind == RowKind::Group)
            .map(|r| r.name.as_str())
            .collect();
        assert_eq!(groups, ["CHỈ TIÊU KINH TẾ", "CHỈ TIÊU XÃ HỘI"]);
        assert_eq!(p.indicator_count(), 7);
        let sub = indicator(&p, "Cơ cấu kinh tế: Công nghiệp - xây dựng");
        assert_eq!(sub.values[0].value.amount, Amount::Range(44.0, 45.0));
    }

    #[test]
    fn kinds_directions_units_and_comparators_are_guessed() {
        let p = quang_ngai();
        let growth = indicator(&p, "Tốc độ tăng trưởng GRDP bình quân");
        assert_eq!(
            (growth.measure, growth.target_kind, growth.unit),
            (Measure::Growth, TargetKind::AverageGrowth, Some("percent"))
        );
        let target = &growth.values[2];
        assert_eq!(
            (target.kind, target.value.amount, target.value.comparator),
            (
                FigureKind::TermTarget,
                Amount::Point(10.0),
                Some(Comparator::MoreThan)
            )
        );
        let per_capita = indicator(&p, "GRDP bình quân đầu người");
        assert_eq!(
            (per_capita.unit, per_capita.values[0].value.approx),
            (Some("usd"), true)
        );
        let investment = indicator(&p, "Tổng vốn đầu tư thực hiện cả giai đoạn");
        assert_eq!(investment.target_kind, TargetKind::Cumulative);
        assert_eq!(
            investment.values[1].value.comparator,
            Some(Comparator::AtLeast)
        );
        assert_eq!(
            indicator(&p, "Tỷ lệ lao động nông nghiệp").values[0]
                .value
                .comparator,
            Some(Comparator::LessThan)
        );
        assert_eq!(indicator(&p, "Hộ nghèo").better, Better::Lower);
        assert_eq!(indicator(&p, "Tỷ lệ đô thị hóa").better, Better::Higher);
    }

    #[test]
    fn unreadable_cells_are_listed_with_their_row_and_column() {
        let p = quang_ngai();
        assert_eq!(
            p.problems,
            [Problem {
                row: 11,
                column: 5,
                kind: ProblemKind::Cell(CellError::NotANumber)
            }]
        );
        // The readable plan of the same row is kept.
        assert_eq!(indicator(&p, "Hộ nghèo").values.len(), 1);
    }

    #[test]
    fn a_two_row_header_with_a_merged_year() {
        let table = "STT\tChỉ tiêu\tĐVT\tNăm 2025\tNăm 2025\n\t\t\tKH\tƯớc TH\n1\tThu ngân sách\ttỷ đồng\t33.624\t35.230\n";
        let p = preview(&read_delimited(table).expect("grid")).expect("preview");
        assert_eq!((p.header_start, p.header_rows), (0, 2));
        let row = indicator(&p, "Thu ngân sách");
        let kinds: Vec<FigureKind> = row.values.iter().map(|v| v.kind).collect();
        assert_eq!(kinds, [FigureKind::Plan, FigureKind::Estimate]);
        assert_eq!(row.values[1].value.amount, Amount::Point(35230.0));
    }

    #[test]
    fn the_person_can_change_a_column_role() {
        let grid = read_delimited(QUANG_NGAI).expect("grid");
        let mut roles: Vec<ColumnRole> = quang_ngai().columns.iter().map(|c| c.role).collect();
        roles[3] = ColumnRole::Figure {
            kind: FigureKind::Estimate,
            period: Period::Year(2025),
        };
        let p = preview_with(&grid, 1, 1, &roles).expect("preview");
        assert_eq!(
            indicator(&p, "Tốc độ tăng trưởng GRDP bình quân").values[0].kind,
            FigureKind::Estimate
        );
    }

    #[test]
    fn tables_without_names_or_figures_are_refused() {
        let no_name = read_delimited("a\tb\n1\t2\n").expect("grid");
        assert_eq!(preview(&no_name), Err(PreviewError::NoNameColumn));
        let no_figures = read_delimited("Chỉ tiêu\tGhi chú\nGRDP\tx\n").expect("grid");
        assert_eq!(preview(&no_figures), Err(PreviewError::NoFigureColumns));
        let header_only = read_delimited("Chỉ tiêu\tTH 2025\n").expect("grid");
        assert_eq!(preview(&header_only), Err(PreviewError::NoRows));
    }

    #[test]
    fn duplicate_names_and_unknown_units_are_problems() {
        let table = "Chỉ tiêu\tĐVT\tKH 2026\nGRDP\tquả\t1\nGRDP\t%\t2\n";
        let p = preview(&read_delimited(table).expect("grid")).expect("preview");
        assert_eq!(
            p.problems,
            [
                Problem {
                    row: 1,
                    column: 1,
                    kind: ProblemKind::UnknownUnit
                },
                Problem {
                    row: 2,
                    column: 0,
                    kind: ProblemKind::DuplicateName { first_row: 1 }
                },
            ]
        );
    }

    #[test]
    fn the_person_sets_a_rows_kind_and_unit() {
        let table = "Chỉ tiêu\tĐVT\tKH 2026\nSản lượng cà phê\tquả\t1\n";
        let mut p = preview(&read_delimited(table).expect("grid")).expect("preview");
        assert_eq!(p.problems.len(), 1);
        p.set_row(1, Some(TargetKind::Stock), Some("tonne"));
        assert_eq!(
            (p.rows[0].target_kind, p.rows[0].unit),
            (TargetKind::Stock, Some("tonne"))
        );
        assert!(p.problems.is_empty());
        assert!(
            known_unit_ids().contains(&"tonne")
                && known_unit_ids().iter().filter(|u| **u == "bn_vnd").count() == 1
        );
    }

    #[test]
    fn units_as_officials_write_them() {
        for (text, id) in [
            ("tỷ đồng", Some("bn_vnd")),
            ("Tỉ đồng", Some("bn_vnd")),
            ("triệu đồng/người", Some("mn_vnd")),
            ("USD/người", Some("usd")),
            ("%/năm", Some("percent")),
            ("(%)", Some("percent")),
            ("ha", Some("ha")),
            ("xã", Some("communes")),
            ("quả", None),
        ] {
            assert_eq!(guess_unit(text), id, "{text}");
        }
    }

    const PAIRED: &str = "STT\tChỉ tiêu\tĐVT\tTH 2025\tMục tiêu 2030\n\
        I\tCHỈ TIÊU KINH TẾ\t\t\t\n\
        1\tGRDP (giá so sánh 2010)\ttỷ đồng\t40.000\t\n\
        2\tTốc độ tăng trưởng GRDP\t%\t8\t≥ 10\n\
        3\tGRDP bình quân đầu người\tUSD/người\t3.500\t7.000\n\
        4\tTỷ lệ đô thị hóa\t%\t38\ttrên 45\n\
        5\tTổng sản phẩm trên địa bàn (GRDPX)\ttỷ đồng\t1\t\n\
        II\tCHỈ TIÊU XÃ HỘI\t\t\t\n\
        6\tTốc độ tăng trưởng doanh thu du lịch\t%\t12\t\n\
        III\tDU LỊCH\t\t\t\n\
        7\tDoanh thu du lịch\ttỷ đồng\t900\t\n";

    #[test]
    fn a_level_row_and_its_growth_row_are_one_indicator() {
        let mut p = preview(&read_delimited(PAIRED).expect("grid")).expect("preview");
        // GRDP (row 3) with its growth (row 4); the growth of tourism revenue (row 9)
        // is in another group than the revenue (row 11), and per-person GRDP and the
        // urban share are other indicators.
        let pairs: Vec<(usize, usize, bool)> = p
            .pairs
            .iter()
            .map(|x| (x.level_row, x.growth_row, x.joined))
            .collect();
        assert_eq!(pairs, [(2, 3, true)]);
        assert_eq!(p.indicator_count(), 6); // 7 rows, one pair
                                            // Only the growth row carries a target: the joined indicator's is average growth.
        assert_eq!(
            indicator(&p, "GRDP (giá so sánh 2010)").target_kind,
            TargetKind::AverageGrowth
        );
        assert!(p.joined_pair_of(3).is_some() && p.joined_pair_of(2).is_some());
        // Kept apart by the person: two indicators, the level row's own kind back.
        p.set_joined(2, false);
        assert_eq!(p.indicator_count(), 7);
        assert_eq!(
            indicator(&p, "GRDP (giá so sánh 2010)").target_kind,
            TargetKind::Level
        );
        assert!(p.joined_pair_of(3).is_none());
        p.set_joined(2, true);
        assert_eq!(p.indicator_count(), 6);
        p.set_joined(5, false); // a row in no pair: nothing happens
        assert_eq!(p.indicator_count(), 6);
    }

    #[test]
    fn names_are_matched_without_growth_price_and_parenthesised_words() {
        let keys = |n: &str, g: bool| name_keys(n, g);
        assert_eq!(keys("Tốc độ tăng trưởng GRDP", true), ["grdp"]);
        assert_eq!(keys("GRDP (giá so sánh 2010)", false), ["grdp"]);
        assert_eq!(keys("GRDP theo giá so sánh", false), ["grdp"]);
        assert_eq!(
            keys("Tổng sản phẩm trên địa bàn (GRDP)", false),
            ["grdp", "tong san pham tren dia ban"]
        );
        assert_eq!(keys("Tốc độ tăng trưởng kinh tế (GRDP)", true), ["grdp"]);
        assert_eq!(keys("GRDP bình quân đầu người", false), ["grdp dau nguoi"]);
        assert_eq!(keys("Tăng trưởng GRDP bình quân", true), ["grdp"]);
    }
}
