//! Explains an assessment in words, in Vietnamese or English, with the numbers filled in:
//! the target and how it was derived, the starting point, the assumptions, the required
//! pace with its formula, the pace achieved, the status rule and the projection.
//!
//! Pure view-layer text, host-tested. Numbers go through `numfmt`, so they follow the
//! interface language (`13,2%/năm`, `13.2%/year`).

use crate::core::model::Model;
use crate::core::plan::assessment::{
    AssessError, Assessment, AssumptionWarning, PaceKind, ScenarioVerdict, TermStatus, Working,
    AT_RISK_SHARE,
};
use crate::core::plan::pace::PaceError;
use crate::core::plan::rule::{APPROX_TOLERANCE, PLAUSIBLE_GROWTH};
use crate::core::text::numfmt::format_number;
use crate::present::i18n::{unit_name, with_unit, Locale};

/// Label of a term status.
pub fn term_status_label(status: TermStatus, locale: Locale) -> &'static str {
    match (status, locale) {
        (TermStatus::Achieved, Locale::Vi) => "Đã đạt mục tiêu",
        (TermStatus::Achieved, Locale::En) => "Achieved",
        (TermStatus::AtTargetHeld, Locale::Vi) => "Đã chạm mục tiêu, cần giữ vững đến năm cuối",
        (TermStatus::AtTargetHeld, Locale::En) => "At the target, must be held",
        (TermStatus::MovingAway, Locale::Vi) => "Đang đi xa mục tiêu",
        (TermStatus::MovingAway, Locale::En) => "Moving away from the target",
        (TermStatus::OnTrack, Locale::Vi) => "Đúng tiến độ",
        (TermStatus::OnTrack, Locale::En) => "On track",
        (TermStatus::AtRisk, Locale::Vi) => "Có nguy cơ không đạt",
        (TermStatus::AtRisk, Locale::En) => "At risk",
        (TermStatus::OffTrack, Locale::Vi) => "Chậm tiến độ",
        (TermStatus::OffTrack, Locale::En) => "Off track",
        (TermStatus::CannotAssess, Locale::Vi) => "Chưa đánh giá được",
        (TermStatus::CannotAssess, Locale::En) => "Cannot be assessed",
    }
}

/// A short code for styling and tests (`on-track`).
pub fn term_status_code(status: TermStatus) -> &'static str {
    match status {
        TermStatus::Achieved => "achieved",
        TermStatus::AtTargetHeld => "at-target-held",
        TermStatus::MovingAway => "moving-away",
        TermStatus::OnTrack => "on-track",
        TermStatus::AtRisk => "at-risk",
        TermStatus::OffTrack => "off-track",
        TermStatus::CannotAssess => "cannot-assess",
    }
}

/// Why no pace could be computed, in words.
pub fn assess_error_text(error: AssessError, locale: Locale) -> &'static str {
    match (error, locale) {
        (AssessError::NoTarget, Locale::Vi) => {
            "Chỉ tiêu này không có mục tiêu nhiệm kỳ cho năm cuối nhiệm kỳ."
        }
        (AssessError::NoTarget, Locale::En) => {
            "This indicator has no term target for the term's last year."
        }
        (AssessError::UnsupportedTarget, Locale::Vi) => "Chưa tính được loại mục tiêu này.",
        (AssessError::UnsupportedTarget, Locale::En) => "This kind of target is not computed yet.",
        (AssessError::NoStartingResult, Locale::Vi) => {
            "Chưa có kết quả nào trước năm mục tiêu để làm điểm xuất phát."
        }
        (AssessError::NoStartingResult, Locale::En) => {
            "No result before the target year to start from."
        }
        (AssessError::NoBaseLevel, Locale::Vi) => {
            "Thiếu giá trị năm gốc để quy mục tiêu tăng trưởng bình quân ra mức cần đạt."
        }
        (AssessError::NoBaseLevel, Locale::En) => {
            "The base-year level needed to turn the average-growth target into a level is missing."
        }
        (AssessError::MissingResults, Locale::Vi) => {
            "Thiếu kết quả của một số năm đã qua; nhập số liệu các năm đó ở ô giả định để tính."
        }
        (AssessError::MissingResults, Locale::En) => {
            "Results of some past years are missing; enter them as assumptions to compute."
        }
        (AssessError::NoResultInTerm, Locale::Vi) => {
            "Chỉ có số liệu từ trước nhiệm kỳ; chưa có kết quả nào trong nhiệm kỳ để đánh giá."
        }
        (AssessError::NoResultInTerm, Locale::En) => {
            "Only figures from before the term; no result inside the term to assess."
        }
        (AssessError::NoExchangeRate, Locale::Vi) => {
            "Mục tiêu tính bằng USD, kết quả tính bằng đồng: nhập tỷ giá giả định (đồng/USD) để so sánh."
        }
        (AssessError::NoExchangeRate, Locale::En) => {
            "The target is in USD and the results in VND: enter an assumed exchange rate (VND per USD) to compare them."
        }
        (AssessError::Pace(e), _) => pace_error_text(e, locale),
    }
}

