//! The linked growth scenario as text: the names of its inputs and outputs, how each
//! default was found, the base-year lines, the results table (one list of rows feeds the
//! screen and the CSV), the worked explanation of each year, and the goal-seek answer.
//! Pure; the component `components::chain::growth_chain` only lays these values out.

use std::collections::BTreeMap;

use crate::core::codec::csv::Table;
use crate::core::plan::assessment::PaceKind;
use crate::core::plan::chain::{
    run, seek, ChainBase, ChainError, ChainInput, ChainOutput, ChainSetup, Derivation, Sector,
    SECTORS,
};
use crate::core::text::numfmt::{format_number, NOT_A_NUMBER};
use crate::core::text::numparse::parse_number;
use crate::present::i18n::{with_unit as unit_after, Locale};
use crate::present::precision::registry_decimals;
use crate::present::reports::echo_text;
use crate::present::workbench::goal_seek_error_text;

/// A fixed piece of text of the growth-chain section.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChainMsg {
    /// Heading of the section.
    Title,
    /// Caption of the inputs table.
    InputsCaption,
    /// Caption of the results table.
    ResultsCaption,
    /// Accessible label of the button that clears one input.
    ResetOne,
    /// Button that clears every input.
    ResetAll,
    /// Heading of the goal-seek block.
    SeekTitle,
    /// Label of the output picker.
    SeekOutput,
    /// Word before the target year ("năm 2025 =").
    SeekIn,
    /// Label of the input picker.
    SeekBy,
    /// Label of the year picker.
    SeekYear,
    /// The goal-seek button.
    SeekRun,
    /// Summary of the list of default sources.
    DefaultsSummary,
    /// Shown when an assumption makes a value undefined.
    BadInput,
    /// Shown when goal seek is run without a target.
    EnterTarget,
}

/// The text of a chain message.
pub fn ct(msg: ChainMsg, locale: Locale) -> &'static str {
    let vi = locale == Locale::Vi;
    let (v, e) = match msg {
        ChainMsg::Title => (
            "Kịch bản tăng trưởng liên kết (ngành → GRDP → bình quân đầu người → vốn đầu tư)",
            "Linked growth scenario (sectors → GRDP → per capita → investment)",
        ),
        ChainMsg::InputsCaption => (
            "Giả định theo năm (để trống: dùng mặc định)",
            "Yearly assumptions (blank: default)",
        ),
        ChainMsg::ResultsCaption => ("Kết quả kịch bản", "Scenario results"),
        ChainMsg::ResetOne => ("Đặt lại về mặc định", "Reset to the default"),
        ChainMsg::ResetAll => ("Đặt lại tất cả giả định", "Reset all assumptions"),
        ChainMsg::SeekTitle => ("Tìm giá trị đầu vào (Goal Seek)", "Goal seek"),
        ChainMsg::SeekOutput => ("Kết quả cần đạt", "Output"),
        ChainMsg::SeekIn => ("năm", "in"),
        ChainMsg::SeekBy => ("bằng cách thay đổi", "by changing"),
        ChainMsg::SeekYear => ("năm", "year"),
        ChainMsg::SeekRun => ("Tìm", "Seek"),
        ChainMsg::DefaultsSummary => (
            "Nguồn của các giá trị mặc định",
            "Where the defaults come from",
        ),
        ChainMsg::BadInput => (
            "Giả định làm một giá trị không xác định (ví dụ tăng từ −100% trở xuống); hãy sửa lại.",
            "An assumption makes a value undefined (e.g. growth of −100% or below); please correct it.",
        ),
        ChainMsg::EnterTarget => ("Nhập giá trị mục tiêu.", "Enter a target value."),
    };
    if vi {
        v
    } else {
        e
    }
}

/// The name of a part of GRDP.
pub fn sector_name(s: Sector, locale: Locale) -> &'static str {
    match (s, locale) {
        (Sector::Agriculture, Locale::Vi) => "Nông, lâm nghiệp, thủy sản",
        (Sector::Agriculture, Locale::En) => "Agriculture, forestry, fishery",
        (Sector::IndustryConstruction, Locale::Vi) => "Công nghiệp - xây dựng",
        (Sector::IndustryConstruction, Locale::En) => "Industry and construction",
        (Sector::Services, Locale::Vi) => "Dịch vụ",
        (Sector::Services, Locale::En) => "Services",
        (Sector::ProductTaxes, Locale::Vi) => "Thuế sản phẩm trừ trợ cấp",
        (Sector::ProductTaxes, Locale::En) => "Product taxes less subsidies",
    }
}

