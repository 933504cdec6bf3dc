//! Search in the words people use: the abbreviations officials write ("thu NS",
//! "vốn ĐTTXH", "NTM") and the common phrasings of a target ("tăng trưởng kinh tế" for
//! GRDP growth), in both languages, on top of the accent-insensitive match of
//! `core::text::textsearch`.
//!
//! The list is data (two small tables below), matched on folded text, so it applies to
//! every model, shipped or imported: a keyword list is attached by what an indicator's
//! name says, never by its id.

use crate::core::model::Indicator;
use crate::core::text::textsearch::fold;

/// Abbreviations a person may type, folded, with what they stand for (folded).
const ABBREVIATIONS: &[(&str, &[&str])] = &[
    ("ns", &["ngan sach"]),
    ("nsnn", &["ngan sach nha nuoc"]),
    ("dttxh", &["dau tu toan xa hoi"]),
    ("ntm", &["nong thon moi"]),
    ("bhyt", &["bao hiem y te"]),
    ("dn", &["doanh nghiep"]),
    ("xk", &["xuat khau"]),
    ("kt", &["kinh te"]),
    ("xh", &["xa hoi"]),
    ("gdp", &["grdp", "tong san pham"]),
    ("ldtbxh", &["lao dong"]),
    ("thcs", &["trung hoc co so"]),
    ("thpt", &["trung hoc pho thong"]),
];

/// Extra words for an indicator whose folded Vietnamese name contains every part of the
/// first element: the phrasings and abbreviations people use for it.
const PHRASINGS: &[(&[&str], &str)] = &[
    (
        &["grdp", "gia so sanh"],
        "tang truong kinh te toc do tang truong grdp economic growth growth rate",
    ),
    (
        &["grdp", "binh quan dau nguoi"],
        "thu nhap binh quan income per head",
    ),
    (
        &["thu ngan sach"],
        "thu ns thu nsnn ngan sach budget revenue state budget",
    ),
    (
        &["dau tu toan xa hoi"],
        "von dttxh dttxh total investment social investment",
    ),
    (&["nong thon moi"], "ntm new rural"),
    (&["ho ngheo"], "giam ngheo poverty poor households"),
    (&["bao hiem y te"], "bhyt health insurance"),
    (&["che phu rung"], "do che phu forest cover"),
    (&["xuat khau"], "xk export"),
    (&["khach du lich"], "du lich tourism tourists"),
    (&["doanh nghiep"], "dn enterprises businesses"),
];

/// The folded words an indicator is found by: its names, its id and the phrasings of
/// [`PHRASINGS`] that its Vietnamese name calls for.
pub fn haystacks(indicator: &Indicator) -> Vec<String> {
    let vi = fold(&indicator.name.vi);
    let mut out = vec![vi.clone(), fold(&indicator.name.en), fold(&indicator.id)];
    out.extend(
        PHRASINGS
            .iter()
            .filter(|(parts, _)| parts.iter().all(|p| vi.contains(p)))
            .map(|(_, words)| (*words).to_string()),
    );
    out
}

/// True when every word of `query` (or what it abbreviates) occurs in one of the
/// indicator's [`haystacks`]. An empty query matches everything.
pub fn matches(query: &str, indicator: &Indicator) -> bool {
    matches_haystacks(query, &haystacks(indicator))
}

/// [`matches`] on an indicator's [`haystacks`] computed before (the live first view
/// reads them from the pre-rendered rows).
pub fn matches_haystacks(query: &str, hay: &[String]) -> bool {
    fold(query).split_whitespace().all(|word| {
        let expansions = ABBREVIATIONS
            .iter()
            .filter(|(abbr, _)| *abbr == word)
            .flat_map(|(_, full)| full.iter().copied());
        std::iter::once(word)
            .chain(expansions)
            .any(|alt| hay.iter().any(|h| h.contains(alt)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::catalog::kon_tum;

    /// The ids of the Kon Tum indicators that `query` finds.
    fn found(query: &str) -> Vec<String> {
        let model = kon_tum();
        model
            .indicators
            .iter()
            .filter(|i| matches(query, i))
            .map(|i| i.id.clone())
            .collect()
    }

    fn finds(query: &str, id: &str) {
        let ids = found(query);
        assert!(ids.iter().any(|i| i == id), "{query:?} → {ids:?}");
    }

    #[test]
    fn the_phrases_of_issue_17_find_their_targets() {
        finds("tăng trưởng kinh tế", "grdp_constant");
        finds("tăng trưởng", "grdp_constant");
        finds("economic growth", "grdp_constant");
        finds("GRDP", "grdp_constant");
        finds("thu NS", "budget_revenue");
        finds("vốn ĐTTXH", "total_social_investment");
        finds("NTM", "new_rural_communes");
        finds("hộ nghèo", "poor_household_rate");
        finds("ho ngheo", "poor_household_rate");
        finds("budget revenue", "budget_revenue");
    }

    #[test]
    fn a_phrase_stays_narrow() {
        // Every word must match: "tăng trưởng kinh tế" is not every economic row.
        let ids = found("tăng trưởng kinh tế");
        assert!(!ids.iter().any(|i| i == "structure_agriculture"), "{ids:?}");
        assert!(found("zzzz-no-such").is_empty());
        assert_eq!(found("").len(), kon_tum().indicators.len());
    }
}
