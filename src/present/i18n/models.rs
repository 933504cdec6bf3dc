//! Words of the own-models feature: importing a table as a model, the preview, model
//! files in and out, and what the model store says. Both languages, like
//! `i18n::drafts`.

use crate::core::import::cell::CellError;
use crate::core::import::columns::ColumnRole;
use crate::core::import::grid::GridError;
use crate::core::import::preview::{PreviewError, ProblemKind};
use crate::core::import::to_model::ToModelError;
use crate::core::model::file::ModelFileError;
use crate::core::model::{FigureKind, TargetKind};
use crate::core::text::numfmt::Locale;

/// A word or sentence of the own-models feature.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModelMsg {
    /// Heading of the import panel.
    ImportHeading,
    /// Opens the panel.
    ImportOpen,
    /// Closes the panel.
    ImportClose,
    /// What the panel is for.
    ImportHint,
    /// Label of the paste field.
    PasteLabel,
    /// Label of the file input.
    FileLabel,
    /// Says xlsx/ods cannot be read in this version.
    SpreadsheetNotYet,
    /// Heading of the preview.
    PreviewHeading,
    /// Province field.
    Province,
    /// First year field.
    FirstYear,
    /// Last year field.
    LastYear,
    /// Base year field.
    BaseYear,
    /// Confirm button.
    Confirm,
    /// Nothing is saved until confirm.
    NothingSavedYet,
    /// Problems heading.
    Problems,
    /// No problems.
    NoProblems,
    /// Column heading "column".
    Column,
    /// Column heading "read as".
    ReadAs,
    /// Row kind: group.
    GroupRow,
    /// Row kind: indicator.
    IndicatorRow,
    /// Column heading "kind of target".
    TargetKindHeading,
    /// Column heading "unit".
    UnitHeading,
    /// Column heading "figures read".
    FiguresHeading,
    /// Column heading "row".
    RowHeading,
    /// Column heading "name".
    NameHeading,
    /// Saving.
    Saving,
    /// Saved; opening.
    SavedOpening,
    /// Group of indicators above the first group row.
    Ungrouped,
    /// Word for a paste as a source name.
    PastedTable,
    /// Export the open model as a file.
    ExportModel,
    /// Import a model file.
    ImportModelFile,
    /// Own model badge.
    OwnModel,
    /// A stored model was set aside.
    ModelSetAside,
    /// The model store cannot be used.
    StoreUnavailable,
    /// The store is full.
    StoreFull,
    /// The store read back something else.
    StoreMismatch,
    /// Another store failure.
    StoreFailed,
    /// Start-up reads took too long.
    StartupTimedOut,
    /// A published model could not be read.
    PublishedUnreadable,
    /// Another tab saved a newer revision of the model: nothing written.
    StoreStale,
    /// The stored record under this id cannot be read by this version: kept.
    StoreProtected,
    /// The model open here was changed in another tab.
    ChangedElsewhere,
    /// A model was saved in another tab.
    ListChangedElsewhere,
    /// Reload the page.
    ReloadPage,
    /// Download the model that was not saved.
    DownloadUnsaved,
    /// Own models not downloaded for a while.
    ModelExportReminder,
}

