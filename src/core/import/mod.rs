//! A target table that a person brings, read into a model: the annex "Các chỉ tiêu chủ
//! yếu" of a resolution as Excel, LibreOffice or Word put it on the clipboard, or as a
//! CSV file. `grid` turns the text into cells; `cell` reads one cell as a Vietnamese
//! target value (comparator, range, approximate); `columns` guesses what each column
//! holds from its heading; `preview` puts it together into rows the person checks and
//! corrects before anything is saved; `to_model` makes the checked preview a model file
//! (`core::model::file`), validated like the shipped data. Pure: the shell hands in the text.

pub mod cell;
pub mod columns;
pub mod grid;
pub mod preview;
pub mod sheet;
pub mod to_model;
