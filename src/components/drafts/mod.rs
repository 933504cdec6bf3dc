//! Drafts: the drafts panel, files in and out, the comparison and the storage alerts.

pub mod draft_compare;
pub mod draft_files;
pub mod drafts_panel;
pub mod storage_alerts;