/// The text of `msg` in `locale`.
pub fn mt(msg: ModelMsg, locale: Locale) -> &'static str {
    let (vi, en) = match msg {
        ModelMsg::ImportHeading => ("Nhập bộ chỉ tiêu từ bảng tính", "Import targets from a spreadsheet"),
        ModelMsg::ImportOpen => ("Nhập bộ chỉ tiêu của tỉnh", "Import the province's targets"),
        ModelMsg::ImportClose => ("Đóng", "Close"),
        ModelMsg::ImportHint => (
            "Sao chép bảng chỉ tiêu (STT | Chỉ tiêu | ĐVT | TH 2025 | KH 2026 | Mục tiêu 2030 …) từ Excel, LibreOffice hoặc Word rồi dán vào ô dưới đây, hoặc chọn tệp CSV. Kiểm tra bản xem trước rồi bấm Xác nhận.",
            "Copy the targets table (No. | Indicator | Unit | Actual 2025 | Plan 2026 | Target 2030 …) from Excel, LibreOffice or Word and paste it below, or choose a CSV file. Check the preview, then press Confirm.",
        ),
        ModelMsg::PasteLabel => ("Dán bảng vào đây", "Paste the table here"),
        ModelMsg::FileLabel => ("Hoặc chọn tệp (.csv, .txt, .json)", "Or choose a file (.csv, .txt, .json)"),
        ModelMsg::SpreadsheetNotYet => (
            "Phiên bản này chưa đọc trực tiếp tệp .xlsx/.ods. Hãy mở tệp trong Excel hoặc LibreOffice, chọn bảng, sao chép và dán vào ô trên (hoặc lưu thành CSV).",
            "This version cannot read .xlsx/.ods files directly yet. Open the file in Excel or LibreOffice, select the table, copy and paste it above (or save it as CSV).",
        ),
        ModelMsg::PreviewHeading => ("Xem trước: ứng dụng đọc bảng như sau", "Preview: how the table was read"),
        ModelMsg::Province => ("Tỉnh", "Province"),
        ModelMsg::FirstYear => ("Năm đầu kỳ kế hoạch", "First plan year"),
        ModelMsg::LastYear => ("Năm cuối kỳ kế hoạch", "Last plan year"),
        ModelMsg::BaseYear => ("Năm gốc", "Base year"),
        ModelMsg::Confirm => ("Xác nhận và lưu bộ chỉ tiêu", "Confirm and save the targets"),
        ModelMsg::NothingSavedYet => ("Chưa có gì được lưu cho đến khi bấm Xác nhận.", "Nothing is saved until you press Confirm."),
        ModelMsg::Problems => ("Ô chưa đọc được", "Cells that could not be read"),
        ModelMsg::NoProblems => ("Mọi ô đều đọc được.", "Every cell was read."),
        ModelMsg::Column => ("Cột", "Column"),
        ModelMsg::ReadAs => ("Đọc là", "Read as"),
        ModelMsg::GroupRow => ("Nhóm", "Group"),
        ModelMsg::IndicatorRow => ("Chỉ tiêu", "Indicator"),
        ModelMsg::TargetKindHeading => ("Loại mục tiêu", "Kind of target"),
        ModelMsg::UnitHeading => ("Đơn vị", "Unit"),
        ModelMsg::FiguresHeading => ("Số liệu đọc được", "Figures read"),
        ModelMsg::RowHeading => ("Dòng", "Row"),
        ModelMsg::NameHeading => ("Tên", "Name"),
        ModelMsg::Saving => ("Đang lưu…", "Saving…"),
        ModelMsg::SavedOpening => ("Đã lưu. Đang mở bộ chỉ tiêu…", "Saved. Opening the targets…"),
        ModelMsg::Ungrouped => ("Chỉ tiêu", "Indicators"),
        ModelMsg::PastedTable => ("Bảng dán từ bảng tính", "Table pasted from a spreadsheet"),
        ModelMsg::ExportModel => ("Tải tệp bộ chỉ tiêu", "Download the targets file"),
        ModelMsg::ImportModelFile => ("Mở tệp bộ chỉ tiêu (.json)", "Open a targets file (.json)"),
        ModelMsg::OwnModel => ("bộ chỉ tiêu của bạn", "your own targets"),
        ModelMsg::ModelSetAside => (
            "Một bộ chỉ tiêu đã lưu không đọc được và được để riêng (không bị xóa):",
            "A stored set of targets could not be read and was set aside (not deleted):",
        ),
        ModelMsg::StoreUnavailable => (
            "Trình duyệt này không cho lưu bộ chỉ tiêu (IndexedDB bị tắt). Hãy tải tệp bộ chỉ tiêu về để giữ lại.",
            "This browser does not allow saving targets (IndexedDB is off). Download the targets file to keep it.",
        ),
        ModelMsg::StoreFull => (
            "Bộ nhớ trình duyệt đã đầy; bộ chỉ tiêu chưa được lưu (bản đã lưu trước đó vẫn giữ nguyên). Hãy tải tệp về ngay.",
            "Browser storage is full; the targets were not saved (the copy saved before is unchanged). Download the file now.",
        ),
        ModelMsg::StoreMismatch => ("Lưu không khớp khi đọc lại; bộ chỉ tiêu chưa được lưu.", "What was saved did not read back the same; the targets were not saved."),
        ModelMsg::StoreFailed => ("Không lưu được bộ chỉ tiêu.", "The targets could not be saved."),
        ModelMsg::StartupTimedOut => (
            "Chưa đọc kịp các bộ chỉ tiêu đã lưu hoặc được công bố; đang hiện các bộ có sẵn. Tải lại trang để thử lại.",
            "The stored or published targets took too long to read; the built-in ones are shown. Reload the page to try again.",
        ),
        ModelMsg::PublishedUnreadable => (
            "Không đọc được bộ chỉ tiêu do cổng thông tin công bố:",
            "A set of targets published by the portal could not be read:",
        ),
        ModelMsg::StoreStale => (
            "Một thẻ khác vừa lưu bản mới hơn của bộ chỉ tiêu này; bản ở đây chưa được lưu để không ghi đè. Tải tệp về rồi tải lại trang.",
            "Another tab saved a newer version of these targets; this one was not saved so as not to overwrite it. Download the file, then reload the page.",
        ),
        ModelMsg::StoreProtected => (
            "Đã có một bộ chỉ tiêu lưu cùng mã mà phiên bản này không đọc được; nó được giữ nguyên và bản này chưa được lưu. Hãy tải tệp về ngay.",
            "A stored set of targets with the same id cannot be read by this version; it is kept and this one was not saved. Download the file now.",
        ),
        ModelMsg::ChangedElsewhere => (
            "Bộ chỉ tiêu đang mở vừa được thay đổi ở một thẻ khác. Tải lại trang để xem bản mới; bản ở đây sẽ không ghi đè lên nó.",
            "The targets open here were just changed in another tab. Reload the page to see them; this copy will not overwrite them.",
        ),
        ModelMsg::ListChangedElsewhere => (
            "Một bộ chỉ tiêu vừa được lưu ở một thẻ khác. Tải lại trang để thấy nó.",
            "A set of targets was just saved in another tab. Reload the page to see it.",
        ),
        ModelMsg::ReloadPage => ("Tải lại trang", "Reload the page"),
        ModelMsg::DownloadUnsaved => ("Tải tệp chưa lưu về", "Download the unsaved file"),
        ModelMsg::ModelExportReminder => (
            "Các bộ chỉ tiêu của bạn chỉ nằm trong trình duyệt này và đã lâu chưa được tải về. Hãy tải tệp về để giữ một bản.",
            "Your own targets live only in this browser and have not been downloaded for a while. Download the file to keep a copy.",
        ),
    };
    match locale {
        Locale::Vi => vi,
        Locale::En => en,
    }
}

