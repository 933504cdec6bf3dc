//! Rules for keeping the person's own models in the model store, apart from the store
//! itself (`platform::model_store`, IndexedDB): the guarantees drafts have, decided here
//! so they are host-tested.
//!
//! - A record holds a **revision**: a tab writes revision n+1 only if the store still
//!   holds n or less (the drafts' rule, `draft::record::save_decision`), so a stale tab
//!   never overwrites what another tab saved; a record this app cannot read (set aside,
//!   from a newer app, of a newer record format) is never overwritten.
//! - After each write the tab posts a short message on the broadcast channel
//!   [`CHANNEL`] (IndexedDB fires no `storage` event); another tab decides with
//!   [`on_saved_elsewhere`] whether its list of models or its open model changed.
//! - A failed request is classified ([`classify_failure`]): a full store is a quota
//!   error (the transaction is aborted, the previous record stays), a connection the
//!   browser closed is reopened once, never retried on the dead handle (case A20).
//! - The export reminder follows the drafts' cadence (`draft::storage_policy`).
//!
//! Pure: the platform passes in what it read (the record's fields as JavaScript gave
//! them) and "now".

use serde_json::{json, Value};

use crate::core::draft::record::{save_decision, SaveDecision, StoredState, APP_ID};
use crate::core::draft::storage_policy::{classify_write_error, export_reminder, WriteFailure};
use crate::core::model::file::read_model_file;

/// The record format this build writes and reads: `{format, revision, saved_ms,
/// exported_ms, text}` with `text` the model file's compact JSON. A record that is a bare
/// string (written before revisions) reads as revision 0.
pub const RECORD_FORMAT: u64 = 1;
/// The broadcast channel other tabs listen on.
pub const CHANNEL: &str = "provincial-planner-models";
/// The `kind` of the message posted after a write.
const SAVED_KIND: &str = "model-saved";
/// Largest whole number JavaScript holds exactly (2^53 - 1).
const MAX_SAFE: f64 = 9_007_199_254_740_991.0;

/// A stored value as JavaScript gave it, before it is read.
#[derive(Clone, Debug, PartialEq)]
pub enum RawRecord {
    /// A bare string: the model file's text, written before records had revisions.
    Text(String),
    /// An object, with the fields found (numbers as JavaScript numbers).
    Object {
        /// `format`.
        format: Option<f64>,
        /// `revision`.
        revision: Option<f64>,
        /// `saved_ms`.
        saved_ms: Option<f64>,
        /// `exported_ms`.
        exported_ms: Option<f64>,
        /// `text`.
        text: Option<String>,
    },
    /// Anything else (a number, null…).
    Other,
}

/// Whether a record may be read and written by this build.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordState {
    /// A record this build writes (or an older bare string).
    Current,
    /// A record of a newer record format: read-only, never overwritten.
    NewerFormat,
    /// Not a record of any format (no text, a revision that is not a whole number…).
    Malformed,
}

/// One stored record, read.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelRecord {
    /// Revision (0 for a bare string).
    pub revision: u64,
    /// When it was saved, in ms since the epoch, if known.
    pub saved_ms: Option<i64>,
    /// When the model was last downloaded as a file, if ever.
    pub exported_ms: Option<i64>,
    /// The model file's text ("" when there was none, so the reader sets it aside).
    pub text: String,
    /// Whether this build may read and write it.
    pub state: RecordState,
}

/// A JavaScript number that is a whole number from 0 to 2^53 - 1, as an integer.
pub fn whole(v: f64) -> Option<u64> {
    if !(0.0..=MAX_SAFE).contains(&v) || v.fract() != 0.0 {
        return None;
    }
    format!("{v:.0}").parse().ok()
}

fn whole_ms(v: Option<f64>) -> Option<i64> {
    v.and_then(whole).and_then(|n| i64::try_from(n).ok())
}

