//! Reactive state of the drafts: which drafts exist, which one is open, whether it is
//! saved, and the health of browser storage. It keeps the open draft and the view
//! state's typed texts in step, autosaves (debounced, flushed when the page is hidden
//! or closed) and follows other tabs through `storage` events.
//!
//! Storage goes through `crate::platform::storage` only; the rules (record format, stale-tab
//! decision, reminders) are in `core::draft::record` and `core::draft::storage_policy`. A stale tab,
//! a read-only draft or an unreadable record is never written over.

use std::collections::BTreeSet;
use std::time::Duration;

use leptos::prelude::*;

use crate::app::state::{Action, AppContext, ScenarioTexts};
use crate::core::draft::record::{
    draft_from_body, draft_record, save_decision, stored_state, Draft, DraftError, Entry, ModelRef,
    Overrides, SaveDecision,
};
use crate::core::draft::storage_policy::{
    draft_id, draft_key, meta_from_json, meta_to_json, nearly_full, stored_units, Meta,
    DRAFT_PREFIX, KEY_PREFIX, META_KEY,
};
use crate::core::model::Model;
use crate::core::text::numfmt::Locale;
use crate::platform::clock;
use crate::platform::storage::{
    request_persistence, LocalStore, Protection, StoreError, Unavailable,
};
use crate::present::i18n::pick;

/// Milliseconds of quiet after an edit before it is saved.
pub const AUTOSAVE_DELAY_MS: u64 = 600;
/// Storage use (UTF-16 units) from which capacity is measured: a tenth of the smallest
/// common quota (5 Mi units).
pub const PROBE_FROM_UNITS: u64 = 512 * 1024;

/// Longest an edit waits during continuous typing before it is saved anyway.
pub const AUTOSAVE_MAX_WAIT_MS: i64 = 5_000;

/// What the last save attempt of the open draft gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing to save yet.
    Idle,
    /// Edits wait for the autosave.
    Pending,
    /// Saved at this time (ms since the epoch).
    Saved(i64),
    /// Kept in memory only: storage is unavailable.
    MemoryOnly,
    /// The last write failed; the work is in memory and the previous save untouched.
    Failed(StoreError),
    /// Another tab saved a newer revision: this tab does not write until the person
    /// chooses.
    Conflict(u64),
    /// The draft is read-only (from a newer version of the app).
    ReadOnly,
}

/// A stored record that cannot be opened; it is set aside, never overwritten, and
/// offered for download.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetAside {
    /// Its storage key.
    pub key: String,
    /// The text as stored.
    pub raw: String,
    /// Why it cannot be opened.
    pub error: DraftError,
}

/// The open draft as last saved or loaded, with the name and note being edited.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenDraft {
    /// The draft as last saved (or loaded).
    pub saved: Draft,
    /// The name as being edited.
    pub name: String,
    /// The note as being edited.
    pub note: String,
    /// Whether it has ever been written to storage (a draft opened from a link has
    /// not).
    pub stored: bool,
    /// Read-only: written by a newer version of the app.
    pub read_only: bool,
}

/// Everything the drafts UI reads and the actions it takes. `Copy`, shared by context.
#[derive(Clone, Copy)]
pub struct DraftSession {
    ctx: AppContext,
    store: Option<LocalStore>,
    /// Why storage is unavailable (the app then works in memory).
    pub unavailable: Signal<Option<Unavailable>>,
    /// Every readable draft, of every model, newest change first.
    pub drafts: RwSignal<Vec<Draft>>,
    /// Ids of drafts written by a newer version of the app (read-only).
    pub read_only_ids: RwSignal<BTreeSet<String>>,
    /// Records that cannot be opened.
    pub set_aside: RwSignal<Vec<SetAside>>,
    /// The open draft.
    pub open: RwSignal<Option<OpenDraft>>,
    /// Save status of the open draft.
    pub status: RwSignal<SaveStatus>,
    /// The last deleted draft, for undo.
    pub deleted: RwSignal<Option<Draft>>,
    /// Whether the browser promised to keep storage.
    pub protection: RwSignal<Protection>,
    /// Metadata (last export, capacity).
    pub meta: RwSignal<Meta>,
    /// Storage is past 80 % of its measured capacity.
    pub nearly_full: RwSignal<bool>,
    /// Whether the open draft has edits not yet written.
    pub dirty: Memo<bool>,
    /// Every text typed in the workbench, changing only when one does.
    texts: Memo<ScenarioTexts>,
    edit_generation: StoredValue<u64>,
    pending_since: StoredValue<Option<i64>>,
}

