//! Rules for keeping drafts in browser storage, apart from the storage itself: key
//! names, how a failed write is classified, the small metadata record, when to warn
//! that storage is nearly full, and when to remind the person to export.
//!
//! Pure: the shell's storage adapter (`crate::platform::storage`) does the reading and writing,
//! and passes "now" in.

use serde_json::{json, Value};

use crate::core::draft::record::APP_ID;

/// Every key of this app starts with this prefix, so other apps on the same origin (a
/// provincial portal hosts many) are never touched.
pub const KEY_PREFIX: &str = "provincial-planner/";
/// One key per draft: this prefix plus the draft id.
pub const DRAFT_PREFIX: &str = "provincial-planner/draft/";
/// Metadata: when drafts were last exported, measured capacity.
pub const META_KEY: &str = "provincial-planner/meta";
/// Scratch key used to measure capacity; removed straight after.
pub const PROBE_KEY: &str = "provincial-planner/probe";

/// Share of the measured capacity past which the person is warned (A12).
pub const NEARLY_FULL_SHARE: f64 = 0.8;
/// Days between export reminders when the browser has promised to keep storage.
pub const REMIND_DAYS_PROTECTED: i64 = 30;
/// Days between export reminders when it has not (Safari deletes script-written storage
/// of sites not visited for 7 days; shared computers may clear on exit).
pub const REMIND_DAYS_UNPROTECTED: i64 = 7;

/// The storage key of a draft.
pub fn draft_key(id: &str) -> String {
    format!("{DRAFT_PREFIX}{id}")
}

/// The draft id of a storage key, if it is a draft key.
pub fn draft_id(key: &str) -> Option<&str> {
    key.strip_prefix(DRAFT_PREFIX).filter(|id| !id.is_empty())
}

/// How a failed write is classified.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WriteFailure {
    /// The origin's storage is full.
    Quota,
    /// Anything else (storage disabled mid-session, a browser bug…).
    Other,
}

/// Classifies a write error from its DOMException `name` and legacy `code`: the names
/// and codes browsers have used for a full storage are Quota, everything else Other
/// (reliability case A2).
pub fn classify_write_error(name: &str, code: Option<u16>) -> WriteFailure {
    match (name, code) {
        ("QuotaExceededError", _) | ("NS_ERROR_DOM_QUOTA_REACHED", _) => WriteFailure::Quota,
        ("QUOTA_EXCEEDED_ERR", _) => WriteFailure::Quota,
        (_, Some(22)) | (_, Some(1014)) if name.to_ascii_lowercase().contains("quota") => {
            WriteFailure::Quota
        }
        _ => WriteFailure::Other,
    }
}

/// The small metadata record.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    /// When drafts were last exported to a file, in ms since the epoch.
    pub last_export_ms: Option<i64>,
    /// Measured capacity of this origin's storage, in UTF-16 code units (keys and
    /// values), probed once.
    pub capacity_units: Option<u64>,
}

/// The metadata record as JSON text.
pub fn meta_to_json(meta: &Meta) -> String {
    json!({
        "app": APP_ID,
        "schema_version": 1,
        "last_export_ms": meta.last_export_ms,
        "capacity_units": meta.capacity_units,
    })
    .to_string()
}

/// Reads the metadata record; anything unreadable reads as "nothing known" (the record
/// holds no user work, so nothing is lost by that).
pub fn meta_from_json(text: &str) -> Meta {
    let Ok(value) = serde_json::from_str::<Value>(text) else {
        return Meta::default();
    };
    Meta {
        last_export_ms: value.get("last_export_ms").and_then(Value::as_i64),
        capacity_units: value.get("capacity_units").and_then(Value::as_u64),
    }
}

/// Whether `used` units are past [`NEARLY_FULL_SHARE`] of `capacity`.
pub fn nearly_full(used: u64, capacity: Option<u64>) -> bool {
    match capacity {
        Some(c) if c > 0 => {
            // Both are far below 2^53, so the conversions are exact.
            #[allow(clippy::cast_precision_loss)]
            let share = used as f64 / c as f64;
            share >= NEARLY_FULL_SHARE
        }
        _ => false,
    }
}

/// Whether to remind the person to export, and how many days it has been (`None`
/// when never exported). Only when there are drafts to lose (reliability case A18).
pub fn export_reminder(
    now_ms: i64,
    last_export_ms: Option<i64>,
    oldest_unexported_change_ms: Option<i64>,
    protected: bool,
) -> Option<Option<i64>> {
    let changed = oldest_unexported_change_ms?;
    let threshold = if protected {
        REMIND_DAYS_PROTECTED
    } else {
        REMIND_DAYS_UNPROTECTED
    };
    match last_export_ms {
        Some(last) => {
            let days = crate::core::text::calendar::days_between(last, now_ms);
            (days >= threshold).then_some(Some(days))
        }
        None => {
            let days = crate::core::text::calendar::days_between(changed, now_ms);
            (days >= threshold).then_some(None)
        }
    }
}

/// Size in UTF-16 code units of a key and its value, the unit browsers count quota in.
pub fn stored_units(key: &str, value: &str) -> u64 {
    let units = key.encode_utf16().count() + value.encode_utf16().count();
    u64::try_from(units).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a2_quota_classifier() {
        assert_eq!(
            classify_write_error("QuotaExceededError", Some(22)),
            WriteFailure::Quota
        );
        assert_eq!(
            classify_write_error("NS_ERROR_DOM_QUOTA_REACHED", Some(1014)),
            WriteFailure::Quota
        );
        assert_eq!(
            classify_write_error("QUOTA_EXCEEDED_ERR", Some(22)),
            WriteFailure::Quota
        );
        assert_eq!(
            classify_write_error("SecurityError", Some(18)),
            WriteFailure::Other
        );
        assert_eq!(
            classify_write_error("InvalidStateError", Some(11)),
            WriteFailure::Other
        );
        assert_eq!(classify_write_error("TypeError", None), WriteFailure::Other);
        assert_eq!(classify_write_error("", None), WriteFailure::Other);
    }

    #[test]
    fn keys_and_meta() {
        assert_eq!(draft_id(&draft_key("abc")), Some("abc"));
        assert_eq!(draft_id(META_KEY), None);
        assert_eq!(draft_id(DRAFT_PREFIX), None);
        let meta = Meta {
            last_export_ms: Some(5),
            capacity_units: Some(5_242_880),
        };
        assert_eq!(meta_from_json(&meta_to_json(&meta)), meta);
        assert_eq!(meta_from_json("{broken"), Meta::default());
        assert_eq!(stored_units("ab", "ạ"), 3);
    }

    #[test]
    fn a12_nearly_full_at_80_percent() {
        assert!(!nearly_full(79, Some(100)));
        assert!(nearly_full(80, Some(100)));
        assert!(!nearly_full(1_000, None));
        assert!(!nearly_full(1, Some(0)));
    }

    #[test]
    fn a18_export_reminder_cadence() {
        let day = 86_400_000;
        // Never exported, drafts changed 8 days ago, storage not protected: remind.
        assert_eq!(export_reminder(8 * day, None, Some(0), false), Some(None));
        // Protected storage waits 30 days.
        assert_eq!(export_reminder(8 * day, None, Some(0), true), None);
        assert_eq!(
            export_reminder(40 * day, Some(day), Some(0), true),
            Some(Some(39))
        );
        // Nothing to lose, no reminder.
        assert_eq!(export_reminder(400 * day, None, None, false), None);
        assert_eq!(export_reminder(3 * day, Some(0), Some(0), false), None);
    }
}