/// What a column was read as, in words.
pub fn role_text(role: ColumnRole, locale: Locale) -> String {
    let vi = locale == Locale::Vi;
    match role {
        ColumnRole::RowNumber => (if vi { "Số thứ tự" } else { "Row number" }).to_string(),
        ColumnRole::Name => (if vi {
            "Tên chỉ tiêu"
        } else {
            "Indicator name"
        })
        .to_string(),
        ColumnRole::Unit => (if vi { "Đơn vị tính" } else { "Unit" }).to_string(),
        ColumnRole::Note => (if vi { "Ghi chú" } else { "Note" }).to_string(),
        ColumnRole::Ignore => (if vi { "Không đọc" } else { "Not read" }).to_string(),
        ColumnRole::Figure { kind, period } => {
            format!("{} {period}", figure_kind_text(kind, locale))
        }
    }
}

/// A figure kind in words.
pub fn figure_kind_text(kind: FigureKind, locale: Locale) -> &'static str {
    let (vi, en) = match kind {
        FigureKind::Actual => ("Thực hiện", "Actual"),
        FigureKind::Estimate => ("Ước thực hiện", "Estimate"),
        FigureKind::Plan => ("Kế hoạch", "Plan"),
        FigureKind::TermTarget => ("Mục tiêu", "Target"),
        FigureKind::Derived => ("Tính ra", "Derived"),
    };
    if locale == Locale::Vi {
        vi
    } else {
        en
    }
}

