//! The end-of-term evaluation of the whole model (issue #13), on the dashboard once the
//! term's last year has passed: chỉ tiêu | mục tiêu nhiệm kỳ | thực hiện | chênh lệch |
//! đánh giá | dựa trên, with its CSV and a print button; and the model's list of what
//! the public pages lack. Text from `present::term`.

use leptos::prelude::*;

use crate::app::state::AppContext;
use crate::components::indicator::term_result::today_year;
use crate::components::reports::csv_button::CsvButton;
use crate::components::reports::print_report::{PrintButton, ReportKind};
use crate::core::plan::term_end::term_over;
use crate::present::i18n::term::{tt, TermMsg};
use crate::present::term::{evaluation_rows, evaluation_table, gaps_list};

/// The evaluation; renders nothing while the term runs.
#[component]
pub fn TermEvaluation() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let year = today_year();
    move || {
        let locale = ctx.locale();
        let model = ctx.model()?;
        if !term_over(model, year) {
            return None;
        }
        let rows = evaluation_rows(model, locale);
        let csv_rows = rows.clone();
        let what = tt(TermMsg::EvaluationTitle, locale).to_string();
        let build_csv = Callback::new(move |_| (what.clone(), evaluation_table(&csv_rows, locale)));
        let body = rows
            .into_iter()
            .map(|r| {
                view! {
                    <tr data-testid="term-evaluation-row" data-indicator-id=r.indicator data-verdict=r.view.code>
                        <th scope="row">{r.name}</th>
                        <td>{r.view.target}</td>
                        <td>{r.view.result}</td>
                        <td>{r.view.margin}</td>
                        <td class=format!("verdict-{}", r.view.code)>{r.view.verdict}</td>
                        <td>{r.view.rests_on}</td>
                    </tr>
                }
            })
            .collect_view();
        Some(view! {
            <details class="term-evaluation" data-testid="term-evaluation">
                <summary data-testid="term-evaluation-open">{tt(TermMsg::EvaluationTitle, locale)}</summary>
                <p>{tt(TermMsg::EvaluationIntro, locale)}</p>
                <div class="table-tools">
                    <CsvButton
                        table="term-evaluation"
                        caption=tt(TermMsg::EvaluationTitle, locale)
                        contents=build_csv
                    />
                    <PrintButton kind=ReportKind::TermEvaluation />
                </div>
                <div class="table-wrap">
                    <table class="term-evaluation-table">
                        <caption>{tt(TermMsg::EvaluationTitle, locale)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{tt(TermMsg::ColIndicator, locale)}</th>
                                <th scope="col">{tt(TermMsg::ColTarget, locale)}</th>
                                <th scope="col">{tt(TermMsg::ColResult, locale)}</th>
                                <th scope="col">{tt(TermMsg::Margin, locale)}</th>
                                <th scope="col">{tt(TermMsg::ColVerdict, locale)}</th>
                                <th scope="col">{tt(TermMsg::RestsOn, locale)}</th>
                            </tr>
                        </thead>
                        <tbody>{body}</tbody>
                    </table>
                </div>
            </details>
        })
    }
}

/// What the public pages lack, from the model's `gaps`; nothing when none are listed.
#[component]
pub fn ModelGaps() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    move || {
        let locale = ctx.locale();
        let gaps = gaps_list(ctx.model()?, locale);
        if gaps.is_empty() {
            return None;
        }
        let items = gaps
            .into_iter()
            .map(|g| view! { <li>{g}</li> })
            .collect_view();
        Some(view! {
            <section class="model-gaps" data-testid="model-gaps">
                <h2>{tt(TermMsg::GapsTitle, locale)}</h2>
                <ul>{items}</ul>
            </section>
        })
    }
}
