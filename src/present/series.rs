//! Consistent series and vintage choices, ready to show: the statistical basis of a
//! figure in words, the choice of basis for a level target whose results mix figures
//! from before and after a revision (each reading with its verdict), the choice of
//! vintage for the scenario's figures, and the note a draft made on an older revision
//! of its model gets.

use std::collections::BTreeMap;

use crate::core::draft::record::Draft;
use crate::core::draft::relied::changes_since;
use crate::core::model::load::{basis_code, parse_basis};
use crate::core::model::Measure;
use crate::core::model::{Model, StatBasis};
use crate::core::plan::assessment::{
    level_vintages, vintage_slot, Assessment, PaceKind, TermStatus,
};
use crate::core::text::numfmt::format_number;
use crate::present::dashboard::date_text;
use crate::present::explain::{term_status_code, term_status_label};
use crate::present::i18n::numbers::{nt, NumMsg};
use crate::present::i18n::{figure_value_text, kind_label, pick, unit_name, Locale};
use crate::present::model_editor::revision_note;

/// The statistical basis of a figure in words; empty when the source does not say.
pub fn basis_text(basis: Option<StatBasis>, locale: Locale) -> &'static str {
    match basis {
        Some(StatBasis::PreRevision) => nt(NumMsg::BeforeRevision, locale),
        Some(StatBasis::Revised) => nt(NumMsg::Revised, locale),
        None => "",
    }
}

/// The option value of a basis (its data-file code).
pub fn basis_value(basis: StatBasis) -> &'static str {
    basis_code(basis)
}

/// The basis an option value names.
pub fn basis_of_value(value: &str) -> Option<StatBasis> {
    parse_basis(value)
}

/// One reading of a series on one basis.
#[derive(Clone, Debug, PartialEq)]
pub struct BasisReadingView {
    /// The basis's option value.
    pub basis: &'static str,
    /// The reading in words, with its verdict.
    pub text: String,
    /// The verdict's status code (`at-risk`).
    pub status: &'static str,
}

/// The choice of basis for a series that mixes bases.
#[derive(Clone, Debug, PartialEq)]
pub struct BasisChoiceView {
    /// What the choice is.
    pub label: &'static str,
    /// The options as (value, words), before the revision first.
    pub options: Vec<(&'static str, &'static str)>,
    /// The value in use.
    pub current: &'static str,
    /// Why there is a choice: the status depends on it.
    pub summary: String,
    /// Each reading with its verdict.
    pub readings: Vec<BasisReadingView>,
}