/// A kind of target in words.
pub fn target_kind_text(kind: TargetKind, locale: Locale) -> &'static str {
    let (vi, en) = match kind {
        TargetKind::Level => ("Mức đạt", "Level"),
        TargetKind::AverageGrowth => ("Tăng bình quân/năm", "Average growth a year"),
        TargetKind::Cumulative => ("Lũy kế cả giai đoạn", "Cumulative over the term"),
        TargetKind::Stock => ("Tích lũy đến năm", "Stock by the year"),
        TargetKind::Share => ("Tỷ lệ (điểm %)", "Share (points)"),
        TargetKind::Count => ("Số đơn vị", "Count"),
        TargetKind::None => ("Không có mục tiêu", "No target"),
    };
    if locale == Locale::Vi {
        vi
    } else {
        en
    }
}

/// Why a table is not a table, in words.
pub fn grid_error_text(e: GridError, locale: Locale) -> String {
    let vi = locale == Locale::Vi;
    match e {
        GridError::Empty => (if vi { "Chưa có bảng: ô dán đang trống." } else { "No table: the paste is empty." }).into(),
        GridError::TooLarge { bytes } => {
            if vi {
                format!("Bảng quá lớn ({} MB); tối đa 5 MB.", bytes / 1_000_000)
            } else {
                format!("The table is too large ({} MB); at most 5 MB.", bytes / 1_000_000)
            }
        }
        GridError::TooManyRows { .. } => {
            (if vi { "Bảng có quá nhiều dòng; tối đa 5.000 dòng." } else { "The table has too many rows; at most 5,000." }).into()
        }
        GridError::TooManyColumns { .. } => {
            (if vi { "Bảng có quá nhiều cột; tối đa 200 cột." } else { "The table has too many columns; at most 200." }).into()
        }
        GridError::NotText => (if vi {
            "Đây không phải văn bản (có thể là tệp .xlsx mở nhầm). Hãy sao chép bảng từ bảng tính rồi dán, hoặc lưu thành CSV."
        } else {
            "This is not text (perhaps an .xlsx file). Copy the table from the spreadsheet and paste it, or save it as CSV."
        })
        .into(),
        GridError::OneColumn => (if vi {
            "Không thấy các cột: văn bản dán không phải là bảng (không có dấu tab, ; hoặc , giữa các cột)."
        } else {
            "No columns found: the pasted text is not a table (no tab, ; or , between columns)."
        })
        .into(),
        GridError::NoTable => (if vi { "Nội dung dán không có bảng." } else { "The pasted content has no table." }).into(),
    }
}

/// Why a table cannot be previewed, in words.
pub fn preview_error_text(e: PreviewError, locale: Locale) -> &'static str {
    let vi = locale == Locale::Vi;
    match e {
        PreviewError::NoNameColumn => {
            if vi {
                "Không thấy cột tên chỉ tiêu (tiêu đề \"Chỉ tiêu\" hoặc \"Nội dung\")."
            } else {
                "No indicator name column (heading \"Chỉ tiêu\" or \"Nội dung\")."
            }
        }
        PreviewError::NoFigureColumns => {
            if vi {
                "Không thấy cột số liệu (tiêu đề có năm, ví dụ \"TH 2025\", \"KH 2026\", \"Mục tiêu 2030\")."
            } else {
                "No figure columns (headings with a year, e.g. \"TH 2025\", \"KH 2026\", \"Mục tiêu 2030\")."
            }
        }
        PreviewError::NoRows => {
            if vi {
                "Bảng chỉ có dòng tiêu đề, chưa có chỉ tiêu."
            } else {
                "The table has only its header, no indicators."
            }
        }
    }
}

