//! What a column of a plan table holds, guessed from its heading: the row number (STT),
//! the indicator's name (Chỉ tiêu), its unit (ĐVT), a note, or the figures of one year
//! or period and one kind: results ("TH", "thực hiện"), estimates ("ước", "UTH"), plans
//! ("KH", "kế hoạch", "dự toán") and targets ("mục tiêu", "chỉ tiêu … đến năm", a
//! period such as "giai đoạn 2026-2030"). Every guess is shown to the person, who can
//! change it; a heading that matches nothing is ignored rather than guessed.

use crate::core::model::{FigureKind, Period, YEARS};
use crate::core::text::textsearch::fold;

/// What one column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnRole {
    /// The row number (STT, TT), or a group's numeral (I, II, A).
    RowNumber,
    /// The indicator's name.
    Name,
    /// The unit (ĐVT).
    Unit,
    /// Figures of one kind for one period.
    Figure {
        /// Result, estimate, plan or target.
        kind: FigureKind,
        /// The year, or the years a target covers.
        period: Period,
    },
    /// A note (ghi chú), kept with the figures of its row.
    Note,
    /// Not read (a ratio "so với KH", or a heading the app does not know).
    Ignore,
}

/// Kind words, folded, in the order they are tried: an estimate ("ước thực hiện")
/// before a result ("thực hiện"), a plan before a target ("chỉ tiêu kế hoạch").
const KIND_WORDS: &[(&str, FigureKind)] = &[
    ("uoc", FigureKind::Estimate),
    ("uth", FigureKind::Estimate),
    ("so bo", FigureKind::Estimate),
    ("ke hoach", FigureKind::Plan),
    ("du toan", FigureKind::Plan),
    ("kh", FigureKind::Plan),
    ("muc tieu", FigureKind::TermTarget),
    ("mt", FigureKind::TermTarget),
    ("den nam", FigureKind::TermTarget),
    ("nhiem ky", FigureKind::TermTarget),
    ("giai doan", FigureKind::TermTarget),
    ("thuc hien", FigureKind::Actual),
    ("ket qua", FigureKind::Actual),
    ("th", FigureKind::Actual),
];

/// Words of a column that compares figures rather than holding one ("% so với KH").
const RATIO_WORDS: &[&str] = &[
    "so voi",
    "so sanh",
    "so ke hoach",
    "so kh",
    "ty le dat",
    "% dat",
    "cung ky",
];

/// Guesses the role of a column from its heading (the headings of a multi-row header
/// joined by spaces).
pub fn guess_role(heading: &str) -> ColumnRole {
    let folded = fold(heading);
    let words = folded.split_whitespace().collect::<Vec<_>>().join(" ");
    let has = |w: &str| contains_word(&words, w);
    if words.is_empty() {
        return ColumnRole::Ignore;
    }
    if RATIO_WORDS.iter().any(|w| words.contains(w)) {
        return ColumnRole::Ignore;
    }
    let years = years_in(&words);
    if years.is_empty() {
        if has("stt") || has("tt") || words == "so tt" {
            return ColumnRole::RowNumber;
        }
        if has("dvt") || words.starts_with("don vi") {
            return ColumnRole::Unit;
        }
        if has("ghi chu") {
            return ColumnRole::Note;
        }
        if has("chi tieu") || has("noi dung") || has("ten") || words == "indicator" {
            return ColumnRole::Name;
        }
        return ColumnRole::Ignore;
    }
    let period = match years.as_slice() {
        [y] => Period::Year(*y),
        [a, b, ..] if b > a => Period::Years(*a, *b),
        [a, ..] => Period::Year(*a),
        [] => return ColumnRole::Ignore,
    };
    let kind = KIND_WORDS
        .iter()
        .find(|(w, _)| has(w))
        .map(|(_, k)| *k)
        // "Chỉ tiêu 2026" is the year's plan; "Chỉ tiêu đến năm 2030" matched above.
        .or_else(|| has("chi tieu").then_some(FigureKind::Plan))
        // A period with no kind word ("2026-2030") is what the term aims at.
        .or_else(|| matches!(period, Period::Years(..)).then_some(FigureKind::TermTarget))
        // A bare year ("2025", "Năm 2025") is what happened in it.
        .unwrap_or(FigureKind::Actual);
    ColumnRole::Figure { kind, period }
}

/// True when `word` stands in `text` on word boundaries (`kh` in "kh 2026", not in
/// "khoang").
fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text.get(..i).and_then(|s| s.chars().last());
        let after = text.get(i + word.len()..).and_then(|s| s.chars().next());
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphabetic())
    })
}

