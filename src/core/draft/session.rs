//! The drafts session's decisions, apart from signals, timers and the browser: this is
//! the file that decides "is this draft saved?". It owns the save status, the open
//! draft's shape, when an edit is autosaved (600 ms after the last edit, at most 5 s
//! during continuous typing, never from a hidden tab), whether a tab may write (a stale
//! tab, a read-only draft or an unreadable record is never written over), what reading
//! storage gave (drafts, records set aside, drafts from a newer app), what another
//! tab's change means for the open draft (reload, conflict, or its record vanished and
//! must be written back), and when to measure capacity.
//!
//! Storage is behind the small [`Store`] trait: `crate::platform::storage::LocalStore`
//! implements it over `localStorage`, [`MemoryStore`] in memory for host tests. No
//! error path here ever removes a key; the trait has no `clear` at all (A19). "Now" and
//! new ids come in as arguments.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use crate::core::draft::record::{
    draft_from_body, draft_from_json, draft_to_json, save_decision, stored_state, Draft,
    DraftError, Entry, FigureChoices, ModelRef, Overrides, SaveDecision, StoredState,
};
use crate::core::draft::storage_policy::{
    draft_id, draft_key, nearly_full, stored_units, WriteFailure, KEY_PREFIX,
};
use crate::core::plan::chain::ChainInput;
use crate::core::plan::chance::RangeEnd;
use crate::core::plan::quarterly::QuarterCell;
use crate::core::text::numfmt::Locale;

/// Milliseconds of quiet after an edit before it is saved.
pub const AUTOSAVE_DELAY_MS: u64 = 600;
/// Longest an edit waits during continuous typing before it is saved anyway.
pub const AUTOSAVE_MAX_WAIT_MS: i64 = 5_000;
/// Storage use (UTF-16 units) from which capacity is measured: a tenth of the smallest
/// common quota (5 Mi units).
pub const PROBE_FROM_UNITS: u64 = 512 * 1024;

/// Why storage cannot be used at all; the app then runs in memory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unavailable {
    /// The `localStorage` getter threw (blocked cookies, sandboxed frame).
    Blocked(String),
    /// `localStorage` is `null` (storage disabled in the browser).
    Missing,
    /// It exists but a test write failed.
    WriteFailed(WriteFailure),
}

impl std::fmt::Display for Unavailable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unavailable::Blocked(name) => write!(f, "storage is blocked ({name})"),
            Unavailable::Missing => write!(f, "storage is missing"),
            Unavailable::WriteFailed(_) => write!(f, "storage refuses writes"),
        }
    }
}

/// Why one read or write failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The write was refused.
    Write(WriteFailure),
    /// The write seemed to succeed but reading back gave something else (another app
    /// or the browser cleared storage meanwhile: reliability case A10).
    Mismatch,
    /// A read failed.
    Read,
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Write(WriteFailure::Quota) => write!(f, "storage is full"),
            StoreError::Write(WriteFailure::Other) => write!(f, "write refused"),
            StoreError::Mismatch => write!(f, "read-back differs from the write"),
            StoreError::Read => write!(f, "read failed"),
        }
    }
}

/// Whether the browser keeps this site's storage until the person deletes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Protection {
    /// Not known yet (the answer comes asynchronously).
    Unknown,
    /// `navigator.storage.persist()` was granted.
    Protected,
    /// Denied, or the browser cannot say (no `navigator.storage`: reliability case A17).
    NotProtected,
}

/// What the last save attempt of the open draft gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing to save yet.
    Idle,
    /// Edits wait for the autosave.
    Pending,
    /// Saved at this time (ms since the epoch).
    Saved(i64),
    /// Its stored record had vanished (another page cleared storage) and this tab wrote
    /// it back at this time (ms since the epoch).
    WrittenBack(i64),
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

impl SaveStatus {
    /// Whether the open draft is in storage as shown (nothing waits to be written).
    pub fn is_saved(&self) -> bool {
        matches!(self, SaveStatus::Saved(_) | SaveStatus::WrittenBack(_))
    }

