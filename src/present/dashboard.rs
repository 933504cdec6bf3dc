//! Turns core values into the plain strings and flags the components show: one
//! `RowView` per dashboard row, one `FigureView` per line of an indicator's detail.
//!
//! Pure and host-tested; components only lay these out. Keeping the phrasing here (and
//! not in `view!` blocks) is what lets tests check the exact text a person reads.

use crate::core::model::{
    Amount, Document, DocumentKind, Figure, FigureKind, Model, PartialDate, PriceBasis, Source,
};
use crate::core::plan::summary::{
    figures_by_period, summarize, Attainment, IndicatorSummary, PlanStatus, PlanValue,
};
use crate::core::text::numfmt::format_number;
use crate::present::dates::day_text;
use crate::present::i18n::{
    figure_value_text, kind_label, period_text, pick, status_label, t, unit_name, with_unit,
    Locale, Msg, COMPUTED_DECIMALS, SOURCE_DECIMALS,
};
use crate::present::precision::unit_decimals;

/// One dashboard row, ready to show.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RowView {
    /// Indicator id.
    pub id: String,
    /// Indicator name.
    pub name: String,
    /// Unit name.
    pub unit: String,
    /// Latest result value, or empty.
    pub latest: String,
    /// Period and kind of the latest result ("2023 · ước thực hiện").
    pub latest_when: String,
    /// True when the latest result is an estimate.
    pub latest_is_estimate: bool,
    /// Plan value for that period, or empty.
    pub plan: String,
    /// How the plan was found, when not stated ("suy ra từ …").
    pub plan_note: String,
    /// Share of plan reached ("97,62%"), or empty.
    pub attainment: String,
    /// How the attainment was found, when computed.
    pub attainment_note: String,
    /// Status against the plan.
    pub status: Option<PlanStatus>,
    /// Status in words.
    pub status_text: String,
    /// Term target, or empty.
    pub term_target: String,
    /// Period of the term target.
    pub term_target_when: String,
}

/// One group of the dashboard with its visible rows.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct GroupView {
    /// Group id.
    pub id: String,
    /// Group name.
    pub name: String,
    /// Rows that match the search.
    pub rows: Vec<RowView>,
}

/// One figure in an indicator's detail view, with its source.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureView {
    /// Stable key of the figure.
    pub key: String,
    /// Period in words.
    pub period: String,
    /// Kind in words.
    pub kind: String,
    /// Value in words.
    pub value: String,
    /// Price basis in words, or empty.
    pub price_basis: String,
    /// Statistical basis in words (before or after a revision), or empty.
    pub basis: String,
    /// Note, or empty.
    pub note: String,
    /// The source.
    pub source: SourceView,
}

/// Where a figure comes from, ready to show.
#[derive(Clone, Debug, PartialEq)]
pub enum SourceView {
    /// A quote from a document.
    Quote {
        /// The verbatim quote of a document (Vietnamese); for a public report, whose
        /// reference row is an English paraphrase, the figure in the interface's words
        /// and number format in Vietnamese, the reference row as written in English.
        quote: String,
        /// The language of `quote` (`vi`, `en`), for its `lang` attribute.
        quote_lang: &'static str,
        /// Document title.
        title: String,
        /// Issuer and number.
        issuer: String,
        /// Date in words.
        date: String,
        /// True for a secondary public report.
        public_report: bool,
        /// Web site, for public reports.
        url: String,
    },
    /// A value computed from others.
    Derived {
        /// Formula in words.
        formula: String,
        /// Input figure keys.
        inputs: Vec<String>,
    },
}

/// A document date as a person reads it: `05/11/2024`, `11/2024`, `2024` (Vietnamese),
/// or ISO order in English; "undated" when there is none.
pub fn date_text(date: Option<PartialDate>, locale: Locale) -> String {
    match date {
        None => t(Msg::Undated, locale).to_string(),
        Some(PartialDate {
            year,
            month: Some(m),
            day: Some(d),
        }) => day_text(year, u32::from(m), u32::from(d), locale),
        Some(PartialDate {
            year,
            month: Some(m),
            day: None,
        }) => format!("{m:02}/{year}"),
        Some(PartialDate { year, .. }) => year.to_string(),
    }
}

