//! The printed reports: a plan report of the dashboard and the open indicator's
//! scenario, laid out from `crate::present::reports` and shown only on paper (`@media print`).
//!
//! The report is mounted only when printing is asked for (the "In báo cáo" button, the
//! scenario's "In kịch bản" button, or the browser's own Print, through `beforeprint`)
//! and unmounted after (`afterprint`), so the screen never pays for a second copy of the
//! 400-row dashboard. If a browser printed before the report was laid out, the print
//! style sheet still prints the screen without its controls.

use leptos::prelude::*;

use crate::app::state::{scenario_assumptions_for, scenario_texts_for, AppContext};
use crate::components::reports::report_parts::{report_table, HeadLine, ReportHead};
use crate::core::plan::assessment::assess;
use crate::platform::clock::{now_ms, timezone_offset_minutes};
use crate::present::i18n::{pick, t, Msg};
use crate::present::reports::{dashboard_report, scenario_report, SourceLine};

/// What to print.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportKind {
    /// The dashboard report only.
    Dashboard,
    /// The open indicator's scenario only.
    Scenario,
    /// Both (the browser's own Print command).
    Both,
    /// The quarterly scenario's form (`components::quarterly::quarterly_form`).
    Quarterly,
    /// The end-of-term evaluation of the whole model (`present::term`).
    TermEvaluation,
}

/// The report asked for, shared by the print buttons and the report.
#[derive(Clone, Copy, Debug)]
pub struct PrintRequest(pub RwSignal<Option<ReportKind>>);

impl Default for PrintRequest {
    fn default() -> Self {
        Self(RwSignal::new(None))
    }
}

impl PrintRequest {
    /// Lays out the `kind` report, then opens the browser's print dialog once the page
    /// has been updated.
    pub fn print(self, kind: ReportKind) {
        self.0.set(Some(kind));
        request_animation_frame(move || {
            // A browser without printing (or a blocked dialog) only loses the dialog.
            let _ = window().print();
        });
    }
}

/// A print button: "In báo cáo" in the header prints the dashboard report (`kind`
/// `Dashboard`), "In kịch bản" in the "what is needed" panel the scenario (`Scenario`).
#[component]
pub fn PrintButton(kind: ReportKind) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let request = expect_context::<PrintRequest>();
    let (test_id, label) = match kind {
        ReportKind::Scenario => ("print-scenario", Msg::PrintScenario),
        ReportKind::Dashboard | ReportKind::Both => ("print-report", Msg::PrintReport),
        ReportKind::Quarterly => ("print-quarterly", Msg::PrintScenario),
        ReportKind::TermEvaluation => ("print-term-evaluation", Msg::PrintReport),
    };
    view! {
        <button
            type="button"
            class="print-button"
            data-testid=test_id
            on:click=move |_| request.print(kind)
        >
            {move || t(label, ctx.locale())}
        </button>
    }
}

