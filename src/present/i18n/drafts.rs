//! Vietnamese and English texts of the drafts feature (list, saving, storage health,
//! files, links, comparison). Kept apart from `i18n` so each feature's words are in
//! one place; the same `Locale` chooses.

use crate::core::draft::file::ImportError;
use crate::core::draft::record::{DraftError, EncodeError, Repair};
use crate::core::draft::session::{Protection, SaveStatus, StoreError, Unavailable};
use crate::core::draft::share_link::{LinkOutcome, ShareError};
use crate::core::draft::storage_policy::WriteFailure;
use crate::core::text::numfmt::Locale;

messages! {
/// A text of the drafts feature.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DraftMsg {
    /// Heading of the drafts panel.
    Drafts,
    /// Label of the name field.
    Name,
    /// Label of the note field.
    Note,
    /// Button: new draft.
    New,
    /// Button: duplicate.
    Duplicate,
    /// Button: delete.
    Delete,
    /// Button: undo the deletion.
    Undo,
    /// Suffix of a copy's name.
    CopySuffix,
    /// Heading of the list.
    YourDrafts,
    /// No draft yet, storage empty.
    NoDraftsYet,
    /// No draft open.
    NoDraftOpen,
    /// Label of "changed at".
    Changed,
    /// Number of inputs.
    Inputs,
    /// Deleted notice (followed by the name).
    DeletedNotice,
    /// Storage health heading.
    StorageHealth,
    /// Where drafts live: this browser.
    LivesInBrowser,
    /// Where drafts live: memory only.
    LivesInMemory,
    /// Last exported (followed by date).
    LastExported,
    /// Never exported.
    NeverExported,
    /// Export reminder.
    ExportReminder,
    /// Memory-only warning.
    MemoryOnlyWarning,
    /// Quota warning.
    QuotaWarning,
    /// Readback mismatch warning.
    MismatchWarning,
    /// The open draft's record vanished from storage and was written back.
    WrittenBackNotice,
    /// Other write failure.
    WriteFailedWarning,
    /// Conflict with another tab.
    ConflictWarning,
    /// Button: take the other tab's version.
    TakeTheirs,
    /// Button: keep mine as a copy.
    KeepMine,
    /// Read-only (newer version).
    ReadOnlyWarning,
    /// Button: save as a copy.
    SaveAsCopy,
    /// Records set aside.
    SetAsideWarning,
    /// Button: download the record.
    DownloadRecord,
    /// Button: remove the record.
    RemoveRecord,
    /// Confirm removal of an unreadable record.
    ConfirmRemoveRecord,
    /// Storage nearly full.
    NearlyFull,
    /// Button: export now.
    ExportNow,
    /// Button: try again.
    TryAgain,
    /// Button: save this draft (unsaved, from a link).
    SaveDraft,
    /// Open this draft.
    Open,
    /// The draft is open.
    IsOpen,
    /// Restore hint when no drafts are found.
    RestoreHint,
    /// Export failed (followed by the reason).
    ExportFailed,
    /// "Entry" in an import report.
    Entry,
    /// Suffix of an imported copy's name.
    ImportedSuffix,
    /// Confirmation before importing (followed by a count).
    ConfirmImport,
    /// Import report: added.
    ImportedOne,
    /// Import report: added as a copy.
    ImportedCopy,
    /// Import report: already here.
    AlreadyHere,
    /// Label of the share link field.
    ShareLinkLabel,
    /// Hint under the share link.
    ShareLinkHint,
    /// The draft is too big for a link.
    ShareTooLong,
    /// Button: export this draft.
    ExportDraft,
    /// Button: export all drafts.
    ExportAll,
    /// Button: import a file.
    ImportFile,
    /// Button: share as a link.
    ShareLink,
    /// A share link could not be opened (followed by the reason).
    LinkUnreadable,
    /// A share link opened as a new unsaved draft.
    LinkOpened,
    /// A share link's model is not in this app.
    LinkModelMissing,
    /// Where drafts live: this portal (embedded).
    LivesInPortal,
    /// Reloading into a new version would lose unsaved edits.
    ReloadLosesEdits,
    /// The browser refused to save the download.
    DownloadRefused,
    /// The browser could not read the chosen file.
    FileNotRead,
}
}