    /// Whether this tab may write the open draft: not while another tab's newer save
    /// waits for the person's choice, nor a read-only draft (B1, B5).
    pub fn may_write(&self) -> bool {
        !matches!(self, SaveStatus::Conflict(_) | SaveStatus::ReadOnly)
    }

    /// The status after an edit: pending, unless a problem the person must see stays
    /// on screen (conflict, read-only, failed write).
    pub fn after_edit(&self) -> SaveStatus {
        match self {
            SaveStatus::Conflict(_) | SaveStatus::ReadOnly | SaveStatus::Failed(_) => self.clone(),
            _ => SaveStatus::Pending,
        }
    }
}

/// Every text typed in the workbench: what a draft keeps of the view.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ScenarioTexts {
    /// Scenario inputs by (indicator, year).
    pub scenario: BTreeMap<(String, i32), String>,
    /// Start years by indicator.
    pub start_years: BTreeMap<String, i32>,
    /// Growth-chain inputs by (input, year).
    pub chain: BTreeMap<(ChainInput, i32), String>,
    /// Quarterly scenario cells by cell (`core::plan::quarterly`).
    pub quarterly: BTreeMap<QuarterCell, String>,
    /// Quarters marked as published results.
    pub quarter_results: BTreeSet<u8>,
    /// Ends of ranged assumptions by (input id, end), as typed.
    pub ranges: BTreeMap<(String, RangeEnd), String>,
    /// The seed of the runs behind a chance, when chosen.
    pub seed: Option<u64>,
    /// Exchange rates (VND per USD) typed by indicator, as typed.
    pub exchange_rates: BTreeMap<String, String>,
    /// Which figures count (series, basis, vintages).
    pub choices: FigureChoices,
}

impl ScenarioTexts {
    /// Whether nothing is typed.
    pub fn is_empty(&self) -> bool {
        self.scenario.is_empty()
            && self.start_years.is_empty()
            && self.chain.is_empty()
            && self.quarterly.is_empty()
            && self.quarter_results.is_empty()
            && self.ranges.is_empty()
            && self.seed.is_none()
            && self.exchange_rates.is_empty()
            && self.choices.is_empty()
    }

    /// Whether any assumption is typed (a start year alone, which a plain link to an
    /// indicator carries, is not work worth a draft of its own).
    pub fn has_assumptions(&self) -> bool {
        !self.scenario.is_empty()
            || !self.chain.is_empty()
            || !self.quarterly.is_empty()
            || !self.ranges.is_empty()
            || !self.exchange_rates.is_empty()
    }

    /// The texts of a draft's overrides as saved.
    pub fn saved_in(overrides: &Overrides) -> Self {
        ScenarioTexts {
            scenario: overrides
                .scenario
                .iter()
                .map(|(k, e)| (k.clone(), e.text.clone()))
                .collect(),
            start_years: overrides.start_years.clone(),
            chain: overrides
                .chain
                .iter()
                .map(|(k, e)| (*k, e.text.clone()))
                .collect(),
            quarterly: overrides
                .quarterly
                .iter()
                .map(|(k, e)| (*k, e.text.clone()))
                .collect(),
            quarter_results: overrides.quarter_results.clone(),
            ranges: overrides
                .ranges
                .iter()
                .map(|(k, e)| (k.clone(), e.text.clone()))
                .collect(),
            seed: overrides.seed,
            exchange_rates: overrides
                .exchange_rates
                .iter()
                .map(|(k, e)| (k.clone(), e.text.clone()))
                .collect(),
            choices: overrides.choices.clone(),
        }
    }

    /// The overrides these texts read as in `locale`.
    pub fn overrides(&self, locale: Locale) -> Overrides {
        Overrides {
            quarterly: self
                .quarterly
                .iter()
                .map(|(k, text)| (*k, Entry::read(text, locale)))
                .collect(),
            quarter_results: self.quarter_results.clone(),
            ranges: self
                .ranges
                .iter()
                .map(|(k, text)| (k.clone(), Entry::read(text, locale)))
                .collect(),
            seed: self.seed,
            exchange_rates: self
                .exchange_rates
                .iter()
                .map(|(k, text)| (k.clone(), Entry::read(text, locale)))
                .collect(),
            choices: self.choices.clone(),
            ..Overrides::from_texts(&self.scenario, &self.start_years, &self.chain, locale)
        }
    }
}

