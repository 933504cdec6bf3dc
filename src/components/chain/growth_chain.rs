//! The linked growth scenario: yearly inputs (sector growth, deflator, population, ICOR,
//! budget revenue) with their defaults from the model, and the outputs they give (GRDP
//! growth and each sector's contribution, real and nominal GRDP, GRDP per capita,
//! structure, investment needed, budget revenue), each explained with its numbers.

use leptos::prelude::*;

use crate::app::state::{chain_overrides, Action, AppContext};
use crate::components::reports::csv_button::CsvButton;
use crate::core::plan::chain::{run, setup, ChainInput, ChainSetup, Derivation, Sector};
use crate::core::plan::chain::{seek, ChainOutput};
use crate::core::text::numfmt::format_number;
use crate::core::text::numparse::parse_number;
use crate::present::i18n::{ambiguity_text, parse_error_text, Locale};

fn sector_name(s: Sector, locale: Locale) -> &'static str {
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

fn input_label(i: ChainInput, locale: Locale) -> String {
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
        (ChainInput::BudgetGrowth, Locale::Vi) => "Tăng thu ngân sách (%)".to_string(),
        (ChainInput::BudgetGrowth, Locale::En) => "Budget revenue growth (%)".to_string(),
    }
}

fn output_label(o: ChainOutput, locale: Locale) -> &'static str {
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
    let vi = locale == Locale::Vi;
    match d {
        Derivation::Stated { key } if key.is_empty() => String::new(),
        Derivation::Stated { key } => {
            if vi {
                format!("theo số liệu {key}")
            } else {
                format!("as stated: {key}")
            }
        }
        Derivation::PlanGrowth { key } => {
            if vi {
                format!("theo kế hoạch tăng trưởng GRDP năm ({key})")
            } else {
                format!("the year's GRDP growth plan ({key})")
            }
        }
        Derivation::Interpolated { from, to } => {
            if vi {
                format!(
                    "nội suy giữa {} ({}) và {} ({})",
                    n(from.1),
                    from.0,
                    n(to.1),
                    to.0
                )
            } else {
                format!(
                    "interpolated between {} ({}) and {} ({})",
                    n(from.1),
                    from.0,
                    n(to.1),
                    to.0
                )
            }
        }
        Derivation::AverageGrowth { from, to } => {
            let years = to.0 - from.0;
            if vi {
                format!(
                    "bình quân ({} ÷ {})^(1/{years}) − 1, từ {} đến {}",
                    n(to.1),
                    n(from.1),
                    from.0,
                    to.0
                )
            } else {
                format!(
                    "average ({} ÷ {})^(1/{years}) − 1, from {} to {}",
                    n(to.1),
                    n(from.1),
                    from.0,
                    to.0
                )
            }
        }
        Derivation::NominalFromPerCapita {
            per_capita,
            population,
        } => {
            if vi {
                format!(
                    "GRDP bình quân đầu người {} triệu × dân số {} ÷ 1.000",
                    n(*per_capita),
                    n(*population)
                )
            } else {
                format!(
                    "GRDP per capita {} million × population {} ÷ 1,000",
                    n(*per_capita),
                    n(*population)
                )
            }
        }
        Derivation::Share { part, whole } => format!("{} ÷ {} × 100", n(*part), n(*whole)),
        Derivation::ImpliedIcor {
            investment,
            nominal,
            growth,
        } => {
            if vi {
                format!(
                    "ICOR năm gốc = ({} ÷ {}) ÷ {}%",
                    n(*investment),
                    n(*nominal),
                    n(*growth)
                )
            } else {
                format!(
                    "base-year ICOR = ({} ÷ {}) ÷ {}%",
                    n(*investment),
                    n(*nominal),
                    n(*growth)
                )
            }
        }
        Derivation::GrowthToPlan { from, plan } => {
            if vi {
                format!("theo kế hoạch thu: {} ÷ {} − 1", n(*plan), n(*from))
            } else {
                format!("from the revenue plan: {} ÷ {} − 1", n(*plan), n(*from))
            }
        }
    }
}