fn price_basis_text(basis: Option<PriceBasis>, locale: Locale) -> String {
    match basis {
        Some(PriceBasis::Constant2010) => t(Msg::Constant2010, locale).to_string(),
        Some(PriceBasis::Current) => t(Msg::CurrentPrices, locale).to_string(),
        None => String::new(),
    }
}

fn percent_text(value: f64, locale: Locale, decimals: u8) -> String {
    with_unit(&format_number(value, locale, decimals), "%")
}

/// Builds the row for one indicator summary.
pub fn row_view(model: &Model, summary: &IndicatorSummary<'_>, locale: Locale) -> RowView {
    let ind = summary.indicator;
    let (latest, latest_when, latest_is_estimate) = match summary.latest {
        Some(f) => {
            let mut when = format!(
                "{} · {}",
                period_text(f.period, locale),
                kind_label(f.kind, locale)
            );
            if f.doc_id()
                .and_then(|d| model.document(d))
                .is_some_and(|d| d.kind == DocumentKind::PublicReport)
            {
                when.push_str(" · ");
                when.push_str(t(Msg::PublicReport, locale));
            }
            (
                figure_value_text(model, f, locale),
                when,
                f.kind == FigureKind::Estimate,
            )
        }
        None => (String::new(), String::new(), false),
    };
    let (plan, plan_note) = match summary.plan {
        Some(PlanValue::Stated(p)) => {
            let mut text = figure_value_text(model, p, locale);
            if summary.latest.is_none() {
                text = format!("{text} ({})", period_text(p.period, locale));
            }
            (text, String::new())
        }
        Some(PlanValue::FromAttainment { value, attainment }) => {
            let unit = summary
                .latest
                .map_or(ind.unit.as_str(), |f| f.unit.as_str());
            // The working, with its numbers: result ÷ attainment × 100.
            let working = match (summary.latest.map(|f| f.amount), attainment.amount) {
                (Some(Amount::Point(r)), Amount::Point(pct)) => format!(
                    ": {} ÷ {}% × 100",
                    format_number(r, locale, SOURCE_DECIMALS),
                    format_number(pct, locale, SOURCE_DECIMALS)
                ),
                _ => String::new(),
            };
            (
                with_unit(
                    &format_number(value, locale, unit_decimals(model, unit)),
                    unit_name(model, unit, locale),
                ),
                format!("{}{working}", t(Msg::PlanFromAttainment, locale)),
            )
        }
        None => (String::new(), String::new()),
    };
    let (attainment, attainment_note) = match summary.attainment {
        Some(Attainment::Stated(f)) => match f.amount {
            Amount::Point(v) => (percent_text(v, locale, SOURCE_DECIMALS), String::new()),
            Amount::Range(..) => (figure_value_text(model, f, locale), String::new()),
        },
        Some(Attainment::Computed(v)) => {
            let working = match (summary.latest.map(|f| f.amount), summary.plan) {
                (Some(Amount::Point(r)), Some(PlanValue::Stated(p))) => model
                    .convert(
                        p.amount,
                        &p.unit,
                        summary.latest.map_or("", |f| f.unit.as_str()),
                    )
                    .map(|a| {
                        format!(
                            ": {} ÷ {} × 100",
                            format_number(r, locale, SOURCE_DECIMALS),
                            format_number(a.central(), locale, SOURCE_DECIMALS)
                        )
                    })
                    .unwrap_or_default(),
                _ => String::new(),
            };
            (
                percent_text(v, locale, COMPUTED_DECIMALS),
                format!("{}{working}", t(Msg::ComputedByApp, locale)),
            )
        }
        None => (String::new(), String::new()),
    };
    let (term_target, term_target_when) = match summary.term_target {
        Some(f) => (
            figure_value_text(model, f, locale),
            period_text(f.period, locale),
        ),
        None => (String::new(), String::new()),
    };
    RowView {
        id: ind.id.clone(),
        name: pick(&ind.name, locale).to_string(),
        unit: unit_name(model, &ind.unit, locale).to_string(),
        latest,
        latest_when,
        latest_is_estimate,
        plan,
        plan_note,
        attainment,
        attainment_note,
        status: summary.status,
        status_text: summary
            .status
            .map(|s| status_label(s, locale).to_string())
            .unwrap_or_default(),
        term_target,
        term_target_when,
    }
}

