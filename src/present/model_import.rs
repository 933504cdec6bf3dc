//! The view model of the model-import panel: the preview of a pasted table as the
//! person checks it (what each column was read as, each row's group or indicator with
//! its unit, kind of target and figures), the problems in words, a guess of the term,
//! and a one-line summary. Built once from the core's `ImportPreview`; the component
//! only lays it out.

use crate::core::import::columns::ColumnRole;
use crate::core::import::preview::{known_unit_ids, ImportPreview, PreviewValue, RowKind};
use crate::core::model::catalog::UNITS_JSON;
use crate::core::model::load::parse_units;
use crate::core::model::{Amount, FigureKind, Period, TargetKind};
use crate::core::text::numfmt::{format_number, Locale};
use crate::present::i18n::editor::{et, EditorMsg};
use crate::present::i18n::models::{
    figure_kind_text, formula_note, mt, problem_text, role_text, target_kind_text, ModelMsg,
};

/// One column of the preview's header.
#[derive(Clone, Debug, PartialEq)]
pub struct ColumnView {
    /// The table's heading of the column.
    pub heading: String,
    /// What the app read it as.
    pub read_as: String,
}

/// One option of a choice the person can change (a `<select>`): its code and words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    /// The value the component sends back.
    pub code: String,
    /// What the person reads.
    pub label: String,
}

/// One row of the preview.
#[derive(Clone, Debug, PartialEq)]
pub struct RowView {
    /// Row of the table (0-based), to send the person's choices back.
    pub source_row: usize,
    /// Row of the table (1-based), as text.
    pub row: String,
    /// True for a group heading.
    pub is_group: bool,
    /// "Nhóm" or "Chỉ tiêu".
    pub kind: &'static str,
    /// The name.
    pub name: String,
    /// The unit as written.
    pub unit: String,
    /// The kind of target guessed (empty for a group).
    pub target_kind: &'static str,
    /// Its code among [`target_kind_choices`].
    pub target_kind_code: &'static str,
    /// The unit id guessed or chosen (empty when unknown), among [`unit_choices`].
    pub unit_code: &'static str,
    /// The figures read, one per line ("Thực hiện 2025: 10,02").
    pub figures: Vec<String>,
    /// For a level row with a growth row of the same indicator: the growth row's table
    /// row (0-based), whether the two make one indicator, the words saying so and the
    /// words of the button that changes it.
    pub pair: Option<PairView>,
}

/// The whole preview.
#[derive(Clone, Debug, PartialEq)]
pub struct PreviewView {
    /// The header.
    pub columns: Vec<ColumnView>,
    /// The rows.
    pub rows: Vec<RowView>,
    /// Problems in words.
    pub problems: Vec<String>,
    /// "7 chỉ tiêu trong 2 nhóm, 12 số liệu".
    pub summary: String,
    /// Set when figures came from formula cells of a spreadsheet: their saved values
    /// are used, and the preview says so.
    pub formula_note: Option<String>,
}

/// Builds the preview view.
pub fn preview_view(preview: &ImportPreview, locale: Locale) -> PreviewView {
    let columns = preview
        .columns
        .iter()
        .map(|c| ColumnView {
            heading: c.heading.clone(),
            read_as: role_text(c.role, locale),
        })
        .collect();
    let rows: Vec<RowView> = preview
        .rows
        .iter()
        .map(|r| {
            let is_group = r.kind == RowKind::Group;
            RowView {
                source_row: r.source_row,
                target_kind_code: target_kind_code(r.target_kind),
                unit_code: r.unit.unwrap_or(""),
                row: (r.source_row + 1).to_string(),
                is_group,
                kind: mt(
                    if is_group {
                        ModelMsg::GroupRow
                    } else {
                        ModelMsg::IndicatorRow
                    },
                    locale,
                ),
                name: r.name.clone(),
                unit: r.unit_text.clone(),
                target_kind: if is_group {
                    ""
                } else {
                    target_kind_text(r.target_kind, locale)
                },
                figures: r.values.iter().map(|v| value_text(v, locale)).collect(),
                pair: pair_view(preview, r.source_row, locale),
            }
        })
        .collect();
    let problems = preview
        .problems
        .iter()
        .map(|p| problem_text(p.row, p.column, p.kind, locale))
        .collect();
    let groups = preview
        .rows
        .iter()
        .filter(|r| r.kind == RowKind::Group)
        .count();
    let figures: usize = preview.rows.iter().map(|r| r.values.len()).sum();
    let indicators = preview.indicator_count();
    let summary = match locale {
        Locale::Vi => format!("{indicators} chỉ tiêu trong {groups} nhóm, {figures} số liệu"),
        Locale::En => {
            let s = |n: usize| if n == 1 { "" } else { "s" };
            format!(
                "{indicators} indicator{} in {groups} group{}, {figures} figure{}",
                s(indicators),
                s(groups),
                s(figures)
            )
        }
    };
    PreviewView {
        columns,
        rows,
        problems,
        summary,
        formula_note: formula_note(preview.formula_figures, locale),
    }
}