/// The four-digit years in `text` within [`YEARS`], in order.
fn years_in(text: &str) -> Vec<i32> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let run = bytes
            .get(i..)
            .unwrap_or(&[])
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if run == 4 {
            if let Some(y) = text.get(i..i + 4).and_then(|s| s.parse::<i32>().ok()) {
                if YEARS.contains(&y) {
                    out.push(y);
                }
            }
        }
        i += run.max(1);
    }
    out
}

/// True when every non-empty cell of a row reads as a heading rather than as data: a
/// kind word, a year, or a name/unit/number heading. Used to find where a multi-row
/// header ends.
pub fn is_heading_row<'a>(cells: impl IntoIterator<Item = &'a str>) -> bool {
    let mut any = false;
    for text in cells {
        if text.trim().is_empty() {
            continue;
        }
        any = true;
        let folded = fold(text);
        let words = folded.split_whitespace().collect::<Vec<_>>().join(" ");
        let kind_word = KIND_WORDS.iter().any(|(w, _)| contains_word(&words, w));
        let year_only = !years_in(&words).is_empty()
            && words
                .chars()
                .all(|c| c.is_ascii_digit() || c.is_whitespace() || "-–nam".contains(c));
        if !(kind_word
            || year_only
            || guess_role(text) != ColumnRole::Ignore && years_in(&words).is_empty())
        {
            return false;
        }
    }
    any
}

#[cfg(test)]
mod tests {
    use super::*;
    use FigureKind::{Actual, Estimate, Plan, TermTarget};

    #[track_caller]
    fn role(heading: &str, expected: ColumnRole) {
        assert_eq!(guess_role(heading), expected, "{heading}");
    }

    #[track_caller]
    fn figure(heading: &str, kind: FigureKind, period: Period) {
        role(heading, ColumnRole::Figure { kind, period });
    }

    #[test]
    fn headings_of_name_unit_number_and_note_columns() {
        role("STT", ColumnRole::RowNumber);
        role("TT", ColumnRole::RowNumber);
        role("Chỉ tiêu", ColumnRole::Name);
        role("Các chỉ tiêu chủ yếu", ColumnRole::Name);
        role("Nội dung", ColumnRole::Name);
        role("ĐVT", ColumnRole::Unit);
        role("Đơn vị tính", ColumnRole::Unit);
        role("Ghi chú", ColumnRole::Note);
        role("", ColumnRole::Ignore);
        role("Cột lạ", ColumnRole::Ignore);
    }

    #[test]
    fn headings_of_figure_columns() {
        figure("TH 2025", Actual, Period::Year(2025));
        figure("Thực hiện năm 2024", Actual, Period::Year(2024));
        figure("Ước TH 2025", Estimate, Period::Year(2025));
        figure("UTH 2025", Estimate, Period::Year(2025));
        figure("Ước thực hiện 2025", Estimate, Period::Year(2025));
        figure("KH 2026", Plan, Period::Year(2026));
        figure("Kế hoạch năm 2026", Plan, Period::Year(2026));
        figure("Dự toán 2026", Plan, Period::Year(2026));
        figure("Chỉ tiêu 2026", Plan, Period::Year(2026));
        figure("Mục tiêu 2030", TermTarget, Period::Year(2030));
        figure("Chỉ tiêu đến năm 2030", TermTarget, Period::Year(2030));
        figure(
            "Mục tiêu giai đoạn 2026-2030",
            TermTarget,
            Period::Years(2026, 2030),
        );
        figure("2026-2030", TermTarget, Period::Years(2026, 2030));
        figure("Năm 2025", Actual, Period::Year(2025));
        figure("Năm 2025 KH", Plan, Period::Year(2025));
    }

    #[test]
    fn ratio_columns_are_not_read_as_figures() {
        role("TH 2025 so với KH (%)", ColumnRole::Ignore);
        role("So sánh 2025/2024", ColumnRole::Ignore);
        role("So cùng kỳ", ColumnRole::Ignore);
    }

    #[test]
    fn heading_rows_and_data_rows() {
        assert!(is_heading_row(["STT", "Chỉ tiêu", "Năm 2025", ""]));
        assert!(is_heading_row(["", "", "KH", "Ước TH"]));
        assert!(is_heading_row(["2025", "2026"]));
        assert!(!is_heading_row([
            "1",
            "Tốc độ tăng trưởng GRDP",
            "%",
            "10,02"
        ]));
        assert!(!is_heading_row(["I", "CHỈ TIÊU KINH TẾ"]));
        assert!(!is_heading_row(["", ""]));
    }
}