/// One problem of the preview, in words, with its row and column (1-based).
pub fn problem_text(row: usize, column: usize, kind: ProblemKind, locale: Locale) -> String {
    let vi = locale == Locale::Vi;
    let place = if vi {
        format!("Dòng {}, cột {}: ", row + 1, column + 1)
    } else {
        format!("Row {}, column {}: ", row + 1, column + 1)
    };
    let what = match kind {
        ProblemKind::Cell(CellError::NotANumber) => {
            if vi {
                "không phải số (chữ hoặc công thức); ô này không được nhập."
            } else {
                "not a number (words or a formula); this cell is not imported."
            }
        }
        ProblemKind::Cell(CellError::RangeReversed) => {
            if vi {
                "khoảng số ghi ngược (số đầu lớn hơn số sau)."
            } else {
                "a range written backwards (first end above the second)."
            }
        }
        ProblemKind::Cell(CellError::Date) => {
            if vi {
                "là ngày tháng, không phải số."
            } else {
                "a date, not a number."
            }
        }
        ProblemKind::Cell(CellError::TooLong) => {
            if vi {
                "ô quá dài để là một số."
            } else {
                "too long to be a number."
            }
        }
        ProblemKind::UnknownUnit => {
            if vi {
                "đơn vị tính chưa có trong ứng dụng; dòng này cần một đơn vị đã biết."
            } else {
                "a unit the app does not know; this row needs a known unit."
            }
        }
        ProblemKind::NoFigures => {
            if vi {
                "chỉ tiêu không có số liệu nào."
            } else {
                "the indicator has no figures."
            }
        }
        ProblemKind::DuplicateName { .. } => {
            if vi {
                "tên trùng với một chỉ tiêu phía trên trong cùng nhóm."
            } else {
                "the same name as an indicator above in the same group."
            }
        }
    };
    format!("{place}{what}")
}

/// Why the preview cannot be saved yet, in words.
pub fn to_model_error_text(e: ToModelError, locale: Locale) -> String {
    let vi = locale == Locale::Vi;
    match e {
        ToModelError::BadTerm => (if vi {
            "Các năm của kỳ kế hoạch chưa đúng: năm gốc < năm đầu ≤ năm cuối."
        } else {
            "The term's years are not right: base year < first year ≤ last year."
        })
        .into(),
        ToModelError::MissingUnit { row } => {
            if vi {
                format!(
                    "Dòng {}: cần đơn vị tính đã biết (ví dụ %, tỷ đồng, ha).",
                    row + 1
                )
            } else {
                format!("Row {}: needs a known unit (e.g. %, tỷ đồng, ha).", row + 1)
            }
        }
        ToModelError::NoIndicators => (if vi {
            "Bảng không có chỉ tiêu nào."
        } else {
            "The table has no indicators."
        })
        .into(),
    }
}

