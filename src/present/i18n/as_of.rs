//! Vietnamese and English texts of the as-of date (issue #13, "see the model as it stood
//! on a date"): the control that sets it, the note while a past date is in use, and the
//! message for a link whose `ngay=` cannot be read.

use crate::core::model::as_of::DayError;
use crate::core::text::numfmt::Locale;

messages! {
/// A text of the as-of date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AsOfMsg {
    /// Label of the date box.
    Label,
    /// Button that goes back to today.
    BackToToday,
    /// Said after the date when it is today.
    IsToday,
    /// Hint under the box: what changes with the date.
    Hint,
}
}

/// The text of an as-of message.
pub fn at(msg: AsOfMsg, locale: Locale) -> &'static str {
    let (vi, en) = match msg {
        AsOfMsg::Label => ("Xem số liệu tại ngày", "Figures as of"),
        AsOfMsg::BackToToday => ("Về hôm nay", "Back to today"),
        AsOfMsg::IsToday => ("(hôm nay)", "(today)"),
        AsOfMsg::Hint => (
            "Đổi ngày để xem kế hoạch như tại ngày đó: các năm sau ngày ấy là năm chưa đến, số liệu công bố sau ngày ấy được ẩn.",
            "Change the date to see the plan as it stood that day: years after it are future years, figures published after it are hidden.",
        ),
    };
    match locale {
        Locale::Vi => vi,
        Locale::En => en,
    }
}

/// The note shown while a date other than today is in use (`date` already in words).
pub fn past_note(date: &str, locale: Locale) -> String {
    match locale {
        Locale::Vi => format!(
            "Đang xem kế hoạch như tại ngày {date}: số liệu công bố sau ngày này được ẩn, các năm sau là năm chưa đến."
        ),
        Locale::En => format!(
            "Viewing the plan as it stood on {date}: figures published after that day are hidden, later years are future years."
        ),
    }
}

/// The line a printed report carries while a date other than today is in use (`date`
/// already in words), so a paper copy says which day its figures stand on.
pub fn report_line(date: &str, locale: Locale) -> String {
    match locale {
        Locale::Vi => {
            format!("Số liệu như tại ngày {date} (không tính số liệu công bố sau ngày này)")
        }
        Locale::En => {
            format!("Figures as they stood on {date} (nothing published later is counted)")
        }
    }
}

/// The message for a link whose `ngay=` cannot be read (`given` as the link wrote it,
/// `today` in words).
pub fn bad_link_date(given: &str, reason: DayError, today: &str, locale: Locale) -> String {
    let why = match (reason, locale) {
        (DayError::Shape, Locale::Vi) => "không đúng dạng năm-tháng-ngày (ví dụ 2024-12-31)",
        (DayError::Shape, Locale::En) => {
            "is not of the form year-month-day (for example 2024-12-31)"
        }
        (DayError::NoSuchDay, Locale::Vi) => "không có ngày này trên lịch",
        (DayError::NoSuchDay, Locale::En) => "is not a day of the calendar",
    };
    match locale {
        Locale::Vi => {
            format!("Ngày trong liên kết (ngay={given}) {why}; đang dùng ngày hôm nay, {today}.")
        }
        Locale::En => format!("The date in the link (ngay={given}) {why}; using today, {today}."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_two_different_non_empty_texts() {
        for m in AsOfMsg::ALL {
            let (vi, en) = (at(*m, Locale::Vi), at(*m, Locale::En));
            assert!(!vi.is_empty() && !en.is_empty(), "{m:?}");
            assert_ne!(vi, en, "{m:?}");
        }
    }
}
