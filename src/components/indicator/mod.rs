//! The open indicator: its figures, the "what is needed" workbench, sensitivity tables, chart, and the chance of reaching the target.

pub mod chance_panel;
pub mod exchange_rate;
pub mod indicator_detail;
pub mod needs_panel;
pub mod sensitivity_tables;
pub mod term_result;
pub mod trend_chart;
