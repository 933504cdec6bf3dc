//! The open indicator: its figures, the "what is needed" workbench, sensitivity tables and chart.

pub mod indicator_detail;
pub mod needs_panel;
pub mod sensitivity_tables;
pub mod trend_chart;
