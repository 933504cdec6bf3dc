//! The first screen: the plan's main targets (chỉ tiêu chủ yếu) before the other
//! statistics of the annual reports, with a one-line overview of where they stand
//! (achieved, on track, at risk, off track, cannot be assessed), each a filter.
//!
//! Which indicators are main targets is read from the data, not listed by hand: an
//! indicator with a term target (mục tiêu nhiệm kỳ), or with a plan figure quoted from a
//! resolution (a provincial document whose number is a resolution's, "15-NQ/TU") or from
//! a table a person imported (the annex of a resolution). Pure and host-tested.

use crate::core::model::{DocumentKind, FigureKind, Indicator, Model};
use crate::core::plan::assessment::{assess, term_target, Assumptions};
use crate::core::plan::rule::TermStatus;
use crate::present::dashboard::{dashboard_of, GroupView};
use crate::present::i18n::first_hour::{ft, FirstMsg};
use crate::present::i18n::{t, Locale, Msg};

/// Where a main target stands, in the five groups of the overview.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Standing {
    /// Achieved (or at the target, to be held).
    Achieved,
    /// On track.
    OnTrack,
    /// At risk.
    AtRisk,
    /// Off track or moving away.
    OffTrack,
    /// Cannot be assessed (no result in the term, no target logic).
    CannotAssess,
}

impl Standing {
    /// The five, in the overview's order.
    pub const ALL: [Standing; 5] = [
        Standing::Achieved,
        Standing::OnTrack,
        Standing::AtRisk,
        Standing::OffTrack,
        Standing::CannotAssess,
    ];

    /// The group of a term status.
    pub fn of(status: TermStatus) -> Standing {
        match status {
            TermStatus::Achieved | TermStatus::AtTargetHeld => Standing::Achieved,
            TermStatus::OnTrack => Standing::OnTrack,
            TermStatus::AtRisk => Standing::AtRisk,
            TermStatus::OffTrack | TermStatus::MovingAway => Standing::OffTrack,
            TermStatus::CannotAssess => Standing::CannotAssess,
        }
    }

    /// A short code for styling and tests (`on-track`).
    pub fn code(self) -> &'static str {
        match self {
            Standing::Achieved => "achieved",
            Standing::OnTrack => "on-track",
            Standing::AtRisk => "at-risk",
            Standing::OffTrack => "off-track",
            Standing::CannotAssess => "cannot-assess",
        }
    }

    /// The standing of a [`Standing::code`]; `None` for any other text.
    pub fn from_code(code: &str) -> Option<Standing> {
        Standing::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The group in words.
    pub fn label(self, locale: Locale) -> &'static str {
        ft(
            match self {
                Standing::Achieved => FirstMsg::Achieved,
                Standing::OnTrack => FirstMsg::OnTrack,
                Standing::AtRisk => FirstMsg::AtRisk,
                Standing::OffTrack => FirstMsg::OffTrack,
                Standing::CannotAssess => FirstMsg::CannotAssess,
            },
            locale,
        )
    }
}

/// Which rows the dashboard shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum RowFilter {
    /// The main targets (the first screen).
    #[default]
    Main,
    /// Every indicator.
    All,
    /// The main targets that stand so.
    Standing(Standing),
}

impl RowFilter {
    /// The filter's code, as the overview's buttons carry it (`main`, `all`, `on-track`).
    pub fn code(self) -> &'static str {
        match self {
            RowFilter::Main => "main",
            RowFilter::All => "all",
            RowFilter::Standing(s) => s.code(),
        }
    }

    /// The filter of a [`RowFilter::code`]; `None` for any other text.
    pub fn from_code(code: &str) -> Option<RowFilter> {
        match code {
            "main" => Some(RowFilter::Main),
            "all" => Some(RowFilter::All),
            other => Standing::from_code(other).map(RowFilter::Standing),
        }
    }

    /// Whether a row is kept: `main` says whether it is a main target, `standing` where
    /// it stands (main targets only), `query` the search box. The same rule for the app's
    /// tables ([`filtered_dashboard`]) and the live first view (`present::live_rows`).
    pub fn keeps(self, main: bool, standing: Option<Standing>, query: &str) -> bool {
        match self {
            RowFilter::All => true,
            RowFilter::Main => !query.trim().is_empty() || main,
            RowFilter::Standing(s) => main && standing == Some(s),
        }
    }
}

