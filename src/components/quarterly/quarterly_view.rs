//! The quarterly scenario section, beside the yearly growth chain: the base and growth
//! tables (each quarter marked as result or scenario), the pasted table, the results by
//! period with their explanation, the remaining quarters' growth, the links with the
//! yearly chain, and the print and CSV buttons of the form.

use leptos::prelude::*;

use crate::app::state::{scenario_for, Action, AppContext};
use crate::components::quarterly::quarter_cell_input::QuarterCellInput;
use crate::components::quarterly::quarter_ranges::QuarterRanges;
use crate::components::reports::csv_button::CsvButton;
use crate::components::reports::print_report::{PrintRequest, ReportKind};
use crate::core::plan::chain::{setup, ChainSetup, SECTORS};
use crate::core::plan::quarterly::{sector_id, QuarterCell, SeekBy, Span, QUARTERS};
use crate::core::text::numfmt::format_number;
use crate::platform::clock::{now_ms, timezone_offset_minutes};
use crate::present::chain::sector_name;
use crate::present::i18n::quarterly::{qt, span_name, QuarterMsg};
use crate::present::i18n::Locale;
use crate::present::quarterly::{
    chain_sector_growth, default_target, explanation, form_csv, form_head, from_chain,
    pasted_cells, pasted_text, read_inputs, results_view, scenario_year, seek_by_from_id,
    seek_cells, seek_text, target_of, to_chain, QuarterRow,
};

/// The quarterly scenario for the shown model (nothing when the chain cannot run).
#[component]
pub fn QuarterlyView() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let chain_setup = Memo::new(move |_| ctx.model().and_then(|m| setup(m).ok()));
    move || {
        let locale = ctx.locale();
        let s = chain_setup.get()?;
        Some(view! { <QuarterlyPanel setup=s locale=locale /> })
    }
}