/// Reads a stored value.
pub fn read_record(raw: RawRecord) -> ModelRecord {
    let malformed = |text: String| ModelRecord {
        revision: 0,
        saved_ms: None,
        exported_ms: None,
        text,
        state: RecordState::Malformed,
    };
    match raw {
        RawRecord::Text(text) => ModelRecord {
            revision: 0,
            saved_ms: None,
            exported_ms: None,
            text,
            state: RecordState::Current,
        },
        RawRecord::Other => malformed(String::new()),
        RawRecord::Object {
            format,
            revision,
            saved_ms,
            exported_ms,
            text,
        } => {
            let text_or_empty = text.clone().unwrap_or_default();
            let Some(format) = format.and_then(whole) else {
                return malformed(text_or_empty);
            };
            if format > RECORD_FORMAT {
                return ModelRecord {
                    state: RecordState::NewerFormat,
                    ..malformed(text_or_empty)
                };
            }
            match (revision.and_then(whole), text) {
                (Some(revision), Some(text)) => ModelRecord {
                    revision,
                    saved_ms: whole_ms(saved_ms),
                    exported_ms: whole_ms(exported_ms),
                    text,
                    state: RecordState::Current,
                },
                _ => malformed(text_or_empty),
            }
        }
    }
}

/// What the store holds under a key, as far as writing cares: a record this build
/// cannot read as a model (set aside at start-up, or newer) is never overwritten.
pub fn stored_state(current: Option<&ModelRecord>, units_json: &str) -> StoredState {
    match current {
        None => StoredState::Absent,
        Some(r) if r.state != RecordState::Current => StoredState::Unwritable,
        Some(r) => match read_model_file(r.text.as_bytes(), units_json) {
            Ok(_) => StoredState::Revision(r.revision),
            Err(_) => StoredState::Unwritable,
        },
    }
}

/// Whether a tab that loaded `known_revision` of a model (0: it never had one) may
/// write it over `current`, and as which revision.
pub fn write_decision(
    current: Option<&ModelRecord>,
    known_revision: u64,
    units_json: &str,
) -> SaveDecision {
    save_decision(stored_state(current, units_json), known_revision)
}

/// The message posted on [`CHANNEL`] after a write.
pub fn saved_message(id: &str, revision: u64) -> String {
    json!({"app": APP_ID, "kind": SAVED_KIND, "id": id, "revision": revision}).to_string()
}

/// A model saved in another tab, read from a channel message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedElsewhere {
    /// The model's id.
    pub id: String,
    /// The revision written.
    pub revision: u64,
}

/// Reads a channel message; anything else (another app's, malformed) is `None`.
pub fn read_saved_message(text: &str) -> Option<SavedElsewhere> {
    let value: Value = serde_json::from_str(text).ok()?;
    if value.get("app")?.as_str()? != APP_ID || value.get("kind")?.as_str()? != SAVED_KIND {
        return None;
    }
    Some(SavedElsewhere {
        id: value.get("id")?.as_str()?.to_string(),
        revision: value.get("revision")?.as_u64()?,
    })
}

/// What a tab does when another tab saved a model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ElsewhereAction {
    /// Nothing: this tab already has that revision.
    Nothing,
    /// The list of models changed (a new model, or one not open here): offer to reload.
    ListChanged,
    /// The model open in this tab changed: warn, and this tab's copy is now stale (its
    /// next write is refused by [`write_decision`]).
    OpenModelChanged,
}

/// Decides what a tab does with `saved`, given the model it has open and the revision
/// of that model it loaded (`None`: it does not have the model at all).
pub fn on_saved_elsewhere(
    saved: &SavedElsewhere,
    open_model: Option<&str>,
    known_revision: Option<u64>,
) -> ElsewhereAction {
    if known_revision.is_some_and(|k| k >= saved.revision) {
        return ElsewhereAction::Nothing;
    }
    if open_model == Some(saved.id.as_str()) {
        ElsewhereAction::OpenModelChanged
    } else {
        ElsewhereAction::ListChanged
    }
}

/// How a failed request of the model store is classified.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoreFailure {
    /// The origin's storage is full: the transaction was aborted, nothing changed.
    Quota,
    /// The connection was closed by the browser (WebKit "connection lost", a closed
    /// handle): open a new one and try once more.
    ConnectionLost,
    /// Anything else.
    Other,
}

/// Classifies a DOMException of a request or transaction on an open connection by its
/// `name` and legacy `code`. (A failure to open at all is "unavailable": Firefox's private
/// mode refuses `open` with `InvalidStateError`.)
pub fn classify_failure(name: &str, code: Option<u16>) -> StoreFailure {
    if classify_write_error(name, code) == WriteFailure::Quota {
        return StoreFailure::Quota;
    }
    match name {
        // A transaction on a closed connection; WebKit's lost connection.
        "InvalidStateError" | "UnknownError" => StoreFailure::ConnectionLost,
        _ => StoreFailure::Other,
    }
}

