//! Export files of drafts: writing them, naming them, reading them back with
//! validation, and deciding what an import does to the drafts already here.
//!
//! An export file is versioned JSON, pretty-printed so a person can read it:
//! `{"app": "provincial-planner", "kind": "drafts", "schema_version": 2,
//! "exported_ms": …, "drafts": [<draft body>, …]}`. A single stored record
//! (`{"app", "schema_version", "draft"}`, the text of one storage key, as offered for
//! download when it cannot be read) is accepted too, as a one-draft file. Every entry is
//! migrated and read on its own by the same code as stored records ([`open_envelope`],
//! [`draft_from_body`]): the good entries import and each bad one is reported with its
//! position and reason.
//!
//! Policies (reliability case D10, also in `docs/data-format.md`):
//! - **Unknown fields** are ignored and listed: at file level in
//!   [`ImportReport::unknown_fields`], in a draft as
//!   [`Repair::UnknownFields`](crate::core::draft::record::Repair::UnknownFields). They are
//!   not kept (a later export leaves them out). A format change that matters bumps
//!   `schema_version`, and a newer version is refused whole ([`ImportError::NewerVersion`]).
//! - **Duplicate keys** anywhere in the file reject the whole file
//!   ([`ImportError::DuplicateKey`]): JSON readers disagree on which of the two values
//!   wins, so the file does not say one thing.
//! - **Size and depth**: at most [`MAX_FILE_BYTES`] (the shell also checks the file's
//!   size before reading it), nesting at most [`MAX_DEPTH`], at most
//!   [`MAX_FILE_DRAFTS`] entries.
//! - **No silent replacement** ([`plan_import`]): a draft identical to one already here
//!   is skipped, a different draft with a taken id comes in as a copy under a new id,
//!   and nothing existing is ever changed. Imported drafts start at revision 0.
//!
//! Pure: bytes in, values out; no storage, no clock, no randomness (ids come from the
//! caller).

use std::collections::BTreeSet;
use std::fmt;

use serde_json::{json, Map, Value};

use crate::core::codec::strict_json::{self, JsonError, MAX_DEPTH};
use crate::core::draft::record::{
    draft_body, draft_from_body, open_envelope, Draft, DraftError, EncodeError, ReadDraft, APP_ID,
    MAX_NAME_CHARS, SCHEMA_VERSION,
};
use crate::core::text::unicode::same_text;

/// Largest file read, in bytes (5 MiB: thousands of drafts; a bigger file is not ours).
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
/// Most drafts one file may hold.
pub const MAX_FILE_DRAFTS: usize = 1000;
/// The `kind` of an export file.
pub const FILE_KIND: &str = "drafts";
/// File name stem used when a draft name has nothing usable left ("bản nháp").
pub const FALLBACK_FILE_STEM: &str = "ban-nhap";
/// Longest file name stem, in UTF-8 bytes (file systems allow 255; some zip tools and
/// mail clients choke well before that).
pub const MAX_FILE_STEM_BYTES: usize = 100;

const FILE_FIELDS: &[&str] = &["app", "kind", "schema_version", "exported_ms", "drafts"];
const RECORD_FIELDS: &[&str] = &["app", "schema_version", "draft"];

/// The export file holding `drafts`, pretty-printed, ending in a line break.
pub fn export_file(drafts: &[Draft], exported_ms: i64) -> Result<String, EncodeError> {
    let bodies = drafts
        .iter()
        .map(draft_body)
        .collect::<Result<Vec<_>, _>>()?;
    let file = json!({
        "app": APP_ID,
        "kind": FILE_KIND,
        "schema_version": SCHEMA_VERSION,
        "exported_ms": exported_ms,
        "drafts": bodies,
    });
    Ok(format!("{file:#}\n"))
}

/// Characters that some file system refuses or that hide what the name says.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