/// The open draft as last saved or loaded, with the name and note being edited.
#[derive(Clone, Debug, Default, PartialEq)]
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
    /// Its stored record vanished (another page cleared storage): it counts as unsaved
    /// until it is written again.
    pub vanished: bool,
}

impl OpenDraft {
    /// A draft opened as it is, its texts shown in `locale`. Texts shown in another
    /// language than they were typed in count as saved. Returns the open draft and the
    /// texts the workbench shows.
    pub fn opened(
        draft: Draft,
        stored: bool,
        read_only: bool,
        locale: Locale,
    ) -> (Self, ScenarioTexts) {
        let mut saved = draft;
        for e in saved
            .overrides
            .scenario
            .values_mut()
            .chain(saved.overrides.chain.values_mut())
            .chain(saved.overrides.quarterly.values_mut())
        {
            e.text = e.text_in(locale);
        }
        let texts = ScenarioTexts::saved_in(&saved.overrides);
        let open = OpenDraft {
            name: saved.name.clone(),
            note: saved.note.clone(),
            saved,
            stored,
            read_only,
            vanished: false,
        };
        (open, texts)
    }

    /// The open draft right after `draft` was saved (`stored`: written to storage, not
    /// only kept in memory).
    pub fn after_save(draft: Draft, stored: bool) -> Self {
        OpenDraft {
            name: draft.name.clone(),
            note: draft.note.clone(),
            saved: draft,
            stored,
            read_only: false,
            vanished: false,
        }
    }

    /// A copy of this draft under a new id, never written yet (keep mine, save as copy,
    /// duplicate).
    pub fn copy(&self, new_id: String, now_ms: i64, suffix: &str) -> Self {
        OpenDraft {
            saved: Draft {
                id: new_id,
                created_ms: now_ms,
                revision: 0,
                ..self.saved.clone()
            },
            name: format!("{}{suffix}", self.name),
            note: self.note.clone(),
            stored: false,
            read_only: false,
            vanished: false,
        }
    }

    /// The draft as it is on screen, unsaved edits included, at `changed_ms`.
    pub fn current(&self, texts: &ScenarioTexts, locale: Locale, changed_ms: i64) -> Draft {
        Draft {
            name: self.name.clone(),
            note: self.note.clone(),
            changed_ms,
            overrides: Overrides {
                relied: self.saved.overrides.relied.clone(),
                ..texts.overrides(locale)
            },
            ..self.saved.clone()
        }
    }
}

/// Whether there are edits not yet written: the open draft differs from its save (or
/// its record vanished), or, with no draft open, assumptions were typed.
pub fn is_dirty(open: Option<&OpenDraft>, texts: &ScenarioTexts) -> bool {
    match open {
        Some(o) => {
            o.vanished
                || o.name != o.saved.name
                || o.note != o.saved.note
                || *texts != ScenarioTexts::saved_in(&o.saved.overrides)
        }
        None => texts.has_assumptions(),
    }
}

/// The status a draft opens with.
pub fn status_on_open(open: &OpenDraft, persistent: bool) -> SaveStatus {
    if open.read_only {
        SaveStatus::ReadOnly
    } else if !persistent {
        SaveStatus::MemoryOnly
    } else if open.stored {
        SaveStatus::Saved(open.saved.changed_ms)
    } else {
        SaveStatus::Idle
    }
}

/// The autosave clock: an edit is written [`AUTOSAVE_DELAY_MS`] after the last one, or
/// once it has waited [`AUTOSAVE_MAX_WAIT_MS`] during continuous typing; a hidden tab
/// never autosaves (B2: it flushes when hidden and syncs when shown).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Autosave {
    generation: u64,
    pending_since: Option<i64>,
}

impl Autosave {
    /// Records an edit at `now_ms`; returns the ticket the timer set now presents.
    pub fn edited(&mut self, now_ms: i64) -> u64 {
        self.generation = self.generation.wrapping_add(1);
        if self.pending_since.is_none() {
            self.pending_since = Some(now_ms);
        }
        self.generation
    }