/// The texts of a draft's overrides, each entry written by `text` (as typed, or as it
/// reads in the page's language).
fn overrides_texts(overrides: &Overrides, text: impl Fn(&Entry) -> String) -> ScenarioTexts {
    ScenarioTexts {
        scenario: overrides
            .scenario
            .iter()
            .map(|(k, e)| (k.clone(), text(e)))
            .collect(),
        start_years: overrides.start_years.clone(),
        chain: overrides.chain.iter().map(|(k, e)| (*k, text(e))).collect(),
    }
}

/// The texts as saved.
fn saved_texts(overrides: &Overrides) -> ScenarioTexts {
    overrides_texts(overrides, |e| e.text.clone())
}

/// The reference a draft keeps to its model.
pub fn model_ref(model: &Model) -> ModelRef {
    ModelRef {
        id: model.id.clone(),
        province: pick(&model.province, Locale::Vi).to_string(),
        first_year: model.term.first_year,
        last_year: model.term.last_year,
        data_version: model.data_version.clone(),
    }
}

/// What reading every stored record gave.
struct Scan {
    drafts: Vec<Draft>,
    read_only: BTreeSet<String>,
    set_aside: Vec<SetAside>,
    /// Units this app's keys use (drafts and metadata), counted on the same pass.
    used_units: u64,
}

fn scan(store: &LocalStore) -> Scan {
    let mut out = Scan {
        drafts: Vec::new(),
        read_only: BTreeSet::new(),
        set_aside: Vec::new(),
        used_units: 0,
    };
    for key in store.keys_with_prefix(KEY_PREFIX) {
        let Ok(Some(raw)) = store.read(&key) else {
            continue;
        };
        out.used_units = out.used_units.saturating_add(stored_units(&key, &raw));
        if draft_id(&key).is_none() {
            continue;
        }
        match read_record(&raw) {
            Ok((draft, newer)) => {
                if newer {
                    out.read_only.insert(draft.id.clone());
                }
                // A record whose id differs from its key is still shown; saves go to
                // the key of its id, so the odd record is never overwritten.
                out.drafts.push(draft);
            }
            Err(error) => out.set_aside.push(SetAside { key, raw, error }),
        }
    }
    out.drafts.sort_by_key(|d| std::cmp::Reverse(d.changed_ms));
    out
}

/// Reads a stored record; a record from a newer version is read as far as this version
/// understands it, and flagged (`true`) so it opens read-only.
fn read_record(raw: &str) -> Result<(Draft, bool), DraftError> {
    match crate::core::draft::record::draft_from_json(raw) {
        Ok(read) => Ok((read.draft, false)),
        Err(DraftError::NewerVersion(v)) => {
            let value: serde_json::Value =
                serde_json::from_str(raw).map_err(|e| DraftError::NotJson(e.to_string()))?;
            let body = value
                .get("draft")
                .cloned()
                .ok_or(DraftError::NewerVersion(v))?;
            // Best effort only: what this version cannot read stays set aside.
            draft_from_body(body)
                .map(|read| (read.draft, true))
                .map_err(|_| DraftError::NewerVersion(v))
        }
        Err(e) => Err(e),
    }
}