/// One part of a file name: unsafe characters replaced, space runs folded, no dots or
/// spaces at the ends, at most `cap` bytes (cut between letters, never inside one).
fn clean_part(text: &str, cap: usize) -> String {
    let mut out = String::with_capacity(text.len().min(cap));
    let mut space = false;
    for c in text.chars() {
        let c = match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '-',
            c if c.is_whitespace() || c.is_control() => ' ',
            c if is_invisible(c) => continue,
            c => c,
        };
        if c == ' ' {
            if !space && !out.is_empty() {
                out.push(' ');
            }
            space = true;
        } else {
            space = false;
            out.push(c);
        }
    }
    let trimmed = out.trim_matches(|c| c == ' ' || c == '.');
    let mut cut = String::with_capacity(cap);
    let mut rest = trimmed.chars().peekable();
    while let Some(&c) = rest.peek() {
        if cut.len() + c.len_utf8() > cap {
            break;
        }
        cut.push(c);
        rest.next();
    }
    if rest.peek().copied().is_some_and(is_combining) {
        // The cut fell between a letter and its accent: drop the letter too.
        while cut.pop().is_some_and(is_combining) {}
    }
    cut.trim_matches(|c| c == ' ' || c == '.').to_string()
}

/// Windows refuses these names whatever follows the first dot.
fn is_reserved(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).trim_end();
    let upper = stem.to_uppercase();
    if matches!(upper.as_str(), "CON" | "PRN" | "AUX" | "NUL") {
        return true;
    }
    let mut chars = upper.chars();
    let head: String = chars.by_ref().take(3).collect();
    let tail: String = chars.collect();
    (head == "COM" || head == "LPT")
        && matches!(
            tail.as_str(),
            "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9" | "¹" | "²" | "³"
        )
}

/// A safe file name `<base> <suffix>.json` for a download: Vietnamese letters kept as
/// given, characters file systems refuse replaced by `-`, invisible characters dropped,
/// no dots or spaces at the ends, Windows reserved names avoided, the base cut to
/// [`MAX_FILE_STEM_BYTES`], and [`FALLBACK_FILE_STEM`] when nothing is left. The suffix
/// (a date, say) is optional.
pub fn file_name(base: &str, suffix: &str) -> String {
    let mut stem = clean_part(base, MAX_FILE_STEM_BYTES);
    if stem.is_empty() {
        stem = FALLBACK_FILE_STEM.to_string();
    }
    let suffix = clean_part(suffix, 40);
    let mut name = if suffix.is_empty() {
        stem
    } else {
        format!("{stem} {suffix}")
    };
    if is_reserved(&name) {
        name.insert(0, '_');
    }
    format!("{name}.json")
}

/// Why a file cannot be imported at all (reliability cases D3 to D5, D10).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge {
        /// Its size.
        bytes: usize,
    },
    /// The file is empty (or only white space).
    Empty,
    /// UTF-16 text (Notepad's "Unicode"): save it again as UTF-8.
    Utf16,
    /// A zip archive, such as an Excel or Word file renamed to `.json`.
    Archive,
    /// Not text: invalid UTF-8 or binary.
    NotText,
    /// Text, but not JSON.
    NotJson(String),
    /// Nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// An object has the same key twice (see the module doc).
    DuplicateKey(String),
    /// JSON, but not an object (`null`, `[]`, a number…).
    NotAnObject,
    /// An object, but not written by this app.
    NotOurApp,
    /// No `schema_version` this app understands (missing, 0, not a whole number).
    UnknownVersion,
    /// Written by a newer version of the app.
    NewerVersion(u64),
    /// Ours, but holds neither a `drafts` list nor a `draft`.
    NoDrafts,
    /// More than [`MAX_FILE_DRAFTS`] entries.
    TooManyDrafts {
        /// How many.
        count: usize,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge { bytes } => {
                write!(f, "file is {bytes} bytes, over {MAX_FILE_BYTES}")
            }
            ImportError::Empty => write!(f, "file is empty"),
            ImportError::Utf16 => write!(f, "file is utf-16 text, not utf-8"),
            ImportError::Archive => write!(f, "file is a zip archive (excel or word?), not json"),
            ImportError::NotText => write!(f, "file is not utf-8 text"),
            ImportError::NotJson(e) => write!(f, "not json: {e}"),
            ImportError::TooDeep => write!(f, "nested deeper than {MAX_DEPTH} levels"),
            ImportError::DuplicateKey(k) => write!(f, "key {k:?} appears twice in one object"),
            ImportError::NotAnObject => write!(f, "json is not an object"),
            ImportError::NotOurApp => write!(f, "not a file of this app"),
            ImportError::UnknownVersion => write!(f, "unknown schema version"),
            ImportError::NewerVersion(v) => write!(f, "schema version {v} is newer than this app"),
            ImportError::NoDrafts => write!(f, "file holds no drafts"),
            ImportError::TooManyDrafts { count } => {
                write!(f, "file holds {count} drafts, over {MAX_FILE_DRAFTS}")
            }
        }
    }
}

