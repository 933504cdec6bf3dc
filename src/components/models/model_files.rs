//! Own models around the dashboard: the context that knows which models are the
//! person's ([`OwnModels`]), saving a new model and opening it, opening a model file,
//! downloading the open model as a file, and the notices for stored models that were
//! set aside.
//!
//! A model saved here is opened by reloading the page on `?mo=<id>`: the app reads the
//! model store once at start (`components::shell::app`), so every component keeps its
//! `&'static` models and a new model is never half-shown. For the same reason a model
//! saved in another tab (told on the broadcast channel, `core::model::store_policy`) is
//! announced with a reload button rather than swapped in; this tab's copy of it is then
//! stale and the store refuses to write it. A model the store refused (full, stale,
//! protected) is offered for download at once, and own models not downloaded for a
//! while get the drafts' export reminder.

use std::cell::RefCell;

use leptos::prelude::*;

use crate::app::drafts::DraftSession;
use crate::app::state::AppContext;
use crate::core::draft::session::Protection;
use crate::core::model::catalog::{shipped_texts, UNITS_JSON};
use crate::core::model::file::{read_model_file, write_model_file, ModelFile, ModelFileError};
use crate::core::model::raw::{RawFragment, RawModel};
use crate::core::model::store_policy::{
    model_export_reminder, on_saved_elsewhere, ElsewhereAction,
};
use crate::core::model::stored::{free_model_id, SetAsideModel, SetAsideReason};
use crate::core::text::numfmt::Locale;
use crate::platform::clock;
use crate::platform::download::{download_text, read_file_bytes};
use crate::platform::model_store::{self, ModelStoreError};
use crate::present::i18n::models::{model_file_error_text, mt, ModelMsg};
use crate::present::i18n::pick;

/// Which models are the person's, with their files, and what was set aside at start.
#[derive(Clone, Copy)]
pub struct OwnModels {
    /// Files of the person's models, by model id.
    pub files: StoredValue<Vec<(String, ModelFile)>>,
    /// Ids of every model open (shipped and own).
    pub all_ids: StoredValue<Vec<String>>,
    /// Stored records that did not load.
    pub set_aside: StoredValue<Vec<SetAsideModel>>,
    /// Set when the model store could not be read at start.
    pub store_error: StoredValue<Option<ModelStoreError>>,
    /// Published model files (or the list) that could not be fetched or read.
    pub published_problems: StoredValue<Vec<String>>,
    /// True when the start-up reads took too long and only shipped models are shown.
    pub timed_out: bool,
}

impl OwnModels {
    /// Every id in use, and the keys of set-aside records (never written over).
    pub fn taken_ids(&self) -> Vec<String> {
        let mut ids = self.all_ids.get_value();
        self.set_aside
            .with_value(|list| ids.extend(list.iter().map(|s| s.key.clone())));
        ids
    }
}

/// Where saving a model stands.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    /// Nothing asked.
    Idle,
    /// Writing.
    Saving,
    /// Written; the page is opening the model.
    Opening,
    /// The store refused.
    Failed(ModelStoreError),
    /// A model file could not be read.
    BadFile(ModelFileError),
}

impl SaveState {
    /// The notice to show (kind, text), if any.
    pub fn text(&self, locale: Locale) -> Option<(&'static str, String)> {
        let m = |msg| mt(msg, locale).to_string();
        match self {
            SaveState::Idle => None,
            SaveState::Saving => Some(("saving", m(ModelMsg::Saving))),
            SaveState::Opening => Some(("saved", m(ModelMsg::SavedOpening))),
            SaveState::Failed(ModelStoreError::Unavailable) => {
                Some(("failed", m(ModelMsg::StoreUnavailable)))
            }
            SaveState::Failed(ModelStoreError::Quota) => Some(("failed", m(ModelMsg::StoreFull))),
            SaveState::Failed(ModelStoreError::Mismatch) => {
                Some(("failed", m(ModelMsg::StoreMismatch)))
            }
            SaveState::Failed(ModelStoreError::Stale { .. }) => {
                Some(("failed", m(ModelMsg::StoreStale)))
            }
            SaveState::Failed(ModelStoreError::Protected) => {
                Some(("failed", m(ModelMsg::StoreProtected)))
            }
            SaveState::Failed(ModelStoreError::Other(_)) => {
                Some(("failed", m(ModelMsg::StoreFailed)))
            }
            SaveState::BadFile(e) => Some(("bad-file", model_file_error_text(e, locale))),
        }
    }
}

