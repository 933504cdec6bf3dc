//! Compare two to four drafts with the base side by side: the person picks the drafts
//! and the outputs; each row is an output in a year, each draft's cell shows its value
//! and its difference from the base (absolute and percent), highlighted up or down.

use leptos::prelude::*;

use crate::app::drafts::DraftSession;
use crate::app::state::AppContext;
use crate::components::reports::csv_button::CsvButton;
use crate::core::codec::csv::Table;
use crate::core::draft::compare::{compare, default_outputs, difference, Output, MAX_COMPARED};
use crate::core::draft::record::Draft;
use crate::core::plan::chain::ChainOutput;
use crate::core::text::numfmt::{format_number, Locale};
use crate::present::i18n::{pick, unit_name};

fn chain_output_name(o: ChainOutput, locale: Locale) -> &'static str {
    match (o, locale) {
        (ChainOutput::PerCapita, Locale::Vi) => "GRDP bình quân đầu người (triệu đồng)",
        (ChainOutput::PerCapita, Locale::En) => "GRDP per capita (million VND)",
        (ChainOutput::Growth, Locale::Vi) => "Tăng trưởng GRDP (%)",
        (ChainOutput::Growth, Locale::En) => "GRDP growth (%)",
        (ChainOutput::RealGrdp, Locale::Vi) => "GRDP giá so sánh (tỷ đồng)",
        (ChainOutput::RealGrdp, Locale::En) => "GRDP, constant prices (billion VND)",
        (ChainOutput::NominalGrdp, Locale::Vi) => "GRDP giá hiện hành (tỷ đồng)",
        (ChainOutput::NominalGrdp, Locale::En) => "GRDP, current prices (billion VND)",
        (ChainOutput::Investment, Locale::Vi) => "Vốn đầu tư cần (tỷ đồng)",
        (ChainOutput::Investment, Locale::En) => "Investment needed (billion VND)",
        (ChainOutput::BudgetRevenue, Locale::Vi) => "Thu ngân sách (tỷ đồng)",
        (ChainOutput::BudgetRevenue, Locale::En) => "Budget revenue (billion VND)",
    }
}

fn output_name(ctx: &AppContext, output: &Output, locale: Locale) -> String {
    match output {
        Output::Chain(c) => chain_output_name(*c, locale).to_string(),
        Output::Indicator(id) => {
            match ctx.models.get(ctx.state.with_untracked(|s| s.model_index)) {
                Some(model) => match model.indicator(id) {
                    Some(ind) => format!(
                        "{} ({})",
                        pick(&ind.name, locale),
                        unit_name(model, &ind.unit, locale)
                    ),
                    None => id.clone(),
                },
                None => id.clone(),
            }
        }
    }
}

fn t(vi: &'static str, en: &'static str, locale: Locale) -> &'static str {
    match locale {
        Locale::Vi => vi,
        Locale::En => en,
    }
}

fn signed(value: f64, locale: Locale) -> String {
    let text = format_number(value, locale, 2);
    if value > 0.0 {
        format!("+{text}")
    } else {
        text
    }
}

