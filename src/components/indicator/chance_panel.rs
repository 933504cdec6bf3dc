//! The chance of reaching the open indicator's target over the ranges typed on its
//! assumptions (or, for an indicator the growth chain computes, on the chain's inputs):
//! the percentage, the count of runs and the seed, what a chance means, the fan chart
//! with its table and description, and the bars of the inputs that matter most. Also
//! the two range boxes of one assumption ([`RangeCells`]). Lays out
//! `present::chance`; the runs are `core::plan::chance`.

use leptos::prelude::*;

use crate::app::state::{chain_ranges, scenario_for, workbench_ranges, Action, AppContext};
use crate::core::plan::assessment::{assess, Assessment, Assumptions};
use crate::core::plan::chain::{is_linked, setup, GIVEN_GROWTH_INDICATOR, LINKED_INDICATORS};
use crate::core::plan::chance::{
    chain_chance, chain_output_for, history_spread, workbench_chance, RangeEnd, Settings,
    DEFAULT_SEED,
};
use crate::core::text::numfmt::format_number;
use crate::present::chance::{
    chain_key_label, chance_view, history_text, meaning_lines, percent_text, range_echo, runs_text,
    year_label, ChanceView,
};
use crate::present::chart::{toggle_label, HEIGHT, WIDTH};
use crate::present::i18n::chance::{cht, ChanceMsg};
use crate::present::i18n::{pick, unit_name};

/// The text typed at one end of an assumption's range.
fn range_text(ctx: AppContext, id: String, end: RangeEnd) -> Memo<String> {
    Memo::new(move |_| {
        ctx.state.with(|s| {
            s.range_inputs
                .get(&(id.clone(), end))
                .cloned()
                .unwrap_or_default()
        })
    })
}

/// The box for one end of an assumption's range (`range-low` or `range-high`).
#[component]
fn RangeEndInput(
    input_id: String,
    end: RangeEnd,
    /// What the range is of, said before the end's name ("ICOR 2025: thấp nhất").
    #[prop(optional, into)]
    name: String,
) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let text = range_text(ctx, input_id.clone(), end);
    let testid = match end {
        RangeEnd::Low => "range-low",
        RangeEnd::High => "range-high",
    };
    let label = move || {
        let end_name = match end {
            RangeEnd::Low => cht(ChanceMsg::Low, ctx.locale()),
            RangeEnd::High => cht(ChanceMsg::High, ctx.locale()),
        };
        if name.is_empty() {
            end_name.to_string()
        } else {
            format!("{name}: {end_name}")
        }
    };
    let set_id = input_id.clone();
    view! {
        <input
            type="text"
            inputmode="decimal"
            autocomplete="off"
            class="range-end"
            size="5"
            data-testid=testid
            data-input-id=input_id
            aria-label=label
            prop:value=move || text.get()
            on:input=move |ev| ctx.dispatch(Action::SetRangeInput {
                input: set_id.clone(),
                end,
                text: event_target_value(&ev),
            })
        />
    }
}

/// What the two ends of a range read as, said beside the high end.
#[component]
fn RangeEcho(input_id: String) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let low = range_text(ctx, input_id.clone(), RangeEnd::Low);
    let high = range_text(ctx, input_id, RangeEnd::High);
    let echo = move || range_echo(&low.get(), &high.get(), ctx.locale());
    view! { <span class="echo" data-testid="range-echo" aria-live="polite">{echo}</span> }
}

/// The two ends of one assumption's range and what they read as; `input_id` is the
/// assumption's `data-input-id`.
#[component]
pub fn RangeBoxes(
    input_id: String,
    /// What the range is of, for the boxes' accessible names.
    #[prop(optional, into)]
    name: String,
) -> impl IntoView {
    view! {
        <span class="range">
            <RangeEndInput input_id=input_id.clone() end=RangeEnd::Low name=name.clone() />
            " – "
            <RangeEndInput input_id=input_id.clone() end=RangeEnd::High name=name />
            <RangeEcho input_id=input_id />
        </span>
    }
}

/// The two ends of a workbench assumption's range, each in a cell of its own (so the
/// assumptions' CSV has a column for each), the echo beside the high end.
#[component]
pub fn RangeCells(input_id: String) -> impl IntoView {
    view! {
        <td class="range"><RangeEndInput input_id=input_id.clone() end=RangeEnd::Low /></td>
        <td class="range">
            <RangeEndInput input_id=input_id.clone() end=RangeEnd::High />
            <RangeEcho input_id=input_id />
        </td>
    }
}