/// True when the tables show only the main targets (the "show the others" button and
/// the "showing the main targets" words are there).
pub fn main_only(filter: RowFilter, query: &str) -> bool {
    filter == RowFilter::Main && query.trim().is_empty()
}

/// The line above the tables (the app's and the live first view's): "23 chỉ tiêu · chỉ tiêu chủ yếu".
pub fn count_line(shown: usize, filter: RowFilter, query: &str, locale: Locale) -> String {
    let mut line = format!("{shown} {}", t(Msg::IndicatorsShown, locale));
    if main_only(filter, query) {
        line.push_str(" · ");
        line.push_str(ft(FirstMsg::ShowingMain, locale));
    }
    line
}

/// True when the indicator is one of the plan's main targets (see the module doc).
pub fn is_main_target(model: &Model, indicator: &Indicator) -> bool {
    term_target(model, &indicator.id).is_some()
        || model.figures_of(&indicator.id).any(|f| {
            f.kind == FigureKind::Plan
                && f.doc_id().and_then(|d| model.document(d)).is_some_and(|d| {
                    d.kind == DocumentKind::Table
                        || (d.kind.is_provincial()
                            && d.number.as_deref().is_some_and(|n| n.contains("-NQ")))
                })
        })
}

/// A model with at most this many indicators is shown whole: a list that fits a screen
/// or two needs no first cut (a table of the main targets a person imported).
pub const SHORT_LIST: usize = 40;

/// The main targets of a model, in the model's order; every indicator when the data
/// mark none (a model with no resolution and no term target) or the model is a short
/// list ([`SHORT_LIST`]).
pub fn main_targets(model: &Model) -> Vec<&Indicator> {
    if model.indicators.len() <= SHORT_LIST {
        return model.indicators.iter().collect();
    }
    let main: Vec<&Indicator> = model
        .indicators
        .iter()
        .filter(|i| is_main_target(model, i))
        .collect();
    if main.is_empty() {
        model.indicators.iter().collect()
    } else {
        main
    }
}

/// Where one indicator stands against its term target, from the results alone.
pub fn standing(model: &Model, indicator: &str) -> Standing {
    Standing::of(assess(model, indicator, &Assumptions::default()).status)
}

/// One filter button of the overview.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct OverviewItem {
    /// The filter it sets.
    pub filter: RowFilter,
    /// Code for styling and tests.
    pub code: &'static str,
    /// The words ("Đúng tiến độ").
    pub label: String,
    /// How many main targets.
    pub count: usize,
}

/// The overview line above the tables.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Overview {
    /// "28 chỉ tiêu chủ yếu" (the Main filter).
    pub main: OverviewItem,
    /// One item a standing, zero counts included (a person reads "0 chậm tiến độ").
    pub standings: Vec<OverviewItem>,
    /// "Tất cả 407 chỉ tiêu" (the All filter).
    pub all: OverviewItem,
}

/// Builds the overview of a model's main targets.
pub fn overview(model: &Model, locale: Locale) -> Overview {
    let main = main_targets(model);
    let standings: Vec<Standing> = main.iter().map(|i| standing(model, &i.id)).collect();
    Overview {
        main: OverviewItem {
            filter: RowFilter::Main,
            code: "main",
            label: ft(FirstMsg::MainTargets, locale).to_string(),
            count: main.len(),
        },
        standings: Standing::ALL
            .iter()
            .map(|&s| OverviewItem {
                filter: RowFilter::Standing(s),
                code: s.code(),
                label: s.label(locale).to_string(),
                count: standings.iter().filter(|&&x| x == s).count(),
            })
            .collect(),
        all: OverviewItem {
            filter: RowFilter::All,
            code: "all",
            label: ft(FirstMsg::AllIndicators, locale).to_string(),
            count: model.indicators.len(),
        },
    }
}

