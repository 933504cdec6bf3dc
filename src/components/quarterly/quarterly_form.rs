//! The printed form of the quarterly scenario, in Vietnamese as it is sent to the
//! ministry: province, title, price basis, the draft's name and the date, then the
//! table of `crate::present::quarterly::form_table` (rows: GRDP and the sectors;
//! columns: Q1 … Q4, 6 months, 9 months, year; growth, contribution, levels).

use leptos::prelude::*;

use crate::app::state::AppContext;
use crate::components::reports::report_parts::{report_table, HeadLine, ReportHead};
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
        let lines = explanation(&inputs, year, locale)
            .into_iter()
            .map(|l| view! { <li>{l}</li> })
            .collect_view();
        Some(view! {
            <section class="report-page report-quarterly" data-testid="report-quarterly">
                <ReportHead
                    province=head.subtitle
                    title=head.title
                    title_testid="report-quarterly-title"
                    lines=vec![
                        HeadLine::plain(head.basis),
                        HeadLine::marked(head.draft, None, Some("report-quarterly-draft")),
                        HeadLine::marked(head.date, Some("report-printed"), Some("report-quarterly-date")),
                    ]
                />
                {report_table(table, "report-table", "report-quarterly-table", true)}
                <ul class="report-explanation">{lines}</ul>
            </section>
        })
    }
}