/// The text of `msg` in `locale`.
pub fn dt(msg: DraftMsg, locale: Locale) -> &'static str {
    let (vi, en) = match msg {
        DraftMsg::Drafts => ("Bản nháp kịch bản", "Scenario drafts"),
        DraftMsg::Name => ("Tên bản nháp", "Draft name"),
        DraftMsg::Note => ("Ghi chú", "Note"),
        DraftMsg::New => ("Bản nháp mới", "New draft"),
        DraftMsg::Duplicate => ("Nhân bản", "Duplicate"),
        DraftMsg::Delete => ("Xóa", "Delete"),
        DraftMsg::Undo => ("Hoàn tác", "Undo"),
        DraftMsg::CopySuffix => (" (bản sao)", " (copy)"),
        DraftMsg::YourDrafts => ("Các bản nháp của tỉnh này", "Drafts for this province"),
        DraftMsg::NoDraftsYet => (
            "Chưa có bản nháp nào trong trình duyệt này. Nhập giả định ở phần \"Cần đạt gì\" là bản nháp được tạo và tự lưu.",
            "No drafts in this browser yet. Type an assumption under \"What is needed\" and a draft is created and saved automatically.",
        ),
        DraftMsg::NoDraftOpen => ("Chưa mở bản nháp nào", "No draft open"),
        DraftMsg::Changed => ("Sửa lúc", "Changed"),
        DraftMsg::Inputs => ("giả định", "inputs"),
        DraftMsg::DeletedNotice => ("Đã xóa bản nháp", "Deleted draft"),
        DraftMsg::StorageHealth => ("Nơi lưu", "Where drafts are kept"),
        DraftMsg::LivesInBrowser => (
            "Bản nháp lưu trong trình duyệt này, trên máy này.",
            "Drafts are kept in this browser, on this computer.",
        ),
        DraftMsg::LivesInMemory => (
            "Bản nháp chỉ giữ trong bộ nhớ: sẽ mất khi đóng trang.",
            "Drafts are only in memory: they are lost when the page closes.",
        ),
        DraftMsg::LastExported => ("Xuất tệp lần cuối", "Last exported"),
        DraftMsg::NeverExported => ("Chưa xuất tệp lần nào", "Never exported to a file"),
        DraftMsg::ExportReminder => (
            "Đã lâu chưa xuất các bản nháp ra tệp. Trình duyệt có thể xóa dữ liệu; hãy xuất tệp để giữ an toàn.",
            "Drafts have not been exported for a while. The browser may clear its data; export a file to keep them safe.",
        ),
        DraftMsg::MemoryOnlyWarning => (
            "Trình duyệt không cho lưu dữ liệu: bản nháp chỉ giữ trong bộ nhớ và sẽ mất khi đóng trang. Hãy xuất tệp trước khi đóng.",
            "The browser does not allow saving: drafts are kept in memory only and are lost when the page closes. Export a file before closing.",
        ),
        DraftMsg::QuotaWarning => (
            "Bộ nhớ của trình duyệt đã đầy: thay đổi mới nhất chưa được lưu. Bản đã lưu trước đó vẫn nguyên vẹn; thay đổi đang giữ trong trang này. Hãy xuất tệp ngay.",
            "The browser's storage is full: the latest changes are not saved. The previously saved version is untouched; your changes are kept in this page. Export a file now.",
        ),
        DraftMsg::MismatchWarning => (
            "Dữ liệu đọc lại khác với dữ liệu vừa ghi (có thể trình duyệt hoặc ứng dụng khác đã xóa dữ liệu). Thay đổi đang giữ trong trang này; hãy xuất tệp ngay.",
            "What was read back differs from what was written (the browser or another app may have cleared storage). Your changes are kept in this page; export a file now.",
        ),
        DraftMsg::WrittenBackNotice => (
            "Bản nháp đang mở đã bị xóa khỏi bộ nhớ trình duyệt (có thể một trang khác đã xóa dữ liệu). Trang này còn giữ nó và đã ghi lại; hãy xuất tệp để giữ một bản riêng.",
            "The open draft was removed from browser storage (another page may have cleared it). This page still had it and has written it back; export a file to keep a copy of your own.",
        ),
        DraftMsg::WriteFailedWarning => (
            "Không lưu được bản nháp. Thay đổi đang giữ trong trang này; hãy xuất tệp.",
            "The draft could not be saved. Your changes are kept in this page; export a file.",
        ),
        DraftMsg::ConflictWarning => (
            "Bản nháp này vừa được sửa ở một thẻ khác. Thẻ này tạm ngừng lưu để không ghi đè bản mới hơn.",
            "This draft was just changed in another tab. This tab has stopped saving so it does not overwrite the newer version.",
        ),
        DraftMsg::TakeTheirs => ("Dùng bản của thẻ kia", "Use the other tab's version"),
        DraftMsg::KeepMine => ("Giữ bản của tôi thành bản sao", "Keep mine as a copy"),
        DraftMsg::ReadOnlyWarning => (
            "Bản nháp này do phiên bản mới hơn của ứng dụng tạo ra nên chỉ được xem, không được ghi đè.",
            "This draft was made by a newer version of the app, so it is read-only here and never overwritten.",
        ),
        DraftMsg::SaveAsCopy => ("Lưu thành bản sao", "Save as a copy"),
        DraftMsg::SetAsideWarning => (
            "Có bản nháp đã lưu không đọc được. Ứng dụng để riêng, không ghi đè; các bản nháp khác vẫn dùng bình thường.",
            "Some saved drafts cannot be read. They are set aside and never overwritten; the other drafts work as usual.",
        ),
        DraftMsg::DownloadRecord => ("Tải về", "Download"),
        DraftMsg::RemoveRecord => ("Xóa bản hỏng", "Remove"),
        DraftMsg::ConfirmRemoveRecord => (
            "Xóa hẳn bản nháp không đọc được này? Hãy tải về trước nếu cần.",
            "Remove this unreadable draft for good? Download it first if you need it.",
        ),
        DraftMsg::NearlyFull => (
            "Bộ nhớ trình duyệt sắp đầy (trên 80%). Hãy xuất tệp và xóa bớt bản nháp cũ.",
            "Browser storage is nearly full (over 80%). Export a file and delete old drafts.",
        ),
        DraftMsg::ExportNow => ("Xuất tệp ngay", "Export now"),
        DraftMsg::TryAgain => ("Thử lưu lại", "Try again"),
        DraftMsg::SaveDraft => ("Lưu bản nháp", "Save draft"),
        DraftMsg::Open => ("Mở", "Open"),
        DraftMsg::IsOpen => ("đang mở", "open"),
        DraftMsg::RestoreHint => (
            "Nếu đã xuất các bản nháp ra tệp, có thể khôi phục bằng nút Nhập tệp.",
            "If you exported drafts to a file, restore them with Import file.",
        ),
        DraftMsg::ExportFailed => ("Không xuất được tệp:", "Could not export the file:"),
        DraftMsg::Entry => ("Mục", "Entry"),
        DraftMsg::ImportedSuffix => (" (bản nhập)", " (imported)"),
        DraftMsg::ConfirmImport => (
            "Nhập thêm bản nháp từ tệp? Các bản nháp hiện có không bị thay đổi. Số bản nháp sẽ thêm:",
            "Add drafts from the file? Existing drafts are not changed. Drafts to add:",
        ),
        DraftMsg::ImportedOne => ("Đã nhập", "Imported"),
        DraftMsg::ImportedCopy => (
            "Đã nhập thành bản sao (trùng mã với bản nháp khác)",
            "Imported as a copy (its id was taken by another draft)",
        ),
        DraftMsg::AlreadyHere => ("Đã có sẵn, bỏ qua", "Already here, skipped"),
        DraftMsg::ShareLinkLabel => ("Liên kết chia sẻ bản nháp", "Link to this draft"),
        DraftMsg::ShareLinkHint => (
            "Người mở liên kết nhận một bản nháp mới chưa lưu; bản nháp của họ không bị thay đổi. Nội dung nằm sau dấu # nên không gửi lên máy chủ.",
            "Whoever opens the link gets a new unsaved draft; their own drafts are not changed. The content is after the #, so it is never sent to a server.",
        ),
        DraftMsg::ShareTooLong => (
            "Bản nháp quá lớn để gửi bằng liên kết. Hãy xuất tệp và gửi tệp.",
            "This draft is too large for a link. Export a file and send the file instead.",
        ),
        DraftMsg::ExportDraft => ("Xuất nháp ra tệp", "Export draft to a file"),
        DraftMsg::ExportAll => ("Xuất tất cả", "Export all"),
        DraftMsg::ImportFile => ("Nhập tệp", "Import file"),
        DraftMsg::ShareLink => ("Tạo liên kết chia sẻ", "Share as a link"),
        DraftMsg::LinkUnreadable => ("Không mở được liên kết bản nháp:", "The draft link cannot be opened:"),
        DraftMsg::LinkOpened => (
            "Đã mở bản nháp từ liên kết. Bản nháp này chưa được lưu; sửa hoặc bấm Lưu để giữ lại.",
            "Opened a draft from a link. It is not saved yet; edit it or press Save to keep it.",
        ),
        DraftMsg::LinkModelMissing => (
            "Liên kết thuộc về tỉnh hoặc nhiệm kỳ không có trong ứng dụng này.",
            "The link belongs to a province or term this app does not hold.",
        ),
        DraftMsg::LivesInPortal => (
            "Bản nháp lưu trong trình duyệt này, riêng cho cổng thông tin này (tách biệt với bản nháp mở ứng dụng trực tiếp).",
            "Drafts are kept in this browser, for this portal only (apart from drafts made in the standalone app).",
        ),
        DraftMsg::ReloadLosesEdits => (
            "Có thay đổi chưa lưu được vào trình duyệt. Tải lại bây giờ sẽ mất các thay đổi đó. Vẫn tải lại?",
            "Some changes could not be saved in the browser. Reloading now loses them. Reload anyway?",
        ),
        DraftMsg::DownloadRefused => (
            "Trình duyệt không cho tải tệp xuống.",
            "The browser did not allow the download.",
        ),
        DraftMsg::FileNotRead => (
            "Trình duyệt không đọc được tệp đã chọn.",
            "The browser could not read the chosen file.",
        ),
    };
    match locale {
        Locale::Vi => vi,
        Locale::En => en,
    }
}

