//! The sensitivity tables as text: the projected value in the target year over a range
//! of one year's assumption, and over a grid of the first two remaining years'
//! assumptions, with the cells that meet the target marked. Pure; the component
//! `components::indicator::sensitivity_tables` only lays them out.

use crate::core::codec::csv::Table;
use crate::core::model::{Better, Model};
use crate::core::plan::assessment::{assess, Assumptions, PaceKind, Working};
use crate::core::plan::sensitivity::{one_way, steps, two_way};
use crate::core::text::numfmt::format_number;
use crate::present::i18n::{pick, Locale};

fn projection_with(
    model: &Model,
    indicator: &str,
    base: &Assumptions,
    values: &[(i32, f64)],
) -> Option<f64> {
    let mut trial = base.clone();
    for (y, v) in values {
        trial.per_year.insert(*y, *v);
    }
    assess(model, indicator, &trial).projection
}

fn input_steps(w: &Working, center: f64) -> Vec<f64> {
    match w.pace_kind {
        PaceKind::Growth => steps((center * 2.0).round() / 2.0, 1.0, 7),
        PaceKind::Increment => {
            let step = (center.abs() / 5.0).max(1.0);
            let magnitude = 10f64.powf(step.log10().floor());
            let step = (step / magnitude).round().max(1.0) * magnitude;
            steps((center / step).round() * step, step, 7)
        }
    }
}

fn meets(w: &Working, value: f64, falling: bool) -> bool {
    if falling {
        value <= w.target_value
    } else {
        value >= w.target_value
    }
}

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

/// Computes both tables; `None` when no year is left to assume.
pub fn sensitivity_view(
    model: &Model,
    indicator: &str,
    assumptions: &Assumptions,
    working: &Working,
    required: Option<f64>,
    locale: Locale,
) -> Option<SensitivityView> {
    let falling = model
        .indicator(indicator)
        .is_some_and(|i| i.better == Better::Lower);
    let n = |v: f64| format_number(v, locale, 2);
    let indicator_name = model
        .indicator(indicator)
        .map(|i| pick(&i.name, locale))
        .unwrap_or_default();
    let center_for = |year: i32| {
        assumptions
            .per_year
            .get(&year)
            .copied()
            .or(required)
            .unwrap_or(0.0)
    };
    let &first = working.remaining_years.first()?;
    let xs = input_steps(working, center_for(first));
    let mut one_way_meets = Vec::new();
    let rows_one = one_way(
        |x| projection_with(model, indicator, assumptions, &[(first, x)]),
        &xs,
    )
    .into_iter()
    .map(|(x, y)| {
        let ok = y.is_some_and(|v| meets(working, v, falling));
        one_way_meets.push(ok);
        vec![
            n(x),
            y.map(n).unwrap_or_else(|| "—".to_string()),
            y.map(|v| n(v - working.target_value)).unwrap_or_default(),
            if ok { "✓" } else { "" }.to_string(),
        ]
    })
    .collect();
    let (caption_one, col_in, col_out, col_gap, col_ok) = match locale {
        Locale::Vi => (
            format!(
                "Độ nhạy: giá trị năm {} theo giả định năm {first}",
                working.target_year
            ),
            format!("Giả định {first}"),
            format!("Dự báo {}", working.target_year),
            "Chênh lệch với mục tiêu".to_string(),
            "Đạt".to_string(),
        ),
        Locale::En => (
            format!(
                "Sensitivity: {} value by the {first} assumption",
                working.target_year
            ),
            format!("Assumed {first}"),
            format!("Projected {}", working.target_year),
            "Gap to target".to_string(),
            "Meets".to_string(),
        ),
    };
    let grid = working.remaining_years.get(1).map(|&second| {
        let ys = input_steps(working, center_for(second));
        let cells = two_way(
            |a, b| projection_with(model, indicator, assumptions, &[(first, a), (second, b)]),
            &xs,
            &ys,
        );
        let mut header = vec![format!("{first} \\ {second}")];
        header.extend(ys.iter().map(|y| n(*y)));
        let mut flags = Vec::new();
        let rows = xs
            .iter()
            .zip(cells)
            .map(|(x, row)| {
                let mut out = vec![n(*x)];
                let mut row_flags = Vec::new();
                for c in row {
                    row_flags.push(c.is_some_and(|v| meets(working, v, falling)));
                    out.push(c.map(n).unwrap_or_else(|| "—".to_string()));
                }
                flags.push(row_flags);
                out
            })
            .collect();
        let caption = match locale {
            Locale::Vi => format!(
                "Độ nhạy hai chiều: giá trị năm {} theo giả định năm {first} (hàng) và năm {second} (cột)",
                working.target_year
            ),
            Locale::En => format!(
                "Two-way sensitivity: {} value by the {first} (rows) and {second} (columns) assumptions",
                working.target_year
            ),
        };
        SensitivityGrid {
            csv_title: format!("{indicator_name} - {caption}"),
            caption,
            table: Table { header, rows },
            meets: flags,
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
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::catalog::kon_tum;

    #[track_caller]
    fn growth_steps(center: f64, expected: &[f64]) {
        let mut w = assess(&kon_tum(), "grdp_constant", &Assumptions::default())
            .working
            .unwrap_or_else(|| panic!("working"));
        w.pace_kind = PaceKind::Growth;
        assert_eq!(input_steps(&w, center), expected);
    }

    #[track_caller]
    fn increment_steps(center: f64, expected: &[f64]) {
        let mut w = assess(&kon_tum(), "grdp_constant", &Assumptions::default())
            .working
            .unwrap_or_else(|| panic!("working"));
        w.pace_kind = PaceKind::Increment;
        assert_eq!(input_steps(&w, center), expected);
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
        let v = sensitivity_view(
            &m,
            "grdp_constant",
            &Assumptions::default(),
            &w,
            a.required.ok(),
            Locale::Vi,
        )
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