    /// Whether the timer of `ticket`, firing at `now_ms`, saves.
    pub fn due(&self, ticket: u64, now_ms: i64, hidden: bool, dirty: bool) -> bool {
        let quiet = self.generation == ticket;
        let waited_long = self
            .pending_since
            .is_some_and(|since| now_ms.saturating_sub(since) >= AUTOSAVE_MAX_WAIT_MS);
        (quiet || waited_long) && !hidden && dirty
    }

    /// A save was attempted: the next edit starts a new wait.
    pub fn saving(&mut self) {
        self.pending_since = None;
    }
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

/// What reading every stored record gave.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scan {
    /// Every readable draft, newest change first.
    pub drafts: Vec<Draft>,
    /// Ids of drafts from a newer version of the app (they open read-only).
    pub read_only: BTreeSet<String>,
    /// Records that cannot be opened.
    pub set_aside: Vec<SetAside>,
    /// Units this app's keys use (drafts and metadata), counted on the same pass.
    pub used_units: u64,
}

/// Reads every record of this app. An unreadable record is set aside, not taken for
/// absent (A5, A8); the other drafts still load (A6).
pub fn scan<S: Store>(store: &S) -> Scan {
    let mut out = Scan::default();
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
/// understands it, and flagged (`true`) so it opens read-only (B5).
pub fn read_record(raw: &str) -> Result<(Draft, bool), DraftError> {
    match draft_from_json(raw) {
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

/// The draft to open at start: the one the link names, else the stored draft whose
/// texts are the typed ones (a reload that outran the URL update), else (nothing
/// typed) the newest of the model. With texts typed and no such draft, none: the first
/// edit then makes a new draft and no stored draft is touched.
pub fn initial_draft<'a>(
    drafts: &'a [Draft],
    wanted: Option<&str>,
    model_id: Option<&str>,
    typed: &ScenarioTexts,
) -> Option<&'a Draft> {
    if let Some(d) = wanted.and_then(|id| drafts.iter().find(|d| d.id == id)) {
        return Some(d);
    }
    if typed.has_assumptions() {
        drafts.iter().find(|d| {
            Some(d.model.id.as_str()) == model_id && ScenarioTexts::saved_in(&d.overrides) == *typed
        })
    } else {
        newest_of_model(drafts, model_id)
    }
}

/// The most recently changed draft of a model in a list kept newest first.
pub fn newest_of_model<'a>(drafts: &'a [Draft], model_id: Option<&str>) -> Option<&'a Draft> {
    drafts
        .iter()
        .find(|d| Some(d.model.id.as_str()) == model_id)
}

/// What saving gave.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveOutcome {
    /// Written to storage, as this draft (with its new revision).
    Saved(Draft),
    /// Storage is unavailable: the draft is kept in memory only.
    KeptInMemory(Draft),
    /// Another tab saved this newer revision; nothing was written (B1, B6).
    Conflict(u64),
    /// The stored record is unreadable or from a newer app; nothing was written (A5, B5).
    ReadOnly,
    /// The write failed; the previous stored version is unchanged (A1, A10).
    Failed(StoreError),
}

/// Writes `draft` (as this tab knows it, at its known revision) under its key, unless
/// storage holds a newer revision or a record this app must not overwrite. One key per
/// draft, written once (A9). A read that fails counts as a record not to overwrite.
pub fn save<S: Store>(store: Option<&S>, draft: Draft) -> SaveOutcome {
    let Some(store) = store else {
        return SaveOutcome::KeptInMemory(draft);
    };
    let key = draft_key(&draft.id);
    let stored = match store.read(&key) {
        Ok(text) => stored_state(text.as_deref()),
        Err(_) => StoredState::Unwritable,
    };
    match save_decision(stored, draft.revision) {
        SaveDecision::Write(revision) => {
            let draft = Draft { revision, ..draft };
            let written = draft_to_json(&draft)
                .map_err(|_| StoreError::Write(WriteFailure::Other))
                .and_then(|text| store.write(&key, &text));
            match written {
                Ok(()) => SaveOutcome::Saved(draft),
                Err(e) => SaveOutcome::Failed(e),
            }
        }
        SaveDecision::Stale { stored } => SaveOutcome::Conflict(stored),
        SaveDecision::Protected => SaveOutcome::ReadOnly,
    }
}

