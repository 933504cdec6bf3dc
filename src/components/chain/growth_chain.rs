//! The linked growth scenario: yearly inputs (sector growth, deflator, population, ICOR,
//! budget revenue) with their defaults from the model, and the outputs they give (GRDP
//! growth and each sector's contribution, real and nominal GRDP, GRDP per capita,
//! structure, investment needed, budget revenue), each explained with its numbers.

use leptos::prelude::*;

use crate::app::state::{chain_overrides, scenario_for, Action, AppContext, CHAIN_RANGE_PREFIX};
use crate::components::indicator::chance_panel::{ChainChances, RangeBoxes};
use crate::components::reports::csv_button::CsvButton;
use crate::core::plan::chain::{
    setup, ChainInput, ChainOutput, ChainSetup, Sector, GIVEN_GROWTH_INDICATOR,
};
use crate::core::plan::chance::{chain_history_spread, RangeEnd};
use crate::core::text::numfmt::format_number;
use crate::present::chain::{
    base_lines, chain_notes, chain_results, ct, default_lines, input_echo, input_label, input_rows,
    inputs_table, output_label, seek_text, ChainMsg, ChainNotes, InputCell,
};
use crate::present::chance::chain_history_text;
use crate::present::i18n::chance::{cht, ChanceMsg};
use crate::present::i18n::first_hour::{ft, FirstMsg};
use crate::present::i18n::Locale;

/// The linked scenario for the shown model (nothing when the model lacks its figures).
#[component]
pub fn GrowthChain() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let chain_setup = Memo::new(move |_| ctx.model().and_then(|m| setup(m).ok()));
    move || {
        let locale = ctx.locale();
        let s = chain_setup.get()?;
        Some(view! { <ChainView setup=s locale=locale /> })
    }
}

