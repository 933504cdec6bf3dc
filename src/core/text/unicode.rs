//! One written form for text a person gives names with: Unicode NFC (precomposed letters).
//!
//! Vietnamese letters can be written precomposed ("ệ", one code point) or as a base
//! letter with combining marks ("e" + U+0323 + U+0302), and keyboards, operating systems
//! and copy-paste produce either. Both look the same, so a draft name or note read from a
//! file, a link or storage is brought to NFC ([`nfc`]) and names are compared in that
//! form ([`same_text`]); otherwise an import would add a second, identical-looking draft.
//! Pure text in, text out.

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// `text` in Unicode normalisation form C.
pub fn nfc(text: &str) -> String {
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => text.to_string(),
        IsNormalized::No | IsNormalized::Maybe => text.nfc().collect(),
    }
}

/// Whether two texts are the same once both are in NFC.
pub fn same_text(a: &str, b: &str) -> bool {
    a == b || a.nfc().eq(b.nfc())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn composed(text: &str, expected: &str) {
        assert_eq!(nfc(text), expected, "{text:?}");
        assert!(same_text(text, expected), "{text:?}");
    }

    #[test]
    fn decomposed_vietnamese_letters_are_composed() {
        composed("Ke\u{0302}\u{0301} hoa\u{0323}ch", "Kế hoạch");
        composed("e\u{0323}\u{0302}", "ệ");
        composed("Kịch bản", "Kịch bản");
        composed("", "");
        composed("GRDP 2025", "GRDP 2025");
    }

    #[test]
    fn different_letters_stay_different() {
        assert!(!same_text("Kế hoạch", "Ke hoach"));
        assert!(!same_text("ệ", "ê"));
    }
}
