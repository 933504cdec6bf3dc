//! The planning maths: the dashboard summary of an indicator (`summary`), the pace needed
//! and achieved (`pace`), the status against the term target (`assessment`), goal seek,
//! sensitivity tables, the linked growth chain, its quarterly scenario by sector, and the facts a printed report quotes.
//! sensitivity tables, the linked growth chain, the chance of reaching a target over ranges, and the facts a printed report quotes.
//! Pure functions over `core::model`.

pub mod assessment;
pub mod chain;
pub mod chance;
pub mod currency;
pub mod goal_seek;
pub mod pace;
pub mod quarterly;
pub mod report_facts;
pub mod rule;
pub mod sensitivity;
pub mod summary;
pub mod term_end;