/// The dashboard groups under a filter and a search. A search looks through every
/// indicator when the filter is the main targets (a person who types a name wants it
/// found, main target or not); a standing filter keeps to its targets.
pub fn filtered_dashboard(
    model: &Model,
    query: &str,
    filter: RowFilter,
    locale: Locale,
) -> Vec<GroupView> {
    let main = main_targets(model);
    let is_main = |i: &Indicator| main.iter().any(|m| m.id == i.id);
    let keep = |i: &Indicator| {
        let main = is_main(i);
        let at = main.then(|| standing(model, &i.id));
        filter.keeps(main, at, query)
    };
    dashboard_of(model, query, keep, locale)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::catalog::kon_tum;

    fn ids(groups: &[GroupView]) -> Vec<String> {
        groups
            .iter()
            .flat_map(|g| g.rows.iter().map(|r| r.id.clone()))
            .collect()
    }

    fn main_ids() -> Vec<String> {
        let model = kon_tum();
        main_targets(&model).iter().map(|i| i.id.clone()).collect()
    }

    #[test]
    fn a_filter_reads_back_from_its_code() {
        let all = [RowFilter::Main, RowFilter::All]
            .into_iter()
            .chain(Standing::ALL.iter().map(|&s| RowFilter::Standing(s)));
        for f in all {
            assert_eq!(RowFilter::from_code(f.code()), Some(f), "{f:?}");
        }
        assert_eq!(
            RowFilter::from_code("on-track"),
            Some(RowFilter::Standing(Standing::OnTrack))
        );
        assert_eq!(RowFilter::from_code(""), None);
        assert_eq!(RowFilter::from_code("Main"), None);
    }

    #[test]
    fn main_targets_are_the_term_targets_and_the_resolutions_plans() {
        let ids = main_ids();
        // Term targets of the Congress (kt-001, public reports of the Congress).
        for id in ["grdp_constant", "grdp_per_capita", "forest_cover_rate"] {
            assert!(ids.iter().any(|i| i == id), "{id} in {ids:?}");
        }
        // Plans of Resolution 15-NQ/TU (kt-002).
        for id in ["budget_revenue", "new_rural_communes", "new_jobs"] {
            assert!(ids.iter().any(|i| i == id), "{id} in {ids:?}");
        }
        // A statistic of the annual report only.
        assert!(!ids.iter().any(|i| i == "average_population"), "{ids:?}");
        // "20 or so": far fewer than the 407 rows of the reports.
        assert!((15..=40).contains(&ids.len()), "{}", ids.len());
    }

    #[test]
    fn the_first_screen_shows_main_targets_and_all_is_one_filter_away() {
        let model = kon_tum();
        let mut first = ids(&filtered_dashboard(&model, "", RowFilter::Main, Locale::Vi));
        let mut want = main_ids();
        first.sort();
        want.sort();
        assert_eq!(first, want);
        let all = ids(&filtered_dashboard(&model, "", RowFilter::All, Locale::Vi));
        assert_eq!(all.len(), model.indicators.len());
    }

    #[test]
    fn a_search_looks_beyond_the_main_targets() {
        let model = kon_tum();
        let found = ids(&filtered_dashboard(
            &model,
            "dân số trung bình",
            RowFilter::Main,
            Locale::Vi,
        ));
        assert!(found.iter().any(|i| i == "average_population"), "{found:?}");
    }

    #[test]
    fn the_overview_counts_every_main_target_once() {
        let model = kon_tum();
        let o = overview(&model, Locale::Vi);
        let sum: usize = o.standings.iter().map(|i| i.count).sum();
        assert_eq!(sum, o.main.count);
        assert_eq!(o.all.count, model.indicators.len());
        for item in &o.standings {
            let RowFilter::Standing(s) = item.filter else {
                panic!("{item:?}")
            };
            let rows = ids(&filtered_dashboard(
                &model,
                "",
                RowFilter::Standing(s),
                Locale::Vi,
            ));
            assert_eq!(rows.len(), item.count, "{item:?}");
        }
    }

    #[test]
    fn a_short_model_is_shown_whole() {
        let mut model = kon_tum();
        model.indicators.truncate(SHORT_LIST);
        assert_eq!(main_targets(&model).len(), SHORT_LIST);
    }

    #[test]
    fn term_statuses_fall_in_five_groups() {
        let cases = [
            (TermStatus::Achieved, Standing::Achieved),
            (TermStatus::AtTargetHeld, Standing::Achieved),
            (TermStatus::OnTrack, Standing::OnTrack),
            (TermStatus::AtRisk, Standing::AtRisk),
            (TermStatus::OffTrack, Standing::OffTrack),
            (TermStatus::MovingAway, Standing::OffTrack),
            (TermStatus::CannotAssess, Standing::CannotAssess),
        ];
        for (status, want) in cases {
            assert_eq!(Standing::of(status), want, "{status:?}");
        }
    }
}
