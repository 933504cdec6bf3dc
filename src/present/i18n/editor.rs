//! Words of the model editor's forms added for issue #12: a new indicator, the
//! comparator and the term target of the chosen one, and the preview's pairing of a
//! level row with its growth row. Both languages, like `i18n::models`.

use crate::core::text::numfmt::Locale;

messages! {
/// A word or sentence of the editor's forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditorMsg {
    /// Legend of the add-indicator form.
    NewIndicatorHeading,
    /// Label of the new indicator's name.
    NewIndicatorName,
    /// Label of the new indicator's group.
    NewIndicatorGroup,
    /// Label of the new indicator's unit.
    NewIndicatorUnit,
    /// Label of the new indicator's direction.
    NewIndicatorDirection,
    /// Label of the new indicator's kind of target.
    NewIndicatorTargetKind,
    /// Label of the chosen indicator's comparator.
    Comparator,
    /// No comparator.
    ComparatorNone,
    /// ≥.
    ComparatorAtLeast,
    /// >.
    ComparatorMoreThan,
    /// ≤.
    ComparatorAtMost,
    /// <.
    ComparatorLessThan,
    /// Legend of the term-target form.
    TermTargetHeading,
    /// Label of the term target's value.
    TermTargetValue,
    /// Label of the term target's source document.
    TermTargetSourceTitle,
    /// Label of the term target's source date.
    TermTargetSourceDate,
    /// Label of the words quoted for the term target.
    TermTargetSourceQuote,
    /// The set-target button.
    TermTargetSet,
    /// Form error: no name.
    NeedName,
    /// Form error: no unit chosen, or one the model does not know.
    NeedUnit,
    /// Preview: a level row and its growth row made one indicator.
    PairedWith,
    /// Preview: the button that keeps the two rows apart.
    Unpair,
    /// Preview: the button that makes them one indicator again.
    Pair,
    /// Preview: two rows kept apart that could be one indicator.
    PairOffered,
}
}

/// The text of `msg` in `locale`.
pub fn et(msg: EditorMsg, locale: Locale) -> &'static str {
    let (vi, en) = match msg {
        EditorMsg::NewIndicatorHeading => ("Thêm chỉ tiêu mới", "Add a new indicator"),
        EditorMsg::NewIndicatorName => ("Tên chỉ tiêu mới", "Name of the new indicator"),
        EditorMsg::NewIndicatorGroup => ("Nhóm của chỉ tiêu mới", "Group of the new indicator"),
        EditorMsg::NewIndicatorUnit => {
            ("Đơn vị tính của chỉ tiêu mới", "Unit of the new indicator")
        }
        EditorMsg::NewIndicatorDirection => (
            "Chiều tốt hơn của chỉ tiêu mới",
            "New indicator is better when",
        ),
        EditorMsg::NewIndicatorTargetKind => (
            "Loại mục tiêu của chỉ tiêu mới",
            "Kind of target of the new indicator",
        ),
        EditorMsg::Comparator => ("So sánh của mục tiêu", "Comparator of the target"),
        EditorMsg::ComparatorNone => ("Không có (đúng bằng)", "None (exactly)"),
        EditorMsg::ComparatorAtLeast => ("≥ từ … trở lên", "≥ at least"),
        EditorMsg::ComparatorMoreThan => ("> trên", "> more than"),
        EditorMsg::ComparatorAtMost => ("≤ không quá", "≤ at most"),
        EditorMsg::ComparatorLessThan => ("< dưới", "< less than"),
        EditorMsg::TermTargetHeading => (
            "Mục tiêu cả nhiệm kỳ (mục tiêu mới là một lần cập nhật mới; mục tiêu cũ vẫn được giữ)",
            "Target for the whole term (a new target is a new vintage; the old one is kept)",
        ),
        EditorMsg::TermTargetValue => ("Mục tiêu (ví dụ ≥ 10 %)", "Target (e.g. ≥ 10 %)"),
        EditorMsg::TermTargetSourceTitle => {
            ("Văn bản nêu mục tiêu", "Document that sets the target")
        }
        EditorMsg::TermTargetSourceDate => (
            "Ngày của văn bản nêu mục tiêu",
            "Date of the document that sets the target",
        ),
        EditorMsg::TermTargetSourceQuote => (
            "Câu trích hoặc trang nêu mục tiêu",
            "Words quoted or page of the target",
        ),
        EditorMsg::TermTargetSet => ("Đặt mục tiêu", "Set the target"),
        EditorMsg::NeedName => ("Hãy nhập tên chỉ tiêu.", "Type the indicator's name."),
        EditorMsg::NeedUnit => ("Hãy chọn đơn vị tính.", "Choose the unit."),
        EditorMsg::PairedWith => (
            "gộp với tốc độ tăng trưởng ở dòng",
            "joined with the growth rates of row",
        ),
        EditorMsg::Unpair => ("Tách thành hai chỉ tiêu", "Keep as two indicators"),
        EditorMsg::Pair => ("Gộp thành một chỉ tiêu", "Make one indicator"),
        EditorMsg::PairOffered => (
            "có thể gộp với tốc độ tăng trưởng ở dòng",
            "could be joined with the growth rates of row",
        ),
    };
    match locale {
        Locale::Vi => vi,
        Locale::En => en,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_has_both_languages_and_they_differ() {
        for &m in EditorMsg::ALL {
            let (vi, en) = (et(m, Locale::Vi), et(m, Locale::En));
            assert!(!vi.is_empty() && !en.is_empty(), "{m:?}");
            assert_ne!(vi, en, "{m:?}");
        }
    }
}
