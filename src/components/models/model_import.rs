//! The import panel: a table pasted (tab-separated text, or the clipboard's HTML table),
//! a CSV file or a spreadsheet file (.xlsx, .ods, .xls: read by the sheet worker,
//! `platform::sheet_reader`, while a loading notice shows) opened, its preview built by `present::model_import`, the term and
//! province the person confirms, and the save into the model store. Nothing is saved
//! before the person presses Confirm; after saving, the page opens the new model.

use std::rc::Rc;

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use crate::app::state::AppContext;
use crate::components::models::model_files::{save_and_open, OwnModels, SaveState};
use std::collections::BTreeMap;

use crate::core::import::columns::ColumnRole;
use crate::core::import::grid::{read_delimited, read_html_table, Grid, GridError};
use crate::core::import::preview::{preview, preview_with, ImportPreview, PreviewError};
use crate::core::import::sheet::{
    check_bytes, check_size, is_spreadsheet_name, SheetError, SheetReply,
};
use crate::core::import::to_model::{to_model_file, ImportMeta};
use crate::core::model::stored::free_model_id;
use crate::core::model::Localized;
use crate::core::model::TargetKind;
use crate::core::text::numfmt::Locale;
use crate::platform::{clock, download::read_file_bytes, sheet_reader::read_spreadsheet};
use crate::present::i18n::models::{
    grid_error_text, mt, preview_error_text, sheet_error_text, to_model_error_text, ModelMsg,
};
use crate::present::model_import::{
    preview_view, role_choices, role_code, role_from_code, target_kind_choices,
    target_kind_from_code, term_guess, unit_choices, unit_from_code, Choice,
};

/// Why a pasted or opened text gives no preview.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ReadFailure {
    Grid(GridError),
    Preview(PreviewError),
    Sheet(SheetError),
}

fn failure_text(f: ReadFailure, locale: Locale) -> String {
    match f {
        ReadFailure::Grid(e) => grid_error_text(e, locale),
        ReadFailure::Preview(e) => preview_error_text(e, locale).to_string(),
        ReadFailure::Sheet(e) => sheet_error_text(e, locale),
    }
}

/// What the person gave: its name (file name, or empty for a paste), its text, the
/// clipboard's HTML when a paste carried one, and the grid of a spreadsheet file's
/// sheet with the file's sheet names and the one read.
#[derive(Clone, Debug, Default, PartialEq)]
struct Given {
    name: String,
    text: String,
    html: Option<String>,
    sheet: Option<(Grid, Vec<String>, usize)>,
}

/// A spreadsheet's grid as tab-separated text: the source kept with the model.
fn grid_source(grid: &Grid) -> String {
    grid.rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| c.text.replace(['\t', '\n'], " "))
                .collect::<Vec<_>>()
                .join("\t")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn read_grid(given: &Given) -> Result<Grid, ReadFailure> {
    if let Some((grid, _, _)) = &given.sheet {
        return Ok(grid.clone());
    }
    let from_html = given
        .html
        .as_deref()
        .filter(|h| h.to_ascii_lowercase().contains("<table"))
        .map(read_html_table);
    match from_html {
        Some(Ok(grid)) => Ok(grid),
        _ => read_delimited(&given.text).map_err(ReadFailure::Grid),
    }
}

/// The preview with the person's choices: column roles (the rows are read again) and,
/// per table row, a kind of target and a unit.
fn with_choices(
    grid: &Grid,
    guessed: ImportPreview,
    roles: &BTreeMap<usize, ColumnRole>,
    rows: &BTreeMap<usize, RowChoice>,
) -> Result<ImportPreview, ReadFailure> {
    let mut p = if roles.is_empty() {
        guessed
    } else {
        let merged: Vec<ColumnRole> = guessed
            .columns
            .iter()
            .enumerate()
            .map(|(i, c)| roles.get(&i).copied().unwrap_or(c.role))
            .collect();
        preview_with(grid, guessed.header_start, guessed.header_rows, &merged)
            .map_err(ReadFailure::Preview)?
    };
    // Pairs first: joining gives the level row the joined indicator's kind of target,
    // which a kind the person chose then overrides.
    for (row, choice) in rows {
        if let Some(joined) = choice.joined {
            p.set_joined(*row, joined);
        }
    }
    for (row, choice) in rows {
        p.set_row(*row, choice.kind, choice.unit);
    }
    Ok(p)
}