/// The scenario's verdict, in words that cannot be taken for the status badge.
pub fn scenario_verdict_text(verdict: ScenarioVerdict, locale: Locale) -> &'static str {
    match (verdict, locale) {
        (ScenarioVerdict::Reached, Locale::Vi) => "Với các giả định này: đạt mục tiêu",
        (ScenarioVerdict::Reached, Locale::En) => "With these assumptions: target reached",
        (ScenarioVerdict::NotReached, Locale::Vi) => "Với các giả định này: không đạt mục tiêu",
        (ScenarioVerdict::NotReached, Locale::En) => "With these assumptions: target not reached",
    }
}

/// A short code for the verdict (`reached`, `not-reached`).
pub fn scenario_verdict_code(verdict: ScenarioVerdict) -> &'static str {
    match verdict {
        ScenarioVerdict::Reached => "reached",
        ScenarioVerdict::NotReached => "not-reached",
    }
}

/// A warning about an assumption, with its numbers.
pub fn warning_text(
    model: &Model,
    unit: &str,
    kind: PaceKind,
    warning: AssumptionWarning,
    locale: Locale,
) -> String {
    let p = |v: f64| pace_text(model, unit, kind, v, locale);
    let limit = format_number(PLAUSIBLE_GROWTH, locale, 0);
    match (warning, locale) {
        (
            AssumptionWarning::ContradictsResult {
                year,
                assumed,
                known,
            },
            Locale::Vi,
        ) => format!(
            "Giả định năm {year} ({}) khác với kết quả/ước tính đã có ({}).",
            p(assumed),
            p(known)
        ),
        (
            AssumptionWarning::ContradictsResult {
                year,
                assumed,
                known,
            },
            Locale::En,
        ) => format!(
            "The {year} assumption ({}) contradicts the known result or estimate ({}).",
            p(assumed),
            p(known)
        ),
        (AssumptionWarning::Implausible { year, assumed }, Locale::Vi) => format!(
            "Giả định năm {year} ({}) nằm ngoài ±{limit}%/năm: khó xảy ra.",
            p(assumed)
        ),
        (AssumptionWarning::Implausible { year, assumed }, Locale::En) => format!(
            "The {year} assumption ({}) is beyond ±{limit}% a year: implausible.",
            p(assumed)
        ),
    }
}

/// A warning about a chain override, with its numbers.
pub fn chain_warning_text(
    warning: crate::core::plan::chain::ChainWarning,
    locale: Locale,
) -> String {
    use crate::core::plan::chain::ChainWarning;
    let n = |v: f64| format_number(v, locale, 2);
    let limit = format_number(PLAUSIBLE_GROWTH, locale, 0);
    match (warning, locale) {
        (ChainWarning::ImplausibleGrowth { year, value, .. }, Locale::Vi) => {
            format!(
                "Giả định năm {year} ({}%) nằm ngoài ±{limit}%/năm: khó xảy ra.",
                n(value)
            )
        }
        (ChainWarning::ImplausibleGrowth { year, value, .. }, Locale::En) => {
            format!(
                "The {year} assumption ({}%) is beyond ±{limit}% a year: implausible.",
                n(value)
            )
        }
        (ChainWarning::IcorOutsideRange { year, value, range }, Locale::Vi) => format!(
            "ICOR năm {year} ({}) nằm ngoài khoảng số liệu cho thấy ({}–{}).",
            n(value),
            n(range.0),
            n(range.1)
        ),
        (ChainWarning::IcorOutsideRange { year, value, range }, Locale::En) => format!(
            "The {year} ICOR ({}) is outside the range the data show ({}–{}).",
            n(value),
            n(range.0),
            n(range.1)
        ),
    }
}

