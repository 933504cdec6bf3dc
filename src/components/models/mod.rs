//! The person's own models: importing a table as a model, editing it, and model files in and out.

pub mod model_editor;
pub mod model_files;
pub mod model_import;
