//! A model as it stood on a date (issue #13, "see the model as it stood on a date"):
//! the as-of date (`ngay=YYYY-MM-DD` in a link) and the model with what was not known
//! on that day taken out, so the workbench answers as it would have then.
//!
//! What was not known on day D:
//! - a figure whose document is dated after D (a partial date `2024-12` or `2024` counts
//!   from its first possible day, so a document of "December 2024" is known on
//!   2024-12-31 but not on 2024-11-30);
//! - a result or estimate about a period that ends in a year after D's year (a 2025
//!   result is unknown in 2024, whatever its document);
//! - a derived figure one of whose inputs is not known.
//!
//! Plans and term targets from documents dated on or before D stay. Pure: no clock.

use std::collections::BTreeSet;
use std::fmt;

use crate::core::model::load::figure_key;
use crate::core::model::{Figure, Model, PartialDate, Source, YEARS};

/// A calendar day, checked (month 1-12, day within the month, year in [`YEARS`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    /// Year.
    pub year: i32,
    /// Month 1-12.
    pub month: u8,
    /// Day of the month.
    pub day: u8,
}

/// Why a text is not a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayError {
    /// Not of the form `YYYY-MM-DD`.
    Shape,
    /// The form is right but no such day exists (`2025-02-30`), or the year is out of
    /// range.
    NoSuchDay,
}

impl fmt::Display for DayError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DayError::Shape => write!(f, "not a date of the form yyyy-mm-dd"),
            DayError::NoSuchDay => write!(f, "no such day"),
        }
    }
}

impl std::error::Error for DayError {}

fn leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in a month of a year (0 for a month outside 1-12).
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Day {
    /// Reads `YYYY-MM-DD` exactly (what `<input type="date">` and
    /// `core::text::calendar::iso_date` write).
    pub fn parse(text: &str) -> Result<Day, DayError> {
        let b = text.as_bytes();
        let digits = |r: std::ops::Range<usize>| {
            b.get(r.clone())
                .filter(|s| s.iter().all(u8::is_ascii_digit))
                .and_then(|_| text.get(r))
        };
        if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
            return Err(DayError::Shape);
        }
        let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10)) else {
            return Err(DayError::Shape);
        };
        let year: i32 = y.parse().map_err(|_| DayError::Shape)?;
        let month: u8 = m.parse().map_err(|_| DayError::Shape)?;
        let day: u8 = d.parse().map_err(|_| DayError::Shape)?;
        if !YEARS.contains(&year) || day == 0 || day > days_in_month(year, month) {
            return Err(DayError::NoSuchDay);
        }
        Ok(Day { year, month, day })
    }

    /// True when a document dated `date` may have been out on this day: its first
    /// possible day is on or before it.
    pub fn knows(self, date: PartialDate) -> bool {
        let first = (date.year, date.month.unwrap_or(1), date.day.unwrap_or(1));
        first <= (self.year, self.month, self.day)
    }
}

impl fmt::Display for Day {
    /// `YYYY-MM-DD`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn known_alone(model: &Model, figure: &Figure, day: Day) -> bool {
    if figure.kind.is_result() && figure.period.end_year() > day.year {
        return false;
    }
    model.figure_date(figure).is_none_or(|d| day.knows(d))
}