/// The label of a chain input, with its unit.
pub fn input_label(i: ChainInput, locale: Locale) -> String {
    match (i, locale) {
        (ChainInput::SectorGrowth(s), Locale::Vi) => {
            format!("Tăng trưởng {} (%)", sector_name(s, locale).to_lowercase())
        }
        (ChainInput::SectorGrowth(s), Locale::En) => {
            format!("Growth: {} (%)", sector_name(s, locale).to_lowercase())
        }
        (ChainInput::DeflatorGrowth, Locale::Vi) => "Tăng chỉ số giảm phát GRDP (%)".to_string(),
        (ChainInput::DeflatorGrowth, Locale::En) => "GRDP deflator growth (%)".to_string(),
        (ChainInput::PopulationGrowth, Locale::Vi) => "Tăng dân số (%)".to_string(),
        (ChainInput::PopulationGrowth, Locale::En) => "Population growth (%)".to_string(),
        (ChainInput::Icor, Locale::Vi) => "Hệ số ICOR".to_string(),
        (ChainInput::Icor, Locale::En) => "ICOR".to_string(),
        (ChainInput::BudgetShare, Locale::Vi) => "Thu ngân sách (% GRDP danh nghĩa)".to_string(),
        (ChainInput::BudgetShare, Locale::En) => "Budget revenue (% of nominal GRDP)".to_string(),
    }
}

/// The label of a chain output, with its unit: the one wording used by the results
/// table, the goal-seek picker and the drafts comparison.
pub fn output_label(o: ChainOutput, locale: Locale) -> &'static str {
    match (o, locale) {
        (ChainOutput::PerCapita, Locale::Vi) => "GRDP bình quân đầu người (triệu đồng)",
        (ChainOutput::PerCapita, Locale::En) => "GRDP per capita (mn VND)",
        (ChainOutput::RealGrdp, Locale::Vi) => "GRDP giá so sánh 2010 (tỷ đồng)",
        (ChainOutput::RealGrdp, Locale::En) => "GRDP at constant 2010 prices (bn VND)",
        (ChainOutput::NominalGrdp, Locale::Vi) => "GRDP giá hiện hành (tỷ đồng)",
        (ChainOutput::NominalGrdp, Locale::En) => "GRDP at current prices (bn VND)",
        (ChainOutput::Growth, Locale::Vi) => "Tăng trưởng GRDP (%)",
        (ChainOutput::Growth, Locale::En) => "GRDP growth (%)",
        (ChainOutput::Investment, Locale::Vi) => "Vốn đầu tư cần (tỷ đồng)",
        (ChainOutput::Investment, Locale::En) => "Investment needed (bn VND)",
        (ChainOutput::BudgetRevenue, Locale::Vi) => "Thu ngân sách (tỷ đồng)",
        (ChainOutput::BudgetRevenue, Locale::En) => "Budget revenue (bn VND)",
    }
}

