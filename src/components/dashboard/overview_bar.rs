//! The overview line above the tables: how many main targets are achieved, on track, at
//! risk, off track or cannot be assessed, each a filter button, with "all indicators"
//! one click away, and the first step in words while no indicator is open.

use leptos::prelude::*;

use crate::app::state::AppContext;
use crate::present::first_screen::{overview, Overview, OverviewItem, RowFilter};
use crate::present::i18n::first_hour::{ft, FirstMsg};

/// The overview; `filter` is the dashboard's row filter, which its buttons set.
#[component]
pub fn OverviewBar(filter: RwSignal<RowFilter>) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let data = Memo::new(move |_| {
        let locale = ctx.locale();
        ctx.model().map(|m| overview(m, locale))
    });
    let button = move |item: OverviewItem| {
        let f = item.filter;
        view! {
            <button
                type="button"
                class=format!("overview-item overview-{}", item.code)
                data-testid="overview-filter"
                data-filter=item.code
                aria-pressed=move || (filter.get() == f).to_string()
                on:click=move |_| filter.set(f)
            >
                <span class="overview-count">{item.count}</span>
                " "
                <span class="overview-label">{item.label}</span>
            </button>
        }
    };
    move || {
        let locale = ctx.locale();
        let o: Overview = data.get()?;
        let items = o.standings.into_iter().map(button).collect_view();
        Some(view! {
            <section class="overview" data-testid="overview" aria-labelledby="overview-heading">
                <h2 id="overview-heading">{ft(FirstMsg::OverviewHeading, locale)}</h2>
                <div class="overview-filters" role="group" aria-label=ft(FirstMsg::FilterLabel, locale)>
                    {button(o.main)}
                    {items}
                    {button(o.all)}
                </div>
                <Show when=move || ctx.selected.get().is_none()>
                    <p class="first-step" data-testid="first-step">{ft(FirstMsg::FirstStepHint, locale)}</p>
                </Show>
            </section>
        })
    }
}