/// What the person chose for one table row.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct RowChoice {
    kind: Option<TargetKind>,
    unit: Option<&'static str>,
    /// For a level row with a growth row: one indicator or two.
    joined: Option<bool>,
}

/// The `<option>`s of a choice, the current one selected.
fn options(choices: &[Choice], current: &str) -> impl IntoView {
    choices
        .iter()
        .map(|c| view! { <option value=c.code.clone() selected=c.code == current>{c.label.clone()}</option> })
        .collect_view()
}

/// The import panel, opened by a button.
#[component]
pub fn ModelImport() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let own = expect_context::<OwnModels>();
    let (open, set_open) = signal(false);
    let (given, set_given) = signal(Given::default());
    let (failure, set_failure) = signal(None::<ReadFailure>);
    let (loading, set_loading) = signal(false);
    // The bytes of the spreadsheet file opened last, to read another of its sheets.
    let sheet_bytes = StoredValue::new_local(None::<(String, Rc<Vec<u8>>)>);
    // Each read is numbered: the answer to a file opened before the last one is dropped.
    let reads = StoredValue::new(0_u64);
    let read_sheet = move |name: String, bytes: Rc<Vec<u8>>, sheet: usize| {
        set_loading.set(true);
        reads.update_value(|n| *n = n.wrapping_add(1));
        let this_read = reads.get_value();
        read_spreadsheet(bytes, sheet, move |reply| {
            if reads.get_value() != this_read {
                return;
            }
            set_loading.set(false);
            let read = match reply {
                SheetReply::Grid(g) => Ok((g.grid, g.sheets, g.sheet)),
                SheetReply::Failed(e) => Err(e),
            };
            match read {
                Ok(sheet) => {
                    set_failure.set(None);
                    set_given.set(Given {
                        name,
                        sheet: Some(sheet),
                        ..Given::default()
                    });
                }
                Err(e) => {
                    set_given.set(Given::default());
                    set_failure.set(Some(ReadFailure::Sheet(e)));
                }
            }
        });
    };
    let grid = Memo::new(move |_| {
        given.with(|g| {
            (!g.text.trim().is_empty() || g.html.is_some() || g.sheet.is_some())
                .then(|| read_grid(g))
        })
    });
    let guessed = Memo::new(move |_| {
        grid.with(|g| {
            g.as_ref().map(|r| {
                r.clone()
                    .and_then(|g| preview(&g).map_err(ReadFailure::Preview))
            })
        })
    });
    let role_choice = RwSignal::new(BTreeMap::<usize, ColumnRole>::new());
    let row_choice = RwSignal::new(BTreeMap::<usize, RowChoice>::new());
    let read = Memo::new(move |_| {
        let guessed = guessed.get()?;
        Some(guessed.and_then(|p| {
            grid.with(|g| match g {
                Some(Ok(grid)) => with_choices(grid, p, &role_choice.get(), &row_choice.get()),
                _ => Ok(p),
            })
        }))
    });
    // A new table starts from the app's guesses again.
    Effect::new(move |_| {
        given.track();
        role_choice.set(BTreeMap::new());
        row_choice.set(BTreeMap::new());
    });
    let (province, set_province) = signal(String::new());
    let (years, set_years) = signal((String::new(), String::new(), String::new()));
    let (confirm_error, set_confirm_error) = signal(None::<String>);
    let save_state = RwSignal::new(SaveState::Idle);
    // A new preview proposes its term; the person may change it.
    Effect::new(move |_| {
        if let Some(Ok(p)) = read.get() {
            if let Some((first, last, base)) = term_guess(&p) {
                set_years.set((first.to_string(), last.to_string(), base.to_string()));
            }
        }
    });
    let on_paste = move |ev: web_sys::ClipboardEvent| {
        let html = ev
            .clipboard_data()
            .and_then(|d| d.get_data("text/html").ok())
            .filter(|h| !h.is_empty());
        set_given.update(|g| g.html = html);
    };
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        set_failure.set(None);
        set_given.update(|g| {
            g.text = text;
            g.name = String::new();
            g.sheet = None;
            if g.text.trim().is_empty() {
                g.html = None;
            }
        });
    };
    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        else {
            return;
        };
        // A file opened now replaces any spreadsheet still being read.
        reads.update_value(|n| *n = n.wrapping_add(1));
        set_loading.set(false);
        let name = file.name();
        let lower = name.to_lowercase();
        if is_spreadsheet_name(&name) {
            // Refused before reading: File.size is a whole number of bytes.
            let size = format!("{:.0}", file.size().max(0.0))
                .parse::<u64>()
                .unwrap_or(u64::MAX);
            if let Err(e) = check_size(size) {
                set_given.set(Given::default());
                set_failure.set(Some(ReadFailure::Sheet(e)));
                return;
            }
            set_failure.set(None);
            set_given.set(Given::default());
            set_loading.set(true);
            let _ = read_file_bytes(&file, move |bytes| {
                if let Err(e) = check_bytes(&bytes) {
                    set_loading.set(false);
                    set_failure.set(Some(ReadFailure::Sheet(e)));
                    return;
                }
                let bytes = Rc::new(bytes);
                sheet_bytes.set_value(Some((name.clone(), bytes.clone())));
                read_sheet(name, bytes, 0);
            });
            return;
        }
        if lower.ends_with(".json") {
            crate::components::models::model_files::import_model_file(file, own, save_state);
            return;
        }
        let _ = read_file_bytes(&file, move |bytes| {
            set_failure.set(None);
            let text = String::from_utf8_lossy(&bytes).into_owned();
            set_given.set(Given {
                name,
                text,
                ..Given::default()
            });
        });
    };
    let on_confirm = move |_| {
        let locale = ctx.locale_untracked();
        let Some(Ok(p)) = read.get_untracked() else {
            return;
        };
        let (first, last, base) = years.get_untracked();
        let parse = |s: &str| s.trim().parse::<i32>().unwrap_or(0);
        let g = given.get_untracked();
        let province_name = province.get_untracked().trim().to_string();
        let first_year = parse(&first);
        let last_year = parse(&last);
        let base_id =
            crate::core::import::to_model::model_id_for(&province_name, first_year, last_year);
        let taken = own.taken_ids();
        let taken_refs: Vec<&str> = taken.iter().map(String::as_str).collect();
        let meta = ImportMeta {
            model_id: free_model_id(&base_id, &taken_refs),
            province: province_name,
            first_year,
            last_year,
            base_year: parse(&base),
            source_name: if g.name.is_empty() {
                mt(ModelMsg::PastedTable, locale).to_string()
            } else {
                g.name.clone()
            },
            source_text: match &g.sheet {
                Some((grid, _, _)) => grid_source(grid),
                None => g.text.clone(),
            },
            imported_on: crate::core::text::calendar::iso_date(
                clock::now_ms(),
                clock::timezone_offset_minutes(),
            ),
            ungrouped_name: Localized {
                vi: mt(ModelMsg::Ungrouped, Locale::Vi).into(),
                en: mt(ModelMsg::Ungrouped, Locale::En).into(),
            },
        };
        match to_model_file(&p, &meta) {
            Ok(file) => {
                set_confirm_error.set(None);
                save_and_open(file, save_state);
            }
            Err(e) => set_confirm_error.set(Some(to_model_error_text(e, locale))),
        }
    };

    let panel = move || {
        let locale = ctx.locale();
        let preview_part = move || {
            let locale = ctx.locale();
            if loading.get() {
                return view! { <p class="notice" role="status" data-testid="model-import-loading">{mt(ModelMsg::SheetLoading, locale)}</p> }.into_any();
            }
            if let Some(f) = failure.get() {
                return view! { <p class="notice warning" role="alert" data-testid="model-import-error">{failure_text(f, locale)}</p> }.into_any();
            }
            match read.get() {
                None => ().into_any(),
                Some(Err(f)) => view! { <p class="notice warning" role="alert" data-testid="model-import-error">{failure_text(f, locale)}</p> }.into_any(),
                Some(Ok(p)) => {
                    let v = preview_view(&p, locale);
                    let choices = role_choices(&p, locale);
                    let head = p
                        .columns
                        .iter()
                        .zip(v.columns.iter())
                        .enumerate()
                        .map(|(i, (c, cv))| {
                            let current = role_code(c.role);
                            view! {
                                <th scope="col">
                                    <span class="heading">{cv.heading.clone()}</span>
                                    <label class="read-as">
                                        <span class="visually-hidden">{format!("{} {}", mt(ModelMsg::Column, locale), i + 1)}</span>
                                        <select data-testid="model-import-role" data-column=i.to_string()
                                            on:change=move |ev| {
                                                if let Some(role) = role_from_code(&event_target_value(&ev)) {
                                                    role_choice.update(|m| { m.insert(i, role); });
                                                }
                                            }>
                                            {options(&choices, &current)}
                                        </select>
                                    </label>
                                </th>
                            }
                        })
                        .collect_view();
                    let rows = v.rows.iter().map(|r| {
                        let figures = r.figures.iter().map(|f| view! { <li>{f.clone()}</li> }).collect_view();
                        view! {
                            <tr class:group-row=r.is_group data-testid="model-import-row">
                                <td>{r.row.clone()}</td>
                                <td>{r.kind}</td>
                                <th scope="row">{r.name.clone()}</th>
                                <td>{r.unit.clone()}{(!r.is_group).then(|| {
                                    let row = r.source_row;
                                    let mut units = unit_choices(locale);
                                    units.insert(0, Choice { code: String::new(), label: "—".into() });
                                    view! {
                                        <select data-testid="model-import-unit" data-row=row.to_string()
                                            aria-label=format!("{} {}", mt(ModelMsg::UnitHeading, locale), r.row)
                                            on:change=move |ev| {
                                                let unit = unit_from_code(&event_target_value(&ev));
                                                row_choice.update(|m| { m.entry(row).or_default().unit = unit; });
                                            }>
                                            {options(&units, r.unit_code)}
                                        </select>
                                    }
                                })}</td>
                                <td>{(!r.is_group).then(|| {
                                    let row = r.source_row;
                                    view! {
                                        <select data-testid="model-import-kind" data-row=row.to_string()
                                            aria-label=format!("{} {}", mt(ModelMsg::TargetKindHeading, locale), r.row)
                                            on:change=move |ev| {
                                                let kind = target_kind_from_code(&event_target_value(&ev));
                                                row_choice.update(|m| { m.entry(row).or_default().kind = kind; });
                                            }>
                                            {options(&target_kind_choices(locale), r.target_kind_code)}
                                        </select>
                                    }
                                })}</td>
                                <td><ul class="plain">{figures}</ul>{r.pair.clone().map(|pair| {
                                    let row = r.source_row;
                                    let joined = pair.joined;
                                    view! {
                                        <p class="hint" data-testid="model-import-pair" data-row=row.to_string() data-growth-row=pair.growth_row.to_string() data-joined=joined.to_string()>
                                            {pair.note}
                                            " "
                                            <button type="button" class="secondary" data-testid="model-import-pair-toggle" data-row=row.to_string()
                                                aria-pressed=joined.to_string()
                                                on:click=move |_| row_choice.update(|m| { m.entry(row).or_default().joined = Some(!joined); })>
                                                {pair.button}
                                            </button>
                                        </p>
                                    }
                                })}</td>
                            </tr>
                        }
                    }).collect_view();
                    let problems = if v.problems.is_empty() {
                        view! { <p data-testid="model-import-problems" data-count="0">{mt(ModelMsg::NoProblems, locale)}</p> }.into_any()
                    } else {
                        let count = v.problems.len().to_string();
                        let items = v.problems.iter().map(|p| view! { <li>{p.clone()}</li> }).collect_view();
                        view! {
                            <div data-testid="model-import-problems" data-count=count>
                                <h4>{mt(ModelMsg::Problems, locale)}</h4>
                                <ul>{items}</ul>
                            </div>
                        }.into_any()
                    };
                    let formula_note = v.formula_note.clone().map(|n| view! { <p class="hint" data-testid="model-import-formulas">{n}</p> });
                    let sheets = given.with(|g| g.sheet.as_ref().map(|(_, names, at)| (names.clone(), *at)));
                    let picker = sheets.filter(|(names, _)| names.len() > 1).map(|(names, at)| {
                        let options = names.into_iter().enumerate().map(|(i, n)| view! { <option value=i.to_string() selected=i == at>{n}</option> }).collect_view();
                        let on_pick = move |ev: leptos::ev::Event| {
                            let Ok(i) = event_target_value(&ev).parse::<usize>() else { return };
                            if let Some((name, bytes)) = sheet_bytes.get_value() {
                                read_sheet(name, bytes, i);
                            }
                        };
                        view! {
                            <label class="sheet-pick">{mt(ModelMsg::SheetLabel, locale)}
                                <select data-testid="model-import-sheet" on:change=on_pick>{options}</select>
                            </label>
                        }
                    });
                    view! {
                        {picker}
                        <h3>{mt(ModelMsg::PreviewHeading, locale)}</h3>
                        <p data-testid="model-import-summary">{v.summary.clone()}</p>
                        {formula_note}
                        <div class="table-scroll">
                            <table class="columns-read" data-testid="model-import-columns">
                                <caption>{mt(ModelMsg::ReadAs, locale)}</caption>
                                <thead><tr>{head}</tr></thead>
                            </table>
                        </div>
                        <div class="table-scroll">
                            <table data-testid="model-import-preview">
                                <thead><tr>
                                    <th scope="col">{mt(ModelMsg::RowHeading, locale)}</th>
                                    <th scope="col">{mt(ModelMsg::ReadAs, locale)}</th>
                                    <th scope="col">{mt(ModelMsg::NameHeading, locale)}</th>
                                    <th scope="col">{mt(ModelMsg::UnitHeading, locale)}</th>
                                    <th scope="col">{mt(ModelMsg::TargetKindHeading, locale)}</th>
                                    <th scope="col">{mt(ModelMsg::FiguresHeading, locale)}</th>
                                </tr></thead>
                                <tbody>{rows}</tbody>
                            </table>
                        </div>
                        {problems}
                        <fieldset class="import-term">
                            <label>{mt(ModelMsg::Province, locale)}
                                <input type="text" data-testid="model-import-province" prop:value=move || province.get()
                                    on:input=move |ev| set_province.set(event_target_value(&ev)) />
                            </label>
                            <label>{mt(ModelMsg::FirstYear, locale)}
                                <input type="text" inputmode="numeric" data-testid="model-import-first-year" prop:value=move || years.get().0
                                    on:input=move |ev| set_years.update(|y| y.0 = event_target_value(&ev)) />
                            </label>
                            <label>{mt(ModelMsg::LastYear, locale)}
                                <input type="text" inputmode="numeric" data-testid="model-import-last-year" prop:value=move || years.get().1
                                    on:input=move |ev| set_years.update(|y| y.1 = event_target_value(&ev)) />
                            </label>
                            <label>{mt(ModelMsg::BaseYear, locale)}
                                <input type="text" inputmode="numeric" data-testid="model-import-base-year" prop:value=move || years.get().2
                                    on:input=move |ev| set_years.update(|y| y.2 = event_target_value(&ev)) />
                            </label>
                        </fieldset>
                        <p class="hint">{mt(ModelMsg::NothingSavedYet, locale)}</p>
                        <button type="button" data-testid="model-import-confirm" on:click=on_confirm>{mt(ModelMsg::Confirm, locale)}</button>
                    }.into_any()
                }
            }
        };
        view! {
            <section class="model-import" aria-labelledby="model-import-heading" data-testid="model-import">
                <h2 id="model-import-heading">{mt(ModelMsg::ImportHeading, locale)}</h2>
                <p class="hint">{mt(ModelMsg::ImportHint, locale)}</p>
                <label class="paste">
                    <span>{mt(ModelMsg::PasteLabel, locale)}</span>
                    <textarea data-testid="model-import-paste" rows="6" on:paste=on_paste on:input=on_input
                        prop:value=move || given.get().text></textarea>
                </label>
                <label class="file">
                    <span>{mt(ModelMsg::FileLabel, locale)}</span>
                    <input type="file" data-testid="model-import-file" accept=".csv,.tsv,.txt,.json,.xlsx,.xlsm,.xls,.ods" on:change=on_file />
                </label>
                {preview_part}
                {move || confirm_error.get().map(|e| view! { <p class="notice warning" role="alert" data-testid="model-import-error">{e}</p> })}
                {move || save_state.get().text(ctx.locale()).map(|(kind, text)| view! { <p class="notice" role="status" data-testid="model-save-status" data-kind=kind>{text}</p> })}
            </section>
        }
    };

    view! {
        <button type="button" class="secondary" data-testid="model-import-open" aria-expanded=move || open.get().to_string()
            on:click=move |_| set_open.update(|o| *o = !*o)>
            {move || mt(if open.get() { ModelMsg::ImportClose } else { ModelMsg::ImportOpen }, ctx.locale())}
        </button>
        {move || open.get().then(panel)}
    }
}