/// Why a file cannot be imported, in the person's language.
pub fn import_error_text(e: &ImportError, locale: Locale) -> String {
    let vi = matches!(locale, Locale::Vi);
    let text = match e {
        ImportError::TooLarge { .. } => {
            if vi {
                "Tệp quá lớn (tối đa 5 MB)."
            } else {
                "The file is too large (5 MB at most)."
            }
        }
        ImportError::Empty => {
            if vi {
                "Tệp rỗng."
            } else {
                "The file is empty."
            }
        }
        ImportError::Utf16 => {
            if vi {
                "Tệp được lưu dạng UTF-16; hãy lưu lại dạng UTF-8."
            } else {
                "The file is UTF-16 text; save it again as UTF-8."
            }
        }
        ImportError::Archive => {
            if vi {
                "Đây là tệp nén (Excel hoặc Word?), không phải tệp bản nháp JSON."
            } else {
                "This is an archive (Excel or Word?), not a JSON drafts file."
            }
        }
        ImportError::NotText | ImportError::NotJson(_) | ImportError::NotAnObject => {
            if vi {
                "Tệp không phải tệp bản nháp (không đọc được JSON)."
            } else {
                "This is not a drafts file (not readable JSON)."
            }
        }
        ImportError::TooDeep => {
            if vi {
                "Tệp lồng quá sâu, không phải tệp bản nháp."
            } else {
                "The file is nested too deeply to be a drafts file."
            }
        }
        ImportError::DuplicateKey(_) => {
            if vi {
                "Tệp có trường bị lặp lại nên không rõ giá trị nào đúng; tệp bị từ chối."
            } else {
                "The file repeats a field, so it is unclear which value is meant; it was refused."
            }
        }
        ImportError::NotOurApp | ImportError::NoDrafts => {
            if vi {
                "Tệp không chứa bản nháp của ứng dụng này."
            } else {
                "The file holds no drafts of this app."
            }
        }
        ImportError::UnknownVersion => {
            if vi {
                "Không rõ phiên bản định dạng của tệp."
            } else {
                "The file's format version is unknown."
            }
        }
        ImportError::NewerVersion(_) => {
            if vi {
                "Tệp do phiên bản mới hơn của ứng dụng tạo ra; hãy cập nhật ứng dụng."
            } else {
                "The file was made by a newer version of the app; update the app."
            }
        }
        ImportError::TooManyDrafts { .. } => {
            if vi {
                "Tệp có quá nhiều bản nháp (tối đa 1.000)."
            } else {
                "The file holds too many drafts (1,000 at most)."
            }
        }
    };
    text.to_string()
}

