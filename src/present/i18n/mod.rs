//! The interface's words in Vietnamese and English ([`Msg`], [`t`]; the drafts feature's
//! are in [`drafts`]), and the phrasing of figures ("khoảng 18.938,78 tỷ đồng", "about
//! 18,938.78 billion VND").
//!
//! Part of the view layer but free of browser crates, so it is tested on the host. Core
//! error types keep short English `Display` texts for logs; what a person reads is here.

/// Declares a message enum together with `ALL`, the list of every variant in declaration
/// order, written by the compiler from the declaration itself: a new message cannot be
/// left out of the tests that walk `ALL`.
macro_rules! messages {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $($(#[$vmeta:meta])* $variant:ident,)*
        }
    ) => {
        $(#[$meta])*
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];
        }
    };
}

pub mod as_of;
pub mod chance;
pub mod drafts;
pub mod editor;
pub mod first_hour;
pub mod models;
pub mod numbers;
pub mod prerender;
pub mod quarterly;
pub mod targets;
pub mod term;

use crate::core::model::load::DataError;
use crate::core::model::{
    Amount, Comparator, Figure, FigureKind, Localized, Measure, Model, Period,
};
use crate::core::plan::summary::PlanStatus;
use crate::core::text::numfmt::format_number;
pub use crate::core::text::numfmt::Locale;
use crate::core::text::numparse::{Ambiguity, NumberParseError};

/// Decimals shown for figures from documents: enough to show every number as written.
pub const SOURCE_DECIMALS: u8 = 4;
/// Decimals shown for values the app computes.
pub const COMPUTED_DECIMALS: u8 = 2;

messages! {
/// A piece of interface text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Msg {
    /// Name of the app.
    AppTitle,
    /// Label of the language switch (names the other language).
    SwitchLanguage,
    /// Accessible label of the language switch.
    SwitchLanguageLabel,
    /// Label of the model picker.
    ModelPicker,
    /// Label of the search box.
    Search,
    /// Placeholder of the search box.
    SearchPlaceholder,
    /// Column: indicator.
    ColIndicator,
    /// Column: unit.
    ColUnit,
    /// Column: latest result.
    ColLatest,
    /// Column: plan for that year.
    ColPlan,
    /// Column: share of plan reached.
    ColAttainment,
    /// Column: term target.
    ColTermTarget,
    /// Column: period.
    ColPeriod,
    /// Column: kind.
    ColKind,
    /// Column: value.
    ColValue,
    /// Column: source.
    ColSource,
    /// Shown for an empty cell.
    NoData,
    /// Result marker.
    Actual,
    /// Estimate marker.
    Estimate,
    /// Plan.
    Plan,
    /// Term target.
    TermTarget,
    /// Derived value.
    Derived,
    /// Status: met.
    StatusMet,
    /// Status: exceeded.
    StatusExceeded,
    /// Status: missed.
    StatusMissed,
    /// Plan implied by the stated attainment.
    PlanFromAttainment,
    /// Attainment computed by the app.
    ComputedByApp,
    /// Button to open an indicator's figures and sources.
    ShowSources,
    /// Button to close the detail panel.
    Close,
    /// Heading of the detail panel.
    FiguresAndSources,
    /// Label before a document title.
    Document,
    /// Label before a date.
    Date,
    /// Label before a formula.
    Formula,
    /// Label before a note.
    Note,
    /// No indicator matches the search.
    NoMatches,
    /// Count of indicators shown.
    IndicatorsShown,
    /// Banner when some shipped data failed validation.
    DataProblems,
    /// Price basis: constant 2010 prices.
    Constant2010,
    /// Price basis: current prices.
    CurrentPrices,
    /// Public report marker.
    PublicReport,
    /// Skip link.
    SkipToContent,
    /// Term label.
    Term,
    /// Undated document.
    Undated,
    /// Footer text about where the data come from.
    DataFooter,
    /// Heading of the "what is needed" panel.
    WhatIsNeeded,
    /// Label of the pace needed.
    PaceNeeded,
    /// Label of the pace achieved.
    PaceAchieved,
    /// Label of the planned pace.
    PacePlanned,
    /// Label of the start-year picker.
    StartFrom,
    /// Caption of the assumptions table.
    Assumptions,
    /// Column: year.
    Year,
    /// Column: assumed growth.
    AssumedGrowth,
    /// Column: assumed amount.
    AssumedAmount,
    /// Column: what the app understood.
    Understood,
    /// Button: reset one input.
    Reset,
    /// Button: reset every input.
    ResetAll,
    /// Label of the goal-seek year picker.
    GoalSeekYear,
    /// Button: run goal seek.
    GoalSeekRun,
    // --- Reports (print layout and CSV export) ---
    /// Button: download a table as CSV.
    CsvExport,
    /// Tooltip of the CSV button.
    CsvExportHint,
    /// The CSV file could not be saved.
    CsvFailed,
    /// Button: print the report.
    PrintReport,
    /// Button: print the open indicator's scenario.
    PrintScenario,
    /// Title of the printed dashboard report.
    ReportTitle,
    /// Title of the printed scenario report.
    ScenarioReportTitle,
    /// Label before the province.
    ReportProvince,
    /// Label before the date printed.
    PrintedOn,
    /// Label before the search filter of a printed report.
    FilteredBy,
    /// Heading of the list of source documents.
    ReportSources,
    /// Note under a report table: what an empty cell means.
    ReportNote,
    /// Report column: row number.
    RepNumber,
    /// Report column: unit of measure.
    RepUnit,
    /// Report column: plan.
    RepPlan,
    /// Report column: result or estimate.
    RepActual,
    /// Report column: comparison with the same period of the year before.
    RepSamePeriod,
    /// Label before the status against the term target.
    RepTermStatus,
    /// Label of the scenario's verdict in a printed report.
    RepScenarioVerdict,
    /// Heading of the scenario path table.
    ScenarioPath,
    // --- Offline and embedding ---
    /// Update banner: a new version is ready.
    UpdateAvailable,
    /// Update banner: the current version keeps working until the person reloads.
    UpdateKeepsWorking,
    /// Update banner button: reload into the new version.
    UpdateReload,
    /// Update banner button: hide the banner for now.
    UpdateLater,
    /// Embed mode: link to the full app (opens a new tab).
    EmbedOpenFull,
    /// Embed mode: drafts made in the portal are kept apart from the standalone app's.
    EmbedDraftsApart,
    /// Embed mode: the indicator or group in the link does not exist.
    EmbedNotFound,
    /// Embed mode: framed by a page that is not a configured portal.
    EmbedUntrustedFrame,
}
}

