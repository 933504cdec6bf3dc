//! The planning maths: the dashboard summary of an indicator (`summary`), the pace needed
//! and achieved (`pace`), the status against the term target (`assessment`), goal seek,
//! sensitivity tables, the linked growth chain, and the facts a printed report quotes.
//! Pure functions over `core::model`.

pub mod assessment;
pub mod chain;
pub mod currency;
pub mod goal_seek;
pub mod pace;
pub mod report_facts;
pub mod rule;
pub mod sensitivity;
pub mod summary;
pub mod term_end;
