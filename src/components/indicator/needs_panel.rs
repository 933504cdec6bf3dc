//! "What is needed" for the open indicator: status against the term target, the pace
//! needed in the years left next to the pace achieved, the person's yearly assumptions
//! (typed in their own number format and echoed back), goal seek on one year, and the
//! explanation with the numbers filled in. Every edit recomputes at once.

use leptos::prelude::*;

use crate::app::state::{assumptions_for, Action, AppContext};
use crate::components::chain::growth_chain::GrowthChain;
use crate::components::indicator::sensitivity_tables::SensitivityTables;
use crate::components::indicator::trend_chart::TrendChart;
use crate::components::reports::csv_button::CsvButton;
use crate::components::reports::print_report::{PrintButton, ReportKind};
use crate::core::plan::assessment::{assess, seek_year, PaceKind};
use crate::core::plan::goal_seek::GoalSeekError;
use crate::core::text::numfmt::format_number;
use crate::present::chart::chart_data;
use crate::present::explain::{
    defaults_note, explain, missing_results_text, pace_text, scenario_verdict_code,
    scenario_verdict_text, term_status_code, term_status_label, warning_text,
};
use crate::present::i18n::{t, unit_name, Locale, Msg};
use crate::present::reports::{echo_text, pace_lines, PaceLines};

