//! Reactive wiring of the drafts: signals for the list, the save status and storage
//! health, timers for the autosave, and the browser events (`storage` from other tabs,
//! `visibilitychange`, `pagehide`). Every decision (save or not, stale tab, autosave
//! timing, what a read gave, a record that vanished) is made by the pure
//! `core::draft::session`; this module only feeds it and applies its answers.
//!
//! The open draft lives in `ViewState::draft` alone and changes only through
//! `Action`s dispatched here. Storage goes through `crate::platform::storage` (the
//! `Store` trait); a stale tab, a read-only draft or an unreadable record is never
//! written over.

use std::collections::BTreeSet;
use std::time::Duration;

use leptos::prelude::*;

use crate::app::state::{Action, AppContext, ScenarioTexts};
use crate::core::draft::record::{Draft, ModelRef, Overrides};
use crate::core::draft::session::{
    capacity_step, initial_draft, is_dirty, newest_of_model, safe_to_reload, save, save_imported,
    scan, status_after_save, status_on_open, sync_decision, used_units, with_current_model,
    Autosave, CapacityStep, OpenDraft, Protection, SaveOutcome, SaveStatus, SetAside, Store,
    SyncDecision, Unavailable, AUTOSAVE_DELAY_MS,
};
use crate::core::draft::storage_policy::{
    draft_id, draft_key, meta_from_json, meta_to_json, nearly_full, Meta, DRAFT_PREFIX, META_KEY,
};
use crate::core::model::Model;
use crate::core::text::numfmt::Locale;
use crate::platform::clock;
use crate::platform::storage::{request_persistence, LocalStore};
use crate::present::i18n::pick;

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
    /// The open draft, as `ViewState::draft` holds it (read-only view of it).
    pub open: Memo<Option<OpenDraft>>,
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
    autosave: StoredValue<Autosave>,
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