/// The chain's investment added up against the cumulative target, or which years'
/// results are missing for the sum.
pub fn investment_total_text(
    t: &crate::core::plan::chain::InvestmentTotal,
    locale: Locale,
) -> Option<String> {
    let (target, from, to) = t.target?;
    let n = |v: f64| format_number(v, locale, 0);
    let needed: f64 = t.needed.iter().map(|(_, v)| v).sum();
    let years: Vec<String> = t.missing.iter().map(|y| y.to_string()).collect();
    Some(match (t.total, locale) {
        (Some(total), Locale::Vi) => format!(
            "Lũy kế vốn đầu tư {from}-{to}: kết quả đã có cộng vốn cần theo kịch bản = {} tỷ đồng, so với mục tiêu {} tỷ đồng.",
            n(total),
            n(target)
        ),
        (Some(total), Locale::En) => format!(
            "Cumulative investment {from}-{to}: results so far plus the scenario's needs = {} billion VND, against the {} billion VND target.",
            n(total),
            n(target)
        ),
        (None, Locale::Vi) => format!(
            "Lũy kế vốn đầu tư {from}-{to} (mục tiêu {} tỷ đồng): kịch bản cần {} tỷ đồng; thiếu kết quả các năm {} nên chưa cộng được tổng.",
            n(target),
            n(needed),
            years.join(", ")
        ),
        (None, Locale::En) => format!(
            "Cumulative investment {from}-{to} (target {} billion VND): the scenario needs {} billion VND; results for {} are missing, so no total is given.",
            n(target),
            n(needed),
            years.join(", ")
        ),
    })
}

/// For an indicator the growth chain also computes: which default each view uses, so
/// two different projections on one screen are not taken for a contradiction.
pub fn defaults_note(locale: Locale) -> &'static str {
    match locale {
        Locale::Vi => "Dự báo ở đây giữ tốc độ đã đạt cho các năm không có giả định; kịch bản tăng trưởng liên kết bên dưới mặc định mỗi ngành tăng theo kế hoạch tăng trưởng GRDP của năm. Hai mặc định khác nhau nên hai dự báo có thể khác nhau. Tăng trưởng GRDP của một năm chỉ đặt ở một nơi: giả định nhập cho GRDP (giá so sánh) được kịch bản liên kết dùng cho năm đó; tốc độ ngành nhập ở kịch bản liên kết, khi năm đó chưa có giả định, được phần GRDP lấy làm giả định.",
        Locale::En => "The projection here keeps the pace achieved in the years without an assumption; the linked growth scenario below defaults to every sector growing at the year's GRDP growth plan. The defaults differ, so the two projections can differ. A year's GRDP growth is set in one place: an assumption typed for GRDP (constant prices) is used by the linked scenario for that year; sector growth typed in the linked scenario, for a year with no such assumption, is taken by GRDP as its assumption.",
    }
}

/// Which results are missing, when a target needs them.
pub fn missing_results_text(missing: &[i32], locale: Locale) -> Option<String> {
    if missing.is_empty() {
        return None;
    }
    let years: Vec<String> = missing.iter().map(|y| y.to_string()).collect();
    let years = years.join(", ");
    Some(match locale {
        Locale::Vi => format!(
            "Thiếu kết quả các năm {years}: chưa dự báo, chưa tìm giá trị cần đạt và chưa lập bảng độ nhạy cho đến khi nhập các số đó."
        ),
        Locale::En => format!(
            "Results missing for {years}: no projection, goal seek or sensitivity table until they are entered."
        ),
    })
}

