//! Drafts (bản nháp): the saved record and its versions (`record`), the export file
//! (`file`), the share link (`share_link`), storage keys and policies
//! (`storage_policy`), the drafts comparison (`compare`), the figures a draft relied on
//! (`relied`) and the session's decisions about saving (`session`). Pure: storage itself is behind the `session::Store` trait.

pub mod compare;
pub mod file;
pub mod record;
pub mod relied;
pub mod session;
pub mod share_link;
pub mod storage_policy;
