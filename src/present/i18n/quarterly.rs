//! Vietnamese and English texts of the quarterly growth scenario by sector (kịch bản
//! tăng trưởng theo quý): the view's labels, the names of periods, the cells' problems
//! and the wording of the form sent to the ministry. Kept apart from `i18n` so the
//! feature's words are in one place; the same `Locale` chooses.

use crate::core::plan::quarterly::{CellProblem, PasteError, SeekError, Span};
use crate::core::text::numfmt::Locale;

messages! {
/// A text of the quarterly scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuarterMsg {
    /// Heading (summary) of the section.
    Title,
    /// What the section does, in one paragraph.
    Intro,
    /// Caption of the base table (followed by the year).
    BaseCaption,
    /// Unit of the base table.
    BaseUnit,
    /// Caption of the growth table (followed by the year compared with).
    GrowthCaption,
    /// Caption of the results table.
    ResultsCaption,
    /// Column heading of the first column.
    Indicator,
    /// Label of the paste box.
    PasteLabel,
    /// Button: read the pasted table.
    PasteRun,
    /// Cells read from a paste (after the count).
    PasteDone,
    /// Label of the mark "this quarter is a published result".
    IsResult,
    /// Tag of a result quarter.
    ResultTag,
    /// Tag of a scenario quarter.
    ScenarioTag,
    /// Tag of a period mixing results and scenario.
    MixedTag,
    /// GRDP as a row name.
    Grdp,
    /// Unit suffix of growth rows.
    PercentUnit,
    /// Unit suffix of contribution rows.
    PointsUnit,
    /// Unit of level rows.
    LevelUnit,
    /// Section of growth rows.
    GrowthSection,
    /// Section of contribution rows.
    ContributionSection,
    /// Section of level rows.
    LevelSection,
    /// Heading of the remaining-quarters block.
    SeekTitle,
    /// Label of the target box.
    TargetLabel,
    /// Label of the "by changing" picker.
    SeekBy,
    /// Option: every sector alike.
    AllSectors,
    /// Button: compute the growth needed.
    SeekRun,
    /// Button: put the answer into the remaining quarters.
    SeekApply,
    /// Button: take the year's sector growth into the yearly chain.
    ToChain,
    /// Button: spread the chain's yearly sector growth over the quarters.
    FromChain,
    /// Button: clear the quarterly scenario.
    Reset,
    /// Button: print the form.
    Print,
    /// CSV caption and file name of the form.
    FormCaption,
    /// Title of the form (followed by the year).
    FormTitle,
    /// Price basis line of the form.
    FormBasis,
    /// "Draft:" on the form.
    FormDraft,
    /// "Made on:" on the form.
    FormDate,
    /// No draft open: the form says so.
    NoDraft,
    /// No base yet.
    NoBase,
    /// Heading of the explanation.
    Explanation,
    /// Shown when goal seek is run without a target.
    EnterTarget,
}
}