/// A level row's pairing with its growth row, as the preview shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct PairView {
    /// The growth row (0-based table row).
    pub growth_row: usize,
    /// True while they make one indicator.
    pub joined: bool,
    /// "gộp với tốc độ tăng trưởng ở dòng 4" or "có thể gộp …".
    pub note: String,
    /// "Tách thành hai chỉ tiêu" or "Gộp thành một chỉ tiêu".
    pub button: &'static str,
}

fn pair_view(preview: &ImportPreview, source_row: usize, locale: Locale) -> Option<PairView> {
    let p = preview.pairs.iter().find(|p| p.level_row == source_row)?;
    let (note, button) = if p.joined {
        (EditorMsg::PairedWith, EditorMsg::Unpair)
    } else {
        (EditorMsg::PairOffered, EditorMsg::Pair)
    };
    Some(PairView {
        growth_row: p.growth_row,
        joined: p.joined,
        note: format!("{} {}", et(note, locale), p.growth_row + 1),
        button: et(button, locale),
    })
}

/// The code of a column role, for a `<select>`.
pub fn role_code(role: ColumnRole) -> String {
    match role {
        ColumnRole::RowNumber => "number".into(),
        ColumnRole::Name => "name".into(),
        ColumnRole::Unit => "unit".into(),
        ColumnRole::Note => "note".into(),
        ColumnRole::Ignore => "ignore".into(),
        ColumnRole::Figure { kind, period } => {
            format!("{}:{period}", crate::core::model::load::kind_code(kind))
        }
    }
}

/// The column role of a code made by [`role_code`].
pub fn role_from_code(code: &str) -> Option<ColumnRole> {
    Some(match code {
        "number" => ColumnRole::RowNumber,
        "name" => ColumnRole::Name,
        "unit" => ColumnRole::Unit,
        "note" => ColumnRole::Note,
        "ignore" => ColumnRole::Ignore,
        other => {
            let (kind, period) = other.split_once(':')?;
            let kind = FIGURE_KINDS
                .iter()
                .copied()
                .find(|k| crate::core::model::load::kind_code(*k) == kind)?;
            ColumnRole::Figure {
                kind,
                period: Period::parse(period)?,
            }
        }
    })
}

const FIGURE_KINDS: [FigureKind; 4] = [
    FigureKind::Actual,
    FigureKind::Estimate,
    FigureKind::Plan,
    FigureKind::TermTarget,
];

/// What a column may be read as: the fixed roles, and every kind for each year or
/// period the headings name.
pub fn role_choices(preview: &ImportPreview, locale: Locale) -> Vec<Choice> {
    let mut roles = vec![
        ColumnRole::Name,
        ColumnRole::Unit,
        ColumnRole::RowNumber,
        ColumnRole::Note,
        ColumnRole::Ignore,
    ];
    let mut periods: Vec<Period> = Vec::new();
    for c in &preview.columns {
        if let ColumnRole::Figure { period, .. } = c.role {
            if !periods.contains(&period) {
                periods.push(period);
            }
        }
    }
    for period in periods {
        for kind in FIGURE_KINDS {
            roles.push(ColumnRole::Figure { kind, period });
        }
    }
    roles
        .into_iter()
        .map(|r| Choice {
            code: role_code(r),
            label: crate::present::i18n::models::role_text(r, locale),
        })
        .collect()
}

const TARGET_KINDS: [TargetKind; 7] = [
    TargetKind::Level,
    TargetKind::AverageGrowth,
    TargetKind::Cumulative,
    TargetKind::Stock,
    TargetKind::Share,
    TargetKind::Count,
    TargetKind::None,
];

pub use crate::core::model::load::target_kind_code;

/// The kind of target of a code made by [`target_kind_code`].
pub fn target_kind_from_code(code: &str) -> Option<TargetKind> {
    TARGET_KINDS
        .into_iter()
        .find(|k| target_kind_code(*k) == code)
}

/// Every kind of target, in words.
pub fn target_kind_choices(locale: Locale) -> Vec<Choice> {
    TARGET_KINDS
        .into_iter()
        .map(|k| Choice {
            code: target_kind_code(k).into(),
            label: target_kind_text(k, locale).into(),
        })
        .collect()
}

