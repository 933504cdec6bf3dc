//! Words of the first view pre-rendered into `index.html` at build time
//! (`present::prerender`). Both languages, like `i18n::drafts`.

use crate::core::text::numfmt::Locale;

messages! {
/// A sentence of the pre-rendered first view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrerenderMsg {
    /// Says the table is the default model's, shown while the app starts.
    DefaultModelNote,
}
}

/// The text of `msg` in `locale`.
pub fn pt(msg: PrerenderMsg, locale: Locale) -> &'static str {
    let (vi, en) = match msg {
        PrerenderMsg::DefaultModelNote => (
            "Đang khởi động: số liệu của bộ chỉ tiêu mặc định, chưa phải của bạn.",
            "Starting: the default targets, not yet your saved ones.",
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
    fn every_sentence_has_both_languages() {
        for m in PrerenderMsg::ALL {
            let (vi, en) = (pt(*m, Locale::Vi), pt(*m, Locale::En));
            assert!(!vi.is_empty() && !en.is_empty() && vi != en, "{m:?}");
        }
    }
}