/// Which form the file had.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileForm {
    /// An export file; when it was exported, if it says.
    Export {
        /// `exported_ms`, milliseconds since the Unix epoch.
        exported_ms: Option<i64>,
    },
    /// One stored record.
    Record,
}

/// A draft read from a file.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportedEntry {
    /// Position in the file's list (0 for a record).
    pub index: usize,
    /// The draft and what was repaired.
    pub read: ReadDraft,
}

/// An entry of the file that could not be read; the others still import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RejectedEntry {
    /// Position in the file's list (0 for a record).
    pub index: usize,
    /// Why.
    pub error: DraftError,
}

/// What a file holds.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportReport {
    /// Export file or record.
    pub form: FileForm,
    /// The file's schema version (the drafts are migrated to the current one).
    pub schema_version: u64,
    /// The drafts that read, in file order.
    pub drafts: Vec<ImportedEntry>,
    /// The entries that did not, in file order.
    pub rejected: Vec<RejectedEntry>,
    /// File-level fields this version does not know (ignored).
    pub unknown_fields: Vec<String>,
}

impl ImportReport {
    /// The drafts that read, for [`plan_import`].
    pub fn into_drafts(self) -> Vec<Draft> {
        self.drafts.into_iter().map(|e| e.read.draft).collect()
    }
}

fn looks_like_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    // ASCII text in UTF-16 without a byte-order mark: every other byte is NUL.
    let head = bytes.get(..bytes.len().min(64)).unwrap_or(&[]);
    let nul_even = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let nul_odd = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let half = head.len() / 2;
    half > 0 && (nul_even * 4 >= half * 3 || nul_odd * 4 >= half * 3)
}

fn text_of(bytes: &[u8]) -> Result<&str, ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Err(ImportError::Archive);
    }
    if looks_like_utf16(bytes) {
        return Err(ImportError::Utf16);
    }
    if bytes.contains(&0) {
        return Err(ImportError::NotText);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotText)?;
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    Ok(text)
}

/// Migrates and reads one entry written at `version`.
fn read_entry(entry: Value, version: u64) -> Result<ReadDraft, DraftError> {
    let record = json!({ "app": APP_ID, "schema_version": version, "draft": entry });
    let (mut record, _) = open_envelope(record)?;
    let body = record
        .remove("draft")
        .ok_or(DraftError::BadField("draft"))?;
    draft_from_body(body)
}

fn unknown_fields(map: &Map<String, Value>, known: &[&str]) -> Vec<String> {
    map.keys()
        .filter(|k| !known.contains(&k.as_str()))
        .cloned()
        .collect()
}