/// The page heading of a model: "Kon Tum · Nhiệm kỳ 2021–2025".
pub fn model_heading(model: &Model, locale: Locale) -> String {
    format!(
        "{} · {} {}–{}",
        pick(&model.province, locale),
        t(Msg::Term, locale),
        model.term.first_year,
        model.term.last_year
    )
}

/// A model's name in the model picker: "Kon Tum (2021–2025)".
pub fn model_label(model: &Model, locale: Locale) -> String {
    format!(
        "{} ({}–{})",
        pick(&model.province, locale),
        model.term.first_year,
        model.term.last_year
    )
}

/// The CSS classes of a row's plan status.
pub fn status_class(status: Option<PlanStatus>) -> &'static str {
    match status {
        Some(PlanStatus::Met) => "status status-met",
        Some(PlanStatus::Exceeded) => "status status-exceeded",
        Some(PlanStatus::Missed) => "status status-missed",
        None => "status",
    }
}

/// The dashboard: every group with the rows whose indicator matches `query` (in either
/// language), groups without a match left out.
pub fn dashboard(model: &Model, query: &str, locale: Locale) -> Vec<GroupView> {
    dashboard_of(model, query, |_| true, locale)
}

/// The dashboard of the indicators `keep` accepts that match `query` (in either
/// language), in the model's groups and order; groups left empty are left out.
pub fn dashboard_of(
    model: &Model,
    query: &str,
    keep: impl Fn(&crate::core::model::Indicator) -> bool,
    locale: Locale,
) -> Vec<GroupView> {
    model
        .groups
        .iter()
        .map(|g| GroupView {
            id: g.id.clone(),
            name: pick(&g.name, locale).to_string(),
            rows: model
                .indicators
                .iter()
                .filter(|i| i.group == g.id)
                .filter(|i| keep(i) && crate::present::search_words::matches(query, i))
                .map(|i| row_view(model, &summarize(model, i), locale))
                .collect(),
        })
        .filter(|g| !g.rows.is_empty())
        .collect()
}

/// What a public report's row says of a figure, in the interface's words and number
/// format: "Tổng sản phẩm trên địa bàn (GRDP) theo giá so sánh 2010, thực hiện năm 2020:
/// 15.076 tỷ đồng" for the reference row "GRDP, constant 2010 prices | 2020 | 15,076 bn
/// VND" (issue #17: no English paraphrase in the Vietnamese interface).
pub fn public_report_words(model: &Model, figure: &Figure, locale: Locale) -> String {
    let name = model
        .indicator(&figure.indicator)
        .map_or(figure.indicator.as_str(), |i| pick(&i.name, locale));
    let when = crate::present::figure_words::key_words(
        &crate::core::model::load::figure_key(figure),
        locale,
    );
    let value = figure_value_text(model, figure, locale);
    if when.is_empty() {
        format!("{name}: {value}")
    } else {
        format!("{name}, {when}: {value}")
    }
}