impl DraftSession {
    /// Opens storage, reads every draft, and wires autosave and tab sync.
    pub fn start(ctx: AppContext) -> Self {
        let opened = LocalStore::open();
        let (store, unavailable) = match opened {
            Ok(s) => (Some(s), None),
            Err(e) => (None, Some(e)),
        };
        let open: RwSignal<Option<OpenDraft>> = RwSignal::new(None);
        let texts = Memo::new(move |_| ctx.state.with(ScenarioTexts::of));
        let dirty = Memo::new(move |_| {
            texts.with(|texts| {
                open.with(|o| match o {
                    Some(o) => {
                        o.name != o.saved.name
                            || o.note != o.saved.note
                            || *texts != saved_texts(&o.saved.overrides)
                    }
                    None => texts.has_assumptions(),
                })
            })
        });
        let session = DraftSession {
            ctx,
            store,
            unavailable: Signal::stored(unavailable),
            drafts: RwSignal::new(Vec::new()),
            read_only_ids: RwSignal::new(BTreeSet::new()),
            set_aside: RwSignal::new(Vec::new()),
            open,
            status: RwSignal::new(SaveStatus::Idle),
            deleted: RwSignal::new(None),
            protection: RwSignal::new(Protection::Unknown),
            meta: RwSignal::new(Meta::default()),
            nearly_full: RwSignal::new(false),
            dirty,
            texts,
            edit_generation: StoredValue::new(0),
            pending_since: StoredValue::new(None),
        };
        session.refresh();
        if let Some(store) = store {
            if let Ok(Some(text)) = store.read(META_KEY) {
                session.meta.set(meta_from_json(&text));
            }
        }
        session.open_initial();
        session.wire();
        let protection = session.protection;
        request_persistence(move |p| protection.set(p));
        session
    }

    /// Whether drafts are kept in browser storage (not only in memory).
    pub fn persistent(&self) -> bool {
        self.store.is_some()
    }

    /// Re-reads the list of drafts from storage (memory-only: keeps the list).
    pub fn refresh(&self) {
        let Some(store) = self.store else { return };
        let found = scan(&store);
        self.drafts.set(found.drafts);
        self.read_only_ids.set(found.read_only);
        self.set_aside.set(found.set_aside);
        let capacity = self.meta.with_untracked(|m| m.capacity_units);
        self.nearly_full
            .set(nearly_full(found.used_units, capacity));
    }

    /// Drafts of the shown model, newest change first.
    pub fn drafts_of_model(&self) -> Vec<Draft> {
        let Some(model) = self.ctx.model() else {
            return Vec::new();
        };
        self.drafts.with(|all| {
            all.iter()
                .filter(|d| d.model.id == model.id)
                .cloned()
                .collect()
        })
    }

    /// A draft of the list by id (untracked).
    fn find(&self, id: &str) -> Option<Draft> {
        self.drafts
            .with_untracked(|all| all.iter().find(|d| d.id == id).cloned())
    }

    /// The most recently changed draft of a model (the list is kept newest first).
    fn newest_of_model(&self, model_id: Option<&str>) -> Option<Draft> {
        self.drafts.with_untracked(|all| {
            all.iter()
                .find(|d| Some(d.model.id.as_str()) == model_id)
                .cloned()
        })
    }

    fn open_initial(&self) {
        let wanted = self.ctx.state.with_untracked(|s| s.draft.clone());
        let model_id = self
            .ctx
            .models
            .get(self.ctx.state.with_untracked(|s| s.model_index))
            .map(|m| m.id.clone());
        let by_id = wanted.and_then(|id| self.find(&id));
        let typed = self.texts.get_untracked();
        let chosen = match by_id {
            Some(d) => Some(d),
            // A link that carries typed inputs opens the stored draft that says the
            // same (a reload that outran the URL update), or opens as typed: the first
            // edit then makes it a new draft, and no stored draft is touched.
            None if typed.has_assumptions() => self.drafts.with_untracked(|all| {
                all.iter()
                    .find(|d| {
                        Some(&d.model.id) == model_id.as_ref() && saved_texts(&d.overrides) == typed
                    })
                    .cloned()
            }),
            None => self.newest_of_model(model_id.as_deref()),
        };
        match chosen {
            Some(d) => self.load(d, true),
            None => self.ctx.state.update(|s| s.draft = None),
        }
    }

