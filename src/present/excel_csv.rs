//! The dashboard group as a table Excel can calculate with (issue #17): one value per
//! cell, numbers as numbers in the person's format (decimal comma and no thousands dot in
//! Vietnamese, "20225,5"; "20225.5" in English), and the unit, the year and the kind of
//! figure in their own columns. The words of the screen (the target as the document
//! wrote it) stay in a text column beside the number. Pure and host-tested; the CSV
//! that reads back to the table shown is `present::reports::group_table`.

use crate::core::codec::csv::Table;
use crate::core::model::{Amount, Figure, Model};
use crate::core::plan::summary::{summarize, Attainment, PlanValue};
use crate::core::text::numfmt::format_number;
use crate::present::dashboard::GroupView;
use crate::present::i18n::first_hour::{ft, FirstMsg};
use crate::present::i18n::{
    figure_value_text, kind_label, period_text, pick, status_label, unit_name, Locale,
    SOURCE_DECIMALS,
};

/// A number as Excel reads it in `locale`: no thousands separator, the locale's decimal
/// mark, an ASCII minus; empty for a value that is not finite.
pub fn excel_number(value: f64, locale: Locale) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let group = match locale {
        Locale::Vi => '.',
        Locale::En => ',',
    };
    format_number(value, locale, SOURCE_DECIMALS)
        .chars()
        .filter(|c| *c != group)
        .collect()
}

fn point(amount: Amount, locale: Locale) -> String {
    match amount {
        Amount::Point(v) => excel_number(v, locale),
        Amount::Range(..) => String::new(),
    }
}

/// Column headings of the numbers table.
pub fn numbers_header(locale: Locale) -> Vec<String> {
    [
        FirstMsg::XlIndicator,
        FirstMsg::XlUnit,
        FirstMsg::XlLatest,
        FirstMsg::XlYear,
        FirstMsg::XlKind,
        FirstMsg::XlPlan,
        FirstMsg::XlAttainment,
        FirstMsg::XlStatus,
        FirstMsg::XlTarget,
        FirstMsg::XlTargetUnit,
        FirstMsg::XlTargetText,
        FirstMsg::XlTargetYear,
    ]
    .iter()
    .map(|&m| ft(m, locale).to_string())
    .collect()
}

fn target_cells(model: &Model, f: Option<&Figure>, locale: Locale) -> [String; 4] {
    match f {
        Some(f) => [
            point(f.amount, locale),
            unit_name(model, &f.unit, locale).to_string(),
            figure_value_text(model, f, locale),
            period_text(f.period, locale),
        ],
        None => Default::default(),
    }
}

/// The numbers table of one dashboard group (the rows it shows, in its order).
pub fn group_numbers_table(model: &Model, group: &GroupView, locale: Locale) -> Table {
    let rows = group
        .rows
        .iter()
        .filter_map(|r| model.indicator(&r.id))
        .map(|ind| {
            let s = summarize(model, ind);
            let unit = s.latest.map_or(ind.unit.as_str(), |f| f.unit.as_str());
            let plan = match s.plan {
                Some(PlanValue::Stated(p)) => model
                    .convert(p.amount, &p.unit, unit)
                    .map(|a| point(a, locale))
                    .unwrap_or_default(),
                Some(PlanValue::FromAttainment { value, .. }) => excel_number(value, locale),
                None => String::new(),
            };
            let attainment = match s.attainment {
                Some(Attainment::Stated(f)) => point(f.amount, locale),
                Some(Attainment::Computed(v)) => excel_number(v, locale),
                None => String::new(),
            };
            let [target, target_unit, target_text, target_year] =
                target_cells(model, s.term_target, locale);
            vec![
                pick(&ind.name, locale).to_string(),
                unit_name(model, unit, locale).to_string(),
                s.latest
                    .map(|f| point(f.amount, locale))
                    .unwrap_or_default(),
                s.latest
                    .map(|f| period_text(f.period, locale))
                    .unwrap_or_default(),
                s.latest
                    .map(|f| kind_label(f.kind, locale).to_string())
                    .unwrap_or_default(),
                plan,
                attainment,
                s.status
                    .map(|st| status_label(st, locale).to_string())
                    .unwrap_or_default(),
                target,
                target_unit,
                target_text,
                target_year,
            ]
        })
        .collect();
    Table {
        header: numbers_header(locale),
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::catalog::kon_tum;
    use crate::present::dashboard::dashboard;

    #[test]
    fn numbers_are_written_as_excel_reads_them() {
        let cases = [
            (20225.0, Locale::Vi, "20225"),
            (20809.75, Locale::Vi, "20809,75"),
            (20809.75, Locale::En, "20809.75"),
            (-7.41, Locale::Vi, "-7,41"),
            (1234567.5, Locale::En, "1234567.5"),
            (f64::NAN, Locale::Vi, ""),
        ];
        for (v, l, want) in cases {
            assert_eq!(excel_number(v, l), want, "{v} {l:?}");
        }
    }

    #[test]
    fn each_cell_holds_one_value() {
        let model = kon_tum();
        let groups = dashboard(&model, "", Locale::Vi);
        let economy = groups.iter().find(|g| g.id == "economy").expect("economy");
        let table = group_numbers_table(&model, economy, Locale::Vi);
        assert_eq!(table.header.len(), 12);
        let grdp = table
            .rows
            .iter()
            .find(|r| {
                r.first()
                    .is_some_and(|n| n.contains("GRDP") && n.contains("so sánh"))
            })
            .expect("GRDP row");
        // The 2024 estimate of GRDP at constant prices, 20.225 tỷ đồng in the public
        // report, as a bare number; its unit, year and kind in their own cells.
        assert_eq!(grdp.get(1).map(String::as_str), Some("tỷ đồng"));
        assert_eq!(grdp.get(2).map(String::as_str), Some("20225"));
        assert_eq!(grdp.get(3).map(String::as_str), Some("2024"));
        assert_eq!(grdp.get(4).map(String::as_str), Some("ước thực hiện"));
        for row in &table.rows {
            for (i, cell) in row.iter().enumerate().skip(2).step_by(1) {
                if [2usize, 5, 6, 8].contains(&i) {
                    assert!(
                        cell.is_empty() || cell.replace(',', ".").parse::<f64>().is_ok(),
                        "column {i}: {cell:?} in {row:?}"
                    );
                }
                assert!(!cell.contains('\n'), "{row:?}");
            }
        }
    }
}
