//! Vietnamese and English texts of the end of a term (issue #13): the end-of-term result
//! in the workbench, the evaluation table of the whole model, and the list of what the
//! public pages lack. Kept apart from `i18n` so the feature's words are in one place.

use crate::core::text::numfmt::Locale;

messages! {
/// A text of the end-of-term views.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TermMsg {
    /// Heading of the end-of-term result in the workbench.
    ResultTitle,
    /// Label before the term target.
    Target,
    /// Label before the final result.
    FinalResult,
    /// Label before the latest result (the data end before the term's last year).
    LatestResult,
    /// Label before the margin.
    Margin,
    /// Label before the figure the result rests on.
    RestsOn,
    /// Verdict: achieved.
    Achieved,
    /// Verdict: not achieved.
    NotAchieved,
    /// Verdict: no result yet.
    NoResultYet,
    /// Verdict: not comparable (USD target without a rate, or judged by hand).
    NotComparable,
    /// Heading (and link) of the end-of-term evaluation of the whole model.
    EvaluationTitle,
    /// What the evaluation is, in one sentence.
    EvaluationIntro,
    /// Column: indicator.
    ColIndicator,
    /// Column: term target.
    ColTarget,
    /// Column: result.
    ColResult,
    /// Column: evaluation.
    ColVerdict,
    /// Heading of the list of what the public pages lack.
    GapsTitle,
    /// Button that opens the evaluation.
    OpenEvaluation,
    /// Button that closes the evaluation.
    CloseEvaluation,
    /// Label of the exchange-rate box.
    ExchangeRate,
    /// Hint beside the exchange-rate box.
    ExchangeRateHint,
}
}

/// The text of an end-of-term message.
pub fn tt(msg: TermMsg, locale: Locale) -> &'static str {
    let (vi, en) = match msg {
        TermMsg::ResultTitle => ("Kết quả cuối nhiệm kỳ", "End-of-term result"),
        TermMsg::Target => ("Mục tiêu nhiệm kỳ", "Term target"),
        TermMsg::FinalResult => ("Thực hiện (số cuối kỳ)", "Result (final)"),
        TermMsg::LatestResult => (
            "Thực hiện (số mới nhất, chưa có số năm cuối)",
            "Result (latest; no figure for the last year yet)",
        ),
        TermMsg::Margin => ("Chênh lệch so với mục tiêu", "Difference from the target"),
        TermMsg::RestsOn => ("Dựa trên", "Rests on"),
        TermMsg::Achieved => ("Đạt", "Achieved"),
        TermMsg::NotAchieved => ("Không đạt", "Not achieved"),
        TermMsg::NoResultYet => ("Chưa có số liệu", "No result yet"),
        TermMsg::NotComparable => (
            "Chưa so được (khác đơn vị hoặc đánh giá thủ công)",
            "Not comparable (another unit, or judged by hand)",
        ),
        TermMsg::EvaluationTitle => (
            "Đánh giá kết quả thực hiện cuối nhiệm kỳ",
            "End-of-term evaluation",
        ),
        TermMsg::EvaluationIntro => (
            "Nhiệm kỳ đã kết thúc: mỗi chỉ tiêu được so kết quả cuối kỳ (hoặc số mới nhất) với mục tiêu nhiệm kỳ.",
            "The term is over: each indicator's final (or latest) result is compared with its term target.",
        ),
        TermMsg::ColIndicator => ("Chỉ tiêu", "Indicator"),
        TermMsg::ColTarget => ("Mục tiêu nhiệm kỳ", "Term target"),
        TermMsg::ColResult => ("Thực hiện", "Result"),
        TermMsg::ColVerdict => ("Đánh giá", "Evaluation"),
        TermMsg::GapsTitle => (
            "Chưa có trong các trang công khai — thêm bằng trình sửa mô hình",
            "Not in the public pages yet — add with the model editor",
        ),
        TermMsg::OpenEvaluation => (
            "Xem đánh giá cuối nhiệm kỳ",
            "Show the end-of-term evaluation",
        ),
        TermMsg::CloseEvaluation => ("Đóng đánh giá", "Close the evaluation"),
        TermMsg::ExchangeRate => (
            "Tỷ giá giả định (đồng/USD)",
            "Assumed exchange rate (VND per USD)",
        ),
        TermMsg::ExchangeRateHint => (
            "Mục tiêu tính bằng USD; các trang công khai không nêu tỷ giá, nên bạn nhập tỷ giá giả định cho năm mục tiêu.",
            "The target is in USD; the public pages state no rate, so type the rate you assume for the target year.",
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
    fn every_message_has_two_different_non_empty_texts() {
        for m in TermMsg::ALL {
            let (vi, en) = (tt(*m, Locale::Vi), tt(*m, Locale::En));
            assert!(!vi.is_empty() && !en.is_empty(), "{m:?}");
            assert_ne!(vi, en, "{m:?}");
        }
    }
}
