//! Strict JSON reading for text that comes from outside (imported files, share links):
//! nesting deeper than [`MAX_DEPTH`] and an object with the same key twice are errors.
//!
//! `serde_json::Value` silently keeps the last of two equal keys, so a file saying
//! `"name": "A", …, "name": "B"` would read as "B" in this app and as "A" in another
//! reader; such a file is rejected instead. Depth is checked by a plain scan before any
//! parsing (so a 10,000-deep file costs one pass and no recursion), and again while
//! building the value; serde_json's own recursion limit (128) stays as a last guard.
//! Failures are classified by what the reader itself recorded, never by matching
//! serde_json's message text. Pure: no I/O.

use std::cell::Cell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

/// Deepest nesting of arrays and objects accepted. Our formats need 5 (file, list,
/// draft, override list, override); the rest is room for future versions.
pub const MAX_DEPTH: usize = 32;

/// Why strict reading failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JsonError {
    /// Nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// An object has the same key twice.
    DuplicateKey(String),
    /// Not JSON; serde_json's message.
    Syntax(String),
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JsonError::TooDeep => write!(f, "nested deeper than {MAX_DEPTH} levels"),
            JsonError::DuplicateKey(k) => write!(f, "key {k:?} appears twice in one object"),
            JsonError::Syntax(e) => write!(f, "not json: {e}"),
        }
    }
}

/// Deepest nesting of `[` and `{` outside strings (a scan, not a parse: the text may be
/// invalid JSON, which the parser then reports).
pub fn nesting_depth(text: &str) -> usize {
    let mut depth = 0usize;
    let mut deepest = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for b in text.bytes() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// Parses `text` as one JSON value, rejecting deep nesting and duplicate keys.
pub fn parse(text: &str) -> Result<Value, JsonError> {
    if nesting_depth(text) > MAX_DEPTH {
        return Err(JsonError::TooDeep);
    }
    parse_value(text)
}

/// Parses without the scan first; the reader still refuses nesting past [`MAX_DEPTH`].
fn parse_value(text: &str) -> Result<Value, JsonError> {
    let failure = Cell::new(None);
    let mut de = serde_json::Deserializer::from_str(text);
    let value = StrictSeed {
        failure: &failure,
        depth: 0,
    }
    .deserialize(&mut de)
    .and_then(|v| de.end().map(|()| v));
    // A failure the seed recorded is the reason; anything else is serde_json's syntax
    // error, kept as its message only for `Display`.
    value.map_err(|e| {
        failure
            .take()
            .unwrap_or_else(|| JsonError::Syntax(e.to_string()))
    })
}

/// Builds a `Value` like serde_json does, but records the first duplicate key or the
/// first array or object nested past [`MAX_DEPTH`] and fails.
#[derive(Clone, Copy)]
struct StrictSeed<'a> {
    failure: &'a Cell<Option<JsonError>>,
    /// Arrays and objects around the value being read.
    depth: usize,
}

impl StrictSeed<'_> {
    /// The seed for the items of an array or object opened here, or `TooDeep`.
    fn inner<E: de::Error>(self) -> Result<Self, E> {
        let depth = self.depth.saturating_add(1);
        if depth > MAX_DEPTH {
            self.failure.set(Some(JsonError::TooDeep));
            return Err(E::custom("nested too deeply"));
        }
        Ok(StrictSeed { depth, ..self })
    }
}

impl<'de> DeserializeSeed<'de> for StrictSeed<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for StrictSeed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Number::from_f64(v)
            .map(Value::Number)
            .ok_or_else(|| E::custom("non-finite number"))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        self.deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let inner = self.inner()?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(inner)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let inner = self.inner()?;
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if out.contains_key(&key) {
                let message = format!("duplicate key {key:?}");
                self.failure.set(Some(JsonError::DuplicateKey(key)));
                return Err(de::Error::custom(message));
            }
            let value = map.next_value_seed(inner)?;
            out.insert(key, value);
        }
        Ok(Value::Object(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn err(text: &str) -> JsonError {
        parse(text).unwrap_err()
    }

    #[test]
    fn reads_what_serde_json_reads() {
        let text = r#"{"a":[1,-2,3.5,"x",null,true,{"b":{}}],"c":"Kịch bản"}"#;
        assert_eq!(
            parse(text).unwrap(),
            serde_json::from_str::<Value>(text).unwrap()
        );
    }

    #[test]
    fn d10_duplicate_keys_are_rejected_at_any_depth() {
        assert_eq!(err(r#"{"a":1,"a":2}"#), JsonError::DuplicateKey("a".into()));
        assert_eq!(
            err(r#"{"x":[{"n":"A","k":0,"n":"B"}]}"#),
            JsonError::DuplicateKey("n".into())
        );
        // The same key in two different objects is fine.
        assert!(parse(r#"[{"a":1},{"a":2}]"#).is_ok());
    }

    #[test]
    fn d4_deep_nesting_is_a_clean_error() {
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert_eq!(err(&deep), JsonError::TooDeep);
        let deep_objects = "{\"a\":".repeat(10_000);
        assert_eq!(err(&deep_objects), JsonError::TooDeep);
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
        // The reader counts too, without the scan in front of it.
        let one_more = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert_eq!(parse_value(&one_more), Err(JsonError::TooDeep));
        assert_eq!(
            parse_value(&format!("{{\"a\":{one_more}}}")),
            Err(JsonError::TooDeep)
        );
        assert!(parse_value(&ok).is_ok());
        // Brackets inside strings do not count.
        let quoted = format!("\"{}\"", "[".repeat(1000));
        assert!(parse(&quoted).is_ok());
    }

    #[test]
    fn syntax_errors_and_trailing_text_are_typed() {
        assert!(matches!(err("{\"a\":"), JsonError::Syntax(_)));
        assert!(matches!(err("[1] 2"), JsonError::Syntax(_)));
        assert!(matches!(err("[1e999]"), JsonError::Syntax(_)));
        assert!(matches!(err("[NaN]"), JsonError::Syntax(_)));
        assert!(matches!(err(""), JsonError::Syntax(_)));
    }
}