/// The status a save leaves; `written_back`: the draft was saved because its record
/// had vanished, which the person is told.
pub fn status_after_save(outcome: &SaveOutcome, now_ms: i64, written_back: bool) -> SaveStatus {
    match outcome {
        SaveOutcome::Saved(_) if written_back => SaveStatus::WrittenBack(now_ms),
        SaveOutcome::Saved(_) => SaveStatus::Saved(now_ms),
        SaveOutcome::KeptInMemory(_) => SaveStatus::MemoryOnly,
        SaveOutcome::Conflict(r) => SaveStatus::Conflict(*r),
        SaveOutcome::ReadOnly => SaveStatus::ReadOnly,
        SaveOutcome::Failed(e) => SaveStatus::Failed(e.clone()),
    }
}

/// Stores a draft read from a file as a new record at revision 1 (its id is free:
/// `file::plan_import` made sure). A key already taken is left alone and the draft is
/// listed as it is.
pub fn save_imported<S: Store>(store: Option<&S>, draft: Draft) -> Result<Draft, StoreError> {
    let draft = Draft {
        revision: 0,
        ..draft
    };
    match save(store, draft.clone()) {
        SaveOutcome::Saved(d) => Ok(d),
        SaveOutcome::Failed(e) => Err(e),
        SaveOutcome::KeptInMemory(d) => Ok(d),
        SaveOutcome::Conflict(_) | SaveOutcome::ReadOnly => Ok(draft),
    }
}

/// What another tab's change (a `storage` event, or the tab shown again) means for the
/// open draft.
#[derive(Clone, Debug, PartialEq)]
pub enum SyncDecision {
    /// Nothing to do.
    Nothing,
    /// Another tab saved a newer revision and this tab has no unsaved edits: show it.
    Reload(Box<Draft>),
    /// Another tab saved a newer revision over unsaved edits: stop writing and ask (B1).
    Conflict(u64),
    /// The open draft's record is gone although this tab did not delete it (another
    /// page called `localStorage.clear()`): it is unsaved now (status
    /// [`SaveStatus::Pending`], never "saved") and must be written back at once.
    Vanished,
}

/// Decides what to do with the open draft after storage changed elsewhere. `drafts` is
/// the list as just re-read.
pub fn sync_decision<S: Store>(
    store: Option<&S>,
    open: Option<&OpenDraft>,
    dirty: bool,
    drafts: &[Draft],
) -> SyncDecision {
    let (Some(store), Some(open)) = (store, open) else {
        return SyncDecision::Nothing;
    };
    if !open.stored {
        return SyncDecision::Nothing;
    }
    let newer = drafts
        .iter()
        .find(|d| d.id == open.saved.id && d.revision > open.saved.revision);
    if let Some(newer) = newer {
        return if dirty {
            SyncDecision::Conflict(newer.revision)
        } else {
            SyncDecision::Reload(Box::new(newer.clone()))
        };
    }
    // A read-only draft is never written back in this version's format; it stays on
    // screen with "save as a copy" until the person decides. A draft still listed
    // (its record sits under another key) has not vanished; nor has one whose key
    // cannot be read.
    let listed = drafts.iter().any(|d| d.id == open.saved.id);
    if !open.read_only && !listed && store.read(&draft_key(&open.saved.id)) == Ok(None) {
        SyncDecision::Vanished
    } else {
        SyncDecision::Nothing
    }
}

/// What to do about capacity after a save (A12).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CapacityStep {
    /// Capacity is known: warn or not.
    Warn(bool),
    /// Measure it now (once per origin: the probe briefly fills storage).
    Measure,
    /// Small use: nothing to do.
    Nothing,
}

