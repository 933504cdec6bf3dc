//! Targets in another currency: a per-capita target in USD against results in VND is
//! compared through an exchange rate (VND per USD) that the person sees and can change.
//! The public pages state no rate, so the app never supplies one: the rate comes in as
//! an assumption, and the conversion is part of the working the explanation shows.

use crate::core::model::{Amount, Model};

/// Dimension of the units in đồng (`vnd`, `mn_vnd`, `bn_vnd`…).
pub const VND: &str = "vnd";
/// Dimension of the units in US dollars (`usd`, `mn_usd`…).
pub const USD: &str = "usd";

/// True when two unit dimensions are VND and USD, in either order: figures in one can be
/// compared with the other's only through an exchange rate.
pub fn is_currency_pair(a: &str, b: &str) -> bool {
    (a == VND && b == USD) || (a == USD && b == VND)
}

/// True when a figure in unit `from` needs an exchange rate to be read in unit `to`.
pub fn needs_rate(model: &Model, from: &str, to: &str) -> bool {
    match (model.unit(from), model.unit(to)) {
        (Some(f), Some(t)) => is_currency_pair(&f.dimension, &t.dimension),
        _ => false,
    }
}

/// Converts `amount` from unit `from` to unit `to` across VND and USD at `vnd_per_usd`
/// đồng per dollar (6,900 `usd` at 26,000 is 179.4 `mn_vnd`); `None` when the units are
/// not a currency pair, the rate is not a positive finite number, or the result is not
/// finite.
pub fn convert(
    model: &Model,
    amount: Amount,
    from: &str,
    to: &str,
    vnd_per_usd: f64,
) -> Option<Amount> {
    let (f, t) = (model.unit(from)?, model.unit(to)?);
    let usable = vnd_per_usd.is_finite() && vnd_per_usd > 0.0;
    if !(is_currency_pair(&f.dimension, &t.dimension) && usable) {
        return None;
    }
    let rate = if f.dimension == USD {
        vnd_per_usd
    } else {
        1.0 / vnd_per_usd
    };
    amount.scaled(f.factor * rate / t.factor)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::catalog::kon_tum;

    fn close(a: Option<Amount>, want: Amount) {
        match (a, want) {
            (Some(Amount::Point(x)), Amount::Point(y)) => {
                assert!((x - y).abs() < 1e-9, "{x} vs {y}")
            }
            (Some(Amount::Range(a, b)), Amount::Range(c, d)) => {
                assert!(
                    (a - c).abs() < 1e-9 && (b - d).abs() < 1e-9,
                    "{a}-{b} vs {c}-{d}"
                )
            }
            (got, _) => panic!("{got:?} vs {want:?}"),
        }
    }

    #[test]
    fn usd_targets_convert_to_million_vnd_at_the_rate_given() {
        let m = kon_tum();
        // 6,900 USD × 26,000 VND/USD = 179,400,000 VND = 179.4 million VND.
        close(
            convert(&m, Amount::Point(6900.0), "usd", "mn_vnd", 26_000.0),
            Amount::Point(179.4),
        );
        // 7,000 × 26,000 = 182,000,000 VND = 182 million VND.
        close(
            convert(&m, Amount::Range(6900.0, 7000.0), "usd", "mn_vnd", 26_000.0),
            Amount::Range(179.4, 182.0),
        );
        // Back: 102 million VND ÷ 25,500 = 4,000 USD.
        close(
            convert(&m, Amount::Point(102.0), "mn_vnd", "usd", 25_500.0),
            Amount::Point(4000.0),
        );
    }

    #[test]
    fn no_rate_no_conversion() {
        let m = kon_tum();
        for rate in [0.0, -1.0, f64::NAN, f64::INFINITY] {
            assert_eq!(
                convert(&m, Amount::Point(1.0), "usd", "mn_vnd", rate),
                None,
                "{rate}"
            );
        }
        assert_eq!(
            convert(&m, Amount::Point(1.0), "ha", "mn_vnd", 26_000.0),
            None
        );
        assert!(needs_rate(&m, "usd", "mn_vnd"));
        assert!(!needs_rate(&m, "mn_usd", "usd"));
        assert!(!needs_rate(&m, "bn_vnd", "mn_vnd"));
    }
}

#[cfg(test)]
mod worked_check {
    use crate::core::model::catalog::load_shipped;
    use crate::core::plan::assessment::{assess, AssessError, Assumptions};

    #[test]
    fn a_usd_per_capita_target_needs_the_pace_of_the_issue_worked_check() {
        let models = load_shipped().0;
        let qn = models
            .iter()
            .find(|m| m.id == "quang-ngai-2026-2030-cong-khai")
            .expect("qn");
        // No rate: the app asks for one rather than reading 6,900 USD as 6,900 mn VND.
        let none = assess(qn, "grdp_per_capita", &Assumptions::default());
        assert_eq!(none.required, Err(AssessError::NoExchangeRate));
        // 6,900 USD × 26,000 = 179.4 mn VND; from 102 mn VND in 2025 over five years:
        // (179.4 ÷ 102)^(1/5) − 1 = 1.758824^0.2 − 1 = 11.95 % a year.
        let a = assess(
            qn,
            "grdp_per_capita",
            &Assumptions {
                exchange_rate: Some(26_000.0),
                ..Assumptions::default()
            },
        );
        let w = a.working.clone().expect("working");
        assert!((w.target_value - 179.4).abs() < 1e-9, "{}", w.target_value);
        assert_eq!((w.start_year, w.start_value), (2025, 102.0));
        let required = a.required.unwrap_or(f64::NAN);
        assert!((required - 11.95).abs() < 0.01, "{required}");
    }

    #[test]
    fn the_grdp_workbench_counts_the_pace_from_the_2025_result() {
        let models = load_shipped().0;
        let qn = models
            .iter()
            .find(|m| m.id == "quang-ngai-2026-2030-cong-khai")
            .expect("qn");
        // Over 10 % a year from 2025's 92,340 bn VND: 92,340 × 1.61051 = 148,714.5 bn VND
        // in 2030, which needs 10 % in each of the five years.
        let a = assess(qn, "grdp_constant", &Assumptions::default());
        let w = a.working.clone().expect("working");
        assert!(
            (w.target_value - 148_714.5).abs() < 0.1,
            "{}",
            w.target_value
        );
        let required = a.required.unwrap_or(f64::NAN);
        assert!((required - 10.0).abs() < 1e-6, "{required}");
    }
}
