//! The sensitivity tables as text: the projected value in the target year over a range
//! of one year's assumption, and over a grid of the first two remaining years'
//! assumptions, with the cells that meet the target marked. Pure; the component
//! `components::indicator::sensitivity_tables` only lays them out.

use crate::core::codec::csv::Table;
use crate::core::model::Model;
use crate::core::plan::assessment::Assumptions;
use crate::core::plan::sensitivity::table_for;
use crate::core::text::numfmt::format_number;
use crate::present::i18n::{pick, Locale};

/// The sensitivity tables as text: what the screen shows and the CSV holds.
#[derive(Clone, Debug, PartialEq)]
pub struct SensitivityView {
    /// Caption of the one-way table.
    pub caption_one: String,
    /// One-way table: assumption, projection, gap to target, meets.
    pub one_way: Table,
    /// Which one-way rows meet the target.
    pub one_way_meets: Vec<bool>,
    /// Two-way grid, when two or more years remain.
    pub grid: Option<SensitivityGrid>,
    /// Title of the one-way table's CSV ("<indicator> - <caption>").
    pub csv_title_one: String,
    /// The value in use for the first year and what it gives, checked by the same rule.
    pub in_use_line: Option<String>,
}

/// The two-way sensitivity grid.
#[derive(Clone, Debug, PartialEq)]
pub struct SensitivityGrid {
    /// Caption.
    pub caption: String,
    /// Title of its CSV ("<indicator> - <caption>").
    pub csv_title: String,
    /// The grid: the first column holds the first year's values, the header the second's.
    pub table: Table,
    /// Which cells meet the target, by row then column (the first column excluded).
    pub meets: Vec<Vec<bool>>,
}

