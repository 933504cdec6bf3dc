//! "What is needed" for the open indicator: status against the term target, the pace
//! needed in the years left next to the pace achieved, the person's yearly assumptions
//! (typed in their own number format and echoed back), goal seek on one year, and the
//! explanation with the numbers filled in. Every edit recomputes at once.

use crate::core::plan::assessment::PaceBasis;
use crate::core::plan::chain::{setup, GIVEN_GROWTH_INDICATOR};
use crate::present::chain::{ct, given_by_chain_lines, ChainMsg};
use crate::present::explain::{pace_basis_choice, pace_basis_value};
use crate::present::i18n::numbers::{nt, NumMsg};
use crate::present::series::{basis_choice, basis_of_value, vintage_choices};
use leptos::prelude::*;

use crate::app::state::{
    range_texts_for, scenario_assumptions_for, scenario_for, scenario_texts_for, Action, AppContext,
};
use crate::components::chain::growth_chain::GrowthChain;
use crate::components::indicator::chance_panel::{ChancePanel, RangeCells};
use crate::components::indicator::exchange_rate::ExchangeRateInput;
use crate::components::indicator::sensitivity_tables::SensitivityTables;
use crate::components::indicator::term_result::{today_year, TermResult};
use crate::components::indicator::trend_chart::TrendChart;
use crate::components::reports::csv_button::CsvButton;
use crate::components::reports::print_report::{PrintButton, ReportKind};
use crate::core::plan::assessment::{assess, seek_year, PaceKind};
use crate::core::plan::chain::is_linked;
use crate::present::assumption_tools::{
    answer_text, held_fixed_text, is_unreadable, pasted_cells, spread,
};
use crate::present::chance::assumptions_table_with_ranges;
use crate::present::chart::chart_data;
use crate::present::explain::{
    defaults_note, missing_results_text, scenario_verdict_code, scenario_verdict_text, warning_text,
};
use crate::present::i18n::chance::{cht, ChanceMsg};
use crate::present::i18n::first_hour::{ft, FirstMsg};
use crate::present::i18n::{t, unit_name, Msg};
use crate::present::model_editor::start_vintage_text;
use crate::present::reports::echo_text;
use crate::present::workbench::{
    assumed_heading, assumptions_table, goal_seek_error_text, goal_seek_text, inputs_layout,
    sensitivity_toggle, workbench_view, InputsLayout,
};

