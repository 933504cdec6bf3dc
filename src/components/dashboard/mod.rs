//! The dashboard: the model picker, search, the table of targets and the data problems.

pub mod data_problems;
pub mod model_picker;
pub mod overview_bar;
pub mod search_box;
pub mod target_table;
pub mod term_evaluation;