#[component]
fn ChainView(setup: ChainSetup, locale: Locale) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let years = setup.years.clone();
    let head = years_head(&years);
    let inputs_caption = ct(ChainMsg::InputsCaption, locale);
    // The inputs' CSV, read at the moment of the click.
    let csv_setup = setup.clone();
    let inputs_csv = Callback::new(move |_| {
        let table = ctx
            .state
            .with_untracked(|s| inputs_table(&csv_setup, &s.chain_inputs, locale));
        (inputs_caption.to_string(), headed(table, locale))
    });
    // "From history": a row's ranges taken from the model's past results, with the
    // derivation said below the table.
    let (history_shown, set_history_shown) = signal(Vec::<ChainInput>::new());
    let history_years = StoredValue::new(setup.years.clone());
    let fill_from_history = move |input: ChainInput| {
        let Some((h, _)) = ctx.model().and_then(|m| chain_history_spread(m, input)) else {
            return;
        };
        for year in history_years.get_value() {
            for (end, v) in [
                (RangeEnd::Low, h.spread.low()),
                (RangeEnd::High, h.spread.high()),
            ] {
                ctx.dispatch(Action::SetRangeInput {
                    input: format!("{CHAIN_RANGE_PREFIX}{}:{year}", input.id()),
                    end,
                    text: format_number(v, locale, 2),
                });
            }
        }
        set_history_shown.update(|v| {
            if !v.contains(&input) {
                v.push(input);
            }
        });
    };
    let history_notes = move || {
        let model = ctx.model()?;
        let items = history_shown
            .get()
            .into_iter()
            .filter_map(|input| {
                let (h, source) = chain_history_spread(model, input)?;
                Some(view! { <li data-input=input.id()>{chain_history_text(input, &h, source, locale)}</li> })
            })
            .collect_view();
        Some(view! { <ul class="explanation" data-testid="chain-history-derivation">{items}</ul> })
    };
    // Inputs are laid out once, so typing keeps focus.
    let input_rows = input_rows(&setup, locale)
        .into_iter()
        .map(|row| {
            let input = row.cells.first().map(|c| c.input);
            let has_history = input
                .is_some_and(|i| ctx.model().is_some_and(|m| chain_history_spread(m, i).is_some()));
            let button = input.filter(|_| has_history).map(|i| {
                view! {
                    <button type="button" class="history-button" data-testid="chain-range-from-history" data-input=i.id()
                        aria-label=format!("{}: {}", cht(ChanceMsg::ChainFromHistory, locale), row.label)
                        on:click=move |_| fill_from_history(i)>
                        {cht(ChanceMsg::ChainFromHistory, locale)}
                    </button>
                }
            });
            let cells = row
                .cells
                .into_iter()
                .map(|cell| view! { <ChainInputBox cell=cell locale=locale /> })
                .collect_view();
            view! { <tr><th scope="row">{row.label.clone()}{button}</th>{cells}</tr> }
        })
        .collect_view();
    let defaults_list = default_lines(&setup, locale)
        .into_iter()
        .map(|l| view! { <li>{l}</li> })
        .collect_view();
    let base_lines = base_lines(&setup.base, locale)
        .into_iter()
        .map(|l| view! { <li>{l}</li> })
        .collect_view();

    let default_seek_input = ChainInput::SectorGrowth(Sector::Services);
    let (seek_input, set_seek_input) = signal(default_seek_input);
    let (seek_output, set_seek_output) = signal(ChainOutput::PerCapita);
    let last_year = years.last().copied().unwrap_or(setup.base.year);
    let (seek_in_year, set_seek_in_year) = signal(last_year);
    let (seek_target, set_seek_target) = signal(String::new());
    let (seek_answer, set_seek_answer) = signal(String::new());
    let input_options = ChainInput::ALL
        .iter()
        .map(|i| view! { <option value=i.id() selected=*i == default_seek_input>{input_label(*i, locale)}</option> })
        .collect_view();
    let output_options = ChainOutput::ALL
        .iter()
        .map(|o| view! { <option value=o.id()>{output_label(*o, locale)}</option> })
        .collect_view();
    let year_options = years
        .iter()
        .rev()
        .map(|y| view! { <option value=y.to_string()>{y.to_string()}</option> })
        .collect_view();
    let setup_for_seek = setup.clone();
    let run_seek = move |_| {
        let overrides = ctx
            .state
            .with_untracked(|s| scenario_for(s, &setup_for_seek, locale).chain);
        let text = seek_text(
            &setup_for_seek,
            &overrides,
            (seek_input.get_untracked(), seek_in_year.get_untracked()),
            (seek_output.get_untracked(), last_year),
            &seek_target.get_untracked(),
            locale,
        );
        set_seek_answer.set(text);
    };
    let goal_seek_block = view! {
        <div class="goal-seek chain-goal-seek">
            <p><strong>{ct(ChainMsg::SeekTitle, locale)}</strong></p>
            <label class="inline">
                <span>{ct(ChainMsg::SeekOutput, locale)}</span>
                <select data-testid="chain-seek-output" on:change=move |ev| { if let Some(o) = ChainOutput::from_id(&event_target_value(&ev)) { set_seek_output.set(o) } }>
                    {output_options}
                </select>
            </label>
            <label class="inline">
                <span>{format!("{} {last_year} =", ct(ChainMsg::SeekIn, locale))}</span>
                <input type="text" inputmode="decimal" data-testid="chain-seek-target" prop:value=move || seek_target.get()
                    on:input=move |ev| set_seek_target.set(event_target_value(&ev)) />
            </label>
            <label class="inline">
                <span>{ct(ChainMsg::SeekBy, locale)}</span>
                <select data-testid="chain-seek-input" on:change=move |ev| { if let Some(i) = ChainInput::from_id(&event_target_value(&ev)) { set_seek_input.set(i) } }>
                    {input_options}
                </select>
            </label>
            <label class="inline">
                <span>{ct(ChainMsg::SeekYear, locale)}</span>
                <select data-testid="chain-seek-year" on:change=move |ev| { if let Ok(y) = event_target_value(&ev).parse::<i32>() { set_seek_in_year.set(y) } }>
                    {year_options}
                </select>
            </label>
            <button type="button" data-testid="chain-seek-run" on:click=run_seek>{ct(ChainMsg::SeekRun, locale)}</button>
            <p data-testid="chain-goal-seek-result" role="status">{move || seek_answer.get()}</p>
        </div>
    };

    let setup_for_outputs = setup.clone();
    // Only the chain's own inputs and the workbench's GRDP growth re-run it.
    let setup_for_scenario = setup.clone();
    let typed = Memo::new(move |_| ctx.state.with(|s| chain_overrides(s, locale)));
    let scenario = Memo::new(move |_| {
        ctx.state
            .with(|s| scenario_for(s, &setup_for_scenario, locale))
    });
    let outputs = move || match chain_results(
        &setup_for_outputs,
        &scenario.with(|s| s.chain.clone()),
        locale,
    ) {
        Ok(results) => {
            let notes = ctx
                .model()
                .map(|m| {
                    chain_notes(
                        m,
                        &setup_for_outputs,
                        &typed.get(),
                        &scenario.with(|s| s.from_workbench.clone()),
                        &results.runs,
                        locale,
                    )
                })
                .unwrap_or_default();
            let caption = ct(ChainMsg::ResultsCaption, locale);
            let csv = (caption.to_string(), headed(results.table(), locale));
            let table = results
                .rows
                .into_iter()
                .map(|row| {
                    let cells = row.values.into_iter().map(|v| view! { <td>{v}</td> }).collect_view();
                    view! { <tr data-testid=row.testid><th scope="row">{row.label}</th>{cells}</tr> }
                })
                .collect_view();
            let explanations = results
                .explanations
                .into_iter()
                .map(|text| view! { <li>{text}</li> })
                .collect_view();
            view! {
                <div class="table-tools">
                    <CsvButton
                        table="chain-outputs"
                        caption=caption
                        contents=Callback::new(move |_| csv.clone())
                    />
                </div>
                <table class="chain-outputs" data-testid="chain-outputs">
                    <caption>{caption}</caption>
                    <thead><tr><th scope="col">{ft(FirstMsg::RowHeading, locale)}</th>{years_head(&results.years)}</tr></thead>
                    <tbody>{table}</tbody>
                </table>
                <ul class="explanation" data-testid="chain-explanation">{explanations}</ul>
                <ChainNotesView notes=notes />
            }
            .into_any()
        }
        Err(_) => view! {
            <p class="banner banner-error" role="alert" data-testid="chain-error">
                {ct(ChainMsg::BadInput, locale)}
            </p>
        }
        .into_any(),
    };
    view! {
        <section class="chain" data-testid="growth-chain" aria-labelledby="chain-title">
            <h3 id="chain-title">{ct(ChainMsg::Title, locale)}</h3>
            <ul class="explanation">{base_lines}</ul>
            <div class="table-wrap">
                <div class="table-tools">
                    <CsvButton table="chain-inputs" caption=inputs_caption contents=inputs_csv />
                </div>
                <table class="chain-inputs" data-testid="chain-inputs">
                    <caption>{inputs_caption}</caption>
                    <thead><tr><th scope="col">{ft(FirstMsg::RowHeading, locale)}</th>{head}</tr></thead>
                    <tbody>{input_rows}</tbody>
                </table>
            </div>
            {history_notes}
            <button type="button" data-testid="chain-reset" on:click=move |_| ctx.dispatch(Action::ResetChain)>
                {ct(ChainMsg::ResetAll, locale)}
            </button>
            <ChainChances />
            {goal_seek_block}
            <details>
                <summary>{ct(ChainMsg::DefaultsSummary, locale)}</summary>
                <ul class="explanation">{defaults_list}</ul>
            </details>
            <div class="table-wrap">{outputs}</div>
        </section>
    }
}

