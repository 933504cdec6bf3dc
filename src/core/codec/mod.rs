//! Codecs for outside text: LZ77 compression with base64url (`compress`), the strict JSON
//! reader (`strict_json`), CSV (`csv`), the view in the URL query (`view_link`) and the
//! portal configuration and messages (`portal_config`). Every reader here takes untrusted
//! input and returns a typed error, never a panic.

pub mod compress;
pub mod csv;
pub mod portal_config;
pub mod strict_json;
pub mod view_link;