fn source_view(model: &Model, figure: &Figure, locale: Locale) -> SourceView {
    match &figure.source {
        Source::Quote { doc, quote } => {
            let document: Option<&Document> = model.document(doc);
            let public_report = document.is_some_and(|d| d.kind == DocumentKind::PublicReport);
            let (quote, quote_lang) = match (public_report, locale) {
                (true, Locale::Vi) => (public_report_words(model, figure, locale), "vi"),
                (true, Locale::En) => (quote.clone(), "en"),
                (false, _) => (quote.clone(), "vi"),
            };
            SourceView::Quote {
                quote,
                quote_lang,
                title: document.map_or_else(|| doc.clone(), |d| pick(&d.title, locale).to_string()),
                issuer: document
                    .map(|d| match &d.number {
                        Some(n) => format!("{} · {n}", d.issuer),
                        None => d.issuer.clone(),
                    })
                    .unwrap_or_default(),
                date: date_text(document.and_then(|d| d.date), locale),
                public_report,
                url: document.and_then(|d| d.url.clone()).unwrap_or_default(),
            }
        }
        Source::Derived {
            formula,
            formula_vi,
            inputs,
        } => SourceView::Derived {
            formula: match (locale, formula_vi) {
                (Locale::Vi, Some(vi)) => vi.clone(),
                _ => formula.clone(),
            },
            inputs: inputs.clone(),
        },
    }
}

