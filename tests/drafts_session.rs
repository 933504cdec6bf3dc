//! The drafts session's decisions on the host, over the in-memory store: the storage
//! and multi-tab cases of sections A and B of `../shared/reliability-cases.md` that the
//! app handles, at the level of `core::draft::session`. Test names carry the case ids.
//! Two "tabs" are two sessions' worth of state over clones of one `MemoryStore`.
//! A20 does not apply: the app does not use IndexedDB.

mod util;

use provincial_planner::core::draft::record::{DraftError, StoredState};
use provincial_planner::core::draft::session::{
    capacity_step, initial_draft, is_dirty, safe_to_reload, save, save_imported, scan,
    status_after_save, status_on_open, sync_decision, used_units, Autosave, CapacityStep,
    MemoryStore, OpenDraft, SaveOutcome, SaveStatus, ScenarioTexts, Store, StoreError,
    SyncDecision, Unavailable, AUTOSAVE_DELAY_MS, PROBE_FROM_UNITS,
};
use provincial_planner::core::draft::storage_policy::{draft_key, WriteFailure, META_KEY};
use provincial_planner::core::text::numfmt::Locale;
use util::session::{draft, edit, opened, raw_record, texts, MODEL};

const NOW: i64 = 1_800_000_000_000;

/// Saves `d` into `store`, expecting the write to succeed; returns the saved draft.
#[track_caller]
fn saved(store: &MemoryStore, d: provincial_planner::core::draft::record::Draft) -> OpenDraft {
    match save(Some(store), d) {
        SaveOutcome::Saved(d) => OpenDraft::after_save(d, true),
        other => panic!("expected a save, got {other:?}"),
    }
}

/// The revision of the record stored under `id`.
fn stored_revision(store: &MemoryStore, id: &str) -> StoredState {
    provincial_planner::core::draft::record::stored_state(store.get(&draft_key(id)).as_deref())
}

#[test]
fn a1_quota_refuses_the_write_keeps_the_previous_version_and_the_work_in_memory() {
    let store = MemoryStore::new();
    let open = saved(&store, draft("a1", "9", 0));
    let before = store.get(&draft_key("a1"));
    let used: u64 = store
        .items()
        .iter()
        .map(|(k, v)| (k.encode_utf16().count() + v.encode_utf16().count()) as u64)
        .sum();
    store.set_quota(Some(used + 10));
    let mut bigger = edit(&open, "9,5", NOW);
    bigger.note = "Ghi chú ".repeat(50);
    let outcome = save(Some(&store), bigger);
    assert_eq!(
        outcome,
        SaveOutcome::Failed(StoreError::Write(WriteFailure::Quota))
    );
    assert_eq!(
        status_after_save(&outcome, NOW, false),
        SaveStatus::Failed(StoreError::Write(WriteFailure::Quota))
    );
    // The previous stored version is unchanged, whole.
    assert_eq!(store.get(&draft_key("a1")), before);
    // The in-memory draft is kept: still unsaved, and not safe to reload away from.
    assert!(is_dirty(Some(&open), &texts("9,5")));
    let status = status_after_save(&outcome, NOW, false);
    assert!(!safe_to_reload(true, true, &status));
    assert_eq!(store.removals(), 0);
    // Once space is free the same save goes through, as the next revision.
    store.set_quota(None);
    assert_eq!(
        save(Some(&store), edit(&open, "9,5", NOW)),
        SaveOutcome::Saved(draft_at(&open, "9,5", 2))
    );
}

/// `open` edited to `text` and saved as `revision`.
fn draft_at(
    open: &OpenDraft,
    text: &str,
    revision: u64,
) -> provincial_planner::core::draft::record::Draft {
    provincial_planner::core::draft::record::Draft {
        revision,
        ..edit(open, text, NOW)
    }
}

