//! The quarterly GRDP growth scenario by sector: last year's levels and this year's
//! growth typed or pasted, results by quarter, 6 months, 9 months and the year, the
//! remaining quarters' growth, the links with the yearly chain, and the form to send.

pub mod quarter_cell_input;
pub mod quarter_ranges;
pub mod quarterly_form;
pub mod quarterly_view;