/// The panel; `indicator` is the open indicator's id.
#[component]
pub fn NeedsPanel(indicator: String) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let (seek_year_sel, set_seek_year) = signal(None::<i32>);
    let (seek_answer, set_seek_answer) = signal(None::<String>);
    let id = indicator.clone();
    // The assumptions of this indicator only: typing in the growth chain or the search
    // box does not re-run the assessment.
    let assumptions = Memo::new(move |_| {
        let locale = ctx.locale();
        ctx.state.with(|s| assumptions_for(s, &id, locale))
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
    });

    // What the inputs are laid out from: stable while the person types, so the text
    // boxes are not rebuilt (and keep focus) on every keystroke.
    let layout = Memo::new(move |_| {
        assessment.with(|a| {
            a.as_ref().and_then(|a| a.working.as_ref()).map(|w| {
                (
                    w.remaining_years.clone(),
                    w.start_choices.clone(),
                    w.start_year,
                    w.pace_kind,
                )
            })
        })
    });
    let unit = Memo::new({
        let id = indicator.clone();
        move |_| {
            ctx.model()
                .and_then(|m| m.indicator(&id))
                .map(|i| i.unit.clone())
                .unwrap_or_default()
        }
    });

    let status_view = move || {
        let locale = ctx.locale();
        let status = assessment.with(|a| a.as_ref().map(|a| a.status))?;
        Some(view! {
            <p>
                <span
                    class=format!("term-status term-{}", term_status_code(status))
                    data-testid="status-badge"
                    data-status=term_status_code(status)
                >
                    {term_status_label(status, locale)}
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

    let pace_view = move || {
        let locale = ctx.locale();
        let model = ctx.model()?;
        let a = assessment.get()?;
        let PaceLines {
            required,
            free,
            achieved,
            planned,
        } = pace_lines(model, &unit.get(), &a, locale);
        Some(view! {
            <dl class="pace">
                <dt>{t(Msg::PaceNeeded, locale)} " " {free}</dt>
                <dd data-testid="required-rate">{required}</dd>
                <dt>{t(Msg::PaceAchieved, locale)}</dt>
                <dd data-testid="achieved-rate">{achieved}</dd>
                {planned.map(|p| view! {
                    <dt>{t(Msg::PacePlanned, locale)}</dt>
                    <dd data-testid="planned-rate">{p}</dd>
                })}
            </dl>
        })
    };

    let explanation_view = move || {
        let locale = ctx.locale();
        let model = ctx.model()?;
        let a = assessment.get()?;
        let lines = explain(model, &unit.get(), &a, locale)
            .into_iter()
            .map(|l| view! { <li>{l}</li> })
            .collect_view();
        Some(view! { <ul class="explanation" data-testid="explanation">{lines}</ul> })
    };

    // Indicators the linked growth scenario computes.
    let chain_linked = [
        "grdp_constant",
        "grdp_current",
        "grdp_per_capita",
        "total_social_investment",
        "budget_revenue",
        "structure_agriculture",
        "structure_industry_construction",
        "structure_services",
    ]
    .contains(&indicator.as_str());
    let (show_sensitivity, set_show_sensitivity) = signal(false);
    let sens_id = indicator.clone();
    let sensitivity_view = move || {
        let locale = ctx.locale();
        let label = match (show_sensitivity.get(), locale) {
            (false, Locale::Vi) => "Xem bảng độ nhạy",
            (false, Locale::En) => "Show sensitivity tables",
            (true, Locale::Vi) => "Ẩn bảng độ nhạy",
            (true, Locale::En) => "Hide sensitivity tables",
        };
        let tables = show_sensitivity.get().then(|| {
            let model = ctx.model()?;
            let a = assessment.get()?;
            let working = a.working.clone()?;
            let assumptions = ctx.state.with(|s| assumptions_for(s, &sens_id, locale));
            Some(view! {
                <SensitivityTables
                    model=model
                    indicator=sens_id.clone()
                    assumptions=assumptions
                    working=working
                    required=a.required.ok()
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
                {label}
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

    let id = indicator.clone();
    let inputs_view = move || {
        let locale = ctx.locale();
        let (remaining_years, start_choices, start_year, kind) = layout.get()?;
        let rows = remaining_years
            .iter()
            .map(|&year| view! { <AssumptionInput indicator=id.clone() year=year kind=kind /> })
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
        let reset_id = id.clone();
        let seek_id = id.clone();
        let default_seek = remaining_years.last().copied();
        // The assumptions as typed and as read, at the moment of the click.
        let csv_id = id.clone();
        let csv_years = remaining_years.clone();
        let assumptions_csv = Callback::new(move |_| {
            let locale = ctx.locale_untracked();
            let rows = ctx.state.with_untracked(|s| {
                csv_years
                    .iter()
                    .map(|&y| {
                        let text = s
                            .scenario_inputs
                            .get(&(csv_id.clone(), y))
                            .cloned()
                            .unwrap_or_default();
                        let echo = echo_text(&text, kind, locale);
                        vec![y.to_string(), text, echo]
                    })
                    .collect()
            });
            let header = vec![
                t(Msg::Year, locale).to_string(),
                match kind {
                    PaceKind::Growth => t(Msg::AssumedGrowth, locale),
                    PaceKind::Increment => t(Msg::AssumedAmount, locale),
                }
                .to_string(),
                t(Msg::Understood, locale).to_string(),
            ];
            let name = ctx
                .models
                .get(ctx.model_index.get_untracked())
                .and_then(|m| m.indicator(&csv_id))
                .map(|i| crate::present::i18n::pick(&i.name, locale).to_string())
                .unwrap_or_default();
            (
                format!("{name} - {}", t(Msg::Assumptions, locale)),
                crate::core::codec::csv::Table { header, rows },
            )
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
                            <th scope="col">
                                {match kind {
                                    PaceKind::Growth => t(Msg::AssumedGrowth, locale),
                                    PaceKind::Increment => t(Msg::AssumedAmount, locale),
                                }}
                            </th>
                            <th scope="col">{t(Msg::Understood, locale)}</th>
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
                            let assumptions = ctx.state.with_untracked(|s| assumptions_for(s, &seek_id, locale));
                            let text = match seek_year(model, &seek_id, &assumptions, year) {
                                Ok(answer) => goal_seek_text(
                                    model,
                                    &unit.get_untracked(),
                                    kind,
                                    year,
                                    answer.input,
                                    answer.output,
                                    locale,
                                ),
                                Err(e) => goal_seek_error_text(&e, locale),
                            };
                            set_seek_answer.set(Some(text));
                        }
                    >
                        {t(Msg::GoalSeekRun, locale)}
                    </button>
                    <p data-testid="goal-seek-result" role="status">
                        {move || seek_answer.get().unwrap_or_default()}
                    </p>
                </div>
            </div>
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
            {pace_view}
            {chart_view}
            {inputs_view}
            {sensitivity_view}
            {explanation_view}
        </section>
        {chain_linked.then(|| view! {
            <p class="defaults-note" data-testid="defaults-note">{move || defaults_note(ctx.locale())}</p>
            <GrowthChain />
        })}
    }
}

fn goal_seek_text(
    model: &crate::core::model::Model,
    unit: &str,
    kind: PaceKind,
    year: i32,
    input: f64,
    output: f64,
    locale: Locale,
) -> String {
    let pace = pace_text(model, unit, kind, input, locale);
    let check = format_number(output, locale, 2);
    match locale {
        Locale::Vi => format!("Năm {year} cần {pace} để đạt mục tiêu (kiểm tra lại: {check})."),
        Locale::En => format!("{year} needs {pace} to meet the target (checked: {check})."),
    }
}

fn goal_seek_error_text(error: &GoalSeekError, locale: Locale) -> String {
    match (error, locale) {
        (GoalSeekError::NoSolutionInRange { .. }, Locale::Vi) => {
            "Không có giá trị nào trong khoảng hợp lý đạt được mục tiêu.".to_string()
        }
        (GoalSeekError::NoSolutionInRange { .. }, Locale::En) => {
            "No value in a sensible range meets the target.".to_string()
        }
        (GoalSeekError::MultipleSolutions(xs), Locale::Vi) => {
            format!(
                "Có {} giá trị cùng đạt mục tiêu; hãy thu hẹp giả định.",
                xs.len()
            )
        }
        (GoalSeekError::MultipleSolutions(xs), Locale::En) => {
            format!(
                "{} values meet the target; narrow the assumptions.",
                xs.len()
            )
        }
        (_, Locale::Vi) => "Không tính được: thiếu số liệu để dự báo.".to_string(),
        (_, Locale::En) => "Cannot compute: not enough data to project.".to_string(),
    }
}

/// One year's assumption: a text box that accepts the interface language's number
/// format, and the value it understood (or why not).
#[component]
fn AssumptionInput(indicator: String, year: i32, kind: PaceKind) -> impl IntoView {
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
            <td class="echo" data-testid="input-echo" aria-live="polite">{echo}</td>
        </tr>
    }
}