/// The text of `msg` in `locale`.
pub fn t(msg: Msg, locale: Locale) -> &'static str {
    let (vi, en) = match msg {
        Msg::AppTitle => ("Theo dõi chỉ tiêu kế hoạch", "Plan target tracker"),
        Msg::SwitchLanguage => ("English", "Tiếng Việt"),
        Msg::SwitchLanguageLabel => ("Chuyển sang tiếng Anh", "Switch to Vietnamese"),
        Msg::ModelPicker => ("Tỉnh và nhiệm kỳ", "Province and term"),
        Msg::Search => ("Tìm chỉ tiêu", "Search indicators"),
        Msg::SearchPlaceholder => (
            "Ví dụ: GRDP, sâm Ngọc Linh, hộ nghèo",
            "e.g. GRDP, ginseng, poverty",
        ),
        Msg::ColIndicator => ("Chỉ tiêu", "Indicator"),
        Msg::ColUnit => ("Đơn vị", "Unit"),
        Msg::ColLatest => ("Kết quả mới nhất", "Latest result"),
        Msg::ColPlan => ("Kế hoạch năm", "Plan for the year"),
        Msg::ColAttainment => ("% so kế hoạch", "% of plan"),
        Msg::ColTermTarget => ("Mục tiêu nhiệm kỳ", "Term target"),
        Msg::ColPeriod => ("Kỳ", "Period"),
        Msg::ColKind => ("Loại số liệu", "Kind"),
        Msg::ColValue => ("Giá trị", "Value"),
        Msg::ColSource => ("Nguồn", "Source"),
        Msg::NoData => ("—", "—"),
        Msg::Actual => ("thực hiện", "actual"),
        Msg::Estimate => ("ước thực hiện", "estimate"),
        Msg::Plan => ("kế hoạch", "plan"),
        Msg::TermTarget => ("mục tiêu nhiệm kỳ", "term target"),
        Msg::Derived => ("tính toán", "derived"),
        Msg::StatusMet => ("đạt", "met"),
        Msg::StatusExceeded => ("vượt", "exceeded"),
        Msg::StatusMissed => ("không đạt", "missed"),
        Msg::PlanFromAttainment => (
            "suy ra từ tỷ lệ đạt kế hoạch",
            "implied by the share of plan reached",
        ),
        Msg::ComputedByApp => (
            "tính từ kết quả và kế hoạch",
            "computed from result and plan",
        ),
        Msg::ShowSources => ("Số liệu và nguồn", "Figures and sources"),
        Msg::Close => ("Đóng", "Close"),
        Msg::FiguresAndSources => ("Số liệu và nguồn", "Figures and sources"),
        Msg::Document => ("Văn bản", "Document"),
        Msg::Date => ("Ngày", "Date"),
        Msg::Formula => ("Công thức", "Formula"),
        Msg::Note => ("Ghi chú", "Note"),
        Msg::NoMatches => ("Không có chỉ tiêu nào khớp.", "No indicator matches."),
        Msg::IndicatorsShown => ("chỉ tiêu", "indicators"),
        Msg::DataProblems => (
            "Một số dữ liệu đi kèm không hợp lệ và đã được bỏ qua:",
            "Some shipped data failed validation and was left out:",
        ),
        Msg::Constant2010 => ("giá so sánh 2010", "constant 2010 prices"),
        Msg::CurrentPrices => ("giá hiện hành", "current prices"),
        Msg::PublicReport => ("báo cáo công khai", "public report"),
        Msg::SkipToContent => ("Chuyển đến nội dung", "Skip to content"),
        Msg::Term => ("Nhiệm kỳ", "Term"),
        Msg::Undated => ("không ghi ngày", "undated"),
        Msg::DataFooter => (
            "Số liệu trích từ văn bản của tỉnh và báo cáo công khai; mỗi số liệu ghi rõ nguồn.",
            "Figures quoted from provincial documents and public reports; each names its source.",
        ),
        Msg::WhatIsNeeded => (
            "Cần đạt gì để hoàn thành mục tiêu nhiệm kỳ",
            "What is needed to meet the term target",
        ),
        Msg::PaceNeeded => ("Tốc độ cần đạt", "Pace needed"),
        Msg::PaceAchieved => ("Tốc độ đã đạt", "Pace achieved"),
        Msg::PacePlanned => ("Tốc độ theo kế hoạch", "Planned pace"),
        Msg::StartFrom => ("Tính từ kết quả năm", "Start from the result of"),
        Msg::Assumptions => (
            "Giả định cho các năm còn lại (để trống: tự tính mức cần đạt)",
            "Assumptions for the years left (blank: solved for)",
        ),
        Msg::Year => ("Năm", "Year"),
        Msg::AssumedGrowth => ("Tốc độ tăng giả định (%)", "Assumed growth (%)"),
        Msg::AssumedAmount => ("Lượng giả định trong năm", "Assumed amount in the year"),
        Msg::Understood => ("Được hiểu là", "Read as"),
        Msg::Reset => ("Đặt lại", "Reset"),
        Msg::ResetAll => ("Đặt lại tất cả giả định", "Reset all assumptions"),
        Msg::GoalSeekYear => ("Tìm giá trị cần cho năm", "Goal seek the value for"),
        Msg::GoalSeekRun => ("Tìm", "Seek"),
        // --- Reports (print layout and CSV export) ---
        Msg::CsvExport => ("Tải CSV", "Download CSV"),
        Msg::CsvExportHint => (
            "Tải bảng này dạng CSV (mở bằng Excel)",
            "Download this table as CSV (opens in Excel)",
        ),
        Msg::CsvFailed => (
            "Không lưu được tệp CSV. Hãy thử lại.",
            "The CSV file could not be saved. Please try again.",
        ),
        Msg::PrintReport => ("In báo cáo", "Print report"),
        Msg::PrintScenario => ("In kịch bản", "Print scenario"),
        Msg::ReportTitle => (
            "BÁO CÁO TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI",
            "REPORT ON THE SOCIO-ECONOMIC DEVELOPMENT PLAN TARGETS",
        ),
        Msg::ScenarioReportTitle => (
            "KỊCH BẢN THỰC HIỆN MỤC TIÊU NHIỆM KỲ",
            "SCENARIO FOR MEETING THE TERM TARGET",
        ),
        Msg::ReportProvince => ("Tỉnh", "Province"),
        Msg::PrintedOn => ("Ngày in", "Printed on"),
        Msg::FilteredBy => ("Lọc theo", "Filtered by"),
        Msg::ReportSources => ("Nguồn số liệu", "Sources"),
        Msg::ReportNote => (
            "Số liệu theo đúng văn bản nêu ở mục nguồn; ô có dấu — là văn bản không nêu số liệu đó.",
            "Figures as stated in the documents listed under sources; a cell with — means no document gives that figure.",
        ),
        Msg::RepNumber => ("TT", "No."),
        Msg::RepUnit => ("Đơn vị tính", "Unit"),
        Msg::RepPlan => ("Kế hoạch", "Plan"),
        Msg::RepActual => ("Thực hiện / Ước thực hiện", "Result / estimate"),
        Msg::RepSamePeriod => ("So cùng kỳ", "Vs same period last year"),
        Msg::RepTermStatus => ("Đánh giá khả năng hoàn thành", "Assessment"),
        Msg::RepScenarioVerdict => ("Kịch bản (theo giả định)", "Scenario (with the assumptions)"),
        Msg::ScenarioPath => (
            "Diễn biến theo năm: thực hiện, kế hoạch và kịch bản",
            "Year by year: results, plans and the scenario",
        ),
        // --- Offline and embedding ---
        Msg::UpdateAvailable => (
            "Đã có phiên bản mới của ứng dụng.",
            "A new version is available.",
        ),
        Msg::UpdateKeepsWorking => (
            "Phiên bản đang dùng vẫn chạy bình thường; tải lại khi bạn sẵn sàng.",
            "This version keeps working; reload when you are ready.",
        ),
        Msg::UpdateReload => ("Tải lại để dùng phiên bản mới", "Reload to use the new version"),
        Msg::UpdateLater => ("Để sau", "Later"),
        Msg::EmbedOpenFull => (
            "Mở ứng dụng đầy đủ (thẻ mới)",
            "Open the full app (new tab)",
        ),
        Msg::EmbedDraftsApart => (
            "Bản nháp tạo trong cổng thông tin được lưu riêng, tách khỏi bản nháp tạo khi mở ứng dụng trực tiếp: trình duyệt lưu dữ liệu riêng cho từng trang nhúng.",
            "Drafts made inside the portal are kept apart from drafts made in the standalone app: browsers keep storage separately for each embedding site.",
        ),
        Msg::EmbedUntrustedFrame => (
            "Trang đang nhúng ứng dụng này không phải cổng thông tin đã được cấu hình. Hãy mở ứng dụng trực tiếp bằng liên kết ở trên.",
            "The page embedding this app is not a configured portal. Open the app directly with the link above.",
        ),
        Msg::EmbedNotFound => (
            "Không tìm thấy chỉ tiêu hoặc nhóm chỉ tiêu trong đường dẫn.",
            "The indicator or group in the link was not found.",
        ),
    };
    match locale {
        Locale::Vi => vi,
        Locale::En => en,
    }
}

