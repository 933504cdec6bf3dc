//! The model editor: opened by a button beside the import panel, it edits the open
//! model's file through `core::model::edit` (each edit validated whole, one undo step
//! per edit), lists the chosen indicator's figures with their sources and which vintage
//! counts (`present::model_editor`), and saves through `save_and_open` with a new data
//! revision. A shipped model is saved as the person's own copy under a free id; the
//! shipped one is never changed and stays in the model picker.

use leptos::prelude::*;

use crate::app::state::AppContext;
use crate::components::models::model_files::{file_of, save_and_open, OwnModels, SaveState};
use crate::core::model::catalog::UNITS_JSON;
use crate::core::model::edit::{next_data_version, own_copy, History, ModelEdit};
use crate::core::text::calendar::iso_date;
use crate::platform::clock;
use crate::present::i18n::editor::{et, EditorMsg};
use crate::present::i18n::models::{edit_error_text, mt, ModelMsg};
use crate::present::model_editor::{
    comparator_of, direction_of, editor_view, form_error_text, read_figure_form,
    read_indicator_form, read_target_form, target_kind_of, Choice, FigureForm, IndicatorForm,
    TargetForm,
};

fn options(choices: &[Choice], current: &str) -> impl IntoView {
    choices
        .iter()
        .map(|c| {
            let selected = c.value == current;
            view! { <option value=c.value.clone() selected=selected>{c.label.clone()}</option> }
        })
        .collect_view()
}

