//! The dashboard tables: one table per group of indicators, one row per indicator with
//! its latest result, the plan for that year and how much was reached, and the term
//! target. Real table markup with captions and header scopes for screen readers.

use leptos::prelude::*;

use crate::app::state::{Action, AppContext};
use crate::components::dashboard::overview_bar::OverviewBar;
use crate::components::reports::csv_button::CsvButton;
use crate::present::dashboard::{status_class, GroupView, RowView};
use crate::present::first_screen::{count_line, filtered_dashboard, main_only, RowFilter};
use crate::present::i18n::first_hour::{ft, FirstMsg};
use crate::present::i18n::{t, Msg};

/// The dashboard filter the tables start with: the one the person chose in the live
/// first view before the app had loaded (`src/first_view/`), else the main targets.
#[derive(Clone, Copy, Debug, Default)]
pub struct StartFilter(pub RowFilter);

/// Which row is open, told to each row alone: opening a target changes two rows, and
/// typing in the open target's boxes changes none (issue #15: a row that watched the
/// whole view state re-ran on every keystroke, 2,000 of them on a large model).
#[derive(Clone)]
struct OpenRow(Selector<Option<String>>);

impl OpenRow {
    /// Provides the selector to the components below, following the open target.
    fn provide(ctx: AppContext) {
        provide_context(OpenRow(Selector::new(move || ctx.selected.get())));
    }
}

/// Every group's table, filtered by the overview (the main targets first) and the
/// search box.
#[component]
pub fn TargetTables() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    // The filter the person chose in the live first view, if any (issue #15).
    let start = use_context::<StartFilter>()
        .map(|s| s.0)
        .unwrap_or_default();
    let filter = RwSignal::new(start);
    OpenRow::provide(ctx);
    let groups = Memo::new(move |_| {
        let locale = ctx.locale();
        let query = ctx.query.get();
        let f = filter.get();
        ctx.model()
            .map(|m| filtered_dashboard(m, &query, f, locale))
            .unwrap_or_default()
    });
    let showing_main = move || ctx.query.with(|q| main_only(filter.get(), q));
    let count = move || groups.with(|g| g.iter().map(|g| g.rows.len()).sum::<usize>());
    view! {
        <OverviewBar filter=filter />
        <section class="tables" aria-live="polite">
            <p class="count" data-testid="indicator-count">
                {move || ctx.query.with(|q| count_line(count(), filter.get(), q, ctx.locale()))}
            </p>
            <Show when=move || count() == 0>
                <p class="empty">{move || t(Msg::NoMatches, ctx.locale())}</p>
            </Show>
            <For
                each=move || groups.get()
                key=|g: &GroupView| g.clone()
                children=move |g: GroupView| view! { <TargetTable group=g /> }
            />
            <Show when=showing_main>
                <p class="show-others">
                    <button type="button" data-testid="show-all" on:click=move |_| filter.set(RowFilter::All)>
                        {move || ft(FirstMsg::ShowOthers, ctx.locale())}
                    </button>
                </p>
            </Show>
        </section>
    }
}

/// One group's table.
#[component]
pub fn TargetTable(group: GroupView) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    // A table on its own (the embedded group view) has no dashboard around it to share
    // the open-row selector.
    if use_context::<OpenRow>().is_none() {
        OpenRow::provide(ctx);
    }
    let locale = ctx.locale_untracked();
    // The CSV is built from the same rows the table renders.
    let csv_group = group.clone();
    let build_csv = Callback::new(move |_| {
        (
            csv_group.name.clone(),
            crate::present::reports::group_table(&csv_group, ctx.locale_untracked()),
        )
    });
    let csv_name = format!("group-{}", group.id);
    let caption = group.name.clone();
    // The same rows as numbers Excel can calculate with, one value per cell.
    let xl_group = group.clone();
    let build_numbers = Callback::new(move |_| {
        let locale = ctx.locale_untracked();
        let table = ctx
            .model()
            .map(|m| crate::present::excel_csv::group_numbers_table(m, &xl_group, locale))
            .unwrap_or_default();
        (
            format!("{} - {}", xl_group.name, ft(FirstMsg::XlButton, locale)),
            table,
        )
    });
    let xl_name = format!("numbers-{}", group.id);
    let xl_caption = group.name.clone();
    let rows = group
        .rows
        .into_iter()
        .map(|row| view! { <TargetRow row=row /> })
        .collect_view();
    view! {
        <div class="table-wrap" data-testid="group" data-group-id=group.id.clone()>
            <div class="table-tools">
                <CsvButton table=csv_name caption=caption contents=build_csv />
                <CsvButton
                    table=xl_name
                    caption=xl_caption
                    contents=build_numbers
                    label=ft(FirstMsg::XlButton, locale)
                />
            </div>
            <table class="targets">
                <caption>{group.name}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(Msg::ColIndicator, locale)}</th>
                        <th scope="col">{t(Msg::ColUnit, locale)}</th>
                        <th scope="col">{t(Msg::ColLatest, locale)}</th>
                        <th scope="col">{t(Msg::ColPlan, locale)}</th>
                        <th scope="col">{t(Msg::ColAttainment, locale)}</th>
                        <th scope="col">{t(Msg::ColTermTarget, locale)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// One indicator's row; its name opens the figures and sources.
#[component]
fn TargetRow(row: RowView) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let locale = ctx.locale_untracked();
    let open_id = row.id.clone();
    let open_row = expect_context::<OpenRow>().0;
    let key = Some(row.id.clone());
    let is_open = move || open_row.selected(&key);
    let is_open_class = is_open.clone();
    let labels = [
        t(Msg::ColUnit, locale),
        t(Msg::ColLatest, locale),
        t(Msg::ColPlan, locale),
        t(Msg::ColAttainment, locale),
        t(Msg::ColTermTarget, locale),
    ];
    let [l_unit, l_latest, l_plan, l_att, l_term] = labels;
    let empty = t(Msg::NoData, locale);
    let or_empty = move |s: String| if s.is_empty() { empty.to_string() } else { s };
    view! {
        <tr
            data-testid="indicator-row"
            data-indicator-id=row.id.clone()
            class:selected=is_open_class
        >
            <th scope="row">
                <button
                    type="button"
                    class="indicator-open"
                    aria-expanded=move || is_open().to_string()
                    aria-controls="indicator-detail"
                    on:click=move |_| ctx.dispatch(Action::OpenIndicator(open_id.clone()))
                >
                    {row.name}
                </button>
            </th>
            <td data-label=l_unit>{row.unit}</td>
            <td data-label=l_latest data-testid="latest">
                <span class="value">{or_empty(row.latest)}</span>
                <span class="when" class:estimate=row.latest_is_estimate>{row.latest_when}</span>
            </td>
            <td data-label=l_plan data-testid="plan">
                <span class="value">{or_empty(row.plan)}</span>
                <span class="when">{row.plan_note}</span>
            </td>
            <td data-label=l_att data-testid="attainment">
                <span class="value">{or_empty(row.attainment)}</span>
                <span class=status_class(row.status) data-testid="plan-status">{row.status_text}</span>
                <span class="when">{row.attainment_note}</span>
            </td>
            <td data-label=l_term data-testid="term-target">
                <span class="value">{or_empty(row.term_target)}</span>
                <span class="when">{row.term_target_when}</span>
            </td>
        </tr>
    }
}