/// The chance of each target the growth chain computes, over its ranged inputs (and
/// the ranged GRDP growth of the workbench); nothing while no input is ranged.
#[component]
pub fn ChainChances() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let rows = Memo::new(move |_| {
        let locale = ctx.locale();
        let model = ctx.model()?;
        let s = setup(model).ok()?;
        let ranges = ctx.state.with(|st| chain_ranges(st, &s, locale));
        if ranges.is_empty() {
            return None;
        }
        let seed = ctx.state.with(|st| st.chance_seed).unwrap_or(DEFAULT_SEED);
        let settings = Settings {
            seed,
            ..Settings::default()
        };
        let overrides = ctx.state.with(|st| scenario_for(st, &s, locale).chain);
        let started = crate::platform::clock::elapsed_clock_ms();
        let rows: Vec<(String, String, String)> = LINKED_INDICATORS
            .iter()
            .filter_map(|id| {
                let output = chain_output_for(id)?;
                let name = pick(&model.indicator(id)?.name, locale).to_string();
                let facts = assess(model, id, &Assumptions::default());
                let text = match (facts.rule, facts.working.as_ref()) {
                    (Some(rule), Some(w)) if !w.cumulative => chain_chance(
                        &s,
                        &overrides,
                        &ranges,
                        output,
                        &rule,
                        w.target_year,
                        settings,
                    )
                    .ok()
                    .map(|c| percent_text(c.chance(), locale)),
                    _ => None,
                }
                .unwrap_or_else(|| cht(ChanceMsg::NotAssessable, locale).to_string());
                Some((id.to_string(), name, text))
            })
            .collect();
        let elapsed = format!(
            "{:.1}",
            crate::platform::clock::elapsed_clock_ms() - started
        );
        Some((
            rows,
            runs_text(settings.runs, settings.seed, 0, locale),
            elapsed,
        ))
    });
    move || {
        let locale = ctx.locale();
        let (rows, runs, elapsed) = rows.get()?;
        let items = rows
            .into_iter()
            .map(|(id, name, text)| view! { <li data-testid="chain-chance" data-indicator=id>{name} ": " <strong>{text}</strong></li> })
            .collect_view();
        Some(view! {
            <div class="chance" data-testid="chain-chances" data-elapsed-ms=elapsed>
                <h4>{cht(ChanceMsg::ChainTitle, locale)}</h4>
                <ul>{items}</ul>
                <p class="hint">{runs}</p>
                <p class="hint">{cht(ChanceMsg::NotAForecast, locale)}</p>
            </div>
        })
    }
}
/// The fan chart of a chance, with a button for its table view.
#[component]
fn FanChart(view_model: ChanceView, unit: String) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let locale = ctx.locale_untracked();
    let (as_table, set_as_table) = signal(false);
    let fan = view_model.fan.clone();
    let scale = fan.scale();
    let n = move |v: f64| format_number(v, locale, 2);
    let titles = crate::present::chart::axis_titles(&unit, locale);
    let target = fan.target.map(|(year, lo, hi)| {
        let x = scale.x(year);
        let (y1, y2) = (scale.y(hi), scale.y(lo));
        view! {
            <g class="target" data-series="target">
                <rect x=format!("{:.1}", x - 8.0) y=format!("{:.1}", y1 - 1.5) width="16" height=format!("{:.1}", (y2 - y1).max(3.0)) />
            </g>
        }
    });
    let (first, last) = scale.years;
    let ticks = (first..=last)
        .map(|y| view! { <text x=format!("{:.1}", scale.x(y)) y=format!("{:.1}", scale.bottom() + 18.0) text-anchor="middle">{y.to_string()}</text> })
        .collect_view();
    let (lo, hi) = scale.values;
    let head = view_model
        .table
        .header
        .iter()
        .map(|h| view! { <th scope="col">{h.clone()}</th> })
        .collect_view();
    let rows = view_model
        .table
        .rows
        .iter()
        .map(|cells| {
            let mut cells = cells.iter().cloned();
            let head = cells.next().unwrap_or_default();
            let tds = cells.map(|c| view! { <td>{c}</td> }).collect_view();
            view! { <tr><th scope="row">{head}</th>{tds}</tr> }
        })
        .collect_view();
    view! {
        <figure class="fan-chart trend-chart" data-testid="fan-chart">
            <figcaption>{cht(ChanceMsg::FanTitle, locale)}</figcaption>
            <button type="button" class="chart-toggle" data-testid="fan-toggle" aria-pressed=move || as_table.get().to_string()
                on:click=move |_| set_as_table.update(|v| *v = !*v)>
                {move || toggle_label(as_table.get(), locale)}
            </button>
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-labelledby="fan-desc" class:hidden=move || as_table.get()>
                <desc id="fan-desc">{view_model.description.clone()}</desc>
                <line class="axis" x1=scale.left() y1=scale.bottom() x2=scale.right() y2=scale.bottom() />
                <text x=format!("{:.1}", scale.left() - 6.0) y=format!("{:.1}", scale.y(hi) + 10.0) text-anchor="end">{n(hi)}</text>
                <text x=format!("{:.1}", scale.left() - 6.0) y=format!("{:.1}", scale.y(lo)) text-anchor="end">{n(lo)}</text>
                <text class="axis-title" data-testid="fan-axis-x" x=format!("{:.1}", (scale.left() + scale.right()) / 2.0) y=format!("{:.1}", scale.bottom() + 34.0) text-anchor="middle">{titles.x.clone()}</text>
                <text class="axis-title" data-testid="fan-axis-y" x="4" y="9" text-anchor="start">{titles.y.clone()}</text>
                {ticks}
                <polygon class="fan-band" data-series="p10-p90" points=fan.band_points(&scale) />
                <polyline class="fan-median series-scenario" data-series="p50" points=fan.median_points(&scale) fill="none" />
                {target}
            </svg>
            <table class="chart-table" data-testid="fan-table" class:hidden=move || !as_table.get()>
                <caption>{unit}</caption>
                <thead><tr>{head}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </figure>
    }
}