/// Reads the bytes of a file chosen for import (see the module doc for what is
/// accepted and refused).
pub fn import_file(bytes: &[u8]) -> Result<ImportReport, ImportError> {
    let text = text_of(bytes)?;
    let value = strict_json::parse(text).map_err(|e| match e {
        JsonError::TooDeep => ImportError::TooDeep,
        JsonError::DuplicateKey(k) => ImportError::DuplicateKey(k),
        JsonError::Syntax(e) => ImportError::NotJson(e),
    })?;
    let Value::Object(mut file) = value else {
        return Err(ImportError::NotAnObject);
    };
    if file.get("app").and_then(Value::as_str) != Some(APP_ID) {
        return Err(ImportError::NotOurApp);
    }
    let version = file
        .get("schema_version")
        .and_then(Value::as_u64)
        .filter(|&v| v > 0)
        .ok_or(ImportError::UnknownVersion)?;
    if version > SCHEMA_VERSION {
        return Err(ImportError::NewerVersion(version));
    }
    let mut drafts = Vec::new();
    let mut rejected = Vec::new();
    let mut take = |index: usize, entry: Value| match read_entry(entry, version) {
        Ok(read) => drafts.push(ImportedEntry { index, read }),
        Err(error) => rejected.push(RejectedEntry { index, error }),
    };
    let (form, unknown) = if let Some(list) = file.remove("drafts") {
        if file
            .get("kind")
            .is_some_and(|k| k.as_str() != Some(FILE_KIND))
        {
            return Err(ImportError::NoDrafts);
        }
        let Value::Array(list) = list else {
            return Err(ImportError::NoDrafts);
        };
        if list.len() > MAX_FILE_DRAFTS {
            return Err(ImportError::TooManyDrafts { count: list.len() });
        }
        for (index, entry) in list.into_iter().enumerate() {
            take(index, entry);
        }
        let exported_ms = file.get("exported_ms").and_then(Value::as_i64);
        (
            FileForm::Export { exported_ms },
            unknown_fields(&file, FILE_FIELDS),
        )
    } else if let Some(entry) = file.remove("draft") {
        take(0, entry);
        (FileForm::Record, unknown_fields(&file, RECORD_FIELDS))
    } else {
        return Err(ImportError::NoDrafts);
    };
    Ok(ImportReport {
        form,
        schema_version: version,
        drafts,
        rejected,
        unknown_fields: unknown,
    })
}

/// What importing one draft does. Nothing already here is ever changed.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportAction {
    /// A draft whose id is new here: added as it is (revision 0).
    Add(Draft),
    /// Its id is taken by a different draft: added as a copy, under a new id and with
    /// the copy suffix on its name (revision 0); the existing draft stays as it is.
    AddCopy {
        /// The copy to add.
        draft: Draft,
        /// Id of the draft (here, or earlier in the same file) that holds the id.
        clashes_with: String,
    },
    /// The same draft is already here (same id, same content): nothing to do.
    Skip {
        /// Its id.
        id: String,
        /// Its name.
        name: String,
    },
}

/// Whether two drafts say the same thing: name, note, model and overrides. Revision and
/// times are bookkeeping and do not count; names and notes are compared in NFC, so the
/// same name written with combining marks is the same name.
pub fn same_content(a: &Draft, b: &Draft) -> bool {
    same_text(&a.name, &b.name)
        && same_text(&a.note, &b.note)
        && a.model == b.model
        && a.overrides == b.overrides
}

/// `name` followed by `suffix`, cut so it stays within [`MAX_NAME_CHARS`].
pub fn name_with_suffix(name: &str, suffix: &str) -> String {
    let room = MAX_NAME_CHARS.saturating_sub(suffix.chars().count());
    let mut out: String = name.chars().take(room).collect();
    out.push_str(suffix);
    out.chars().take(MAX_NAME_CHARS).collect()
}