/// One input box: the typed text (the default as placeholder), a reset button once
/// something is typed, and what the text reads as.
#[component]
fn ChainInputBox(cell: InputCell, locale: Locale) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let key = (cell.input, cell.year);
    let text = Memo::new(move |_| {
        ctx.chain_inputs
            .with(|inputs| inputs.get(&key).cloned().unwrap_or_default())
    });
    let echo = move || input_echo(&text.get(), locale);
    let (input, year) = key;
    let range_id = cell.input_id.clone();
    let range_name = cell.aria_label.clone();
    view! {
        <td class:changed=move || !text.get().is_empty()>
            <input
                type="text"
                inputmode="decimal"
                autocomplete="off"
                aria-label=cell.aria_label
                data-testid="scenario-input"
                data-input-id=cell.input_id
                placeholder=cell.placeholder
                prop:value=move || text.get()
                on:input=move |ev| ctx.dispatch(Action::SetChainInput { input, year, text: event_target_value(&ev) })
            />
            <Show when=move || !text.get().is_empty()>
                <button
                    type="button"
                    class="reset-one"
                    data-testid="chain-reset-one"
                    aria-label=ct(ChainMsg::ResetOne, locale)
                    on:click=move |_| ctx.dispatch(Action::SetChainInput { input, year, text: String::new() })
                >
                    "×"
                </button>
            </Show>
            <span class="echo">{echo}</span>
            <RangeBoxes input_id=range_id name=range_name />
        </td>
    }
}

fn years_head(years: &[i32]) -> impl IntoView {
    years
        .iter()
        .map(|y| view! { <th scope="col">{y.to_string()}</th> })
        .collect_view()
}

/// Lays out the notes below the chain's table (built by `present::chain::chain_notes`).
#[component]
fn ChainNotesView(notes: ChainNotes) -> impl IntoView {
    let warnings = (!notes.warnings.is_empty()).then(|| {
        let items = notes
            .warnings
            .into_iter()
            .map(|w| view! { <li>{w}</li> })
            .collect_view();
        view! { <ul class="assumption-warnings" data-testid="chain-warnings">{items}</ul> }
    });
    let ctx = expect_context::<AppContext>();
    let given = (!notes.given.is_empty()).then(|| {
        let items = notes
            .given
            .into_iter()
            .map(|g| view! { <li>{g}</li> })
            .collect_view();
        view! {
            <div class="given-growth" data-testid="chain-given-growth">
                <ul>{items}</ul>
                <button type="button" data-testid="chain-open-workbench"
                    on:click=move |_| ctx.dispatch(Action::OpenIndicator(GIVEN_GROWTH_INDICATOR.to_string()))>
                    {notes.open_workbench}
                </button>
            </div>
        }
    });
    view! {
        {given}
        {warnings}
        {notes.investment_total.map(|t| view! { <p data-testid="chain-investment-total">{t}</p> })}
    }
}

/// The CSV with the first column headed as the screen heads it ("Khoản mục"), so the
/// file reads back to the table shown.
fn headed(
    mut table: crate::core::codec::csv::Table,
    locale: Locale,
) -> crate::core::codec::csv::Table {
    if let Some(first) = table.header.first_mut() {
        *first = ft(FirstMsg::RowHeading, locale).to_string();
    }
    table
}
