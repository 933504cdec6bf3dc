//! The list of models a portal administrator publishes: `models.json` beside
//! `index.html`, `{"models": [{"file": "models/quang-ngai-2026-2030.json"}, …]}`, each
//! file a model file (`core::model::file`). Publishing is putting the files there and
//! listing them; no rebuild. The service worker fetches the list and the files
//! network-first and keeps the last good copies for offline use.
//!
//! Read strictly: a file must be a plain relative path in the `models/` folder beside
//! `index.html` (no scheme, no `..`, no leading `/`; the service worker keeps that
//! folder for offline use), ending in `.json`; at most [`MAX_PUBLISHED`] entries. Pure.

use serde::Deserialize;

use crate::core::codec::strict_json;

/// The folder published model files live in.
pub const FOLDER: &str = "models/";

/// Most models one list may publish.
pub const MAX_PUBLISHED: usize = 20;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawList {
    models: Vec<RawEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    file: String,
}

/// Why a published list cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PublishedError {
    /// Not JSON of the list's shape.
    Shape,
    /// More than [`MAX_PUBLISHED`] entries.
    TooMany,
    /// An entry that is not a plain relative `.json` path inside the site.
    BadPath(String),
}

impl std::fmt::Display for PublishedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PublishedError::Shape => f.write_str("models.json is not a list of model files"),
            PublishedError::TooMany => {
                write!(f, "models.json lists more than {MAX_PUBLISHED} models")
            }
            PublishedError::BadPath(p) => {
                write!(f, "models.json lists a path outside the site: {p}")
            }
        }
    }
}

impl std::error::Error for PublishedError {}

/// The files a published list names, in its order, each once.
pub fn parse_published(text: &str) -> Result<Vec<String>, PublishedError> {
    let value = strict_json::parse(text.strip_prefix('\u{FEFF}').unwrap_or(text))
        .map_err(|_| PublishedError::Shape)?;
    let list: RawList = serde_json::from_value(value).map_err(|_| PublishedError::Shape)?;
    if list.models.len() > MAX_PUBLISHED {
        return Err(PublishedError::TooMany);
    }
    let mut files: Vec<String> = Vec::new();
    for entry in list.models {
        let f = entry.file.trim();
        let plain = !f.is_empty()
            && f.ends_with(".json")
            && f.starts_with(FOLDER)
            && !f.starts_with('/')
            && !f.contains("://")
            && !f.contains('\\')
            && !f.contains('?')
            && !f.contains('#')
            && f.split('/')
                .all(|part| !part.is_empty() && part != ".." && part != ".");
        if !plain {
            return Err(PublishedError::BadPath(entry.file));
        }
        if !files.iter().any(|x| x == f) {
            files.push(f.to_string());
        }
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_names_its_files_once_each() {
        let list = r#"{"models":[{"file":"models/qn.json"},{"file":"models/2021/kt.json"},{"file":"models/qn.json"}]}"#;
        assert_eq!(
            parse_published(list),
            Ok(vec![
                "models/qn.json".to_string(),
                "models/2021/kt.json".to_string()
            ])
        );
        assert_eq!(parse_published(r#"{"models":[]}"#), Ok(vec![]));
    }

    #[test]
    fn paths_outside_the_site_and_bad_lists_are_refused() {
        for bad in [
            "../x.json",
            "/models/x.json",
            "https://evil.example/models/x.json",
            "models/../../x.json",
            "models/x.js",
            "models//b.json",
            "models/x.json?v=1",
            "x.json",
        ] {
            let list = format!(r#"{{"models":[{{"file":"{bad}"}}]}}"#);
            assert_eq!(
                parse_published(&list),
                Err(PublishedError::BadPath(bad.to_string())),
                "{bad}"
            );
        }
        assert_eq!(parse_published("[]"), Err(PublishedError::Shape));
        assert_eq!(
            parse_published(r#"{"models":[{"file":"a.json","x":1}]}"#),
            Err(PublishedError::Shape)
        );
        let many = format!(
            r#"{{"models":[{}]}}"#,
            (0..21)
                .map(|i| format!(r#"{{"file":"models/m{i}.json"}}"#))
                .collect::<Vec<_>>()
                .join(",")
        );
        assert_eq!(parse_published(&many), Err(PublishedError::TooMany));
    }
}