    /// Puts a draft's texts into the view and makes it the open draft.
    fn load(&self, draft: Draft, stored: bool) {
        let locale = self.ctx.locale_untracked();
        let read_only = self
            .read_only_ids
            .with_untracked(|ids| ids.contains(&draft.id));
        // Texts shown in another language than they were typed in count as saved.
        let mut saved = draft.clone();
        for e in saved
            .overrides
            .scenario
            .values_mut()
            .chain(saved.overrides.chain.values_mut())
        {
            e.text = e.text_in(locale);
        }
        let texts = saved_texts(&saved.overrides);
        self.open.set(Some(OpenDraft {
            name: draft.name.clone(),
            note: draft.note.clone(),
            saved,
            stored,
            read_only,
        }));
        self.status.set(if read_only {
            SaveStatus::ReadOnly
        } else if self.store.is_none() {
            SaveStatus::MemoryOnly
        } else if stored {
            SaveStatus::Saved(draft.changed_ms)
        } else {
            SaveStatus::Idle
        });
        self.ctx.dispatch(Action::LoadDraft {
            id: stored.then(|| draft.id.clone()),
            texts,
        });
    }

    fn wire(&self) {
        let this = *self;
        // Every change of the typed texts, name or note (re)schedules a save.
        Effect::new(move |_| {
            // Reading (not just tracking) makes the lazy memo compute, and so subscribe
            // to the state it depends on.
            this.texts.with(|_| ());
            this.open
                .with(|o| o.as_ref().map(|o| (o.name.len(), o.note.len())));
            if this.dirty.get_untracked() {
                this.schedule_save();
            }
        });
        // Switching model: save the open draft, then open the newest of the new model.
        let model_index = self.ctx.model_index;
        Effect::new(move |previous: Option<usize>| {
            let index = model_index.get();
            if previous.is_some_and(|p| p != index) {
                this.flush();
                let model_id = this.ctx.models.get(index).map(|m| m.id.as_str());
                match this.newest_of_model(model_id) {
                    Some(d) => this.load(d, true),
                    None => this.close(),
                }
            }
            index
        });
        // Another tab changed storage (this tab gets no event for its own writes).
        let storage = window_event_listener(leptos::ev::storage, move |e| {
            let key = e.key();
            let ours = key
                .as_deref()
                .is_none_or(|k| k.starts_with(DRAFT_PREFIX) || k == META_KEY);
            if ours {
                this.sync_from_storage();
            }
        });
        // Hidden tabs write nothing more: flush when hidden, re-read when shown.
        let visibility = window_event_listener(leptos::ev::visibilitychange, move |_| {
            if document().hidden() {
                this.flush();
            } else {
                this.sync_from_storage();
            }
        });
        let pagehide = window_event_listener(leptos::ev::pagehide, move |_| this.flush());
        on_cleanup(move || {
            storage.remove();
            visibility.remove();
            pagehide.remove();
        });
    }

    fn schedule_save(&self) {
        let generation = self.edit_generation.get_value().wrapping_add(1);
        self.edit_generation.set_value(generation);
        if self.pending_since.get_value().is_none() {
            self.pending_since.set_value(Some(clock::now_ms()));
        }
        if !matches!(
            self.status.get_untracked(),
            SaveStatus::Conflict(_) | SaveStatus::ReadOnly | SaveStatus::Failed(_)
        ) {
            self.status.set(SaveStatus::Pending);
        }
        let this = *self;
        set_timeout(
            move || {
                let quiet = this.edit_generation.get_value() == generation;
                let waited_long = this
                    .pending_since
                    .get_value()
                    .is_some_and(|since| clock::now_ms() - since >= AUTOSAVE_MAX_WAIT_MS);
                if (quiet || waited_long) && !document().hidden() && this.dirty.get_untracked() {
                    this.save_now();
                }
            },
            Duration::from_millis(AUTOSAVE_DELAY_MS),
        );
    }

    /// Saves at once if there is anything to save (page hidden or closing, switching).
    pub fn flush(&self) {
        if self.dirty.get_untracked() {
            self.save_now();
        }
    }

    /// Writes unsaved edits before the page reloads into a new version; `false` when
    /// edits remain that storage did not take (memory only, full, another tab's newer
    /// save), so the caller asks before reloading.
    pub fn flush_for_reload(&self) -> bool {
        self.flush();
        let dirty = self.dirty.get_untracked();
        !dirty
            || (self.store.is_some() && matches!(self.status.get_untracked(), SaveStatus::Saved(_)))
    }

