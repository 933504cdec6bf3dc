//! Share links: one draft carried in the URL fragment (the part after `#`, which the
//! browser never sends to a server), compressed, versioned and checksummed.
//!
//! The fragment value is `1.<checksum>.<payload>`:
//! - `1` is the link version. Link version *n* carries a draft body of schema version
//!   *n* ([`SCHEMA_VERSION`]) in the compressed form of `crate::core::codec::compress`; a new
//!   schema version bumps it, and old links are migrated by the same
//!   [`open_envelope`] step as stored records.
//! - `<checksum>` is FNV-1a 32 ([`checksum`]) of the uncompressed JSON, 8 lowercase hex
//!   digits: a link cut short by a chat app or mistyped by hand is caught.
//! - `<payload>` is base64url (no padding) of the compressed JSON of the draft's
//!   shareable part: name, note, model and overrides. Id, times and revision stay home:
//!   the person who opens the link gets a new unsaved draft with an id and times of
//!   their own.
//!
//! In a URL the value follows the key [`SHARE_FRAGMENT_KEY`]: `#nhap=1.<checksum>.<payload>`.
//! Chat apps and mail clients sometimes percent-encode a fragment on the way
//! (`#nhap%3D1.…`, `%2E` for a dot); no character of a link needs `%`, so the fragment is
//! percent-decoded first ([`share_value`], and again by [`decode_share`]) and every such
//! form opens the same draft.
//!
//! Decoding is bounded whatever the input: at most [`MAX_FRAGMENT_CHARS`] characters
//! are looked at, at most [`MAX_PAYLOAD_BYTES`] are decompressed, the JSON is read
//! strictly (depth, duplicate keys) and the draft is read by [`draft_from_body`]
//! (override count cap, finite numbers). Pure: no I/O.

use std::fmt;

use serde_json::Value;

use crate::core::codec::compress::{
    base64url_decode, base64url_encode, compress, decompress, DecompressError,
};
use crate::core::codec::strict_json::{self, JsonError};
use crate::core::draft::record::{
    checksum, draft_body, draft_from_body, open_envelope, Draft, DraftError, EncodeError,
    ReadDraft, Repair, APP_ID, SCHEMA_VERSION,
};

/// The key in front of a share link's value in the URL fragment: `#nhap=<value>`
/// ("nháp", draft).
pub const SHARE_FRAGMENT_KEY: &str = "nhap=";

/// How many rounds of percent-decoding a fragment gets: a link passed through two apps
/// that each encode it still opens.
const DECODE_ROUNDS: usize = 3;

/// Link version this app writes: always the draft schema version (see the module doc).
pub const LINK_VERSION: u64 = SCHEMA_VERSION;

/// Longest fragment value offered as a link, in characters. About 2,000 characters is
/// the long-standing safe length for a whole URL (old browsers stopped at 2,083; chat
/// apps, e-mail clients and SMS gateways wrap, shorten or cut longer ones); 1,800 leaves
/// room for the address of the app in front of the fragment.
pub const MAX_LINK_CHARS: usize = 1800;

/// Longest fragment value decoding looks at. Larger than [`MAX_LINK_CHARS`] so a link
/// from a later version with a larger budget still opens; anything longer is refused
/// before any work.
pub const MAX_FRAGMENT_CHARS: usize = 8192;

/// Most bytes a payload may decompress to (a bomb stops here with an error).
pub const MAX_PAYLOAD_BYTES: usize = 64 * 1024;

/// Keys of a draft body that a link leaves out. `relied` (the figures the draft relied
/// on) too: it would make most links too long, and the draft a link opens is new, on
/// the model as it is, and keeps its own figures when saved.
const PRIVATE_FIELDS: [&str; 5] = ["id", "created_ms", "changed_ms", "revision", "relied"];

