//! The name a draft is shown by: its own, or "(Bản nháp chưa đặt tên)" when the person
//! left it empty, so a draft is never a blank button or a blank column (issue #17).

use crate::present::i18n::first_hour::{ft, FirstMsg};
use crate::present::i18n::Locale;

/// `name`, or the words for an untitled draft when `name` is empty or only spaces.
pub fn draft_label(name: &str, locale: Locale) -> String {
    if name.trim().is_empty() {
        ft(FirstMsg::UntitledDraft, locale).to_string()
    } else {
        name.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(name: &str, locale: Locale) -> String {
        draft_label(name, locale)
    }

    #[test]
    fn an_empty_name_reads_as_untitled() {
        assert_eq!(label("Cao", Locale::Vi), "Cao");
        assert_eq!(label("  Cao ", Locale::Vi), "  Cao ");
        assert_eq!(label("", Locale::Vi), "(Bản nháp chưa đặt tên)");
        assert_eq!(label(" \t", Locale::Vi), "(Bản nháp chưa đặt tên)");
        assert_eq!(label("", Locale::En), "(Untitled draft)");
    }
}
