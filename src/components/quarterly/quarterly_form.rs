//! The printed form of the quarterly scenario, in Vietnamese as it is sent to the
//! ministry: province, title, price basis, the draft's name and the date, then the
//! table of `crate::present::quarterly::form_table` (rows: GRDP and the sectors;
//! columns: Q1 … Q4, 6 months, 9 months, year; growth, contribution, levels).

use leptos::prelude::*;

use crate::app::state::AppContext;
use crate::core::plan::chain::setup;
use crate::platform::clock::{now_ms, timezone_offset_minutes};
use crate::present::i18n::Locale;
use crate::present::quarterly::{explanation, form_head, form_table, read_inputs, scenario_year};

/// The form, laid out for paper (mounted by the print report while printing).
#[component]
pub fn QuarterlyForm() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    move || {
        let model = ctx.model()?;
        let year = scenario_year(&setup(model).ok()?);
        // The form is sent in Vietnamese, whatever the interface language.
        let locale = Locale::Vi;
        let (inputs, name) = ctx.state.with(|s| {
            (
                read_inputs(&s.quarterly_inputs, &s.quarter_results, locale),
                s.draft.as_ref().map(|o| o.name.clone()),
            )
        });
        let head = form_head(
            model,
            year,
            name.as_deref(),
            now_ms(),
            timezone_offset_minutes(),
            locale,
        );
        let table = form_table(&inputs, locale);
        let header = table
            .header
            .into_iter()
            .map(|h| view! { <th scope="col">{h}</th> })
            .collect_view();
        let body = table
            .rows
            .into_iter()
            .map(|r| {
                let section = r.iter().skip(1).all(String::is_empty);
                let mut cells = r.into_iter();
                let first = cells.next().unwrap_or_default();
                if section {
                    return view! { <tr class="report-group"><th scope="colgroup" colspan="8">{first}</th></tr> }.into_any();
                }
                let rest = cells.map(|c| view! { <td>{c}</td> }).collect_view();
                view! { <tr><th scope="row">{first}</th>{rest}</tr> }.into_any()
            })
            .collect_view();
        let lines = explanation(&inputs, year, locale)
            .into_iter()
            .map(|l| view! { <li>{l}</li> })
            .collect_view();
        Some(view! {
            <section class="report-page report-quarterly" data-testid="report-quarterly">
                <header class="report-head">
                    <p class="report-province">{head.subtitle}</p>
                    <h2 data-testid="report-quarterly-title">{head.title}</h2>
                    <p>{head.basis}</p>
                    <p data-testid="report-quarterly-draft">{head.draft}</p>
                    <p class="report-printed" data-testid="report-quarterly-date">{head.date}</p>
                </header>
                <table class="report-table" data-testid="report-quarterly-table">
                    <thead><tr>{header}</tr></thead>
                    <tbody>{body}</tbody>
                </table>
                <ul class="report-explanation">{lines}</ul>
            </section>
        })
    }
}