/// The panel; `indicator` is the open indicator's id.
#[component]
pub fn NeedsPanel(indicator: String) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let (seek_year_sel, set_seek_year) = signal(None::<i32>);
    let (seek_answer, set_seek_answer) = signal(None::<String>);
    // The goal seek's (year, value), offered to put into the year's box.
    let (seek_value, set_seek_value) = signal(None::<(i32, f64)>);
    let id = indicator.clone();
    // The assumptions of this indicator only: typing in the growth chain or the search
    // box does not re-run the assessment.
    let assumptions = Memo::new(move |_| {
        let locale = ctx.locale();
        ctx.state
            .with(|s| scenario_assumptions_for(s, ctx.model(), &id, locale))
    });
    let id = indicator.clone();
    let assessment = Memo::new(move |_| {
        let model = ctx.model()?;
        Some(assess(model, &id, &assumptions.get()))
    });
    // A new assumption makes an old goal-seek answer stale.
    Effect::new(move |_| {
        assessment.track();
        set_seek_answer.set(None);
        set_seek_value.set(None);
    });

    // What the inputs are laid out from: stable while the person types, so the text
    // boxes are not rebuilt (and keep focus) on every keystroke.
    let layout = Memo::new(move |_| assessment.with(|a| a.as_ref().and_then(inputs_layout)));
    let unit = Memo::new({
        let id = indicator.clone();
        move |_| {
            ctx.model()
                .and_then(|m| m.indicator(&id))
                .map(|i| i.unit.clone())
                .unwrap_or_default()
        }
    });
    let view_model = Memo::new(move |_| {
        let locale = ctx.locale();
        let model = ctx.model()?;
        assessment.with(|a| {
            a.as_ref()
                .map(|a| workbench_view(model, &unit.get(), a, locale))
        })
    });

    let status_view = move || {
        let v = view_model.get()?;
        Some(view! {
            <p>
                <span
                    class=format!("term-status term-{}", v.status_code)
                    data-testid="status-badge"
                    data-status=v.status_code
                >
                    {v.status_label}
                </span>
            </p>
        })
    };

    // The scenario's verdict and warnings, apart from the status badge (which says where
    // the data stand).
    let scenario_view = move || {
        let locale = ctx.locale();
        let model = ctx.model()?;
        let a = assessment.get()?;
        let kind = a.working.as_ref().map(|w| w.pace_kind)?;
        let verdict = a.scenario.map(|v| {
            view! {
                <p class="scenario-verdict" data-testid="scenario-verdict" data-verdict=scenario_verdict_code(v)>
                    {scenario_verdict_text(v, locale)}
                </p>
            }
        });
        let warnings = (!a.warnings.is_empty()).then(|| {
            let items = a
                .warnings
                .iter()
                .map(|w| view! { <li>{warning_text(model, &unit.get(), kind, *w, locale)}</li> })
                .collect_view();
            view! { <ul class="assumption-warnings" data-testid="assumption-warnings">{items}</ul> }
        });
        let missing = missing_results_text(&a.missing, locale)
            .map(|m| view! { <p class="missing-results" data-testid="missing-results">{m}</p> });
        Some(view! {
            {verdict}
            {warnings}
            {missing}
        })
    };

    // Once the term is over its result replaces the pace still needed (issue #13).
    let today = today_year();
    let pace_view = move || {
        let locale = ctx.locale();
        if ctx
            .model()
            .is_some_and(|m| crate::core::plan::term_end::term_over(m, today))
        {
            return None;
        }
        let pace = view_model.get()?.pace;
        Some(view! {
            <dl class="pace">
                <dt>{t(Msg::PaceNeeded, locale)} " " {pace.free}</dt>
                <dd data-testid="required-rate">{pace.required}</dd>
                <dt>{t(Msg::PaceAchieved, locale)}</dt>
                <dd data-testid="achieved-rate">{pace.achieved}</dd>
                {pace.planned.map(|p| view! {
                    <dt>{t(Msg::PacePlanned, locale)}</dt>
                    <dd data-testid="planned-rate">{p}</dd>
                })}
            </dl>
        })
    };

    let conv_id = indicator.clone();
    let explanation_view = move || {
        // A USD target's conversion at the typed rate comes first (issue #13).
        let conversion = ctx.model().and_then(|m| {
            crate::present::term::exchange_rate_view(
                m,
                &conv_id,
                assumptions.get().exchange_rate,
                ctx.locale(),
            )?
            .conversion
        });
        let lines = conversion
            .into_iter()
            .chain(view_model.get()?.explanation)
            .map(|l| view! { <li>{l}</li> })
            .collect_view();
        Some(view! { <ul class="explanation" data-testid="explanation">{lines}</ul> })
    };

    // In a portal's frame the growth chain and the quarterly scenario are left out: they
    // made the compact view 4,150 px tall (issue #17); "open the full app" has them.
    let embedded = ctx.state.with_untracked(|s| s.embed.is_some());
    let chain_linked = is_linked(&indicator) && !embedded;
    let (show_sensitivity, set_show_sensitivity) = signal(false);
    let sens_id = indicator.clone();
    let sensitivity_view = move || {
        let locale = ctx.locale();
        let tables = show_sensitivity.get().then(|| {
            let model = ctx.model()?;
            let a = assessment.get()?;
            a.working.as_ref()?;
            Some(view! {
                <SensitivityTables
                    model=model
                    indicator=sens_id.clone()
                    assumptions=assumptions.get()
                    locale=locale
                />
            })
        });
        view! {
            <button
                type="button"
                data-testid="sensitivity-toggle"
                aria-expanded=show_sensitivity.get().to_string()
                on:click=move |_| set_show_sensitivity.update(|v| *v = !*v)
            >
                {sensitivity_toggle(show_sensitivity.get(), locale)}
            </button>
            {tables}
        }
    };

    let chart_id = indicator.clone();
    let chart_view = move || {
        let locale = ctx.locale();
        let model = ctx.model()?;
        let a = assessment.get()?;
        let data = chart_data(model, &chart_id, &a)?;
        let unit = unit_name(model, &unit.get(), locale).to_string();
        Some(view! { <TrendChart data=data locale=locale unit=unit /> })
    };

    // Which series the status rests on, for an average-growth target with stated rates.
    let basis_id = indicator.clone();
    let basis_view = move || {
        let locale = ctx.locale();
        let used = assessment.with(|a| a.as_ref().and_then(|a| a.status_basis))?;
        let (label, options) = pace_basis_choice(locale);
        let current = pace_basis_value(used);
        let options = options
            .into_iter()
            .map(|(value, words)| view! { <option value=value selected=value == current>{words}</option> })
            .collect_view();
        let id = basis_id.clone();
        Some(view! {
            <label class="inline">
                <span>{label}</span>
                <select
                    data-testid="pace-basis"
                    on:change=move |ev| {
                        let basis = if event_target_value(&ev) == pace_basis_value(PaceBasis::Levels) {
                            PaceBasis::Levels
                        } else {
                            PaceBasis::Rates
                        };
                        ctx.dispatch(Action::SetPaceBasis { indicator: id.clone(), basis });
                    }
                >
                    {options}
                </select>
            </label>
        })
    };

    // A level target whose results mix figures from before and after a revision: each
    // reading with its verdict, and the person's pick.
    let stat_id = indicator.clone();
    let stat_basis_view = move || {
        let locale = ctx.locale();
        let model = ctx.model()?;
        let choice =
            assessment.with(|a| a.as_ref().and_then(|a| basis_choice(model, a, locale)))?;
        let current = choice.current;
        let options = choice
            .options
            .into_iter()
            .map(|(value, words)| view! { <option value=value selected=value == current>{words}</option> })
            .collect_view();
        let readings = choice
            .readings
            .into_iter()
            .map(|r| view! { <li data-testid="basis-reading" data-basis=r.basis data-status=r.status>{r.text}</li> })
            .collect_view();
        let id = stat_id.clone();
        Some(view! {
            <div class="basis-choice" data-testid="basis-choice">
                <p>{choice.summary}</p>
                <ul>{readings}</ul>
                <label class="inline">
                    <span>{choice.label}</span>
                    <select
                        data-testid="stat-basis"
                        on:change=move |ev| {
                            let basis = basis_of_value(&event_target_value(&ev));
                            ctx.dispatch(Action::SetStatBasis { indicator: id.clone(), basis });
                        }
                    >
                        {options}
                    </select>
                </label>
            </div>
        })
    };

    // The vintage of each figure the scenario uses, where a figure has several.
    let vintage_ind = indicator.clone();
    let vintages_view = move || {
        let locale = ctx.locale();
        let model = ctx.model()?;
        let choices = assumptions.with(|a| a.vintages.clone());
        let views = assessment.with(|a| {
            a.as_ref()
                .map(|a| vintage_choices(model, a, &choices, locale))
        })?;
        if views.is_empty() {
            return None;
        }
        let rows = views
            .into_iter()
            .map(|v| {
                let current = v.current.clone();
                let options = v
                    .options
                    .into_iter()
                    .map(|(value, words)| {
                        let selected = value == current;
                        view! { <option value=value selected=selected>{words}</option> }
                    })
                    .collect_view();
                let (id, slot) = (vintage_ind.clone(), v.slot.clone());
                view! {
                    <label class="inline">
                        <span>{v.label}</span>
                        <select
                            data-testid="vintage-choice"
                            data-slot=v.slot.clone()
                            on:change=move |ev| {
                                ctx.dispatch(Action::SetVintage {
                                    indicator: id.clone(),
                                    slot: slot.clone(),
                                    vintage: Some(event_target_value(&ev)),
                                });
                            }
                        >
                            {options}
                        </select>
                    </label>
                }
            })
            .collect_view();
        Some(view! {
            <fieldset class="vintage-choices" data-testid="vintage-choices">
                <legend>{nt(NumMsg::VintagesHeading, locale)}</legend>
                {rows}
            </fieldset>
        })
    };

    let id = indicator.clone();
    let inputs_view = move || {
        let locale = ctx.locale();
        let InputsLayout {
            remaining_years,
            start_choices,
            start_year,
            kind,
        } = layout.get()?;
        let rows = remaining_years
            .iter()
            .map(|&year| {
                let last = remaining_years.last().copied().unwrap_or(year);
                view! { <AssumptionInput indicator=id.clone() year=year last=last kind=kind /> }
            })
            .collect_view();
        let start_options = start_choices
            .iter()
            .map(|y| {
                let selected = *y == start_year;
                view! { <option value=y.to_string() selected=selected>{y.to_string()}</option> }
            })
            .collect_view();
        let seek_options = remaining_years
            .iter()
            .rev()
            .map(|y| view! { <option value=y.to_string()>{y.to_string()}</option> })
            .collect_view();
        let start_id = id.clone();
        let vintage_id = id.clone();
        let reset_id = id.clone();
        let seek_id = id.clone();
        let use_id = id.clone();
        let default_seek = remaining_years.last().copied();
        // The assumptions as typed and as read, at the moment of the click.
        let csv_id = id.clone();
        let csv_years = remaining_years.clone();
        let assumptions_csv = Callback::new(move |_| {
            let locale = ctx.locale_untracked();
            let texts = ctx.state.with_untracked(|s| scenario_texts_for(s, &csv_id));
            match ctx.models.get(ctx.model_index.get_untracked()) {
                Some(model) => {
                    let (name, table) =
                        assumptions_table(model, &csv_id, &csv_years, &texts, kind, locale);
                    let ranges = ctx.state.with_untracked(|s| range_texts_for(s, &csv_id));
                    (name, assumptions_table_with_ranges(table, &ranges, locale))
                }
                None => Default::default(),
            }
        });
        Some(view! {
            <div class="scenario">
                <label class="inline">
                    <span>{t(Msg::StartFrom, locale)}</span>
                    <select
                        data-testid="start-year"
                        on:change=move |ev| {
                            let year = event_target_value(&ev).parse::<i32>().ok();
                            ctx.dispatch(Action::SetStartYear { indicator: start_id.clone(), year });
                        }
                    >
                        {start_options}
                    </select>
                </label>
                {move || ctx.model().zip(assessment.get()).and_then(|(m, a)| start_vintage_text(m, &vintage_id, &a, ctx.locale())).map(|t| view! { <p class="hint" data-testid="start-vintage">{t}</p> })}
                <div class="table-tools">
                    <CsvButton
                        table="assumptions"
                        caption=t(Msg::Assumptions, locale)
                        contents=assumptions_csv
                    />
                </div>
                <table class="assumptions">
                    <caption>{t(Msg::Assumptions, locale)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(Msg::Year, locale)}</th>
                            <th scope="col">{assumed_heading(kind, locale)}</th>
                            <th scope="col">{t(Msg::Understood, locale)}</th>
                            <th scope="col">{cht(ChanceMsg::RangeLowHeading, locale)}</th>
                            <th scope="col">{cht(ChanceMsg::RangeHighHeading, locale)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
                <button
                    type="button"
                    data-testid="reset-all"
                    on:click=move |_| ctx.dispatch(Action::ResetScenario { indicator: reset_id.clone() })
                >
                    {t(Msg::ResetAll, locale)}
                </button>
                <div class="goal-seek">
                    <label class="inline">
                        <span>{t(Msg::GoalSeekYear, locale)}</span>
                        <select
                            data-testid="goal-seek-year"
                            on:change=move |ev| set_seek_year.set(event_target_value(&ev).parse::<i32>().ok())
                        >
                            {seek_options}
                        </select>
                    </label>
                    <button
                        type="button"
                        data-testid="goal-seek-run"
                        on:click=move |_| {
                            let Some(model) = ctx.model() else { return };
                            let locale = ctx.locale_untracked();
                            let Some(year) = seek_year_sel.get_untracked().or(default_seek) else { return };
                            let text = match seek_year(model, &seek_id, &assumptions.get_untracked(), year) {
                                Ok(answer) => {
                                    set_seek_value.set(Some((year, answer.input)));
                                    let held = assessment
                                        .get_untracked()
                                        .map(|a| held_fixed_text(&a, year, locale))
                                        .unwrap_or_default();
                                    let said = goal_seek_text(
                                        model,
                                        &unit.get_untracked(),
                                        kind,
                                        year,
                                        (answer.input, answer.output),
                                        locale,
                                    );
                                    if held.is_empty() { said } else { format!("{said} {held}") }
                                }
                                Err(e) => {
                                    set_seek_value.set(None);
                                    goal_seek_error_text(&e, locale)
                                }
                            };
                            set_seek_answer.set(Some(text));
                        }
                    >
                        {t(Msg::GoalSeekRun, locale)}
                    </button>
                    <p data-testid="goal-seek-result" role="status">
                        {move || seek_answer.get().unwrap_or_default()}
                    </p>
                    {move || seek_value.get().map(|(year, value)| {
                        let use_id = use_id.clone();
                        view! {
                            <button
                                type="button"
                                data-testid="goal-seek-use"
                                on:click=move |_| ctx.dispatch(Action::SetScenarioInput {
                                    indicator: use_id.clone(),
                                    year,
                                    text: answer_text(value, ctx.locale_untracked()),
                                })
                            >
                                {format!("{} ({year})", ft(FirstMsg::UseAnswer, ctx.locale_untracked()))}
                            </button>
                        }
                    })}
                </div>
            </div>
        })
    };

    // Years whose GRDP growth the growth chain's typed sectors set: said here, with a
    // link to where they are set (one scenario per draft).
    let given_id = indicator.clone();
    let given_view = move || {
        if given_id != GIVEN_GROWTH_INDICATOR {
            return None;
        }
        let locale = ctx.locale();
        let model = ctx.model()?;
        let s = setup(model).ok()?;
        let from_chain = ctx.state.with(|st| scenario_for(st, &s, locale).from_chain);
        let lines = given_by_chain_lines(&from_chain, locale);
        (!lines.is_empty()).then(|| {
            let items = lines
                .into_iter()
                .map(|l| view! { <li>{l}</li> })
                .collect_view();
            view! {
                <div class="given-growth" data-testid="given-by-chain">
                    <ul>{items}</ul>
                    {(!embedded).then(|| view! { <a href="#chain-title">{ct(ChainMsg::Title, locale)}</a> })}
                </div>
            }
        })
    };

    view! {
        <section class="needs" data-testid="needs-panel" aria-labelledby="needs-title">
            <h3 id="needs-title">{move || t(Msg::WhatIsNeeded, ctx.locale())}</h3>
            <div class="table-tools">
                <PrintButton kind=ReportKind::Scenario />
            </div>
            {status_view}
            {scenario_view}
            <TermResult indicator=indicator.clone() />
            <ExchangeRateInput indicator=indicator.clone() />
            {pace_view}
            {basis_view}
            {stat_basis_view}
            {vintages_view}
            {chart_view}
            {inputs_view}
            <ChancePanel indicator=indicator.clone() assessment=assessment assumptions=assumptions />
            {given_view}
            {sensitivity_view}
            {explanation_view}
        </section>
        {chain_linked.then(|| view! {
            <p class="defaults-note" data-testid="defaults-note">{move || defaults_note(ctx.locale())}</p>
            <GrowthChain />
            <crate::components::quarterly::quarterly_view::QuarterlyView />
        })}
    }
}

