//! Compare two to four drafts with the base side by side: the person picks the drafts
//! and the outputs; each row is an output in a year, each draft's cell shows its value
//! and its difference from the base (absolute and percent), highlighted up or down.

use leptos::prelude::*;

use crate::app::drafts::DraftSession;
use crate::app::state::AppContext;
use crate::components::reports::csv_button::CsvButton;
use crate::core::draft::compare::{compare, default_outputs, Output, MAX_COMPARED};
use crate::core::draft::record::Draft;
use crate::present::compare::{cmt, compare_view, output_name, CompareMsg, CompareView, Direction};
use crate::present::draft_label::draft_label;

/// The comparison section.
#[component]
pub fn DraftCompare() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let session = expect_context::<DraftSession>();
    let locale = move || ctx.locale();
    let (chosen, set_chosen) = signal(Vec::<String>::new());
    let (hidden_outputs, set_hidden_outputs) = signal(Vec::<String>::new());

    let chosen_drafts = Memo::new(move |_| {
        let ids = chosen.get();
        let all = session.drafts.get();
        ids.iter()
            .filter_map(|id| all.iter().find(|d| &d.id == id).cloned())
            .collect::<Vec<Draft>>()
    });
    let outputs = Memo::new(move |_| {
        chosen_drafts.with(|drafts| default_outputs(&drafts.iter().collect::<Vec<_>>()))
    });
    let compared = Memo::new(move |_| -> Option<CompareView> {
        let model = ctx.model()?;
        let locale = ctx.locale();
        let drafts = chosen_drafts.get();
        if drafts.len() < 2 {
            return None;
        }
        let hidden = hidden_outputs.get();
        let shown: Vec<Output> = outputs
            .get()
            .into_iter()
            .filter(|o| !hidden.contains(&o.id()))
            .collect();
        let rows = compare(model, &drafts.iter().collect::<Vec<_>>(), &shown);
        let names: Vec<(String, String)> = drafts
            .iter()
            .map(|d| (d.id.clone(), draft_label(&d.name, locale)))
            .collect();
        Some(compare_view(Some(model), &names, &rows, locale))
    });

    let toggle_draft = move |id: String| {
        set_chosen.update(|c| {
            if let Some(pos) = c.iter().position(|x| *x == id) {
                c.remove(pos);
            } else if c.len() < MAX_COMPARED {
                c.push(id);
            }
        });
    };

    let picker = move || {
        let chosen_now = chosen.get();
        session
            .drafts_of_model()
            .into_iter()
            .map(|d| {
                let id = d.id.clone();
                let checked = chosen_now.contains(&d.id);
                let full = chosen_now.len() >= MAX_COMPARED && !checked;
                view! {
                    <label class="compare-choice">
                        <input
                            type="checkbox"
                            data-testid="compare-pick"
                            data-draft-id=d.id.clone()
                            prop:checked=checked
                            disabled=full
                            on:change=move |_| toggle_draft(id.clone())
                        />
                        {draft_label(&d.name, ctx.locale())}
                    </label>
                }
            })
            .collect_view()
    };

    let output_picker = move || {
        let locale = locale();
        let hidden = hidden_outputs.get();
        outputs
            .get()
            .into_iter()
            .map(|o| {
                let id = o.id();
                let shown = !hidden.contains(&id);
                let name = output_name(ctx.model(), &o, locale);
                view! {
                    <label class="compare-choice">
                        <input
                            type="checkbox"
                            data-testid="compare-output"
                            data-output=id.clone()
                            prop:checked=shown
                            on:change=move |_| {
                                let id = id.clone();
                                set_hidden_outputs.update(|h| {
                                    if let Some(pos) = h.iter().position(|x| *x == id) {
                                        h.remove(pos);
                                    } else {
                                        h.push(id);
                                    }
                                });
                            }
                        />
                        {name}
                    </label>
                }
            })
            .collect_view()
    };

    let csv_contents = Callback::new(move |()| {
        let locale = ctx.locale_untracked();
        let table = compared
            .get_untracked()
            .map(|v| v.table())
            .unwrap_or_default();
        (cmt(CompareMsg::CsvTitle, locale).to_string(), table)
    });

    let table = move || {
        let locale = locale();
        let Some(v) = compared.get() else {
            return view! {
                <p class="detail" data-testid="compare-hint">{cmt(CompareMsg::Hint, locale)}</p>
            }
            .into_any();
        };
        view! {
            <div class="table-scroll">
                <table class="compare-table" data-testid="compare-table">
                    <caption>{cmt(CompareMsg::Caption, locale)}</caption>
                    <thead>
                        <tr>{v.header.into_iter().map(|n| view! { <th scope="col">{n}</th> }).collect_view()}</tr>
                    </thead>
                    <tbody>
                        {v.rows
                            .into_iter()
                            .map(|r| {
                                let output_id = r.output_id;
                                let year = r.year;
                                let cells = r
                                    .cells
                                    .into_iter()
                                    .map(|c| {
                                        view! {
                                            <td
                                                class="num"
                                                class:diff-up=c.direction == Direction::Up
                                                class:diff-down=c.direction == Direction::Down
                                                data-tone=crate::present::compare_tone::tone(
                                                    ctx.model(),
                                                    &output_id,
                                                    c.direction,
                                                )
                                                data-testid="compare-cell"
                                                data-output=output_id.clone()
                                                data-year=year
                                                data-draft-id=c.draft_id
                                            >
                                                {c.text}
                                            </td>
                                        }
                                    })
                                    .collect_view();
                                view! {
                                    <tr>
                                        <th scope="row">{r.name}</th>
                                        <td>{year}</td>
                                        <td class="num" data-testid="compare-base" data-output=output_id.clone() data-year=year>
                                            {r.base}
                                        </td>
                                        {cells}
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
            <CsvButton table="compare" caption=cmt(CompareMsg::CsvTitle, locale) contents=csv_contents />
        }
        .into_any()
    };

    view! {
        <details class="draft-compare" data-testid="draft-compare">
            <summary>{move || cmt(CompareMsg::Summary, locale())}</summary>
            <fieldset>
                <legend>{move || cmt(CompareMsg::DraftsLegend, locale())}</legend>
                {picker}
            </fieldset>
            <fieldset>
                <legend>{move || cmt(CompareMsg::OutputsLegend, locale())}</legend>
                {output_picker}
            </fieldset>
            {table}
        </details>
    }
}