/// The save status as a short text.
pub fn status_text(status: &SaveStatus, locale: Locale, time: &str) -> String {
    let vi = matches!(locale, Locale::Vi);
    match status {
        SaveStatus::Idle => String::new(),
        SaveStatus::Pending => if vi {
            "Đang chờ lưu…"
        } else {
            "Saving…"
        }
        .into(),
        SaveStatus::Saved(_) => {
            if vi {
                format!("Đã lưu lúc {time}")
            } else {
                format!("Saved at {time}")
            }
        }
        SaveStatus::WrittenBack(_) => {
            if vi {
                format!("Đã ghi lại lúc {time}")
            } else {
                format!("Written back at {time}")
            }
        }
        SaveStatus::MemoryOnly => if vi {
            "Chỉ giữ trong bộ nhớ"
        } else {
            "In memory only"
        }
        .into(),
        SaveStatus::Failed(_) => if vi {
            "Chưa lưu được"
        } else {
            "Not saved"
        }
        .into(),
        SaveStatus::Conflict(_) => if vi {
            "Đã sửa ở thẻ khác"
        } else {
            "Changed in another tab"
        }
        .into(),
        SaveStatus::ReadOnly => if vi { "Chỉ xem" } else { "Read-only" }.into(),
    }
}

/// A stable code of the save status for tests and styling.
pub fn status_code(status: &SaveStatus) -> &'static str {
    match status {
        SaveStatus::Idle => "idle",
        SaveStatus::Pending => "pending",
        SaveStatus::Saved(_) => "saved",
        SaveStatus::WrittenBack(_) => "written-back",
        SaveStatus::MemoryOnly => "memory-only",
        SaveStatus::Failed(StoreError::Write(WriteFailure::Quota)) => "quota",
        SaveStatus::Failed(StoreError::Mismatch) => "mismatch",
        SaveStatus::Failed(_) => "failed",
        SaveStatus::Conflict(_) => "conflict",
        SaveStatus::ReadOnly => "read-only",
    }
}

