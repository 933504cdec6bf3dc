//! Words of the own-models feature: importing a table as a model, the preview, model
//! files in and out, and what the model store says. Both languages, like
//! `i18n::drafts`.

use crate::core::import::cell::CellError;
use crate::core::import::columns::ColumnRole;
use crate::core::import::grid::GridError;
use crate::core::import::preview::{PreviewError, ProblemKind};
use crate::core::import::sheet::SheetError;
use crate::core::import::to_model::ToModelError;
use crate::core::model::edit::EditError;
use crate::core::model::file::ModelFileError;
use crate::core::model::load::DataError;
use crate::core::model::{FigureKind, TargetKind};
use crate::core::text::numfmt::Locale;

messages! {
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
    /// Shown while the spreadsheet reader starts and reads an opened file.
    SheetLoading,
    /// Label of the choice of sheet when a file has more than one.
    SheetLabel,
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
    /// Opens the model editor.
    EditOpen,
    /// Closes the model editor.
    EditClose,
    /// Heading of the model editor.
    EditHeading,
    /// Editing a shipped model makes the person's own copy.
    EditShippedNote,
    /// Label of the indicator chooser.
    EditIndicator,
    /// Label of the name field.
    EditName,
    /// Rename button.
    EditRename,
    /// Label of the group chooser.
    EditGroup,
    /// Label of the direction chooser.
    EditDirection,
    /// Higher is better.
    DirectionHigher,
    /// Lower is better.
    DirectionLower,
    /// No direction.
    DirectionNeutral,
    /// Label of the target-kind chooser.
    EditTargetKind,
    /// Label of the unit field.
    EditUnit,
    /// Label of the base-year field.
    EditBaseYear,
    /// Applies a field.
    EditApply,
    /// Removes the indicator.
    EditRemove,
    /// Adds an indicator.
    EditAddIndicator,
    /// Heading of the figure list.
    EditFiguresHeading,
    /// Heading of the add-figure form.
    EditAddFigureHeading,
    /// Label of the year field.
    EditYear,
    /// Label of the kind chooser.
    EditKind,
    /// Label of the value field.
    EditValue,
    /// Label of the source document field.
    EditSourceTitle,
    /// Label of the source date field.
    EditSourceDate,
    /// Label of the quoted words field.
    EditSourceQuote,
    /// Adds the figure.
    EditAddFigure,
    /// Undo button.
    EditUndo,
    /// Save button.
    EditSave,
    /// There are unsaved edits.
    EditUnsaved,
    /// The vintage that counts.
    VintageCounts,
    /// An older vintage.
    VintageOlder,
    /// Label of the model's revision.
    EditRevision,
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
}