/// Whether to remind the person to download their own models: when a model was saved
/// after its last download and the drafts' cadence has passed (`protected`: the browser
/// promised to keep storage). Returns the days since the oldest such download (`None`
/// when one of them was never downloaded), like `storage_policy::export_reminder`.
pub fn model_export_reminder(
    now_ms: i64,
    records: &[ModelRecord],
    protected: bool,
) -> Option<Option<i64>> {
    let unexported: Vec<&ModelRecord> = records
        .iter()
        .filter(|r| r.state == RecordState::Current)
        .filter(|r| match (r.saved_ms, r.exported_ms) {
            (_, None) => true,
            (Some(saved), Some(exported)) => saved > exported,
            (None, Some(_)) => false,
        })
        .collect();
    let oldest_change = unexported
        .iter()
        .map(|r| r.saved_ms.unwrap_or(now_ms))
        .min()?;
    let last_export = if unexported.iter().any(|r| r.exported_ms.is_none()) {
        None
    } else {
        unexported.iter().filter_map(|r| r.exported_ms).min()
    };
    export_reminder(now_ms, last_export, Some(oldest_change), protected)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::catalog::UNITS_JSON;

    const FILE: &str = r#"{"app":"provincial-planner","kind":"model","schema_version":1,"model":{"schema_version":1,"id":"qn","province":{"vi":"Q","en":"Q"},"term":{"first_year":2026,"last_year":2030,"base_year":2025},"data_version":"1","groups":[{"id":"g1","name":{"vi":"K","en":"K"}}],"documents":[{"id":"t","kind":"table","file":"p","title":{"vi":"p","en":"p"},"issuer":""}]},"indicators":[{"id":"x","name":{"vi":"X","en":"X"},"group":"g1","unit":"percent","better":"higher","target_kind":"level"}],"figures":[{"indicator":"x","kind":"plan","period":"2026","value":1,"source":{"doc":"t","quote":"1"}}]}"#;
    const DAY: i64 = 86_400_000;

    fn object(format: f64, revision: Option<f64>, text: Option<&str>) -> RawRecord {
        RawRecord::Object {
            format: Some(format),
            revision,
            saved_ms: Some(5.0),
            exported_ms: None,
            text: text.map(str::to_string),
        }
    }

    fn rec(revision: u64, text: &str) -> ModelRecord {
        ModelRecord {
            revision,
            saved_ms: None,
            exported_ms: None,
            text: text.to_string(),
            state: RecordState::Current,
        }
    }

    fn dated(saved: Option<i64>, exported: Option<i64>) -> ModelRecord {
        ModelRecord {
            saved_ms: saved,
            exported_ms: exported,
            ..rec(1, FILE)
        }
    }

    #[track_caller]
    fn decides(current: Option<&ModelRecord>, known: u64, expected: SaveDecision) {
        assert_eq!(write_decision(current, known, UNITS_JSON), expected);
    }

    #[test]
    fn records_read_with_their_revision_and_state() {
        let r = read_record(object(1.0, Some(3.0), Some(FILE)));
        assert_eq!(
            (r.revision, r.saved_ms, r.state),
            (3, Some(5), RecordState::Current)
        );
        assert_eq!(read_record(RawRecord::Text("x".into())).revision, 0);
        assert_eq!(
            read_record(object(2.0, Some(3.0), Some(FILE))).state,
            RecordState::NewerFormat
        );
        assert_eq!(
            read_record(object(1.0, Some(1.5), Some(FILE))).state,
            RecordState::Malformed
        );
        assert_eq!(
            read_record(object(1.0, Some(-1.0), Some(FILE))).state,
            RecordState::Malformed
        );
        assert_eq!(
            read_record(object(1.0, Some(1.0), None)).state,
            RecordState::Malformed
        );
        assert_eq!(read_record(RawRecord::Other).state, RecordState::Malformed);
        // The text of a newer record is kept, for download.
        assert_eq!(read_record(object(2.0, None, Some("t"))).text, "t");
    }

    #[test]
    fn whole_numbers_only() {
        assert_eq!(whole(0.0), Some(0));
        assert_eq!(whole(12.0), Some(12));
        assert_eq!(whole(MAX_SAFE), Some(9_007_199_254_740_991));
        assert_eq!(whole(MAX_SAFE * 2.0), None);
        assert_eq!(whole(f64::NAN), None);
        assert_eq!(whole(f64::INFINITY), None);
        assert_eq!(whole(0.5), None);
    }

    #[test]
    fn b1_a_stale_tab_never_overwrites_a_newer_revision() {
        // Tab loaded revision 2; the store still holds 2: it writes 3.
        decides(Some(&rec(2, FILE)), 2, SaveDecision::Write(3));
        // Another tab wrote 3 meanwhile: refused.
        decides(Some(&rec(3, FILE)), 2, SaveDecision::Stale { stored: 3 });
        // The store holds less (an older bare string): write on.
        decides(Some(&rec(0, FILE)), 2, SaveDecision::Write(3));
        // A new model, nothing stored: revision 1.
        decides(None, 0, SaveDecision::Write(1));
        // A new model whose id another tab just used: refused, not overwritten.
        decides(Some(&rec(1, FILE)), 0, SaveDecision::Stale { stored: 1 });
    }

    #[test]
    fn c2_a_set_aside_or_newer_record_is_never_overwritten() {
        decides(Some(&rec(0, "{broken")), 5, SaveDecision::Protected);
        let newer = FILE.replace(
            "\"schema_version\":1,\"model\"",
            "\"schema_version\":9,\"model\"",
        );
        decides(Some(&rec(0, &newer)), 5, SaveDecision::Protected);
        let newer_format = read_record(object(2.0, Some(1.0), Some(FILE)));
        decides(Some(&newer_format), 5, SaveDecision::Protected);
        let malformed = read_record(RawRecord::Other);
        decides(Some(&malformed), 5, SaveDecision::Protected);
    }

    #[test]
    fn b3_other_tabs_learn_of_a_save() {
        let text = saved_message("qn", 4);
        let saved = read_saved_message(&text).expect("our message");
        assert_eq!(
            saved,
            SavedElsewhere {
                id: "qn".into(),
                revision: 4
            }
        );
        assert_eq!(read_saved_message("{\"app\":\"other\"}"), None);
        assert_eq!(read_saved_message("not json"), None);
        assert_eq!(
            read_saved_message(
                r#"{"app":"provincial-planner","kind":"model-saved","id":"qn","revision":-1}"#
            ),
            None
        );
        let act = |open, known| on_saved_elsewhere(&saved, open, known);
        assert_eq!(act(Some("qn"), Some(3)), ElsewhereAction::OpenModelChanged);
        assert_eq!(act(Some("qn"), Some(4)), ElsewhereAction::Nothing);
        assert_eq!(act(Some("kon-tum"), Some(3)), ElsewhereAction::ListChanged);
        assert_eq!(act(None, None), ElsewhereAction::ListChanged);
        assert_eq!(act(Some("qn"), None), ElsewhereAction::OpenModelChanged);
    }

    #[test]
    fn a2_a20_failures_are_classified() {
        let c = classify_failure;
        assert_eq!(c("QuotaExceededError", Some(22)), StoreFailure::Quota);
        assert_eq!(
            c("NS_ERROR_DOM_QUOTA_REACHED", Some(1014)),
            StoreFailure::Quota
        );
        assert_eq!(
            c("InvalidStateError", Some(11)),
            StoreFailure::ConnectionLost
        );
        assert_eq!(c("UnknownError", Some(0)), StoreFailure::ConnectionLost);
        assert_eq!(c("ConstraintError", Some(0)), StoreFailure::Other);
        assert_eq!(c("", None), StoreFailure::Other);
    }

    #[test]
    fn a18_own_models_have_an_export_reminder() {
        let now = 10 * DAY;
        // Saved 9 days ago, never downloaded, storage not protected: remind.
        assert_eq!(
            model_export_reminder(now, &[dated(Some(DAY), None)], false),
            Some(None)
        );
        // Protected storage waits 30 days.
        assert_eq!(
            model_export_reminder(now, &[dated(Some(DAY), None)], true),
            None
        );
        // Downloaded after its last save: nothing to lose.
        assert_eq!(
            model_export_reminder(now, &[dated(Some(DAY), Some(2 * DAY))], false),
            None
        );
        // Saved after a download 8 days ago: remind, counting from the download.
        assert_eq!(
            model_export_reminder(now, &[dated(Some(3 * DAY), Some(2 * DAY))], false),
            Some(Some(8))
        );
        // Saved yesterday, never downloaded: not yet.
        assert_eq!(
            model_export_reminder(now, &[dated(Some(9 * DAY), None)], false),
            None
        );
        // No models, no reminder.
        assert_eq!(model_export_reminder(now, &[], false), None);
    }
}
