//! Words of the chance feature: ranges on assumptions, the chance of reaching a target,
//! its fan chart and the inputs that matter most, and what a "chance" means here. Both
//! languages, like `i18n::drafts`.

use crate::core::text::numfmt::Locale;

messages! {
/// A word or sentence of the chance feature.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChanceMsg {
    /// Heading of the chance section.
    Title,
    /// Column heading of the low ends of ranges.
    RangeLowHeading,
    /// Column heading of the high ends of ranges.
    RangeHighHeading,
    /// Accessible label of the low end.
    Low,
    /// Accessible label of the high end.
    High,
    /// Hint when no range is typed.
    NoRanges,
    /// Echo of a range that does not read.
    BadRange,
    /// Heading of the fan chart.
    FanTitle,
    /// 10th percentile.
    P10,
    /// Median.
    P50,
    /// 90th percentile.
    P90,
    /// Heading of the bars of inputs.
    DriversTitle,
    /// What the bars measure.
    DriversHint,
    /// What a chance means.
    Meaning,
    /// What it does not mean.
    NotAForecast,
    /// How the runs are drawn.
    HowDrawn,
    /// Button: take the range from past years.
    FromHistory,
    /// Label of the seed input.
    Seed,
    /// Heading of the chain's chances.
    ChainTitle,
    /// A chance that cannot be worked out.
    NotAssessable,
    /// Column heading: year.
    Year,
    /// Heading of the quarterly ranges.
    QuarterTitle,
    /// What the quarterly ranges do.
    QuarterHint,
    /// The quarterly chance cannot be worked out.
    QuarterNotAssessable,
    /// Button of a chain row: take its ranges from past years.
    ChainFromHistory,
    /// A chain input the model's past results do not give.
    NoHistory,
}
}

/// The text of `msg` in `locale`.
pub fn cht(msg: ChanceMsg, locale: Locale) -> &'static str {
    let (vi, en) = match msg {
        ChanceMsg::Title => ("Khả năng đạt mục tiêu", "Chance of reaching the target"),
        ChanceMsg::RangeLowHeading => ("Khoảng: thấp nhất", "Range: low"),
        ChanceMsg::RangeHighHeading => ("Khoảng: cao nhất", "Range: high"),
        ChanceMsg::Low => ("thấp nhất", "low"),
        ChanceMsg::High => ("cao nhất", "high"),
        ChanceMsg::NoRanges => (
            "Nhập khoảng thấp – cao cho một giả định để xem khả năng đạt mục tiêu.",
            "Type a low – high range for an assumption to see the chance of reaching the target.",
        ),
        ChanceMsg::BadRange => (
            "cần hai số, số thấp không lớn hơn số cao",
            "needs two numbers, the low one not above the high one",
        ),
        ChanceMsg::FanTitle => (
            "Dải kết quả theo năm (phân vị 10, 50, 90)",
            "Spread of results by year (10th, 50th, 90th percentile)",
        ),
        ChanceMsg::P10 => ("Phân vị 10", "10th percentile"),
        ChanceMsg::P50 => ("Trung vị", "Median"),
        ChanceMsg::P90 => ("Phân vị 90", "90th percentile"),
        ChanceMsg::DriversTitle => ("Giả định quyết định nhiều nhất", "Inputs that matter most"),
        ChanceMsg::DriversHint => (
            "Mỗi thanh: kết quả năm mục tiêu thay đổi bao nhiêu khi riêng giả định đó đi từ số thấp đến số cao, các giả định khác ở mức khả dĩ nhất.",
            "Each bar: how much the target-year result moves when that input alone goes from its low to its high end, the others at their likely values.",
        ),
        ChanceMsg::Meaning => (
            "Khả năng là tỷ lệ số lần chạy đạt mục tiêu khi mỗi giả định lấy ngẫu nhiên một giá trị trong khoảng đã nhập (phân phối tam giác: dày nhất ở mức khả dĩ nhất).",
            "The chance is the share of runs that reach the target when each assumption takes a random value in its range (a triangular distribution, densest at its likely value).",
        ),
        ChanceMsg::NotAForecast => (
            "Đây là độ rộng của các giả định, không phải dự báo: nó không tính đến điều chưa ai nhập (thiên tai, điều chỉnh số liệu, chính sách mới) và chỉ đúng bằng các khoảng đã nhập.",
            "This is the spread of the assumptions, not a forecast: it leaves out what no one typed (disasters, data revisions, new policies) and is only as good as the ranges.",
        ),
        ChanceMsg::HowDrawn => (
            "Các lần chạy dùng một bộ sinh số có hạt giống, nên cùng hạt giống cho cùng kết quả trên mọi máy; hạt giống được lưu trong bản nháp.",
            "The runs use a seeded generator, so the same seed gives the same answer on every machine; the seed is kept in the draft.",
        ),
        ChanceMsg::FromHistory => (
            "Lấy khoảng từ các năm đã qua",
            "Take the range from past years",
        ),
        ChanceMsg::Seed => ("Hạt giống", "Seed"),
        ChanceMsg::ChainTitle => (
            "Khả năng đạt các mục tiêu chuỗi tăng trưởng tính ra",
            "Chance of reaching the targets the chain computes",
        ),
        ChanceMsg::NotAssessable => (
            "chưa tính được (thiếu mục tiêu hoặc số liệu)",
            "cannot be worked out (no target or data)",
        ),
        ChanceMsg::Year => ("Năm", "Year"),
        ChanceMsg::QuarterTitle => (
            "Khoảng tăng trưởng theo quý và khả năng đạt mục tiêu cả năm",
            "Quarterly growth ranges and the chance of the year's target",
        ),
        ChanceMsg::QuarterHint => (
            "Nhập khoảng thấp – cao cho tốc độ tăng của một ngành trong một quý; các ô không có khoảng giữ số đã nhập ở bảng trên.",
            "Type a low – high range for a sector's growth in a quarter; cells without a range keep the number typed in the table above.",
        ),
        ChanceMsg::QuarterNotAssessable => (
            "chưa tính được (cần đủ quy mô năm trước, tốc độ tăng và mục tiêu cả năm)",
            "cannot be worked out (needs every base level, every growth and the year's target)",
        ),
        ChanceMsg::ChainFromHistory => ("Khoảng từ các năm đã qua", "Range from past years"),
        ChanceMsg::NoHistory => (
            "Số liệu các năm đã qua không cho khoảng của giả định này.",
            "The past results do not give a range for this input.",
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
    fn every_message_has_two_different_languages() {
        for &m in ChanceMsg::ALL {
            let (vi, en) = (cht(m, Locale::Vi), cht(m, Locale::En));
            assert!(!vi.is_empty() && !en.is_empty(), "{m:?}");
            assert_ne!(vi, en, "{m:?}");
        }
    }
}