/// The text of `msg` in `locale`.
pub fn mt(msg: ModelMsg, locale: Locale) -> &'static str {
    let (vi, en) = match msg {
        ModelMsg::ImportHeading => ("Nhập bộ chỉ tiêu từ bảng tính", "Import targets from a spreadsheet"),
        ModelMsg::ImportOpen => ("Nhập bộ chỉ tiêu của tỉnh", "Import the province's targets"),
        ModelMsg::ImportClose => ("Đóng", "Close"),
        ModelMsg::ImportHint => (
            "Sao chép bảng chỉ tiêu (STT | Chỉ tiêu | ĐVT | TH 2025 | KH 2026 | Mục tiêu 2030 …) từ Excel, LibreOffice hoặc Word rồi dán vào ô dưới đây, hoặc chọn tệp bảng tính (.xlsx, .ods) hay CSV. Kiểm tra bản xem trước rồi bấm Xác nhận.",
            "Copy the targets table (No. | Indicator | Unit | Actual 2025 | Plan 2026 | Target 2030 …) from Excel, LibreOffice or Word and paste it below, or choose a spreadsheet (.xlsx, .ods) or CSV file. Check the preview, then press Confirm.",
        ),
        ModelMsg::PasteLabel => ("Dán bảng vào đây", "Paste the table here"),
        ModelMsg::FileLabel => ("Hoặc chọn tệp (.xlsx, .ods, .xls, .csv, .txt, .json)", "Or choose a file (.xlsx, .ods, .xls, .csv, .txt, .json)"),
        ModelMsg::SheetLoading => ("Đang mở bảng tính…", "Opening the spreadsheet…"),
        ModelMsg::SheetLabel => ("Trang tính", "Sheet"),
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
        ModelMsg::EditOpen => ("Sửa bộ chỉ tiêu", "Edit targets"),
        ModelMsg::EditClose => ("Đóng trình sửa", "Close the editor"),
        ModelMsg::EditHeading => ("Sửa bộ chỉ tiêu đang mở", "Edit the open targets"),
        ModelMsg::EditShippedNote => ("Đây là bộ chỉ tiêu có sẵn của ứng dụng. Khi lưu, ứng dụng tạo một bản riêng của bạn; bản có sẵn giữ nguyên và vẫn chọn được trong danh sách bộ chỉ tiêu.", "These are targets shipped with the app. Saving makes your own copy; the shipped targets stay as they are and can still be chosen in the list of targets."),
        ModelMsg::EditIndicator => ("Chỉ tiêu", "Indicator"),
        ModelMsg::EditName => ("Tên chỉ tiêu", "Indicator name"),
        ModelMsg::EditRename => ("Đổi tên", "Rename"),
        ModelMsg::EditGroup => ("Nhóm", "Group"),
        ModelMsg::EditDirection => ("Chiều tốt hơn", "Better when"),
        ModelMsg::DirectionHigher => ("Càng cao càng tốt", "Higher is better"),
        ModelMsg::DirectionLower => ("Càng thấp càng tốt", "Lower is better"),
        ModelMsg::DirectionNeutral => ("Không có chiều", "No direction"),
        ModelMsg::EditTargetKind => ("Loại mục tiêu", "Kind of target"),
        ModelMsg::EditUnit => ("Mã đơn vị tính", "Unit id"),
        ModelMsg::EditBaseYear => ("Năm gốc của kỳ", "Base year of the term"),
        ModelMsg::EditApply => ("Áp dụng", "Apply"),
        ModelMsg::EditRemove => ("Xóa chỉ tiêu này", "Remove this indicator"),
        ModelMsg::EditAddIndicator => ("Thêm chỉ tiêu", "Add an indicator"),
        ModelMsg::EditFiguresHeading => ("Số liệu và nguồn", "Figures and sources"),
        ModelMsg::EditAddFigureHeading => ("Thêm số liệu (số liệu mới cho cùng năm và loại là một lần cập nhật mới; số cũ vẫn được giữ)", "Add a figure (a new figure for the same year and kind is a new vintage; the old one is kept)"),
        ModelMsg::EditYear => ("Năm hoặc giai đoạn", "Year or period"),
        ModelMsg::EditKind => ("Loại số liệu", "Kind of figure"),
        ModelMsg::EditValue => ("Giá trị (ví dụ 10,02; trên 10; 6.900-7.000)", "Value as the documents write it (e.g. 10,02; trên 10; 6.900-7.000)"),
        ModelMsg::EditSourceTitle => ("Văn bản nguồn", "Source document"),
        ModelMsg::EditSourceDate => ("Ngày văn bản (năm-tháng-ngày)", "Date of the document (year-month-day)"),
        ModelMsg::EditSourceQuote => ("Trích dẫn hoặc trang", "Words quoted, or the page"),
        ModelMsg::EditAddFigure => ("Thêm số liệu", "Add the figure"),
        ModelMsg::EditUndo => ("Hoàn tác", "Undo"),
        ModelMsg::EditSave => ("Lưu bộ chỉ tiêu", "Save the targets"),
        ModelMsg::EditUnsaved => ("Có thay đổi chưa lưu.", "There are unsaved changes."),
        ModelMsg::VintageCounts => ("đang dùng", "in use"),
        ModelMsg::VintageOlder => ("bản cũ hơn", "older vintage"),
        ModelMsg::EditRevision => ("Phiên bản số liệu", "Data revision"),
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

/// Why a spreadsheet file gives no table, in words.
pub fn sheet_error_text(e: SheetError, locale: Locale) -> String {
    let vi = locale == Locale::Vi;
    let text = match e {
        SheetError::TooLarge { bytes } => {
            let mb = bytes / 1_000_000;
            return if vi {
                format!("Tệp quá lớn ({mb} MB); tối đa 20 MB. Hãy xóa các trang tính khác hoặc lưu riêng bảng chỉ tiêu.")
            } else {
                format!("The file is too large ({mb} MB); at most 20 MB. Delete the other sheets or save the targets table on its own.")
            };
        }
        SheetError::NotSpreadsheet => {
            if vi {
                "Tệp này không phải bảng tính Excel hay LibreOffice (.xlsx, .ods, .xls), dù tên tệp nói vậy."
            } else {
                "This file is not an Excel or LibreOffice spreadsheet (.xlsx, .ods, .xls), whatever its name says."
            }
        }
        SheetError::Protected => {
            if vi {
                "Tệp được khóa bằng mật khẩu. Hãy mở tệp, bỏ mật khẩu (hoặc sao chép bảng và dán vào ô trên) rồi thử lại."
            } else {
                "The file is locked with a password. Open it, remove the password (or copy the table and paste it above), then try again."
            }
        }
        SheetError::Corrupt => {
            if vi {
                "Không đọc được tệp bảng tính: tệp bị hỏng hoặc chưa tải về hết."
            } else {
                "The spreadsheet cannot be read: the file is damaged or was not fully downloaded."
            }
        }
        SheetError::NoSheet => {
            if vi {
                "Tệp không có trang tính nào để đọc."
            } else {
                "The file has no sheet to read."
            }
        }
        SheetError::EmptySheet => {
            if vi {
                "Trang tính này trống. Hãy chọn trang tính có bảng chỉ tiêu."
            } else {
                "This sheet is empty. Choose the sheet that holds the targets table."
            }
        }
        SheetError::TooManyRows { .. } => {
            if vi {
                "Trang tính có quá nhiều dòng; tối đa 5.000 dòng."
            } else {
                "The sheet has too many rows; at most 5,000."
            }
        }
        SheetError::TooManyColumns { .. } => {
            if vi {
                "Trang tính có quá nhiều cột; tối đa 200 cột."
            } else {
                "The sheet has too many columns; at most 200."
            }
        }
        SheetError::NotATable => {
            if vi {
                "Trang tính không phải là bảng (chỉ có một cột)."
            } else {
                "The sheet is not a table (one column only)."
            }
        }
        SheetError::ReaderFailed => {
            if vi {
                "Không khởi động được bộ đọc bảng tính. Hãy tải lại trang khi có mạng, hoặc sao chép bảng và dán vào ô trên."
            } else {
                "The spreadsheet reader did not start. Reload the page while online, or copy the table and paste it above."
            }
        }
    };
    text.into()
}

/// The note on figures read from formula cells, when there are any.
pub fn formula_note(count: usize, locale: Locale) -> Option<String> {
    (count > 0).then(|| {
        if locale == Locale::Vi {
            format!("{count} số liệu nằm trong ô có công thức: ứng dụng dùng giá trị đã tính sẵn lưu trong tệp, không tính lại công thức.")
        } else {
            format!("{count} figures are in formula cells: the app uses the values the file saved when it was last calculated, and does not recalculate.")
        }
    })
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

/// Why an edit of a model was not applied, in words.
pub fn edit_error_text(e: &EditError, locale: Locale) -> String {
    let vi = locale == Locale::Vi;
    match e {
        EditError::UnknownIndicator(id) => {
            if vi {
                format!("Không có chỉ tiêu mã {id} trong bộ chỉ tiêu.")
            } else {
                format!("There is no indicator {id} in the targets.")
            }
        }
        EditError::UnknownGroup(id) => {
            if vi {
                format!("Không có nhóm mã {id}.")
            } else {
                format!("There is no group {id}.")
            }
        }
        EditError::DuplicateId(id) => {
            if vi {
                format!("Mã {id} đã có; hãy chọn mã khác.")
            } else {
                format!("The id {id} is taken; choose another.")
            }
        }
        EditError::EmptyName => (if vi {
            "Tên không được để trống."
        } else {
            "The name cannot be empty."
        })
        .into(),
        EditError::EmptySource => (if vi {
            "Mỗi số liệu cần nguồn: tên văn bản và trích dẫn (hoặc trang)."
        } else {
            "Every figure needs its source: the document and the words quoted (or the page)."
        })
        .into(),
        EditError::BadDate(d) => {
            if vi {
                format!("Ngày văn bản “{d}” chưa đúng; viết năm-tháng-ngày, ví dụ 2026-02-20.")
            } else {
                format!(
                    "The document date “{d}” is not right; write year-month-day, e.g. 2026-02-20."
                )
            }
        }
        EditError::SameFigureTwice => (if vi {
            "Văn bản này đã có số liệu cùng năm và loại cho chỉ tiêu này."
        } else {
            "This document already gives a figure of this year and kind for the indicator."
        })
        .into(),
        EditError::Invalid(errors) => {
            let first = errors
                .first()
                .map(|e| data_error_hint(e, vi))
                .unwrap_or_default();
            if vi {
                format!(
                    "Thay đổi làm bộ chỉ tiêu không hợp lệ ({} lỗi{first}); không áp dụng.",
                    errors.len()
                )
            } else {
                format!(
                    "The change would make the targets invalid ({} problems{first}); not applied.",
                    errors.len()
                )
            }
        }
    }
}

/// The first problem of an invalid edit, briefly: ": đơn vị furlong chưa có".
fn data_error_hint(e: &DataError, vi: bool) -> String {
    match e {
        DataError::BadTerm if vi => ": năm gốc phải trước năm đầu kỳ".into(),
        DataError::BadTerm => ": the base year must come before the first year".into(),
        DataError::UnknownReference {
            what: "unit", id, ..
        } if vi => {
            format!(": đơn vị {id} chưa có trong ứng dụng")
        }
        DataError::UnknownReference {
            what: "unit", id, ..
        } => {
            format!(": the app does not know the unit {id}")
        }
        DataError::BadNumber { .. } if vi => ": số không hợp lệ".into(),
        DataError::BadNumber { .. } => ": a number that is not valid".into(),
        DataError::UnitMismatch { unit, .. } if vi => {
            format!(": đơn vị {unit} không hợp với loại số liệu")
        }
        DataError::UnitMismatch { unit, .. } => {
            format!(": the unit {unit} does not fit the figure")
        }
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_two_different_languages() {
        // `ALL` is written by the `messages!` macro: a new message cannot escape it.
        for &m in ModelMsg::ALL {
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