/// How a default was found, in words with its numbers.
pub fn derivation_text(d: &Derivation, locale: Locale) -> String {
    let n = |v: f64| format_number(v, locale, 2);
    let people = |v: f64| format_number(v, locale, registry_decimals("people"));
    let vi = locale == Locale::Vi;
    // The figure a key names, in words: never the key itself (issue #17).
    let said = |key: &str| {
        let words = crate::present::figure_words::key_words(key, locale);
        if !words.is_empty() {
            words
        } else if vi {
            "trong văn bản".to_string()
        } else {
            "in the documents".to_string()
        }
    };
    match d {
        Derivation::Stated { key } if key.is_empty() => String::new(),
        Derivation::Stated { key } if vi => format!("theo số liệu {}", said(key)),
        Derivation::Stated { key } => format!("as stated: {}", said(key)),
        Derivation::PlanGrowth { key } if vi => {
            format!("theo kế hoạch tăng trưởng GRDP năm ({})", said(key))
        }
        Derivation::PlanGrowth { key } => {
            format!("the year's GRDP growth plan ({})", said(key))
        }
        Derivation::Interpolated { from, to } => format!(
            "{} {} ({}) {} {} ({})",
            if vi {
                "nội suy giữa"
            } else {
                "interpolated between"
            },
            n(from.1),
            from.0,
            if vi { "và" } else { "and" },
            n(to.1),
            to.0
        ),
        Derivation::AverageGrowth { from, to } => {
            let years = to.0 - from.0;
            let (word, from_word, to_word) = if vi {
                ("bình quân", "từ", "đến")
            } else {
                ("average", "from", "to")
            };
            format!(
                "{word} ({} ÷ {})^(1/{years}) − 1, {from_word} {} {to_word} {}",
                n(to.1),
                n(from.1),
                from.0,
                to.0
            )
        }
        Derivation::NominalFromPerCapita {
            per_capita,
            population,
        } if vi => format!(
            "GRDP bình quân đầu người {} triệu × dân số {} ÷ 1.000",
            n(*per_capita),
            people(*population)
        ),
        Derivation::NominalFromPerCapita {
            per_capita,
            population,
        } => format!(
            "GRDP per capita {} million × population {} ÷ 1,000",
            n(*per_capita),
            people(*population)
        ),
        Derivation::Share { part, whole } => format!("{} ÷ {} × 100", n(*part), n(*whole)),
        Derivation::ImpliedIcor {
            investment,
            nominal,
            growth,
        } => format!(
            "{} = ({} ÷ {}) ÷ {}%",
            if vi {
                "ICOR năm gốc"
            } else {
                "base-year ICOR"
            },
            n(*investment),
            n(*nominal),
            n(*growth)
        ),
        Derivation::GrownByStatedRate { from, growth, key } if vi => format!(
            "{} ({}) × (1 + {}%) theo số liệu {}",
            n(from.1),
            from.0,
            n(*growth),
            said(key)
        ),
        Derivation::GrownByStatedRate { from, growth, key } => format!(
            "{} ({}) × (1 + {}%) as stated: {}",
            n(from.1),
            from.0,
            n(*growth),
            said(key)
        ),
        Derivation::NominalFromCarriedDeflator {
            real,
            deflator,
            from,
            growth,
        } if vi => format!(
            "GRDP giá so sánh {} × chỉ số giảm phát {} (chưa có số liệu danh nghĩa: chỉ số năm {} là {}, tăng bình quân {}%/năm)",
            n(*real),
            format_number(*deflator, locale, 4),
            from.0,
            format_number(from.1, locale, 4),
            n(*growth)
        ),
        Derivation::NominalFromCarriedDeflator {
            real,
            deflator,
            from,
            growth,
        } => format!(
            "real GRDP {} × deflator {} (no nominal figure yet: the {} deflator {} grown at its average {}% a year)",
            n(*real),
            format_number(*deflator, locale, 4),
            from.0,
            format_number(from.1, locale, 4),
            n(*growth)
        ),
        Derivation::PooledIcor { range, years } => {
            let years: Vec<String> = years.iter().map(i32::to_string).collect();
            if vi {
                format!(
                    "ICOR nhiều năm ({}) = (Σ vốn đầu tư ÷ Σ GRDP danh nghĩa) ÷ tăng trưởng bình quân; từng năm từ {} đến {}",
                    years.join(", "),
                    n(range.0),
                    n(range.1)
                )
            } else {
                format!(
                    "multi-year ICOR ({}) = (Σ investment ÷ Σ nominal GRDP) ÷ mean growth; single years from {} to {}",
                    years.join(", "),
                    n(range.0),
                    n(range.1)
                )
            }
        }
        Derivation::GrowthToPlan { from, plan } => format!(
            "{}: {} ÷ {} − 1",
            if vi {
                "theo kế hoạch thu"
            } else {
                "from the revenue plan"
            },
            n(*plan),
            n(*from)
        ),
    }
}

/// The lines that state the base year and the simplifications.
pub fn base_lines(base: &ChainBase, locale: Locale) -> Vec<String> {
    let n = |v: f64| format_number(v, locale, 2);
    let people = |v: f64| format_number(v, locale, registry_decimals("people"));
    let how = |d: &Derivation| derivation_text(d, locale);
    let mut lines = match locale {
        Locale::Vi => vec![
            format!("Năm gốc {}: GRDP (giá so sánh 2010) {} tỷ đồng, {}.", base.year, n(base.real_grdp.value), how(&base.real_grdp.how)),
            format!("GRDP danh nghĩa năm gốc {} tỷ đồng = {}.", n(base.nominal_grdp.value), how(&base.nominal_grdp.how)),
            format!("Dân số năm gốc {} người, {}.", people(base.population.value), how(&base.population.how)),
            "Giản lược: một chỉ số giảm phát chung cho cả nền kinh tế; tỷ trọng năm gốc lấy theo giá trị tăng thêm giá hiện hành.".to_string(),
        ],
        Locale::En => vec![
            format!("Base year {}: GRDP (constant 2010 prices) {} billion VND, {}.", base.year, n(base.real_grdp.value), how(&base.real_grdp.how)),
            format!("Base-year nominal GRDP {} billion VND = {}.", n(base.nominal_grdp.value), how(&base.nominal_grdp.how)),
            format!("Base-year population {} people, {}.", people(base.population.value), how(&base.population.how)),
            "Simplifications: one deflator for the whole economy; base-year weights from current-price value added.".to_string(),
        ],
    };
    if let Some(g) = base.growth {
        lines.push(match locale {
            Locale::Vi => format!("Tăng trưởng năm gốc {} theo số liệu: {}%.", base.year, n(g)),
            Locale::En => format!("Stated growth of the base year {}: {}%.", base.year, n(g)),
        });
    }
    if base.structure_year != base.year {
        lines.push(match locale {
            Locale::Vi => format!(
                "Năm {} chưa có giá trị tăng thêm theo ngành: cơ cấu ngành lấy theo năm {} ({}).",
                base.year,
                base.structure_year,
                base.shares
                    .iter()
                    .map(|d| format!("{}%", n(d.value)))
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
            Locale::En => format!(
                "{} has no sector value added yet: the sector structure is that of {} ({}).",
                base.year,
                base.structure_year,
                base.shares
                    .iter()
                    .map(|d| format!("{}%", n(d.value)))
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
        });
    }
    lines
}

/// Where each input's defaults come from, one line per distinct text, in input order.
pub fn default_lines(setup: &ChainSetup, locale: Locale) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for ((input, _), d) in &setup.defaults {
        let line = format!(
            "{}: {}",
            input_label(*input, locale),
            derivation_text(&d.how, locale)
        );
        if !lines.contains(&line) {
            lines.push(line);
        }
    }
    lines
}

/// One input box of the chain as laid out: what it shows when empty and its names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputCell {
    /// The input.
    pub input: ChainInput,
    /// The year.
    pub year: i32,
    /// The default, shown as the placeholder ("—" when there is none).
    pub placeholder: String,
    /// Accessible label ("Hệ số ICOR 2025").
    pub aria_label: String,
    /// The `data-input-id` of the box (`chain:icor:2025`).
    pub input_id: String,
}