/// Whether the browser protects storage, as a sentence.
pub fn protection_text(p: Protection, locale: Locale) -> &'static str {
    match (p, locale) {
        (Protection::Protected, Locale::Vi) => {
            "Trình duyệt đã đồng ý giữ dữ liệu này (không tự xóa khi thiếu chỗ)."
        }
        (Protection::Protected, Locale::En) => {
            "The browser has agreed to keep this data (it will not clear it to free space)."
        }
        (Protection::NotProtected, Locale::Vi) => {
            "Chưa được bảo vệ: trình duyệt có thể tự xóa dữ liệu. Hãy xuất tệp thường xuyên."
        }
        (Protection::NotProtected, Locale::En) => {
            "Not protected: the browser may clear this data. Export files regularly."
        }
        (Protection::Unknown, Locale::Vi) => "Đang hỏi trình duyệt có giữ dữ liệu không…",
        (Protection::Unknown, Locale::En) => "Asking the browser whether it keeps this data…",
    }
}

/// Why storage is unavailable, as a detail.
pub fn unavailable_text(u: &Unavailable, locale: Locale) -> String {
    let vi = matches!(locale, Locale::Vi);
    match u {
        Unavailable::Blocked(name) => {
            if vi {
                format!("Trình duyệt chặn bộ nhớ cục bộ ({name}).")
            } else {
                format!("The browser blocks local storage ({name}).")
            }
        }
        Unavailable::Missing => if vi {
            "Bộ nhớ cục bộ bị tắt trong trình duyệt."
        } else {
            "Local storage is turned off in this browser."
        }
        .into(),
        Unavailable::WriteFailed(WriteFailure::Quota) => if vi {
            "Bộ nhớ cục bộ đã đầy."
        } else {
            "Local storage is full."
        }
        .into(),
        Unavailable::WriteFailed(WriteFailure::Other) => if vi {
            "Không ghi được vào bộ nhớ cục bộ."
        } else {
            "Local storage refuses writes."
        }
        .into(),
    }
}

