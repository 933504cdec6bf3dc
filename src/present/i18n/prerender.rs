//! Words of the first view pre-rendered into `index.html` at build time
//! (`present::prerender`). Both languages, like `i18n::drafts`.

use crate::core::text::numfmt::Locale;

messages! {
/// A sentence of the pre-rendered first view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrerenderMsg {
    /// Says the table is the default model's, shown while the app starts.
    DefaultModelNote,
    /// Names the model and the build date the table shows (`{model}`, `{date}`).
    ShowsAsOf,
    /// Says the table already answers its filters and search while the rest loads.
    LiveNote,
    /// Says what opens once the rest of the app has loaded (`{what}`).
    Pending,
    /// Says the rest of the app could not be loaded, and what still works.
    LoadFailed,
}
}

/// The text of `msg` in `locale`.
pub fn pt(msg: PrerenderMsg, locale: Locale) -> &'static str {
    let (vi, en) = match msg {
        PrerenderMsg::DefaultModelNote => (
            "Đang khởi động: số liệu của bộ chỉ tiêu mặc định, chưa phải của bạn.",
            "Starting: the default targets, not yet your saved ones.",
        ),
        PrerenderMsg::ShowsAsOf => (
            "Đang hiển thị {model}, bộ chỉ tiêu của ngày {date} (ngày dựng trang).",
            "Showing {model}, the targets for {date} (the day the page was built).",
        ),
        PrerenderMsg::LiveNote => (
            "Bảng đã dùng được: lọc và tìm kiếm ngay. Phần còn lại của ứng dụng đang tải…",
            "The table works now: filter and search it. The rest of the app is loading…",
        ),
        PrerenderMsg::Pending => (
            "Đang tải phần còn lại của ứng dụng; sẽ mở ngay khi tải xong: {what}",
            "Loading the rest of the app; this opens as soon as it is in: {what}",
        ),
        PrerenderMsg::LoadFailed => (
            "Không tải được phần còn lại của ứng dụng (mạng hoặc máy chủ). Bảng trên vẫn lọc và tìm được; tải lại trang để thử lại.",
            "The rest of the app could not be loaded (network or server). The table above can still be filtered and searched; reload the page to try again.",
        ),
    };
    match locale {
        Locale::Vi => vi,
        Locale::En => en,
    }
}

/// [`PrerenderMsg::Pending`] with what will open filled in.
pub fn pending(what: &str, locale: Locale) -> String {
    pt(PrerenderMsg::Pending, locale).replace("{what}", what)
}

/// [`PrerenderMsg::ShowsAsOf`] with the model's heading and the date filled in.
pub fn shows_as_of(model: &str, date: &str, locale: Locale) -> String {
    pt(PrerenderMsg::ShowsAsOf, locale)
        .replace("{model}", model)
        .replace("{date}", date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sentence_has_both_languages() {
        for m in PrerenderMsg::ALL {
            let (vi, en) = (pt(*m, Locale::Vi), pt(*m, Locale::En));
            assert!(!vi.is_empty() && !en.is_empty() && vi != en, "{m:?}");
        }
    }

    #[test]
    fn the_model_and_the_date_are_filled_in() {
        assert_eq!(
            shows_as_of("A", "01/12/2026", Locale::Vi),
            "Đang hiển thị A, bộ chỉ tiêu của ngày 01/12/2026 (ngày dựng trang)."
        );
        assert_eq!(
            shows_as_of("A", "2026-12-01", Locale::En),
            "Showing A, the targets for 2026-12-01 (the day the page was built)."
        );
    }
}
