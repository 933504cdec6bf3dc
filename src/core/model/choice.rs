//! Which model the app opens on: the one named in the link, else the person's
//! remembered choice, else the model whose term contains today's date. Pure: today's
//! date and the remembered choice come in as values.

use crate::core::model::Model;

/// Where the person's choice of model is remembered (localStorage key).
pub const CHOICE_KEY: &str = "provincial-planner/model-choice";

/// The model to open when the link names none: the remembered choice when it names a
/// model still present, else the first model whose term contains `today_year`, else the
/// first model.
pub fn default_model(models: &[Model], today_year: i32, remembered: Option<&str>) -> usize {
    if let Some(i) = remembered.and_then(|id| models.iter().position(|m| m.id == id)) {
        return i;
    }
    models
        .iter()
        .position(|m| (m.term.first_year..=m.term.last_year).contains(&today_year))
        .unwrap_or(0)
}

/// The model a link opens: the one it names (`mo=`); a link without `mo=` but with an
/// indicator (`ct=`) is an old link from when the first model (Kon Tum 2021-2025) was
/// the only default, and still opens it; a bare link opens [`default_model`].
pub fn start_model(
    models: &[Model],
    link_model: Option<&str>,
    link_has_indicator: bool,
    today_year: i32,
    remembered: Option<&str>,
) -> usize {
    if let Some(i) = link_model.and_then(|id| models.iter().position(|m| m.id == id)) {
        return i;
    }
    if link_model.is_none() && link_has_indicator {
        return 0;
    }
    default_model(models, today_year, remembered)
}

/// The year of an ISO date `YYYY-MM-DD` (as `core::text::calendar::iso_date` writes it).
pub fn year_of_iso(date: &str) -> Option<i32> {
    date.get(0..4).and_then(|y| y.parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::catalog::load_shipped;
    use crate::core::text::calendar::iso_date;

    fn ids() -> Vec<Model> {
        load_shipped().0
    }

    fn opens(today_ms: i64, remembered: Option<&str>) -> String {
        let models = ids();
        let year = year_of_iso(&iso_date(today_ms, 0)).unwrap_or(0);
        let i = default_model(&models, year, remembered);
        models.get(i).map(|m| m.id.clone()).unwrap_or_default()
    }

    // 2026-12-01 and 2024-06-01 at 00:00 UTC: days since 1970-01-01 × 86,400,000 ms
    // (20,788 and 19,875 days, counted by hand: 56 years to 2026 with 14 leap days =
    // 20,454, plus 334 days to 1 December; 54 years to 2024 with 13 leap days = 19,723,
    // plus 152 days to 1 June of a leap year).
    const DEC_2026: i64 = 20_788 * 86_400_000;
    const JUN_2024: i64 = 19_875 * 86_400_000;

    #[test]
    fn the_hand_counted_days_are_the_dates_named() {
        assert_eq!(iso_date(DEC_2026, 0), "2026-12-01");
        assert_eq!(iso_date(JUN_2024, 0), "2024-06-01");
    }

    #[test]
    fn in_december_2026_the_app_opens_on_quang_ngai_2026_2030() {
        assert_eq!(opens(DEC_2026, None), "quang-ngai-2026-2030-cong-khai");
    }

    #[test]
    fn in_june_2024_the_app_opens_on_kon_tum_2021_2025() {
        assert_eq!(opens(JUN_2024, None), "kon-tum-2021-2025");
    }

    #[test]
    fn a_remembered_choice_wins_over_the_date() {
        assert_eq!(
            opens(DEC_2026, Some("kon-tum-2021-2025")),
            "kon-tum-2021-2025"
        );
        assert_eq!(
            opens(JUN_2024, Some("quang-ngai-2026-2030-cong-khai")),
            "quang-ngai-2026-2030-cong-khai"
        );
        // A remembered model that is gone (a deleted own model) falls back to the date.
        assert_eq!(
            opens(DEC_2026, Some("gone")),
            "quang-ngai-2026-2030-cong-khai"
        );
    }

    #[test]
    fn a_date_outside_every_term_opens_the_first_model() {
        assert_eq!(default_model(&ids(), 2040, None), 0);
    }

    #[test]
    fn old_links_with_an_indicator_and_no_model_open_kon_tum() {
        let models = ids();
        let at = |mo: Option<&str>, ct: bool| {
            let i = start_model(&models, mo, ct, 2026, None);
            models.get(i).map(|m| m.id.clone()).unwrap_or_default()
        };
        assert_eq!(at(None, true), "kon-tum-2021-2025");
        assert_eq!(at(None, false), "quang-ngai-2026-2030-cong-khai");
        assert_eq!(at(Some("kon-tum-2021-2025"), false), "kon-tum-2021-2025");
        assert_eq!(
            at(Some("seed-004-province-2020-2025"), true),
            "seed-004-province-2020-2025"
        );
        // An unknown `mo=` is not an old link: the default for the date.
        assert_eq!(at(Some("unknown"), true), "quang-ngai-2026-2030-cong-khai");
    }

    #[test]
    fn year_of_iso_reads_the_year() {
        assert_eq!(year_of_iso("2026-12-01"), Some(2026));
        assert_eq!(year_of_iso("x"), None);
    }
}