fn pace_error_text(error: PaceError, locale: Locale) -> &'static str {
    match (error, locale) {
        (PaceError::NoYearsLeft, Locale::Vi) => {
            "Không còn năm nào để tính: mọi năm còn lại đã có giả định."
        }
        (PaceError::NoYearsLeft, Locale::En) => {
            "No year left to solve for: every remaining year has an assumption."
        }
        (PaceError::BaseNotPositive, Locale::Vi) => {
            "Giá trị xuất phát phải lớn hơn 0 để tính tốc độ tăng."
        }
        (PaceError::BaseNotPositive, Locale::En) => {
            "The starting value must be above zero to compute growth."
        }
        (PaceError::TargetNotPositive, Locale::Vi) => {
            "Mục tiêu phải lớn hơn 0 để tính tốc độ tăng."
        }
        (PaceError::TargetNotPositive, Locale::En) => {
            "The target must be above zero to compute growth."
        }
        (PaceError::RateAtOrBelowMinus100, Locale::Vi) => {
            "Tốc độ giả định từ −100% trở xuống không có nghĩa."
        }
        (PaceError::RateAtOrBelowMinus100, Locale::En) => {
            "An assumed rate of −100% or below has no meaning."
        }
        (PaceError::NonFinite, Locale::Vi) => "Có giá trị không phải là số.",
        (PaceError::NonFinite, Locale::En) => "A value is not a number.",
        (PaceError::Overflow, Locale::Vi) => "Kết quả quá lớn để tính.",
        (PaceError::Overflow, Locale::En) => "The result is too large to compute.",
    }
}

/// A pace with its unit: `13,2%/năm`, `1.057,5 ha/năm`.
pub fn pace_text(model: &Model, unit: &str, kind: PaceKind, value: f64, locale: Locale) -> String {
    let per_year = match locale {
        Locale::Vi => "/năm",
        Locale::En => "/year",
    };
    match kind {
        PaceKind::Growth => format!(
            "{}{per_year}",
            with_unit(&format_number(value, locale, 2), "%")
        ),
        PaceKind::Increment => {
            let unit = if unit == "percent" {
                unit_name(model, "percentage_points", locale)
            } else {
                unit_name(model, unit, locale)
            };
            format!(
                "{}{per_year}",
                with_unit(&format_number(value, locale, 2), unit)
            )
        }
    }
}

fn level_text(model: &Model, unit: &str, value: f64, locale: Locale) -> String {
    with_unit(
        &format_number(value, locale, 2),
        unit_name(model, unit, locale),
    )
}

fn years_text(years: &[i32]) -> String {
    match (years.first(), years.last()) {
        (Some(a), Some(b)) if a != b => format!("{a}–{b}"),
        (Some(a), _) => a.to_string(),
        _ => String::new(),
    }
}