#[test]
fn a5_a8_an_unreadable_record_is_set_aside_never_taken_for_absent_or_overwritten() {
    let store = MemoryStore::new();
    let truncated = "{\"app\":\"provincial-planner\",\"schema_ver";
    store.put(&draft_key("broken"), truncated);
    saved(&store, draft("good", "9", 0));
    let found = scan(&store);
    assert_eq!(found.drafts.len(), 1, "the other draft loads");
    assert_eq!(found.drafts.first().map(|d| d.id.as_str()), Some("good"));
    assert_eq!(found.set_aside.len(), 1);
    let aside = found.set_aside.first().cloned();
    assert!(aside.as_ref().is_some_and(|a| a.key == draft_key("broken")
        && a.raw == truncated
        && matches!(a.error, DraftError::NotJson(_))));
    // Saving under the unreadable key is refused; the raw text stays as it was.
    let writes = store.writes();
    assert_eq!(
        save(Some(&store), draft("broken", "1", 0)),
        SaveOutcome::ReadOnly
    );
    assert_eq!(store.get(&draft_key("broken")).as_deref(), Some(truncated));
    assert_eq!(store.writes(), writes, "nothing was written");
    // An absent key (first run) is a different path: the draft is written, revision 1.
    assert!(matches!(
        save(Some(&store), draft("new", "1", 0)),
        SaveOutcome::Saved(d) if d.revision == 1
    ));
    // A read that fails is not "absent" either: nothing is written over it.
    store.set_read_failure(true);
    assert_eq!(
        save(Some(&store), draft("good", "2", 1)),
        SaveOutcome::ReadOnly
    );
    store.set_read_failure(false);
    assert_eq!(stored_revision(&store, "good"), StoredState::Revision(1));
}

#[test]
fn a6_wrong_shape_is_repaired_where_safe_otherwise_set_aside_and_siblings_stay() {
    let store = MemoryStore::new();
    // An extra field is dropped on reading; the draft loads.
    store.put(
        &draft_key("extra"),
        &raw_record("extra", 1, "9", ",\"colour\":\"red\""),
    );
    // No model: cannot be opened, set aside.
    let no_model = raw_record("nomodel", 1, "9", "").replace("\"model\":", "\"modle\":");
    store.put(&draft_key("nomodel"), &no_model);
    // Not an object at all.
    store.put(&draft_key("null"), "null");
    saved(&store, draft("sibling", "9", 0));
    let found = scan(&store);
    let mut ids: Vec<&str> = found.drafts.iter().map(|d| d.id.as_str()).collect();
    ids.sort_unstable();
    assert_eq!(ids, vec!["extra", "sibling"]);
    let mut aside: Vec<(String, DraftError)> = found
        .set_aside
        .iter()
        .map(|a| (a.key.clone(), a.error.clone()))
        .collect();
    aside.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        aside,
        vec![
            (draft_key("nomodel"), DraftError::BadField("model")),
            (draft_key("null"), DraftError::NotADraft),
        ]
    );
}

#[test]
fn a7_null_where_a_number_was_loads_as_missing_and_the_writer_refuses_non_finite() {
    let store = MemoryStore::new();
    store.put(&draft_key("nan"), &raw_record("nan", 1, "null", ""));
    let found = scan(&store);
    let entry = found
        .drafts
        .first()
        .and_then(|d| {
            d.overrides
                .scenario
                .get(&("grdp_constant".to_string(), 2025))
        })
        .cloned();
    assert_eq!(
        entry.as_ref().map(|e| (e.text.as_str(), e.value)),
        Some(("9", None))
    );
    // A non-finite number is never written (it would come back as null).
    let mut d = draft("inf", "9", 0);
    if let Some(e) = d.overrides.scenario.values_mut().next() {
        e.value = Some(f64::INFINITY);
    }
    assert_eq!(
        save(Some(&store), d),
        SaveOutcome::Failed(StoreError::Write(WriteFailure::Other))
    );
    assert_eq!(store.get(&draft_key("inf")), None);
}

#[test]
fn a9_one_draft_is_one_key_written_once() {
    let store = MemoryStore::new();
    saved(&store, draft("a9", "9", 0));
    assert_eq!(store.writes(), 1);
    assert_eq!(store.keys_with_prefix(""), vec![draft_key("a9")]);
}

