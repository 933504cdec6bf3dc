//! The indicator's chart, drawn by the app in SVG: results and estimates, plans, the
//! scenario path and the target (a band for a range), with a text description for
//! screen readers and a table view of the same numbers.

use leptos::prelude::*;

use crate::chart::{polyline, ChartData, Scale, SeriesKind, HEIGHT, WIDTH};
use crate::core::numfmt::format_number;
use crate::i18n::{t, Locale, Msg};

fn series_label(kind: SeriesKind, locale: Locale) -> &'static str {
    match (kind, locale) {
        (SeriesKind::Results, Locale::Vi) => "Kết quả, ước thực hiện",
        (SeriesKind::Results, Locale::En) => "Results and estimates",
        (SeriesKind::Plans, Locale::Vi) => "Kế hoạch năm",
        (SeriesKind::Plans, Locale::En) => "Yearly plans",
        (SeriesKind::Scenario, Locale::Vi) => "Kịch bản đến mục tiêu",
        (SeriesKind::Scenario, Locale::En) => "Scenario path to the target",
    }
}

fn series_class(kind: SeriesKind) -> &'static str {
    match kind {
        SeriesKind::Results => "series-results",
        SeriesKind::Plans => "series-plans",
        SeriesKind::Scenario => "series-scenario",
    }
}

/// The chart and its table view.
#[component]
pub fn TrendChart(data: ChartData, locale: Locale, unit: String) -> impl IntoView {
    let (as_table, set_as_table) = signal(false);
    let scale = Scale::fit(&data);
    let n = move |v: f64| format_number(v, locale, 2);
    let description = {
        let mut parts = Vec::new();
        for s in &data.series {
            if s.points.is_empty() {
                continue;
            }
            let pts: Vec<String> = s
                .points
                .iter()
                .map(|(y, v)| format!("{y}: {}", n(*v)))
                .collect();
            parts.push(format!(
                "{}: {}",
                series_label(s.kind, locale),
                pts.join(", ")
            ));
        }
        if let Some((y, lo, hi)) = data.target {
            let value = if lo == hi {
                n(lo)
            } else {
                format!("{}–{}", n(lo), n(hi))
            };
            parts.push(format!("{} {y}: {value}", t(Msg::ColTermTarget, locale)));
        }
        format!("{} ({unit}). ", parts.join(". "))
    };
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
    };
    let legend = data
        .series
        .iter()
        .filter(|s| !s.points.is_empty())
        .map(|s| view! { <li class=series_class(s.kind)>{series_label(s.kind, locale)}</li> })
        .collect_view();
    let table_rows = (first..=last)
        .map(|year| {
            let cell = |kind: SeriesKind| {
                data.series
                    .iter()
                    .find(|s| s.kind == kind)
                    .and_then(|s| s.points.iter().find(|(y, _)| *y == year))
                    .map(|(_, v)| n(*v))
                    .unwrap_or_default()
            };
            let target_cell = data
                .target
                .filter(|(y, _, _)| *y == year)
                .map(|(_, lo, hi)| {
                    if lo == hi {
                        n(lo)
                    } else {
                        format!("{}–{}", n(lo), n(hi))
                    }
                })
                .unwrap_or_default();
            view! {
                <tr>
                    <th scope="row">{year.to_string()}</th>
                    <td>{cell(SeriesKind::Results)}</td>
                    <td>{cell(SeriesKind::Plans)}</td>
                    <td>{cell(SeriesKind::Scenario)}</td>
                    <td>{target_cell}</td>
                </tr>
            }
        })
        .collect_view();
    let (show_table, show_chart) = match locale {
        Locale::Vi => ("Xem dạng bảng", "Xem biểu đồ"),
        Locale::En => ("Show as a table", "Show the chart"),
    };
    view! {
        <figure class="trend-chart" data-testid="trend-chart">
            <button type="button" class="chart-toggle" data-testid="chart-toggle" aria-pressed=move || as_table.get().to_string()
                on:click=move |_| set_as_table.update(|v| *v = !*v)>
                {move || if as_table.get() { show_chart } else { show_table }}
            </button>
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
                <thead>
                    <tr>
                        <th scope="col">{t(Msg::Year, locale)}</th>
                        <th scope="col">{series_label(SeriesKind::Results, locale)}</th>
                        <th scope="col">{series_label(SeriesKind::Plans, locale)}</th>
                        <th scope="col">{series_label(SeriesKind::Scenario, locale)}</th>
                        <th scope="col">{t(Msg::ColTermTarget, locale)}</th>
                    </tr>
                </thead>
                <tbody>{table_rows}</tbody>
            </table>
        </figure>
    }
}
