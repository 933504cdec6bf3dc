//! Text in and out of numbers and dates: number formatting per language (`numfmt`),
//! reading numbers typed the Vietnamese or English way (`numparse`), folding text for
//! search (`textsearch`), one Unicode form (NFC) for names and notes (`unicode`) and
//! calendar arithmetic on civil dates (`calendar`).

pub mod calendar;
pub mod numfmt;
pub mod numparse;
pub mod textsearch;
pub mod unicode;
