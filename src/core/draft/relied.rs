//! The figures a draft relied on: when a draft is saved, the winning figure of every
//! slot (period, kind, measure) of the indicators it uses is kept in it
//! ([`with_relied`]); when it is opened on a newer revision of its model,
//! [`changes_since`] lists the figures that changed (old → new), which the drafts
//! panel shows as a note. The draft itself keeps working: its overrides are keyed by
//! indicator and year, not by figure.

use std::collections::{BTreeMap, BTreeSet};

use crate::core::draft::record::{Draft, Overrides, ReliedFigure, MAX_RELIED};
use crate::core::model::edit::{slot_changes, winners, winning_amounts, FigureChange, FigureSlot};
use crate::core::model::{Amount, Model};
use crate::core::plan::chain::LINKED_INDICATORS;

/// The indicators a draft uses: those with a typed assumption, a start year or a
/// choice of figures, and, when a growth-chain input is typed, every indicator the
/// chain computes.
pub fn draft_indicators(o: &Overrides) -> BTreeSet<String> {
    let mut out: BTreeSet<String> = o.scenario.keys().map(|(i, _)| i.clone()).collect();
    out.extend(o.start_years.keys().cloned());
    out.extend(o.choices.level_paces.iter().cloned());
    out.extend(o.choices.bases.keys().cloned());
    out.extend(o.choices.vintages.keys().cloned());
    if !o.chain.is_empty() {
        out.extend(LINKED_INDICATORS.iter().map(|s| s.to_string()));
    }
    out
}

/// The winning figures of `indicators` in `model`, by indicator then slot (at most
/// [`MAX_RELIED`]).
pub fn relied_figures(model: &Model, indicators: &BTreeSet<String>) -> Vec<ReliedFigure> {
    indicators
        .iter()
        .flat_map(|i| {
            winners(model, i)
                .into_iter()
                .map(|((period, kind, measure), f)| ReliedFigure {
                    indicator: i.clone(),
                    period,
                    kind,
                    measure,
                    amount: f.amount,
                })
        })
        .take(MAX_RELIED)
        .collect()
}

/// The draft with the figures it relies on in `model` kept in it, when `model` is the
/// draft's own (another model's figures would say nothing about it).
pub fn with_relied(draft: Draft, model: Option<&Model>) -> Draft {
    match model.filter(|m| m.id == draft.model.id) {
        Some(m) => {
            let relied = relied_figures(m, &draft_indicators(&draft.overrides));
            Draft {
                overrides: Overrides {
                    relied,
                    ..draft.overrides
                },
                ..draft
            }
        }
        None => draft,
    }
}

/// The figures the draft relied on whose winning amount in `model` differs (changed,
/// new or removed), by indicator then slot. Empty when the draft kept none (saved
/// before figures were kept) or `model` is another model or the same revision.
pub fn changes_since(draft: &Draft, model: &Model) -> Vec<FigureChange> {
    if draft.model.id != model.id
        || draft.model.data_version == model.data_version
        || draft.overrides.relied.is_empty()
    {
        return Vec::new();
    }
    let mut before: BTreeMap<&str, BTreeMap<FigureSlot, Amount>> = BTreeMap::new();
    for f in &draft.overrides.relied {
        before
            .entry(f.indicator.as_str())
            .or_default()
            .insert((f.period, f.kind, f.measure), f.amount);
    }
    before
        .into_iter()
        .flat_map(|(indicator, old)| {
            slot_changes(indicator, &old, &winning_amounts(model, indicator))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::draft::record::{Entry, ModelRef};
    use crate::core::model::catalog::kon_tum;
    use crate::core::model::{FigureKind, Measure, Period};
    use crate::core::text::numfmt::Locale;

    fn draft_on(model: &Model, indicator: &str) -> Draft {
        let mut d = Draft {
            id: "d".into(),
            model: ModelRef {
                id: model.id.clone(),
                data_version: model.data_version.clone(),
                ..ModelRef::default()
            },
            ..Draft::default()
        };
        d.overrides
            .scenario
            .insert((indicator.into(), 2025), Entry::read("10", Locale::Vi));
        with_relied(d, Some(model))
    }

    /// The shipped model with one figure's amount changed and a new revision.
    fn revised(model: &Model, key: &str, amount: Amount) -> Model {
        let mut m = model.clone();
        m.data_version = format!("{}.2", m.data_version);
        for f in &mut m.figures {
            if crate::core::model::load::figure_key(f) == key {
                f.amount = amount;
            }
        }
        m
    }

    #[test]
    fn a_draft_keeps_the_winning_figures_of_its_indicators() {
        let m = kon_tum();
        let d = draft_on(&m, "grdp_constant");
        // The 2024 estimate of the public report, 20,225 bn VND, is among them.
        assert!(d
            .overrides
            .relied
            .iter()
            .any(|f| f.indicator == "grdp_constant"
                && f.period == Period::Year(2024)
                && f.kind == FigureKind::Estimate
                && f.measure == Measure::Level
                && f.amount == Amount::Point(20225.0)));
        assert!(d
            .overrides
            .relied
            .iter()
            .all(|f| f.indicator == "grdp_constant"));
        // Another model's figures are never kept.
        let mut other = m.clone();
        other.id = "other".into();
        let plain = Draft {
            overrides: Overrides::default(),
            ..d.clone()
        };
        assert!(with_relied(plain, Some(&other)).overrides.relied.is_empty());
    }

    #[test]
    fn a_newer_revision_lists_the_changed_figures_only() {
        let m = kon_tum();
        let d = draft_on(&m, "grdp_constant");
        // Same revision: nothing to say.
        assert_eq!(changes_since(&d, &m), vec![]);
        let new = revised(
            &m,
            "grdp_constant/2024/estimate/level",
            Amount::Point(20300.0),
        );
        assert_eq!(
            changes_since(&d, &new),
            vec![FigureChange {
                indicator: "grdp_constant".into(),
                period: Period::Year(2024),
                kind: FigureKind::Estimate,
                measure: Measure::Level,
                before: Some(Amount::Point(20225.0)),
                after: Some(Amount::Point(20300.0)),
            }]
        );
        // A figure of an indicator the draft does not use changes nothing for it.
        let elsewhere = revised(
            &m,
            "grdp_per_capita/2023/estimate/level",
            Amount::Point(59.0),
        );
        assert_eq!(changes_since(&d, &elsewhere), vec![]);
        // A draft saved before figures were kept says nothing.
        let old = Draft {
            overrides: Overrides {
                relied: Vec::new(),
                ..d.overrides.clone()
            },
            ..d.clone()
        };
        assert_eq!(changes_since(&old, &new), vec![]);
    }

    #[test]
    fn chain_inputs_make_the_draft_rely_on_the_linked_indicators() {
        let mut o = Overrides::default();
        o.chain.insert(
            (crate::core::plan::chain::ChainInput::Icor, 2025),
            Entry::read("7", Locale::Vi),
        );
        let ids = draft_indicators(&o);
        assert!(ids.contains("grdp_per_capita") && ids.contains("budget_revenue"));
        assert_eq!(ids.len(), LINKED_INDICATORS.len());
    }
}