/// The text of a quarterly-scenario message.
pub fn qt(msg: QuarterMsg, locale: Locale) -> &'static str {
    let (vi, en) = match msg {
        QuarterMsg::Title => (
            "Kịch bản tăng trưởng GRDP theo quý và theo ngành",
            "Quarterly GRDP growth scenario by sector",
        ),
        QuarterMsg::Intro => (
            "Nhập (hoặc dán) quy mô GRDP năm trước theo quý và theo ngành, giá so sánh 2010, và tốc độ tăng từng ngành so với cùng kỳ. 6 tháng, 9 tháng và cả năm được tính từ quy mô (tổng năm nay ÷ tổng năm trước − 1), không lấy bình quân tốc độ các quý. Quý nào đã có số liệu công bố thì đánh dấu \"Đã có kết quả\" và nhập tốc độ thực hiện.",
            "Type (or paste) last year's GRDP by quarter and sector at constant 2010 prices, and each sector's growth on the same quarter of last year. 6 months, 9 months and the year are computed from levels (this year's total ÷ last year's total − 1), never by averaging the quarters' rates. When a quarter is published, tick \"Published result\" and type the published growth.",
        ),
        QuarterMsg::BaseCaption => (
            "Quy mô GRDP theo quý năm",
            "GRDP by quarter in",
        ),
        QuarterMsg::BaseUnit => (
            "tỷ đồng, giá so sánh 2010",
            "billion VND, constant 2010 prices",
        ),
        QuarterMsg::GrowthCaption => (
            "Tốc độ tăng so với cùng kỳ (%), năm",
            "Growth on the same quarter of last year (%),",
        ),
        QuarterMsg::ResultsCaption => (
            "Kết quả theo quý, 6 tháng, 9 tháng và cả năm",
            "Results by quarter, 6 months, 9 months and the year",
        ),
        QuarterMsg::Indicator => ("Chỉ tiêu", "Indicator"),
        QuarterMsg::PasteLabel => (
            "Dán bảng của cơ quan thống kê (các ô cách nhau bằng Tab; dòng theo ngành, cột Quý I … Quý IV)",
            "Paste the statistics office's table (cells separated by tabs; rows by sector, columns Q1 … Q4)",
        ),
        QuarterMsg::PasteRun => ("Đọc bảng đã dán", "Read the pasted table"),
        QuarterMsg::PasteDone => ("ô đã được đọc vào quy mô năm trước.", "cells read into last year's levels."),
        QuarterMsg::IsResult => ("Đã có kết quả", "Published result"),
        QuarterMsg::ResultTag => ("Thực hiện", "Result"),
        QuarterMsg::ScenarioTag => ("Kịch bản", "Scenario"),
        QuarterMsg::MixedTag => ("Thực hiện + kịch bản", "Results + scenario"),
        QuarterMsg::Grdp => ("Tổng sản phẩm (GRDP)", "GRDP"),
        QuarterMsg::PercentUnit => ("%", "%"),
        QuarterMsg::PointsUnit => ("điểm %", "points"),
        QuarterMsg::LevelUnit => ("tỷ đồng", "billion VND"),
        QuarterMsg::GrowthSection => (
            "Tốc độ tăng so với cùng kỳ (%)",
            "Growth on the same period of last year (%)",
        ),
        QuarterMsg::ContributionSection => (
            "Đóng góp vào tăng trưởng GRDP (điểm %)",
            "Contribution to GRDP growth (percentage points)",
        ),
        QuarterMsg::LevelSection => (
            "Quy mô năm nay (tỷ đồng, giá so sánh 2010)",
            "This year's level (billion VND, constant 2010 prices)",
        ),
        QuarterMsg::SeekTitle => (
            "Các quý còn lại cần tăng bao nhiêu để cả năm đạt mục tiêu?",
            "What must the remaining quarters grow for the year to reach its target?",
        ),
        QuarterMsg::TargetLabel => ("Mục tiêu tăng trưởng GRDP cả năm (%)", "The year's GRDP growth target (%)"),
        QuarterMsg::SeekBy => ("bằng cách thay đổi", "by changing"),
        QuarterMsg::AllSectors => ("tất cả các ngành như nhau", "every sector alike"),
        QuarterMsg::SeekRun => ("Tính", "Compute"),
        QuarterMsg::SeekApply => ("Điền vào các quý còn lại", "Put it in the remaining quarters"),
        QuarterMsg::ToChain => (
            "Đưa tăng trưởng ngành cả năm vào kịch bản liên kết theo năm",
            "Take the year's sector growth into the yearly linked scenario",
        ),
        QuarterMsg::FromChain => (
            "Chia tăng trưởng ngành của kịch bản năm cho các quý chưa có kết quả",
            "Spread the yearly scenario's sector growth over the quarters not yet published",
        ),
        QuarterMsg::Reset => ("Xóa kịch bản quý", "Clear the quarterly scenario"),
        QuarterMsg::Print => ("In biểu kịch bản quý", "Print the quarterly form"),
        QuarterMsg::FormCaption => ("Kịch bản tăng trưởng theo quý", "Quarterly growth scenario"),
        QuarterMsg::FormTitle => (
            "Kịch bản tăng trưởng GRDP theo quý năm",
            "Quarterly GRDP growth scenario for",
        ),
        QuarterMsg::FormBasis => (
            "(Theo giá so sánh 2010; tốc độ so với cùng kỳ năm trước)",
            "(Constant 2010 prices; growth on the same period of last year)",
        ),
        QuarterMsg::FormDraft => ("Bản nháp", "Draft"),
        QuarterMsg::FormDate => ("Ngày lập", "Made on"),
        QuarterMsg::NoDraft => ("(chưa lưu thành bản nháp)", "(not saved as a draft)"),
        QuarterMsg::NoBase => (
            "Nhập hoặc dán quy mô GRDP năm trước theo quý để tính kịch bản.",
            "Type or paste last year's GRDP by quarter to compute the scenario.",
        ),
        QuarterMsg::Explanation => ("Cách tính", "How it is computed"),
        QuarterMsg::EnterTarget => ("Nhập mục tiêu tăng trưởng cả năm.", "Enter the year's growth target."),
    };
    match locale {
        Locale::Vi => vi,
        Locale::En => en,
    }
}

/// The name of a period: `Quý I` … `Cả năm`, `Q1` … `Year`.
pub fn span_name(span: Span, locale: Locale) -> &'static str {
    let (vi, en) = match span {
        Span::Quarter(1) => ("Quý I", "Q1"),
        Span::Quarter(2) => ("Quý II", "Q2"),
        Span::Quarter(3) => ("Quý III", "Q3"),
        Span::Quarter(_) => ("Quý IV", "Q4"),
        Span::SixMonths => ("6 tháng", "6 months"),
        Span::NineMonths => ("9 tháng", "9 months"),
        Span::Year => ("Cả năm", "Year"),
    };
    match locale {
        Locale::Vi => vi,
        Locale::En => en,
    }
}