#[test]
fn a10_a_read_back_that_differs_is_a_failed_save_like_a1() {
    let store = MemoryStore::new();
    let open = saved(&store, draft("a10", "9", 0));
    store.set_read_back_mismatch(true);
    let outcome = save(Some(&store), edit(&open, "10", NOW));
    assert_eq!(outcome, SaveOutcome::Failed(StoreError::Mismatch));
    let status = status_after_save(&outcome, NOW, false);
    assert!(!status.is_saved());
    assert!(!safe_to_reload(true, true, &status));
}

#[test]
fn a12_capacity_is_measured_only_for_large_use_and_warns_at_80_percent() {
    let store = MemoryStore::new();
    store.put(META_KEY, "ab");
    store.put("another-app/key", "not ours");
    // "provincial-planner/meta" is 23 units, "ab" 2; the other app's key is not counted.
    assert_eq!(used_units(&store), 25);
    assert_eq!(capacity_step(25, None), CapacityStep::Nothing);
    assert_eq!(capacity_step(PROBE_FROM_UNITS, None), CapacityStep::Measure);
    assert_eq!(capacity_step(800, Some(1_000)), CapacityStep::Warn(true));
    assert_eq!(capacity_step(799, Some(1_000)), CapacityStep::Warn(false));
}

#[test]
fn a19_no_error_path_removes_or_clears_anything() {
    let store = MemoryStore::new();
    store.put("another-app/key", "kept");
    let open = saved(&store, draft("a19", "9", 0));
    store.put(&draft_key("broken"), "{");
    // Full storage, a lying read-back, failing reads, an unreadable record, a stale tab.
    store.set_quota(Some(10));
    let _ = save(Some(&store), edit(&open, "10", NOW));
    store.set_quota(None);
    store.set_read_back_mismatch(true);
    let _ = save(Some(&store), edit(&open, "11", NOW));
    store.set_read_back_mismatch(false);
    store.set_read_failure(true);
    let _ = save(Some(&store), edit(&open, "12", NOW));
    let _ = scan(&store);
    store.set_read_failure(false);
    let _ = save(Some(&store), draft("broken", "1", 0));
    let _ = save(Some(&store), draft("a19", "13", 0));
    assert_eq!(store.removals(), 0);
    assert_eq!(store.get("another-app/key").as_deref(), Some("kept"));
    assert_eq!(store.get(&draft_key("broken")).as_deref(), Some("{"));
}

#[test]
fn b1_a_stale_tab_never_writes_and_asks_or_reloads() {
    let store = MemoryStore::new();
    let first = saved(&store, draft("b1", "10", 0));
    let tab_b = first.clone();
    // Tab A saves a change (revision 2).
    let a_saved = saved(&store.clone(), edit(&first, "11", NOW));
    let a_record = store.get(&draft_key("b1"));
    // Tab B, still at revision 1, tries to save its own edit: refused.
    let outcome = save(Some(&store), edit(&tab_b, "20", NOW + 1));
    assert_eq!(outcome, SaveOutcome::Conflict(2));
    assert_eq!(
        status_after_save(&outcome, NOW, false),
        SaveStatus::Conflict(2)
    );
    assert!(!SaveStatus::Conflict(2).may_write());
    assert_eq!(store.get(&draft_key("b1")), a_record, "A's version stands");
    // On sync, B with unsaved edits asks; without, it takes A's version.
    let list = scan(&store).drafts;
    assert_eq!(
        sync_decision(Some(&store), Some(&tab_b), true, &list),
        SyncDecision::Conflict(2)
    );
    assert_eq!(
        sync_decision(Some(&store), Some(&tab_b), false, &list),
        SyncDecision::Reload(Box::new(a_saved.saved))
    );
}

#[test]
fn b2_a_hidden_tab_does_not_autosave_and_syncs_first_when_shown() {
    let mut autosave = Autosave::default();
    let ticket = autosave.edited(NOW);
    let delay = i64::try_from(AUTOSAVE_DELAY_MS).unwrap_or(i64::MAX);
    assert!(
        !autosave.due(ticket, NOW + delay, true, true),
        "hidden: no autosave"
    );
    assert!(
        !autosave.due(ticket, NOW + 60_000, true, true),
        "not even after a minute"
    );
    assert!(
        autosave.due(ticket, NOW + delay, false, true),
        "visible: saved"
    );
    // Meanwhile another tab saved: shown again, the tab syncs and asks before writing.
    let store = MemoryStore::new();
    let hidden_tab = saved(&store, draft("b2", "10", 0));
    saved(&store, edit(&hidden_tab, "12", NOW));
    let list = scan(&store).drafts;
    assert_eq!(
        sync_decision(Some(&store), Some(&hidden_tab), true, &list),
        SyncDecision::Conflict(2)
    );
}

