//! Sensitivity tables for the open indicator: the projected value in the target year
//! over a range of one year's assumption, and over a grid of the first two remaining
//! years' assumptions. Cells that meet the target are marked.

use leptos::prelude::*;

use crate::core::assessment::{assess, Assumptions, PaceKind, Working};
use crate::core::model::Model;
use crate::core::numfmt::format_number;
use crate::core::sensitivity::{one_way, steps, two_way};
use crate::i18n::Locale;

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
    let falling = model
        .indicator(&indicator)
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
    let Some(&first) = working.remaining_years.first() else {
        return ().into_any();
    };
    let xs = input_steps(&working, center_for(first));
    let rows_one = one_way(
        |x| projection_with(model, &indicator, &assumptions, &[(first, x)]),
        &xs,
    )
    .into_iter()
    .map(|(x, y)| {
        let ok = y.is_some_and(|v| meets(&working, v, falling));
        view! {
            <tr class:meets=ok>
                <th scope="row">{n(x)}</th>
                <td>{y.map(n).unwrap_or_else(|| "—".to_string())}</td>
                <td>{y.map(|v| n(v - working.target_value)).unwrap_or_default()}</td>
                <td>{if ok { "✓" } else { "" }}</td>
            </tr>
        }
    })
    .collect_view();
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
        let ys = input_steps(&working, center_for(second));
        let cells = two_way(
            |a, b| projection_with(model, &indicator, &assumptions, &[(first, a), (second, b)]),
            &xs,
            &ys,
        );
        let head = ys.iter().map(|y| view! { <th scope="col">{n(*y)}</th> }).collect_view();
        let body = xs
            .iter()
            .zip(cells)
            .map(|(x, row)| {
                let tds = row
                    .into_iter()
                    .map(|c| {
                        let ok = c.is_some_and(|v| meets(&working, v, falling));
                        view! { <td class:meets=ok>{c.map(n).unwrap_or_else(|| "—".to_string())}</td> }
                    })
                    .collect_view();
                view! { <tr><th scope="row">{n(*x)}</th>{tds}</tr> }
            })
            .collect_view();
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
        view! {
            <div class="table-wrap">
                <table class="sensitivity" data-testid="sensitivity-grid">
                    <caption>{caption}</caption>
                    <thead><tr><th scope="col">{format!("{first} \\ {second}")}</th>{head}</tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        }
    });
    view! {
        <div class="sensitivity-tables">
            <div class="table-wrap">
                <table class="sensitivity" data-testid="sensitivity-one-way">
                    <caption>{caption_one}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{col_in}</th>
                            <th scope="col">{col_out}</th>
                            <th scope="col">{col_gap}</th>
                            <th scope="col">{col_ok}</th>
                        </tr>
                    </thead>
                    <tbody>{rows_one}</tbody>
                </table>
            </div>
            {grid}
        </div>
    }
    .into_any()
}
