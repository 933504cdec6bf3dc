//! A figure named for a person instead of by its stable key: the key
//! "grdp_constant/2023/estimate/level" that the working records becomes "ước thực hiện
//! năm 2023" (the kind and the period), never the key itself (issue #17: no ids on
//! screen). Pure and host-tested.

use crate::core::model::load::kind_code;
use crate::core::model::{FigureKind, Period};
use crate::present::i18n::{kind_label, period_text, Locale};

/// The kind and period of the figure a key names ("ước thực hiện năm 2023",
/// "estimate 2023"), or an empty text when the key is not a figure key.
pub fn key_words(key: &str, locale: Locale) -> String {
    let mut parts = key.split('/');
    let (_indicator, period, kind) = (parts.next(), parts.next(), parts.next());
    let period = period.and_then(Period::parse);
    let kind = kind.and_then(|k| {
        [
            FigureKind::Actual,
            FigureKind::Estimate,
            FigureKind::Plan,
            FigureKind::TermTarget,
            FigureKind::Derived,
        ]
        .into_iter()
        .find(|f| kind_code(*f) == k)
    });
    match (kind, period) {
        (Some(k), Some(p @ Period::Year(_))) if locale == Locale::Vi => {
            format!("{} năm {}", kind_label(k, locale), period_text(p, locale))
        }
        (Some(k), Some(p)) => format!("{} {}", kind_label(k, locale), period_text(p, locale)),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(key: &str, vi: &str, en: &str) {
        assert_eq!(key_words(key, Locale::Vi), vi, "{key}");
        assert_eq!(key_words(key, Locale::En), en, "{key}");
    }

    #[test]
    fn a_key_becomes_its_kind_and_period() {
        words(
            "grdp_constant/2023/estimate/level",
            "ước thực hiện năm 2023",
            "estimate 2023",
        );
        words(
            "budget_revenue/2024/plan/level",
            "kế hoạch năm 2024",
            "plan 2024",
        );
        words("k1", "", "");
        words("", "", "");
    }
}