/// One row of input boxes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputRow {
    /// Row heading.
    pub label: String,
    /// One cell per year.
    pub cells: Vec<InputCell>,
}

fn default_text(setup: &ChainSetup, input: ChainInput, year: i32, locale: Locale) -> String {
    match setup.defaults.get(&(input, year)) {
        Some(d) => format_number(d.value, locale, 2),
        None => NOT_A_NUMBER.to_string(),
    }
}

/// The input rows: one per input, one cell per year.
pub fn input_rows(setup: &ChainSetup, locale: Locale) -> Vec<InputRow> {
    ChainInput::ALL
        .iter()
        .map(|&input| {
            let label = input_label(input, locale);
            let cells = setup
                .years
                .iter()
                .map(|&year| InputCell {
                    input,
                    year,
                    placeholder: default_text(setup, input, year, locale),
                    aria_label: format!("{label} {year}"),
                    input_id: format!("chain:{}:{year}", input.id()),
                })
                .collect();
            InputRow { label, cells }
        })
        .collect()
}

/// What a chain input box understood of the typed text ("= 5", or why not).
pub fn input_echo(text: &str, locale: Locale) -> String {
    echo_text(text, PaceKind::Increment, locale)
}

/// The inputs' CSV: each cell as the box shows it, the typed text or else the default
/// the box displays as its placeholder.
pub fn inputs_table(
    setup: &ChainSetup,
    texts: &BTreeMap<(ChainInput, i32), String>,
    locale: Locale,
) -> Table {
    let mut header = vec![String::new()];
    header.extend(setup.years.iter().map(|y| y.to_string()));
    let rows = input_rows(setup, locale)
        .into_iter()
        .map(|row| {
            let mut out = vec![row.label];
            out.extend(row.cells.into_iter().map(|c| {
                texts
                    .get(&(c.input, c.year))
                    .filter(|t| !t.is_empty())
                    .cloned()
                    .unwrap_or(c.placeholder)
            }));
            out
        })
        .collect();
    Table { header, rows }
}

/// One row of the results table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResultRow {
    /// Row heading.
    pub label: String,
    /// One value per year.
    pub values: Vec<String>,
    /// The row's `data-testid`.
    pub testid: &'static str,
}

/// The chain's results as laid out.
#[derive(Clone, Debug, PartialEq)]
pub struct ChainResults {
    /// Years, one column each.
    pub years: Vec<i32>,
    /// The rows of the table.
    pub rows: Vec<ResultRow>,
    /// One worked explanation per year.
    pub explanations: Vec<String>,
    /// The chain's years as computed, for the notes below the table ([`chain_notes`]).
    pub runs: Vec<crate::core::plan::chain::ChainYear>,
}

/// What is said below the chain's table: a warning for each implausible assumption, and
/// the investment the chain needs added up against the cumulative target.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChainNotes {
    /// One sentence per warning.
    pub warnings: Vec<String>,
    /// The investment total against the target, when the model has one.
    pub investment_total: Option<String>,
    /// One sentence per chain year whose GRDP growth the workbench sets.
    pub given: Vec<String>,
    /// The label of the button that opens the workbench where that growth is set.
    pub open_workbench: &'static str,
}