/// Why a model file cannot be read, in words.
pub fn model_file_error_text(e: &ModelFileError, locale: Locale) -> String {
    let vi = locale == Locale::Vi;
    match e {
        ModelFileError::TooLarge { .. } => (if vi {
            "Tệp quá lớn (tối đa 20 MB)."
        } else {
            "The file is too large (at most 20 MB)."
        })
        .into(),
        ModelFileError::NotText => (if vi {
            "Tệp không phải văn bản JSON."
        } else {
            "The file is not JSON text."
        })
        .into(),
        ModelFileError::Json(_) => (if vi {
            "Tệp hỏng hoặc không phải JSON hợp lệ."
        } else {
            "The file is damaged or not valid JSON."
        })
        .into(),
        ModelFileError::NotOurs => (if vi {
            "Đây không phải tệp bộ chỉ tiêu của ứng dụng này."
        } else {
            "This is not a targets file of this app."
        })
        .into(),
        ModelFileError::OtherKind { .. } => (if vi {
            "Đây là tệp bản nháp, không phải tệp bộ chỉ tiêu; hãy mở nó ở phần Bản nháp."
        } else {
            "This is a drafts file, not a targets file; open it under Drafts."
        })
        .into(),
        ModelFileError::NewerVersion { found } => {
            if vi {
                format!("Tệp được tạo bởi phiên bản mới hơn của ứng dụng (định dạng {found}); hãy cập nhật ứng dụng.")
            } else {
                format!("The file was made by a newer version of the app (format {found}); update the app.")
            }
        }
        ModelFileError::Shape { line, column } => {
            if vi {
                format!("Tệp có trường sai kiểu hoặc thiếu ở dòng {line}, cột {column}.")
            } else {
                format!("The file has a missing or mistyped field at line {line}, column {column}.")
            }
        }
        ModelFileError::Invalid(errors) => {
            if vi {
                format!(
                    "Bộ chỉ tiêu trong tệp có {} lỗi (ví dụ mã trùng nhau); không nhập gì.",
                    errors.len()
                )
            } else {
                format!("The targets in the file have {} problems (such as duplicate ids); nothing was imported.", errors.len())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_two_different_languages() {
        use ModelMsg::*;
        let all = [
            ImportHeading,
            ImportOpen,
            ImportClose,
            ImportHint,
            PasteLabel,
            FileLabel,
            SpreadsheetNotYet,
            PreviewHeading,
            Province,
            FirstYear,
            LastYear,
            BaseYear,
            Confirm,
            NothingSavedYet,
            Problems,
            NoProblems,
            Column,
            ReadAs,
            GroupRow,
            IndicatorRow,
            TargetKindHeading,
            UnitHeading,
            FiguresHeading,
            RowHeading,
            NameHeading,
            Saving,
            SavedOpening,
            Ungrouped,
            PastedTable,
            ExportModel,
            ImportModelFile,
            OwnModel,
            ModelSetAside,
            StoreUnavailable,
            StoreFull,
            StoreMismatch,
            StoreFailed,
            StartupTimedOut,
            PublishedUnreadable,
            StoreStale,
            StoreProtected,
            ChangedElsewhere,
            ListChangedElsewhere,
            ReloadPage,
            DownloadUnsaved,
            ModelExportReminder,
        ];
        for m in all {
            // A match that must name every variant: a new message cannot escape the list.
            match m {
                ImportHeading | ImportOpen | ImportClose | ImportHint | PasteLabel | FileLabel
                | SpreadsheetNotYet | PreviewHeading | Province | FirstYear | LastYear
                | BaseYear | Confirm | NothingSavedYet | Problems | NoProblems | Column
                | ReadAs | GroupRow | IndicatorRow | TargetKindHeading | UnitHeading
                | FiguresHeading | RowHeading | NameHeading | Saving | SavedOpening | Ungrouped
                | PastedTable | ExportModel | ImportModelFile | OwnModel | ModelSetAside
                | StoreUnavailable | StoreFull | StoreMismatch | StoreFailed | StartupTimedOut
                | PublishedUnreadable | StoreStale | StoreProtected | ChangedElsewhere
                | ListChangedElsewhere | ReloadPage | DownloadUnsaved | ModelExportReminder => {}
            }
            let (vi, en) = (mt(m, Locale::Vi), mt(m, Locale::En));
            assert!(!vi.is_empty() && !en.is_empty(), "{m:?}");
            assert_ne!(vi, en, "{m:?}");
        }
    }

    #[test]
    fn problems_name_their_row_and_column_from_one() {
        assert_eq!(
            problem_text(11, 5, ProblemKind::Cell(CellError::NotANumber), Locale::Vi),
            "Dòng 12, cột 6: không phải số (chữ hoặc công thức); ô này không được nhập."
        );
        assert_eq!(
            problem_text(0, 0, ProblemKind::NoFigures, Locale::En),
            "Row 1, column 1: the indicator has no figures."
        );
    }
}