impl DraftSession {
    /// Opens storage, reads every draft, and wires autosave and tab sync.
    pub fn start(ctx: AppContext) -> Self {
        let (store, unavailable) = match LocalStore::open() {
            Ok(s) => (Some(s), None),
            Err(e) => (None, Some(e)),
        };
        let open = Memo::new(move |_| ctx.state.with(|s| s.draft.clone()));
        let texts = Memo::new(move |_| ctx.state.with(ScenarioTexts::of));
        let dirty =
            Memo::new(move |_| texts.with(|texts| open.with(|o| is_dirty(o.as_ref(), texts))));
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
            autosave: StoredValue::new(Autosave::default()),
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

    /// The open draft, without subscribing.
    fn open_untracked(&self) -> Option<OpenDraft> {
        self.ctx.state.with_untracked(|s| s.draft.clone())
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

    fn shown_model_id(&self) -> Option<String> {
        self.ctx
            .models
            .get(self.ctx.state.with_untracked(|s| s.model_index))
            .map(|m| m.id.clone())
    }

    fn open_initial(&self) {
        let wanted = self.ctx.state.with_untracked(|s| s.linked_draft.clone());
        let model_id = self.shown_model_id();
        let typed = self.texts.get_untracked();
        let chosen = self.drafts.with_untracked(|all| {
            initial_draft(all, wanted.as_deref(), model_id.as_deref(), &typed).cloned()
        });
        match chosen {
            Some(d) => self.load(d, true),
            // Nothing to open: the typed texts stay, no draft is open.
            None => self.ctx.dispatch(Action::LoadDraft {
                draft: None,
                texts: Box::new(typed),
            }),
        }
    }

    /// Puts a draft's texts into the view and makes it the open draft.
    fn load(&self, draft: Draft, stored: bool) {
        let read_only = self
            .read_only_ids
            .with_untracked(|ids| ids.contains(&draft.id));
        let (open, texts) =
            OpenDraft::opened(draft, stored, read_only, self.ctx.locale_untracked());
        self.show(open, texts);
    }

    /// Makes `open` the open draft with `texts` on screen.
    fn show(&self, open: OpenDraft, texts: ScenarioTexts) {
        self.status.set(status_on_open(&open, self.persistent()));
        self.ctx.dispatch(Action::LoadDraft {
            draft: Some(open),
            texts: Box::new(texts),
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
                let newest = this
                    .drafts
                    .with_untracked(|all| newest_of_model(all, model_id).cloned());
                match newest {
                    Some(d) => this.load(d, true),
                    None => this.close(),
                }
            }
            index
        });
        // Another tab changed storage (this tab gets no event for its own writes); a
        // `null` key is `localStorage.clear()` by another page.
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
        let mut autosave = self.autosave.get_value();
        let ticket = autosave.edited(clock::now_ms());
        self.autosave.set_value(autosave);
        let status = self.status.get_untracked();
        let next = status.after_edit();
        if next != status {
            self.status.set(next);
        }
        let this = *self;
        set_timeout(
            move || {
                let due = this.autosave.get_value().due(
                    ticket,
                    clock::now_ms(),
                    document().hidden(),
                    this.dirty.get_untracked(),
                );
                if due {
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
        safe_to_reload(
            self.dirty.get_untracked(),
            self.persistent(),
            &self.status.get_untracked(),
        )
    }

    fn current_model_ref(&self) -> Option<ModelRef> {
        self.ctx
            .models
            .get(self.ctx.state.with_untracked(|s| s.model_index))
            .map(model_ref)
    }

    /// A new, never written draft of the shown model.
    fn new_draft(&self, now: i64) -> Option<OpenDraft> {
        let model = self.current_model_ref()?;
        let draft = Draft {
            id: clock::new_id(),
            name: default_name(now, self.ctx.locale_untracked()),
            model,
            created_ms: now,
            changed_ms: now,
            ..Draft::default()
        };
        Some(OpenDraft {
            name: draft.name.clone(),
            saved: draft,
            ..OpenDraft::default()
        })
    }

    /// Writes the open draft now (creating one when texts were typed with none open).
    pub fn save_now(&self) {
        if !self.status.get_untracked().may_write() {
            return;
        }
        let now = clock::now_ms();
        self.autosave.update_value(Autosave::saving);
        let texts = self.texts.get_untracked();
        let open = match self.open_untracked() {
            Some(o) => o,
            None if texts.has_assumptions() => match self.new_draft(now) {
                Some(o) => o,
                None => return,
            },
            None => return,
        };
        if open.read_only {
            self.status.set(SaveStatus::ReadOnly);
            return;
        }
        let draft = with_current_model(
            open.current(&texts, self.ctx.locale_untracked(), now),
            self.current_model_ref(),
        );
        // The figures it relies on, so that a newer revision can say which changed.
        let draft = crate::core::draft::relied::with_relied(
            draft,
            self.ctx
                .models
                .get(self.ctx.state.with_untracked(|s| s.model_index)),
        );
        let outcome = save(self.store.as_ref(), draft);
        self.status
            .set(status_after_save(&outcome, now, open.vanished));
        if let SaveOutcome::Saved(draft) | SaveOutcome::KeptInMemory(draft) = outcome {
            self.drafts.update(|all| {
                all.retain(|d| d.id != draft.id);
                all.insert(0, draft.clone());
            });
            self.ctx.dispatch(Action::DraftSaved(draft));
            if self.persistent() {
                self.check_capacity();
            }
        }
    }

    /// Re-reads storage after another tab wrote: refreshes the list, and reloads the
    /// open draft when it has no unsaved edits; with unsaved edits, the tab stops
    /// writing and asks (reliability cases B1, B2, B3, B6). When the open draft's
    /// record vanished (another page cleared storage), it is written back.
    pub fn sync_from_storage(&self) {
        self.refresh();
        let open = self.open_untracked();
        let dirty = self.dirty.get_untracked();
        let decision = self
            .drafts
            .with_untracked(|all| sync_decision(self.store.as_ref(), open.as_ref(), dirty, all));
        match decision {
            SyncDecision::Nothing => {}
            SyncDecision::Reload(newer) => self.load(*newer, true),
            SyncDecision::Conflict(revision) => self.status.set(SaveStatus::Conflict(revision)),
            SyncDecision::Vanished => {
                // Unsaved from now on, never "saved"; even a conflict is over, since
                // the other tab's version vanished too and this tab holds the only copy.
                self.ctx.dispatch(Action::DraftVanished);
                self.status.set(SaveStatus::Pending);
                self.save_now();
            }
        }
    }

    /// Conflict: take the other tab's version, dropping this tab's unsaved edits.
    pub fn take_stored_version(&self) {
        let Some(id) = self.open_untracked().map(|o| o.saved.id) else {
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
        let Some(open) = self.open_untracked() else {
            return;
        };
        let copy = open.copy(clock::new_id(), clock::now_ms(), suffix);
        self.ctx.dispatch(Action::ReplaceOpenDraft(copy));
        self.status.set(SaveStatus::Pending);
        self.save_now();
    }

    /// Closes the open draft (saving it first) and clears the workbench.
    pub fn close(&self) {
        self.status.set(SaveStatus::Idle);
        self.ctx.dispatch(Action::LoadDraft {
            draft: None,
            texts: Box::default(),
        });
    }

    /// Opens another draft, saving the open one first.
    pub fn switch_to(&self, id: &str) {
        self.flush();
        if let Some(d) = self.find(id) {
            self.status.set(SaveStatus::Idle);
            self.load(d, self.persistent());
        }
    }

    /// Starts a new, empty draft of the shown model and saves it.
    pub fn create(&self) {
        self.flush();
        let Some(open) = self.new_draft(clock::now_ms()) else {
            return;
        };
        self.show(open, ScenarioTexts::default());
        self.save_now();
    }

    /// Copies the open draft into a new one and opens it.
    pub fn duplicate(&self, suffix: &str) {
        self.flush();
        if self.open_untracked().is_some() {
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
        self.ctx.dispatch(Action::RenameDraft(name));
    }

    /// Changes the note of the open draft.
    pub fn set_note(&self, note: String) {
        self.ctx.dispatch(Action::SetDraftNote(note));
    }

    /// Deletes a draft from storage, keeping it for undo.
    pub fn delete(&self, id: &str) {
        let Some(draft) = self.find(id) else { return };
        if let Some(store) = self.store {
            store.remove(&draft_key(id));
        }
        self.drafts.update(|all| all.retain(|d| d.id != id));
        if self.open_untracked().is_some_and(|o| o.saved.id == id) {
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
        let (mut open, texts) =
            OpenDraft::opened(restored, false, false, self.ctx.locale_untracked());
        // The texts are the draft's own, so mark them unsaved to force the write.
        open.saved.overrides = Overrides::default();
        self.status.set(SaveStatus::Idle);
        self.show(open, texts);
        self.save_now();
    }

    /// Stores a draft read from a file as a new record (its id is free: `plan_import`
    /// made sure), without opening it. In memory-only mode it joins the list.
    pub fn add_imported(&self, draft: Draft) {
        match save_imported(self.store.as_ref(), draft) {
            Ok(draft) => self.drafts.update(|all| {
                all.retain(|d| d.id != draft.id);
                all.push(draft);
                all.sort_by_key(|d| std::cmp::Reverse(d.changed_ms));
            }),
            Err(e) => self.status.set(SaveStatus::Failed(e)),
        }
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
            let _ = store.write(META_KEY, &meta_to_json(&self.meta.get_untracked()));
        }
    }

    /// After a save: warns when storage is nearly full. The capacity is measured once
    /// per origin, and only once drafts use `PROBE_FROM_UNITS`: the probe briefly
    /// fills storage, which small use never needs (reliability case A12).
    fn check_capacity(&self) {
        let Some(store) = self.store else { return };
        let capacity = self.meta.with_untracked(|m| m.capacity_units);
        match capacity_step(used_units(&store), capacity) {
            CapacityStep::Warn(warn) => self.nearly_full.set(warn),
            CapacityStep::Measure => self.measure_capacity_once(),
            CapacityStep::Nothing => {}
        }
    }

    /// Measures storage capacity once per origin (reliability case A12).
    pub fn measure_capacity_once(&self) {
        let Some(store) = self.store else { return };
        if self.meta.with_untracked(|m| m.capacity_units.is_some()) {
            return;
        }
        let used = used_units(&store);
        let capacity = used.saturating_add(store.probe_free_units());
        self.meta.update(|m| m.capacity_units = Some(capacity));
        let _ = store.write(META_KEY, &meta_to_json(&self.meta.get_untracked()));
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
        let open = self.open_untracked()?;
        let texts = self.texts.get_untracked();
        Some(open.current(&texts, self.ctx.locale_untracked(), open.saved.changed_ms))
    }
}

/// The name of a new draft: "Bản nháp 22/11/2026 17:30".
pub fn default_name(now_ms: i64, locale: Locale) -> String {
    crate::present::dates::new_draft_name(now_ms, clock::timezone_offset_minutes(), locale)
}
