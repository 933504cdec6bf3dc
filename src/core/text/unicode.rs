//! One written form for text a person gives names with: Unicode NFC (precomposed letters).
//!
//! Vietnamese letters can be written precomposed ("ệ", one code point) or as a base
//! letter with combining marks ("e" + U+0323 + U+0302), and keyboards, operating systems
//! and copy-paste produce either. Both look the same, so a draft name or note read from a
//! file, a link or storage is brought to NFC ([`nfc`]) and names are compared in that
//! form ([`same_text`]); otherwise an import would add a second, identical-looking draft.
//! Pure text in, text out.
//!
//! On the host the normalisation is the `unicode-normalization` crate. In the browser the
//! same Unicode algorithm is already there (`String.prototype.normalize`), so the wasm
//! binary does not carry the crate's tables (about 64 KB gzip of the first load): the
//! browser adapter hands its function to [`use_normalizer`] once at start-up.

use std::sync::OnceLock;

/// The normaliser given by the host environment (the browser's), if any.
static NORMALIZER: OnceLock<fn(&str) -> String> = OnceLock::new();

/// Makes [`nfc`] use `normalize` (a function giving Unicode NFC), from now on. Only the
/// first call counts.
pub fn use_normalizer(normalize: fn(&str) -> String) {
    // A second call changes nothing: the first normaliser stays.
    let _ = NORMALIZER.set(normalize);
}

/// `text` in Unicode normalisation form C.
pub fn nfc(text: &str) -> String {
    if text.is_ascii() {
        return text.to_string();
    }
    match NORMALIZER.get() {
        Some(normalize) => normalize(text),
        None => built_in(text),
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn built_in(text: &str) -> String {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => text.to_string(),
        IsNormalized::No | IsNormalized::Maybe => text.nfc().collect(),
    }
}

/// In the browser before the adapter has given its normaliser: the text as it is.
#[cfg(target_arch = "wasm32")]
fn built_in(text: &str) -> String {
    text.to_string()
}

/// Whether two texts are the same once both are in NFC.
pub fn same_text(a: &str, b: &str) -> bool {
    a == b || nfc(a) == nfc(b)
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