/// The choice of basis of `assessment`, when its series mixes bases.
pub fn basis_choice(model: &Model, a: &Assessment, locale: Locale) -> Option<BasisChoiceView> {
    let check = a.bases.as_ref()?;
    let w = a.working.as_ref()?;
    let unit = model
        .indicator(&a.indicator)
        .map(|i| unit_name(model, &i.unit, locale).to_string())
        .unwrap_or_default();
    let n = |x: f64| format_number(x, locale, 2);
    let pace = |x: f64| match (w.pace_kind, locale) {
        (PaceKind::Growth, Locale::Vi) => format!("{}%/năm", n(x)),
        (PaceKind::Growth, Locale::En) => format!("{} % a year", n(x)),
        (PaceKind::Increment, Locale::Vi) => format!("{} {unit}/năm", n(x)),
        (PaceKind::Increment, Locale::En) => format!("{} {unit} a year", n(x)),
    };
    let needed = a.required.as_ref().ok().map(|r| pace(*r));
    let readings = check
        .readings
        .iter()
        .map(|r| {
            let basis = basis_text(Some(r.basis), locale);
            let (year, value) = r.from;
            let verdict = term_status_label(r.status, locale);
            let text = match (locale, &needed) {
                (Locale::Vi, Some(need)) => format!(
                    "{}: từ mức năm {year} ({} {unit}) đến năm {}, đạt {}, cần {}: {verdict}.",
                    capitalise(basis),
                    n(value),
                    w.start_year,
                    pace(r.achieved),
                    need
                ),
                (Locale::En, Some(need)) => format!(
                    "{}: from the {year} level ({} {unit}) to {}, {} achieved against {} needed: {verdict}.",
                    capitalise(basis),
                    n(value),
                    w.start_year,
                    pace(r.achieved),
                    need
                ),
                (Locale::Vi, None) => format!(
                    "{}: từ mức năm {year} ({} {unit}) đến năm {}, đạt {}: {verdict}.",
                    capitalise(basis),
                    n(value),
                    w.start_year,
                    pace(r.achieved)
                ),
                (Locale::En, None) => format!(
                    "{}: from the {year} level ({} {unit}) to {}, {} achieved: {verdict}.",
                    capitalise(basis),
                    n(value),
                    w.start_year,
                    pace(r.achieved)
                ),
            };
            BasisReadingView {
                basis: basis_value(r.basis),
                text,
                status: term_status_code(r.status),
            }
        })
        .collect::<Vec<_>>();
    let differ = check
        .readings
        .windows(2)
        .any(|p| matches!(p, [x, y] if x.status != y.status));
    let summary = match (locale, differ) {
        (Locale::Vi, true) => "Số liệu của chỉ tiêu thuộc hai dãy số, trước và sau điều chỉnh số liệu. Kết luận phụ thuộc vào dãy số được dùng:".to_string(),
        (Locale::Vi, false) => "Số liệu của chỉ tiêu thuộc hai dãy số, trước và sau điều chỉnh số liệu; cả hai cho cùng một kết luận:".to_string(),
        (Locale::En, true) => "The indicator's figures belong to two series, before and after a revision. The status depends on which one is used:".to_string(),
        (Locale::En, false) => "The indicator's figures belong to two series, before and after a revision; both give the same status:".to_string(),
    };
    Some(BasisChoiceView {
        label: nt(NumMsg::BasisLabel, locale),
        options: vec![
            (
                basis_value(StatBasis::PreRevision),
                nt(NumMsg::BasisOptionPre, locale),
            ),
            (
                basis_value(StatBasis::Revised),
                nt(NumMsg::BasisOptionRevised, locale),
            ),
        ],
        current: basis_value(check.used),
        summary,
        readings,
    })
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The status a basis gives, for tests and styling.
pub fn reading_status(a: &Assessment, basis: StatBasis) -> Option<TermStatus> {
    a.bases
        .as_ref()?
        .readings
        .iter()
        .find(|r| r.basis == basis)
        .map(|r| r.status)
}

/// The choice of vintage of one year's level.
#[derive(Clone, Debug, PartialEq)]
pub struct VintageChoiceView {
    /// The year.
    pub year: i32,
    /// The slot the choice is kept under (`2024/level`).
    pub slot: String,
    /// What the choice is.
    pub label: String,
    /// Options as (vintage id, words), the one that wins by default first.
    pub options: Vec<(String, String)>,
    /// The vintage in use.
    pub current: String,
}

/// The vintage choices of a scenario: every year of the working (from the base year
/// or the first result to the start) whose level has more than one vintage.
/// `choices` are the person's ([`crate::core::plan::assessment::Assumptions::vintages`]).
pub fn vintage_choices(
    model: &Model,
    a: &Assessment,
    choices: &BTreeMap<String, String>,
    locale: Locale,
) -> Vec<VintageChoiceView> {
    let Some(w) = &a.working else {
        return Vec::new();
    };
    let from = w
        .implied_from
        .map(|(y, _, _)| y)
        .or(a.achieved.map(|(y, _)| y))
        .unwrap_or(w.start_year)
        .min(w.start_year);
    (from..=w.start_year)
        .filter_map(|year| {
            let all = level_vintages(model, &a.indicator, year);
            if all.len() < 2 {
                return None;
            }
            let slot = vintage_slot(year, Measure::Level);
            let ids: Vec<String> = all.iter().map(|f| f.vintage_id()).collect();
            let current = choices
                .get(&slot)
                .filter(|c| ids.contains(c))
                .cloned()
                .or_else(|| ids.first().cloned())?;
            let options = all
                .iter()
                .enumerate()
                .map(|(i, f)| {
                    let doc = f.doc_id().and_then(|d| model.document(d));
                    let title = doc.map(|d| pick(&d.title, locale)).unwrap_or_default();
                    let date = date_text(doc.and_then(|d| d.date), locale);
                    let default = if i == 0 {
                        format!(" ({})", nt(NumMsg::VintageDefault, locale))
                    } else {
                        String::new()
                    };
                    (
                        f.vintage_id(),
                        format!(
                            "{} – {}, {title}, {date}{default}",
                            figure_value_text(model, f, locale),
                            kind_label(f.kind, locale).to_lowercase()
                        ),
                    )
                })
                .collect();
            let label = match locale {
                Locale::Vi => format!("Số liệu năm {year}"),
                Locale::En => format!("The {year} figure"),
            };
            Some(VintageChoiceView {
                year,
                slot,
                label,
                options,
                current,
            })
        })
        .collect()
}

/// The note a draft made on an older revision of its model gets when it opens on
/// `model`: which of the figures it relied on changed (old → new). `None` when none did
/// or it is the same revision.
pub fn draft_revision_note(draft: &Draft, model: &Model, locale: Locale) -> Option<String> {
    revision_note(
        model,
        &draft.model.data_version,
        &changes_since(draft, model),
        locale,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::draft::record::{Entry, ModelRef};
    use crate::core::draft::relied::with_relied;
    use crate::core::model::catalog::kon_tum;
    use crate::core::model::Amount;
    use crate::core::plan::assessment::{assess, Assumptions};

    #[test]
    fn per_capita_shows_both_readings_with_their_verdicts() {
        let m = kon_tum();
        let a = assess(&m, "grdp_per_capita", &Assumptions::default());
        let en = basis_choice(&m, &a, Locale::En).expect("a choice");
        assert_eq!(en.current, "revised");
        assert!(
            en.summary.contains("depends on which one is used"),
            "{}",
            en.summary
        );
        let texts: Vec<&str> = en.readings.iter().map(|r| r.text.as_str()).collect();
        // Hand-computed: (58.42 ÷ 46.58)^(1/3) − 1 = 7.84 %, (58.42 ÷ 46.94)^(1/2) − 1 =
        // 11.56 %, needed (70 ÷ 58.42)^(1/2) − 1 = 9.46 %.
        assert_eq!(
            texts,
            vec![
                "Before the revision: from the 2020 level (46.58 million VND) to 2023, 7.84 % a year achieved against 9.46 % a year needed: At risk.",
                "Revised series: from the 2021 level (46.94 million VND) to 2023, 11.56 % a year achieved against 9.46 % a year needed: On track.",
            ]
        );
        assert_eq!(
            en.readings.iter().map(|r| r.status).collect::<Vec<_>>(),
            vec!["at-risk", "on-track"]
        );
        let vi = basis_choice(&m, &a, Locale::Vi).expect("a choice");
        assert_eq!(
            vi.readings[0].text,
            "Trước điều chỉnh số liệu: từ mức năm 2020 (46,58 triệu đồng) đến năm 2023, đạt 7,84%/năm, cần 9,46%/năm: Có nguy cơ không đạt."
        );
        assert!(vi.summary.contains("phụ thuộc vào dãy số"));
        assert_eq!(
            basis_of_value(vi.options[0].0),
            Some(StatBasis::PreRevision)
        );
        // GRDP (average growth) has no such choice.
        let g = assess(&m, "grdp_constant", &Assumptions::default());
        assert_eq!(basis_choice(&m, &g, Locale::En), None);
    }

    #[test]
    fn figures_and_their_sources_say_their_basis() {
        let m = kon_tum();
        let views = crate::present::dashboard::figure_views(&m, "grdp_per_capita", Locale::En);
        let basis = |key: &str| views.iter().find(|v| v.key == key).map(|v| v.basis.clone());
        assert_eq!(
            basis("grdp_per_capita/2020/estimate/level").as_deref(),
            Some("before the revision")
        );
        assert_eq!(
            basis("grdp_per_capita/2021/derived/level").as_deref(),
            Some("revised series")
        );
        assert_eq!(
            basis("grdp_per_capita/2023/estimate/level").as_deref(),
            Some("")
        );
        let vi = crate::present::dashboard::figure_views(&m, "grdp_per_capita", Locale::Vi);
        assert!(vi.iter().any(|v| v.basis == "trước điều chỉnh số liệu"));
    }

    #[test]
    fn a_draft_on_an_older_revision_is_told_what_changed() {
        let m = kon_tum();
        let mut d = Draft {
            id: "d".into(),
            model: ModelRef {
                id: m.id.clone(),
                data_version: "2026-11-22".into(),
                ..ModelRef::default()
            },
            ..Draft::default()
        };
        d.overrides.scenario.insert(
            ("grdp_constant".into(), 2025),
            Entry::read("12", Locale::Vi),
        );
        let d = with_relied(d, Some(&m));
        let mut newer = m.clone();
        newer.data_version = "2026-12-01.1".into();
        for f in &mut newer.figures {
            if crate::core::model::load::figure_key(f) == "grdp_constant/2024/estimate/level" {
                f.amount = Amount::Point(20310.5);
            }
        }
        let en = draft_revision_note(&d, &newer, Locale::En).expect("a note");
        assert!(en.contains("revision 2026-11-22"), "{en}");
        assert!(en.contains("GRDP"), "{en}");
        assert!(en.contains("2024: 20,225 → 20,310.5"), "{en}");
        let vi = draft_revision_note(&d, &newer, Locale::Vi).expect("a note");
        assert!(vi.contains("2024: 20.225 → 20.310,5"), "{vi}");
        // Nothing changed that it relied on: no note.
        let mut same = m.clone();
        same.data_version = "2026-12-01.1".into();
        assert_eq!(draft_revision_note(&d, &same, Locale::En), None);
    }

    #[test]
    fn vintage_choices_name_each_vintage_and_the_one_in_use() {
        // 2025: an estimate of 100 (table A, 10/12/2025) and a result of 96 (table B,
        // 15/01/2026) that wins; target ≥ 120 in 2030.
        let m = crate::core::model::file::fixtures::two_vintages();
        let a = assess(&m, "x", &Assumptions::default());
        let views = vintage_choices(&m, &a, &BTreeMap::new(), Locale::En);
        assert_eq!(views.len(), 1);
        let v = &views[0];
        assert_eq!((v.year, v.slot.as_str()), (2025, "2025/level"));
        assert_eq!(v.current, "b:actual");
        let ids: Vec<&str> = v.options.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, vec!["b:actual", "a:estimate"]);
        assert!(v.options[0].1.contains("Table B") && v.options[0].1.ends_with("(default)"));
        assert!(v.options[1].1.starts_with("100"), "{}", v.options[1].1);
        // The person's pick is the one in use.
        let mut picked = BTreeMap::new();
        picked.insert("2025/level".to_string(), "a:estimate".to_string());
        let a = assess(
            &m,
            "x",
            &Assumptions {
                vintages: picked.clone(),
                ..Assumptions::default()
            },
        );
        assert_eq!(
            vintage_choices(&m, &a, &picked, Locale::Vi)[0].current,
            "a:estimate"
        );
    }

    #[test]
    fn vintage_choices_list_only_years_with_several_vintages() {
        let m = kon_tum();
        let a = assess(&m, "grdp_constant", &Assumptions::default());
        // Every year of the shipped GRDP series has one level vintage.
        assert_eq!(
            vintage_choices(&m, &a, &BTreeMap::new(), Locale::En),
            vec![]
        );
    }
}