/// The linked scenario for the shown model (nothing when the model lacks its figures).
#[component]
pub fn GrowthChain() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let chain_setup = Memo::new(move |_| ctx.model().and_then(|m| setup(m).ok()));
    move || {
        let locale = ctx.locale();
        let s = chain_setup.get()?;
        Some(view! { <ChainView setup=s locale=locale /> })
    }
}

#[component]
fn ChainView(setup: ChainSetup, locale: Locale) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let n = move |v: f64| format_number(v, locale, 2);
    let vi = locale == Locale::Vi;
    let years = setup.years.clone();
    let head = years
        .iter()
        .map(|y| view! { <th scope="col">{y.to_string()}</th> })
        .collect_view();
    // The inputs' CSV: each cell as the box shows it, the typed text or else the default
    // the box displays as its placeholder, read at the moment of the click.
    let inputs_caption = if vi {
        "Giả định theo năm (để trống: dùng mặc định)"
    } else {
        "Yearly assumptions (blank: default)"
    };
    let csv_setup = setup.clone();
    let inputs_csv = Callback::new(move |_| {
        let mut header = vec![String::new()];
        header.extend(csv_setup.years.iter().map(|y| y.to_string()));
        let rows = ctx.state.with_untracked(|s| {
            ChainInput::ALL
                .iter()
                .map(|&input| {
                    let mut row = vec![input_label(input, locale)];
                    row.extend(csv_setup.years.iter().map(|&year| {
                        s.chain_inputs
                            .get(&(input.id().to_string(), year))
                            .filter(|t| !t.is_empty())
                            .cloned()
                            .unwrap_or_else(|| {
                                let d = csv_setup
                                    .defaults
                                    .get(&(input, year))
                                    .map(|d| d.value)
                                    .unwrap_or(f64::NAN);
                                format_number(d, locale, 2)
                            })
                    }));
                    row
                })
                .collect()
        });
        (
            inputs_caption.to_string(),
            crate::core::codec::csv::Table { header, rows },
        )
    });
    // Inputs are laid out once, so typing keeps focus.
    let input_rows = ChainInput::ALL
        .iter()
        .map(|&input| {
            let cells = years
                .iter()
                .map(|&year| {
                    let default = setup.defaults.get(&(input, year)).map(|d| d.value).unwrap_or(f64::NAN);
                    let placeholder = format_number(default, locale, 2);
                    let key = (input.id().to_string(), year);
                    let key2 = key.clone();
                    let text = Memo::new(move |_| ctx.state.with(|s| s.chain_inputs.get(&key2).cloned().unwrap_or_default()));
                    let echo = move || match parse_number(&text.get(), locale) {
                        Ok(None) => String::new(),
                        Ok(Some(p)) => {
                            let mut out = format!("= {}", format_number(p.value, locale, 4));
                            if let Some(a) = p.ambiguity {
                                out.push_str(" · ");
                                out.push_str(&ambiguity_text(a, locale));
                            }
                            out
                        }
                        Err(e) => parse_error_text(e, locale).to_string(),
                    };
                    let reset_key = key.clone();
                    view! {
                        <td class:changed=move || !text.get().is_empty()>
                            <input
                                type="text"
                                inputmode="decimal"
                                autocomplete="off"
                                aria-label=format!("{} {year}", input_label(input, locale))
                                data-testid="scenario-input"
                                data-input-id=format!("chain:{}:{year}", input.id())
                                placeholder=placeholder
                                prop:value=move || text.get()
                                on:input={
                                    let key = key.clone();
                                    move |ev| ctx.dispatch(Action::SetChainInput { input: key.0.clone(), year: key.1, text: event_target_value(&ev) })
                                }
                            />
                            <Show when=move || !text.get().is_empty()>
                                <button
                                    type="button"
                                    class="reset-one"
                                    data-testid="chain-reset-one"
                                    aria-label=if vi { "Đặt lại về mặc định" } else { "Reset to the default" }
                                    on:click={
                                        let reset_key = reset_key.clone();
                                        move |_| ctx.dispatch(Action::SetChainInput { input: reset_key.0.clone(), year: reset_key.1, text: String::new() })
                                    }
                                >
                                    "×"
                                </button>
                            </Show>
                            <span class="echo">{echo}</span>
                        </td>
                    }
                })
                .collect_view();
            view! { <tr><th scope="row">{input_label(input, locale)}</th>{cells}</tr> }
        })
        .collect_view();
    let defaults_list = {
        let mut seen = Vec::new();
        setup
            .defaults
            .iter()
            .filter(|((input, _), d)| {
                let text = format!("{}: {}", input_label(*input, locale), derivation_text(&d.how, locale));
                if seen.contains(&text) {
                    false
                } else {
                    seen.push(text);
                    true
                }
            })
            .map(|((input, _), d)| view! { <li>{format!("{}: {}", input_label(*input, locale), derivation_text(&d.how, locale))}</li> })
            .collect_view()
    };
    let base = setup.base.clone();
    let base_lines = vec![
        if vi { format!("Năm gốc {}: GRDP (giá so sánh 2010) {} tỷ đồng, {}.", base.year, n(base.real_grdp.value), derivation_text(&base.real_grdp.how, locale)) }
        else { format!("Base year {}: GRDP (constant 2010 prices) {} billion VND, {}.", base.year, n(base.real_grdp.value), derivation_text(&base.real_grdp.how, locale)) },
        if vi { format!("GRDP danh nghĩa năm gốc {} tỷ đồng = {}.", n(base.nominal_grdp.value), derivation_text(&base.nominal_grdp.how, locale)) }
        else { format!("Base-year nominal GRDP {} billion VND = {}.", n(base.nominal_grdp.value), derivation_text(&base.nominal_grdp.how, locale)) },
        if vi { format!("Dân số năm gốc {} người, {}.", n(base.population.value), derivation_text(&base.population.how, locale)) }
        else { format!("Base-year population {}, {}.", n(base.population.value), derivation_text(&base.population.how, locale)) },
        if vi { "Giản lược: một chỉ số giảm phát chung cho cả nền kinh tế; tỷ trọng năm gốc lấy theo giá trị tăng thêm giá hiện hành.".to_string() }
        else { "Simplifications: one deflator for the whole economy; base-year weights from current-price value added.".to_string() },
    ]
    .into_iter()
    .map(|l| view! { <li>{l}</li> })
    .collect_view();

    let (seek_input, set_seek_input) = signal(ChainInput::SectorGrowth(Sector::Services));
    let (seek_output, set_seek_output) = signal(ChainOutput::PerCapita);
    let last_year = years.last().copied().unwrap_or(setup.base.year);
    let (seek_in_year, set_seek_in_year) = signal(last_year);
    let (seek_target, set_seek_target) = signal(String::new());
    let (seek_answer, set_seek_answer) = signal(String::new());
    let input_options = ChainInput::ALL
        .iter()
        .map(|i| view! { <option value=i.id() selected=*i == ChainInput::SectorGrowth(Sector::Services)>{input_label(*i, locale)}</option> })
        .collect_view();
    let output_options = ChainOutput::ALL
        .iter()
        .map(|o| view! { <option value=o.id()>{output_label(*o, locale)}</option> })
        .collect_view();
    let year_options = years
        .iter()
        .rev()
        .map(|y| view! { <option value=y.to_string()>{y.to_string()}</option> })
        .collect_view();
    let setup_for_seek = setup.clone();
    let run_seek = move |_| {
        let overrides = ctx.state.with_untracked(|s| chain_overrides(s, locale));
        let target = match parse_number(&seek_target.get_untracked(), locale) {
            Ok(Some(p)) => p.value,
            _ => {
                set_seek_answer.set(if vi {
                    "Nhập giá trị mục tiêu.".to_string()
                } else {
                    "Enter a target value.".to_string()
                });
                return;
            }
        };
        let input = (seek_input.get_untracked(), seek_in_year.get_untracked());
        let output = (seek_output.get_untracked(), last_year);
        let text = match seek(&setup_for_seek, &overrides, input, output, target) {
            Ok(a) => {
                if vi {
                    format!(
                        "{} năm {} cần {} để {} năm {} đạt {} (kiểm tra lại: {}).",
                        input_label(input.0, locale),
                        input.1,
                        n(a.input),
                        output_label(output.0, locale).to_lowercase(),
                        output.1,
                        n(target),
                        n(a.output)
                    )
                } else {
                    format!(
                        "{} in {} needs {} for {} in {} to reach {} (checked: {}).",
                        input_label(input.0, locale),
                        input.1,
                        n(a.input),
                        output_label(output.0, locale).to_lowercase(),
                        output.1,
                        n(target),
                        n(a.output)
                    )
                }
            }
            Err(crate::core::plan::goal_seek::GoalSeekError::NoSolutionInRange { .. }) => {
                if vi {
                    "Không có giá trị nào trong khoảng hợp lý đạt mục tiêu này.".to_string()
                } else {
                    "No value in a sensible range reaches this target.".to_string()
                }
            }
            Err(crate::core::plan::goal_seek::GoalSeekError::MultipleSolutions(xs)) => {
                if vi {
                    format!("Có {} giá trị cùng đạt mục tiêu.", xs.len())
                } else {
                    format!("{} values reach the target.", xs.len())
                }
            }
            Err(_) => {
                if vi {
                    "Không tính được với các giả định hiện tại.".to_string()
                } else {
                    "Cannot compute with the current assumptions.".to_string()
                }
            }
        };
        set_seek_answer.set(text);
    };
    let goal_seek_block = view! {
        <div class="goal-seek chain-goal-seek">
            <p><strong>{if vi { "Tìm giá trị đầu vào (Goal Seek)" } else { "Goal seek" }}</strong></p>
            <label class="inline">
                <span>{if vi { "Kết quả cần đạt" } else { "Output" }}</span>
                <select data-testid="chain-seek-output" on:change=move |ev| { if let Some(o) = ChainOutput::from_id(&event_target_value(&ev)) { set_seek_output.set(o) } }>
                    {output_options}
                </select>
            </label>
            <label class="inline">
                <span>{format!("{} {last_year} =", if vi { "năm" } else { "in" })}</span>
                <input type="text" inputmode="decimal" data-testid="chain-seek-target" prop:value=move || seek_target.get()
                    on:input=move |ev| set_seek_target.set(event_target_value(&ev)) />
            </label>
            <label class="inline">
                <span>{if vi { "bằng cách thay đổi" } else { "by changing" }}</span>
                <select data-testid="chain-seek-input" on:change=move |ev| { if let Some(i) = ChainInput::from_id(&event_target_value(&ev)) { set_seek_input.set(i) } }>
                    {input_options}
                </select>
            </label>
            <label class="inline">
                <span>{if vi { "năm" } else { "year" }}</span>
                <select data-testid="chain-seek-year" on:change=move |ev| { if let Ok(y) = event_target_value(&ev).parse::<i32>() { set_seek_in_year.set(y) } }>
                    {year_options}
                </select>
            </label>
            <button type="button" data-testid="chain-seek-run" on:click=run_seek>{if vi { "Tìm" } else { "Seek" }}</button>
            <p data-testid="chain-goal-seek-result" role="status">{move || seek_answer.get()}</p>
        </div>
    };

    let setup_for_outputs = setup.clone();
    // Only the chain's own inputs re-run it; typing elsewhere does not.
    let overrides = Memo::new(move |_| ctx.state.with(|s| chain_overrides(s, locale)));
    let outputs = move || {
        let overrides = overrides.get();
        match run(&setup_for_outputs, &overrides) {
            Ok(rows) => {
                let pct = |v: f64| format!("{}%", n(v));
                // One list of lines feeds both the table and its CSV.
                let mut data: Vec<(String, Vec<String>, &'static str)> = Vec::new();
                data.push((if vi { "Tăng trưởng GRDP".into() } else { "GRDP growth".into() }, rows.iter().map(|r| pct(r.growth)).collect(), "chain-growth"));
                for (i, s) in crate::core::plan::chain::SECTORS.iter().enumerate() {
                    let label = if vi { format!("Đóng góp: {} (điểm %)", sector_name(*s, locale)) } else { format!("Contribution: {} (points)", sector_name(*s, locale)) };
                    data.push((label, rows.iter().map(|r| n(r.contributions.get(i).copied().unwrap_or(0.0))).collect(), "chain-contribution"));
                }
                data.push((if vi { "GRDP giá so sánh 2010 (tỷ đồng)".into() } else { "GRDP, constant 2010 prices (bn VND)".into() }, rows.iter().map(|r| n(r.real_grdp)).collect(), "chain-real"));
                data.push((if vi { "GRDP giá hiện hành (tỷ đồng)".into() } else { "GRDP, current prices (bn VND)".into() }, rows.iter().map(|r| n(r.nominal_grdp)).collect(), "chain-nominal"));
                data.push((if vi { "GRDP bình quân đầu người (triệu đồng)".into() } else { "GRDP per capita (mn VND)".into() }, rows.iter().map(|r| n(r.per_capita)).collect(), "chain-per-capita"));
                for (i, s) in crate::core::plan::chain::SECTORS.iter().enumerate() {
                    let label = if vi { format!("Cơ cấu: {} (%)", sector_name(*s, locale)) } else { format!("Structure: {} (%)", sector_name(*s, locale)) };
                    data.push((label, rows.iter().map(|r| n(r.shares.get(i).copied().unwrap_or(0.0))).collect(), "chain-share"));
                }
                data.push((if vi { "Vốn đầu tư cần (tỷ đồng)".into() } else { "Investment needed (bn VND)".into() }, rows.iter().map(|r| n(r.investment)).collect(), "chain-investment"));
                data.push((if vi { "Thu ngân sách (tỷ đồng)".into() } else { "Budget revenue (bn VND)".into() }, rows.iter().map(|r| n(r.budget_revenue)).collect(), "chain-budget"));
                let caption = if vi { "Kết quả kịch bản" } else { "Scenario results" };
                let mut header = vec![String::new()];
                header.extend(rows.iter().map(|r| r.year.to_string()));
                let csv_table = crate::core::codec::csv::Table {
                    header,
                    rows: data.iter().map(|(label, values, _)| {
                        let mut row = vec![label.clone()];
                        row.extend(values.iter().cloned());
                        row
                    }).collect(),
                };
                let csv = (caption.to_string(), csv_table);
                let table = data
                    .into_iter()
                    .map(|(label, values, testid)| {
                        let cells = values.into_iter().map(|v| view! { <td>{v}</td> }).collect_view();
                        view! { <tr data-testid=testid><th scope="row">{label}</th>{cells}</tr> }
                    })
                    .collect_view();
                let explanations = rows
                    .iter()
                    .map(|r| {
                        let terms: Vec<String> = r
                            .weights
                            .iter()
                            .zip(r.contributions.iter())
                            .map(|(w, c)| format!("{}% × {}", n(*w), if *w == 0.0 { n(0.0) } else { format!("{}%", n(c / w * 100.0)) }))
                            .collect();
                        let text = if vi {
                            format!(
                                "{}: tăng trưởng = Σ tỷ trọng năm trước × tốc độ ngành = {} = {}%; GRDP danh nghĩa = {} × chỉ số giảm phát {} = {}; bình quân đầu người = {} × 1.000 ÷ {} = {} triệu đồng; vốn đầu tư cần = ICOR {} × {}% × {} = {} tỷ đồng.",
                                r.year, terms.join(" + "), n(r.growth), n(r.real_grdp), n(r.deflator), n(r.nominal_grdp), n(r.nominal_grdp), n(r.population), n(r.per_capita), n(r.icor), n(r.growth), n(r.nominal_grdp), n(r.investment)
                            )
                        } else {
                            format!(
                                "{}: growth = Σ last year's weight × sector growth = {} = {}%; nominal GRDP = {} × deflator {} = {}; per capita = {} × 1,000 ÷ {} = {} million VND; investment needed = ICOR {} × {}% × {} = {} billion VND.",
                                r.year, terms.join(" + "), n(r.growth), n(r.real_grdp), n(r.deflator), n(r.nominal_grdp), n(r.nominal_grdp), n(r.population), n(r.per_capita), n(r.icor), n(r.growth), n(r.nominal_grdp), n(r.investment)
                            )
                        };
                        view! { <li>{text}</li> }
                    })
                    .collect_view();
                view! {
                    <div class="table-tools">
                        <CsvButton
                            table="chain-outputs"
                            caption=caption
                            contents=Callback::new(move |_| csv.clone())
                        />
                    </div>
                    <table class="chain-outputs" data-testid="chain-outputs">
                        <caption>{caption}</caption>
                        <thead><tr><th scope="col"></th>{years_head(&rows.iter().map(|r| r.year).collect::<Vec<_>>())}</tr></thead>
                        <tbody>{table}</tbody>
                    </table>
                    <ul class="explanation" data-testid="chain-explanation">{explanations}</ul>
                    {chain_notes(&setup_for_outputs, &overrides, &rows, locale)}
                }
                .into_any()
            }
            Err(_) => view! {
                <p class="banner banner-error" role="alert" data-testid="chain-error">
                    {if vi { "Giả định làm một giá trị không xác định (ví dụ tăng từ −100% trở xuống); hãy sửa lại." } else { "An assumption makes a value undefined (e.g. growth of −100% or below); please correct it." }}
                </p>
            }
            .into_any(),
        }
    };
    view! {
        <section class="chain" data-testid="growth-chain" aria-labelledby="chain-title">
            <h3 id="chain-title">{if vi { "Kịch bản tăng trưởng liên kết (ngành → GRDP → bình quân đầu người → vốn đầu tư)" } else { "Linked growth scenario (sectors → GRDP → per capita → investment)" }}</h3>
            <ul class="explanation">{base_lines}</ul>
            <div class="table-wrap">
                <div class="table-tools">
                    <CsvButton table="chain-inputs" caption=inputs_caption contents=inputs_csv />
                </div>
                <table class="chain-inputs" data-testid="chain-inputs">
                    <caption>{inputs_caption}</caption>
                    <thead><tr><th scope="col"></th>{head}</tr></thead>
                    <tbody>{input_rows}</tbody>
                </table>
            </div>
            <button type="button" data-testid="chain-reset" on:click=move |_| ctx.dispatch(Action::ResetChain)>
                {if vi { "Đặt lại tất cả giả định" } else { "Reset all assumptions" }}
            </button>
            {goal_seek_block}
            <details>
                <summary>{if vi { "Nguồn của các giá trị mặc định" } else { "Where the defaults come from" }}</summary>
                <ul class="explanation">{defaults_list}</ul>
            </details>
            <div class="table-wrap">{outputs}</div>
        </section>
    }
}

