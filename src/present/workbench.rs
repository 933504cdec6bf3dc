//! The "what is needed" panel (the workbench) as text: the status badge, the pace lines,
//! the explanation, the assumptions table with its CSV, the goal-seek answer and its
//! errors (shared with the growth chain). Pure; `components::indicator::needs_panel`
//! only lays these values out.

use std::collections::BTreeMap;

use crate::core::codec::csv::Table;
use crate::core::model::Model;
use crate::core::plan::assessment::{Assessment, PaceKind};
use crate::core::plan::goal_seek::GoalSeekError;
use crate::core::text::numfmt::format_number;
use crate::present::explain::{explain, pace_text, term_status_code, term_status_label};
use crate::present::i18n::{pick, t, Locale, Msg};
use crate::present::reports::{echo_text, pace_lines, PaceLines};

/// The parts of the panel that follow the assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkbenchView {
    /// Status code, for styling and tests (`on-track`).
    pub status_code: &'static str,
    /// Status label.
    pub status_label: &'static str,
    /// Pace needed, achieved and planned.
    pub pace: PaceLines,
    /// The worked explanation, one line each.
    pub explanation: Vec<String>,
}

/// Builds the panel's text from an assessment.
pub fn workbench_view(model: &Model, unit: &str, a: &Assessment, locale: Locale) -> WorkbenchView {
    WorkbenchView {
        status_code: term_status_code(a.status),
        status_label: term_status_label(a.status, locale),
        pace: pace_lines(model, unit, a, locale),
        explanation: explain(model, unit, a, locale),
    }
}

/// What the assumption inputs are laid out from: stable while the person types, so the
/// text boxes are not rebuilt (and keep focus) on every keystroke.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputsLayout {
    /// Years left to assume, one input each.
    pub remaining_years: Vec<i32>,
    /// Years the assessment may start from.
    pub start_choices: Vec<i32>,
    /// The start year in use.
    pub start_year: i32,
    /// Growth in percent or an amount a year.
    pub kind: PaceKind,
}

/// The layout of the inputs; `None` when there is nothing to assume.
pub fn inputs_layout(a: &Assessment) -> Option<InputsLayout> {
    a.working.as_ref().map(|w| InputsLayout {
        remaining_years: w.remaining_years.clone(),
        // Never a start before the base year: it would ask for assumptions for years
        // whose results are known (issue #17).
        start_choices: w
            .start_choices
            .iter()
            .copied()
            .filter(|y| w.implied_from.is_none_or(|(base, _, _)| *y >= base))
            .collect(),
        start_year: w.start_year,
        kind: w.pace_kind,
    })
}

/// Heading of the assumption column: growth in percent, or an amount.
pub fn assumed_heading(kind: PaceKind, locale: Locale) -> &'static str {
    match kind {
        PaceKind::Growth => t(Msg::AssumedGrowth, locale),
        PaceKind::Increment => t(Msg::AssumedAmount, locale),
    }
}

/// The assumptions as typed and as read, for the CSV: its title and table.
pub fn assumptions_table(
    model: &Model,
    indicator: &str,
    years: &[i32],
    texts: &BTreeMap<i32, String>,
    kind: PaceKind,
    locale: Locale,
) -> (String, Table) {
    let rows = years
        .iter()
        .map(|y| {
            let text = texts.get(y).cloned().unwrap_or_default();
            let echo = echo_text(&text, kind, locale);
            vec![y.to_string(), text, echo]
        })
        .collect();
    let header = vec![
        t(Msg::Year, locale).to_string(),
        assumed_heading(kind, locale).to_string(),
        t(Msg::Understood, locale).to_string(),
    ];
    let name = model
        .indicator(indicator)
        .map(|i| pick(&i.name, locale))
        .unwrap_or_default();
    (
        format!("{name} - {}", t(Msg::Assumptions, locale)),
        Table { header, rows },
    )
}

/// The goal-seek answer for one year, checked by assessing again.
pub fn goal_seek_text(
    model: &Model,
    unit: &str,
    kind: PaceKind,
    year: i32,
    answer: (f64, f64),
    locale: Locale,
) -> String {
    let pace = pace_text(model, unit, kind, answer.0, locale);
    let check = format_number(answer.1, locale, 2);
    match locale {
        Locale::Vi => format!("Năm {year} cần {pace} để đạt mục tiêu (kiểm tra lại: {check})."),
        Locale::En => format!("{year} needs {pace} to meet the target (checked: {check})."),
    }
}

/// Why goal seek found no answer, for the workbench and the growth chain alike.
pub fn goal_seek_error_text(error: &GoalSeekError, locale: Locale) -> String {
    match (error, locale) {
        (GoalSeekError::NoSolutionInRange { .. }, Locale::Vi) => {
            "Không có giá trị nào trong khoảng hợp lý đạt được mục tiêu.".to_string()
        }
        (GoalSeekError::NoSolutionInRange { .. }, Locale::En) => {
            "No value in a sensible range meets the target.".to_string()
        }
        (GoalSeekError::MultipleSolutions(xs), Locale::Vi) => format!(
            "Có {} giá trị cùng đạt mục tiêu; hãy thu hẹp giả định.",
            xs.len()
        ),
        (GoalSeekError::MultipleSolutions(xs), Locale::En) => format!(
            "{} values meet the target; narrow the assumptions.",
            xs.len()
        ),
        (_, Locale::Vi) => "Không tính được với các giả định hiện tại.".to_string(),
        (_, Locale::En) => "Cannot compute with the current assumptions.".to_string(),
    }
}

