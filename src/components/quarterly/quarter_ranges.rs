//! Ranges on the quarterly scenario's sector growth (a low and a high end per sector and
//! quarter) and the chance that the year's GRDP growth reaches the year's target, over
//! `core::plan::chance::quarterly_chance` with the draft's seed.

use leptos::prelude::*;

use crate::app::state::{quarter_ranges, AppContext};
use crate::components::indicator::chance_panel::RangeBoxes;
use crate::core::plan::chain::SECTORS;
use crate::core::plan::chance::{quarterly_chance, Settings, DEFAULT_SEED};
use crate::core::plan::quarterly::{sector_id, QuarterlyInputs, Span, QUARTERS};
use crate::present::chain::sector_name;
use crate::present::chance::{
    percent_text, quarter_headline, quarter_key_label, quarter_range_id, runs_text,
};
use crate::present::i18n::chance::{cht, ChanceMsg};
use crate::present::i18n::quarterly::span_name;
use crate::present::i18n::Locale;

/// What the chance line shows.
#[derive(Clone, Debug, PartialEq)]
enum Shown {
    /// No growth cell has a range.
    NoRanges,
    /// The chance cannot be worked out.
    NotAssessable,
    /// The headline, the percentage, the runs and the inputs that matter most.
    Chance {
        headline: String,
        percent: String,
        runs: String,
        drivers: Vec<String>,
    },
}

/// The range boxes of every sector and quarter, and the chance of the year's target.
#[component]
pub fn QuarterRanges(
    /// The scenario's inputs as read.
    inputs: Memo<QuarterlyInputs>,
    /// The year's target in use (typed, or the model's plan), percent.
    target: Memo<Option<f64>>,
    /// The scenario's year.
    year: i32,
    /// Interface language.
    locale: Locale,
) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let shown = Memo::new(move |_| {
        let ranges = ctx
            .state
            .with(|s| inputs.with(|x| quarter_ranges(s, x, locale)));
        if ranges.is_empty() {
            return Shown::NoRanges;
        }
        let Some(t) = target.get() else {
            return Shown::NotAssessable;
        };
        let seed = ctx.state.with(|s| s.chance_seed).unwrap_or(DEFAULT_SEED);
        let settings = Settings {
            seed,
            ..Settings::default()
        };
        match inputs.with(|x| quarterly_chance(x, &ranges, t, year, settings)) {
            Ok(c) => Shown::Chance {
                headline: quarter_headline(year, t, locale),
                percent: percent_text(c.chance(), locale),
                runs: runs_text(c.runs, c.seed, c.failed, locale),
                drivers: c
                    .drivers
                    .iter()
                    .map(|d| {
                        let (lo, hi) = (d.at_low.unwrap_or(0.0), d.at_high.unwrap_or(0.0));
                        format!(
                            "{}: {}% – {}%",
                            quarter_key_label(&d.input, locale),
                            crate::core::text::numfmt::format_number(lo, locale, 2),
                            crate::core::text::numfmt::format_number(hi, locale, 2)
                        )
                    })
                    .collect(),
            },
            Err(_) => Shown::NotAssessable,
        }
    });
    let heads = QUARTERS
        .into_iter()
        .map(|q| view! { <th scope="col">{span_name(Span::Quarter(q), locale)}</th> })
        .collect_view();
    let rows = SECTORS
        .into_iter()
        .map(|s| {
            let cells = QUARTERS
                .into_iter()
                .map(|q| {
                    let name = quarter_key_label(&(s, q), locale);
                    view! { <td><RangeBoxes input_id=quarter_range_id(s, q) name=name /></td> }
                })
                .collect_view();
            view! { <tr data-sector=sector_id(s)><th scope="row">{sector_name(s, locale)}</th>{cells}</tr> }
        })
        .collect_view();
    let line = move || {
        match shown.get() {
        Shown::NoRanges => view! { <p class="hint" data-testid="quarter-chance-hint">{cht(ChanceMsg::NoRanges, locale)}</p> }.into_any(),
        Shown::NotAssessable => view! {
            <p class="chance-headline">
                <strong data-testid="target-chance" data-assessable="false">{cht(ChanceMsg::QuarterNotAssessable, locale)}</strong>
            </p>
        }
        .into_any(),
        Shown::Chance { headline, percent, runs, drivers } => {
            let items = drivers
                .into_iter()
                .map(|d| view! { <li data-testid="quarter-driver">{d}</li> })
                .collect_view();
            view! {
                <p class="chance-headline">{headline} " " <strong data-testid="target-chance">{percent}</strong></p>
                <p class="hint" data-testid="chance-runs">{runs}</p>
                <p class="hint">{cht(ChanceMsg::DriversTitle, locale)}</p>
                <ol class="drivers">{items}</ol>
                <p class="hint">{cht(ChanceMsg::NotAForecast, locale)}</p>
            }
            .into_any()
        }
    }
    };
    view! {
        <section class="chance quarter-ranges" data-testid="quarter-ranges" aria-labelledby="quarter-ranges-title">
            <h4 id="quarter-ranges-title">{cht(ChanceMsg::QuarterTitle, locale)}</h4>
            <p class="hint">{cht(ChanceMsg::QuarterHint, locale)}</p>
            <div class="table-scroll">
                <table class="quarter-inputs quarter-range-table">
                    <caption>{format!("{} {year}", cht(ChanceMsg::QuarterTitle, locale))}</caption>
                    <thead><tr><th scope="col">{crate::present::i18n::quarterly::qt(crate::present::i18n::quarterly::QuarterMsg::Indicator, locale)}</th>{heads}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <div aria-live="polite">{line}</div>
        </section>
    }
}
