//! Every way the interface writes a date or a time, in one place: document dates, the
//! time a report was printed, the save time of a draft, the day in an export's file name
//! and the name of a new draft. Vietnamese order is day/month/year; English reports use
//! ISO order. Pure: the instant and the time zone come in as arguments.

use std::fmt::Display;

use crate::core::text::calendar::{local_date_time, DateTime};
use crate::present::i18n::Locale;

/// `22/11/2026` (Vietnamese) or `2026-11-22` (English).
pub fn day_text(year: impl Display, month: u32, day: u32, locale: Locale) -> String {
    match locale {
        Locale::Vi => format!("{day:02}/{month:02}/{year}"),
        Locale::En => iso_day(year, month, day),
    }
}

/// `2026-11-22`, whatever the language (file names sort by it).
pub fn iso_day(year: impl Display, month: u32, day: u32) -> String {
    format!("{year}-{month:02}-{day:02}")
}

fn clock(d: &DateTime) -> String {
    format!("{:02}:{:02}", d.hour, d.minute)
}

/// The date and time printed on a report, in the reader's time zone:
/// `22/11/2026 17:30` or `2026-11-22 17:30`.
pub fn printed_text(now_ms: i64, timezone_offset_minutes: i64, locale: Locale) -> String {
    let d = local_date_time(now_ms, timezone_offset_minutes);
    format!("{} {}", day_text(d.year, d.month, d.day, locale), clock(&d))
}

/// When a draft was saved, as the drafts list shows it: `17:30 22/11/2026`.
pub fn saved_time_text(ms: i64, timezone_offset_minutes: i64) -> String {
    let d = local_date_time(ms, timezone_offset_minutes);
    format!(
        "{} {}",
        clock(&d),
        day_text(d.year, d.month, d.day, Locale::Vi)
    )
}

/// The day of an export, for its file name: `2026-11-22`.
pub fn file_day(ms: i64, timezone_offset_minutes: i64) -> String {
    let d = local_date_time(ms, timezone_offset_minutes);
    iso_day(d.year, d.month, d.day)
}

/// The name of a new draft: `Bản nháp 22/11/2026 17:30`, `Draft 22/11/2026 17:30`.
pub fn new_draft_name(now_ms: i64, timezone_offset_minutes: i64, locale: Locale) -> String {
    let d = local_date_time(now_ms, timezone_offset_minutes);
    let word = match locale {
        Locale::Vi => "Bản nháp",
        Locale::En => "Draft",
    };
    format!(
        "{word} {} {}",
        day_text(d.year, d.month, d.day, Locale::Vi),
        clock(&d)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    // 2026-11-22 10:30 UTC, shown at UTC+7 (offset −420 minutes, as JavaScript gives it):
    // 17:30 local. 1 795 343 400 000 ms = 20 779 days (2026-11-22) + 37 800 s (10:30).
    const AT: i64 = 1_795_343_400_000;
    const HANOI: i64 = -420;

    #[track_caller]
    fn text(got: String, expected: &str) {
        assert_eq!(got, expected);
    }

    #[test]
    fn dates_and_times_in_each_form() {
        text(day_text(2024, 11, 5, Locale::Vi), "05/11/2024");
        text(day_text(2024, 11, 5, Locale::En), "2024-11-05");
        text(iso_day(2024, 1, 9), "2024-01-09");
        text(printed_text(AT, HANOI, Locale::Vi), "22/11/2026 17:30");
        text(printed_text(AT, HANOI, Locale::En), "2026-11-22 17:30");
        text(printed_text(0, 0, Locale::En), "1970-01-01 00:00");
        text(saved_time_text(AT, HANOI), "17:30 22/11/2026");
        text(file_day(AT, HANOI), "2026-11-22");
        text(
            new_draft_name(AT, HANOI, Locale::Vi),
            "Bản nháp 22/11/2026 17:30",
        );
        text(
            new_draft_name(AT, HANOI, Locale::En),
            "Draft 22/11/2026 17:30",
        );
    }
}
