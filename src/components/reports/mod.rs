//! Reports: the print layouts and the CSV buttons.

pub mod csv_button;
pub mod print_report;
pub mod report_parts;