/// The editor of the open model, opened by a button.
#[component]
pub fn ModelEditor() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let own = expect_context::<OwnModels>();
    let history = RwSignal::new(None::<History>);
    let is_own = RwSignal::new(false);
    let selected = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let name = RwSignal::new(String::new());
    let unit = RwSignal::new(String::new());
    let base_year = RwSignal::new(String::new());
    let form = RwSignal::new(FigureForm {
        kind: "actual".into(),
        ..FigureForm::default()
    });
    let save_state = RwSignal::new(SaveState::Idle);
    let new_indicator = RwSignal::new(IndicatorForm {
        better: "higher".into(),
        target_kind: "level".into(),
        ..IndicatorForm::default()
    });
    let target_form = RwSignal::new(TargetForm::default());

    let view_model = Memo::new(move |_| {
        let locale = ctx.locale();
        history.with(|h| {
            let h = h.as_ref()?;
            let model = h.present.to_model(UNITS_JSON).ok()?;
            let view = selected.with(|s| editor_view(&model, s.as_deref(), locale));
            Some((view, h.can_undo()))
        })
    });
    // The chosen indicator's fields follow the file.
    Effect::new(move |_| {
        if let Some((v, _)) = view_model.get() {
            if let Some(s) = &v.selected {
                name.set(s.name.clone());
                unit.set(s.unit.clone());
            }
            base_year.set(v.base_year.clone());
        }
    });

    let toggle = move |_| {
        if history.with_untracked(Option::is_some) {
            history.set(None);
            return;
        }
        let Some(model) = ctx.model() else { return };
        let Some(file) = file_of(&model.id, own) else {
            return;
        };
        is_own.set(
            own.files
                .with_value(|f| f.iter().any(|(id, _)| *id == model.id)),
        );
        selected.set(None);
        error.set(None);
        history.set(Some(History::new(file)));
    };

    let edit = move |e: ModelEdit| {
        let locale = ctx.locale_untracked();
        let mut result = Ok(());
        history.update(|h| {
            if let Some(h) = h.as_mut() {
                result = h.apply(&e);
            }
        });
        error.set(result.err().map(|e| edit_error_text(&e, locale)));
    };
    let current = move || {
        view_model
            .get_untracked()
            .and_then(|(v, _)| v.selected.map(|s| s.id))
    };
    let on_rename = move |_| {
        if let Some(indicator) = current() {
            edit(ModelEdit::Rename {
                indicator,
                vi: name.get_untracked(),
                en: String::new(),
            });
        }
    };
    let on_unit = move |_| {
        if let Some(indicator) = current() {
            edit(ModelEdit::SetUnit {
                indicator,
                unit: unit.get_untracked().trim().to_string(),
            });
        }
    };
    let on_base_year = move |_| {
        let locale = ctx.locale_untracked();
        match base_year.get_untracked().trim().parse::<i32>() {
            Ok(year) => edit(ModelEdit::SetBaseYear { year }),
            Err(_) => error.set(Some(
                form_error_text(crate::present::model_editor::FormError::Period, locale)
                    .to_string(),
            )),
        }
    };
    let on_remove = move |_| {
        if let Some(indicator) = current() {
            edit(ModelEdit::Remove { indicator });
            selected.set(None);
        }
    };
    let on_add_figure = move |_| {
        let locale = ctx.locale_untracked();
        let Some(indicator) = current() else { return };
        let read = history.with_untracked(|h| {
            let model = h.as_ref()?.present.to_model(UNITS_JSON).ok()?;
            Some(form.with_untracked(|f| read_figure_form(&model, &indicator, f)))
        });
        match read {
            Some(Ok(figure)) => {
                edit(ModelEdit::AddFigure(figure));
                if error.get_untracked().is_none() {
                    form.update(|f| {
                        f.value.clear();
                        f.quote.clear();
                    });
                }
            }
            Some(Err(e)) => error.set(Some(form_error_text(e, locale).to_string())),
            None => {}
        }
    };
    let on_add_indicator = move |_| {
        let locale = ctx.locale_untracked();
        let read = history.with_untracked(|h| {
            let model = h.as_ref()?.present.to_model(UNITS_JSON).ok()?;
            let (groups, units) = view_model
                .get_untracked()
                .map(|(v, _)| (v.groups, v.units))
                .unwrap_or_default();
            // An untouched chooser shows its first option: that is the choice.
            let mut f = new_indicator.get_untracked();
            if f.group.is_empty() {
                f.group = groups.first().map(|c| c.value.clone()).unwrap_or_default();
            }
            if f.unit.is_empty() {
                f.unit = units.first().map(|c| c.value.clone()).unwrap_or_default();
            }
            Some(read_indicator_form(&model, &f))
        });
        match read {
            Some(Ok((id, add))) => {
                edit(add);
                if error.get_untracked().is_none() {
                    selected.set(Some(id));
                    new_indicator.update(|f| f.name.clear());
                }
            }
            Some(Err(e)) => error.set(Some(form_error_text(e, locale).to_string())),
            None => {}
        }
    };
    let on_set_target = move |_| {
        let locale = ctx.locale_untracked();
        let Some(indicator) = current() else { return };
        let read = history.with_untracked(|h| {
            let model = h.as_ref()?.present.to_model(UNITS_JSON).ok()?;
            Some(target_form.with_untracked(|f| read_target_form(&model, &indicator, f)))
        });
        match read {
            Some(Ok(set)) => {
                edit(set);
                if error.get_untracked().is_none() {
                    target_form.update(|f| f.value.clear());
                }
            }
            Some(Err(e)) => error.set(Some(form_error_text(e, locale).to_string())),
            None => {}
        }
    };
    let on_undo = move |_| {
        history.update(|h| {
            if let Some(h) = h.as_mut() {
                h.undo();
            }
        });
        error.set(None);
    };
    let on_save = move |_| {
        let Some(mut file) = history.with_untracked(|h| h.as_ref().map(|h| h.present.clone()))
        else {
            return;
        };
        if !is_own.get_untracked() {
            let taken = own.taken_ids();
            let refs: Vec<&str> = taken.iter().map(String::as_str).collect();
            file = own_copy(&file, &refs);
        }
        let today = iso_date(clock::now_ms(), clock::timezone_offset_minutes());
        file.model.data_version = next_data_version(&file.model.data_version, &today);
        save_and_open(file, save_state);
    };

    let panel = move || {
        let (v, can_undo) = view_model.get()?;
        let locale = ctx.locale();
        let sel = v.selected.clone();
        let current_id = sel.as_ref().map(|s| s.id.clone()).unwrap_or_default();
        let fields = sel.map(|s| {
            let figures = s
                .figures
                .iter()
                .map(|f| {
                    view! {
                        <li data-testid="model-edit-figure" data-vintage=f.vintage>
                            <span class="figure">{f.text.clone()}</span>
                            " — "
                            <span class="source" data-testid="model-edit-figure-source">{f.source.clone()}</span>
                            {(!f.vintage_text.is_empty()).then(|| view! { " " <span class="vintage">"(" {f.vintage_text} ")"</span> })}
                        </li>
                    }
                })
                .collect_view();
            let id_dir = s.id.clone();
            let id_kind = s.id.clone();
            let id_group = s.id.clone();
            let id_comparator = s.id.clone();
            view! {
                <fieldset class="edit-indicator">
                    <label>{mt(ModelMsg::EditName, locale)}
                        <input type="text" data-testid="model-edit-indicator-name" prop:value=move || name.get()
                            on:input=move |ev| name.set(event_target_value(&ev)) />
                    </label>
                    <button type="button" data-testid="model-edit-rename" on:click=on_rename>{mt(ModelMsg::EditRename, locale)}</button>
                    <label>{mt(ModelMsg::EditGroup, locale)}
                        <select data-testid="model-edit-group" on:change=move |ev| edit(ModelEdit::MoveToGroup { indicator: id_group.clone(), group: event_target_value(&ev) })>
                            {options(&v.groups, &s.group)}
                        </select>
                    </label>
                    <label>{mt(ModelMsg::EditDirection, locale)}
                        <select data-testid="model-edit-direction" on:change=move |ev| {
                            if let Some(better) = direction_of(&event_target_value(&ev)) {
                                edit(ModelEdit::SetDirection { indicator: id_dir.clone(), better });
                            }
                        }>
                            {options(&v.directions, s.better)}
                        </select>
                    </label>
                    <label>{mt(ModelMsg::EditTargetKind, locale)}
                        <select data-testid="model-edit-target-kind" on:change=move |ev| {
                            if let Some(kind) = target_kind_of(&event_target_value(&ev)) {
                                edit(ModelEdit::SetTargetKind { indicator: id_kind.clone(), kind });
                            }
                        }>
                            {options(&v.target_kinds, s.target_kind)}
                        </select>
                    </label>
                    <label>{et(EditorMsg::Comparator, locale)}
                        <select data-testid="model-edit-comparator" on:change=move |ev| {
                            if let Some(comparator) = comparator_of(&event_target_value(&ev)) {
                                edit(ModelEdit::SetComparator { indicator: id_comparator.clone(), comparator });
                            }
                        }>
                            {options(&v.comparators, s.comparator)}
                        </select>
                    </label>
                    <label>{mt(ModelMsg::EditUnit, locale)}
                        <input type="text" data-testid="model-edit-unit" prop:value=move || unit.get()
                            on:input=move |ev| unit.set(event_target_value(&ev)) />
                    </label>
                    <button type="button" class="secondary" data-testid="model-edit-unit-apply" on:click=on_unit>{mt(ModelMsg::EditApply, locale)}</button>
                    <button type="button" class="secondary" data-testid="model-edit-remove" on:click=on_remove>{mt(ModelMsg::EditRemove, locale)}</button>
                </fieldset>
                <fieldset class="edit-target" data-testid="model-edit-target-form">
                    <legend>{et(EditorMsg::TermTargetHeading, locale)}</legend>
                    <label>{et(EditorMsg::TermTargetValue, locale)}
                        <input type="text" data-testid="model-edit-target-value" prop:value=move || target_form.get().value
                            on:input=move |ev| target_form.update(|f| f.value = event_target_value(&ev)) />
                    </label>
                    <label>{et(EditorMsg::TermTargetSourceTitle, locale)}
                        <input type="text" data-testid="model-edit-target-source-title" prop:value=move || target_form.get().title
                            on:input=move |ev| target_form.update(|f| f.title = event_target_value(&ev)) />
                    </label>
                    <label>{et(EditorMsg::TermTargetSourceDate, locale)}
                        <input type="text" data-testid="model-edit-target-source-date" placeholder="2025-10-01" prop:value=move || target_form.get().date
                            on:input=move |ev| target_form.update(|f| f.date = event_target_value(&ev)) />
                    </label>
                    <label>{et(EditorMsg::TermTargetSourceQuote, locale)}
                        <input type="text" data-testid="model-edit-target-source-quote" prop:value=move || target_form.get().quote
                            on:input=move |ev| target_form.update(|f| f.quote = event_target_value(&ev)) />
                    </label>
                    <button type="button" data-testid="model-edit-set-target" on:click=on_set_target>{et(EditorMsg::TermTargetSet, locale)}</button>
                </fieldset>
                <h3>{mt(ModelMsg::EditFiguresHeading, locale)}</h3>
                <ul class="plain" data-testid="model-edit-figures">{figures}</ul>
                <fieldset class="edit-figure" data-testid="model-edit-figure-form">
                    <legend>{mt(ModelMsg::EditAddFigureHeading, locale)}</legend>
                    <label>{mt(ModelMsg::EditYear, locale)}
                        <input type="text" data-testid="model-edit-figure-year" prop:value=move || form.get().period
                            on:input=move |ev| form.update(|f| f.period = event_target_value(&ev)) />
                    </label>
                    <label>{mt(ModelMsg::EditKind, locale)}
                        <select data-testid="model-edit-figure-kind" on:change=move |ev| form.update(|f| f.kind = event_target_value(&ev))>
                            {options(&v.figure_kinds, &form.get_untracked().kind)}
                        </select>
                    </label>
                    <label>{mt(ModelMsg::EditValue, locale)}
                        <input type="text" data-testid="model-edit-figure-value" prop:value=move || form.get().value
                            on:input=move |ev| form.update(|f| f.value = event_target_value(&ev)) />
                    </label>
                    <label>{mt(ModelMsg::EditSourceTitle, locale)}
                        <input type="text" data-testid="model-edit-source-title" prop:value=move || form.get().title
                            on:input=move |ev| form.update(|f| f.title = event_target_value(&ev)) />
                    </label>
                    <label>{mt(ModelMsg::EditSourceDate, locale)}
                        <input type="text" data-testid="model-edit-source-date" placeholder="2026-02-20" prop:value=move || form.get().date
                            on:input=move |ev| form.update(|f| f.date = event_target_value(&ev)) />
                    </label>
                    <label>{mt(ModelMsg::EditSourceQuote, locale)}
                        <input type="text" data-testid="model-edit-source-quote" prop:value=move || form.get().quote
                            on:input=move |ev| form.update(|f| f.quote = event_target_value(&ev)) />
                    </label>
                    <button type="button" data-testid="model-edit-add-figure" on:click=on_add_figure>{mt(ModelMsg::EditAddFigure, locale)}</button>
                </fieldset>
            }
        });
        Some(view! {
            <section class="model-editor" aria-labelledby="model-editor-heading" data-testid="model-editor">
                <h2 id="model-editor-heading">{mt(ModelMsg::EditHeading, locale)}</h2>
                {(!is_own.get()).then(|| view! { <p class="hint" data-testid="model-edit-shipped-note">{mt(ModelMsg::EditShippedNote, locale)}</p> })}
                <p class="hint">{mt(ModelMsg::EditRevision, locale)} ": " <span data-testid="model-edit-revision">{v.revision.clone()}</span></p>
                <label>{mt(ModelMsg::EditIndicator, locale)}
                    <select data-testid="model-edit-indicator" on:change=move |ev| selected.set(Some(event_target_value(&ev)))>
                        {options(&v.indicators, &current_id)}
                    </select>
                </label>
                {fields}
                <fieldset class="edit-new-indicator" data-testid="model-edit-new-indicator">
                    <legend>{et(EditorMsg::NewIndicatorHeading, locale)}</legend>
                    <label>{et(EditorMsg::NewIndicatorName, locale)}
                        <input type="text" data-testid="model-edit-new-name" prop:value=move || new_indicator.get().name
                            on:input=move |ev| new_indicator.update(|f| f.name = event_target_value(&ev)) />
                    </label>
                    <label>{et(EditorMsg::NewIndicatorGroup, locale)}
                        <select data-testid="model-edit-new-group" on:change=move |ev| new_indicator.update(|f| f.group = event_target_value(&ev))>
                            {options(&v.groups, &new_indicator.get_untracked().group)}
                        </select>
                    </label>
                    <label>{et(EditorMsg::NewIndicatorUnit, locale)}
                        <select data-testid="model-edit-new-unit" on:change=move |ev| new_indicator.update(|f| f.unit = event_target_value(&ev))>
                            {options(&v.units, &new_indicator.get_untracked().unit)}
                        </select>
                    </label>
                    <label>{et(EditorMsg::NewIndicatorDirection, locale)}
                        <select data-testid="model-edit-new-direction" on:change=move |ev| new_indicator.update(|f| f.better = event_target_value(&ev))>
                            {options(&v.directions, &new_indicator.get_untracked().better)}
                        </select>
                    </label>
                    <label>{et(EditorMsg::NewIndicatorTargetKind, locale)}
                        <select data-testid="model-edit-new-target-kind" on:change=move |ev| new_indicator.update(|f| f.target_kind = event_target_value(&ev))>
                            {options(&v.target_kinds, &new_indicator.get_untracked().target_kind)}
                        </select>
                    </label>
                    <button type="button" data-testid="model-edit-add-indicator" on:click=on_add_indicator>{mt(ModelMsg::EditAddIndicator, locale)}</button>
                </fieldset>
                <fieldset class="edit-term">
                    <label>{mt(ModelMsg::EditBaseYear, locale)}
                        <input type="text" inputmode="numeric" data-testid="model-edit-base-year" prop:value=move || base_year.get()
                            on:input=move |ev| base_year.set(event_target_value(&ev)) />
                    </label>
                    <button type="button" class="secondary" data-testid="model-edit-base-year-apply" on:click=on_base_year>{mt(ModelMsg::EditApply, locale)}</button>
                </fieldset>
                {move || error.get().map(|e| view! { <p class="notice warning" role="alert" data-testid="model-edit-error">{e}</p> })}
                {can_undo.then(|| view! { <p class="hint" data-testid="model-edit-unsaved">{mt(ModelMsg::EditUnsaved, locale)}</p> })}
                <div class="edit-actions">
                    <button type="button" class="secondary" data-testid="model-edit-undo" disabled=!can_undo on:click=on_undo>{mt(ModelMsg::EditUndo, locale)}</button>
                    <button type="button" data-testid="model-edit-save" disabled=!can_undo on:click=on_save>{mt(ModelMsg::EditSave, locale)}</button>
                </div>
                {move || save_state.get().text(ctx.locale()).map(|(kind, text)| view! { <p class="notice" role="status" data-testid="model-edit-save-status" data-kind=kind>{text}</p> })}
            </section>
        })
    };

    view! {
        <button type="button" class="secondary" data-testid="model-edit-open" aria-expanded=move || history.with(Option::is_some).to_string()
            on:click=toggle>
            {move || mt(if history.with(Option::is_some) { ModelMsg::EditClose } else { ModelMsg::EditOpen }, ctx.locale())}
        </button>
        {panel}
    }
}
