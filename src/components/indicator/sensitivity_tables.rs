//! Sensitivity tables for the open indicator: the projected value in the target year
//! over a range of one year's assumption, and over a grid of the first two remaining
//! years' assumptions. Cells that meet the target are marked. The tables are built by
//! `crate::present::sensitivity`; this component lays them out.

use leptos::prelude::*;

use crate::components::reports::csv_button::CsvButton;
use crate::core::model::Model;
use crate::core::plan::assessment::Assumptions;
use crate::present::i18n::Locale;
use crate::present::sensitivity::sensitivity_view;

/// The two tables (the grid only when two or more years remain).
#[component]
pub fn SensitivityTables(
    model: &'static Model,
    indicator: String,
    assumptions: Assumptions,
    locale: Locale,
) -> impl IntoView {
    let Some(v) = sensitivity_view(model, &indicator, &assumptions, locale) else {
        return ().into_any();
    };
    let one_csv = (v.csv_title_one.clone(), v.one_way.clone());
    let one_caption = v.caption_one.clone();
    let head_one = v
        .one_way
        .header
        .iter()
        .map(|h| view! { <th scope="col">{h.clone()}</th> })
        .collect_view();
    let rows_one = v
        .one_way
        .rows
        .into_iter()
        .zip(v.one_way_meets)
        .map(|(cells, ok)| {
            let mut cells = cells.into_iter();
            let head = cells.next().unwrap_or_default();
            let tds = cells.map(|c| view! { <td>{c}</td> }).collect_view();
            view! { <tr class:meets=ok><th scope="row">{head}</th>{tds}</tr> }
        })
        .collect_view();
    let grid = v.grid.map(|g| {
        let (caption, table, flags) = (g.caption, g.table, g.meets);
        let grid_csv = (g.csv_title, table.clone());
        let grid_caption = caption.clone();
        let head = table
            .header
            .iter()
            .map(|h| view! { <th scope="col">{h.clone()}</th> })
            .collect_view();
        let body = table
            .rows
            .into_iter()
            .zip(flags)
            .map(|(cells, row_flags)| {
                let mut cells = cells.into_iter();
                let head = cells.next().unwrap_or_default();
                let tds = cells
                    .zip(row_flags)
                    .map(|(c, ok)| view! { <td class:meets=ok>{c}</td> })
                    .collect_view();
                view! { <tr><th scope="row">{head}</th>{tds}</tr> }
            })
            .collect_view();
        view! {
            <div class="table-wrap">
                <div class="table-tools">
                    <CsvButton
                        table="sensitivity-grid"
                        caption=grid_caption
                        contents=Callback::new(move |_| grid_csv.clone())
                    />
                </div>
                <table class="sensitivity" data-testid="sensitivity-grid">
                    <caption>{caption}</caption>
                    <thead><tr>{head}</tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        }
    });
    view! {
        <div class="sensitivity-tables">
            <div class="table-wrap">
                <div class="table-tools">
                    <CsvButton
                        table="sensitivity-one-way"
                        caption=one_caption
                        contents=Callback::new(move |_| one_csv.clone())
                    />
                </div>
                <table class="sensitivity" data-testid="sensitivity-one-way">
                    <caption>{v.caption_one}</caption>
                    <thead><tr>{head_one}</tr></thead>
                    <tbody>{rows_one}</tbody>
                </table>
                {v.in_use_line.map(|l| view! { <p class="sensitivity-in-use" data-testid="sensitivity-in-use">{l}</p> })}
            </div>
            {grid}
        </div>
    }
    .into_any()
}
