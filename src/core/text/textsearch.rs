//! Accent-insensitive search for Vietnamese text, so that "dan so" finds "Dân số" and
//! "sam ngoc linh" finds "sâm Ngọc Linh".
//!
//! Folding handles both precomposed letters and letters written with combining marks
//! (the seeds mix the two forms) by itself, without normalising first.

/// Folds text for matching: lowercase, Vietnamese diacritics removed, `đ` to `d`.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        if ('\u{0300}'..='\u{036F}').contains(&ch) {
            continue; // combining mark (decomposed form)
        }
        for lower in ch.to_lowercase() {
            out.push(base_letter(lower));
        }
    }
    out
}

fn base_letter(ch: char) -> char {
    const GROUPS: [(char, &str); 6] = [
        ('a', "àáảãạăằắẳẵặâầấẩẫậ"),
        ('e', "èéẻẽẹêềếểễệ"),
        ('i', "ìíỉĩị"),
        ('o', "òóỏõọôồốổỗộơờớởỡợ"),
        ('u', "ùúủũụưừứửữự"),
        ('y', "ỳýỷỹỵ"),
    ];
    if ch == 'đ' {
        return 'd';
    }
    if ch.is_ascii() {
        return ch;
    }
    GROUPS
        .iter()
        .find(|(_, variants)| variants.contains(ch))
        .map_or(ch, |(base, _)| *base)
}

/// True when every word of `query` occurs in one of `haystacks` (after folding).
/// An empty query matches everything.
pub fn matches(query: &str, haystacks: &[&str]) -> bool {
    let folded: Vec<String> = haystacks.iter().map(|h| fold(h)).collect();
    fold(query)
        .split_whitespace()
        .all(|word| folded.iter().any(|h| h.contains(word)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_precomposed_and_decomposed_forms() {
        assert_eq!(fold("Dân số trung bình"), "dan so trung binh");
        assert_eq!(fold("Đắk Nông"), "dak nong");
        assert_eq!(fold("SÂM NGỌC LINH"), "sam ngoc linh");
        // "ỗ" written as o + circumflex + tilde (combining marks)
        assert_eq!(fold("ho\u{0302}\u{0303}"), "ho");
        assert_eq!(fold("Tỷ lệ hộ nghèo"), "ty le ho ngheo");
    }

    #[test]
    fn matches_every_word() {
        assert!(matches(
            "ho ngheo",
            &["Tỷ lệ hộ nghèo", "Poor-household rate"]
        ));
        assert!(matches("poor", &["Tỷ lệ hộ nghèo", "Poor-household rate"]));
        assert!(matches("", &["anything"]));
        assert!(!matches("ho giau", &["Tỷ lệ hộ nghèo"]));
    }
}