/// Label of the button that shows or hides the sensitivity tables.
pub fn sensitivity_toggle(shown: bool, locale: Locale) -> &'static str {
    match (shown, locale) {
        (false, Locale::Vi) => "Xem bảng độ nhạy",
        (false, Locale::En) => "Show sensitivity tables",
        (true, Locale::Vi) => "Ẩn bảng độ nhạy",
        (true, Locale::En) => "Hide sensitivity tables",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::catalog::kon_tum;
    use crate::core::plan::assessment::{assess, Assumptions};

    #[track_caller]
    fn seek_error(e: GoalSeekError, vi: &str, en: &str) {
        assert_eq!(goal_seek_error_text(&e, Locale::Vi), vi);
        assert_eq!(goal_seek_error_text(&e, Locale::En), en);
    }

    #[test]
    fn goal_seek_errors_are_worded() {
        seek_error(
            GoalSeekError::NoSolutionInRange {
                min_output: 1.0,
                max_output: 2.0,
            },
            "Không có giá trị nào trong khoảng hợp lý đạt được mục tiêu.",
            "No value in a sensible range meets the target.",
        );
        seek_error(
            GoalSeekError::MultipleSolutions(vec![1.0, 2.0]),
            "Có 2 giá trị cùng đạt mục tiêu; hãy thu hẹp giả định.",
            "2 values meet the target; narrow the assumptions.",
        );
        seek_error(
            GoalSeekError::ModelFailed,
            "Không tính được với các giả định hiện tại.",
            "Cannot compute with the current assumptions.",
        );
        seek_error(
            GoalSeekError::BadRange,
            "Không tính được với các giả định hiện tại.",
            "Cannot compute with the current assumptions.",
        );
    }

    #[test]
    fn goal_seek_answer_names_the_year_and_the_check() {
        let m = kon_tum();
        assert_eq!(
            goal_seek_text(
                &m,
                "percent",
                PaceKind::Growth,
                2025,
                (12.5, 70.0),
                Locale::Vi
            ),
            "Năm 2025 cần 12,5%/năm để đạt mục tiêu (kiểm tra lại: 70)."
        );
        assert_eq!(
            goal_seek_text(
                &m,
                "percent",
                PaceKind::Growth,
                2025,
                (12.5, 70.0),
                Locale::En
            ),
            "2025 needs 12.5%/year to meet the target (checked: 70)."
        );
    }

    #[track_caller]
    fn toggle(shown: bool, vi: &str, en: &str) {
        assert_eq!(
            (
                sensitivity_toggle(shown, Locale::Vi),
                sensitivity_toggle(shown, Locale::En)
            ),
            (vi, en)
        );
    }

    #[test]
    fn the_sensitivity_button_says_what_it_does() {
        toggle(false, "Xem bảng độ nhạy", "Show sensitivity tables");
        toggle(true, "Ẩn bảng độ nhạy", "Hide sensitivity tables");
    }

    #[test]
    fn assumptions_table_holds_text_and_reading() {
        let m = kon_tum();
        let mut texts = BTreeMap::new();
        texts.insert(2024, "10,5".to_string());
        let (title, table) = assumptions_table(
            &m,
            "grdp_constant",
            &[2024, 2025],
            &texts,
            PaceKind::Growth,
            Locale::Vi,
        );
        assert!(
            title.ends_with(" - Giả định cho các năm còn lại (để trống: tự tính mức cần đạt)"),
            "{title}"
        );
        assert_eq!(
            table.header,
            vec!["Năm", "Tốc độ tăng giả định (%)", "Được hiểu là"]
        );
        assert_eq!(
            table.rows,
            vec![
                vec!["2024".to_string(), "10,5".into(), "= 10,5%".into()],
                vec!["2025".to_string(), String::new(), String::new()]
            ]
        );
        assert_eq!(
            assumed_heading(PaceKind::Increment, Locale::En),
            "Assumed amount in the year"
        );
    }

    #[test]
    fn the_view_follows_the_assessment() {
        let m = kon_tum();
        let a = assess(&m, "grdp_constant", &Assumptions::default());
        let v = workbench_view(&m, "percent", &a, Locale::Vi);
        assert_eq!(v.status_code, term_status_code(a.status));
        assert!(!v.explanation.is_empty());
        assert!(v.pace.required.ends_with("%/năm"), "{}", v.pace.required);
        let layout = inputs_layout(&a).unwrap_or_else(|| panic!("a layout"));
        let w = a.working.as_ref().unwrap_or_else(|| panic!("a working"));
        assert_eq!(
            (layout.start_year, layout.kind),
            (w.start_year, PaceKind::Growth)
        );
        assert_eq!(layout.remaining_years, w.remaining_years);
    }
}