/// Computes both tables; `None` when no year is left to assume or the scenario cannot be
/// assessed. The numbers and ticks come from `core::plan::sensitivity::table_for`, which
/// uses the target's one rule (`core::plan::rule`).
pub fn sensitivity_view(
    model: &Model,
    indicator: &str,
    assumptions: &Assumptions,
    locale: Locale,
) -> Option<SensitivityView> {
    let tables = table_for(model, indicator, assumptions)?;
    let n = |v: f64| format_number(v, locale, 2);
    let indicator_name = model
        .indicator(indicator)
        .map(|i| pick(&i.name, locale))
        .unwrap_or_default();
    let first = tables.first;
    let target_year = tables.target_year;
    let target_value = tables.target_value;
    let one_way_meets: Vec<bool> = tables.one_way.iter().map(|r| r.meets).collect();
    let in_use_line = tables.in_use.as_ref().map(|r| {
        let projected = r.projected.map(n).unwrap_or_else(|| "—".to_string());
        match (locale, r.meets) {
            (Locale::Vi, true) => format!(
                "Giá trị đang dùng cho năm {first}: {} → {target_year}: {projected} (đạt).",
                n(r.input)
            ),
            (Locale::Vi, false) => format!(
                "Giá trị đang dùng cho năm {first}: {} → {target_year}: {projected} (không đạt).",
                n(r.input)
            ),
            (Locale::En, true) => format!(
                "Value in use for {first}: {} → {target_year}: {projected} (meets).",
                n(r.input)
            ),
            (Locale::En, false) => format!(
                "Value in use for {first}: {} → {target_year}: {projected} (does not meet).",
                n(r.input)
            ),
        }
    });
    let rows_one = tables
        .one_way
        .iter()
        .map(|r| {
            vec![
                n(r.input),
                r.projected.map(n).unwrap_or_else(|| "—".to_string()),
                r.projected.map(|v| n(v - target_value)).unwrap_or_default(),
                if r.meets { "✓" } else { "" }.to_string(),
            ]
        })
        .collect();
    let (caption_one, col_in, col_out, col_gap, col_ok) = match locale {
        Locale::Vi => (
            format!("Độ nhạy: giá trị năm {target_year} theo giả định năm {first}"),
            format!("Giả định {first}"),
            format!("Dự báo {target_year}"),
            "Chênh lệch với mục tiêu".to_string(),
            "Đạt".to_string(),
        ),
        Locale::En => (
            format!("Sensitivity: {target_year} value by the {first} assumption"),
            format!("Assumed {first}"),
            format!("Projected {target_year}"),
            "Gap to target".to_string(),
            "Meets".to_string(),
        ),
    };
    let grid = tables.grid.map(|g| {
        let second = g.second;
        let mut header = vec![format!("{first} \\ {second}")];
        header.extend(g.columns.iter().map(|y| n(*y)));
        let rows = g
            .rows
            .iter()
            .zip(&g.cells)
            .map(|(x, row)| {
                let mut out = vec![n(*x)];
                out.extend(row.iter().map(|c| c.map(n).unwrap_or_else(|| "—".to_string())));
                out
            })
            .collect();
        let caption = match locale {
            Locale::Vi => format!(
                "Độ nhạy hai chiều: giá trị năm {target_year} theo giả định năm {first} (hàng) và năm {second} (cột)"
            ),
            Locale::En => format!(
                "Two-way sensitivity: {target_year} value by the {first} (rows) and {second} (columns) assumptions"
            ),
        };
        SensitivityGrid {
            csv_title: format!("{indicator_name} - {caption}"),
            caption,
            table: Table { header, rows },
            meets: g.meets,
        }
    });
    Some(SensitivityView {
        csv_title_one: format!("{indicator_name} - {caption_one}"),
        caption_one,
        one_way: Table {
            header: vec![col_in, col_out, col_gap, col_ok],
            rows: rows_one,
        },
        one_way_meets,
        grid,
        in_use_line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::catalog::kon_tum;
    use crate::core::plan::assessment::{assess, PaceKind};
    use crate::core::plan::sensitivity::input_steps;

    #[track_caller]
    fn growth_steps(center: f64, expected: &[f64]) {
        assert_eq!(input_steps(PaceKind::Growth, center), expected);
    }

    #[track_caller]
    fn increment_steps(center: f64, expected: &[f64]) {
        assert_eq!(input_steps(PaceKind::Increment, center), expected);
    }

    #[test]
    fn steps_go_by_whole_percents_or_round_amounts() {
        // 9,8 rounds to the half point 10, then 1 point apart.
        growth_steps(9.8, &[7.0, 8.0, 9.0, 10.0, 11.0, 12.0, 13.0]);
        // 500 ha: a fifth is 100, so steps of 100 around 500.
        increment_steps(500.0, &[200.0, 300.0, 400.0, 500.0, 600.0, 700.0, 800.0]);
        // 37: a fifth is 7,4, one significant digit gives 7; 37 ÷ 7 rounds to 5, so 35.
        increment_steps(37.0, &[14.0, 21.0, 28.0, 35.0, 42.0, 49.0, 56.0]);
    }

    #[test]
    fn tables_have_seven_steps_and_a_grid_for_two_years() {
        let m = kon_tum();
        let a = assess(&m, "grdp_constant", &Assumptions::default());
        let w = a.working.clone().unwrap_or_else(|| panic!("working"));
        let v = sensitivity_view(&m, "grdp_constant", &Assumptions::default(), Locale::Vi)
            .unwrap_or_else(|| panic!("view"));
        assert_eq!(v.one_way.rows.len(), 7);
        assert_eq!(v.one_way_meets.len(), 7);
        assert_eq!(v.one_way.header.len(), 4);
        assert!(v.csv_title_one.ends_with(&format!(" - {}", v.caption_one)));
        let first = w.remaining_years.first().copied().unwrap_or_default();
        assert!(
            v.caption_one.starts_with("Độ nhạy: giá trị năm "),
            "{}",
            v.caption_one
        );
        assert_eq!(v.one_way.header.first(), Some(&format!("Giả định {first}")));
        if let Some(g) = &v.grid {
            assert_eq!(g.table.rows.len(), 7);
            assert_eq!(g.table.header.len(), 8);
            assert!(g.meets.iter().all(|r| r.len() == 7));
        }
        // Meeting the target is monotone in the assumption: once met, met above too.
        let met: Vec<bool> = v.one_way_meets.clone();
        assert!(met.windows(2).all(|p| !p[0] || p[1]), "{met:?}");
    }
}