/// The cell text of a draft's value: "1.234,5 (+12,3; +1,01%)".
fn cell_text(base: Option<f64>, value: Option<f64>, locale: Locale) -> String {
    let Some(v) = value else {
        return "—".into();
    };
    let main = format_number(v, locale, 2);
    match difference(base, value) {
        Some(d) if d.absolute != 0.0 => match d.percent {
            Some(p) => format!(
                "{main} ({}; {}%)",
                signed(d.absolute, locale),
                signed(p, locale)
            ),
            None => format!("{main} ({})", signed(d.absolute, locale)),
        },
        _ => main,
    }
}

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
    let rows = Memo::new(move |_| {
        let model = ctx.model()?;
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
        Some(compare(model, &drafts.iter().collect::<Vec<_>>(), &shown))
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
                        {d.name.clone()}
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
                let name = output_name(&ctx, &o, locale);
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

    let header = move |locale: Locale| -> Vec<String> {
        let mut h = vec![
            t("Chỉ tiêu", "Output", locale).to_string(),
            t("Năm", "Year", locale).to_string(),
            t("Kịch bản gốc", "Base", locale).to_string(),
        ];
        h.extend(chosen_drafts.get_untracked().into_iter().map(|d| d.name));
        h
    };
    let csv_contents = Callback::new(move |()| {
        let locale = ctx.locale_untracked();
        let rows = rows.get_untracked().unwrap_or_default();
        let body = rows
            .iter()
            .map(|r| {
                let mut cells = vec![
                    output_name(&ctx, &r.output, locale),
                    r.year.to_string(),
                    r.base.map_or("—".into(), |b| format_number(b, locale, 2)),
                ];
                cells.extend(r.values.iter().map(|v| cell_text(r.base, *v, locale)));
                cells
            })
            .collect();
        (
            t("So sánh bản nháp", "Draft comparison", locale).to_string(),
            Table {
                header: header(locale),
                rows: body,
            },
        )
    });

    let table = move || {
        let locale = locale();
        let Some(rows) = rows.get() else {
            return view! {
                <p class="detail" data-testid="compare-hint">
                    {t(
                        "Chọn từ 2 đến 4 bản nháp để so sánh với kịch bản gốc.",
                        "Choose 2 to 4 drafts to compare with the base.",
                        locale,
                    )}
                </p>
            }
            .into_any();
        };
        let names = header(locale);
        let draft_ids: Vec<String> = chosen_drafts.get().into_iter().map(|d| d.id).collect();
        view! {
            <div class="table-scroll">
                <table class="compare-table" data-testid="compare-table">
                    <caption>{t("So sánh bản nháp với kịch bản gốc", "Drafts compared with the base", locale)}</caption>
                    <thead>
                        <tr>{names.into_iter().map(|n| view! { <th scope="col">{n}</th> }).collect_view()}</tr>
                    </thead>
                    <tbody>
                        {rows
                            .into_iter()
                            .map(|r| {
                                let output_id = r.output.id();
                                let name = output_name(&ctx, &r.output, locale);
                                let base_text = r.base.map_or("—".into(), |b| format_number(b, locale, 2));
                                let cells = r
                                    .values
                                    .iter()
                                    .zip(draft_ids.iter())
                                    .map(|(v, id)| {
                                        let diff = difference(r.base, *v).map(|d| d.absolute).unwrap_or(0.0);
                                        let (up, down) = (diff > 0.0, diff < 0.0);
                                        view! {
                                            <td
                                                class="num"
                                                class:diff-up=up
                                                class:diff-down=down
                                                data-testid="compare-cell"
                                                data-output=output_id.clone()
                                                data-year=r.year
                                                data-draft-id=id.clone()
                                            >
                                                {cell_text(r.base, *v, locale)}
                                            </td>
                                        }
                                    })
                                    .collect_view();
                                view! {
                                    <tr>
                                        <th scope="row">{name}</th>
                                        <td>{r.year}</td>
                                        <td class="num" data-testid="compare-base" data-output=output_id.clone() data-year=r.year>
                                            {base_text}
                                        </td>
                                        {cells}
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
            <CsvButton table="compare" caption=t("So sánh bản nháp", "Draft comparison", locale) contents=csv_contents />
        }
        .into_any()
    };

    view! {
        <details class="draft-compare" data-testid="draft-compare">
            <summary>{move || t("So sánh bản nháp", "Compare drafts", locale())}</summary>
            <fieldset>
                <legend>{move || t("Bản nháp (2–4)", "Drafts (2–4)", locale())}</legend>
                {picker}
            </fieldset>
            <fieldset>
                <legend>{move || t("Chỉ tiêu so sánh", "Outputs", locale())}</legend>
                {output_picker}
            </fieldset>
            {table}
        </details>
    }
}
