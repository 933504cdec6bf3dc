//! One table cell read as a target value the way Vietnamese plan tables write it:
//! `10,02`, `≥10`, `từ 10 trở lên`, `trên 38`, `dưới 38,7`, `6.900-7.000`,
//! `khoảng 4.500`, `ít nhất 560.000`, `8,5 - 9,5%`, `gần 102`. Numbers are read in
//! the Vietnamese format by `core::text::numparse` (a dot groups thousands, a comma is
//! the decimal mark), with its warnings kept.
//!
//! Words are matched on the folded text (`core::text::textsearch::fold`: lower case,
//! no diacritics), so `Trên`, `trên` and `tren` read alike.

use crate::core::model::{Amount, Comparator};
use crate::core::text::numfmt::Locale;
use crate::core::text::numparse::{parse_number, Ambiguity};
use crate::core::text::textsearch::fold;

/// Longest cell text read as a value, in characters.
pub const MAX_CELL_CHARS: usize = 120;

/// A value read from a cell.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CellValue {
    /// The number, or the two ends of a range.
    pub amount: Amount,
    /// `≥`, `>`, `≤` or `<` when the cell says so.
    pub comparator: Option<Comparator>,
    /// True for "khoảng", "gần", "xấp xỉ", "~".
    pub approx: bool,
    /// True when the cell wrote `%`.
    pub percent: bool,
    /// Set when a number could also be read another way (`1.234`).
    pub ambiguity: Option<Ambiguity>,
}

/// Why a cell is not a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellError {
    /// Longer than [`MAX_CELL_CHARS`].
    TooLong,
    /// Words or a number that cannot be read (`cơ bản không còn`, `1,2,3`, `=A1*2`).
    NotANumber,
    /// A range whose first end is above its second (`10-8`).
    RangeReversed,
    /// A date where a number should be (`12/05/2025`).
    Date,
}

impl std::fmt::Display for CellError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            CellError::TooLong => "cell text too long",
            CellError::NotANumber => "not a number",
            CellError::RangeReversed => "range ends reversed",
            CellError::Date => "a date, not a number",
        })
    }
}

impl std::error::Error for CellError {}

/// Words before a number, folded, longest first within each meaning.
const BEFORE: &[(&str, Option<Comparator>, bool)] = &[
    ("it nhat", Some(Comparator::AtLeast), false),
    ("toi thieu", Some(Comparator::AtLeast), false),
    ("khong duoi", Some(Comparator::AtLeast), false),
    ("khong qua", Some(Comparator::AtMost), false),
    ("toi da", Some(Comparator::AtMost), false),
    ("con duoi", Some(Comparator::LessThan), false),
    ("duoi", Some(Comparator::LessThan), false),
    ("tren", Some(Comparator::MoreThan), false),
    ("hon", Some(Comparator::MoreThan), false),
    ("tu", Some(Comparator::AtLeast), false),
    ("khoang", None, true),
    ("xap xi", None, true),
    ("gan", None, true),
    ("dat", None, false),
    (">=", Some(Comparator::AtLeast), false),
    ("<=", Some(Comparator::AtMost), false),
    ("≥", Some(Comparator::AtLeast), false),
    ("≤", Some(Comparator::AtMost), false),
    (">", Some(Comparator::MoreThan), false),
    ("<", Some(Comparator::LessThan), false),
    ("~", None, true),
];

/// Words after a number, folded.
const AFTER: &[(&str, Option<Comparator>)] = &[
    ("tro len", Some(Comparator::AtLeast)),
    ("tro xuong", Some(Comparator::AtMost)),
];

/// Reads `text` as a target value. `Ok(None)` for a cell with no figure: empty, a dash,
/// `x` or `…`.
pub fn read_cell(text: &str) -> Result<Option<CellValue>, CellError> {
    let text = text.trim();
    if text.chars().count() > MAX_CELL_CHARS {
        return Err(CellError::TooLong);
    }
    if matches!(text, "" | "-" | "–" | "—" | "x" | "X" | "…" | "..." | "_") {
        return Ok(None);
    }
    if looks_like_date(text) {
        return Err(CellError::Date);
    }
    let mut rest = fold(text);
    let mut comparator = None;
    let mut approx = false;
    // Leading words may stack: "đạt khoảng", "từ ... trở lên".
    'words: loop {
        let trimmed = rest.trim_start();
        for (word, c, a) in BEFORE {
            if let Some(after) = trimmed.strip_prefix(word) {
                let boundary = after.chars().next().is_none_or(|ch| !ch.is_alphabetic());
                if boundary || !word.chars().all(char::is_alphabetic) {
                    comparator = comparator.or(*c);
                    approx |= *a;
                    rest = after.to_string();
                    continue 'words;
                }
            }
        }
        break;
    }
    let mut body = rest.trim().to_string();
    for (word, c) in AFTER {
        if let Some(before) = body.strip_suffix(word) {
            comparator = c.or(comparator);
            body = before.trim().to_string();
        }
    }
    let body = strip_unit_tail(&body);
    let (amount, percent, ambiguity) = read_amount(body)?;
    Ok(Some(CellValue {
        amount,
        comparator,
        approx,
        percent,
        ambiguity,
    }))
}

/// Drops a unit written after the number (`6.900 - 7.000 usd`, `10 %/nam`, `560.000 ti
/// dong`): everything from the first letter on, and a `/` that introduces it.
fn strip_unit_tail(body: &str) -> &str {
    let cut = body
        .char_indices()
        .find(|(_, c)| c.is_alphabetic())
        .map_or(body.len(), |(i, _)| i);
    let head = body.get(..cut).unwrap_or(body).trim_end();
    head.strip_suffix('/').unwrap_or(head).trim_end()
}

