//! What a printed plan report says beyond the dashboard row: the figure that compares a
//! result with the same period of the year before (so cùng kỳ), and the documents the
//! report's figures come from. Only figures the documents state are picked; nothing is
//! computed here, so a report never shows a number no document gave.

use crate::core::model::{Figure, Measure, Model};
use crate::core::plan::summary::{compare_vintages, Attainment, IndicatorSummary, PlanValue};

fn comparison_rank(measure: Measure) -> u8 {
    match measure {
        Measure::Growth => 3,
        Measure::Index => 2,
        Measure::Change => 1,
        _ => 0,
    }
}

/// The stated comparison of `latest` with the same period a year earlier: a growth rate,
/// an index ("bằng 105% cùng kỳ") or a change, about the same period and price basis,
/// preferring growth, then the same document as the result, then the more trusted vintage.
/// `None` when `latest` is itself such a comparison or the documents give none.
pub fn same_period_comparison<'a>(model: &'a Model, latest: &Figure) -> Option<&'a Figure> {
    if latest.measure != Measure::Level {
        return None;
    }
    let same_doc = |f: &Figure| u8::from(f.doc_id().is_some() && f.doc_id() == latest.doc_id());
    model
        .figures_of(&latest.indicator)
        .filter(|f| {
            f.kind.is_result()
                && f.period == latest.period
                && comparison_rank(f.measure) > 0
                && f.variant.is_none()
                && match (f.price_basis, latest.price_basis) {
                    (Some(a), Some(b)) => a == b,
                    _ => true,
                }
        })
        .max_by(|a, b| {
            comparison_rank(a.measure)
                .cmp(&comparison_rank(b.measure))
                .then(same_doc(a).cmp(&same_doc(b)))
                .then_with(|| compare_vintages(model, a, b))
        })
}

/// The documents the figures of one report line come from, in the order the line shows
/// them (result, plan, attainment, comparison, term target), each once.
pub fn line_documents<'a>(
    summary: &IndicatorSummary<'a>,
    comparison: Option<&'a Figure>,
) -> Vec<&'a str> {
    let plan = match summary.plan {
        Some(PlanValue::Stated(f)) => Some(f),
        Some(PlanValue::FromAttainment { attainment, .. }) => Some(attainment),
        None => None,
    };
    let attainment = match summary.attainment {
        Some(Attainment::Stated(f)) => Some(f),
        _ => None,
    };
    let mut docs: Vec<&'a str> = Vec::new();
    for f in [
        summary.latest,
        plan,
        attainment,
        comparison,
        summary.term_target,
    ]
    .into_iter()
    .flatten()
    {
        if let Some(d) = f.doc_id() {
            if !docs.contains(&d) {
                docs.push(d);
            }
        }
    }
    docs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::catalog::load_shipped;
    use crate::core::model::Amount;
    use crate::core::plan::summary::summarize;

    fn kon_tum() -> Model {
        let (models, _) = load_shipped();
        models.into_iter().next().expect("a model")
    }

    #[test]
    fn grdp_2023_compares_by_its_stated_growth() {
        let model = kon_tum();
        let estimate_2023 = model
            .figures_of("grdp_constant")
            .find(|f| {
                f.measure == Measure::Level
                    && f.period.as_year() == Some(2023)
                    && f.doc_id() == Some("kt-003")
            })
            .expect("the 2023 estimate");
        let growth = same_period_comparison(&model, estimate_2023).expect("a growth figure");
        assert_eq!(growth.measure, Measure::Growth);
        assert_eq!(growth.amount, Amount::Point(7.32));
        // A growth figure is itself the comparison: nothing to add.
        assert_eq!(same_period_comparison(&model, growth), None);
        let grdp = model.indicator("grdp_constant").expect("grdp");
        let summary = summarize(&model, grdp);
        let latest = summary.latest.expect("a result");
        let docs = line_documents(&summary, None);
        assert!(docs.contains(&latest.doc_id().expect("quoted")));
    }

    #[test]
    fn comparisons_are_stated_figures_of_the_same_period() {
        let model = kon_tum();
        for ind in &model.indicators {
            let summary = summarize(&model, ind);
            let Some(latest) = summary.latest else {
                continue;
            };
            if let Some(c) = same_period_comparison(&model, latest) {
                assert_eq!(c.period, latest.period, "{}", ind.id);
                assert_eq!(c.indicator, ind.id);
                assert!(c.kind.is_result() && c.doc_id().is_some(), "{}", ind.id);
            }
            let docs = line_documents(&summary, None);
            let mut unique = docs.clone();
            unique.dedup();
            assert_eq!(docs.len(), unique.len());
        }
    }
}