/// Why a stored record or an imported entry cannot be read.
pub fn draft_error_text(e: &DraftError, locale: Locale) -> String {
    let vi = matches!(locale, Locale::Vi);
    match e {
        DraftError::NotJson(_) => if vi {
            "dữ liệu bị hỏng hoặc bị cắt cụt"
        } else {
            "the data is damaged or cut short"
        }
        .into(),
        DraftError::NotADraft => if vi {
            "không phải bản nháp của ứng dụng này"
        } else {
            "not a draft of this app"
        }
        .into(),
        DraftError::NewerVersion(v) => {
            if vi {
                format!("do phiên bản mới hơn tạo (định dạng {v})")
            } else {
                format!("made by a newer version (format {v})")
            }
        }
        DraftError::BadField(f) => {
            if vi {
                format!("thiếu hoặc sai trường \"{f}\"")
            } else {
                format!("field \"{f}\" is missing or wrong")
            }
        }
        DraftError::TooLarge => if vi {
            "quá nhiều giả định"
        } else {
            "too many inputs"
        }
        .into(),
    }
}

/// Why a draft cannot be written to a file or a link.
pub fn encode_error_text(e: &EncodeError, locale: Locale) -> &'static str {
    match (e, locale) {
        (EncodeError::NonFinite { .. }, Locale::Vi) => {
            "Bản nháp có một giá trị không phải số hữu hạn nên không ghi được."
        }
        (EncodeError::NonFinite { .. }, Locale::En) => {
            "The draft holds a value that is not a finite number, so it cannot be written."
        }
    }
}

/// Why an export did not reach a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportFailure {
    /// A draft holds a number that cannot be written.
    Encode(EncodeError),
    /// The browser refused the download (its own message is not for the person).
    Download,
}

/// Why an export failed, as one sentence: "Could not export the file: …".
pub fn export_failure_text(e: &ExportFailure, locale: Locale) -> String {
    let reason = match e {
        ExportFailure::Encode(e) => encode_error_text(e, locale),
        ExportFailure::Download => dt(DraftMsg::DownloadRefused, locale),
    };
    format!("{} {reason}", dt(DraftMsg::ExportFailed, locale))
}

