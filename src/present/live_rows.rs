//! Which pre-rendered rows the live first view shows (issue #15). The first-load module
//! (`src/first_view/`) makes the dashboard written into `index.html` answer its filters
//! and its search box before the rest of the app has loaded: every indicator's row is
//! pre-rendered, each carrying its [`RowMark`] (main target or not, where it stands, the
//! words it is found by), and the filter rule is [`RowFilter::keeps`] with
//! [`matches_haystacks`], the rule of the app's own tables
//! ([`crate::present::first_screen::filtered_dashboard`]). Pure and host-tested: the
//! tests check row for row that the two agree on every shipped model.

use crate::core::model::Model;
use crate::present::first_screen::{main_targets, standing, RowFilter, Standing};
use crate::present::search_words::{haystacks, matches_haystacks};

/// What the live first view needs to know of a row to filter it (the default: not a main
/// target, found by no words).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RowMark {
    /// One of the plan's main targets.
    pub main: bool,
    /// Where a main target stands (`None` for the other indicators).
    pub standing: Option<Standing>,
    /// The folded words the row is found by (`search_words::haystacks`).
    pub haystacks: Vec<String>,
}

/// Separates the haystacks in the `data-search` attribute (never in folded words).
const SEPARATOR: char = '\n';

/// Every indicator's mark, by id, in the model's order (the main targets are worked out
/// once for the whole model).
pub fn row_marks(model: &Model) -> Vec<(String, RowMark)> {
    let main = main_targets(model);
    model
        .indicators
        .iter()
        .map(|indicator| {
            let is_main = main.iter().any(|m| m.id == indicator.id);
            let mark = RowMark {
                main: is_main,
                standing: is_main.then(|| standing(model, &indicator.id)),
                haystacks: haystacks(indicator),
            };
            (indicator.id.clone(), mark)
        })
        .collect()
}

impl RowMark {
    /// The attributes the pre-rendered row carries: (`data-main`, `data-standing`,
    /// `data-search`), unescaped.
    pub fn attributes(&self) -> (&'static str, &'static str, String) {
        let main = if self.main { "true" } else { "false" };
        let standing = self.standing.map_or("", Standing::code);
        let search = self
            .haystacks
            .iter()
            .map(|h| h.replace(SEPARATOR, " "))
            .collect::<Vec<_>>()
            .join(&SEPARATOR.to_string());
        (main, standing, search)
    }

    /// The mark read back from a row's attributes (missing ones read as empty).
    pub fn from_attributes(main: &str, standing: &str, search: &str) -> RowMark {
        RowMark {
            main: main == "true",
            standing: Standing::from_code(standing),
            haystacks: search.split(SEPARATOR).map(str::to_string).collect(),
        }
    }

    /// Whether the row shows under `filter` and `query`.
    pub fn shows(&self, filter: RowFilter, query: &str) -> bool {
        filter.keeps(self.main, self.standing, query) && matches_haystacks(query, &self.haystacks)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::catalog::load_shipped;
    use crate::present::first_screen::{count_line, filtered_dashboard, main_only};
    use crate::present::i18n::first_hour::{ft, FirstMsg};
    use crate::present::i18n::{t, Locale, Msg};

    fn filters() -> Vec<RowFilter> {
        [RowFilter::Main, RowFilter::All]
            .into_iter()
            .chain(Standing::ALL.iter().map(|&s| RowFilter::Standing(s)))
            .collect()
    }

    #[test]
    fn the_marks_show_the_rows_the_app_shows() {
        let (models, _) = load_shipped();
        assert!(models.len() >= 2);
        for model in &models {
            for filter in filters() {
                for query in ["", "grdp", "tăng trưởng", "thu NS", "NTM", "rừng", "zzzz"] {
                    let want: Vec<String> = filtered_dashboard(model, query, filter, Locale::Vi)
                        .iter()
                        .flat_map(|g| g.rows.iter().map(|r| r.id.clone()))
                        .collect();
                    // Marks written as attributes and read back, as the browser does.
                    let marks = row_marks(model);
                    let got: Vec<String> = model
                        .groups
                        .iter()
                        .flat_map(|g| model.indicators.iter().filter(move |i| i.group == g.id))
                        .filter(|i| {
                            marks.iter().any(|(id, mark)| {
                                let (m, s, h) = mark.attributes();
                                *id == i.id
                                    && RowMark::from_attributes(m, s, &h).shows(filter, query)
                            })
                        })
                        .map(|i| i.id.clone())
                        .collect();
                    assert_eq!(got, want, "{} {filter:?} {query:?}", model.id);
                }
            }
        }
    }

    #[test]
    fn a_mark_reads_back_from_its_attributes() {
        let (models, _) = load_shipped();
        let model = &models[0];
        let marks = row_marks(model);
        assert_eq!(marks.len(), model.indicators.len());
        for (id, mark) in &marks {
            let (m, s, h) = mark.attributes();
            assert_eq!(&RowMark::from_attributes(m, s, &h), mark, "{id}");
        }
        // Unknown or missing attributes: not a main target, no standing.
        let odd = RowMark::from_attributes("", "soon", "");
        assert!(!odd.main && odd.standing.is_none());
    }

    #[test]
    fn the_count_line_is_the_apps() {
        assert_eq!(
            count_line(23, RowFilter::Main, "", Locale::Vi),
            format!(
                "23 {} · {}",
                t(Msg::IndicatorsShown, Locale::Vi),
                ft(FirstMsg::ShowingMain, Locale::Vi)
            )
        );
        assert_eq!(
            count_line(3, RowFilter::Main, "grdp", Locale::En),
            format!("3 {}", t(Msg::IndicatorsShown, Locale::En))
        );
        assert!(!main_only(RowFilter::All, ""));
        assert!(main_only(RowFilter::Main, "  "));
    }
}