    fn current_model_ref(&self) -> Option<ModelRef> {
        self.ctx
            .models
            .get(self.ctx.state.with_untracked(|s| s.model_index))
            .map(model_ref)
    }

    /// Writes the open draft now (creating one when texts were typed with none open).
    pub fn save_now(&self) {
        if matches!(
            self.status.get_untracked(),
            SaveStatus::Conflict(_) | SaveStatus::ReadOnly
        ) {
            return;
        }
        let now = clock::now_ms();
        self.pending_since.set_value(None);
        let locale = self.ctx.locale_untracked();
        let texts = self.texts.get_untracked();
        let open = match self.open.get_untracked() {
            Some(o) => o,
            None => {
                if !texts.has_assumptions() {
                    return;
                }
                let Some(model) = self.current_model_ref() else {
                    return;
                };
                let draft = Draft {
                    id: clock::new_id(),
                    name: default_name(now, locale),
                    model,
                    created_ms: now,
                    changed_ms: now,
                    ..Draft::default()
                };
                OpenDraft {
                    name: draft.name.clone(),
                    note: String::new(),
                    saved: draft,
                    stored: false,
                    read_only: false,
                }
            }
        };
        if open.read_only {
            self.status.set(SaveStatus::ReadOnly);
            return;
        }
        let mut draft = Draft {
            name: open.name.clone(),
            note: open.note.clone(),
            changed_ms: now,
            overrides: Overrides::from_texts(
                &texts.scenario,
                &texts.start_years,
                &texts.chain,
                locale,
            ),
            ..open.saved.clone()
        };
        if let Some(model) = self.current_model_ref().filter(|m| m.id == draft.model.id) {
            draft.model = model;
        }
        let outcome = match self.store {
            None => {
                self.status.set(SaveStatus::MemoryOnly);
                Ok(())
            }
            Some(store) => {
                let key = draft_key(&draft.id);
                let stored = match store.read(&key) {
                    Ok(text) => stored_state(text.as_deref()),
                    Err(_) => crate::core::draft::record::StoredState::Unwritable,
                };
                match save_decision(stored, draft.revision) {
                    SaveDecision::Write(revision) => {
                        draft.revision = revision;
                        match draft_record(&draft) {
                            Ok(record) => store.write(&key, &record),
                            Err(_) => Err(StoreError::Write(
                                crate::core::draft::storage_policy::WriteFailure::Other,
                            )),
                        }
                    }
                    SaveDecision::Stale { stored } => {
                        self.status.set(SaveStatus::Conflict(stored));
                        return;
                    }
                    SaveDecision::Protected => {
                        self.status.set(SaveStatus::ReadOnly);
                        return;
                    }
                }
            }
        };
        match outcome {
            Ok(()) => {
                let stored = self.store.is_some();
                self.open.set(Some(OpenDraft {
                    name: draft.name.clone(),
                    note: draft.note.clone(),
                    saved: draft.clone(),
                    stored,
                    read_only: false,
                }));
                if stored {
                    self.status.set(SaveStatus::Saved(now));
                    self.check_capacity();
                }
                self.drafts.update(|all| {
                    all.retain(|d| d.id != draft.id);
                    all.insert(0, draft.clone());
                });
                if self
                    .ctx
                    .state
                    .with_untracked(|s| s.draft.as_ref() != Some(&draft.id))
                {
                    self.ctx.state.update(|s| s.draft = Some(draft.id.clone()));
                }
            }
            Err(e) => self.status.set(SaveStatus::Failed(e)),
        }
    }

    /// Re-reads storage after another tab wrote: refreshes the list, and reloads the
    /// open draft when it has no unsaved edits; with unsaved edits, the tab stops
    /// writing and asks (reliability cases B1, B2, B3, B6).
    pub fn sync_from_storage(&self) {
        self.refresh();
        let Some(open) = self.open.get_untracked() else {
            return;
        };
        if !open.stored {
            return;
        }
        let newer = self.drafts.with_untracked(|all| {
            all.iter()
                .find(|d| d.id == open.saved.id && d.revision > open.saved.revision)
                .cloned()
        });
        if let Some(newer) = newer {
            if self.dirty.get_untracked() {
                self.status.set(SaveStatus::Conflict(newer.revision));
            } else {
                self.load(newer, true);
            }
        }
    }