/// What the section computes: the chance's view and how long the runs took here.
#[derive(Clone, Debug, PartialEq)]
struct Computed {
    view: Option<ChanceView>,
    elapsed_ms: f64,
}

/// The chance section of the open indicator's workbench.
#[component]
pub fn ChancePanel(
    indicator: String,
    assessment: Memo<Option<Assessment>>,
    assumptions: Memo<Assumptions>,
) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let id = indicator.clone();
    // The chain answers for the indicators it computes (other than GRDP itself, whose
    // own assumptions are its growth); the workbench for the others.
    let via_chain = is_linked(&indicator)
        && indicator != GIVEN_GROWTH_INDICATOR
        && chain_output_for(&indicator).is_some();
    let computed = Memo::new(move |_| {
        let locale = ctx.locale();
        let model = ctx.model()?;
        let a = assessment.get()?;
        let unit = model
            .indicator(&id)
            .map(|i| unit_name(model, &i.unit, locale).to_string())
            .unwrap_or_default();
        let seed = ctx.state.with(|s| s.chance_seed).unwrap_or(DEFAULT_SEED);
        let settings = Settings {
            seed,
            ..Settings::default()
        };
        let started = crate::platform::clock::elapsed_clock_ms();
        let view = if via_chain {
            let s = setup(model).ok()?;
            let ranges = ctx.state.with(|st| chain_ranges(st, &s, locale));
            if ranges.is_empty() {
                return Some(Computed {
                    view: None,
                    elapsed_ms: 0.0,
                });
            }
            let overrides = ctx.state.with(|st| scenario_for(st, &s, locale).chain);
            let facts = assess(model, &id, &Assumptions::default());
            let rule = facts.rule?;
            let year = facts.working.as_ref()?.target_year;
            let output = chain_output_for(&id)?;
            chain_chance(&s, &overrides, &ranges, output, &rule, year, settings)
                .ok()
                .map(|c| chance_view(&c, None, &unit, |k| chain_key_label(k, locale), locale))
        } else {
            let ranges = ctx
                .state
                .with(|st| workbench_ranges(st, &id, |y| a.pace_in_use(y), locale));
            if ranges.is_empty() {
                return Some(Computed {
                    view: None,
                    elapsed_ms: 0.0,
                });
            }
            let start = a.working.as_ref().map(|w| (w.start_year, w.start_value));
            workbench_chance(model, &id, &assumptions.get(), &ranges, settings)
                .ok()
                .map(|c| chance_view(&c, start, &unit, |y| year_label(*y, locale), locale))
        };
        let elapsed_ms = crate::platform::clock::elapsed_clock_ms() - started;
        Some(Computed { view, elapsed_ms })
    });

    // "From history": fills the ranges of the years left with the spread of the
    // indicator's own past paces, and says where it comes from.
    let hist_id = indicator.clone();
    let history = Memo::new(move |_| {
        let model = ctx.model()?;
        let kind = assessment.with(|a| a.as_ref()?.working.as_ref().map(|w| w.pace_kind))?;
        history_spread(model, &hist_id, kind).map(|h| (h, kind))
    });
    let (history_shown, set_history_shown) = signal(false);
    let fill_id = StoredValue::new(indicator.clone());
    let fill_from_history = move |_| {
        let Some((h, _)) = history.get_untracked() else {
            return;
        };
        let locale = ctx.locale_untracked();
        let years = assessment.with_untracked(|a| {
            a.as_ref()
                .and_then(|a| a.working.as_ref())
                .map(|w| w.free_years.clone())
                .unwrap_or_default()
        });
        for year in years {
            for (end, v) in [
                (RangeEnd::Low, h.spread.low()),
                (RangeEnd::High, h.spread.high()),
            ] {
                ctx.dispatch(Action::SetRangeInput {
                    input: format!("{}:{year}", fill_id.get_value()),
                    end,
                    text: format_number(v, locale, 2),
                });
            }
        }
        set_history_shown.set(true);
    };
    let history_view = move || {
        let locale = ctx.locale();
        let (h, kind) = history.get()?;
        let note = history_shown
            .get()
            .then(|| view! { <p class="hint" data-testid="history-derivation">{history_text(&h, kind, locale)}</p> });
        Some(view! {
            <button type="button" data-testid="range-from-history" on:click=fill_from_history>
                {cht(ChanceMsg::FromHistory, locale)}
            </button>
            {note}
        })
    };

    let seed_view = move || {
        let locale = ctx.locale();
        let seed = ctx.state.with(|s| s.chance_seed);
        view! {
            <label class="inline">
                <span>{cht(ChanceMsg::Seed, locale)}</span>
                <input
                    type="text"
                    inputmode="numeric"
                    size="8"
                    data-testid="chance-seed"
                    placeholder=DEFAULT_SEED.to_string()
                    prop:value=seed.map(|s| s.to_string()).unwrap_or_default()
                    on:change=move |ev| {
                        let text = event_target_value(&ev);
                        ctx.dispatch(Action::SetChanceSeed(text.trim().parse::<u64>().ok()));
                    }
                />
            </label>
        }
    };

    let unit_id = indicator.clone();
    let result_view = move || {
        let locale = ctx.locale();
        let Some(computed) = computed.get() else {
            return view! { <p class="hint">{cht(ChanceMsg::NotAssessable, locale)}</p> }
                .into_any();
        };
        let Some(v) = computed.view else {
            return view! { <p class="hint" data-testid="chance-hint">{cht(ChanceMsg::NoRanges, locale)}</p> }.into_any();
        };
        let unit = ctx
            .model()
            .and_then(|m| {
                m.indicator(&unit_id)
                    .map(|i| unit_name(m, &i.unit, locale).to_string())
            })
            .unwrap_or_default();
        let bars = v
            .bars
            .iter()
            .map(|b| {
                // An SVG bar: inline styles are refused by the content security policy.
                let width = format!("{:.1}", b.share * 100.0);
                view! {
                    <li data-testid="driver-bar">
                        <span class="driver-label">{b.label.clone()}</span>
                        <svg class="driver-bar" viewBox="0 0 100 8" width="120" height="8" aria-hidden="true">
                            <rect x="0" y="0" width=width height="8" />
                        </svg>
                        <span class="driver-swing">{b.swing.clone()}</span>
                        <span class="hint">{b.detail.clone()}</span>
                    </li>
                }
            })
            .collect_view();
        let meaning = meaning_lines(locale)
            .into_iter()
            .map(|l| view! { <li>{l}</li> })
            .collect_view();
        let elapsed = format!("{:.1}", computed.elapsed_ms);
        view! {
            <p class="chance-headline">
                {v.headline.clone()} " "
                <strong data-testid="target-chance" data-elapsed-ms=elapsed>{v.percent.clone()}</strong>
            </p>
            <p class="hint" data-testid="chance-runs">{v.runs.clone()}</p>
            <FanChart view_model=v.clone() unit=unit />
            <h5>{cht(ChanceMsg::DriversTitle, locale)}</h5>
            <p class="hint">{cht(ChanceMsg::DriversHint, locale)}</p>
            <ol class="drivers" data-testid="drivers">{bars}</ol>
            <ul class="chance-meaning" data-testid="chance-meaning">{meaning}</ul>
        }
        .into_any()
    };

    view! {
        <section class="chance" data-testid="chance-panel" aria-labelledby="chance-title">
            <h4 id="chance-title">{move || cht(ChanceMsg::Title, ctx.locale())}</h4>
            {result_view}
            {history_view}
            {seed_view}
        </section>
    }
}