/// Why a draft cannot become a link, or a link cannot become a draft, in the person's
/// language (never the error's `Display` text).
pub fn share_error_text(e: &ShareError, locale: Locale) -> String {
    let vi = matches!(locale, Locale::Vi);
    let text = match e {
        ShareError::TooLong { .. } => dt(DraftMsg::ShareTooLong, locale),
        ShareError::Encode(e) => encode_error_text(e, locale),
        ShareError::InputTooLong { .. } | ShareError::TooLarge => {
            if vi {
                "Liên kết quá lớn để là liên kết bản nháp của ứng dụng này."
            } else {
                "The link is too large to be a draft link of this app."
            }
        }
        ShareError::Malformed => {
            if vi {
                "Đây không phải liên kết bản nháp."
            } else {
                "This is not a draft link."
            }
        }
        ShareError::UnknownVersion => {
            if vi {
                "Không rõ phiên bản của liên kết."
            } else {
                "The link's version is unknown."
            }
        }
        ShareError::NewerVersion(_) => {
            if vi {
                "Liên kết do phiên bản mới hơn của ứng dụng tạo ra; hãy cập nhật ứng dụng."
            } else {
                "The link was made by a newer version of the app; update the app."
            }
        }
        ShareError::BadBase64 | ShareError::Corrupt | ShareError::ChecksumMismatch => {
            if vi {
                "Liên kết bị cắt cụt hoặc bị sửa (thường do chỉ sao chép được một phần); hãy nhờ gửi lại."
            } else {
                "The link was cut short or changed (often when only part of it was copied); ask for it again."
            }
        }
        ShareError::Json(_) => {
            if vi {
                "Nội dung liên kết không đọc được."
            } else {
                "The link's content cannot be read."
            }
        }
        ShareError::Draft(e) => {
            return if vi {
                format!("Bản nháp trong liên kết: {}.", draft_error_text(e, locale))
            } else {
                format!("The draft in the link: {}.", draft_error_text(e, locale))
            };
        }
    };
    text.to_string()
}

/// The notice after opening a share link: a stable kind (for tests and styling:
/// `opened`, `model-missing`, `unreadable`) and the text in `locale`.
pub fn link_notice(outcome: &LinkOutcome, locale: Locale) -> (&'static str, String) {
    match outcome {
        LinkOutcome::Opened { repairs } => {
            let mut text = dt(DraftMsg::LinkOpened, locale).to_string();
            if let Some(repaired) = repairs_text(repairs, locale) {
                text.push(' ');
                text.push_str(repaired);
            }
            ("opened", text)
        }
        LinkOutcome::ModelMissing => (
            "model-missing",
            dt(DraftMsg::LinkModelMissing, locale).to_string(),
        ),
        LinkOutcome::Unreadable(e) => (
            "unreadable",
            format!(
                "{} {}",
                dt(DraftMsg::LinkUnreadable, locale),
                share_error_text(e, locale)
            ),
        ),
    }
}