/// The notes of a chain result on `model`.
pub fn chain_notes(
    model: &crate::core::model::Model,
    setup: &ChainSetup,
    overrides: &BTreeMap<(ChainInput, i32), f64>,
    given: &BTreeMap<i32, f64>,
    runs: &[crate::core::plan::chain::ChainYear],
    locale: Locale,
) -> ChainNotes {
    let n = |v: f64| format_number(v, locale, 2);
    use crate::core::plan::chain::{chain_warnings, icor_history, investment_against_target};
    ChainNotes {
        warnings: chain_warnings(overrides, &icor_history(model))
            .into_iter()
            .map(|w| crate::present::explain::chain_warning_text(w, locale))
            .collect(),
        investment_total: crate::present::explain::investment_total_text(
            &investment_against_target(model, setup, runs),
            locale,
        ),
        given: given
            .iter()
            .map(|(year, g)| match locale {
                Locale::Vi => format!(
                    "{year}: tăng trưởng GRDP {}% đặt ở phần giả định của chỉ tiêu GRDP (giá so sánh); mọi ngành tăng {}%, các ô tăng trưởng ngành năm {year} không được dùng.",
                    n(*g),
                    n(*g)
                ),
                Locale::En => format!(
                    "{year}: GRDP growth {}% is set in the assumptions of GRDP (constant prices); every sector grows {}%, the sector growth boxes of {year} are not used.",
                    n(*g),
                    n(*g)
                ),
            })
            .collect(),
        open_workbench: match locale {
            Locale::Vi => "Mở phần giả định GRDP",
            Locale::En => "Open the GRDP assumptions",
        },
    }
}

/// What the indicator panel of GRDP (constant prices) says about years whose growth the
/// growth chain's typed sector inputs set (one sentence per year).
pub fn given_by_chain_lines(from_chain: &BTreeMap<i32, f64>, locale: Locale) -> Vec<String> {
    let n = |v: f64| format_number(v, locale, 2);
    from_chain
        .iter()
        .map(|(year, g)| match locale {
            Locale::Vi => format!(
                "{year}: tăng trưởng {}% lấy từ tốc độ các ngành nhập ở kịch bản tăng trưởng liên kết; nhập một giả định ở đây để thay.",
                n(*g)
            ),
            Locale::En => format!(
                "{year}: growth {}% comes from the sector growth typed in the linked growth scenario; type an assumption here to replace it.",
                n(*g)
            ),
        })
        .collect()
}

impl ChainResults {
    /// The table as its CSV holds it.
    pub fn table(&self) -> Table {
        let mut header = vec![String::new()];
        header.extend(self.years.iter().map(|y| y.to_string()));
        let rows = self
            .rows
            .iter()
            .map(|r| {
                let mut row = vec![r.label.clone()];
                row.extend(r.values.iter().cloned());
                row
            })
            .collect();
        Table { header, rows }
    }
}

/// Runs the chain with the typed overrides and words its results.
pub fn chain_results(
    setup: &ChainSetup,
    overrides: &BTreeMap<(ChainInput, i32), f64>,
    locale: Locale,
) -> Result<ChainResults, ChainError> {
    let years = run(setup, overrides)?;
    let n = |v: f64| format_number(v, locale, 2);
    let people = |v: f64| format_number(v, locale, registry_decimals("people"));
    let vi = locale == Locale::Vi;
    let row = |label: String, testid: &'static str, value: &dyn Fn(usize) -> String| ResultRow {
        label,
        values: (0..years.len()).map(value).collect(),
        testid,
    };
    let at = |i: usize| years.get(i);
    let mut rows = vec![row(
        output_label(ChainOutput::Growth, locale).to_string(),
        "chain-growth",
        &|i| {
            at(i)
                .map(|y| format!("{}%", n(y.growth)))
                .unwrap_or_default()
        },
    )];
    for (k, s) in SECTORS.iter().enumerate() {
        let label = if vi {
            format!("Đóng góp: {} (điểm %)", sector_name(*s, locale))
        } else {
            format!("Contribution: {} (points)", sector_name(*s, locale))
        };
        rows.push(row(label, "chain-contribution", &|i| {
            n(at(i)
                .and_then(|y| y.contributions.get(k).copied())
                .unwrap_or(0.0))
        }));
    }
    let output_row = |o: ChainOutput, testid: &'static str| {
        row(output_label(o, locale).to_string(), testid, &|i| {
            at(i).map(|y| n(o.of(y))).unwrap_or_default()
        })
    };
    rows.push(output_row(ChainOutput::RealGrdp, "chain-real"));
    rows.push(output_row(ChainOutput::NominalGrdp, "chain-nominal"));
    rows.push(output_row(ChainOutput::PerCapita, "chain-per-capita"));
    for (k, s) in SECTORS.iter().enumerate() {
        let label = if vi {
            format!("Cơ cấu: {} (%)", sector_name(*s, locale))
        } else {
            format!("Structure: {} (%)", sector_name(*s, locale))
        };
        rows.push(row(label, "chain-share", &|i| {
            n(at(i).and_then(|y| y.shares.get(k).copied()).unwrap_or(0.0))
        }));
    }
    rows.push(output_row(ChainOutput::Investment, "chain-investment"));
    rows.push(output_row(ChainOutput::BudgetRevenue, "chain-budget"));
    let explanations = years
        .iter()
        .map(|r| {
            let terms: Vec<String> = r
                .weights
                .iter()
                .zip(r.contributions.iter())
                .map(|(w, c)| {
                    let rate = if *w == 0.0 {
                        n(0.0)
                    } else {
                        format!("{}%", n(c / w * 100.0))
                    };
                    format!("{}% × {rate}", n(*w))
                })
                .collect();
            if vi {
                format!(
                    "{}: tăng trưởng = Σ tỷ trọng năm trước × tốc độ ngành = {} = {}%; GRDP danh nghĩa = {} × chỉ số giảm phát {} = {}; bình quân đầu người = {} × 1.000 ÷ {} = {} triệu đồng; vốn đầu tư cần = ICOR {} × {}% × {} = {} tỷ đồng.",
                    r.year, terms.join(" + "), n(r.growth), n(r.real_grdp), n(r.deflator), n(r.nominal_grdp), n(r.nominal_grdp), people(r.population), n(r.per_capita), n(r.icor), n(r.growth), n(r.nominal_grdp), n(r.investment)
                )
            } else {
                format!(
                    "{}: growth = Σ last year's weight × sector growth = {} = {}%; nominal GRDP = {} × deflator {} = {}; per capita = {} × 1,000 ÷ {} = {} million VND; investment needed = ICOR {} × {}% × {} = {} billion VND.",
                    r.year, terms.join(" + "), n(r.growth), n(r.real_grdp), n(r.deflator), n(r.nominal_grdp), n(r.nominal_grdp), people(r.population), n(r.per_capita), n(r.icor), n(r.growth), n(r.nominal_grdp), n(r.investment)
                )
            }
        })
        .collect();
    Ok(ChainResults {
        years: years.iter().map(|y| y.year).collect(),
        rows,
        explanations,
        runs: years,
    })
}