/// Picks the text of a localized value.
pub fn pick(text: &Localized, locale: Locale) -> &str {
    match locale {
        Locale::Vi => &text.vi,
        Locale::En => &text.en,
    }
}

/// Label of a figure kind.
pub fn kind_label(kind: FigureKind, locale: Locale) -> &'static str {
    let msg = match kind {
        FigureKind::Actual => Msg::Actual,
        FigureKind::Estimate => Msg::Estimate,
        FigureKind::Plan => Msg::Plan,
        FigureKind::TermTarget => Msg::TermTarget,
        FigureKind::Derived => Msg::Derived,
    };
    t(msg, locale)
}

/// Label of a plan status.
pub fn status_label(status: PlanStatus, locale: Locale) -> &'static str {
    t(
        match status {
            PlanStatus::Met => Msg::StatusMet,
            PlanStatus::Exceeded => Msg::StatusExceeded,
            PlanStatus::Missed => Msg::StatusMissed,
        },
        locale,
    )
}

/// A period in words ("6 tháng đầu năm 2022", "H1 2022").
pub fn period_text(period: Period, locale: Locale) -> String {
    const MONTHS_EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month_en = |m: u8| {
        MONTHS_EN
            .get(usize::from(m).saturating_sub(1))
            .copied()
            .unwrap_or("")
    };
    match (period, locale) {
        (Period::Year(y), _) => y.to_string(),
        (Period::Half(y, 1), Locale::Vi) => format!("6 tháng đầu năm {y}"),
        (Period::Half(y, _), Locale::Vi) => format!("6 tháng cuối năm {y}"),
        (Period::Half(y, h), Locale::En) => format!("H{h} {y}"),
        (Period::Quarter(y, q), Locale::Vi) => format!("Quý {q}/{y}"),
        (Period::Quarter(y, q), Locale::En) => format!("Q{q} {y}"),
        (Period::YearToDate(y, m), Locale::Vi) => format!("{m} tháng đầu năm {y}"),
        (Period::YearToDate(y, m), Locale::En) => format!("Jan–{} {y}", month_en(m)),
        (Period::Years(a, b), _) => format!("{a}–{b}"),
        (Period::Date(y, m, d), Locale::Vi) => format!("{d:02}/{m:02}/{y}"),
        (Period::Date(y, m, d), Locale::En) => format!("{d} {} {y}", month_en(m)),
    }
}