/// A model file the store refused: (file name, text).
type Unsaved = RwSignal<Option<(String, String)>>;

thread_local! {
    /// Where a model the store refused is kept for download (set by [`ModelFiles`]).
    static UNSAVED: RefCell<Option<Unsaved>> = const { RefCell::new(None) };
}

/// Keeps a model the store refused (file name, pretty text) for the download button.
fn keep_unsaved(file: &ModelFile) {
    let Some(text) = write_model_file(file) else {
        return;
    };
    let name = format!("{}.json", file.model.id);
    if let Some(slot) = UNSAVED.with(|u| *u.borrow()) {
        slot.set(Some((name, text)));
    }
}

/// Writes `file` to the model store over the revision this tab has and, once it reads
/// back, opens it. A refused write keeps the file for download.
pub fn save_and_open(file: ModelFile, state: RwSignal<SaveState>) {
    // The compact form is what the store keeps (README "Own models").
    let Ok(text) = serde_json::to_string(&file) else {
        state.set(SaveState::Failed(ModelStoreError::Other(
            "serialise".into(),
        )));
        return;
    };
    let id = file.model.id.clone();
    state.set(SaveState::Saving);
    leptos::task::spawn_local(async move {
        match model_store::write(&id, &text).await {
            Ok(()) => {
                state.set(SaveState::Opening);
                let location = window().location();
                let _ = location.set_search(&format!("?mo={id}"));
            }
            Err(e) => {
                keep_unsaved(&file);
                state.set(SaveState::Failed(e));
            }
        }
    });
}

/// Reads a chosen model file, validates it, gives it a free id if its own is taken,
/// and saves and opens it. A file that does not read is reported, nothing is written.
pub fn import_model_file(file: web_sys::File, own: OwnModels, state: RwSignal<SaveState>) {
    let _ = read_file_bytes(&file, move |bytes| {
        match read_model_file(&bytes, UNITS_JSON) {
            Ok((mut model_file, _)) => {
                let taken = own.taken_ids();
                let refs: Vec<&str> = taken.iter().map(String::as_str).collect();
                model_file.model.id = free_model_id(&model_file.model.id, &refs);
                save_and_open(model_file, state);
            }
            Err(e) => state.set(SaveState::BadFile(e)),
        }
    });
}

/// The file of a model: the person's own, or a shipped one made from its data files.
pub fn file_of(model_id: &str, own: OwnModels) -> Option<ModelFile> {
    if let Some(f) = own.files.with_value(|files| {
        files
            .iter()
            .find(|(id, _)| id == model_id)
            .map(|(_, f)| f.clone())
    }) {
        return Some(f);
    }
    let texts = shipped_texts().iter().find(|texts| {
        texts.folder == model_id
            || serde_json::from_str::<RawModel>(&texts.model).is_ok_and(|m| m.id == model_id)
    })?;
    let model: RawModel = serde_json::from_str(&texts.model).ok()?;
    let fragments: Option<Vec<RawFragment>> = texts
        .fragments
        .iter()
        .map(|(_, t)| serde_json::from_str(t).ok())
        .collect();
    Some(ModelFile::from_parts(model, fragments?))
}

