//! The person's own models: importing a table as a model, and model files in and out.

pub mod model_files;
pub mod model_import;
