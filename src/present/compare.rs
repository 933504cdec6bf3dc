//! The drafts comparison as text: each output's name, each row's base and draft cells
//! ("1.234,5 (+12,3; +1,01%)") with the direction of the difference, the header and the
//! CSV table, and the section's fixed words. Pure; `components::drafts::draft_compare`
//! only lays these values out.

use crate::core::codec::csv::Table;
use crate::core::draft::compare::{difference, CompareRow, Output};
use crate::core::model::Model;
use crate::core::text::numfmt::{format_number, NOT_A_NUMBER};
use crate::present::chain::output_label;
use crate::present::i18n::{pick, unit_name, Locale};

/// A fixed piece of text of the comparison section.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareMsg {
    /// Summary of the section.
    Summary,
    /// Legend of the draft picker.
    DraftsLegend,
    /// Legend of the output picker.
    OutputsLegend,
    /// Hint shown until two drafts are picked.
    Hint,
    /// Caption of the table.
    Caption,
    /// What the CSV holds (and its button's label).
    CsvTitle,
    /// Column: output.
    ColOutput,
    /// Column: year.
    ColYear,
    /// Column: the base scenario.
    ColBase,
}

/// The text of a comparison message.
pub fn cmt(msg: CompareMsg, locale: Locale) -> &'static str {
    let (vi, en) = match msg {
        CompareMsg::Summary => ("So sánh bản nháp", "Compare drafts"),
        CompareMsg::DraftsLegend => ("Bản nháp (2–4)", "Drafts (2–4)"),
        CompareMsg::OutputsLegend => ("Chỉ tiêu so sánh", "Outputs"),
        CompareMsg::Hint => (
            "Chọn từ 2 đến 4 bản nháp để so sánh với kịch bản gốc.",
            "Choose 2 to 4 drafts to compare with the base.",
        ),
        CompareMsg::Caption => (
            "So sánh bản nháp với kịch bản gốc",
            "Drafts compared with the base",
        ),
        CompareMsg::CsvTitle => ("So sánh bản nháp", "Draft comparison"),
        CompareMsg::ColOutput => ("Chỉ tiêu", "Output"),
        CompareMsg::ColYear => ("Năm", "Year"),
        CompareMsg::ColBase => ("Kịch bản gốc", "Base"),
    };
    match locale {
        Locale::Vi => vi,
        Locale::En => en,
    }
}

/// The name of a compared output: a chain output's label, or an indicator's name with
/// its unit (its id when the model lacks it).
pub fn output_name(model: Option<&Model>, output: &Output, locale: Locale) -> String {
    match output {
        Output::Chain(c) => output_label(*c, locale).to_string(),
        Output::Indicator(id) => match model.and_then(|m| m.indicator(id).map(|i| (m, i))) {
            Some((m, ind)) => format!(
                "{} ({})",
                pick(&ind.name, locale),
                unit_name(m, &ind.unit, locale)
            ),
            None => id.clone(),
        },
        Output::Quarterly(span) => crate::present::quarterly::compare_name(*span, locale),
        Output::Chance(id) => {
            let name = model
                .and_then(|m| m.indicator(id))
                .map_or(id.as_str(), |i| pick(&i.name, locale));
            format!(
                "{}: {name} (%)",
                crate::present::i18n::chance::cht(
                    crate::present::i18n::chance::ChanceMsg::Title,
                    locale
                )
            )
        }
    }
}

fn signed(value: f64, locale: Locale) -> String {
    let text = format_number(value, locale, 2);
    if value > 0.0 {
        format!("+{text}")
    } else {
        text
    }
}

/// The cell text of a draft's value: "1.234,5 (+12,3; +1,01%)".
pub fn cell_text(base: Option<f64>, value: Option<f64>, locale: Locale) -> String {
    let Some(v) = value else {
        return NOT_A_NUMBER.into();
    };
    let main = format_number(v, locale, 2);
    match difference(base, value) {
        Some(d) if d.absolute != 0.0 => match d.percent {
            Some(p) => format!(
                "{main} ({}; {}%)",
                signed(d.absolute, locale),
                signed(p, locale)
            ),
            None => format!("{main} ({})", signed(d.absolute, locale)),
        },
        _ => main,
    }
}

/// Which way a draft's value moved from the base.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Above the base.
    Up,
    /// Below the base.
    Down,
    /// Equal, or not comparable.
    Same,
}

/// One draft's cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompareCell {
    /// The draft's id.
    pub draft_id: String,
    /// Value and difference.
    pub text: String,
    /// Direction of the difference.
    pub direction: Direction,
}

/// One row: an output in a year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompareRowView {
    /// Output id (`chain:per_capita`).
    pub output_id: String,
    /// Output name.
    pub name: String,
    /// Year.
    pub year: i32,
    /// The base value.
    pub base: String,
    /// One cell per draft.
    pub cells: Vec<CompareCell>,
}

/// The comparison table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompareView {
    /// Column headings: output, year, base, then each draft's name.
    pub header: Vec<String>,
    /// The rows.
    pub rows: Vec<CompareRowView>,
}