/// Every unit a row may be given, named as the unit registry names it.
pub fn unit_choices(locale: Locale) -> Vec<Choice> {
    let registry = parse_units(UNITS_JSON).unwrap_or_default();
    known_unit_ids()
        .into_iter()
        .map(|id| {
            let label = registry
                .iter()
                .find(|u| u.id == id)
                .map(|u| {
                    if locale == Locale::Vi {
                        u.name.vi.clone()
                    } else {
                        u.name.en.clone()
                    }
                })
                .unwrap_or_else(|| id.to_string());
            Choice {
                code: id.into(),
                label,
            }
        })
        .collect()
}

/// The unit id of a code among [`unit_choices`].
pub fn unit_from_code(code: &str) -> Option<&'static str> {
    known_unit_ids().into_iter().find(|id| *id == code)
}

/// "Mục tiêu 2030: trên 10" — the column's kind and period, then the value as read, its
/// comparator in the documents' words.
fn value_text(v: &PreviewValue, locale: Locale) -> String {
    let approx = if v.value.approx {
        match locale {
            Locale::Vi => "khoảng ",
            Locale::En => "about ",
        }
    } else {
        ""
    };
    let number = |x: f64| format_number(x, locale, 2);
    let amount = match v.value.amount {
        Amount::Point(x) => number(x),
        Amount::Range(lo, hi) => format!("{}–{}", number(lo), number(hi)),
    };
    let percent = if v.value.percent { "%" } else { "" };
    let value = crate::present::i18n::targets::with_comparator(
        v.value.comparator,
        &format!("{amount}{percent}"),
        matches!(v.value.amount, Amount::Range(..)),
        locale,
    );
    format!(
        "{} {}: {approx}{value}",
        figure_kind_text(v.kind, locale),
        v.period
    )
}