fn sources_view(sources: Vec<SourceLine>, heading: &'static str) -> impl IntoView {
    let items = sources
        .into_iter()
        .map(|s| {
            view! {
                <li data-testid="report-source">
                    <span class="report-source-title">{format!("[{}] {}", s.number, s.title)}</span>
                    " "
                    <span class="report-source-detail">{s.detail}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <h2>{heading}</h2>
        <ol class="report-sources">{items}</ol>
    }
}

/// The printed report; mounted while a print is asked for.
#[component]
pub fn PrintReport() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let request = expect_context::<PrintRequest>();
    // The browser's own Print command: lay out both reports first, drop them after.
    let before = window_event_listener_untyped("beforeprint", move |_| {
        if request.0.get_untracked().is_none() {
            request.0.set(Some(ReportKind::Both));
        }
    });
    let after = window_event_listener_untyped("afterprint", move |_| request.0.set(None));
    on_cleanup(move || {
        before.remove();
        after.remove();
    });

    move || {
        let kind = request.0.get()?;
        let locale = ctx.locale();
        let model = ctx.model()?;
        let (now, offset) = (now_ms(), timezone_offset_minutes());
        let dashboard = matches!(kind, ReportKind::Dashboard | ReportKind::Both).then(|| {
            let r = dashboard_report(model, &ctx.query.get(), locale, now, offset);
            let columns = r.header.len();
            let head = r
                .header
                .into_iter()
                .map(|h| view! { <th scope="col">{h}</th> })
                .collect_view();
            let body = r
                .groups
                .into_iter()
                .map(|g| {
                    let rows = g
                        .rows
                        .into_iter()
                        .map(|row| {
                            let cells = row
                                .cells
                                .into_iter()
                                .enumerate()
                                .map(|(i, c)| {
                                    if i == 1 {
                                        view! { <th scope="row">{c}</th> }.into_any()
                                    } else {
                                        view! { <td>{c}</td> }.into_any()
                                    }
                                })
                                .collect_view();
                            view! {
                                <tr data-testid="report-row" data-indicator-id=row.id>{cells}</tr>
                            }
                        })
                        .collect_view();
                    view! {
                        <tr class="report-group">
                            <th scope="colgroup" colspan=columns.to_string()>
                                {format!("{}. {}", g.number, g.name)}
                            </th>
                        </tr>
                        {rows}
                    }
                })
                .collect_view();
            view! {
                <section class="report-page" data-testid="report-dashboard">
                    <ReportHead
                        province=r.subtitle
                        province_testid="report-province"
                        title=r.title
                        title_testid="report-title"
                        lines=[Some(HeadLine::marked(r.printed, Some("report-printed"), Some("report-printed")))]
                            .into_iter()
                            .chain([r.filter.map(|f| HeadLine::marked(f, Some("report-filter"), None))])
                            .flatten()
                            .collect()
                    />
                    <table class="report-table" data-testid="report-table">
                        <thead><tr>{head}</tr></thead>
                        <tbody>{body}</tbody>
                    </table>
                    <p class="report-note">{t(Msg::ReportNote, locale)}</p>
                    {sources_view(r.sources, t(Msg::ReportSources, locale))}
                </section>
            }
        });
        let scenario = matches!(kind, ReportKind::Scenario | ReportKind::Both)
            .then(|| {
                let id = ctx.selected.get()?;
                let (assumptions, inputs) = ctx
                    .state
                    .with(|s| {
                        (
                            scenario_assumptions_for(s, Some(model), &id, locale),
                            scenario_texts_for(s, &id),
                        )
                    });
                let a = assess(model, &id, &assumptions);
                let r = scenario_report(model, &id, &a, &inputs, locale, now, offset)?;
                let facts = r
                    .facts
                    .into_iter()
                    .map(|f| view! { <dt>{f.label}</dt><dd>{f.value}</dd> })
                    .collect_view();
                let explanation = r
                    .explanation
                    .into_iter()
                    .map(|l| view! { <li>{l}</li> })
                    .collect_view();
                let assumptions = (!r.assumptions.rows.is_empty()).then(|| {
                    view! {
                        <h2>{t(Msg::Assumptions, locale)}</h2>
                        {report_table(r.assumptions, "report-table", "report-assumptions", false)}
                    }
                });
                let path = r.path.map(|p| {
                    view! {
                        <h2>{t(Msg::ScenarioPath, locale)}</h2>
                        {report_table(p, "report-table", "report-path", false)}
                    }
                });
                Some(view! {
                    <section class="report-page report-scenario" data-testid="report-scenario">
                        <ReportHead
                            province=r.subtitle
                            title=r.title
                            lines=vec![
                                HeadLine::marked(r.indicator, Some("report-indicator"), Some("report-indicator")),
                                HeadLine::marked(r.printed, Some("report-printed"), None),
                            ]
                        />
                        <dl class="report-facts" data-testid="report-facts">{facts}</dl>
                        {assumptions}
                        {path}
                        <ul class="report-explanation">{explanation}</ul>
                        {sources_view(r.sources, t(Msg::ReportSources, locale))}
                    </section>
                })
            })
            .flatten();
        let quarterly = (kind == ReportKind::Quarterly).then(|| {
            view! { <crate::components::quarterly::quarterly_form::QuarterlyForm /> }
        });
        let evaluation = (kind == ReportKind::TermEvaluation).then(|| {
            use crate::present::i18n::term::{tt, TermMsg};
            let rows = crate::present::term::evaluation_rows(model, locale);
            let table = crate::present::term::evaluation_table(&rows, locale);
            view! {
                <section class="report-page" data-testid="report-term-evaluation">
                    <ReportHead
                        province=pick(&model.province, locale).to_string()
                        title=tt(TermMsg::EvaluationTitle, locale).to_string()
                    />
                    {report_table(table, "report-table", "report-term-table", false)}
                </section>
            }
        });
        Some(view! {
            <div class="print-report" role="main" data-testid="print-report-view" lang=locale.code()>
                {dashboard}
                {scenario}
                {quarterly}
                {evaluation}
            </div>
        })
    }
}
