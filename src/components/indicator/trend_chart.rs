//! The indicator's chart, drawn by the app in SVG: results and estimates, plans, the
//! scenario path and the target (a band for a range), with a text description for
//! screen readers and a table view of the same numbers.

use leptos::prelude::*;

use crate::components::reports::csv_button::CsvButton;
use crate::present::chart::{
    axis_titles, axis_value, chart_description, polyline, toggle_label, ChartData, Scale,
    SeriesKind, HEIGHT, WIDTH,
};
use crate::present::i18n::{t, Locale, Msg};
use crate::present::reports::{chart_table, series_label};

fn series_class(kind: SeriesKind) -> &'static str {
    match kind {
        SeriesKind::Results => "series-results",
        SeriesKind::Plans => "series-plans",
        SeriesKind::Scenario => "series-scenario",
        SeriesKind::FromGrowth => "series-from-growth",
    }
}

/// The chart and its table view.
#[component]
pub fn TrendChart(data: ChartData, locale: Locale, unit: String) -> impl IntoView {
    let (as_table, set_as_table) = signal(false);
    let scale = Scale::fit(&data);
    let decimals = data.decimals;
    let n = move |v: f64| axis_value(v, decimals, locale);
    let titles = axis_titles(&unit, locale);
    let description = chart_description(&data, &unit, locale);
    let lines = data
        .series
        .iter()
        .filter(|s| !s.points.is_empty())
        .map(|s| {
            let dots = s
                .points
                .iter()
                .map(|&(y, v)| view! { <circle cx=format!("{:.1}", scale.x(y)) cy=format!("{:.1}", scale.y(v)) r="3" /> })
                .collect_view();
            view! {
                <g class=series_class(s.kind) data-series=series_class(s.kind)>
                    <polyline points=polyline(&scale, &s.points) fill="none" />
                    {dots}
                </g>
            }
        })
        .collect_view();
    let target = data.target.map(|(year, lo, hi)| {
        let x = scale.x(year);
        let (y1, y2) = (scale.y(hi), scale.y(lo));
        view! {
            <g class="target" data-series="target">
                <rect x=format!("{:.1}", x - 8.0) y=format!("{:.1}", y1 - 1.5) width="16" height=format!("{:.1}", (y2 - y1).max(3.0)) />
            </g>
        }
    });
    let (first, last) = data.years;
    let ticks = (first..=last)
        .map(|y| view! { <text x=format!("{:.1}", scale.x(y)) y=format!("{:.1}", scale.bottom() + 18.0) text-anchor="middle">{y.to_string()}</text> })
        .collect_view();
    let (lo, hi) = scale.values;
    let axis = view! {
        <line class="axis" x1=scale.left() y1=scale.bottom() x2=scale.right() y2=scale.bottom() />
        <text x=format!("{:.1}", scale.left() - 6.0) y=format!("{:.1}", scale.y(hi) + 10.0) text-anchor="end">{n(hi)}</text>
        <text x=format!("{:.1}", scale.left() - 6.0) y=format!("{:.1}", scale.y(lo)) text-anchor="end">{n(lo)}</text>
        <text class="axis-title" data-testid="chart-axis-x" x=format!("{:.1}", (scale.left() + scale.right()) / 2.0) y=format!("{:.1}", scale.bottom() + 34.0) text-anchor="middle">{titles.x}</text>
        <text class="axis-title" data-testid="chart-axis-y" x="4" y="9" text-anchor="start">{titles.y}</text>
    };
    let legend = data
        .series
        .iter()
        .filter(|s| !s.points.is_empty())
        .map(|s| view! { <li class=series_class(s.kind)>{series_label(s.kind, locale)}</li> })
        .collect_view();
    // The table view and its CSV come from the same rows.
    let table = chart_table(&data, locale);
    let table_head = table
        .header
        .iter()
        .map(|h| view! { <th scope="col">{h.clone()}</th> })
        .collect_view();
    let table_rows = table
        .rows
        .iter()
        .map(|cells| {
            let mut cells = cells.iter().cloned();
            let head = cells.next().unwrap_or_default();
            let tds = cells.map(|c| view! { <td>{c}</td> }).collect_view();
            view! { <tr><th scope="row">{head}</th>{tds}</tr> }
        })
        .collect_view();
    let csv = (format!("{} ({unit})", t(Msg::ScenarioPath, locale)), table);
    let (show_table, show_chart) = (toggle_label(false, locale), toggle_label(true, locale));
    view! {
        <figure class="trend-chart" data-testid="trend-chart">
            <button type="button" class="chart-toggle" data-testid="chart-toggle" aria-pressed=move || as_table.get().to_string()
                on:click=move |_| set_as_table.update(|v| *v = !*v)>
                {move || if as_table.get() { show_chart } else { show_table }}
            </button>
            <CsvButton
                table="chart"
                caption=t(Msg::ScenarioPath, locale)
                contents=Callback::new(move |_| csv.clone())
            />
            <svg
                viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                role="img"
                aria-labelledby="chart-desc"
                class:hidden=move || as_table.get()
            >
                <desc id="chart-desc">{description.clone()}</desc>
                {axis}
                {ticks}
                {target}
                {lines}
            </svg>
            <ul class="legend" class:hidden=move || as_table.get()>
                {legend}
                <li class="target">{t(Msg::ColTermTarget, locale)}</li>
            </ul>
            <table class="chart-table" data-testid="chart-table" class:hidden=move || !as_table.get()>
                <caption>{unit.clone()}</caption>
                <thead><tr>{table_head}</tr></thead>
                <tbody>{table_rows}</tbody>
            </table>
        </figure>
    }
}