fn result_rows(rows: Vec<QuarterRow>, heads: &[&'static str]) -> impl IntoView {
    rows.into_iter()
        .map(|row| {
            let testid = row.kind.testid();
            let sector = row.sector;
            let cells = row
                .cells
                .into_iter()
                .zip(heads.iter().copied())
                .map(|(text, period)| {
                    view! { <td data-testid=testid data-sector=sector data-period=period>{text}</td> }
                })
                .collect_view();
            view! { <tr><th scope="row">{row.label}</th>{cells}</tr> }
        })
        .collect_view()
}

#[component]
fn QuarterlyPanel(setup: ChainSetup, locale: Locale) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let year = scenario_year(&setup);
    let plan_target = default_target(&setup, year);
    let inputs = Memo::new(move |_| {
        ctx.state
            .with(|s| read_inputs(&s.quarterly_inputs, &s.quarter_results, locale))
    });
    // Open once there is something typed (a draft opened later opens it too); never
    // closed by the app after that, so the person's own toggling is left alone.
    let started = Memo::new(move |prev: Option<&bool>| {
        prev.copied().unwrap_or(false) || ctx.state.with(|s| !s.quarterly_inputs.is_empty())
    });

    // Base and growth tables, laid out once so typing keeps focus.
    let quarter_heads = move || {
        QUARTERS
            .into_iter()
            .map(|q| view! { <th scope="col">{span_name(Span::Quarter(q), locale)}</th> })
            .collect_view()
    };
    let grid = move |base: bool| {
        SECTORS
            .into_iter()
            .map(|s| {
                let name = sector_name(s, locale);
                let cells = QUARTERS
                    .into_iter()
                    .map(|q| {
                        let (cell, testid) = if base {
                            (QuarterCell::Base(s, q), "quarter-base")
                        } else {
                            (QuarterCell::Growth(s, q), "quarter-growth")
                        };
                        let label = format!("{name}, {}", span_name(Span::Quarter(q), locale));
                        let is_result =
                            Memo::new(move |_| ctx.quarter_results.with(|r| r.contains(&q)));
                        view! {
                            <td class:quarter-result=move || !base && is_result.get()>
                                <QuarterCellInput cell=cell testid=testid label=label locale=locale />
                            </td>
                        }
                    })
                    .collect_view();
                view! { <tr data-sector=sector_id(s)><th scope="row">{name}</th>{cells}</tr> }
            })
            .collect_view()
    };
    let result_marks = QUARTERS
        .into_iter()
        .map(|q| {
            let checked = Memo::new(move |_| ctx.quarter_results.with(|r| r.contains(&q)));
            view! {
                <td>
                    <label class="inline quarter-mark">
                        <input
                            type="checkbox"
                            data-testid="quarter-result"
                            data-quarter=q.to_string()
                            prop:checked=move || checked.get()
                            on:change=move |ev| ctx.dispatch(Action::SetQuarterResult { quarter: q, result: event_target_checked(&ev) })
                        />
                        <span>{qt(QuarterMsg::IsResult, locale)}</span>
                    </label>
                </td>
            }
        })
        .collect_view();

    // Pasting the statistics office's table.
    let (paste, set_paste) = signal(String::new());
    let (paste_message, set_paste_message) = signal(String::new());
    let read_paste = move |_| match pasted_cells(&paste.get_untracked(), locale) {
        Ok(cells) => {
            set_paste_message.set(pasted_text(cells.len(), locale));
            ctx.dispatch(Action::SetQuarterCells(cells));
            set_paste.set(String::new());
        }
        Err(e) => set_paste_message.set(e),
    };

    // Results.
    let results = move || {
        let r = results_view(&inputs.get(), locale);
        let ids: Vec<&'static str> = r.heads.iter().map(|h| h.id).collect();
        let heads = r
            .heads
            .iter()
            .map(|h| {
                view! {
                    <th scope="col" data-period=h.id data-kind=h.kind class=format!("quarter-{}", h.kind)>
                        {h.name}<br /><small data-testid="quarter-kind" data-period=h.id>{h.tag}</small>
                    </th>
                }
            })
            .collect_view();
        let section = |m: QuarterMsg| {
            view! { <tr class="quarter-section"><th scope="colgroup" colspan="8">{qt(m, locale)}</th></tr> }
        };
        view! {
            <table class="quarter-results" data-testid="quarter-results">
                <caption>{qt(QuarterMsg::ResultsCaption, locale)}</caption>
                <thead><tr><th scope="col">{qt(QuarterMsg::Indicator, locale)}</th>{heads}</tr></thead>
                <tbody>
                    {section(QuarterMsg::GrowthSection)}
                    {result_rows(r.growth, &ids)}
                    {section(QuarterMsg::ContributionSection)}
                    {result_rows(r.contribution, &ids)}
                    {section(QuarterMsg::LevelSection)}
                    {result_rows(r.levels, &ids)}
                </tbody>
            </table>
        }
    };
    let explanation_view = move || {
        let x = inputs.get();
        if !x.has_base() {
            return view! { <p class="hint" data-testid="quarter-no-base">{qt(QuarterMsg::NoBase, locale)}</p> }.into_any();
        }
        let lines = explanation(&x, year, locale)
            .into_iter()
            .map(|l| view! { <li>{l}</li> })
            .collect_view();
        view! {
            <details class="explanation" open>
                <summary>{qt(QuarterMsg::Explanation, locale)}</summary>
                <ul data-testid="quarter-explanation">{lines}</ul>
            </details>
        }
        .into_any()
    };

    // The year's target in use, for the chance over the ranges.
    let target_in_use = Memo::new(move |_| {
        ctx.state
            .with(|s| target_of(&s.quarterly_inputs, plan_target, locale))
    });

    // The remaining quarters' growth.
    let (seek_by, set_seek_by) = signal(SeekBy::AllSectors);
    let (seek_answer, set_seek_answer) = signal(String::new());
    let target = move || {
        ctx.state
            .with_untracked(|s| target_of(&s.quarterly_inputs, plan_target, locale))
    };
    let run_seek = move |_| {
        set_seek_answer.set(seek_text(
            &inputs.get_untracked(),
            seek_by.get_untracked(),
            target(),
            locale,
        ));
    };
    let apply_seek = move |_| {
        let cells = seek_cells(
            &inputs.get_untracked(),
            seek_by.get_untracked(),
            target(),
            locale,
        );
        if !cells.is_empty() {
            ctx.dispatch(Action::SetQuarterCells(cells));
        }
    };
    let by_options = std::iter::once(
        view! { <option value="all">{qt(QuarterMsg::AllSectors, locale)}</option> },
    )
    .chain(
        SECTORS
            .iter()
            .map(|s| view! { <option value=sector_id(*s)>{sector_name(*s, locale)}</option> }),
    )
    .collect_view();
    let target_placeholder = plan_target
        .map(|t| format_number(t, locale, 2))
        .unwrap_or_default();

    // Links with the yearly chain.
    let (chain_message, set_chain_message) = signal(String::new());
    let setup_for_spread = setup.clone();
    let to_chain_click = move |_| {
        for (input, y, text) in to_chain(&inputs.get_untracked(), year, locale) {
            ctx.dispatch(Action::SetChainInput {
                input,
                year: y,
                text,
            });
        }
    };
    let from_chain_click = move |_| {
        let yearly = ctx.state.with_untracked(|s| {
            chain_sector_growth(
                &setup_for_spread,
                &scenario_for(s, &setup_for_spread, locale).chain,
                year,
            )
        });
        let (cells, problems) = from_chain(&inputs.get_untracked(), yearly, locale);
        set_chain_message.set(problems.join(" "));
        if !cells.is_empty() {
            ctx.dispatch(Action::SetQuarterCells(cells));
        }
    };

    // The form.
    let request = expect_context::<PrintRequest>();
    let form_contents = Callback::new(move |_| {
        let name = ctx
            .state
            .with_untracked(|s| s.draft.as_ref().map(|o| o.name.clone()));
        let table = ctx
            .model()
            .map(|m| {
                let head = form_head(
                    m,
                    year,
                    name.as_deref(),
                    now_ms(),
                    timezone_offset_minutes(),
                    Locale::Vi,
                );
                form_csv(&inputs.get_untracked(), &head, Locale::Vi)
            })
            .unwrap_or_default();
        (
            format!("{} {year}", qt(QuarterMsg::FormCaption, Locale::Vi)),
            table,
        )
    });

    view! {
        <details class="quarterly" data-testid="quarterly" prop:open=move || started.get()>
            <summary data-testid="quarterly-open">{format!("{} {year}", qt(QuarterMsg::Title, locale))}</summary>
            <p class="hint">{qt(QuarterMsg::Intro, locale)}</p>
            <div class="table-tools">
                <button type="button" class="print-button" data-testid="print-quarterly"
                    on:click=move |_| request.print(ReportKind::Quarterly)>
                    {qt(QuarterMsg::Print, locale)}
                </button>
                <CsvButton table="quarterly" caption=qt(QuarterMsg::FormCaption, locale) contents=form_contents />
                <button type="button" class="reset-all" data-testid="quarter-reset"
                    on:click=move |_| ctx.dispatch(Action::ResetQuarterly)>
                    {qt(QuarterMsg::Reset, locale)}
                </button>
            </div>
            <label class="quarter-paste">
                <span>{qt(QuarterMsg::PasteLabel, locale)}</span>
                <textarea rows="3" data-testid="quarter-paste" prop:value=move || paste.get()
                    on:input=move |ev| set_paste.set(event_target_value(&ev))></textarea>
            </label>
            <button type="button" data-testid="quarter-paste-run" on:click=read_paste>{qt(QuarterMsg::PasteRun, locale)}</button>
            <p class="hint" data-testid="quarter-paste-message" role="status">{move || paste_message.get()}</p>
            <div class="table-scroll">
                <table class="quarter-inputs" data-testid="quarter-base-table">
                    <caption>{format!("{} {} ({})", qt(QuarterMsg::BaseCaption, locale), year - 1, qt(QuarterMsg::BaseUnit, locale))}</caption>
                    <thead><tr><th scope="col">{qt(QuarterMsg::Indicator, locale)}</th>{quarter_heads()}</tr></thead>
                    <tbody>{grid(true)}</tbody>
                </table>
            </div>
            <div class="table-scroll">
                <table class="quarter-inputs" data-testid="quarter-growth-table">
                    <caption>{format!("{} {year}", qt(QuarterMsg::GrowthCaption, locale))}</caption>
                    <thead>
                        <tr><th scope="col">{qt(QuarterMsg::Indicator, locale)}</th>{quarter_heads()}</tr>
                        <tr><td></td>{result_marks}</tr>
                    </thead>
                    <tbody>{grid(false)}</tbody>
                </table>
            </div>
            // The results hold no control: the box that scrolls them on a phone takes the
            // focus itself, so keyboard users can scroll it (axe scrollable-region-focusable).
            <div class="table-scroll" tabindex="0" role="region" aria-label=qt(QuarterMsg::ResultsCaption, locale) data-testid="quarter-results-scroll">{results}</div>
            {explanation_view}
            <QuarterRanges inputs=inputs target=target_in_use year=year locale=locale />
            <div class="goal-seek quarter-seek">
                <p><strong>{qt(QuarterMsg::SeekTitle, locale)}</strong></p>
                <label class="inline">
                    <span>{qt(QuarterMsg::TargetLabel, locale)}</span>
                    <QuarterCellInput cell=QuarterCell::Target testid="quarter-target" label=qt(QuarterMsg::TargetLabel, locale) placeholder=target_placeholder locale=locale />
                </label>
                <label class="inline">
                    <span>{qt(QuarterMsg::SeekBy, locale)}</span>
                    <select data-testid="quarter-seek-by" on:change=move |ev| set_seek_by.set(seek_by_from_id(&event_target_value(&ev)))>
                        {by_options}
                    </select>
                </label>
                <button type="button" data-testid="quarter-seek-run" on:click=run_seek>{qt(QuarterMsg::SeekRun, locale)}</button>
                <button type="button" data-testid="quarter-seek-apply" on:click=apply_seek>{qt(QuarterMsg::SeekApply, locale)}</button>
                <p data-testid="quarter-seek-answer" role="status">{move || seek_answer.get()}</p>
            </div>
            <div class="quarter-chain">
                <button type="button" data-testid="quarter-to-chain" on:click=to_chain_click>{qt(QuarterMsg::ToChain, locale)}</button>
                <button type="button" data-testid="quarter-from-chain" on:click=from_chain_click>{qt(QuarterMsg::FromChain, locale)}</button>
                <p class="hint" data-testid="quarter-chain-message" role="status">{move || chain_message.get()}</p>
            </div>
        </details>
    }
}
