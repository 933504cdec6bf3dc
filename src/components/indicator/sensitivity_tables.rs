//! Sensitivity tables for the open indicator: the projected value in the target year
//! over a range of one year's assumption, and over a grid of the first two remaining
//! years' assumptions. Cells that meet the target are marked.

use leptos::prelude::*;

use crate::components::reports::csv_button::CsvButton;
use crate::core::codec::csv::Table;
use crate::core::model::Model;
use crate::core::plan::assessment::{assess, Assumptions, PaceKind, Working};
use crate::core::plan::sensitivity::{one_way, steps, two_way};
use crate::core::text::numfmt::format_number;
use crate::present::i18n::Locale;

fn projection_with(
    model: &Model,
    indicator: &str,
    base: &Assumptions,
    values: &[(i32, f64)],
) -> Option<f64> {
    let mut trial = base.clone();
    for (y, v) in values {
        trial.per_year.insert(*y, *v);
    }
    assess(model, indicator, &trial).projection
}

fn input_steps(w: &Working, center: f64) -> Vec<f64> {
    match w.pace_kind {
        PaceKind::Growth => steps((center * 2.0).round() / 2.0, 1.0, 7),
        PaceKind::Increment => {
            let step = (center.abs() / 5.0).max(1.0);
            let magnitude = 10f64.powf(step.log10().floor());
            let step = (step / magnitude).round().max(1.0) * magnitude;
            steps((center / step).round() * step, step, 7)
        }
    }
}

fn meets(w: &Working, value: f64, falling: bool) -> bool {
    if falling {
        value <= w.target_value
    } else {
        value >= w.target_value
    }
}

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
}

/// Computes both tables; `None` when no year is left to assume.
pub fn sensitivity_view(
    model: &Model,
    indicator: &str,
    assumptions: &Assumptions,
    working: &Working,
    required: Option<f64>,
    locale: Locale,
) -> Option<SensitivityView> {
    let falling = model
        .indicator(indicator)
        .is_some_and(|i| i.better == crate::core::model::Better::Lower);
    let n = |v: f64| format_number(v, locale, 2);
    let center_for = |year: i32| {
        assumptions
            .per_year
            .get(&year)
            .copied()
            .or(required)
            .unwrap_or(0.0)
    };
    let &first = working.remaining_years.first()?;
    let xs = input_steps(working, center_for(first));
    let mut one_way_meets = Vec::new();
    let rows_one = one_way(
        |x| projection_with(model, indicator, assumptions, &[(first, x)]),
        &xs,
    )
    .into_iter()
    .map(|(x, y)| {
        let ok = y.is_some_and(|v| meets(working, v, falling));
        one_way_meets.push(ok);
        vec![
            n(x),
            y.map(n).unwrap_or_else(|| "—".to_string()),
            y.map(|v| n(v - working.target_value)).unwrap_or_default(),
            if ok { "✓" } else { "" }.to_string(),
        ]
    })
    .collect();
    let (caption_one, col_in, col_out, col_gap, col_ok) = match locale {
        Locale::Vi => (
            format!(
                "Độ nhạy: giá trị năm {} theo giả định năm {first}",
                working.target_year
            ),
            format!("Giả định {first}"),
            format!("Dự báo {}", working.target_year),
            "Chênh lệch với mục tiêu".to_string(),
            "Đạt".to_string(),
        ),
        Locale::En => (
            format!(
                "Sensitivity: {} value by the {first} assumption",
                working.target_year
            ),
            format!("Assumed {first}"),
            format!("Projected {}", working.target_year),
            "Gap to target".to_string(),
            "Meets".to_string(),
        ),
    };
    let grid = working.remaining_years.get(1).map(|&second| {
        let ys = input_steps(working, center_for(second));
        let cells = two_way(
            |a, b| projection_with(model, indicator, assumptions, &[(first, a), (second, b)]),
            &xs,
            &ys,
        );
        let mut header = vec![format!("{first} \\ {second}")];
        header.extend(ys.iter().map(|y| n(*y)));
        let mut flags = Vec::new();
        let rows = xs
            .iter()
            .zip(cells)
            .map(|(x, row)| {
                let mut out = vec![n(*x)];
                let mut row_flags = Vec::new();
                for c in row {
                    row_flags.push(c.is_some_and(|v| meets(working, v, falling)));
                    out.push(c.map(n).unwrap_or_else(|| "—".to_string()));
                }
                flags.push(row_flags);
                out
            })
            .collect();
        let caption = match locale {
            Locale::Vi => format!(
                "Độ nhạy hai chiều: giá trị năm {} theo giả định năm {first} (hàng) và năm {second} (cột)",
                working.target_year
            ),
            Locale::En => format!(
                "Two-way sensitivity: {} value by the {first} (rows) and {second} (columns) assumptions",
                working.target_year
            ),
        };
        (caption, Table { header, rows }, flags)
    });
    Some(SensitivityView {
        caption_one,
        one_way: Table {
            header: vec![col_in, col_out, col_gap, col_ok],
            rows: rows_one,
        },
        one_way_meets,
        grid,
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
            </div>
            {grid}
        </div>
    }
    .into_any()
}