/// Goal seek on the chain, answered in words: the value `input` needs in its year for
/// `output` in its year to reach the typed target, checked by running the chain again.
pub fn seek_text(
    setup: &ChainSetup,
    overrides: &BTreeMap<(ChainInput, i32), f64>,
    input: (ChainInput, i32),
    output: (ChainOutput, i32),
    target_text: &str,
    locale: Locale,
) -> String {
    let n = |v: f64| format_number(v, locale, 2);
    let Ok(Some(target)) = parse_number(target_text, locale).map(|p| p.map(|p| p.value)) else {
        return ct(ChainMsg::EnterTarget, locale).to_string();
    };
    match seek(setup, overrides, input, output, target) {
        Ok(a) => {
            // "Name (unit)" labels: the name in the sentence, the unit after each number
            // (issue #17: "cần −7,41 % để GRDP…", not "cần -7,41 để grdp…").
            let in_label = input_label(input.0, locale);
            let out_label = output_label(output.0, locale);
            let (what, in_unit) = name_and_unit(&in_label);
            let (out, out_unit) = name_and_unit(out_label);
            let with_unit = |v: &str, u: &str| {
                if u.is_empty() {
                    v.to_string()
                } else {
                    unit_after(v, u)
                }
            };
            let (x, goal, check) = (
                with_unit(&n(a.input), in_unit),
                with_unit(&n(target), out_unit),
                with_unit(&n(a.output), out_unit),
            );
            match locale {
                Locale::Vi => format!(
                    "{what} năm {} cần {x} để {out} năm {} đạt {goal} (kiểm tra lại: {check}).",
                    input.1, output.1,
                ),
                Locale::En => format!(
                    "{what} in {} needs {x} for {out} in {} to reach {goal} (checked: {check}).",
                    input.1, output.1,
                ),
            }
        }
        Err(e) => goal_seek_error_text(&e, locale),
    }
}