fn read_amount(body: &str) -> Result<(Amount, bool, Option<Ambiguity>), CellError> {
    if let Some((lo, hi)) = split_range(body) {
        let (lo, hi) = (number(lo)?, number(hi)?);
        if lo.0 > hi.0 {
            return Err(CellError::RangeReversed);
        }
        return Ok((Amount::Range(lo.0, hi.0), lo.1 || hi.1, lo.2.or(hi.2)));
    }
    let (v, percent, ambiguity) = number(body)?;
    Ok((Amount::Point(v), percent, ambiguity))
}

/// The two sides of `a-b`, `a - b`, `a–b` or `a—b`, where the dash stands between two
/// digits (so a leading minus is a sign, not a range).
fn split_range(body: &str) -> Option<(&str, &str)> {
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if !matches!(c, '-' | '–' | '—') || k == 0 {
            continue;
        }
        let before = chars
            .get(..k)?
            .iter()
            .rev()
            .find(|(_, ch)| !ch.is_whitespace());
        let after = chars
            .get(k + 1..)?
            .iter()
            .find(|(_, ch)| !ch.is_whitespace());
        let digit_before = before.is_some_and(|(_, ch)| ch.is_ascii_digit() || *ch == '%');
        let digit_after = after.is_some_and(|(_, ch)| ch.is_ascii_digit());
        if digit_before && digit_after {
            return Some((body.get(..i)?, body.get(i + c.len_utf8()..)?));
        }
    }
    None
}

fn number(text: &str) -> Result<(f64, bool, Option<Ambiguity>), CellError> {
    match parse_number(text.trim(), Locale::Vi) {
        Ok(Some(n)) => Ok((n.value, n.percent, n.ambiguity)),
        Ok(None) | Err(_) => Err(CellError::NotANumber),
    }
}

/// `12/05/2025`, `2025-05-12`, `12-5-2025`: three groups of digits with `/` or `-`.
fn looks_like_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split(['/', '-']).map(str::trim).collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
        && parts.iter().any(|p| p.len() == 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn value(text: &str, amount: Amount, comparator: Option<Comparator>, approx: bool) {
        let v = read_cell(text).expect("reads").expect("has a value");
        assert_eq!(
            (v.amount, v.comparator, v.approx),
            (amount, comparator, approx),
            "{text}"
        );
    }

    #[track_caller]
    fn error(text: &str, expected: CellError) {
        assert_eq!(read_cell(text), Err(expected), "{text}");
    }

    use Amount::{Point, Range};
    use Comparator::{AtLeast, AtMost, LessThan, MoreThan};

    #[test]
    fn plain_numbers_in_the_vietnamese_format() {
        value("10,02", Point(10.02), None, false);
        value("18.938,78", Point(18938.78), None, false);
        value("92.340", Point(92340.0), None, false);
        value("-1,5", Point(-1.5), None, false);
        value("10%", Point(10.0), None, false);
        assert!(read_cell("10%").expect("reads").expect("value").percent);
    }

    #[test]
    fn comparators_in_words_and_signs() {
        value("≥10", Point(10.0), Some(AtLeast), false);
        value(">= 10", Point(10.0), Some(AtLeast), false);
        value("từ 10 trở lên", Point(10.0), Some(AtLeast), false);
        value("10 trở lên", Point(10.0), Some(AtLeast), false);
        value("Trên 38", Point(38.0), Some(MoreThan), false);
        value("trên 10%/năm", Point(10.0), Some(MoreThan), false);
        value("dưới 38,7", Point(38.7), Some(LessThan), false);
        value("còn dưới 28,8%", Point(28.8), Some(LessThan), false);
        value("ít nhất 560.000", Point(560_000.0), Some(AtLeast), false);
        value("không quá 3", Point(3.0), Some(AtMost), false);
        value("hơn 35.230", Point(35230.0), Some(MoreThan), false);
    }

    #[test]
    fn ranges_and_approximate_values() {
        value("6.900-7.000", Range(6900.0, 7000.0), None, false);
        value(
            "khoảng 6.900 - 7.000 USD",
            Range(6900.0, 7000.0),
            None,
            true,
        );
        value("8,5–9,5%", Range(8.5, 9.5), None, false);
        value("khoảng 4.500", Point(4500.0), None, true);
        value("gần 102", Point(102.0), None, true);
        value("đạt khoảng 75% - 76%", Range(75.0, 76.0), None, true);
        value("560.000 tỷ đồng", Point(560_000.0), None, false);
    }

    #[test]
    fn empty_cells_and_dashes_hold_no_figure() {
        for text in ["", "  ", "-", "–", "x", "…"] {
            assert_eq!(read_cell(text), Ok(None), "{text:?}");
        }
    }

    #[test]
    fn what_is_not_a_value_is_a_typed_error() {
        error("cơ bản không còn hộ nghèo", CellError::NotANumber);
        error("=B2*1,1", CellError::NotANumber);
        error("1,2,3", CellError::NotANumber);
        error("10-8", CellError::RangeReversed);
        error("12/05/2025", CellError::Date);
        error("2025-05-12", CellError::Date);
        error(&"9".repeat(MAX_CELL_CHARS + 1), CellError::TooLong);
        // "tu" must be a whole word: "tuần" is not "từ".
        error("tuần 5", CellError::NotANumber);
    }
}
