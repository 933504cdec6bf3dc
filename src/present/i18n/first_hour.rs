//! Vietnamese and English texts of the first screen (the main targets and their
//! overview, the first-step hint), and the glossary of terms the interface keeps to:
//! the words an official uses, checked against every message by the tests.

use crate::core::text::numfmt::Locale;

messages! {
/// A text of the first screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FirstMsg {
    /// Heading of the overview line.
    OverviewHeading,
    /// Filter: the main targets (after a count).
    MainTargets,
    /// Filter: every indicator (after a count).
    AllIndicators,
    /// Standing: achieved.
    Achieved,
    /// Standing: on track.
    OnTrack,
    /// Standing: at risk.
    AtRisk,
    /// Standing: off track.
    OffTrack,
    /// Standing: cannot be assessed.
    CannotAssess,
    /// The first step, before an indicator is chosen.
    FirstStepHint,
    /// What the list shows when only main targets are shown.
    ShowingMain,
    /// Button under the main targets: every other statistic.
    ShowOthers,
    /// Label of the group of filter buttons.
    FilterLabel,
    /// Heading of a table's first column, whose cells name the rows.
    RowHeading,
    /// The name shown for a draft whose name was left empty.
    UntitledDraft,
    /// Button: the group's numbers as a table for Excel.
    XlButton,
    /// Numbers table, column: indicator.
    XlIndicator,
    /// Column: unit of the result and the plan.
    XlUnit,
    /// Column: latest result (a number).
    XlLatest,
    /// Column: its year.
    XlYear,
    /// Column: its kind (result, estimate).
    XlKind,
    /// Column: the plan for that year (a number).
    XlPlan,
    /// Column: share of plan reached (a number, percent).
    XlAttainment,
    /// Column: status against the plan (words).
    XlStatus,
    /// Column: term target (a number).
    XlTarget,
    /// Column: unit of the term target.
    XlTargetUnit,
    /// Column: the term target as the document wrote it.
    XlTargetText,
    /// Column: the term target's year.
    XlTargetYear,
    /// Goal seek: what it held fixed (followed by the years).
    HeldFixed,
    /// A year held at its typed assumption.
    HeldAssumed,
    /// A year held at the pace achieved.
    HeldAchieved,
    /// Button: put the goal seek's answer into the year's box.
    UseAnswer,
}
}

/// The text of a first-screen message.
pub fn ft(msg: FirstMsg, locale: Locale) -> &'static str {
    let (vi, en) = match msg {
        FirstMsg::OverviewHeading => ("Các chỉ tiêu chủ yếu của nhiệm kỳ", "The term's main targets"),
        FirstMsg::MainTargets => ("chỉ tiêu chủ yếu", "main targets"),
        FirstMsg::AllIndicators => ("tất cả chỉ tiêu", "all indicators"),
        FirstMsg::Achieved => ("đã đạt mục tiêu", "achieved"),
        FirstMsg::OnTrack => ("đúng tiến độ", "on track"),
        FirstMsg::AtRisk => ("có nguy cơ không đạt", "at risk"),
        FirstMsg::OffTrack => ("chậm tiến độ", "off track"),
        FirstMsg::CannotAssess => ("chưa đánh giá được", "cannot be assessed"),
        FirstMsg::FirstStepHint => (
            "Chọn tên một chỉ tiêu trong bảng để xem số liệu, nguồn và mức cần đạt trong những năm còn lại.",
            "Choose an indicator's name in the table to see its figures, sources and what the remaining years need.",
        ),
        FirstMsg::ShowingMain => (
            "Đang xem các chỉ tiêu chủ yếu (có mục tiêu nhiệm kỳ hoặc kế hoạch trong nghị quyết).",
            "Showing the main targets (those with a term target or a plan in a resolution).",
        ),
        FirstMsg::ShowOthers => ("Xem tất cả chỉ tiêu", "Show all indicators"),
        FirstMsg::FilterLabel => ("Lọc theo tình hình thực hiện", "Filter by standing"),
        FirstMsg::RowHeading => ("Khoản mục", "Item"),
        FirstMsg::UntitledDraft => ("(Bản nháp chưa đặt tên)", "(Untitled draft)"),
        FirstMsg::XlButton => ("Tải số liệu cho Excel", "Numbers for Excel"),
        FirstMsg::XlIndicator => ("Chỉ tiêu", "Indicator"),
        FirstMsg::XlUnit => ("Đơn vị", "Unit"),
        FirstMsg::XlLatest => ("Kết quả mới nhất", "Latest result"),
        FirstMsg::XlYear => ("Năm (kỳ) của kết quả", "Period of the result"),
        FirstMsg::XlKind => ("Loại số liệu", "Kind of figure"),
        FirstMsg::XlPlan => ("Kế hoạch năm", "Plan for the year"),
        FirstMsg::XlAttainment => ("% so kế hoạch", "% of plan"),
        FirstMsg::XlStatus => ("Đánh giá so kế hoạch", "Against the plan"),
        FirstMsg::XlTarget => ("Mục tiêu nhiệm kỳ (số)", "Term target (number)"),
        FirstMsg::XlTargetUnit => ("Đơn vị của mục tiêu", "Unit of the target"),
        FirstMsg::XlTargetText => ("Mục tiêu nhiệm kỳ (như văn bản)", "Term target (as written)"),
        FirstMsg::XlTargetYear => ("Năm mục tiêu", "Target year"),
        FirstMsg::HeldFixed => ("Các năm khác giữ nguyên:", "Other years held fixed:"),
        FirstMsg::HeldAssumed => ("giả định đã nhập", "your assumption"),
        FirstMsg::HeldAchieved => ("tốc độ đã đạt", "pace achieved"),
        FirstMsg::UseAnswer => ("Dùng giá trị này", "Use this value"),
    };
    match locale {
        Locale::Vi => vi,
        Locale::En => en,
    }
}