/// One year's assumption: a text box that accepts the interface language's number
/// format, and the value it understood (or why not).
#[component]
fn AssumptionInput(indicator: String, year: i32, last: i32, kind: PaceKind) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let key = (indicator.clone(), year);
    let key_for_text = key.clone();
    let text = Memo::new(move |_| {
        ctx.state.with(|s| {
            s.scenario_inputs
                .get(&key_for_text)
                .cloned()
                .unwrap_or_default()
        })
    });
    let set_id = indicator.clone();
    let reset_id = indicator.clone();
    let input_id = format!("{indicator}:{year}");
    let echo = move || echo_text(&text.get(), kind, ctx.locale());
    let changed = move || !text.get().trim().is_empty();
    // Unreadable text is said to screen readers, not only shown in grey (issue #17).
    let invalid = move || is_unreadable(&text.get(), ctx.locale());
    let paste_id = indicator.clone();
    // A row or column pasted from a spreadsheet fills this year and the next ones.
    let on_paste = move |ev: web_sys::ClipboardEvent| {
        let pasted = ev
            .clipboard_data()
            .and_then(|d| d.get_data("text/plain").ok())
            .unwrap_or_default();
        if let Some(cells) = pasted_cells(&pasted) {
            ev.prevent_default();
            for (y, text) in spread(year, last, &cells) {
                ctx.dispatch(Action::SetScenarioInput {
                    indicator: paste_id.clone(),
                    year: y,
                    text,
                });
            }
        }
    };
    view! {
        <tr class:changed=changed>
            <th scope="row">
                <label for=format!("assume-{input_id}")>{year.to_string()}</label>
            </th>
            <td>
                <input
                    id=format!("assume-{input_id}")
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    data-testid="scenario-input"
                    data-input-id=input_id.clone()
                    aria-invalid=move || invalid().then_some("true")
                    aria-describedby=format!("echo-{input_id}")
                    class:invalid=invalid
                    on:paste=on_paste
                    prop:value=move || text.get()
                    on:input=move |ev| ctx.dispatch(Action::SetScenarioInput {
                        indicator: set_id.clone(),
                        year,
                        text: event_target_value(&ev),
                    })
                />
                <Show when=changed>
                    <button
                        type="button"
                        class="reset-one"
                        data-testid="reset-input"
                        on:click={
                            let reset_id = reset_id.clone();
                            move |_| ctx.dispatch(Action::ResetScenarioInput { indicator: reset_id.clone(), year })
                        }
                    >
                        {move || t(Msg::Reset, ctx.locale())}
                    </button>
                </Show>
            </td>
            <td class="echo" id=format!("echo-{input_id}") data-testid="input-echo" aria-live="polite">{echo}</td>
            <RangeCells input_id=input_id.clone() />
        </tr>
    }
}