/// The name of a unit in `locale`, or its id when unknown.
pub fn unit_name<'a>(model: &'a Model, unit: &'a str, locale: Locale) -> &'a str {
    model.unit(unit).map_or(unit, |u| pick(&u.name, locale))
}

/// A number followed by its unit: `7,32%` or `18.938,78 tỷ đồng`.
pub fn with_unit(value: &str, unit: &str) -> String {
    if unit == "%" {
        format!("{value}%")
    } else {
        format!("{value} {unit}")
    }
}

fn amount_number(amount: Amount, locale: Locale, decimals: u8) -> String {
    match amount {
        Amount::Point(v) => format_number(v, locale, decimals),
        Amount::Range(lo, hi) => format!(
            "{}–{}",
            format_number(lo, locale, decimals),
            format_number(hi, locale, decimals)
        ),
    }
}

/// A figure's value in words, with its comparator, unit and measure, in the words of
/// the documents: "khoảng 18.938,78 tỷ đồng", "tăng 7,32%", "đạt 97,62% kế hoạch",
/// "bình quân từ 10%/năm trở lên", "thứ 22", "tăng 24 bậc" (a rank that moves up).
/// A derived figure is rounded to its unit's decimals (`present::precision`).
pub fn figure_value_text(model: &Model, figure: &Figure, locale: Locale) -> String {
    let decimals = crate::present::precision::figure_decimals(model, figure);
    let negative = matches!(figure.amount, Amount::Point(v) if v < 0.0)
        || matches!(figure.amount, Amount::Range(_, hi) if hi < 0.0);
    let magnitude = match figure.amount {
        Amount::Point(v) => Amount::Point(v.abs()),
        Amount::Range(lo, hi) if hi < 0.0 => Amount::Range(hi.abs(), lo.abs()),
        other => other,
    };
    let moves = matches!(figure.measure, Measure::Growth | Measure::Change);
    let shown = if moves { magnitude } else { figure.amount };
    let number = amount_number(shown, locale, decimals);
    let rank = model
        .unit(&figure.unit)
        .is_some_and(|u| u.dimension == "rank");
    // A fall is shown by its size after "giảm"; its comparator turns round with it:
    // a change "≤ −3" is a fall of at least 3.
    let comparator = match (shown == figure.amount, figure.comparator) {
        (false, Some(Comparator::AtMost)) => Some(Comparator::AtLeast),
        (false, Some(Comparator::LessThan)) => Some(Comparator::MoreThan),
        (false, Some(Comparator::AtLeast)) => Some(Comparator::AtMost),
        (false, Some(Comparator::MoreThan)) => Some(Comparator::LessThan),
        (_, c) => c,
    };
    let valued = match (rank, moves) {
        (true, true) => targets::rank_places(&number, locale),
        (true, false) => targets::rank_place(&number, locale),
        (false, _) => with_unit(&number, unit_name(model, &figure.unit, locale)),
    };
    let valued = if figure.measure == Measure::AverageGrowth {
        format!("{valued}{}", targets::per_year(locale))
    } else {
        valued
    };
    let core = targets::with_comparator(
        comparator,
        &valued,
        matches!(shown, Amount::Range(..)),
        locale,
    );
    let about = if figure.approx {
        match locale {
            Locale::Vi => "khoảng ",
            Locale::En => "about ",
        }
    } else {
        ""
    };
    let text = match (figure.measure, locale) {
        (Measure::Level, _) => core,
        (Measure::Growth | Measure::Change, _) if rank => {
            format!("{} {core}", targets::rank_move_word(negative, locale))
        }
        (Measure::Growth | Measure::Change, Locale::Vi) => {
            format!("{} {core}", if negative { "giảm" } else { "tăng" })
        }
        (Measure::Growth | Measure::Change, Locale::En) => {
            format!("{} {core}", if negative { "down" } else { "up" })
        }
        (Measure::Index, Locale::Vi) => format!("bằng {core} cùng kỳ"),
        (Measure::Index, Locale::En) => format!("{core} of the previous period"),
        (Measure::Attainment, Locale::Vi) => format!("đạt {core} kế hoạch"),
        (Measure::Attainment, Locale::En) => format!("{core} of plan"),
        (Measure::AverageGrowth, Locale::Vi) => format!("bình quân {core}"),
        (Measure::AverageGrowth, Locale::En) => format!("average {core}"),
        (Measure::Cumulative, Locale::Vi) => format!("lũy kế {core}"),
        (Measure::Cumulative, Locale::En) => format!("cumulative {core}"),
    };
    format!("{about}{text}")
}