/// Splits a label "GRDP bình quân đầu người (triệu đồng)" into its name and unit; a
/// label without a unit in brackets is all name.
fn name_and_unit(label: &str) -> (&str, &str) {
    match label.strip_suffix(')').and_then(|l| l.rsplit_once(" (")) {
        Some((name, unit)) => (name, unit),
        None => (label, ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::catalog::kon_tum;
    use crate::core::plan::chain::{setup, Derived};

    #[track_caller]
    fn derivation(d: Derivation, vi: &str, en: &str) {
        assert_eq!(derivation_text(&d, Locale::Vi), vi);
        assert_eq!(derivation_text(&d, Locale::En), en);
    }

    #[test]
    fn derivations_are_worded_with_their_numbers() {
        derivation(Derivation::Stated { key: String::new() }, "", "");
        derivation(
            Derivation::Stated {
                key: "grdp_constant/2023/estimate/level".into(),
            },
            "theo số liệu ước thực hiện năm 2023",
            "as stated: estimate 2023",
        );
        derivation(
            Derivation::Interpolated {
                from: (2020, 100.0),
                to: (2025, 150.5),
            },
            "nội suy giữa 100 (2020) và 150,5 (2025)",
            "interpolated between 100 (2020) and 150.5 (2025)",
        );
        derivation(
            Derivation::AverageGrowth {
                from: (2020, 100.0),
                to: (2022, 121.0),
            },
            "bình quân (121 ÷ 100)^(1/2) − 1, từ 2020 đến 2022",
            "average (121 ÷ 100)^(1/2) − 1, from 2020 to 2022",
        );
        derivation(
            Derivation::NominalFromPerCapita {
                per_capita: 60.0,
                population: 1500.5,
            },
            // People are whole: 1.500,5 rounds half away from zero to 1.501.
            "GRDP bình quân đầu người 60 triệu × dân số 1.501 ÷ 1.000",
            "GRDP per capita 60 million × population 1,501 ÷ 1,000",
        );
        derivation(
            Derivation::Share {
                part: 25.0,
                whole: 100.0,
            },
            "25 ÷ 100 × 100",
            "25 ÷ 100 × 100",
        );
        derivation(
            Derivation::ImpliedIcor {
                investment: 30.0,
                nominal: 100.0,
                growth: 6.0,
            },
            "ICOR năm gốc = (30 ÷ 100) ÷ 6%",
            "base-year ICOR = (30 ÷ 100) ÷ 6%",
        );
        derivation(
            Derivation::GrowthToPlan {
                from: 100.0,
                plan: 110.0,
            },
            "theo kế hoạch thu: 110 ÷ 100 − 1",
            "from the revenue plan: 110 ÷ 100 − 1",
        );
    }

    #[track_caller]
    fn echo(text: &str, expected: &str) {
        assert_eq!(input_echo(text, Locale::Vi), expected);
    }

    #[test]
    fn input_echo_reads_the_typed_number() {
        echo("", "");
        echo("5", "= 5");
        echo("-2,5", "= -2,5");
    }

    fn kon_tum_setup() -> ChainSetup {
        setup(&kon_tum()).unwrap_or_else(|e| panic!("setup: {e}"))
    }

    #[track_caller]
    fn row(results: &ChainResults, testid: &str, label: &str, first: &str) {
        let r = results
            .rows
            .iter()
            .find(|r| r.testid == testid)
            .unwrap_or_else(|| panic!("row {testid}"));
        assert_eq!(
            (r.label.as_str(), r.values.first().map(String::as_str)),
            (label, Some(first))
        );
    }

    #[test]
    fn results_rows_follow_the_plan_growth() {
        // Every sector at the 10 % plan of Kon Tum gives 10 % growth, and real GRDP
        // 20 225 (the 2024 estimate the chain starts from) × 1,1 = 22 247,5 in 2025.
        let s = kon_tum_setup();
        let r = chain_results(&s, &BTreeMap::new(), Locale::Vi).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(r.years, vec![2025]);
        assert_eq!(r.rows.len(), 1 + 4 + 3 + 4 + 2);
        row(&r, "chain-growth", "Tăng trưởng GRDP (%)", "10%");
        row(
            &r,
            "chain-real",
            "GRDP giá so sánh 2010 (tỷ đồng)",
            "22.247,5",
        );
        assert_eq!(r.explanations.len(), 1);
        assert!(r.explanations.iter().all(|e| e.contains("ICOR")));
        let table = r.table();
        assert_eq!(table.header, vec!["", "2025"]);
        assert_eq!(table.rows.len(), r.rows.len());
    }

    #[test]
    fn a_bad_input_is_an_error() {
        let s = kon_tum_setup();
        let mut o = BTreeMap::new();
        o.insert((ChainInput::PopulationGrowth, 2025), -100.0);
        assert_eq!(chain_results(&s, &o, Locale::En), Err(ChainError::BadInput));
    }

    #[test]
    fn inputs_table_shows_typed_text_or_the_default() {
        let s = kon_tum_setup();
        let mut texts = BTreeMap::new();
        texts.insert((ChainInput::Icor, 2025), "8".to_string());
        let t = inputs_table(&s, &texts, Locale::Vi);
        assert_eq!(t.header, vec!["", "2025"]);
        let icor = t
            .rows
            .iter()
            .find(|r| r.first().map(String::as_str) == Some("Hệ số ICOR"));
        assert_eq!(icor.and_then(|r| r.get(1)).map(String::as_str), Some("8"));
        // Services growth defaults to the 10 % GRDP plan.
        let services = t.rows.get(2).and_then(|r| r.get(1)).map(String::as_str);
        assert_eq!(services, Some("10"));
        let rows = input_rows(&s, Locale::Vi);
        let cell = rows.get(6).and_then(|r| r.cells.first());
        assert_eq!(cell.map(|c| c.input_id.as_str()), Some("chain:icor:2025"));
        assert_eq!(cell.map(|c| c.aria_label.as_str()), Some("Hệ số ICOR 2025"));
    }

    #[test]
    fn defaults_are_listed_once_each() {
        let mut s = kon_tum_setup();
        s.defaults.clear();
        let d = |key: &str| Derived {
            value: 1.0,
            how: Derivation::Stated { key: key.into() },
        };
        s.defaults
            .insert((ChainInput::Icor, 2024), d("icor/2023/actual/level"));
        s.defaults
            .insert((ChainInput::Icor, 2025), d("icor/2023/actual/level"));
        s.defaults
            .insert((ChainInput::BudgetShare, 2025), d("budget/2024/plan/level"));
        assert_eq!(
            default_lines(&s, Locale::Vi),
            vec![
                "Hệ số ICOR: theo số liệu thực hiện năm 2023",
                "Thu ngân sách (% GRDP danh nghĩa): theo số liệu kế hoạch năm 2024"
            ]
        );
    }

    #[test]
    fn seek_answers_in_words() {
        let s = kon_tum_setup();
        let none = BTreeMap::new();
        let input = (ChainInput::SectorGrowth(Sector::Services), 2025);
        let output = (ChainOutput::PerCapita, 2025);
        assert_eq!(
            seek_text(&s, &none, input, output, "", Locale::Vi),
            "Nhập giá trị mục tiêu."
        );
        let answer = seek_text(&s, &none, input, output, "70", Locale::Vi);
        assert!(
            answer.starts_with("Tăng trưởng dịch vụ năm 2025 cần "),
            "{answer}"
        );
        assert!(
            answer.ends_with(
                "% để GRDP bình quân đầu người năm 2025 đạt 70 triệu đồng (kiểm tra lại: 70 triệu đồng)."
            ),
            "{answer}"
        );
    }

    #[test]
    fn one_growth_per_year_is_said_in_both_views() {
        let model = kon_tum();
        let s = kon_tum_setup();
        let mut given = BTreeMap::new();
        given.insert(2025, 12.5);
        let notes = chain_notes(&model, &s, &BTreeMap::new(), &given, &[], Locale::En);
        assert_eq!(
            notes.given,
            vec!["2025: GRDP growth 12.5% is set in the assumptions of GRDP (constant prices); every sector grows 12.5%, the sector growth boxes of 2025 are not used."]
        );
        assert_eq!(notes.open_workbench, "Open the GRDP assumptions");
        let vi = chain_notes(&model, &s, &BTreeMap::new(), &given, &[], Locale::Vi);
        assert!(vi
            .given
            .first()
            .is_some_and(|l| l.starts_with("2025: tăng trưởng GRDP 12,5%")));
        let mut from_chain = BTreeMap::new();
        from_chain.insert(2025, 10.405);
        assert_eq!(
            given_by_chain_lines(&from_chain, Locale::En),
            vec!["2025: growth 10.41% comes from the sector growth typed in the linked growth scenario; type an assumption here to replace it."]
        );
        assert!(given_by_chain_lines(&BTreeMap::new(), Locale::Vi).is_empty());
    }

    #[test]
    fn a_population_is_whole() {
        // 2023 between 568.780 người (2021) and 601.000 người (2024):
        // 568.780 × (601.000 ÷ 568.780)^(2/3) = 590.062,14… người, shown whole.
        let population = 568_780.0 * (601_000.0_f64 / 568_780.0).powf(2.0 / 3.0);
        derivation(
            Derivation::NominalFromPerCapita {
                per_capita: 58.42,
                population,
            },
            "GRDP bình quân đầu người 58,42 triệu × dân số 590.062 ÷ 1.000",
            "GRDP per capita 58.42 million × population 590,062 ÷ 1,000",
        );
        let s = kon_tum_setup();
        let lines = base_lines(&s.base, Locale::Vi);
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("Dân số năm gốc 601.000 người, ")),
            "{lines:?}"
        );
    }

    #[test]
    fn the_base_says_what_it_carries() {
        let s = kon_tum_setup();
        let lines = base_lines(&s.base, Locale::En);
        assert!(lines
            .iter()
            .any(|l| l == "Stated growth of the base year 2024: 9.78%."));
        // Shares of 2023: 6,623.27, 11,182.13 and 13,962 of 34,471.4; taxes the rest.
        assert!(lines.iter().any(|l| l
            == "2024 has no sector value added yet: the sector structure is that of 2023 (19.21%; 32.44%; 40.5%; 7.84%)."));
        let icor = s
            .defaults
            .get(&(ChainInput::Icor, 2025))
            .map(|d| derivation_text(&d.how, Locale::En));
        assert_eq!(
            icor.as_deref(),
            Some("multi-year ICOR (2022, 2023) = (Σ investment ÷ Σ nominal GRDP) ÷ mean growth; single years from 8.11 to 10.71")
        );
    }
}