/// The download button for the open model, and the notices of set-aside models.
#[component]
pub fn ModelFiles() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let own = expect_context::<OwnModels>();
    let unsaved = RwSignal::new(None::<(String, String)>);
    UNSAVED.with(|u| *u.borrow_mut() = Some(unsaved));
    // Another tab saved a model: what it means here is decided in core.
    let elsewhere = RwSignal::new(ElsewhereAction::Nothing);
    model_store::listen_to_other_tabs(move |saved| {
        let open = untrack(|| ctx.model().map(|m| m.id.clone()));
        let action = on_saved_elsewhere(
            &saved,
            open.as_deref(),
            model_store::known_revision(&saved.id),
        );
        // The stronger warning stays once given.
        if action != ElsewhereAction::Nothing
            && elsewhere.get_untracked() != ElsewhereAction::OpenModelChanged
        {
            elsewhere.set(action);
        }
    });
    let protected = use_context::<DraftSession>()
        .map(|s| s.protection.get_untracked() == Protection::Protected)
        .unwrap_or(false);
    let reminder = RwSignal::new(
        model_export_reminder(clock::now_ms(), &model_store::known_records(), protected).is_some(),
    );
    let on_export = move |_| {
        let Some(model) = ctx.model() else { return };
        if let Some(text) = file_of(&model.id, own).as_ref().and_then(write_model_file) {
            let name = format!(
                "{} {}-{}.json",
                pick(&model.province, Locale::Vi),
                model.term.first_year,
                model.term.last_year
            );
            if download_text(&name, "application/json", &text).is_ok() {
                let id = model.id.clone();
                leptos::task::spawn_local(async move {
                    // Only the reminder depends on it: a failure changes nothing else.
                    let _ = model_store::mark_exported(&id, clock::now_ms()).await;
                    reminder.set(
                        model_export_reminder(
                            clock::now_ms(),
                            &model_store::known_records(),
                            protected,
                        )
                        .is_some(),
                    );
                });
            }
        }
    };
    let reload = move |_| {
        let _ = window().location().reload();
    };
    let set_aside = move || {
        let locale = ctx.locale();
        own.set_aside.with_value(|list| {
            list.iter()
                .map(|s| {
                    let reason = match &s.reason {
                        SetAsideReason::Unreadable(e) => model_file_error_text(e, locale),
                        SetAsideReason::IdTaken => s.key.clone(),
                    };
                    let text = s.text.clone();
                    let key = s.key.clone();
                    view! {
                        <p class="notice warning" role="alert" data-testid="model-set-aside">
                            {mt(ModelMsg::ModelSetAside, locale)} " " {key.clone()} " — " {reason} " "
                            <button type="button" on:click=move |_| { let _ = download_text(&format!("{key}.json"), "application/json", &text); }>
                                {mt(ModelMsg::ExportModel, locale)}
                            </button>
                        </p>
                    }
                })
                .collect_view()
        })
    };
    view! {
        {set_aside}
        {move || unsaved.get().map(|(name, text)| view! {
            <p class="notice warning" role="alert" data-testid="model-unsaved">
                <button type="button" data-testid="model-download-unsaved" on:click=move |_| { let _ = download_text(&name, "application/json", &text); }>
                    {mt(ModelMsg::DownloadUnsaved, ctx.locale())}
                </button>
            </p>
        })}
        {move || {
            let (testid, msg) = match elsewhere.get() {
                ElsewhereAction::Nothing => return None,
                ElsewhereAction::ListChanged => ("models-changed-elsewhere", ModelMsg::ListChangedElsewhere),
                ElsewhereAction::OpenModelChanged => ("model-changed-elsewhere", ModelMsg::ChangedElsewhere),
            };
            Some(view! {
                <p class="notice warning" role="alert" data-testid=testid>
                    {mt(msg, ctx.locale())} " "
                    <button type="button" data-testid="models-reload" on:click=reload>{mt(ModelMsg::ReloadPage, ctx.locale())}</button>
                </p>
            })
        }}
        {move || reminder.get().then(|| view! { <p class="notice" role="status" data-testid="model-export-reminder">{mt(ModelMsg::ModelExportReminder, ctx.locale())}</p> })}
        {move || own.store_error.get_value().map(|_| view! { <p class="notice warning" role="status" data-testid="model-store-unavailable">{mt(ModelMsg::StoreUnavailable, ctx.locale())}</p> })}
        {move || own.timed_out.then(|| view! { <p class="notice warning" role="status" data-testid="models-timed-out">{mt(ModelMsg::StartupTimedOut, ctx.locale())}</p> })}
        {move || {
            let files = own.published_problems.get_value();
            (!files.is_empty()).then(|| view! {
                <p class="notice warning" role="status" data-testid="published-problems">
                    {mt(ModelMsg::PublishedUnreadable, ctx.locale())} " " {files.join(", ")}
                </p>
            })
        }}
        <button type="button" class="secondary" data-testid="model-export" on:click=on_export>
            {move || mt(ModelMsg::ExportModel, ctx.locale())}
        </button>
    }
}