impl CompareView {
    /// The table as its CSV holds it.
    pub fn table(&self) -> Table {
        Table {
            header: self.header.clone(),
            rows: self
                .rows
                .iter()
                .map(|r| {
                    let mut cells = vec![r.name.clone(), r.year.to_string(), r.base.clone()];
                    cells.extend(r.cells.iter().map(|c| c.text.clone()));
                    cells
                })
                .collect(),
        }
    }
}

/// The column headings for drafts named `names`.
pub fn compare_header(names: &[String], locale: Locale) -> Vec<String> {
    let mut h = vec![
        cmt(CompareMsg::ColOutput, locale).to_string(),
        cmt(CompareMsg::ColYear, locale).to_string(),
        cmt(CompareMsg::ColBase, locale).to_string(),
    ];
    h.extend(names.iter().cloned());
    h
}

/// Words the compared rows of drafts given as (id, name), in the order of the rows' values.
pub fn compare_view(
    model: Option<&Model>,
    drafts: &[(String, String)],
    rows: &[CompareRow],
    locale: Locale,
) -> CompareView {
    let names: Vec<String> = drafts.iter().map(|(_, n)| n.clone()).collect();
    CompareView {
        header: compare_header(&names, locale),
        rows: rows
            .iter()
            .map(|r| CompareRowView {
                output_id: r.output.id(),
                name: output_name(model, &r.output, locale),
                year: r.year,
                base: r
                    .base
                    .map_or(NOT_A_NUMBER.into(), |b| format_number(b, locale, 2)),
                cells: r
                    .values
                    .iter()
                    .zip(drafts.iter())
                    .map(|(v, (id, _))| {
                        let diff = difference(r.base, *v).map(|d| d.absolute).unwrap_or(0.0);
                        CompareCell {
                            draft_id: id.clone(),
                            text: cell_text(r.base, *v, locale),
                            direction: if diff > 0.0 {
                                Direction::Up
                            } else if diff < 0.0 {
                                Direction::Down
                            } else {
                                Direction::Same
                            },
                        }
                    })
                    .collect(),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::catalog::kon_tum;
    use crate::core::plan::chain::ChainOutput;

    #[track_caller]
    fn cell(base: Option<f64>, value: Option<f64>, vi: &str, en: &str) {
        assert_eq!(
            (
                cell_text(base, value, Locale::Vi),
                cell_text(base, value, Locale::En)
            ),
            (vi.to_string(), en.to_string())
        );
    }

    #[test]
    fn cells_show_value_and_difference() {
        cell(
            Some(100.0),
            Some(112.5),
            "112,5 (+12,5; +12,5%)",
            "112.5 (+12.5; +12.5%)",
        );
        cell(
            Some(200.0),
            Some(150.0),
            "150 (-50; -25%)",
            "150 (-50; -25%)",
        );
        cell(Some(0.0), Some(3.0), "3 (+3)", "3 (+3)");
        cell(Some(7.0), Some(7.0), "7", "7");
        cell(None, Some(7.0), "7", "7");
        cell(Some(7.0), None, "—", "—");
    }

    #[test]
    fn output_names_have_their_units() {
        let m = kon_tum();
        assert_eq!(
            output_name(Some(&m), &Output::Chain(ChainOutput::PerCapita), Locale::Vi),
            "GRDP bình quân đầu người (triệu đồng)"
        );
        assert_eq!(
            output_name(None, &Output::Indicator("no_such".into()), Locale::Vi),
            "no_such"
        );
        let name = output_name(
            Some(&m),
            &Output::Indicator("grdp_constant".into()),
            Locale::Vi,
        );
        assert!(name.ends_with(" (tỷ đồng)"), "{name}");
    }

    #[test]
    fn the_view_has_one_cell_per_draft_with_its_direction() {
        let rows = [CompareRow {
            output: Output::Chain(ChainOutput::Growth),
            year: 2025,
            base: Some(10.0),
            values: vec![Some(11.0), Some(9.0), Some(10.0)],
        }];
        let drafts = [
            ("a".to_string(), "A".to_string()),
            ("b".into(), "B".into()),
            ("c".into(), "C".into()),
        ];
        let v = compare_view(None, &drafts, &rows, Locale::Vi);
        assert_eq!(
            v.header,
            vec!["Chỉ tiêu", "Năm", "Kịch bản gốc", "A", "B", "C"]
        );
        let r = v.rows.first().unwrap_or_else(|| panic!("a row"));
        assert_eq!(
            (r.output_id.as_str(), r.base.as_str()),
            ("chain:growth", "10")
        );
        let dirs: Vec<Direction> = r.cells.iter().map(|c| c.direction).collect();
        assert_eq!(dirs, vec![Direction::Up, Direction::Down, Direction::Same]);
        assert_eq!(
            v.table().rows,
            vec![vec![
                "Tăng trưởng GRDP (%)",
                "2025",
                "10",
                "11 (+1; +10%)",
                "9 (-1; -10%)",
                "10"
            ]]
        );
    }
}