/// Whether to warn or measure, from the units in use and the capacity measured so far.
pub fn capacity_step(used_units: u64, capacity_units: Option<u64>) -> CapacityStep {
    match capacity_units {
        Some(c) => CapacityStep::Warn(nearly_full(used_units, Some(c))),
        None if used_units >= PROBE_FROM_UNITS => CapacityStep::Measure,
        None => CapacityStep::Nothing,
    }
}

/// Units this app's keys use (UTF-16 code units of keys and values).
pub fn used_units<S: Store>(store: &S) -> u64 {
    store
        .keys_with_prefix(KEY_PREFIX)
        .iter()
        .map(|k| stored_units(k, &store.read(k).ok().flatten().unwrap_or_default()))
        .sum()
}

/// Whether the work is safe before a reload into a new version: nothing unsaved, or
/// everything written to storage (not memory only, not refused, not in conflict).
pub fn safe_to_reload(dirty: bool, persistent: bool, status: &SaveStatus) -> bool {
    !dirty || (persistent && status.is_saved())
}

/// The model reference a saved draft keeps, refreshed from the shown model when it is
/// the draft's own.
pub fn with_current_model(draft: Draft, shown: Option<ModelRef>) -> Draft {
    match shown.filter(|m| m.id == draft.model.id) {
        Some(model) => Draft { model, ..draft },
        None => draft,
    }
}

/// Browser storage as the session sees it: text under keys. Implemented over
/// `localStorage` by the platform adapter and in memory by [`MemoryStore`]. There is no
/// `clear`: nothing in the app ever needs it (A19).
pub trait Store {
    /// The text under `key` (`None` when the key is absent; an error when the read
    /// itself failed, which is not the same: A8).
    fn read(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Writes `text` under `key`, then reads it back and compares (A10). A refused
    /// write leaves the previous value in place.
    fn write(&self, key: &str, text: &str) -> Result<(), StoreError>;
    /// Every key that starts with `prefix`.
    fn keys_with_prefix(&self, prefix: &str) -> Vec<String>;
    /// Removes one key, only ever when the person deletes a draft or a record.
    fn remove(&self, key: &str);
}

#[derive(Debug, Default)]
struct Memory {
    items: BTreeMap<String, String>,
    quota_units: Option<u64>,
    fail_reads: bool,
    mismatch_on_read_back: bool,
    unavailable: Option<Unavailable>,
    writes: u64,
    removals: u64,
}

/// Storage in memory, for host tests: clones share the same items (two tabs of one
/// origin). It can be made full, unreadable, unavailable or lying on read-back, and
/// another page can write or clear it behind the session's back.
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    inner: Rc<RefCell<Memory>>,
}

impl MemoryStore {
    /// Empty storage with no quota.
    pub fn new() -> Self {
        Self::default()
    }

    /// Opens it as the app opens `localStorage`: an error when made unavailable.
    pub fn open(&self) -> Result<MemoryStore, Unavailable> {
        match self.inner.borrow().unavailable.clone() {
            Some(u) => Err(u),
            None => Ok(self.clone()),
        }
    }

    /// Makes storage unavailable (blocked, missing) from the next `open`.
    pub fn set_unavailable(&self, why: Option<Unavailable>) {
        self.inner.borrow_mut().unavailable = why;
    }

    /// Limits the units (keys and values, UTF-16) storage holds; `None`: no limit.
    pub fn set_quota(&self, units: Option<u64>) {
        self.inner.borrow_mut().quota_units = units;
    }

    /// Makes every read fail (or work again).
    pub fn set_read_failure(&self, fail: bool) {
        self.inner.borrow_mut().fail_reads = fail;
    }

    /// Makes the read-back after each write differ from what was written (or not).
    pub fn set_read_back_mismatch(&self, mismatch: bool) {
        self.inner.borrow_mut().mismatch_on_read_back = mismatch;
    }

    /// Another tab or page writes `text` under `key` directly.
    pub fn put(&self, key: &str, text: &str) {
        self.inner
            .borrow_mut()
            .items
            .insert(key.to_string(), text.to_string());
    }

    /// Another page on the origin calls `localStorage.clear()`.
    pub fn clear_by_another_page(&self) {
        self.inner.borrow_mut().items.clear();
    }