/// The model as it stood on `day`: the figures not known then are taken out (see the
/// module doc); everything else (indicators, documents, gaps) is kept as is.
pub fn model_as_of(model: &Model, day: Day) -> Model {
    let mut keep: Vec<bool> = model
        .figures
        .iter()
        .map(|f| known_alone(model, f, day) && !matches!(f.source, Source::Derived { .. }))
        .collect();
    // Derived figures may rest on other derived figures: settle them in rounds.
    loop {
        let known: BTreeSet<String> = model
            .figures
            .iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(f, _)| figure_key(f))
            .collect();
        let mut changed = false;
        for (f, k) in model.figures.iter().zip(keep.iter_mut()) {
            if let Source::Derived { inputs, .. } = &f.source {
                let now = known_alone(model, f, day) && inputs.iter().all(|i| known.contains(i));
                if now && !*k {
                    *k = true;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    let figures: Vec<Figure> = model
        .figures
        .iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .map(|(f, _)| f.clone())
        .collect();
    let figures_by_indicator = crate::core::model::index_figures(&figures);
    Model {
        figures,
        figures_by_indicator,
        ..model.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::catalog::kon_tum;
    use crate::core::model::{FigureKind, Measure, Period};

    fn day(text: &str) -> Day {
        Day::parse(text).unwrap()
    }

    fn err(text: &str) -> DayError {
        Day::parse(text).unwrap_err()
    }

    fn has(m: &Model, indicator: &str, period: &str, kind: FigureKind, measure: Measure) -> bool {
        let p = Period::parse(period);
        m.figures_of(indicator)
            .any(|f| Some(f.period) == p && f.kind == kind && f.measure == measure)
    }

    #[test]
    fn reads_days() {
        assert_eq!(day("2024-12-31").to_string(), "2024-12-31");
        assert_eq!(
            day("2024-02-29"),
            Day {
                year: 2024,
                month: 2,
                day: 29
            }
        );
        assert_eq!(err("2025-02-29"), DayError::NoSuchDay);
        assert_eq!(err("1900-02-29"), DayError::NoSuchDay);
        assert_eq!(day("2000-02-29").day, 29);
        assert_eq!(err("2024-13-01"), DayError::NoSuchDay);
        assert_eq!(err("2024-04-31"), DayError::NoSuchDay);
        assert_eq!(err("2024-00-10"), DayError::NoSuchDay);
        assert_eq!(err("1850-01-01"), DayError::NoSuchDay);
        assert_eq!(err("31/12/2024"), DayError::Shape);
        assert_eq!(err("2024-1-31"), DayError::Shape);
        assert_eq!(err("2024-+1-31"), DayError::Shape);
        assert_eq!(err("２０２４-12-31"), DayError::Shape);
        assert_eq!(err(""), DayError::Shape);
    }

    #[test]
    fn a_partial_date_counts_from_its_first_day() {
        let dec_2024 = PartialDate {
            year: 2024,
            month: Some(12),
            day: None,
        };
        assert!(day("2024-12-01").knows(dec_2024));
        assert!(!day("2024-11-30").knows(dec_2024));
        let exact = PartialDate {
            day: Some(25),
            ..dec_2024
        };
        assert!(day("2024-12-25").knows(exact));
        assert!(!day("2024-12-24").knows(exact));
    }

    #[test]
    fn kon_tum_at_the_end_of_2024_knows_the_2024_estimate_not_the_2025_result() {
        use FigureKind::*;
        use Measure::*;
        let full = kon_tum();
        let m = model_as_of(&full, day("2024-12-31"));
        // The 2024 estimate (document of 2024-12-25) is known; 2025's growth (a
        // document of 2026-01-05) and the 2025 plan (2025-02-17) are not.
        assert!(has(&m, "grdp_constant", "2024", Estimate, Level));
        assert!(!has(&m, "grdp_constant", "2025", Actual, Growth));
        assert!(!has(&m, "grdp_constant", "2025", Plan, Growth));
        // The 2021-2025 estimate of the average growth is about a period ending in 2025.
        assert!(!has(
            &m,
            "grdp_constant",
            "2021-2025",
            Estimate,
            AverageGrowth
        ));
        assert!(has(
            &m,
            "grdp_constant",
            "2021-2025",
            TermTarget,
            AverageGrowth
        ));
        // 2024's growth is derived from the 2024 estimate and plan, both known.
        assert!(has(&m, "grdp_constant", "2024", Derived, Growth));
        assert!(full.figures.len() > m.figures.len());
        // Half a year earlier the 2024 estimate, and the growth derived from it, are not.
        let mid = model_as_of(&full, day("2024-06-30"));
        assert!(!has(&mid, "grdp_constant", "2024", Estimate, Level));
        assert!(!has(&mid, "grdp_constant", "2024", Derived, Growth));
        assert!(has(&mid, "grdp_constant", "2023", Estimate, Level));
        // Every kept figure is listed under its indicator.
        let listed: usize = m.figures_by_indicator.values().map(Vec::len).sum();
        assert_eq!(listed, m.figures.len());
    }

    #[test]
    fn kon_tum_at_the_end_of_2024_is_mid_term_and_needs_20_05_percent_in_2025() {
        use crate::core::plan::assessment::{assess, Assumptions};
        use crate::core::plan::term_end::term_over;
        let as_of = day("2024-12-31");
        let m = model_as_of(&kon_tum(), as_of);
        assert!(!term_over(&m, as_of.year), "2025 is still to come");
        assert!(term_over(&m, day("2026-12-01").year));
        let a = assess(&m, "grdp_constant", &Assumptions::default());
        let w = a.working.as_ref().expect("a pace");
        // From the 2024 estimate, 20,225 bn VND, with 2025 left: the term asks for
        // 15,076 × 1.1⁵ = 24,279.97 bn VND in 2025, so 24,279.97 ÷ 20,225 − 1 = 20.05 %.
        assert_eq!(
            (w.start_year, w.remaining_years.clone()),
            (2024, vec![2025])
        );
        let required = a.required.expect("a required pace");
        assert!((required - 20.05).abs() < 0.01, "{required}");
    }

    #[test]
    fn a_day_after_every_document_keeps_the_whole_model() {
        let full = kon_tum();
        assert_eq!(model_as_of(&full, day("2030-01-01")), full);
    }
}