/// The term a table is about, guessed from its target columns: a period column
/// ("2026-2030") gives it; a target year ("Mục tiêu 2030") is the last year of a
/// five-year term; otherwise the latest plan year. Returns (first, last, base).
pub fn term_guess(preview: &ImportPreview) -> Option<(i32, i32, i32)> {
    use crate::core::import::columns::ColumnRole;
    let figures = || {
        preview.columns.iter().filter_map(|c| match c.role {
            ColumnRole::Figure { kind, period } => Some((kind, period)),
            _ => None,
        })
    };
    let from_period = figures().find_map(|(k, p)| match (k, p) {
        (FigureKind::TermTarget, Period::Years(a, b)) => Some((a, b)),
        _ => None,
    });
    let from_year = || {
        figures()
            .filter(|(k, _)| *k == FigureKind::TermTarget)
            .filter_map(|(_, p)| p.as_year())
            .max()
            .map(|y| (y - 4, y))
    };
    let from_plan = || {
        figures()
            .filter(|(k, _)| *k == FigureKind::Plan)
            .filter_map(|(_, p)| p.as_year())
            .max()
            .map(|y| (y, y + 4))
    };
    let (first, last) = from_period.or_else(from_year).or_else(from_plan)?;
    Some((first, last, first - 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::import::grid::read_delimited;
    use crate::core::import::preview::preview;

    const TABLE: &str = "STT\tChỉ tiêu\tĐVT\tTH 2025\tKH 2026\tMục tiêu 2030\n\
        I\tKINH TẾ\t\t\t\t\n\
        1\tTốc độ tăng trưởng GRDP bình quân\t%/năm\t10,02\t10\ttrên 10\n\
        2\tGRDP bình quân đầu người\tUSD\t\t\tkhoảng 6.900 - 7.000\n\
        3\tHộ nghèo\t%\t\t1,47\tcơ bản không còn\n";

    fn view(locale: Locale) -> PreviewView {
        preview_view(
            &preview(&read_delimited(TABLE).expect("grid")).expect("preview"),
            locale,
        )
    }

    #[test]
    fn columns_rows_and_figures_in_words() {
        let v = view(Locale::Vi);
        let read_as: Vec<&str> = v.columns.iter().map(|c| c.read_as.as_str()).collect();
        assert_eq!(
            read_as,
            [
                "Số thứ tự",
                "Tên chỉ tiêu",
                "Đơn vị tính",
                "Thực hiện 2025",
                "Kế hoạch 2026",
                "Mục tiêu 2030"
            ]
        );
        assert_eq!(
            v.rows[0],
            RowView {
                source_row: 1,
                target_kind_code: "none",
                unit_code: "",
                row: "2".into(),
                is_group: true,
                kind: "Nhóm",
                name: "KINH TẾ".into(),
                unit: String::new(),
                target_kind: "",
                figures: vec![],
                pair: None,
            }
        );
        assert_eq!(
            v.rows[1].figures,
            [
                "Thực hiện 2025: 10,02",
                "Kế hoạch 2026: 10",
                "Mục tiêu 2030: trên 10"
            ]
        );
        assert_eq!(v.rows[1].target_kind, "Tăng bình quân/năm");
        assert_eq!(v.rows[2].figures, ["Mục tiêu 2030: khoảng 6.900–7.000"]);
        assert_eq!(v.summary, "3 chỉ tiêu trong 1 nhóm, 5 số liệu");
        assert_eq!(
            v.problems,
            ["Dòng 5, cột 6: không phải số (chữ hoặc công thức); ô này không được nhập."]
        );
    }

    #[test]
    fn choices_go_back_to_what_they_name() {
        let p = preview(&read_delimited(TABLE).expect("grid")).expect("preview");
        let roles = role_choices(&p, Locale::Vi);
        // 5 fixed roles, then 4 kinds for each of the 3 years the headings name.
        assert_eq!(roles.len(), 5 + 4 * 3);
        for c in &roles {
            let role = role_from_code(&c.code).expect("a role");
            assert_eq!(role_code(role), c.code);
        }
        assert_eq!(
            role_from_code("term_target:2026-2030"),
            Some(ColumnRole::Figure {
                kind: FigureKind::TermTarget,
                period: Period::Years(2026, 2030)
            })
        );
        assert_eq!(role_from_code("bogus"), None);
        for c in target_kind_choices(Locale::En) {
            assert_eq!(
                target_kind_from_code(&c.code).map(target_kind_code),
                Some(c.code.as_str())
            );
        }
        let units = unit_choices(Locale::Vi);
        assert!(units.contains(&Choice {
            code: "bn_vnd".into(),
            label: "tỷ đồng".into()
        }));
        assert_eq!(unit_from_code("bn_vnd"), Some("bn_vnd"));
        assert_eq!(unit_from_code("quả"), None);
    }

    #[test]
    fn english_numbers_and_words() {
        let v = view(Locale::En);
        assert_eq!(v.rows[2].figures, ["Target 2030: about 6,900–7,000"]);
        assert_eq!(v.summary, "3 indicators in 1 group, 5 figures");
    }

    #[test]
    fn the_term_is_guessed_from_the_target_columns() {
        let p = preview(&read_delimited(TABLE).expect("grid")).expect("preview");
        assert_eq!(term_guess(&p), Some((2026, 2030, 2025)));
        let period = preview(
            &read_delimited("Chỉ tiêu\tMục tiêu giai đoạn 2021-2025\nX\t1\n").expect("grid"),
        )
        .expect("preview");
        assert_eq!(term_guess(&period), Some((2021, 2025, 2020)));
        let plan_only =
            preview(&read_delimited("Chỉ tiêu\tKH 2026\nX\t1\n").expect("grid")).expect("preview");
        assert_eq!(term_guess(&plan_only), Some((2026, 2030, 2025)));
    }

    #[test]
    fn a_joined_pair_is_said_on_its_level_row_in_both_languages() {
        use crate::core::import::grid::read_delimited;
        use crate::core::import::preview::preview;
        let table = "STT\tChỉ tiêu\tĐVT\tTH 2025\tMục tiêu 2030\n\
            1\tGRDP (giá so sánh 2010)\ttỷ đồng\t40.000\t\n\
            2\tTốc độ tăng trưởng GRDP\t%\t8\t≥ 10\n";
        let mut p = preview(&read_delimited(table).expect("grid")).expect("preview");
        let v = preview_view(&p, Locale::Vi);
        let pair = v.rows[0].pair.clone().expect("a pair");
        assert_eq!((pair.growth_row, pair.joined), (2, true));
        assert_eq!(pair.note, "gộp với tốc độ tăng trưởng ở dòng 3");
        assert_eq!(pair.button, "Tách thành hai chỉ tiêu");
        assert!(v.rows[1].pair.is_none());
        assert_eq!(v.summary, "1 chỉ tiêu trong 0 nhóm, 3 số liệu");
        p.set_joined(1, false);
        let en = preview_view(&p, Locale::En);
        let pair = en.rows[0].pair.clone().expect("a pair");
        assert_eq!(pair.note, "could be joined with the growth rates of row 3");
        assert_eq!(pair.button, "Make one indicator");
        assert_eq!(en.summary, "2 indicators in 0 groups, 3 figures");
    }
}
