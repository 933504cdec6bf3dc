//! How many decimals a figure is shown with (issue #17: "Dân số 590.062,14 người" reads
//! wrong, people are whole). Each unit of the unit table (`data/units.json`) says how
//! many decimals its figures carry: people, households, ranks and other counts none,
//! money and shares two, as the documents write them. A figure quoted from a document
//! is shown as the document wrote it (up to [`SOURCE_DECIMALS`]); a value the app
//! computes is rounded to its unit's decimals. The CSV for Excel keeps four (see
//! `present::excel_csv`), so that sums there are not thrown off by rounding.
//!
//! Pure and host-tested.

use std::sync::OnceLock;

use crate::core::model::catalog::UNITS_JSON;
use crate::core::model::load::parse_units;
use crate::core::model::raw::RawUnit;
use crate::core::model::{Figure, FigureKind, Model};
use crate::present::i18n::{COMPUTED_DECIMALS, SOURCE_DECIMALS};

/// The shared unit table, read once.
fn registry() -> &'static [RawUnit] {
    static UNITS: OnceLock<Vec<RawUnit>> = OnceLock::new();
    UNITS.get_or_init(|| parse_units(UNITS_JSON).unwrap_or_default())
}

/// The decimals the shared unit table gives `unit` (`people`: 0), or
/// [`COMPUTED_DECIMALS`] for a unit it does not know or gives none.
pub fn registry_decimals(unit: &str) -> u8 {
    registry()
        .iter()
        .find(|u| u.id == unit)
        .and_then(|u| u.decimals)
        .unwrap_or(COMPUTED_DECIMALS)
}

/// The decimals a computed value in `unit` is shown with in `model`: the unit's own
/// (a model file may bring units of its own), else the shared table's.
pub fn unit_decimals(model: &Model, unit: &str) -> u8 {
    model
        .unit(unit)
        .and_then(|u| u.decimals)
        .unwrap_or_else(|| registry_decimals(unit))
}

/// The decimals a figure is shown with: a document's figure as written, a derived one
/// at its unit's decimals.
pub fn figure_decimals(model: &Model, figure: &Figure) -> u8 {
    if figure.kind == FigureKind::Derived {
        unit_decimals(model, &figure.unit)
    } else {
        SOURCE_DECIMALS
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::catalog::load_shipped;
    use crate::core::text::numfmt::{format_number, Locale};

    #[track_caller]
    fn decimals(unit: &str, expected: u8) {
        assert_eq!(registry_decimals(unit), expected, "{unit}");
    }

    #[test]
    fn counts_are_whole_and_money_and_shares_keep_two() {
        // People, households, ranks and other things counted one by one have no
        // fraction; the documents write money and shares with two decimals
        // ("18.938,78 tỷ đồng", "58,42 triệu đồng", "97,62%"), hospital beds with one
        // ("39,3 giường bệnh/vạn dân"), timber with three ("60,295 m³").
        for unit in [
            "people",
            "households",
            "rank",
            "count",
            "workers",
            "communes",
        ] {
            decimals(unit, 0);
        }
        for unit in ["bn_vnd", "mn_vnd", "percent", "percentage_points", "score"] {
            decimals(unit, 2);
        }
        decimals("beds_per_10k", 1);
        decimals("m3", 3);
        decimals("no_such_unit", COMPUTED_DECIMALS);
    }

    #[test]
    fn a_computed_population_is_whole() {
        // 568.780 × (601.000 ÷ 568.780)^(2/3) = 590.062,14…: shown as 590.062 người.
        let shown = format_number(590_062.14, Locale::Vi, registry_decimals("people"));
        assert_eq!(shown, "590.062");
        let shown = format_number(590_062.5, Locale::En, registry_decimals("people"));
        assert_eq!(shown, "590,063");
    }

    #[test]
    fn every_unit_of_the_table_says_its_decimals() {
        for u in registry() {
            assert!(u.decimals.is_some(), "{} has no decimals", u.id);
        }
    }

    #[test]
    fn no_document_writes_a_count_with_a_fraction() {
        // The shown decimals must not hide what a document wrote: every quoted figure
        // in a unit of no decimals is whole.
        let (models, _) = load_shipped();
        for m in &models {
            for f in m.figures.iter().filter(|f| f.kind != FigureKind::Derived) {
                if unit_decimals(m, &f.unit) == 0 {
                    let (lo, hi) = match f.amount {
                        crate::core::model::Amount::Point(v) => (v, v),
                        crate::core::model::Amount::Range(a, b) => (a, b),
                    };
                    assert!(
                        lo.fract() == 0.0 && hi.fract() == 0.0,
                        "{}: {} {lo}–{hi}",
                        f.indicator,
                        f.unit
                    );
                }
            }
        }
    }
}
