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