/// What is wrong with a cell, for the note under it.
pub fn cell_problem_text(p: CellProblem, base: bool, locale: Locale) -> &'static str {
    match (p, base, locale) {
        (CellProblem::Missing, true, Locale::Vi) => "thiếu quy mô quý này",
        (CellProblem::Missing, true, Locale::En) => "this quarter's level is missing",
        (CellProblem::Missing, false, Locale::Vi) => "chưa nhập tốc độ",
        (CellProblem::Missing, false, Locale::En) => "no growth typed",
        (CellProblem::NotPositive, _, Locale::Vi) => "quy mô phải lớn hơn 0",
        (CellProblem::NotPositive, _, Locale::En) => "the level must be above 0",
        (CellProblem::AtMostMinus100, _, Locale::Vi) => "tốc độ phải lớn hơn −100%",
        (CellProblem::AtMostMinus100, _, Locale::En) => "growth must be above −100%",
    }
}

/// Why a pasted table gave nothing.
pub fn paste_error_text(e: PasteError, locale: Locale) -> &'static str {
    match (e, locale) {
        (PasteError::Empty, Locale::Vi) => "Chưa dán gì.",
        (PasteError::Empty, Locale::En) => "Nothing was pasted.",
        (PasteError::NoSectorRows, Locale::Vi) => "Không tìm thấy dòng nào theo ngành (Nông, lâm nghiệp và thủy sản; Công nghiệp và xây dựng; Dịch vụ; Thuế sản phẩm) hay bốn dòng số.",
        (PasteError::NoSectorRows, Locale::En) => "No sector rows found (agriculture, industry and construction, services, product taxes), nor four rows of numbers.",
    }
}

/// Why the remaining quarters' growth cannot be found, with the cell to fix.
pub fn seek_error_text(e: SeekError, sector_name: &str, locale: Locale) -> String {
    match (e, locale) {
        (SeekError::NoRemainingQuarters, Locale::Vi) => {
            "Cả bốn quý đã có kết quả: không còn quý nào để thay đổi.".into()
        }
        (SeekError::NoRemainingQuarters, Locale::En) => {
            "All four quarters are results: no quarter is left to change.".into()
        }
        (SeekError::MissingInput { quarter, .. }, Locale::Vi) => format!(
            "Thiếu hoặc sai số liệu của {} quý {quarter}: sửa ô đó rồi tính lại.",
            sector_name.to_lowercase()
        ),
        (SeekError::MissingInput { quarter, .. }, Locale::En) => format!(
            "{sector_name} in Q{quarter} is missing or wrong: correct that cell and compute again."
        ),
        (SeekError::BadTarget, Locale::Vi) => "Mục tiêu không phải là số.".into(),
        (SeekError::BadTarget, Locale::En) => "The target is not a number.".into(),
        (SeekError::Unreachable { .. }, Locale::Vi) => {
            "Các quý đã có vượt mục tiêu quá xa: các quý còn lại phải giảm từ 100% trở lên, không thể.".into()
        }
        (SeekError::Unreachable { .. }, Locale::En) => {
            "The quarters already given pass the target by so much that the rest would have to fall by 100% or more, which cannot be.".into()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::plan::chain::Sector;
    use crate::present::i18n::tests::two_languages;

    #[test]
    fn every_quarterly_text_has_two_languages() {
        for &m in QuarterMsg::ALL {
            if m == QuarterMsg::PercentUnit {
                continue; // "%" is the same in both languages
            }
            two_languages(&format!("{m:?}"), qt(m, Locale::Vi), qt(m, Locale::En));
        }
        for s in Span::ALL {
            two_languages(s.id(), span_name(s, Locale::Vi), span_name(s, Locale::En));
        }
        for p in [
            CellProblem::Missing,
            CellProblem::NotPositive,
            CellProblem::AtMostMinus100,
        ] {
            for base in [true, false] {
                let (vi, en) = (
                    cell_problem_text(p, base, Locale::Vi),
                    cell_problem_text(p, base, Locale::En),
                );
                two_languages(&format!("{p:?}"), vi, en);
            }
        }
        for e in [PasteError::Empty, PasteError::NoSectorRows] {
            two_languages(
                &format!("{e:?}"),
                paste_error_text(e, Locale::Vi),
                paste_error_text(e, Locale::En),
            );
        }
        for e in [
            SeekError::NoRemainingQuarters,
            SeekError::MissingInput {
                sector: Sector::Services,
                quarter: 3,
            },
            SeekError::BadTarget,
            SeekError::Unreachable { needed: -120.0 },
        ] {
            two_languages(
                &format!("{e:?}"),
                &seek_error_text(e, "Dịch vụ", Locale::Vi),
                &seek_error_text(e, "Services", Locale::En),
            );
        }
    }
}
