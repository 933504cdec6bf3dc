//! The as-of date as the header shows it (issue #13): the date in use, always visible,
//! in the person's language; the note while a day other than today is in use; and the
//! message for a link whose `ngay=` could not be read. Pure: today comes in as a value.

use crate::core::model::as_of::{Day, DayError};
use crate::present::dates::day_text;
use crate::present::i18n::as_of::{at, bad_link_date, past_note, report_line, AsOfMsg};
use crate::present::i18n::Locale;

/// What the as-of control shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AsOfView {
    /// The day in use, `YYYY-MM-DD` (the date box's value).
    pub value: String,
    /// The day in use in words (`31/12/2024`, `2024-12-31`), with "(today)" when it is.
    pub in_words: String,
    /// True when the day in use is not today (the link names another day).
    pub is_past: bool,
    /// The note while another day is in use; `None` on today.
    pub note: Option<String>,
    /// The message for a link date that could not be read; `None` when there was none.
    pub error: Option<String>,
}

fn words(day: Day, locale: Locale) -> String {
    day_text(day.year, u32::from(day.month), u32::from(day.day), locale)
}

/// The view of the as-of date: `asked` is the link's day (if it read), `today` the
/// person's clock, `error` what the link gave when it did not read.
pub fn as_of_view(
    asked: Option<Day>,
    today: Day,
    error: Option<&(String, DayError)>,
    locale: Locale,
) -> AsOfView {
    let day = asked.unwrap_or(today);
    let is_past = day != today;
    let in_words = if is_past {
        words(day, locale)
    } else {
        format!("{} {}", words(day, locale), at(AsOfMsg::IsToday, locale))
    };
    AsOfView {
        value: day.to_string(),
        in_words,
        is_past,
        note: is_past.then(|| past_note(&words(day, locale), locale)),
        error: error.map(|(given, why)| bad_link_date(given, *why, &words(today, locale), locale)),
    }
}

/// The printed reports' line for the as-of date: `None` on today (a report printed
/// today needs no such line), else the day in words.
pub fn as_of_report_line(asked: Option<Day>, today: Day, locale: Locale) -> Option<String> {
    asked
        .filter(|d| *d != today)
        .map(|d| report_line(&words(d, locale), locale))
}

/// The day a date box's value asks for: `None` (today) when it is empty, not a day, or
/// today itself, so a link names a day only when it is another one.
pub fn chosen_day(value: &str, today: Day) -> Option<Day> {
    Day::parse(value.trim()).ok().filter(|d| *d != today)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Day {
        Day::parse(text).unwrap()
    }

    #[test]
    fn a_printed_report_names_a_past_day_and_not_today() {
        let (past, now) = (day("2024-12-31"), day("2026-12-01"));
        assert_eq!(
            as_of_report_line(Some(past), now, Locale::Vi).as_deref(),
            Some("Số liệu như tại ngày 31/12/2024 (không tính số liệu công bố sau ngày này)")
        );
        assert_eq!(
            as_of_report_line(Some(past), now, Locale::En).as_deref(),
            Some("Figures as they stood on 2024-12-31 (nothing published later is counted)")
        );
        assert_eq!(as_of_report_line(None, now, Locale::Vi), None);
        assert_eq!(as_of_report_line(Some(now), now, Locale::Vi), None);
    }

    #[test]
    fn today_is_said_to_be_today() {
        let v = as_of_view(None, day("2026-12-01"), None, Locale::Vi);
        assert_eq!(v.value, "2026-12-01");
        assert_eq!(v.in_words, "01/12/2026 (hôm nay)");
        assert!(!v.is_past && v.note.is_none() && v.error.is_none());
        let v = as_of_view(Some(day("2026-12-01")), day("2026-12-01"), None, Locale::En);
        assert_eq!(v.in_words, "2026-12-01 (today)");
    }

    #[test]
    fn another_day_is_named_with_a_note() {
        let v = as_of_view(Some(day("2024-12-31")), day("2026-12-01"), None, Locale::Vi);
        assert_eq!(
            (v.value.as_str(), v.in_words.as_str()),
            ("2024-12-31", "31/12/2024")
        );
        assert!(v.is_past);
        assert!(v.note.as_deref().is_some_and(|n| n.contains("31/12/2024")));
        let en = as_of_view(Some(day("2024-12-31")), day("2026-12-01"), None, Locale::En);
        assert!(en.note.as_deref().is_some_and(|n| n.contains("2024-12-31")));
    }

    #[test]
    fn a_bad_link_date_is_explained_in_both_languages() {
        let bad = ("2025-02-30".to_string(), DayError::NoSuchDay);
        let vi = as_of_view(None, day("2026-12-01"), Some(&bad), Locale::Vi);
        assert_eq!(vi.value, "2026-12-01");
        assert_eq!(
            vi.error.as_deref(),
            Some("Ngày trong liên kết (ngay=2025-02-30) không có ngày này trên lịch; đang dùng ngày hôm nay, 01/12/2026.")
        );
        let shape = ("31/12/2024".to_string(), DayError::Shape);
        let en = as_of_view(None, day("2026-12-01"), Some(&shape), Locale::En);
        assert_eq!(
            en.error.as_deref(),
            Some("The date in the link (ngay=31/12/2024) is not of the form year-month-day (for example 2024-12-31); using today, 2026-12-01.")
        );
    }

    #[test]
    fn a_box_value_names_a_day_only_when_it_is_another_day() {
        let today = day("2026-12-01");
        assert_eq!(chosen_day("2024-12-31", today), Some(day("2024-12-31")));
        assert_eq!(chosen_day("2026-12-01", today), None);
        assert_eq!(chosen_day("", today), None);
        assert_eq!(chosen_day("2024-02-30", today), None);
    }
}