    /// The text under `key`, as a test sees it.
    pub fn get(&self, key: &str) -> Option<String> {
        self.inner.borrow().items.get(key).cloned()
    }

    /// Every item, as a test sees it.
    pub fn items(&self) -> BTreeMap<String, String> {
        self.inner.borrow().items.clone()
    }

    /// How many writes the app made (successful or not).
    pub fn writes(&self) -> u64 {
        self.inner.borrow().writes
    }

    /// How many keys the app removed.
    pub fn removals(&self) -> u64 {
        self.inner.borrow().removals
    }
}

impl Store for MemoryStore {
    fn read(&self, key: &str) -> Result<Option<String>, StoreError> {
        let inner = self.inner.borrow();
        if inner.fail_reads {
            return Err(StoreError::Read);
        }
        Ok(inner.items.get(key).cloned())
    }

    fn write(&self, key: &str, text: &str) -> Result<(), StoreError> {
        {
            let mut inner = self.inner.borrow_mut();
            inner.writes = inner.writes.saturating_add(1);
            if let Some(quota) = inner.quota_units {
                let others: u64 = inner
                    .items
                    .iter()
                    .filter(|(k, _)| k.as_str() != key)
                    .map(|(k, v)| stored_units(k, v))
                    .sum();
                if others.saturating_add(stored_units(key, text)) > quota {
                    return Err(StoreError::Write(WriteFailure::Quota));
                }
            }
            inner.items.insert(key.to_string(), text.to_string());
            if inner.mismatch_on_read_back {
                // Another app wiped the key between the write and the read-back.
                inner.items.remove(key);
            }
        }
        match self.read(key)? {
            Some(back) if back == text => Ok(()),
            _ => Err(StoreError::Mismatch),
        }
    }

    fn keys_with_prefix(&self, prefix: &str) -> Vec<String> {
        self.inner
            .borrow()
            .items
            .keys()
            .filter(|k| k.starts_with(prefix))
            .cloned()
            .collect()
    }

    fn remove(&self, key: &str) {
        let mut inner = self.inner.borrow_mut();
        inner.removals = inner.removals.saturating_add(1);
        inner.items.remove(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edited_at(times: &[i64]) -> (Autosave, u64) {
        let mut a = Autosave::default();
        let mut ticket = 0;
        for t in times {
            ticket = a.edited(*t);
        }
        (a, ticket)
    }

    #[test]
    fn autosave_waits_for_quiet_or_five_seconds() {
        // The last edit's own timer saves; an earlier timer does not, unless the edit
        // has waited 5 s.
        let (a, last) = edited_at(&[0, 300]);
        assert!(a.due(last, 900, false, true));
        assert!(!a.due(last - 1, 600, false, true));
        assert!(a.due(last - 1, 5_000, false, true));
        assert!(!a.due(last - 1, 4_999, false, true));
        // Hidden or clean: never.
        assert!(!a.due(last, 900, true, true));
        assert!(!a.due(last, 900, false, false));
    }

    #[test]
    fn status_after_edit_keeps_problems_on_screen() {
        assert_eq!(SaveStatus::Saved(1).after_edit(), SaveStatus::Pending);
        assert_eq!(
            SaveStatus::Conflict(2).after_edit(),
            SaveStatus::Conflict(2)
        );
        assert_eq!(SaveStatus::ReadOnly.after_edit(), SaveStatus::ReadOnly);
        let failed = SaveStatus::Failed(StoreError::Mismatch);
        assert_eq!(failed.after_edit(), failed);
        assert!(!SaveStatus::Conflict(2).may_write() && !SaveStatus::ReadOnly.may_write());
        assert!(SaveStatus::WrittenBack(3).is_saved() && !SaveStatus::Pending.is_saved());
    }

    #[test]
    fn capacity_is_measured_once_use_is_large() {
        assert_eq!(capacity_step(10, None), CapacityStep::Nothing);
        assert_eq!(capacity_step(PROBE_FROM_UNITS, None), CapacityStep::Measure);
        assert_eq!(capacity_step(80, Some(100)), CapacityStep::Warn(true));
        assert_eq!(capacity_step(79, Some(100)), CapacityStep::Warn(false));
    }
}