    /// Conflict: take the other tab's version, dropping this tab's unsaved edits.
    pub fn take_stored_version(&self) {
        let Some(id) = self
            .open
            .with_untracked(|o| o.as_ref().map(|o| o.saved.id.clone()))
        else {
            return;
        };
        self.refresh();
        let stored = self.find(&id);
        self.status.set(SaveStatus::Idle);
        match stored {
            Some(d) => self.load(d, true),
            None => self.close(),
        }
    }

    /// Conflict or read-only: keep this tab's version as a new draft.
    pub fn keep_mine_as_copy(&self, suffix: &str) {
        let Some(mut open) = self.open.get_untracked() else {
            return;
        };
        let now = clock::now_ms();
        open.saved = Draft {
            id: clock::new_id(),
            created_ms: now,
            revision: 0,
            ..open.saved
        };
        open.name = format!("{}{suffix}", open.name);
        open.stored = false;
        open.read_only = false;
        self.open.set(Some(open));
        self.status.set(SaveStatus::Pending);
        self.save_now();
    }

    /// Closes the open draft (saving it first) and clears the workbench.
    pub fn close(&self) {
        self.open.set(None);
        self.status.set(SaveStatus::Idle);
        self.ctx.dispatch(Action::LoadDraft {
            id: None,
            texts: ScenarioTexts::default(),
        });
    }

    /// Opens another draft, saving the open one first.
    pub fn switch_to(&self, id: &str) {
        self.flush();
        let found = self.find(id);
        if let Some(d) = found {
            self.status.set(SaveStatus::Idle);
            self.load(d, self.store.is_some());
        }
    }

    /// Starts a new, empty draft of the shown model and saves it.
    pub fn create(&self) {
        self.flush();
        let Some(model) = self.current_model_ref() else {
            return;
        };
        let now = clock::now_ms();
        let draft = Draft {
            id: clock::new_id(),
            name: default_name(now, self.ctx.locale_untracked()),
            model,
            created_ms: now,
            changed_ms: now,
            ..Draft::default()
        };
        self.status.set(SaveStatus::Idle);
        self.load(draft, false);
        self.save_now();
    }

    /// Copies the open draft into a new one and opens it.
    pub fn duplicate(&self, suffix: &str) {
        self.flush();
        if self.open.with_untracked(Option::is_some) {
            self.status.set(SaveStatus::Idle);
            self.keep_mine_as_copy(suffix);
        }
    }

    /// Opens a draft that is not stored yet (from a link or a file), unsaved: it is
    /// written on the first edit or when the person saves it.
    pub fn open_unsaved(&self, draft: Draft) {
        self.flush();
        self.status.set(SaveStatus::Idle);
        self.load(draft, false);
    }

    /// Renames the open draft.
    pub fn rename(&self, name: String) {
        self.open.update(|o| {
            if let Some(o) = o {
                o.name = name;
            }
        });
    }

    /// Changes the note of the open draft.
    pub fn set_note(&self, note: String) {
        self.open.update(|o| {
            if let Some(o) = o {
                o.note = note;
            }
        });
    }

    /// Deletes a draft from storage, keeping it for undo.
    pub fn delete(&self, id: &str) {
        let found = self.find(id);
        let Some(draft) = found else { return };
        if let Some(store) = self.store {
            store.remove(&draft_key(id));
        }
        self.drafts.update(|all| all.retain(|d| d.id != id));
        if self
            .open
            .with_untracked(|o| o.as_ref().is_some_and(|o| o.saved.id == id))
        {
            self.close();
        }
        self.deleted.set(Some(draft));
        self.refresh();
    }

    /// Puts the last deleted draft back and opens it.
    pub fn undo_delete(&self) {
        let Some(draft) = self.deleted.get_untracked() else {
            return;
        };
        self.deleted.set(None);
        self.flush();
        let restored = Draft {
            revision: 0,
            ..draft
        };
        self.status.set(SaveStatus::Idle);
        self.load(restored, false);
        // The texts are the draft's own, so force the write.
        self.open.update(|o| {
            if let Some(o) = o {
                o.saved.overrides = Overrides::default();
            }
        });
        self.save_now();
    }

