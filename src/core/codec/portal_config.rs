//! Embedding in a portal page: the portal configuration an administrator edits
//! (`portal.json` next to `index.html`), and the messages exchanged with the portal page
//! through `postMessage`.
//!
//! Pure: the shell (`crate::platform::portal`) fetches the file, listens for messages and posts
//! them; here they are only parsed, validated and written. Messages are JSON text so that
//! both sides parse them the same way:
//! - from the app: `{"type":"planner:height","height":640}` (sent when the height changes,
//!   and in reply to a ping, with `"reply_to":"<id>"`);
//! - from the portal: `{"type":"planner:ping","id":"<id>"}` (ask for the height now).
//!
//! Messages go only to the configured portal origins, never to `"*"`, and messages from
//! any other origin are ignored.

use serde::{Deserialize, Serialize};

/// Most portal origins accepted in the configuration.
pub const MAX_ORIGINS: usize = 16;
/// Longest message accepted from the portal, in bytes.
pub const MAX_MESSAGE: usize = 1024;

/// The serialised shape of `portal.json`.
#[derive(Debug, Deserialize)]
struct RawConfig {
    #[serde(default)]
    portal_origins: Vec<String>,
}

/// What the administrator configured: the origins of the portal pages allowed to receive
/// the app's height and to send it messages.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmbedConfig {
    /// Normalised origins (`https://congdichvu.kontum.gov.vn`), without a trailing slash.
    pub portal_origins: Vec<String>,
}

/// Why `portal.json` could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigError {
    /// Not JSON of the expected shape.
    Malformed(String),
    /// An entry is not an origin (`*`, a path, another scheme…); nothing is trusted then.
    NotAnOrigin(String),
    /// More than [`MAX_ORIGINS`] origins.
    TooMany,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ConfigError::Malformed(e) => write!(f, "portal.json is malformed: {e}"),
            ConfigError::NotAnOrigin(o) => {
                write!(f, "portal.json lists {o:?}, which is not an origin")
            }
            ConfigError::TooMany => write!(f, "portal.json lists more than {MAX_ORIGINS} origins"),
        }
    }
}

/// Normalises an origin (`scheme://host[:port]`, http or https, lowercase, no path, no
/// trailing slash); `None` for anything else, including `*` and `null`.
pub fn normalise_origin(text: &str) -> Option<String> {
    let text = text.trim();
    let lower = text.to_ascii_lowercase();
    let (scheme, rest) = lower.split_once("://")?;
    if scheme != "https" && scheme != "http" {
        return None;
    }
    let host = rest.strip_suffix('/').unwrap_or(rest);
    let (name, port) = match host.split_once(':') {
        Some((name, port)) => {
            if port.is_empty() || port.len() > 5 || !port.chars().all(|c| c.is_ascii_digit()) {
                return None;
            }
            (name, Some(port))
        }
        None => (host, None),
    };
    // Host names and IPv4 addresses only (IPv6 literals are not supported).
    let name_ok = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
    name_ok.then(|| match port {
        Some(p) => format!("{scheme}://{name}:{p}"),
        None => format!("{scheme}://{name}"),
    })
}

/// Reads `portal.json`. One bad entry rejects the whole file: a typo must not quietly
/// trust or drop a portal.
pub fn parse_config(text: &str) -> Result<EmbedConfig, ConfigError> {
    let raw: RawConfig = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| ConfigError::Malformed(e.to_string()))?;
    if raw.portal_origins.len() > MAX_ORIGINS {
        return Err(ConfigError::TooMany);
    }
    let mut origins = Vec::new();
    for entry in &raw.portal_origins {
        let origin =
            normalise_origin(entry).ok_or_else(|| ConfigError::NotAnOrigin(entry.clone()))?;
        if !origins.contains(&origin) {
            origins.push(origin);
        }
    }
    Ok(EmbedConfig {
        portal_origins: origins,
    })
}

impl EmbedConfig {
    /// Whether a message from `origin` (as the browser reports it) may be read.
    pub fn trusts(&self, origin: &str) -> bool {
        normalise_origin(origin).is_some_and(|o| self.portal_origins.contains(&o))
    }
}

