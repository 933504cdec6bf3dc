//! The linked growth chain: sector growth to GRDP, per capita, structure, investment and budget.

pub mod growth_chain;