/// Decides, draft by draft and in order, what importing `incoming` does next to
/// `existing` (reliability cases D7, D8). `copy_suffix` is appended to the name of a
/// copy (the shell passes it in the person's language, e.g. " (bản nhập)");
/// `new_id` makes ids for copies (retried with a counter if it repeats a taken id).
pub fn plan_import(
    existing: &[Draft],
    incoming: Vec<Draft>,
    copy_suffix: &str,
    new_id: &mut dyn FnMut() -> String,
) -> Vec<ImportAction> {
    let mut taken: BTreeSet<String> = existing.iter().map(|d| d.id.clone()).collect();
    let mut added: Vec<Draft> = Vec::new();
    let mut actions = Vec::with_capacity(incoming.len());
    for mut draft in incoming {
        draft.revision = 0;
        let same_id = existing
            .iter()
            .chain(added.iter())
            .find(|d| d.id == draft.id);
        // A copy made by an earlier import of the same file carries the suffixed name;
        // finding it means this draft is already here, so importing twice adds nothing.
        let copied_name = name_with_suffix(&draft.name, copy_suffix);
        let already_copied = || {
            existing.iter().chain(added.iter()).any(|d| {
                d.id != draft.id
                    && same_content(
                        d,
                        &Draft {
                            name: copied_name.clone(),
                            ..draft.clone()
                        },
                    )
            })
        };
        let action = match same_id {
            None => ImportAction::Add(draft.clone()),
            Some(d) if same_content(d, &draft) || already_copied() => ImportAction::Skip {
                id: draft.id.clone(),
                name: draft.name.clone(),
            },
            Some(d) => {
                let clashes_with = d.id.clone();
                let base = new_id();
                let mut id = base.clone();
                let mut n = 1u32;
                while id.is_empty() || taken.contains(&id) {
                    n = n.saturating_add(1);
                    id = format!("{base}-{n}");
                }
                draft.id = id;
                draft.name = copied_name;
                ImportAction::AddCopy {
                    draft: draft.clone(),
                    clashes_with,
                }
            }
        };
        match &action {
            ImportAction::Add(d) | ImportAction::AddCopy { draft: d, .. } => {
                taken.insert(d.id.clone());
                added.push(d.clone());
            }
            ImportAction::Skip { .. } => {}
        }
        actions.push(action);
    }
    actions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::draft::record::{Entry, ModelRef, Overrides, Repair};
    use crate::core::text::numfmt::Locale;

    fn draft(id: &str, name: &str) -> Draft {
        let mut o = Overrides::default();
        o.scenario.insert(
            ("grdp_constant".into(), 2025),
            Entry::read("8,5", Locale::Vi),
        );
        Draft {
            id: id.into(),
            name: name.into(),
            note: String::new(),
            model: ModelRef {
                id: "kon-tum-2021-2025".into(),
                province: "Kon Tum".into(),
                first_year: 2021,
                last_year: 2025,
                data_version: "2026-11-22".into(),
            },
            created_ms: 1,
            changed_ms: 2,
            revision: 4,
            overrides: o,
        }
    }

    #[track_caller]
    fn named(base: &str, suffix: &str, expected: &str) {
        assert_eq!(file_name(base, suffix), expected, "{base:?} + {suffix:?}");
    }

    #[test]
    fn file_names_keep_vietnamese_and_drop_unsafe_characters() {
        named(
            "Kịch bản tăng trưởng cao",
            "",
            "Kịch bản tăng trưởng cao.json",
        );
        named("Kịch bản cao", "2026-11-22", "Kịch bản cao 2026-11-22.json");
        named("Họp 5/11: phương án A*", "", "Họp 5-11- phương án A-.json");
        named(r#"a\b?c"d<e>f|g"#, "", "a-b-c-d-e-f-g.json");
        named("  tab\there\nnew line  ", "", "tab here new line.json");
        named("...ẩn.", "", "ẩn.json");
        named(" . ", "", "ban-nhap.json");
        named("", "2026-11-22", "ban-nhap 2026-11-22.json");
        named("\u{202E}nosj.exe", "", "nosj.exe.json");
        named("a\u{200B}b\u{FEFF}c", "", "abc.json");
        named("CON", "", "_CON.json");
        named("con.backup", "", "_con.backup.json");
        named("Lpt1", "", "_Lpt1.json");
        named("COM²", "", "_COM².json");
        named("CONSOLE", "", "CONSOLE.json");
        named("CON", "2026", "CON 2026.json");
        named("v1.2 final", "", "v1.2 final.json");
    }

    #[test]
    fn file_names_are_cut_between_letters() {
        let long = "ệ".repeat(60); // 3 bytes each
        let name = file_name(&long, "");
        assert_eq!(name, format!("{}.json", "ệ".repeat(33)));
        // Decomposed letters (e + combining marks) are never split from their accents.
        let nfd = "e\u{0323}\u{0302}".repeat(40); // 5 bytes each
        let name = file_name(&nfd, "");
        assert_eq!(name, format!("{}.json", "e\u{0323}\u{0302}".repeat(20)));
        let odd = format!("a{}", "e\u{0323}\u{0302}".repeat(40));
        let stem = file_name(&odd, "").trim_end_matches(".json").to_string();
        assert!(stem.len() <= MAX_FILE_STEM_BYTES);
        assert!(!stem.ends_with('\u{0323}'), "{stem:?}");
        assert!(stem.ends_with('\u{0302}'));
    }

    #[test]
    fn d1_export_then_import_gives_the_same_drafts() {
        let drafts = vec![draft("a", "Một"), draft("b", "Hai")];
        let file = export_file(&drafts, 99).unwrap();
        assert!(
            file.contains("\n  \"app\": \"provincial-planner\""),
            "{file}"
        );
        let report = import_file(file.as_bytes()).unwrap();
        assert_eq!(
            report.form,
            FileForm::Export {
                exported_ms: Some(99)
            }
        );
        assert!(report.rejected.is_empty() && report.unknown_fields.is_empty());
        assert!(report.drafts.iter().all(|e| e.read.repairs.is_empty()));
        assert_eq!(report.into_drafts(), drafts);
    }

    #[track_caller]
    fn refused(bytes: &[u8], expected: ImportError) {
        assert_eq!(import_file(bytes), Err(expected));
    }

    #[test]
    fn d5_files_that_are_not_ours_are_typed_errors() {
        refused(b"", ImportError::Empty);
        refused(b"  \n", ImportError::Empty);
        refused(b"\xEF\xBB\xBF", ImportError::Empty);
        refused(b"null", ImportError::NotAnObject);
        refused(b"[]", ImportError::NotAnObject);
        refused(b"\"x\"", ImportError::NotAnObject);
        refused(b"{}", ImportError::NotOurApp);
        refused(
            br#"{"app":"other","schema_version":1}"#,
            ImportError::NotOurApp,
        );
        refused(
            br#"{"app":"provincial-planner"}"#,
            ImportError::UnknownVersion,
        );
        refused(
            br#"{"app":"provincial-planner","schema_version":0}"#,
            ImportError::UnknownVersion,
        );
        refused(
            br#"{"app":"provincial-planner","schema_version":1.5}"#,
            ImportError::UnknownVersion,
        );
        refused(
            br#"{"app":"provincial-planner","schema_version":9,"drafts":[]}"#,
            ImportError::NewerVersion(9),
        );
        refused(
            br#"{"app":"provincial-planner","schema_version":1}"#,
            ImportError::NoDrafts,
        );
        refused(
            br#"{"app":"provincial-planner","schema_version":1,"drafts":{}}"#,
            ImportError::NoDrafts,
        );
        refused(
            br#"{"app":"provincial-planner","kind":"x","schema_version":1,"drafts":[]}"#,
            ImportError::NoDrafts,
        );
        refused(
            b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml",
            ImportError::Archive,
        );
        refused(b"\xFF\xFE{\x00}\x00", ImportError::Utf16);
        refused(b"\xFE\xFF\x00{\x00}", ImportError::Utf16);
        refused(b"{\x00\"\x00a\x00p\x00p\x00\"\x00", ImportError::Utf16);
        refused(b"{\"a\":\"\xC3\x28\"}", ImportError::NotText);
        refused(b"{\"a\":1}\x00\x01\x02", ImportError::NotText);
        assert!(matches!(
            import_file(b"{\"app\":"),
            Err(ImportError::NotJson(_))
        ));
        assert!(matches!(import_file(b"ap,p"), Err(ImportError::NotJson(_))));
    }

    #[test]
    fn d2_utf8_bom_is_accepted() {
        let file = export_file(&[draft("a", "Một")], 1).unwrap();
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), file.as_bytes()].concat();
        assert_eq!(import_file(&with_bom).unwrap().drafts.len(), 1);
    }

    #[test]
    fn d3_oversized_file_is_refused_before_parsing() {
        let big = vec![b' '; MAX_FILE_BYTES + 1];
        refused(
            &big,
            ImportError::TooLarge {
                bytes: MAX_FILE_BYTES + 1,
            },
        );
    }

    #[test]
    fn d4_deep_nesting_is_a_clean_error() {
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        refused(deep.as_bytes(), ImportError::TooDeep);
        let inside = format!(
            r#"{{"app":"provincial-planner","schema_version":1,"drafts":[{}]}}"#,
            "{\"a\":".repeat(10_000)
        );
        refused(inside.as_bytes(), ImportError::TooDeep);
    }

    #[test]
    fn d5_each_bad_entry_is_reported_while_the_good_ones_import() {
        let good = draft_body(&draft("a", "Một")).unwrap();
        let file = json!({
            "app": APP_ID, "kind": "drafts", "schema_version": 1,
            "drafts": [good, null, {"id": "b"}, {"id": "c", "model": {"id": "m"}, "scenario": 5}],
            "made_by": "tay"
        });
        let report = import_file(file.to_string().as_bytes()).unwrap();
        assert_eq!(report.drafts.len(), 1);
        assert_eq!(report.drafts[0].index, 0);
        assert_eq!(report.form, FileForm::Export { exported_ms: None });
        assert_eq!(
            report.rejected,
            vec![
                RejectedEntry {
                    index: 1,
                    error: DraftError::BadField("draft")
                },
                RejectedEntry {
                    index: 2,
                    error: DraftError::BadField("model")
                },
                RejectedEntry {
                    index: 3,
                    error: DraftError::BadField("scenario")
                },
            ]
        );
        assert_eq!(report.unknown_fields, vec!["made_by".to_string()]);
        let many = json!({"app": APP_ID, "schema_version": 1, "drafts": vec![Value::Null; MAX_FILE_DRAFTS + 1]});
        refused(
            many.to_string().as_bytes(),
            ImportError::TooManyDrafts {
                count: MAX_FILE_DRAFTS + 1,
            },
        );
    }

    #[test]
    fn a_single_stored_record_imports_as_a_one_draft_file() {
        let d = draft("a", "Một");
        let record = crate::core::draft::record::draft_to_json(&d).unwrap();
        let report = import_file(record.as_bytes()).unwrap();
        assert_eq!(report.form, FileForm::Record);
        assert_eq!(report.into_drafts(), vec![d]);
        let bad = br#"{"app":"provincial-planner","schema_version":1,"draft":{"id":"x"}}"#;
        let report = import_file(bad).unwrap();
        assert_eq!(
            report.rejected,
            vec![RejectedEntry {
                index: 0,
                error: DraftError::BadField("model")
            }]
        );
    }

    #[test]
    fn d10_unknown_fields_are_listed_and_duplicate_keys_reject_the_file() {
        let mut body = draft_body(&draft("a", "Một")).unwrap();
        body["colour"] = json!("red");
        let file = json!({"app": APP_ID, "schema_version": 1, "drafts": [body], "x": 1});
        let report = import_file(file.to_string().as_bytes()).unwrap();
        assert_eq!(report.unknown_fields, vec!["x".to_string()]);
        assert_eq!(
            report.drafts[0].read.repairs,
            vec![Repair::UnknownFields(vec!["colour".into()])]
        );
        let text =
            file.to_string()
                .replacen("\"name\":\"Một\"", "\"name\":\"Một\",\"name\":\"Hai\"", 1);
        refused(text.as_bytes(), ImportError::DuplicateKey("name".into()));
        refused(
            br#"{"app":"provincial-planner","app":"provincial-planner","schema_version":1,"drafts":[]}"#,
            ImportError::DuplicateKey("app".into()),
        );
    }

    fn ids() -> impl FnMut() -> String {
        let mut n = 0;
        move || {
            n += 1;
            format!("new{n}")
        }
    }

    #[test]
    fn d8_importing_the_same_file_twice_adds_nothing() {
        let here = vec![draft("a", "Một")];
        let mut again = here[0].clone();
        again.revision = 9;
        again.changed_ms = 50;
        let actions = plan_import(&here, vec![again], " (bản nhập)", &mut ids());
        assert_eq!(
            actions,
            vec![ImportAction::Skip {
                id: "a".into(),
                name: "Một".into()
            }]
        );
    }

    #[test]
    fn a_name_in_another_unicode_form_is_the_same_draft() {
        // "Kế hoạch" with combining marks (NFD), as some keyboards and systems write it.
        let nfd = "Ke\u{0302}\u{0301} hoa\u{0323}ch";
        let mut here = draft("a", "Kế hoạch");
        here.note = "Kế hoạch quý IV".into();
        let mut in_file = draft("a", nfd);
        in_file.note = format!("{nfd} quy\u{0301} IV");
        let file = export_file(&[in_file], 0).unwrap();
        let read = import_file(file.as_bytes()).unwrap().into_drafts();
        assert_eq!(read[0].name, "Kế hoạch", "read in NFC");
        assert_eq!(read[0].note, "Kế hoạch quý IV");
        assert_eq!(
            plan_import(&[here.clone()], read, " (bản nhập)", &mut ids()),
            vec![ImportAction::Skip {
                id: "a".into(),
                name: "Kế hoạch".into(),
            }]
        );
        // Compared in NFC even when a draft here was never read back (typed in NFD).
        let mut typed = here.clone();
        typed.name = nfd.into();
        assert!(matches!(
            plan_import(&[typed], vec![here], " (bản nhập)", &mut ids()).as_slice(),
            [ImportAction::Skip { .. }]
        ));
    }

    #[test]
    fn d7_a_taken_id_with_other_content_comes_in_as_a_copy() {
        let here = vec![draft("a", "Một"), draft("new1", "x")];
        let mut changed = draft("a", "Một");
        changed.note = "sửa".into();
        let fresh = draft("b", "Hai");
        let actions = plan_import(
            &here,
            vec![changed.clone(), fresh.clone(), fresh.clone()],
            " (bản nhập)",
            &mut ids(),
        );
        let mut copy = changed;
        copy.id = "new1-2".into();
        copy.name = "Một (bản nhập)".into();
        copy.revision = 0;
        let mut fresh0 = fresh;
        fresh0.revision = 0;
        assert_eq!(
            actions,
            vec![
                ImportAction::AddCopy {
                    draft: copy,
                    clashes_with: "a".into()
                },
                ImportAction::Add(fresh0.clone()),
                ImportAction::Skip {
                    id: "b".into(),
                    name: "Hai".into()
                },
            ]
        );
    }

    #[test]
    fn copy_names_stay_within_the_limit() {
        let long = "ạ".repeat(MAX_NAME_CHARS);
        let named = name_with_suffix(&long, " (bản nhập)");
        assert_eq!(named.chars().count(), MAX_NAME_CHARS);
        assert!(named.ends_with(" (bản nhập)"));
        assert_eq!(name_with_suffix("A", " (copy)"), "A (copy)");
    }
}