/// Why a draft cannot become a link, or a link cannot become a draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// The link would be longer than [`MAX_LINK_CHARS`]: offer the file instead (E1).
    TooLong {
        /// Length the fragment value would have.
        chars: usize,
    },
    /// The draft holds a number that cannot be written.
    Encode(EncodeError),
    /// The fragment is longer than [`MAX_FRAGMENT_CHARS`].
    InputTooLong {
        /// Its length in characters.
        chars: usize,
    },
    /// Not of the form `version.checksum.payload`.
    Malformed,
    /// A link version this app does not know and that is not newer (0, or not a number).
    UnknownVersion,
    /// Made by a newer version of the app.
    NewerVersion(u64),
    /// The payload is not base64url.
    BadBase64,
    /// The payload is not valid compressed data.
    Corrupt,
    /// The payload expands past [`MAX_PAYLOAD_BYTES`].
    TooLarge,
    /// The checksum does not match (the link was cut or changed).
    ChecksumMismatch,
    /// The payload is not valid JSON text (or not UTF-8).
    Json(JsonError),
    /// The JSON is not a readable draft.
    Draft(DraftError),
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::TooLong { chars } => {
                write!(f, "link would be {chars} characters, over {MAX_LINK_CHARS}")
            }
            ShareError::Encode(e) => write!(f, "cannot encode: {e}"),
            ShareError::InputTooLong { chars } => {
                write!(f, "link is {chars} characters, over {MAX_FRAGMENT_CHARS}")
            }
            ShareError::Malformed => write!(f, "not a draft link"),
            ShareError::UnknownVersion => write!(f, "unknown link version"),
            ShareError::NewerVersion(v) => write!(f, "link version {v} is newer than this app"),
            ShareError::BadBase64 => write!(f, "link payload is not base64url"),
            ShareError::Corrupt => write!(f, "link payload is corrupt"),
            ShareError::TooLarge => {
                write!(f, "link payload expands past {MAX_PAYLOAD_BYTES} bytes")
            }
            ShareError::ChecksumMismatch => write!(f, "link checksum does not match"),
            ShareError::Json(e) => write!(f, "link payload: {e}"),
            ShareError::Draft(e) => write!(f, "link draft: {e}"),
        }
    }
}

/// What opening a share link in this app gave.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkOutcome {
    /// The draft opened, as a new unsaved draft; `repairs` say what was fixed on the way.
    Opened {
        /// What reading the draft repaired (empty for a clean link).
        repairs: Vec<Repair>,
    },
    /// The link reads, but its model (province and term) is not in this app.
    ModelMissing,
    /// The link cannot be read.
    Unreadable(ShareError),
}

