//! Tools of the assumption inputs (issue #17): a row (or column) of numbers copied from
//! Excel and pasted into one year's box fills that year and the following ones, each
//! cell kept as typed so the person sees their own text; whether a typed text is
//! unreadable, for `aria-invalid`; and what a goal seek held fixed, in words. Pure and
//! host-tested.

use crate::core::plan::assessment::{Assessment, PaceKind};
use crate::core::text::numfmt::format_number;
use crate::core::text::numparse::parse_number;
use crate::present::i18n::first_hour::{ft, FirstMsg};
use crate::present::i18n::Locale;

/// The cells of a pasted spreadsheet row or column (tab- or line-separated), trimmed,
/// trailing empty cells dropped; `None` for a single value (an ordinary paste).
pub fn pasted_cells(text: &str) -> Option<Vec<String>> {
    let mut cells: Vec<String> = text
        .split(['\t', '\n'])
        .map(|c| c.trim().trim_end_matches('\r').trim().to_string())
        .collect();
    while cells.last().is_some_and(String::is_empty) {
        cells.pop();
    }
    (cells.len() > 1).then_some(cells)
}

/// The (year, text) pairs a paste into `first`'s box sets: one cell a year from
/// `first`, up to `last`; cells beyond `last` are left out.
pub fn spread(first: i32, last: i32, cells: &[String]) -> Vec<(i32, String)> {
    (first..=last).zip(cells.iter().cloned()).collect()
}

/// True when `text` is not empty and cannot be read as a number in `locale`.
pub fn is_unreadable(text: &str, locale: Locale) -> bool {
    parse_number(text, locale).is_err()
}

/// What a goal seek on `year` held fixed: every other remaining year with the pace it
/// kept ("2024: 10% (giả định đã nhập)", "2025: 8,12% (tốc độ đã đạt)").
pub fn held_fixed_text(a: &Assessment, year: i32, locale: Locale) -> String {
    let Some(w) = &a.working else {
        return String::new();
    };
    let unit = match w.pace_kind {
        PaceKind::Growth => "%",
        PaceKind::Increment => "",
    };
    let parts: Vec<String> = w
        .remaining_years
        .iter()
        .filter(|&&y| y != year)
        .filter_map(|&y| {
            let pace = a.pace_in_use(y)?;
            let how = if w.assumed.iter().any(|(ay, _)| *ay == y) {
                FirstMsg::HeldAssumed
            } else {
                FirstMsg::HeldAchieved
            };
            Some(format!(
                "{y}: {}{unit} ({})",
                format_number(pace, locale, 2),
                ft(how, locale)
            ))
        })
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("{} {}.", ft(FirstMsg::HeldFixed, locale), parts.join("; "))
    }
}

/// The text a goal seek's answer puts into the year's box: the number in the person's
/// format, two decimals at most.
pub fn answer_text(value: f64, locale: Locale) -> String {
    format_number(value, locale, 2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::catalog::kon_tum;
    use crate::core::plan::assessment::{assess, Assumptions};

    #[test]
    fn a_goal_seek_says_what_it_held_fixed() {
        let model = kon_tum();
        // From the 2023 result: 2024 and 2025 remain; 2024 assumed at 10 %.
        let from_2023 = Assumptions {
            start_year: Some(2023),
            per_year: [(2024, 10.0)].into_iter().collect(),
            ..Assumptions::default()
        };
        let free = assess(&model, "grdp_constant", &from_2023);
        let years = free
            .working
            .as_ref()
            .map(|w| w.remaining_years.clone())
            .unwrap_or_default();
        assert!(years.len() >= 2, "{years:?}");
        let (first, last) = (years[0], years[years.len() - 1]);
        let text = held_fixed_text(&free, last, Locale::Vi);
        assert!(text.starts_with("Các năm khác giữ nguyên:"), "{text}");
        assert!(text.contains(&format!("{first}: ")), "{text}");
        assert!(!text.contains(&format!("{last}: ")), "{text}");
        assert!(text.contains("2024: 10% (giả định đã nhập)"), "{text}");
        assert_eq!(answer_text(9.876, Locale::Vi), "9,88");
    }

    fn cells(text: &str) -> Option<Vec<String>> {
        pasted_cells(text)
    }

    #[test]
    fn a_spreadsheet_row_or_column_is_split_into_cells() {
        let row = Some(vec!["8,5".to_string(), "9".into(), "10,2".into()]);
        assert_eq!(cells("8,5\t9\t10,2\r\n"), row);
        assert_eq!(cells("8,5\r\n9\r\n10,2\r\n"), row);
        assert_eq!(
            cells("8,5\t\t10,2"),
            Some(vec!["8,5".into(), "".into(), "10,2".into()])
        );
        assert_eq!(cells("8,5"), None);
        assert_eq!(cells("8,5\r\n"), None);
    }

    #[test]
    fn cells_fill_the_year_pasted_into_and_the_next() {
        let c = vec!["8,5".to_string(), "9".into(), "10".into()];
        assert_eq!(
            spread(2024, 2025, &c),
            vec![(2024, "8,5".to_string()), (2025, "9".to_string())]
        );
        assert_eq!(spread(2025, 2025, &c), vec![(2025, "8,5".to_string())]);
    }

    #[test]
    fn unreadable_text_is_flagged_and_empty_text_is_not() {
        assert!(is_unreadable("mười", Locale::Vi));
        assert!(!is_unreadable("", Locale::Vi));
        assert!(!is_unreadable("8,5", Locale::Vi));
    }
}
