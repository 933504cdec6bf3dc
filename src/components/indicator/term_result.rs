//! The end-of-term result of the open indicator (issue #13): once the term's last year
//! has passed, the workbench shows the final (or latest) result against the term target
//! — achieved or not, by how much, and which figure it rests on — in place of the pace
//! still needed. Text from `present::term`.

use leptos::prelude::*;

use crate::app::state::AppContext;
use crate::present::i18n::term::{tt, TermMsg};
use crate::present::term::term_result_view;

/// The year the view stands on: the as-of date's (`ngay=`), else today's on the
/// person's clock. The term is over once it is after the term's last year.
pub fn today_year() -> i32 {
    expect_context::<AppContext>().as_of().year
}

/// The end-of-term result; renders nothing while the term runs.
#[component]
pub fn TermResult(indicator: String) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let year = today_year();
    move || {
        let locale = ctx.locale();
        let model = ctx.model()?;
        let v = term_result_view(model, &indicator, year, locale)?;
        Some(view! {
            <section class="term-result" data-testid="term-result" data-verdict=v.code>
                <h4>{tt(TermMsg::ResultTitle, locale)}</h4>
                <p>
                    <span class=format!("term-verdict verdict-{}", v.code) data-testid="term-verdict">
                        {v.verdict}
                    </span>
                </p>
                <dl class="pace">
                    <dt>{tt(TermMsg::Target, locale)}</dt>
                    <dd data-testid="term-target">{v.target}</dd>
                    {(!v.result.is_empty()).then(|| view! {
                        <dt>{v.result_label}</dt>
                        <dd data-testid="term-value">{v.result.clone()}</dd>
                    })}
                    {(!v.margin.is_empty()).then(|| view! {
                        <dt>{tt(TermMsg::Margin, locale)}</dt>
                        <dd data-testid="term-margin">{v.margin.clone()}</dd>
                    })}
                    {(!v.rests_on.is_empty()).then(|| view! {
                        <dt>{tt(TermMsg::RestsOn, locale)}</dt>
                        <dd data-testid="term-rests-on">{v.rests_on.clone()}</dd>
                    })}
                </dl>
            </section>
        })
    }
}