#[test]
fn b3_the_writer_needs_no_storage_event_and_the_other_tab_follows() {
    let store = MemoryStore::new();
    let other_tab = saved(&store, draft("b3", "10", 0));
    // The writer saves twice in a row, knowing its own revision without any event.
    let second = saved(&store, edit(&other_tab, "11", NOW));
    let third = saved(&store, edit(&second, "12", NOW + 1));
    assert_eq!(third.saved.revision, 3);
    assert_eq!(stored_revision(&store, "b3"), StoredState::Revision(3));
    // The other tab, with nothing unsaved, reloads the newest version.
    let list = scan(&store).drafts;
    assert_eq!(
        sync_decision(Some(&store), Some(&other_tab), false, &list),
        SyncDecision::Reload(Box::new(third.saved))
    );
}

#[test]
fn b5_a_record_from_a_newer_schema_opens_read_only_and_is_never_written() {
    let store = MemoryStore::new();
    let newer = raw_record("b5", 99, "9", "");
    store.put(&draft_key("b5"), &newer);
    let found = scan(&store);
    assert!(found.read_only.contains("b5"));
    let d = found.drafts.first().cloned().unwrap_or_default();
    assert_eq!(d.id, "b5");
    let (open, _) = OpenDraft::opened(d, true, true, Locale::Vi);
    let status = status_on_open(&open, true);
    assert_eq!(status, SaveStatus::ReadOnly);
    assert!(!status.may_write());
    // Even a save that ignores the flag is refused by the stored record's version.
    assert_eq!(
        save(Some(&store), edit(&open, "10", NOW)),
        SaveOutcome::ReadOnly
    );
    assert_eq!(store.get(&draft_key("b5")), Some(newer));
    // Its record vanishing is not written back in this version's format.
    store.clear_by_another_page();
    assert_eq!(
        sync_decision(Some(&store), Some(&open), false, &[]),
        SyncDecision::Nothing
    );
}

#[test]
fn b6_another_tab_writing_while_this_one_loads_is_not_erased_by_its_first_write() {
    let store = MemoryStore::new();
    saved(&store, draft("b6", "10", 0));
    // This tab reads the list and opens the draft at revision 1...
    let list = scan(&store).drafts;
    let loading = opened(
        initial_draft(&list, Some("b6"), Some(MODEL), &ScenarioTexts::default())
            .cloned()
            .unwrap_or_default(),
    );
    // ...another tab writes revision 2 before this tab's first save.
    let other = saved(&store, edit(&loading, "15", NOW));
    let theirs = store.get(&draft_key("b6"));
    assert_eq!(
        save(Some(&store), edit(&loading, "20", NOW + 1)),
        SaveOutcome::Conflict(2)
    );
    assert_eq!(store.get(&draft_key("b6")), theirs);
    assert_eq!(other.saved.revision, 2);
}

#[test]
fn b8_a_tab_closed_before_any_edit_writes_nothing() {
    let store = MemoryStore::new();
    saved(&store, draft("b8", "10", 0));
    let writes = store.writes();
    let list = scan(&store).drafts;
    let open = initial_draft(&list, None, Some(MODEL), &ScenarioTexts::default())
        .cloned()
        .map(opened);
    assert!(open.is_some(), "the newest draft of the model opens");
    // The flush on pagehide saves only when something is unsaved: here nothing is.
    let shown = texts("10");
    assert!(!is_dirty(open.as_ref(), &shown));
    assert!(!is_dirty(None, &ScenarioTexts::default()));
    assert!(safe_to_reload(false, true, &SaveStatus::Idle));
    assert_eq!(store.writes(), writes);
}