/// A data-validation problem in words, for the banner shown when shipped data fail.
/// Ids, file names and values are data and stay as written; the rest is in `locale`.
pub fn data_error_text(error: &DataError, locale: Locale) -> String {
    let vi = matches!(locale, Locale::Vi);
    let kind = |what: &str| -> String {
        let words = match what {
            "document" => ("tài liệu", "document"),
            "group" => ("nhóm", "group"),
            "indicator" => ("chỉ tiêu", "indicator"),
            "additions indicator" => ("chỉ tiêu cộng thêm", "additions indicator"),
            "unit" => ("đơn vị", "unit"),
            other => (other, other),
        };
        if vi { words.0 } else { words.1 }.to_string()
    };
    let detail = match error {
        DataError::Json { file, .. } => {
            if vi {
                format!("{file}: không đọc được JSON")
            } else {
                format!("{file}: not readable JSON")
            }
        }
        DataError::SchemaVersion { found } => {
            if vi {
                format!("phiên bản định dạng mô hình {found} không được hỗ trợ")
            } else {
                format!("model format version {found} is not supported")
            }
        }
        DataError::BadTerm => if vi {
            "các năm của nhiệm kỳ không theo thứ tự"
        } else {
            "the term's years are out of order"
        }
        .to_string(),
        DataError::DuplicateId { what, id } => {
            if vi {
                format!("mã {} \"{id}\" bị lặp", kind(what))
            } else {
                format!("{} id \"{id}\" appears twice", kind(what))
            }
        }
        DataError::UnknownReference { owner, what, id } => {
            if vi {
                format!("{owner}: không có {} \"{id}\"", kind(what))
            } else {
                format!("{owner}: no {} \"{id}\"", kind(what))
            }
        }
        DataError::BadValue {
            owner,
            field,
            value,
        } => {
            if vi {
                format!("{owner}: trường {field} có giá trị không hợp lệ \"{value}\"")
            } else {
                format!("{owner}: field {field} has an invalid value \"{value}\"")
            }
        }
        DataError::BadNumber { owner, .. } => {
            if vi {
                format!("{owner}: số không dùng được")
            } else {
                format!("{owner}: a number is not usable")
            }
        }
        DataError::UnitMismatch { owner, unit } => {
            if vi {
                format!("{owner}: đơn vị {unit} không hợp với số liệu")
            } else {
                format!("{owner}: unit {unit} does not fit the figure")
            }
        }
        DataError::MissingSource { owner } => {
            if vi {
                format!("{owner}: thiếu nguồn")
            } else {
                format!("{owner}: source missing")
            }
        }
        DataError::DuplicateFigure { key } => {
            if vi {
                format!("số liệu {key} xuất hiện hai lần")
            } else {
                format!("figure {key} appears twice")
            }
        }
        DataError::Unreachable { file } => {
            if vi {
                format!("{file}: không tải được tệp (mất mạng khi mở lần đầu, hoặc tệp bị thiếu trên máy chủ); hãy tải lại trang khi có mạng")
            } else {
                format!("{file}: the file could not be loaded (offline on a first visit, or missing on the server); reload the page when online")
            }
        }
    };
    if vi {
        format!("Lỗi dữ liệu: {detail}")
    } else {
        format!("Data error: {detail}")
    }
}