/// Words the Vietnamese interface does not use, with the word it uses instead: the
/// glossary the tests hold every message to. ("Xuất bản" reads as publishing; "app" and
/// "chúng tôi" are not how a provincial tool speaks.)
pub const AVOIDED_VI: &[(&str, &str)] = &[
    ("xuất bản", "xuất"),
    ("app ", "ứng dụng"),
    ("app:", "ứng dụng"),
    ("app)", "ứng dụng"),
    ("chúng tôi", "(không xưng)"),
];

/// The avoided words that `text` contains (lower-cased first).
pub fn avoided_in(text: &str) -> Vec<&'static str> {
    let lower = format!("{} ", text.to_lowercase());
    AVOIDED_VI
        .iter()
        .filter(|(w, _)| lower.contains(w))
        .map(|(w, _)| *w)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::i18n::drafts::{dt, DraftMsg};
    use crate::present::i18n::models::{mt, ModelMsg};
    use crate::present::i18n::tests::two_languages;
    use crate::present::i18n::{t, Msg};

    #[test]
    fn every_first_screen_message_has_two_languages() {
        for &m in FirstMsg::ALL {
            two_languages(&format!("{m:?}"), ft(m, Locale::Vi), ft(m, Locale::En));
        }
    }

    #[test]
    fn the_glossary_finds_what_it_avoids() {
        assert_eq!(avoided_in("Xuất bản nháp ra tệp"), vec!["xuất bản"]);
        assert_eq!(avoided_in("để trống: app tính"), vec!["app "]);
        assert!(avoided_in("Xuất nháp ra tệp").is_empty());
        assert!(avoided_in("ứng dụng tính").is_empty());
    }

    #[test]
    fn no_vietnamese_message_uses_an_avoided_word() {
        let mut texts: Vec<(String, &str)> = Vec::new();
        texts.extend(
            Msg::ALL
                .iter()
                .map(|&m| (format!("{m:?}"), t(m, Locale::Vi))),
        );
        texts.extend(
            DraftMsg::ALL
                .iter()
                .map(|&m| (format!("{m:?}"), dt(m, Locale::Vi))),
        );
        texts.extend(
            ModelMsg::ALL
                .iter()
                .map(|&m| (format!("{m:?}"), mt(m, Locale::Vi))),
        );
        texts.extend(
            FirstMsg::ALL
                .iter()
                .map(|&m| (format!("{m:?}"), ft(m, Locale::Vi))),
        );
        for (what, text) in texts {
            assert!(avoided_in(text).is_empty(), "{what}: {text}");
        }
    }
}