/// A message the portal may send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PortalMessage {
    /// Asks for the height now; the reply carries the id.
    Ping {
        /// Chosen by the portal, echoed back (at most 64 characters).
        id: String,
    },
}

#[derive(Deserialize)]
struct RawPortalMessage {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    id: String,
}

/// Reads a message from the portal; `None` for anything unknown or too long.
pub fn parse_portal_message(text: &str) -> Option<PortalMessage> {
    if text.len() > MAX_MESSAGE {
        return None;
    }
    let raw: RawPortalMessage = serde_json::from_str(text).ok()?;
    match raw.kind.as_str() {
        "planner:ping" if raw.id.chars().count() <= 64 => Some(PortalMessage::Ping { id: raw.id }),
        _ => None,
    }
}

#[derive(Serialize)]
struct HeightMessage<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    height: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    reply_to: Option<&'a str>,
}

/// The message that tells the portal the page's height in CSS pixels.
pub fn height_message(height: u32, reply_to: Option<&str>) -> String {
    serde_json::to_string(&HeightMessage {
        kind: "planner:height",
        height,
        reply_to,
    })
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn origin(text: &str, expected: Option<&str>) {
        assert_eq!(normalise_origin(text).as_deref(), expected, "{text}");
    }

    #[test]
    fn origins_are_normalised_or_refused() {
        origin(
            "https://Portal.KonTum.gov.vn/",
            Some("https://portal.kontum.gov.vn"),
        );
        origin("http://127.0.0.1:8081", Some("http://127.0.0.1:8081"));
        origin(" https://a.vn ", Some("https://a.vn"));
        origin("*", None);
        origin("null", None);
        origin("https://a.vn/path", None);
        origin("javascript://a.vn", None);
        origin("https://a.vn:", None);
        origin("https://a.vn:99999x", None);
        origin("https://", None);
        origin("https://a.vn?x=1", None);
    }

    #[test]
    fn config_is_all_or_nothing() {
        let ok = parse_config(r#"{"portal_origins":["https://a.vn","HTTPS://A.VN/"]}"#);
        assert_eq!(
            ok,
            Ok(EmbedConfig {
                portal_origins: vec!["https://a.vn".into()]
            })
        );
        assert_eq!(parse_config("{}"), Ok(EmbedConfig::default()));
        assert_eq!(
            parse_config(r#"{"portal_origins":["https://a.vn","*"]}"#),
            Err(ConfigError::NotAnOrigin("*".into()))
        );
        assert!(matches!(
            parse_config("[1]"),
            Err(ConfigError::Malformed(_))
        ));
        let many: Vec<String> = (0..=MAX_ORIGINS)
            .map(|i| format!("\"https://a{i}.vn\""))
            .collect();
        assert_eq!(
            parse_config(&format!("{{\"portal_origins\":[{}]}}", many.join(","))),
            Err(ConfigError::TooMany)
        );
        let config =
            parse_config("\u{feff}{\"portal_origins\":[\"http://127.0.0.1:8081\"]}").unwrap();
        assert!(config.trusts("http://127.0.0.1:8081"));
        assert!(!config.trusts("http://127.0.0.1:8082"));
        assert!(!config.trusts("null"));
    }

    #[test]
    fn portal_messages() {
        assert_eq!(
            parse_portal_message(r#"{"type":"planner:ping","id":"a1"}"#),
            Some(PortalMessage::Ping { id: "a1".into() })
        );
        assert_eq!(parse_portal_message(r#"{"type":"other"}"#), None);
        assert_eq!(parse_portal_message("not json"), None);
        let long = format!(r#"{{"type":"planner:ping","id":"{}"}}"#, "x".repeat(65));
        assert_eq!(parse_portal_message(&long), None);
        assert_eq!(
            height_message(640, None),
            r#"{"type":"planner:height","height":640}"#
        );
        assert_eq!(
            height_message(12, Some("a\"b")),
            r#"{"type":"planner:height","height":12,"reply_to":"a\"b"}"#
        );
    }
}