/// A warning that typed text could mean another number.
pub fn ambiguity_text(a: Ambiguity, locale: Locale) -> String {
    match (a, locale) {
        (Ambiguity::CouldBe(other), Locale::Vi) => {
            format!("lưu ý: cũng có thể là {}", format_number(other, locale, 4))
        }
        (Ambiguity::CouldBe(other), Locale::En) => {
            format!("note: could also be {}", format_number(other, locale, 4))
        }
        (Ambiguity::OtherLocaleFormat, Locale::Vi) => {
            "lưu ý: đọc theo kiểu số tiếng Anh".to_string()
        }
        (Ambiguity::OtherLocaleFormat, Locale::En) => {
            "note: read in Vietnamese number format".to_string()
        }
        (Ambiguity::DecimalMarkSwapped, Locale::Vi) => {
            "lưu ý: dấu chấm được hiểu là dấu thập phân".to_string()
        }
        (Ambiguity::DecimalMarkSwapped, Locale::En) => {
            "note: the comma was read as a decimal mark".to_string()
        }
    }
}

/// Why typed text is not a number.
pub fn parse_error_text(e: NumberParseError, locale: Locale) -> &'static str {
    match (e, locale) {
        (NumberParseError::TooLong, Locale::Vi) => "quá dài",
        (NumberParseError::TooLong, Locale::En) => "too long",
        (NumberParseError::Malformed, Locale::Vi) => "không đọc được số",
        (NumberParseError::Malformed, Locale::En) => "not a number",
        (NumberParseError::OutOfRange, Locale::Vi) => "số quá lớn",
        (NumberParseError::OutOfRange, Locale::En) => "number too large",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::catalog::load_shipped;
    use crate::core::model::load::figure_key;

    fn kon_tum() -> Model {
        let (models, rejected) = load_shipped();
        assert!(rejected.is_empty(), "{rejected:?}");
        models.into_iter().next().expect("a model")
    }

    fn figure(model: &Model, key: &str) -> Figure {
        model
            .figures
            .iter()
            .find(|f| figure_key(f) == key)
            .unwrap_or_else(|| panic!("no figure {key}"))
            .clone()
    }

    #[test]
    fn phrases_levels_growth_and_attainment() {
        let model = kon_tum();
        let level = figure(&model, "grdp_constant/2023/estimate/level");
        assert_eq!(
            figure_value_text(&model, &level, Locale::Vi),
            "khoảng 18.938,78 tỷ đồng"
        );
        assert_eq!(
            figure_value_text(&model, &level, Locale::En),
            "about 18,938.78 billion VND"
        );
        let growth = figure(&model, "grdp_constant/2023/estimate/growth");
        assert_eq!(figure_value_text(&model, &growth, Locale::Vi), "tăng 7,32%");
        assert_eq!(figure_value_text(&model, &growth, Locale::En), "up 7.32%");
    }

    #[test]
    fn a_fall_shows_its_size_and_turns_its_comparator() {
        let model = kon_tum();
        let fall = figure(&model, "poor_household_rate/2024/plan/change");
        // Seed 003: "Tỷ lệ hộ nghèo giảm ít nhất 3-4%/năm".
        assert_eq!(
            figure_value_text(&model, &fall, Locale::Vi),
            "giảm ít nhất 3–4 điểm phần trăm"
        );
        assert_eq!(
            figure_value_text(&model, &fall, Locale::En),
            "down at least 3–4 percentage points"
        );
    }

    #[track_caller]
    fn reads(model: &Model, key: &str, vi: &str, en: &str) {
        let f = figure(model, key);
        assert_eq!(figure_value_text(model, &f, Locale::Vi), vi, "{key}");
        assert_eq!(figure_value_text(model, &f, Locale::En), en, "{key}");
    }

    #[test]
    fn targets_read_in_the_words_of_the_documents() {
        let model = kon_tum();
        // The Congress: "từ 10%/năm trở lên" (public report, baoquangngai.vn).
        reads(
            &model,
            "grdp_constant/2021-2025/term_target/average_growth",
            "bình quân từ 10%/năm trở lên",
            "average at least 10%/year",
        );
        // Seed 003, the 2024 resolution: "GRDP bình quân đầu người trên 63,7 triệu đồng",
        // "Tốc độ tăng trưởng GRDP của tỉnh đạt từ 10% trở lên", "còn dưới 28,8%".
        reads(
            &model,
            "grdp_per_capita/2024/plan/level",
            "trên 63,7 triệu đồng",
            "over 63.7 million VND",
        );
        reads(
            &model,
            "grdp_constant/2024/plan/growth",
            "tăng từ 10% trở lên",
            "up at least 10%",
        );
        reads(
            &model,
            "child_stunting_rate/2024/plan/level",
            "dưới 28,8%",
            "below 28.8%",
        );
    }

    #[test]
    fn ranks_read_as_places_and_moves() {
        let model = kon_tum();
        // Seed 003: "tốc độ tăng trưởng 7,32%, đứng thứ 22 cả nước"; "PCI ... xếp thứ
        // 37/63 tỉnh, thành phố, tăng 24 bậc so với năm 2021".
        reads(
            &model,
            "grdp_growth_rank_national/2023/estimate/level",
            "thứ 22",
            "rank 22",
        );
        reads(&model, "pci_rank/2022/actual/level", "thứ 37", "rank 37");
        reads(
            &model,
            "pci_rank/2022/actual/change",
            "tăng 24 bậc",
            "up 24 places",
        );
    }

    #[test]
    fn counts_name_what_they_count() {
        let model = kon_tum();
        // "38 of 39 main indicators" (2022), "11/13 chỉ tiêu chủ yếu ... đã đạt và vượt"
        // (seed 001), "06 đô thị loại V" (seed 003): never "38 đơn vị".
        reads(
            &model,
            "main_targets_met/2022/actual/level",
            "38 chỉ tiêu",
            "38 indicators",
        );
        reads(
            &model,
            "main_targets_met/2020/actual/level",
            "11 chỉ tiêu",
            "11 indicators",
        );
        reads(
            &model,
            "urban_areas_type_v/2023/actual/level",
            "6 đô thị",
            "6 urban areas",
        );
        // The 2024 resolution: "PAPI ... tăng 05 bậc so với năm 2023".
        reads(
            &model,
            "papi_rank/2024/plan/change",
            "tăng 5 bậc",
            "up 5 places",
        );
    }

    #[test]
    fn a_derived_figure_has_its_units_decimals() {
        let model = kon_tum();
        // 26.698,59 tỷ đồng ÷ 568.780 người × 1.000 = 46,94 triệu đồng (2 decimals).
        reads(
            &model,
            "grdp_per_capita/2021/derived/level",
            "46,94 triệu đồng",
            "46.94 million VND",
        );
    }

    #[test]
    fn every_message_has_two_languages() {
        let all = [
            Msg::AppTitle,
            Msg::Search,
            Msg::ColIndicator,
            Msg::ColLatest,
            Msg::ColPlan,
            Msg::ColAttainment,
            Msg::ColTermTarget,
            Msg::StatusMet,
            Msg::StatusExceeded,
            Msg::StatusMissed,
            Msg::FiguresAndSources,
            Msg::UpdateAvailable,
            Msg::UpdateKeepsWorking,
            Msg::UpdateReload,
            Msg::UpdateLater,
            Msg::EmbedOpenFull,
            Msg::EmbedDraftsApart,
            Msg::EmbedNotFound,
            Msg::EmbedUntrustedFrame,
        ];
        for m in all {
            assert!(!t(m, Locale::Vi).is_empty());
            assert_ne!(t(m, Locale::Vi), t(m, Locale::En), "{m:?}");
        }
        // Every variant, not a chosen few: `Msg::ALL` is written from the declaration.
        // A symbol is the same in both languages; only these may be.
        let symbols = [Msg::NoData];
        for &m in Msg::ALL {
            if symbols.contains(&m) {
                assert!(!t(m, Locale::Vi).is_empty(), "{m:?}");
                assert_eq!(t(m, Locale::Vi), t(m, Locale::En), "{m:?}");
            } else {
                two_languages(&format!("{m:?}"), t(m, Locale::Vi), t(m, Locale::En));
            }
        }
        assert!(all.iter().all(|m| Msg::ALL.contains(m)));
    }

    /// Both texts are there and differ (an untranslated text is the same in both).
    #[track_caller]
    pub(super) fn two_languages(what: &str, vi: &str, en: &str) {
        assert!(!vi.trim().is_empty(), "{what}: no Vietnamese text");
        assert!(!en.trim().is_empty(), "{what}: no English text");
        assert_ne!(vi, en, "{what}: the same text in both languages");
    }

    #[test]
    fn every_data_error_has_two_languages() {
        let errors = [
            DataError::Json {
                file: "model.json".into(),
                message: "expected value".into(),
            },
            DataError::SchemaVersion { found: 9 },
            DataError::BadTerm,
            DataError::DuplicateId {
                what: "indicator",
                id: "grdp".into(),
            },
            DataError::UnknownReference {
                owner: "grdp".into(),
                what: "unit",
                id: "x".into(),
            },
            DataError::BadValue {
                owner: "grdp".into(),
                field: "kind",
                value: "x".into(),
            },
            DataError::BadNumber {
                owner: "grdp".into(),
                reason: "range must be two finite numbers, low before high",
            },
            DataError::UnitMismatch {
                owner: "grdp".into(),
                unit: "ha".into(),
            },
            DataError::MissingSource {
                owner: "grdp".into(),
            },
            DataError::DuplicateFigure {
                key: "grdp/2023/estimate/level".into(),
            },
            DataError::Unreachable {
                file: "data/models/kon-tum-2021-2025/model.json".into(),
            },
        ];
        for e in &errors {
            let (vi, en) = (
                data_error_text(e, Locale::Vi),
                data_error_text(e, Locale::En),
            );
            two_languages(&format!("{e:?}"), &vi, &en);
            assert!(vi.starts_with("Lỗi dữ liệu: ") && en.starts_with("Data error: "));
        }
        let e = &errors[3];
        assert_eq!(
            data_error_text(e, Locale::Vi),
            "Lỗi dữ liệu: mã chỉ tiêu \"grdp\" bị lặp"
        );
        assert_eq!(
            data_error_text(e, Locale::En),
            "Data error: indicator id \"grdp\" appears twice"
        );
    }

    #[test]
    fn phrases_periods() {
        assert_eq!(
            period_text(Period::Half(2022, 2), Locale::Vi),
            "6 tháng cuối năm 2022"
        );
        assert_eq!(
            period_text(Period::YearToDate(2023, 11), Locale::En),
            "Jan–Nov 2023"
        );
        assert_eq!(
            period_text(Period::Years(2021, 2025), Locale::Vi),
            "2021–2025"
        );
        assert_eq!(
            period_text(Period::Date(2023, 6, 30), Locale::Vi),
            "30/06/2023"
        );
    }
}