fn years_head(years: &[i32]) -> impl IntoView {
    years
        .iter()
        .map(|y| view! { <th scope="col">{y.to_string()}</th> })
        .collect_view()
}

/// Warnings on the overrides and the investment added up against the cumulative target,
/// in words from `present`.
fn chain_notes(
    setup: &crate::core::plan::chain::ChainSetup,
    overrides: &std::collections::BTreeMap<(crate::core::plan::chain::ChainInput, i32), f64>,
    rows: &[crate::core::plan::chain::ChainYear],
    locale: Locale,
) -> impl IntoView {
    use crate::core::plan::chain::{chain_warnings, icor_history, investment_against_target};
    let ctx = expect_context::<AppContext>();
    let model = ctx.model()?;
    let found = chain_warnings(overrides, &icor_history(model));
    let warnings = (!found.is_empty()).then(|| {
        let items = found
            .into_iter()
            .map(|w| view! { <li>{crate::present::explain::chain_warning_text(w, locale)}</li> })
            .collect_view();
        view! { <ul class="assumption-warnings" data-testid="chain-warnings">{items}</ul> }
    });
    let total = crate::present::explain::investment_total_text(
        &investment_against_target(model, setup, rows),
        locale,
    );
    Some(view! {
        {warnings}
        {total.map(|t| view! { <p data-testid="chain-investment-total">{t}</p> })}
    })
}
