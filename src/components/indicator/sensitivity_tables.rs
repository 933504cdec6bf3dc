//! Sensitivity tables for the open indicator: the projected value in the target year
//! over a range of one year's assumption, and over a grid of the first two remaining
//! years' assumptions. Cells that meet the target are marked.

use leptos::prelude::*;

use crate::components::reports::csv_button::CsvButton;
use crate::core::codec::csv::Table;
use crate::core::model::Model;
use crate::core::plan::assessment::{Assumptions, Working};
use crate::core::plan::sensitivity::table_for;
use crate::core::text::numfmt::format_number;
use crate::present::i18n::Locale;

/// The sensitivity tables as text: what the screen shows and the CSV holds.
#[derive(Clone, Debug, PartialEq)]
pub struct SensitivityView {
    /// Caption of the one-way table.
    pub caption_one: String,
    /// One-way table: assumption, projection, gap to target, meets.
    pub one_way: Table,
    /// Which one-way rows meet the target.
    pub one_way_meets: Vec<bool>,
    /// Two-way grid (caption, table, which cells meet the target), when two or more
    /// years remain.
    pub grid: Option<(String, Table, Vec<Vec<bool>>)>,
    /// The value in use for the first year and what it gives, checked by the same rule.
    pub in_use_line: Option<String>,
}

/// Computes both tables; `None` when no year is left to assume or the scenario cannot be
/// assessed. The numbers and ticks come from `core::plan::sensitivity::table_for`, which
/// uses the target's one rule.
pub fn sensitivity_view(
    model: &Model,
    indicator: &str,
    assumptions: &Assumptions,
    _working: &Working,
    _required: Option<f64>,
    locale: Locale,
) -> Option<SensitivityView> {
    let tables = table_for(model, indicator, assumptions)?;
    let n = |v: f64| format_number(v, locale, 2);
    let first = tables.first;
    let target_year = tables.target_year;
    let target_value = tables.target_value;
    let one_way_meets: Vec<bool> = tables.one_way.iter().map(|r| r.meets).collect();
    let in_use_line = tables.in_use.as_ref().map(|r| {
        let projected = r.projected.map(n).unwrap_or_else(|| "—".to_string());
        match (locale, r.meets) {
            (Locale::Vi, true) => format!(
                "Giá trị đang dùng cho năm {first}: {} → {target_year}: {projected} (đạt).",
                n(r.input)
            ),
            (Locale::Vi, false) => format!(
                "Giá trị đang dùng cho năm {first}: {} → {target_year}: {projected} (không đạt).",
                n(r.input)
            ),
            (Locale::En, true) => format!(
                "Value in use for {first}: {} → {target_year}: {projected} (meets).",
                n(r.input)
            ),
            (Locale::En, false) => format!(
                "Value in use for {first}: {} → {target_year}: {projected} (does not meet).",
                n(r.input)
            ),
        }
    });
    let rows_one = tables
        .one_way
        .iter()
        .map(|r| {
            vec![
                n(r.input),
                r.projected.map(n).unwrap_or_else(|| "—".to_string()),
                r.projected.map(|v| n(v - target_value)).unwrap_or_default(),
                if r.meets { "✓" } else { "" }.to_string(),
            ]
        })
        .collect();
    let (caption_one, col_in, col_out, col_gap, col_ok) = match locale {
        Locale::Vi => (
            format!("Độ nhạy: giá trị năm {target_year} theo giả định năm {first}"),
            format!("Giả định {first}"),
            format!("Dự báo {target_year}"),
            "Chênh lệch với mục tiêu".to_string(),
            "Đạt".to_string(),
        ),
        Locale::En => (
            format!("Sensitivity: {target_year} value by the {first} assumption"),
            format!("Assumed {first}"),
            format!("Projected {target_year}"),
            "Gap to target".to_string(),
            "Meets".to_string(),
        ),
    };
    let grid = tables.grid.map(|g| {
        let second = g.second;
        let mut header = vec![format!("{first} \\ {second}")];
        header.extend(g.columns.iter().map(|y| n(*y)));
        let rows = g
            .rows
            .iter()
            .zip(&g.cells)
            .map(|(x, row)| {
                let mut out = vec![n(*x)];
                out.extend(row.iter().map(|c| c.map(n).unwrap_or_else(|| "—".to_string())));
                out
            })
            .collect();
        let caption = match locale {
            Locale::Vi => format!(
                "Độ nhạy hai chiều: giá trị năm {target_year} theo giả định năm {first} (hàng) và năm {second} (cột)"
            ),
            Locale::En => format!(
                "Two-way sensitivity: {target_year} value by the {first} (rows) and {second} (columns) assumptions"
            ),
        };
        (caption, Table { header, rows }, g.meets)
    });
    Some(SensitivityView {
        caption_one,
        one_way: Table {
            header: vec![col_in, col_out, col_gap, col_ok],
            rows: rows_one,
        },
        one_way_meets,
        grid,
        in_use_line,
    })
}

/// The two tables (the grid only when two or more years remain).
#[component]
pub fn SensitivityTables(
    model: &'static Model,
    indicator: String,
    assumptions: Assumptions,
    working: Working,
    required: Option<f64>,
    locale: Locale,
) -> impl IntoView {
    let Some(v) = sensitivity_view(model, &indicator, &assumptions, &working, required, locale)
    else {
        return ().into_any();
    };
    let indicator_name = model
        .indicator(&indicator)
        .map(|i| crate::present::i18n::pick(&i.name, locale).to_string())
        .unwrap_or_default();
    let one_csv = (
        format!("{indicator_name} - {}", v.caption_one),
        v.one_way.clone(),
    );
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
    let grid = v.grid.map(|(caption, table, flags)| {
        let grid_csv = (format!("{indicator_name} - {caption}"), table.clone());
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