/// Replaces every `%XX` (two hex digits) by its byte, once; anything else, a lone `%`
/// included, is kept as it is. Text that decodes to bytes that are not UTF-8 is kept
/// whole (no link needs such bytes, and the reader then says why it is not one).
fn percent_decode_once(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = bytes
            .get(i + 1..i + 3)
            .filter(|h| b == b'%' && h.iter().all(u8::is_ascii_hexdigit))
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match hex {
            Some(decoded) => {
                out.push(decoded);
                i += 3;
            }
            None => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

/// Percent-decodes `text` until no `%XX` is left (at most a few rounds). Text longer
/// than a link can be after encoding is left alone: the reader refuses it by length.
fn percent_decode(text: &str) -> String {
    let mut current = text.to_string();
    if current.len() > MAX_FRAGMENT_CHARS.saturating_mul(3) {
        return current;
    }
    for _ in 0..DECODE_ROUNDS {
        if !current.contains('%') {
            break;
        }
        let next = percent_decode_once(&current);
        if next == current {
            break;
        }
        current = next;
    }
    current
}

/// The share-link value of a URL fragment (`location.hash`, with or without its `#`),
/// percent-decoded; `None` when the fragment is not a share link.
pub fn share_value(hash: &str) -> Option<String> {
    let decoded = percent_decode(hash);
    let value = decoded.strip_prefix('#').unwrap_or(&decoded);
    value.strip_prefix(SHARE_FRAGMENT_KEY).map(str::to_string)
}

/// The JSON text a link carries for `draft` (its shareable part).
fn shareable_json(draft: &Draft) -> Result<String, EncodeError> {
    let mut body = draft_body(draft)?;
    if let Value::Object(map) = &mut body {
        for key in PRIVATE_FIELDS {
            map.remove(key);
        }
    }
    Ok(body.to_string())
}

/// The fragment value (without `#`) carrying `draft`; [`ShareError::TooLong`] past
/// [`MAX_LINK_CHARS`], so the caller offers the file instead.
pub fn encode_share(draft: &Draft) -> Result<String, ShareError> {
    let json = shareable_json(draft).map_err(ShareError::Encode)?;
    let payload = base64url_encode(&compress(json.as_bytes()));
    let fragment = format!("{LINK_VERSION}.{:08x}.{payload}", checksum(&json));
    let chars = fragment.len();
    if chars > MAX_LINK_CHARS {
        return Err(ShareError::TooLong { chars });
    }
    Ok(fragment)
}

/// Reads a fragment value made by [`encode_share`] into a new draft with `id`, created
/// and changed at `now_ms`, revision 0. The repairs say what was fixed on the way.
/// The value may still be percent-encoded (see the module doc).
pub fn decode_share(fragment: &str, id: &str, now_ms: i64) -> Result<ReadDraft, ShareError> {
    let fragment = percent_decode(fragment);
    let chars = fragment.chars().count();
    if chars > MAX_FRAGMENT_CHARS {
        return Err(ShareError::InputTooLong { chars });
    }
    // A link at the end of a sentence often picks up the sentence's punctuation; none
    // of these characters can end a payload, and the checksum still guards the rest.
    let fragment = fragment
        .trim()
        .trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '"', '\'', '>']);
    let mut parts = fragment.splitn(3, '.');
    let (Some(version), Some(sum), Some(payload)) = (parts.next(), parts.next(), parts.next())
    else {
        return Err(ShareError::Malformed);
    };
    if version.is_empty() || !version.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ShareError::Malformed);
    }
    let version: u64 = version.parse().map_err(|_| ShareError::UnknownVersion)?;
    if version > LINK_VERSION {
        return Err(ShareError::NewerVersion(version));
    }
    if version == 0 {
        return Err(ShareError::UnknownVersion);
    }
    if sum.len() != 8 || !sum.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
        return Err(ShareError::Malformed);
    }
    let expected = u32::from_str_radix(sum, 16).map_err(|_| ShareError::Malformed)?;
    let packed = base64url_decode(payload).ok_or(ShareError::BadBase64)?;
    let bytes = decompress(&packed, MAX_PAYLOAD_BYTES).map_err(|e| match e {
        DecompressError::TooLarge { .. } => ShareError::TooLarge,
        DecompressError::Corrupt => ShareError::Corrupt,
    })?;
    let text = String::from_utf8(bytes)
        .map_err(|_| ShareError::Json(JsonError::Syntax("not utf-8".into())))?;
    if checksum(&text) != expected {
        return Err(ShareError::ChecksumMismatch);
    }
    let mut body = strict_json::parse(&text).map_err(ShareError::Json)?;
    let Value::Object(map) = &mut body else {
        return Err(ShareError::Draft(DraftError::BadField("draft")));
    };
    map.insert("id".into(), Value::from(id));
    map.insert("created_ms".into(), Value::from(now_ms));
    map.insert("changed_ms".into(), Value::from(now_ms));
    map.insert("revision".into(), Value::from(0u64));
    // Link version n carries schema version n: run the stored-record migration on it.
    let record = serde_json::json!({ "app": APP_ID, "schema_version": version, "draft": body });
    let (mut record, _) = open_envelope(record).map_err(ShareError::Draft)?;
    let body = record
        .remove("draft")
        .ok_or(ShareError::Draft(DraftError::BadField("draft")))?;
    draft_from_body(body).map_err(ShareError::Draft)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::draft::record::{Entry, ModelRef, Overrides};
    use crate::core::text::numfmt::Locale;

    fn sample(inputs: usize) -> Draft {
        let mut o = Overrides::default();
        let ids = ["grdp_constant", "grdp_per_capita", "budget_revenue"];
        for i in 0..inputs {
            let id = ids[i % ids.len()].to_string();
            let year = 2021 + i32::try_from(i / ids.len()).unwrap();
            let text = format!("{},{}", 6 + i % 4, i % 10);
            o.scenario
                .insert((id, year), Entry::read(&text, Locale::Vi));
        }
        o.start_years.insert("grdp_constant".into(), 2023);
        Draft {
            id: "d-42".into(),
            name: "Kịch bản tăng trưởng cao".into(),
            note: "Theo ý kiến Sở Kế hoạch và Đầu tư, họp ngày 5/11".into(),
            model: ModelRef {
                id: "kon-tum-2021-2025".into(),
                province: "Kon Tum".into(),
                first_year: 2021,
                last_year: 2025,
                data_version: "2026-11-22".into(),
            },
            created_ms: 1_795_343_400_000,
            changed_ms: 1_795_343_500_000,
            revision: 7,
            overrides: o,
        }
    }

    #[test]
    fn share_round_trip_gives_a_new_draft_with_the_same_content() {
        let d = sample(10);
        let fragment = encode_share(&d).unwrap();
        let read = decode_share(&fragment, "new-1", 5).unwrap();
        assert!(read.repairs.is_empty(), "{:?}", read.repairs);
        let expected = Draft {
            id: "new-1".into(),
            created_ms: 5,
            changed_ms: 5,
            revision: 0,
            ..d
        };
        assert_eq!(read.draft, expected);
    }

    #[test]
    fn a_link_leaves_out_the_figures_the_draft_relied_on() {
        let mut d = sample(2);
        d.overrides.relied = vec![crate::core::draft::record::ReliedFigure {
            indicator: "grdp_constant".into(),
            period: crate::core::model::Period::Year(2024),
            kind: crate::core::model::FigureKind::Estimate,
            measure: crate::core::model::Measure::Level,
            amount: crate::core::model::Amount::Point(20225.0),
        }];
        let read = decode_share(&encode_share(&d).unwrap(), "new-1", 5).unwrap();
        assert!(read.draft.overrides.relied.is_empty());
        assert_eq!(read.draft.overrides.scenario, d.overrides.scenario);
    }

    /// A realistic draft: ten inputs, a Vietnamese name and note.
    fn realistic() -> Draft {
        let mut o = Overrides::default();
        for (id, y, t) in [
            ("grdp_constant", 2024, "8,5"),
            ("grdp_constant", 2025, "9"),
            ("grdp_per_capita", 2025, "72,5"),
            ("budget_revenue", 2024, "3.100"),
            ("budget_revenue", 2025, "3.400"),
            ("poor_household_rate", 2025, "-2,5"),
            ("ginseng_area", 2025, "8.000"),
        ] {
            o.scenario
                .insert((id.into(), y), Entry::read(t, Locale::Vi));
        }
        o.start_years.insert("grdp_constant".into(), 2023);
        for (id, y, t) in [
            ("g_services", 2025, "9,2"),
            ("g_industry", 2025, "12"),
            ("icor", 2025, "5,1"),
        ] {
            if let Some(input) = crate::core::plan::chain::ChainInput::from_id(id) {
                o.chain.insert((input, y), Entry::read(t, Locale::Vi));
            }
        }
        Draft {
            name: "Kịch bản tăng trưởng cao (phương án 2)".into(),
            note: "Theo ý kiến Sở Kế hoạch và Đầu tư tại cuộc họp ngày 5/11; chờ số liệu quý IV."
                .into(),
            overrides: o,
            ..sample(0)
        }
    }

    #[test]
    fn compression_shrinks_a_typical_draft() {
        // Measured when written: 1044 bytes of JSON, 573 compressed, a 775-character
        // fragment (plain base64url of the JSON would be 1392).
        let d = realistic();
        let json = shareable_json(&d).unwrap();
        let packed = compress(json.as_bytes());
        let fragment = encode_share(&d).unwrap();
        assert!(
            packed.len() * 100 <= json.len() * 60,
            "{} -> {}",
            json.len(),
            packed.len()
        );
        let plain = base64url_encode(json.as_bytes()).len();
        assert!(
            fragment.len() * 100 <= plain * 60,
            "{plain} -> {}",
            fragment.len()
        );
    }

    #[test]
    fn e1_too_long_link_is_refused_with_its_length() {
        let mut d = sample(10);
        d.note = (0..4000)
            .map(|i| char::from_u32(0x4e00 + (i * 7919) % 20000).unwrap())
            .collect();
        match encode_share(&d) {
            Err(ShareError::TooLong { chars }) => assert!(chars > MAX_LINK_CHARS),
            other => panic!("{other:?}"),
        }
    }

    #[track_caller]
    fn decode_err(fragment: &str) -> ShareError {
        decode_share(fragment, "x", 0).unwrap_err()
    }

    fn fragment_of(json: &str) -> String {
        format!(
            "1.{:08x}.{}",
            checksum(json),
            base64url_encode(&compress(json.as_bytes()))
        )
    }

    #[test]
    fn e3_hostile_links_are_typed_errors() {
        let good = encode_share(&sample(3)).unwrap();
        let (head, payload) = good.rsplit_once('.').unwrap();
        assert_eq!(decode_err(""), ShareError::Malformed);
        assert_eq!(decode_err("1.abc"), ShareError::Malformed);
        assert_eq!(decode_err(&format!("x{good}")), ShareError::Malformed);
        let (version, rest) = good.split_once('.').unwrap();
        assert_eq!(version, LINK_VERSION.to_string());
        assert_eq!(
            decode_err(&format!("{}.{rest}", LINK_VERSION + 1)),
            ShareError::NewerVersion(LINK_VERSION + 1)
        );
        assert_eq!(decode_err(&format!("0.{rest}")), ShareError::UnknownVersion);
        assert_eq!(
            decode_err("99999999999999999999999.00000000.AA"),
            ShareError::UnknownVersion
        );
        assert_eq!(
            decode_err(&format!("{head}.!{payload}")),
            ShareError::BadBase64
        );
        assert_eq!(
            decode_err(&format!("{head}.{payload}=")),
            ShareError::BadBase64
        );
        let cut = &payload[..payload.len() - 8];
        assert!(matches!(
            decode_err(&format!("{head}.{cut}")),
            ShareError::Corrupt | ShareError::BadBase64
        ));
        assert_eq!(
            decode_err(&format!("1.00000000.{payload}")),
            ShareError::ChecksumMismatch
        );
        let long = "A".repeat(MAX_FRAGMENT_CHARS + 1);
        assert_eq!(
            decode_err(&long),
            ShareError::InputTooLong {
                chars: MAX_FRAGMENT_CHARS + 1
            }
        );
    }

    #[test]
    fn e3_bomb_non_finite_and_huge_arrays_are_refused() {
        // Zeros declared at 1 MB: refused from the header, before any work.
        let bomb = base64url_encode(&[0x80, 0x80, 0x40, 0x10, 0x30, 0x01]);
        assert_eq!(
            decode_err(&format!("1.00000000.{bomb}")),
            ShareError::TooLarge
        );
        let huge = "a".repeat(MAX_PAYLOAD_BYTES + 1);
        assert_eq!(decode_err(&fragment_of(&huge)), ShareError::TooLarge);
        for json in [
            r#"{"model":{"id":"m"},"scenario":[{"indicator":"a","year":2025,"value":NaN}]}"#,
            r#"{"model":{"id":"m"},"scenario":[{"indicator":"a","year":2025,"value":1e999}]}"#,
        ] {
            assert!(
                matches!(decode_err(&fragment_of(json)), ShareError::Json(_)),
                "{json}"
            );
        }
        let many = format!(
            r#"{{"model":{{"id":"m"}},"scenario":[{}{{}}]}}"#,
            "{},".repeat(5001)
        );
        assert_eq!(
            decode_err(&fragment_of(&many)),
            ShareError::Draft(DraftError::TooLarge)
        );
        assert_eq!(
            decode_err(&fragment_of(
                r#"{"model":{"id":"m"},"name":"a","name":"b"}"#
            )),
            ShareError::Json(JsonError::DuplicateKey("name".into()))
        );
        assert_eq!(
            decode_err(&fragment_of("[1,2]")),
            ShareError::Draft(DraftError::BadField("draft"))
        );
        assert_eq!(
            decode_err(&fragment_of(r#"{"name":"a"}"#)),
            ShareError::Draft(DraftError::BadField("model"))
        );
    }

    #[test]
    fn trailing_punctuation_from_a_sentence_is_ignored() {
        let d = sample(3);
        let fragment = encode_share(&d).unwrap();
        for tail in ["", ".", ").", " \n", "\","] {
            let read = decode_share(&format!("{fragment}{tail}"), "n", 0).unwrap();
            assert_eq!(read.draft.name, d.name, "{tail:?}");
        }
    }

    #[track_caller]
    fn opens_as(hash: &str, expected: &Draft) {
        let value = share_value(hash).unwrap_or_else(|| panic!("not a share link: {hash:?}"));
        let read = decode_share(&value, "n", 0).unwrap_or_else(|e| panic!("{hash:?}: {e:?}"));
        assert_eq!(&read.draft, expected, "{hash:?}");
    }

    #[test]
    fn percent_encoded_fragments_open_the_same_draft() {
        let value = encode_share(&sample(3)).unwrap();
        let plain = format!("#{SHARE_FRAGMENT_KEY}{value}");
        let expected = decode_share(&value, "n", 0).unwrap().draft;
        opens_as(&plain, &expected);
        opens_as(&plain.replacen('=', "%3D", 1), &expected);
        opens_as(&plain.replacen('=', "%3d", 1), &expected);
        opens_as(&plain.replace('.', "%2E"), &expected);
        opens_as(&format!("{plain}%29"), &expected);
        opens_as(&format!("{plain}%2E%29"), &expected);
        opens_as(&plain.replacen('=', "%253D", 1), &expected);
        opens_as(&plain[1..], &expected);
        let every: String = plain.bytes().map(|b| format!("%{b:02X}")).collect();
        opens_as(&every, &expected);
        // The value handed to the reader may still be encoded.
        let read = decode_share(&value.replace('.', "%2e"), "n", 0).unwrap();
        assert_eq!(read.draft, expected);
    }

    #[test]
    fn other_fragments_are_not_share_links() {
        assert_eq!(share_value(""), None);
        assert_eq!(share_value("#"), None);
        assert_eq!(share_value("#main"), None);
        assert_eq!(share_value("#nhap"), None);
        assert_eq!(share_value("#nhap%3"), None);
        assert_eq!(share_value("#nhap%3D").as_deref(), Some(""));
    }

    #[test]
    fn stray_percent_signs_are_typed_errors() {
        let good = encode_share(&sample(3)).unwrap();
        let (head, payload) = good.rsplit_once('.').unwrap();
        assert_eq!(
            decode_err(&format!("{head}.%{payload}")),
            ShareError::BadBase64
        );
        assert_eq!(
            decode_err(&format!("{head}.%zz{payload}")),
            ShareError::BadBase64
        );
        assert_eq!(
            decode_err(&format!("{head}.%FF{payload}")),
            ShareError::BadBase64
        );
        assert_eq!(decode_err("%31.%"), ShareError::Malformed);
    }

    #[test]
    fn a_link_cannot_choose_the_id_or_times() {
        let json = r#"{"id":"evil","revision":99,"created_ms":1,"model":{"id":"m"},"name":"n"}"#;
        let read = decode_share(&fragment_of(json), "mine", 10).unwrap();
        assert_eq!(read.draft.id, "mine");
        assert_eq!(read.draft.revision, 0);
        assert_eq!(read.draft.created_ms, 10);
    }
}