/// Every figure of an indicator with its source, ordered by period and kind.
pub fn figure_views(model: &Model, indicator: &str, locale: Locale) -> Vec<FigureView> {
    figures_by_period(model, indicator)
        .into_iter()
        .map(|f| FigureView {
            key: crate::core::model::load::figure_key(f),
            period: period_text(f.period, locale),
            kind: kind_label(f.kind, locale).to_string(),
            value: figure_value_text(model, f, locale),
            price_basis: price_basis_text(f.price_basis, locale),
            basis: crate::present::series::basis_text(f.basis, locale).to_string(),
            note: f
                .note
                .as_ref()
                .map(|n| pick(n, locale).to_string())
                .unwrap_or_default(),
            source: source_view(model, f, locale),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::catalog::kon_tum;

    fn row<'a>(groups: &'a [GroupView], id: &str) -> &'a RowView {
        groups
            .iter()
            .flat_map(|g| g.rows.iter())
            .find(|r| r.id == id)
            .unwrap_or_else(|| panic!("no row {id}"))
    }

    #[test]
    fn grdp_row_shows_the_2023_estimate_against_its_plan() {
        let model = kon_tum();
        let groups = dashboard(&model, "", Locale::Vi);
        let grdp = row(&groups, "grdp_constant");
        assert!(grdp.latest.contains("tỷ đồng"), "{grdp:?}");
        assert!(!grdp.term_target.is_empty(), "{grdp:?}");
    }

    #[test]
    fn derived_plans_and_attainments_show_their_working() {
        let model = kon_tum();
        let groups = dashboard(&model, "", Locale::Vi);
        let grdp = row(&groups, "grdp_constant");
        assert!(grdp.plan_note.contains("÷ 97,19% × 100"), "{grdp:?}");
        let computed = groups
            .iter()
            .flat_map(|g| g.rows.iter())
            .find(|r| r.attainment_note.starts_with("tính từ"))
            .expect("a computed attainment");
        assert!(computed.attainment_note.contains("× 100"), "{computed:?}");
    }

    #[test]
    fn search_ignores_accents_and_language() {
        let model = kon_tum();
        let vi = dashboard(&model, "sam ngoc linh", Locale::Vi);
        assert!(vi
            .iter()
            .flat_map(|g| &g.rows)
            .any(|r| r.id == "ginseng_area"));
        let en = dashboard(&model, "ginseng", Locale::En);
        assert!(en
            .iter()
            .flat_map(|g| &g.rows)
            .all(|r| r.name.to_lowercase().contains("ginseng")));
        assert!(dashboard(&model, "zzzz-no-such", Locale::Vi).is_empty());
    }

    fn quote_of(model: &Model, key: &str, locale: Locale) -> (String, &'static str) {
        let indicator = key.split('/').next().unwrap_or_default();
        figure_views(model, indicator, locale)
            .into_iter()
            .find(|f| f.key == key)
            .and_then(|f| match f.source {
                SourceView::Quote {
                    quote, quote_lang, ..
                } => Some((quote, quote_lang)),
                SourceView::Derived { .. } => None,
            })
            .unwrap_or_else(|| panic!("no quoted figure {key}"))
    }

    #[test]
    fn a_public_report_is_quoted_in_the_persons_language() {
        let model = kon_tum();
        // The reference row: "GRDP, constant 2010 prices | 2020 | 15,076 bn VND".
        let key = "grdp_constant/2020/actual/level";
        assert_eq!(
            quote_of(&model, key, Locale::Vi),
            (
                "Tổng sản phẩm trên địa bàn (GRDP) theo giá so sánh 2010, thực hiện năm 2020: 15.076 tỷ đồng".to_string(),
                "vi"
            )
        );
        assert_eq!(
            quote_of(&model, key, Locale::En),
            (
                "GRDP, constant 2010 prices | 2020 | 15,076 bn VND".to_string(),
                "en"
            )
        );
        // "average GRDP growth 2021-2025 | at least 10 %/year" (the Congress: "từ
        // 10%/năm trở lên").
        let (vi, _) = quote_of(
            &model,
            "grdp_constant/2021-2025/term_target/average_growth",
            Locale::Vi,
        );
        assert!(vi.ends_with(": bình quân từ 10%/năm trở lên"), "{vi}");
        // A seed's quote stays as the document wrote it, in Vietnamese.
        let (seed, lang) = quote_of(&model, "grdp_constant/2023/estimate/level", Locale::En);
        assert!(seed.contains("18.938,78 tỷ đồng"), "{seed}");
        assert_eq!(lang, "vi");
    }

    #[test]
    fn no_public_report_is_quoted_in_english_in_the_vietnamese_interface() {
        let (models, _) = crate::core::model::catalog::load_shipped();
        let mut seen = 0;
        for model in &models {
            for ind in &model.indicators {
                for f in figure_views(model, &ind.id, Locale::Vi) {
                    if let SourceView::Quote {
                        quote,
                        public_report: true,
                        quote_lang,
                        ..
                    } = &f.source
                    {
                        seen += 1;
                        assert_eq!(*quote_lang, "vi", "{}", f.key);
                        for english in ["bn VND", "mn VND", " | ", "%/year", "about ", "over "] {
                            assert!(!quote.contains(english), "{}: {quote}", f.key);
                        }
                        assert!(quote.starts_with(pick(&ind.name, Locale::Vi)), "{quote}");
                    }
                }
            }
        }
        assert!(seen > 50, "only {seen} public-report figures");
    }

    #[test]
    fn a_derived_figure_reads_its_formula_in_the_persons_language() {
        let model = kon_tum();
        let formula = |locale| {
            figure_views(&model, "grdp_per_capita", locale)
                .into_iter()
                .find_map(|f| match f.source {
                    SourceView::Derived { formula, .. } => Some(formula),
                    SourceView::Quote { .. } => None,
                })
                .unwrap_or_default()
        };
        // 26.698,59 tỷ đồng ÷ 568.780 người × 1000 = 46,94 triệu đồng (seed 003's 2021
        // GRDP at current prices and average population).
        assert_eq!(
            formula(Locale::Vi),
            "GRDP bình quân đầu người năm 2021 = 26.698,59 tỷ đồng (GRDP theo giá hiện hành) ÷ 568.780 người (dân số trung bình) × 1000 = 46,94 triệu đồng"
        );
        assert!(formula(Locale::En).starts_with("GRDP per capita 2021 = 26,698.59 bn VND"));
    }

    #[test]
    fn every_figure_view_has_a_source() {
        let model = kon_tum();
        for ind in &model.indicators {
            for f in figure_views(&model, &ind.id, Locale::Vi) {
                match &f.source {
                    SourceView::Quote { quote, title, .. } => {
                        assert!(!quote.is_empty() && !title.is_empty(), "{}", f.key)
                    }
                    SourceView::Derived { formula, .. } => assert!(!formula.is_empty()),
                }
                assert!(
                    !f.value.contains("NaN") && !f.value.contains("inf"),
                    "{}",
                    f.key
                );
            }
        }
    }
}