/// The explanation, one sentence per line.
pub fn explain(model: &Model, unit: &str, assessment: &Assessment, locale: Locale) -> Vec<String> {
    let vi = locale == Locale::Vi;
    let n = |v: f64| format_number(v, locale, 2);
    let mut lines = Vec::new();
    let Some(w) = &assessment.working else {
        if let Err(e) = assessment.required {
            lines.push(assess_error_text(e, locale).to_string());
        }
        return lines;
    };
    let Working {
        pace_kind,
        target_year,
        target_value,
        implied_from,
        start_year,
        start_value,
        assumed,
        free_years,
        ..
    } = w;
    let target = level_text(model, unit, *target_value, locale);
    match implied_from {
        Some((base_year, base, avg)) => lines.push(if vi {
            format!(
                "Mục tiêu {target_year}: {} × (1 + {}%)^{} = {target} (tăng bình quân {}%/năm từ mức năm {base_year}).",
                n(*base), n(*avg), target_year - base_year, n(*avg)
            )
        } else {
            format!(
                "Target for {target_year}: {} × (1 + {}%)^{} = {target} ({}% a year on average from the {base_year} level).",
                n(*base), n(*avg), target_year - base_year, n(*avg)
            )
        }),
        None => lines.push(match (w.target_range, vi) {
            (Some((lo, hi)), true) => format!(
                "Mục tiêu {target_year}: trong khoảng {}–{}; đầu gần điểm xuất phát nhất là {target}.",
                n(lo),
                n(hi)
            ),
            (Some((lo, hi)), false) => format!(
                "Target for {target_year}: between {} and {}; the end nearest the start is {target}.",
                n(lo),
                n(hi)
            ),
            (None, true) => format!("Mục tiêu {target_year}: {target}."),
            (None, false) => format!("Target for {target_year}: {target}."),
        }),
    }
    let start = level_text(model, unit, *start_value, locale);
    lines.push(match (w.cumulative, vi) {
        (true, true) => format!("Lũy kế các năm có kết quả đến năm {start_year}: {start}."),
        (true, false) => format!("Total of the years with results up to {start_year}: {start}."),
        (false, true) => format!("Xuất phát: {start} năm {start_year}."),
        (false, false) => format!("Starting point: {start} in {start_year}."),
    });
    if !assumed.is_empty() {
        let list: Vec<String> = assumed
            .iter()
            .map(|(y, v)| format!("{y}: {}", pace_text(model, unit, *pace_kind, *v, locale)))
            .collect();
        lines.push(if vi {
            format!("Giả định: {}.", list.join("; "))
        } else {
            format!("Assumed: {}.", list.join("; "))
        });
    }
    match assessment.required {
        Ok(r) => {
            let pace = pace_text(model, unit, *pace_kind, r, locale);
            let free = years_text(free_years);
            let count = free_years.len();
            let formula = match pace_kind {
                PaceKind::Growth => {
                    let factor: f64 = assumed.iter().map(|(_, v)| 1.0 + v / 100.0).product();
                    let base = if assumed.is_empty() {
                        n(*start_value)
                    } else {
                        format!("({} × {})", n(*start_value), n(factor))
                    };
                    format!("({} ÷ {base})^(1/{count}) − 1", n(*target_value))
                }
                PaceKind::Increment => {
                    let assumed_sum: f64 = assumed.iter().map(|(_, v)| v).sum();
                    if assumed.is_empty() {
                        format!("({} − {}) ÷ {count}", n(*target_value), n(*start_value))
                    } else {
                        format!(
                            "({} − {} − {}) ÷ {count}",
                            n(*target_value),
                            n(*start_value),
                            n(assumed_sum)
                        )
                    }
                }
            };
            lines.push(if vi {
                format!("Cần đạt {pace} trong {free}: {formula}.")
            } else {
                format!("Needed: {pace} in {free}: {formula}.")
            });
        }
        Err(e) => lines.push(assess_error_text(e, locale).to_string()),
    }
    match assessment.achieved {
        Some((from, a)) => {
            let pace = pace_text(model, unit, *pace_kind, a, locale);
            lines.push(if vi {
                format!("Tốc độ đã đạt: {pace} (từ {from} đến {start_year}).")
            } else {
                format!("Pace achieved: {pace} (from {from} to {start_year}).")
            });
        }
        None => lines.push(if vi {
            "Chưa đủ hai kết quả để tính tốc độ đã đạt.".to_string()
        } else {
            "Not enough results to measure the pace achieved.".to_string()
        }),
    }
    if let (Some((year, planned, _key)), Ok(r)) = (&assessment.planned, assessment.required) {
        let pace = pace_text(model, unit, *pace_kind, *planned, locale);
        let verdict = match (planned >= &r, vi) {
            (true, true) => "đủ để đạt mục tiêu",
            (false, true) => "không đủ để đạt mục tiêu",
            (true, false) => "enough to meet the target",
            (false, false) => "not enough to meet the target",
        };
        lines.push(if vi {
            format!("Tốc độ theo kế hoạch: {pace} (kế hoạch năm {year}): {verdict}.")
        } else {
            format!("Planned pace: {pace} (the {year} plan): {verdict}.")
        });
    }
    let share = format_number(AT_RISK_SHARE * 100.0, locale, 0);
    let approx = format_number(APPROX_TOLERANCE * 100.0, locale, 0);
    lines.push(if vi {
        format!("Quy tắc: đúng tiến độ khi tốc độ đã đạt không thấp hơn tốc độ cần; có nguy cơ khi đạt từ {share}% tốc độ cần; chậm tiến độ khi thấp hơn; đang đi xa mục tiêu khi kết quả đi ngược chiều; đã đạt khi kết quả năm cuối đạt mục tiêu (hoặc đã đạt với quy mô cộng dồn không giảm lại); đã chạm mục tiêu, cần giữ vững khi đạt trước năm cuối. Chỉ dùng kết quả trong nhiệm kỳ, không dùng giả định; mục tiêu \"khoảng\" được coi là đạt khi thiếu không quá {approx}%.")
    } else {
        format!("Rule: on track when the pace achieved is at least the pace needed; at risk from {share}% of it; off track below; moving away when the results go the other way; achieved when the target-year result meets the target (or, for a stock or total that cannot fall back, as soon as it does); at the target, must be held when met before the target year. Only results inside the term count, never assumptions; an \"about\" target is met within {approx}%.")
    });
    if let Some(p) = assessment.projection {
        let gap = p - target_value;
        let sign = if gap >= 0.0 { "+" } else { "" };
        lines.push(if vi {
            format!(
                "Dự báo {target_year} nếu giữ tốc độ đã đạt (và các giả định): {}; chênh lệch so với mục tiêu: {sign}{}.",
                level_text(model, unit, p, locale),
                n(gap)
            )
        } else {
            format!(
                "Projection for {target_year} at the pace achieved (and the assumptions): {}; gap to the target: {sign}{}.",
                level_text(model, unit, p, locale),
                n(gap)
            )
        });
    }
    if let Some(v) = assessment.scenario {
        lines.push(format!("{}.", scenario_verdict_text(v, locale)));
    }
    for warning in &assessment.warnings {
        lines.push(warning_text(model, unit, *pace_kind, *warning, locale));
    }
    if let Some(m) = missing_results_text(&assessment.missing, locale) {
        lines.push(m);
    }
    if let Some(rc) = &assessment.rates {
        let rates: Vec<String> = rc
            .known
            .iter()
            .map(|(y, g, _)| format!("{y}: {}%", n(*g)))
            .collect();
        lines.push(if vi {
            format!(
                "Kiểm tra theo tốc độ tăng từng năm ({}): tốc độ đã đạt {}%/năm, cần {}%/năm trong các năm còn lại (theo mức: {}).",
                rates.join("; "),
                n(rc.achieved),
                n(rc.required),
                assessment.required.map(n).unwrap_or_else(|_| "—".to_string())
            )
        } else {
            format!(
                "Check from the yearly growth rates ({}): achieved {}% a year, needed {}% a year in the years left (from the levels: {}).",
                rates.join("; "),
                n(rc.achieved),
                n(rc.required),
                assessment.required.map(n).unwrap_or_else(|_| "—".to_string())
            )
        });
        if rc.mixed_vintages {
            lines.push(if vi {
                format!(
                    "Chuỗi số liệu lẫn nhiều lần công bố: theo tốc độ tăng, các năm đã qua nhân {}, theo mức chỉ {}; một năm đã được điều chỉnh.",
                    n(rc.rates_factor),
                    n(rc.levels_factor)
                )
            } else {
                format!(
                    "The series mixes vintages: by the growth rates the years so far multiply by {}, by the levels by {}; a year was revised.",
                    n(rc.rates_factor),
                    n(rc.levels_factor)
                )
            });
        }
    }
    lines
}