#[test]
fn cleared_by_another_page_the_open_draft_is_noticed_unsaved_and_written_back() {
    let store = MemoryStore::new();
    let open = saved(&store, draft("gone", "10", 0));
    let text = store.get(&draft_key("gone"));
    assert!(text.is_some());
    // Another page on the origin calls localStorage.clear().
    store.clear_by_another_page();
    let list = scan(&store).drafts;
    assert!(list.is_empty());
    let decision = sync_decision(Some(&store), Some(&open), false, &list);
    assert_eq!(decision, SyncDecision::Vanished);
    // Marked vanished, the draft counts as unsaved: a reload or close must not pass.
    let vanished = OpenDraft {
        vanished: true,
        ..open.clone()
    };
    let shown = texts("10");
    assert!(is_dirty(Some(&vanished), &shown));
    assert!(!safe_to_reload(
        is_dirty(Some(&vanished), &shown),
        true,
        &SaveStatus::Pending
    ));
    // Should the write-back fail, the work is still unsaved and kept.
    let refused = SaveStatus::Failed(StoreError::Write(WriteFailure::Quota));
    assert!(!safe_to_reload(true, true, &refused));
    // Written back: the record is there again with the same work, and the status says
    // it was written back rather than plain "saved".
    let outcome = save(Some(&store), vanished.current(&shown, Locale::Vi, NOW));
    assert!(matches!(&outcome, SaveOutcome::Saved(d) if d.revision == 2));
    assert_eq!(
        status_after_save(&outcome, NOW, vanished.vanished),
        SaveStatus::WrittenBack(NOW)
    );
    let back = scan(&store).drafts;
    assert_eq!(back.len(), 1);
    assert_eq!(
        back.first().map(|d| ScenarioTexts::saved_in(&d.overrides)),
        Some(shown)
    );
    // Once back, a later sync finds nothing to do.
    if let SaveOutcome::Saved(d) = outcome {
        let after = OpenDraft::after_save(d, true);
        assert_eq!(
            sync_decision(Some(&store), Some(&after), false, &back),
            SyncDecision::Nothing
        );
    }
}

#[test]
fn cleared_a_draft_that_was_never_stored_or_is_listed_under_another_key_is_not_vanished() {
    let store = MemoryStore::new();
    let from_link = OpenDraft::opened(draft("link", "9", 0), false, false, Locale::Vi).0;
    assert_eq!(
        sync_decision(Some(&store), Some(&from_link), false, &[]),
        SyncDecision::Nothing
    );
    // A record whose id differs from its key is listed; its id's key is empty, but it
    // did not vanish.
    store.put(&draft_key("odd-key"), &raw_record("real-id", 1, "9", ""));
    let list = scan(&store).drafts;
    let odd = opened(list.first().cloned().unwrap_or_default());
    assert_eq!(odd.saved.id, "real-id");
    assert_eq!(
        sync_decision(Some(&store), Some(&odd), false, &list),
        SyncDecision::Nothing
    );
}

#[test]
fn a3_a4_unavailable_storage_keeps_drafts_in_memory_and_says_so() {
    let browser = MemoryStore::new();
    browser.set_unavailable(Some(Unavailable::Missing));
    let store = browser.open().ok();
    assert!(store.is_none());
    let d = draft("mem", "9", 0);
    let outcome = save(store.as_ref(), d.clone());
    assert_eq!(outcome, SaveOutcome::KeptInMemory(d));
    let status = status_after_save(&outcome, NOW, false);
    assert_eq!(status, SaveStatus::MemoryOnly);
    assert!(!safe_to_reload(true, false, &status));
    assert_eq!(browser.writes(), 0);
}

#[test]
fn d_imported_drafts_are_stored_at_revision_one_and_a_taken_key_is_left_alone() {
    let store = MemoryStore::new();
    let stored = save_imported(Some(&store), draft("imp", "9", 7));
    assert_eq!(stored.map(|d| d.revision), Ok(1));
    let before = store.get(&draft_key("imp"));
    let again = save_imported(Some(&store), draft("imp", "10", 0));
    assert_eq!(again.map(|d| d.revision), Ok(0));
    assert_eq!(store.get(&draft_key("imp")), before);
    store.set_quota(Some(1));
    assert_eq!(
        save_imported(Some(&store), draft("full", "9", 0)),
        Err(StoreError::Write(WriteFailure::Quota))
    );
}