    /// Stores a draft read from a file as a new record (its id is free: `plan_import`
    /// made sure), without opening it. In memory-only mode it joins the list.
    pub fn add_imported(&self, draft: Draft) {
        let mut draft = Draft {
            revision: 0,
            ..draft
        };
        if let Some(store) = self.store {
            let key = draft_key(&draft.id);
            let stored = store
                .read(&key)
                .map(|t| stored_state(t.as_deref()))
                .unwrap_or(crate::core::draft::record::StoredState::Unwritable);
            if let SaveDecision::Write(revision) = save_decision(stored, 0) {
                draft.revision = revision;
                let written = draft_record(&draft)
                    .map_err(|_| StoreError::Read)
                    .and_then(|record| store.write(&key, &record));
                if let Err(e) = written {
                    self.status.set(SaveStatus::Failed(e));
                    return;
                }
            }
        }
        self.drafts.update(|all| {
            all.retain(|d| d.id != draft.id);
            all.push(draft);
            all.sort_by_key(|d| std::cmp::Reverse(d.changed_ms));
        });
    }

    /// Removes a record that could not be opened, when the person asks.
    pub fn discard_set_aside(&self, key: &str) {
        if draft_id(key).is_some() {
            if let Some(store) = self.store {
                store.remove(key);
            }
        }
        self.refresh();
    }

    /// Records that drafts were exported now.
    pub fn mark_exported(&self) {
        let now = clock::now_ms();
        self.meta.update(|m| m.last_export_ms = Some(now));
        if let Some(store) = self.store {
            // Losing this only brings the reminder back early.
            let _ = store.write_text(META_KEY, &meta_to_json(&self.meta.get_untracked()));
        }
    }

    /// After a save: warns when storage is nearly full. The capacity is measured once
    /// per origin, and only once drafts use [`PROBE_FROM_UNITS`]: the probe briefly
    /// fills storage, which small use never needs (reliability case A12).
    fn check_capacity(&self) {
        let Some(store) = self.store else { return };
        let used = store.used_units();
        match self.meta.with_untracked(|m| m.capacity_units) {
            Some(capacity) => self.nearly_full.set(nearly_full(used, Some(capacity))),
            None if used >= PROBE_FROM_UNITS => self.measure_capacity_once(),
            None => {}
        }
    }

    /// Measures storage capacity once per origin (reliability case A12).
    pub fn measure_capacity_once(&self) {
        let Some(store) = self.store else { return };
        if self.meta.with_untracked(|m| m.capacity_units.is_some()) {
            return;
        }
        let used = store.used_units();
        let capacity = used.saturating_add(store.probe_free_units());
        self.meta.update(|m| m.capacity_units = Some(capacity));
        let _ = store.write_text(META_KEY, &meta_to_json(&self.meta.get_untracked()));
        self.nearly_full.set(nearly_full(used, Some(capacity)));
    }

    /// The drafts to export: every draft of the shown model, with the open draft as
    /// it is on screen (unsaved edits included).
    pub fn drafts_for_export(&self) -> Vec<Draft> {
        let mut list = self.drafts_of_model();
        if let Some(current) = self.current_draft() {
            list.retain(|d| d.id != current.id);
            list.insert(0, current);
        }
        list
    }

    /// The open draft as it is on screen, unsaved edits included.
    pub fn current_draft(&self) -> Option<Draft> {
        let open = self.open.get_untracked()?;
        let texts = self.texts.get_untracked();
        let locale = self.ctx.locale_untracked();
        Some(Draft {
            name: open.name,
            note: open.note,
            overrides: Overrides::from_texts(
                &texts.scenario,
                &texts.start_years,
                &texts.chain,
                locale,
            ),
            ..open.saved
        })
    }
}

/// The name of a new draft: "Bản nháp 22/11/2026 17:30".
pub fn default_name(now_ms: i64, locale: Locale) -> String {
    crate::present::dates::new_draft_name(now_ms, clock::timezone_offset_minutes(), locale)
}