/// The choice of the series an average-growth target's status rests on: its label,
/// and each option as (value, words), the rates first (the default).
pub fn pace_basis_choice(locale: Locale) -> (&'static str, [(&'static str, &'static str); 2]) {
    match locale {
        Locale::Vi => (
            "Đánh giá dựa trên",
            [
                ("toc-do", "tốc độ tăng từng năm theo văn bản"),
                ("muc", "mức GRDP (năm gốc và năm mới nhất)"),
            ],
        ),
        Locale::En => (
            "Status rests on",
            [
                ("toc-do", "the yearly growth rates the documents state"),
                ("muc", "the levels (base year and latest)"),
            ],
        ),
    }
}

/// The option value of a basis in [`pace_basis_choice`].
pub fn pace_basis_value(basis: crate::core::plan::assessment::PaceBasis) -> &'static str {
    match basis {
        crate::core::plan::assessment::PaceBasis::Rates => "toc-do",
        crate::core::plan::assessment::PaceBasis::Levels => "muc",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::catalog::kon_tum;
    use crate::core::plan::assessment::{assess, Assumptions};

    #[test]
    fn pace_basis_choice_in_both_languages() {
        use crate::core::plan::assessment::PaceBasis;
        let (label, options) = pace_basis_choice(Locale::En);
        assert_eq!(label, "Status rests on");
        assert_eq!(options[0].0, pace_basis_value(PaceBasis::Rates));
        assert_eq!(options[1].0, pace_basis_value(PaceBasis::Levels));
        assert_eq!(
            pace_basis_choice(Locale::Vi).1[1].1,
            "mức GRDP (năm gốc và năm mới nhất)"
        );
    }

    #[test]
    fn explains_the_worked_example_in_both_languages() {
        let model = kon_tum();
        let mut assumptions = Assumptions {
            start_year: Some(2023),
            ..Assumptions::default()
        };
        assumptions.per_year.insert(2024, 10.0);
        let a = assess(&model, "grdp_constant", &assumptions);
        let vi = explain(&model, "bn_vnd", &a, Locale::Vi).join("\n");
        assert!(vi.contains("15.076 × (1 + 10%)^5"), "{vi}");
        assert!(vi.contains("Giả định: 2024: 10%/năm."), "{vi}");
        assert!(vi.contains("Cần đạt 16,"), "{vi}");
        let en = explain(&model, "bn_vnd", &a, Locale::En).join("\n");
        assert!(en.contains("Needed: 16."), "{en}");
        assert!(en.contains("Rule: on track"), "{en}");
    }

    #[test]
    fn investment_total_names_the_missing_years() {
        use crate::core::plan::chain::{investment_against_target, run, setup};
        let model = crate::core::model::catalog::kon_tum();
        let s = setup(&model).expect("setup");
        let years = run(&s, &std::collections::BTreeMap::new()).expect("run");
        let t = investment_against_target(&model, &s, &years);
        let vi = investment_total_text(&t, Locale::Vi).expect("text");
        assert!(vi.contains("mục tiêu 118.000 tỷ đồng"), "{vi}");
        assert!(vi.contains("thiếu kết quả các năm 2021, 2022"), "{vi}");
    }

    #[test]
    fn chain_warnings_in_both_languages() {
        use crate::core::plan::chain::ChainWarning;
        let w = ChainWarning::IcorOutsideRange {
            year: 2025,
            value: 12.0,
            range: (8.11, 10.71),
        };
        assert_eq!(
            chain_warning_text(w, Locale::Vi),
            "ICOR năm 2025 (12) nằm ngoài khoảng số liệu cho thấy (8,11–10,71)."
        );
        assert_eq!(
            chain_warning_text(w, Locale::En),
            "The 2025 ICOR (12) is outside the range the data show (8.11–10.71)."
        );
    }

    #[test]
    fn new_classes_and_scenario_words_in_both_languages() {
        for status in [TermStatus::AtTargetHeld, TermStatus::MovingAway] {
            let (vi, en) = (
                term_status_label(status, Locale::Vi),
                term_status_label(status, Locale::En),
            );
            assert!(!vi.is_empty() && !en.is_empty() && vi != en, "{status:?}");
        }
        assert_eq!(term_status_code(TermStatus::AtTargetHeld), "at-target-held");
        assert!(defaults_note(Locale::En).contains("pace achieved"));
        assert!(defaults_note(Locale::Vi).contains("tốc độ đã đạt"));
        assert_eq!(term_status_code(TermStatus::MovingAway), "moving-away");
        // The verdict says it is about assumptions, so it cannot pass for the badge.
        assert!(scenario_verdict_text(ScenarioVerdict::Reached, Locale::Vi)
            .starts_with("Với các giả định"));
        assert!(
            scenario_verdict_text(ScenarioVerdict::NotReached, Locale::En)
                .starts_with("With these assumptions")
        );
    }

    #[test]
    fn explains_warnings_missing_results_and_the_rates_check() {
        let model = crate::core::model::catalog::kon_tum();
        let mut assumptions = Assumptions {
            start_year: Some(2023),
            ..Assumptions::default()
        };
        assumptions.per_year.insert(2024, 20.0);
        let a = assess(&model, "grdp_constant", &assumptions);
        let en = explain(&model, "bn_vnd", &a, Locale::En).join("\n");
        // 20 % against the 20,225 ÷ 18,938.78 − 1 = 6.79 % the 2024 estimate gives.
        assert!(en.contains("The 2024 assumption (20%/year) contradicts the known result or estimate (6.79%/year)."), "{en}");
        assert!(
            en.contains("With these assumptions: target reached."),
            "{en}"
        );
        // From 2023: 1.0647 × 1.0947 × 1.0732 = 1.25 by the rates, 18,938.78 ÷ 15,076 =
        // 1.26 by the levels.
        assert!(en.contains("The series mixes vintages: by the growth rates the years so far multiply by 1.25, by the levels by 1.26"), "{en}");
        let inv = assess(&model, "total_social_investment", &Assumptions::default());
        let vi = explain(&model, "bn_vnd", &inv, Locale::Vi).join("\n");
        assert!(vi.contains("Thiếu kết quả các năm 2021, 2022"), "{vi}");
    }
}
