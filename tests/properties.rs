//! Property tests for the core: formatting round-trips and never panics, the loader and
//! the period parser survive any input, and search folding is total.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use provincial_planner::core::catalog::UNITS_JSON;
use provincial_planner::core::load::{load_model, ModelFiles};
use provincial_planner::core::model::Period;
use provincial_planner::core::numfmt::{format_number, Locale, NOT_A_NUMBER};
use provincial_planner::core::textsearch::fold;

fn parse_back(text: &str, locale: Locale) -> f64 {
    let plain = match locale {
        Locale::Vi => text.replace('.', "").replace(',', "."),
        Locale::En => text.replace(',', ""),
    };
    plain.parse().expect("formatted number parses back")
}

proptest! {
    #[test]
    fn format_round_trips_to_display_precision(v in -1e12f64..1e12, max in 0u8..4, vi in any::<bool>()) {
        let locale = if vi { Locale::Vi } else { Locale::En };
        let text = format_number(v, locale, max);
        let back = parse_back(&text, locale);
        let step = 10f64.powi(-i32::from(max));
        // Within half a display step, plus float noise at this magnitude.
        prop_assert!((back - v).abs() <= step / 2.0 + v.abs() * 1e-15 + 1e-12, "{v} -> {text} -> {back}");
    }

    #[test]
    fn format_never_panics_or_prints_nan(bits in any::<u64>(), max in 0u8..30) {
        let v = f64::from_bits(bits);
        let text = format_number(v, Locale::Vi, max);
        if v.is_finite() {
            prop_assert!(!text.contains("NaN") && !text.contains("inf"));
        } else {
            prop_assert_eq!(text, NOT_A_NUMBER);
        }
    }

    #[test]
    fn loader_rejects_garbage_without_panicking(model in ".{0,200}", fragment in ".{0,200}") {
        let result = load_model(UNITS_JSON, ModelFiles { model: &model, fragments: &[("f", &fragment)] });
        prop_assert!(result.is_err());
    }

    #[test]
    fn period_parser_is_total_and_round_trips(text in "[0-9HQYTD-]{0,12}") {
        if let Some(p) = Period::parse(&text) {
            prop_assert_eq!(Period::parse(&p.to_string()), Some(p));
        }
    }

    #[test]
    fn fold_is_total_and_idempotent(text in "\\PC{0,40}") {
        let once = fold(&text);
        prop_assert_eq!(fold(&once), once.clone());
    }
}

#[test]
fn loader_survives_deep_nesting() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let result = load_model(
        UNITS_JSON,
        ModelFiles {
            model: &deep,
            fragments: &[],
        },
    );
    assert!(result.is_err());
}