/// Whether any repair is worth telling the person about.
pub fn repairs_text(repairs: &[Repair], locale: Locale) -> Option<&'static str> {
    (!repairs.is_empty()).then_some(match locale {
        Locale::Vi => "Một số trường thiếu hoặc hỏng đã được sửa về mặc định.",
        Locale::En => "Some missing or damaged fields were set to their defaults.",
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::codec::strict_json::JsonError;
    use crate::present::i18n::tests::two_languages;

    #[test]
    fn every_drafts_message_has_two_languages() {
        for &m in DraftMsg::ALL {
            two_languages(&format!("{m:?}"), dt(m, Locale::Vi), dt(m, Locale::En));
        }
    }

    fn share_errors() -> Vec<ShareError> {
        vec![
            ShareError::TooLong { chars: 2000 },
            ShareError::Encode(EncodeError::NonFinite {
                field: "chain/icor/2025".into(),
            }),
            ShareError::InputTooLong { chars: 9000 },
            ShareError::Malformed,
            ShareError::UnknownVersion,
            ShareError::NewerVersion(2),
            ShareError::BadBase64,
            ShareError::Corrupt,
            ShareError::TooLarge,
            ShareError::ChecksumMismatch,
            ShareError::Json(JsonError::TooDeep),
            ShareError::Draft(DraftError::BadField("model")),
        ]
    }

    #[test]
    fn link_errors_are_words_in_the_persons_language() {
        for e in share_errors() {
            let (vi, en) = (
                share_error_text(&e, Locale::Vi),
                share_error_text(&e, Locale::En),
            );
            two_languages(&format!("{e:?}"), &vi, &en);
            assert_ne!(vi, e.to_string(), "never the Display text");
            assert_ne!(en, e.to_string(), "never the Display text");
        }
        // The words the issue reported in English inside the Vietnamese interface.
        assert_eq!(
            ShareError::BadBase64.to_string(),
            "link payload is not base64url"
        );
        let (kind, text) = link_notice(&LinkOutcome::Unreadable(ShareError::BadBase64), Locale::Vi);
        assert_eq!(kind, "unreadable");
        assert_eq!(
            text,
            "Không mở được liên kết bản nháp: Liên kết bị cắt cụt hoặc bị sửa \
             (thường do chỉ sao chép được một phần); hãy nhờ gửi lại."
        );
        assert!(!text.contains("base64"));
    }

    #[test]
    fn link_notices_have_a_kind_and_say_what_was_repaired() {
        let opened = LinkOutcome::Opened { repairs: vec![] };
        assert_eq!(
            link_notice(&opened, Locale::Vi),
            ("opened", dt(DraftMsg::LinkOpened, Locale::Vi).to_string())
        );
        let repaired = LinkOutcome::Opened {
            repairs: vec![Repair::FieldDefaulted("note")],
        };
        let (kind, text) = link_notice(&repaired, Locale::En);
        assert_eq!(kind, "opened");
        assert_eq!(
            text,
            "Opened a draft from a link. It is not saved yet; edit it or press Save to keep it. \
             Some missing or damaged fields were set to their defaults."
        );
        assert_eq!(
            link_notice(&LinkOutcome::ModelMissing, Locale::En).0,
            "model-missing"
        );
    }

    #[test]
    fn repairs_are_told_only_when_there_are_some() {
        assert_eq!(repairs_text(&[], Locale::Vi), None);
        let some = [Repair::TextShortened("name")];
        two_languages(
            "repairs",
            repairs_text(&some, Locale::Vi).unwrap_or_default(),
            repairs_text(&some, Locale::En).unwrap_or_default(),
        );
    }

    #[test]
    fn export_failures_are_words() {
        let e = EncodeError::NonFinite { field: "x".into() };
        two_languages(
            "encode",
            encode_error_text(&e, Locale::Vi),
            encode_error_text(&e, Locale::En),
        );
        for f in [ExportFailure::Encode(e), ExportFailure::Download] {
            let (vi, en) = (
                export_failure_text(&f, Locale::Vi),
                export_failure_text(&f, Locale::En),
            );
            two_languages(&format!("{f:?}"), &vi, &en);
            assert!(vi.starts_with("Không xuất được tệp: "), "{vi}");
        }
        assert_eq!(
            export_failure_text(&ExportFailure::Download, Locale::En),
            "Could not export the file: The browser did not allow the download."
        );
    }
}

#[cfg(test)]
mod written_back_tests {
    use super::*;

    #[test]
    fn a_record_written_back_is_told_in_both_languages_and_not_as_saved() {
        let status = SaveStatus::WrittenBack(0);
        assert_eq!(status_code(&status), "written-back");
        assert_eq!(
            status_text(&status, Locale::Vi, "17:30"),
            "Đã ghi lại lúc 17:30"
        );
        assert_eq!(
            status_text(&status, Locale::En, "17:30"),
            "Written back at 17:30"
        );
        let vi = dt(DraftMsg::WrittenBackNotice, Locale::Vi);
        let en = dt(DraftMsg::WrittenBackNotice, Locale::En);
        assert!(vi.contains("đã ghi lại") && en.contains("written it back"));
    }
}
