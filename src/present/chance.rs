//! The chance of reaching a target, as the person reads it: the percentage and its
//! headline, the count of runs and the seed, what a chance means and does not, the fan
//! chart (10th, 50th and 90th percentiles by year, placed in the same SVG view box as
//! the indicator's chart) with its table and its text description, and the sorted bars
//! of the inputs that matter most. Pure; the component lays these values out.

use crate::core::codec::csv::Table;
use crate::core::codec::view_link::LinkProblem;
use crate::core::model::Amount;
use crate::core::plan::assessment::PaceKind;
use crate::core::plan::chain::{ChainInput, Sector};
use crate::core::plan::chance::{Band, ChainKey, Chance, Driver, HistorySource, HistorySpread};
use crate::core::plan::quarterly::{QuarterCell, Span};
use crate::core::text::numfmt::format_number;
use crate::core::text::numparse::parse_number;
use crate::present::chain::input_label;
use crate::present::chart::Scale;
use crate::present::i18n::chance::{cht, ChanceMsg};
use crate::present::i18n::Locale;

/// A share in [0, 1] as a percentage with one decimal ("37,4%").
pub fn percent_text(chance: f64, locale: Locale) -> String {
    format!(
        "{}%",
        format_number(chance.clamp(0.0, 1.0) * 100.0, locale, 1)
    )
}

/// "Khả năng đạt mục tiêu năm 2025: " before the percentage.
pub fn headline(target_year: i32, locale: Locale) -> String {
    match locale {
        Locale::Vi => format!("Khả năng đạt mục tiêu năm {target_year}:"),
        Locale::En => format!("Chance of reaching the {target_year} target:"),
    }
}

/// The count of runs and the seed, with the runs the model could not compute.
pub fn runs_text(runs: u32, seed: u64, failed: u32, locale: Locale) -> String {
    let n = |v: u32| format_number(f64::from(v), locale, 0);
    let base = match locale {
        Locale::Vi => format!("{} lần chạy, hạt giống {seed}.", n(runs)),
        Locale::En => format!("{} runs, seed {seed}.", n(runs)),
    };
    if failed == 0 {
        return base;
    }
    match locale {
        Locale::Vi => format!(
            "{base} {} lần không tính được (tăng trưởng từ −100% trở xuống) và được tính là không đạt.",
            n(failed)
        ),
        Locale::En => format!(
            "{base} {} runs could not be computed (growth of −100% or below) and count as not reached.",
            n(failed)
        ),
    }
}

/// What a chance means here and what it does not.
pub fn meaning_lines(locale: Locale) -> Vec<&'static str> {
    [
        ChanceMsg::Meaning,
        ChanceMsg::NotAForecast,
        ChanceMsg::HowDrawn,
    ]
    .into_iter()
    .map(|m| cht(m, locale))
    .collect()
}

/// What the box beside a range says: the range read back, why it does not read, or
/// nothing while both ends are empty.
pub fn range_echo(low: &str, high: &str, locale: Locale) -> String {
    if low.trim().is_empty() && high.trim().is_empty() {
        return String::new();
    }
    let read = |t: &str| {
        parse_number(t, locale)
            .ok()
            .flatten()
            .map(|p| p.value)
            .filter(|v| v.is_finite())
    };
    match (read(low), read(high)) {
        (Some(l), Some(h)) if l <= h => format!(
            "{} – {}",
            format_number(l, locale, 4),
            format_number(h, locale, 4)
        ),
        _ => cht(ChanceMsg::BadRange, locale).to_string(),
    }
}

/// The assumptions' table ([`crate::present::workbench::assumptions_table`]) with the
/// ends of their ranges as typed (`ranges`: year → (low, high)), as the workbench shows it.
pub fn assumptions_table_with_ranges(
    mut table: Table,
    ranges: &std::collections::BTreeMap<i32, (String, String)>,
    locale: Locale,
) -> Table {
    table
        .header
        .push(cht(ChanceMsg::RangeLowHeading, locale).to_string());
    table
        .header
        .push(cht(ChanceMsg::RangeHighHeading, locale).to_string());
    for row in &mut table.rows {
        let (low, high) = row
            .first()
            .and_then(|y| y.parse::<i32>().ok())
            .and_then(|y| ranges.get(&y).cloned())
            .unwrap_or_default();
        row.push(low);
        row.push(high);
    }
    table
}

/// "Khả năng GRDP cả năm 2026 tăng từ 8% trở lên:" before the quarterly percentage.
pub fn quarter_headline(year: i32, target: f64, locale: Locale) -> String {
    let t = format_number(target, locale, 2);
    match locale {
        Locale::Vi => format!("Khả năng GRDP cả năm {year} tăng từ {t}% trở lên:"),
        Locale::En => format!("Chance that GRDP grows {t}% or more in {year}:"),
    }
}

/// The `data-input-id` of the range of a quarter's sector growth
/// (`quarter:growth:industry:4`).
pub fn quarter_range_id(s: Sector, q: u8) -> String {
    format!("quarter:{}", QuarterCell::Growth(s, q).id())
}

/// The sector and quarter of a quarterly range's `data-input-id`.
pub fn quarter_range_of(id: &str) -> Option<(Sector, u8)> {
    match QuarterCell::from_id(id.strip_prefix("quarter:")?)? {
        QuarterCell::Growth(s, q) => Some((s, q)),
        _ => None,
    }
}

/// The label of a ranged quarter growth ("Dịch vụ, Quý II").
pub fn quarter_key_label(key: &(Sector, u8), locale: Locale) -> String {
    let (s, q) = *key;
    format!(
        "{}, {}",
        crate::present::chain::sector_name(s, locale),
        crate::present::i18n::quarterly::span_name(Span::Quarter(q), locale)
    )
}

/// What the app says of the parts of a view link it could not read.
pub fn link_problem_text(p: LinkProblem, locale: Locale) -> String {
    match (p, locale) {
        (LinkProblem::BadRanges(n), Locale::Vi) => format!(
            "Liên kết có {n} khoảng không đọc được; các khoảng đó đã được bỏ qua, khả năng đạt mục tiêu có thể khác với người gửi."
        ),
        (LinkProblem::BadRanges(n), Locale::En) => format!(
            "The link has {n} range(s) that could not be read; they were left out, so the chance may differ from the sender's."
        ),
        (LinkProblem::BadSeed, Locale::Vi) => "Hạt giống trong liên kết không phải số nguyên không âm; dùng hạt giống mặc định.".to_string(),
        (LinkProblem::BadSeed, Locale::En) => "The seed in the link is not a whole number of 0 or more; the default seed is used.".to_string(),
    }
}

/// Where a chain input's spread from history comes from, with its numbers.
pub fn chain_history_text(
    input: ChainInput,
    h: &HistorySpread,
    source: HistorySource,
    locale: Locale,
) -> String {
    let n = |v: f64| format_number(v, locale, 2);
    let unit = if source == HistorySource::Icor {
        ""
    } else {
        "%"
    };
    let years: Vec<String> = h
        .paces
        .iter()
        .map(|(y, p)| format!("{y}: {}{unit}", n(*p)))
        .collect();
    let what = match (source, locale) {
        (HistorySource::GrdpGrowth, Locale::Vi) => {
            "tốc độ tăng GRDP (giá so sánh) các năm đã qua; mô hình không có tốc độ tăng riêng từng ngành"
        }
        (HistorySource::GrdpGrowth, Locale::En) => {
            "past real GRDP growth; the model has no real growth by sector"
        }
        (HistorySource::PopulationGrowth, Locale::Vi) => "tốc độ tăng dân số trung bình các năm đã qua",
        (HistorySource::PopulationGrowth, Locale::En) => "past growth of the average population",
        (HistorySource::Icor, Locale::Vi) => {
            "ICOR từng năm có kết quả = (vốn đầu tư ÷ GRDP giá hiện hành) ÷ tốc độ tăng"
        }
        (HistorySource::Icor, Locale::En) => {
            "the ICOR of each year with results = (investment ÷ nominal GRDP) ÷ growth"
        }
    };
    let (lo, hi) = (h.spread.low(), h.spread.high());
    let label = input_label(input, locale);
    match locale {
        Locale::Vi => format!(
            "{label}: khoảng từ {what} ({}): thấp nhất {}{unit}, cao nhất {}{unit}, khả dĩ nhất là trung bình {}{unit}.",
            years.join("; "),
            n(lo),
            n(hi),
            n(h.mean)
        ),
        Locale::En => format!(
            "{label}: range from {what} ({}): lowest {}{unit}, highest {}{unit}, likely the mean {}{unit}.",
            years.join("; "),
            n(lo),
            n(hi),
            n(h.mean)
        ),
    }
}

/// The label of a ranged workbench assumption.
pub fn year_label(year: i32, locale: Locale) -> String {
    match locale {
        Locale::Vi => format!("Giả định năm {year}"),
        Locale::En => format!("Assumption for {year}"),
    }
}

/// The label of a ranged chain input.
pub fn chain_key_label(key: &ChainKey, locale: Locale) -> String {
    match *key {
        ChainKey::Input(input, year) => format!("{} {year}", input_label(input, locale)),
        ChainKey::Growth(year) => match locale {
            Locale::Vi => format!("Tăng trưởng GRDP (%) {year}"),
            Locale::En => format!("GRDP growth (%) {year}"),
        },
    }
}

/// Where a spread from history comes from, with its numbers.
pub fn history_text(h: &HistorySpread, kind: PaceKind, locale: Locale) -> String {
    let n = |v: f64| format_number(v, locale, 2);
    let unit = if kind == PaceKind::Growth { "%" } else { "" };
    let years: Vec<String> = h
        .paces
        .iter()
        .map(|(y, p)| format!("{y}: {}{unit}", n(*p)))
        .collect();
    let (lo, hi) = (h.spread.low(), h.spread.high());
    match locale {
        Locale::Vi => format!(
            "Từ kết quả các năm đã qua ({}): thấp nhất {}{unit}, cao nhất {}{unit}, khả dĩ nhất là trung bình {}{unit}.",
            years.join("; "),
            n(lo),
            n(hi),
            n(h.mean)
        ),
        Locale::En => format!(
            "From the results of past years ({}): lowest {}{unit}, highest {}{unit}, likely the mean {}{unit}.",
            years.join("; "),
            n(lo),
            n(hi),
            n(h.mean)
        ),
    }
}

/// The fan chart's numbers.
#[derive(Clone, Debug, PartialEq)]
pub struct FanView {
    /// The starting point (the last result), when known.
    pub start: Option<(i32, f64)>,
    /// Percentiles by year.
    pub bands: Vec<Band>,
    /// Target: (year, low, high); low == high for a single value.
    pub target: Option<(i32, f64, f64)>,
}

impl FanView {
    /// The scale that fits the fan, the start and the target.
    pub fn scale(&self) -> Scale {
        let first = self
            .start
            .map(|(y, _)| y)
            .or(self.bands.first().map(|b| b.year))
            .unwrap_or(0);
        let last = self
            .bands
            .last()
            .map(|b| b.year)
            .or(self.target.map(|t| t.0))
            .unwrap_or(first);
        let mut lo = f64::INFINITY;
        let mut hi = f64::NEG_INFINITY;
        for v in self
            .bands
            .iter()
            .flat_map(|b| [b.p10, b.p90])
            .chain(self.start.map(|s| s.1))
            .chain(self.target.into_iter().flat_map(|t| [t.1, t.2]))
        {
            lo = lo.min(v);
            hi = hi.max(v);
        }
        if !(lo.is_finite() && hi.is_finite()) {
            (lo, hi) = (0.0, 1.0);
        }
        let pad = ((hi - lo).abs() * 0.08).max(hi.abs() * 0.01).max(1e-9);
        Scale {
            years: (first, last.max(first)),
            values: (lo - pad, hi + pad),
        }
    }

    fn points(&self, pick: impl Fn(&Band) -> f64) -> Vec<(i32, f64)> {
        self.start
            .into_iter()
            .chain(self.bands.iter().map(|b| (b.year, pick(b))))
            .collect()
    }

    /// The SVG `points` of the band from the 10th to the 90th percentile: along the
    /// 90th, then back along the 10th.
    pub fn band_points(&self, scale: &Scale) -> String {
        let mut pts = self.points(|b| b.p90);
        pts.extend(self.points(|b| b.p10).into_iter().rev());
        pts.iter()
            .map(|&(y, v)| format!("{:.1},{:.1}", scale.x(y), scale.y(v)))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The SVG `points` of the median line.
    pub fn median_points(&self, scale: &Scale) -> String {
        crate::present::chart::polyline(scale, &self.points(|b| b.p50))
    }
}

/// One bar of the inputs that matter.
#[derive(Clone, Debug, PartialEq)]
pub struct DriverBar {
    /// The input.
    pub label: String,
    /// "6,5 – 9,5: 18.000 – 19.200" (the range and the results at its ends).
    pub detail: String,
    /// The swing written out.
    pub swing: String,
    /// Its length as a share of the longest bar, in [0, 1].
    pub share: f64,
}

/// Everything the chance section shows.
#[derive(Clone, Debug, PartialEq)]
pub struct ChanceView {
    /// "Khả năng đạt mục tiêu năm 2025:".
    pub headline: String,
    /// "37,4%".
    pub percent: String,
    /// The count of runs and the seed.
    pub runs: String,
    /// The fan.
    pub fan: FanView,
    /// The fan as a table.
    pub table: Table,
    /// The fan in words.
    pub description: String,
    /// The inputs that matter, most first.
    pub bars: Vec<DriverBar>,
}

/// The fan as a table: year, 10th, 50th and 90th percentiles.
pub fn fan_table(bands: &[Band], locale: Locale) -> Table {
    let n = |v: f64| format_number(v, locale, 2);
    Table {
        header: [
            ChanceMsg::Year,
            ChanceMsg::P10,
            ChanceMsg::P50,
            ChanceMsg::P90,
        ]
        .into_iter()
        .map(|m| cht(m, locale).to_string())
        .collect(),
        rows: bands
            .iter()
            .map(|b| vec![b.year.to_string(), n(b.p10), n(b.p50), n(b.p90)])
            .collect(),
    }
}

/// The fan in words, for screen readers ("2025: 10% dưới 21.000, trung vị 22.000, 10%
/// trên 23.000").
pub fn fan_description(fan: &FanView, unit: &str, locale: Locale) -> String {
    let n = |v: f64| format_number(v, locale, 2);
    let years: Vec<String> = fan
        .bands
        .iter()
        .map(|b| match locale {
            Locale::Vi => format!(
                "{}: 10% số lần chạy dưới {}, trung vị {}, 10% trên {}",
                b.year,
                n(b.p10),
                n(b.p50),
                n(b.p90)
            ),
            Locale::En => format!(
                "{}: 10% of runs below {}, median {}, 10% above {}",
                b.year,
                n(b.p10),
                n(b.p50),
                n(b.p90)
            ),
        })
        .collect();
    let target = fan.target.map(|(y, lo, hi)| {
        let v = if lo == hi {
            n(lo)
        } else {
            format!("{}–{}", n(lo), n(hi))
        };
        match locale {
            Locale::Vi => format!(". Mục tiêu {y}: {v}"),
            Locale::En => format!(". Target {y}: {v}"),
        }
    });
    format!(
        "{}{}: {}{} ({unit}).",
        crate::present::chart::axes_sentence(unit, locale),
        cht(ChanceMsg::FanTitle, locale),
        years.join("; "),
        target.unwrap_or_default()
    )
}

/// The bars of the inputs that matter, most first, each as long as its swing.
pub fn driver_bars<K>(
    drivers: &[Driver<K>],
    label: impl Fn(&K) -> String,
    locale: Locale,
) -> Vec<DriverBar> {
    let n = |v: f64| format_number(v, locale, 2);
    let longest = drivers.iter().map(|d| d.swing).fold(0.0, f64::max);
    drivers
        .iter()
        .map(|d| {
            let ends = match (d.at_low, d.at_high) {
                (Some(l), Some(h)) => format!(": {} – {}", n(l), n(h)),
                _ => String::new(),
            };
            DriverBar {
                label: label(&d.input),
                detail: format!("{} – {}{ends}", n(d.spread.low()), n(d.spread.high())),
                swing: n(d.swing),
                share: if longest > 0.0 {
                    (d.swing / longest).clamp(0.0, 1.0)
                } else {
                    0.0
                },
            }
        })
        .collect()
}

/// The view of a chance; `start` is the last result the fan grows from.
pub fn chance_view<K>(
    c: &Chance<K>,
    start: Option<(i32, f64)>,
    unit: &str,
    label: impl Fn(&K) -> String,
    locale: Locale,
) -> ChanceView {
    let target = match c.rule.amount {
        Amount::Point(v) => (c.target_year, v, v),
        Amount::Range(lo, hi) => (c.target_year, lo.min(hi), lo.max(hi)),
    };
    let fan = FanView {
        start,
        bands: c.fan.clone(),
        target: Some(target),
    };
    ChanceView {
        headline: headline(c.target_year, locale),
        percent: percent_text(c.chance(), locale),
        runs: runs_text(c.runs, c.seed, c.failed, locale),
        table: fan_table(&c.fan, locale),
        description: fan_description(&fan, unit, locale),
        fan,
        bars: driver_bars(&c.drivers, label, locale),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Better, Comparator};
    use crate::core::plan::chance::{Settings, Spread};
    use crate::core::plan::rule::TargetRule;

    #[track_caller]
    fn text(got: String, expected: &str) {
        assert_eq!(got, expected);
    }

    fn sample() -> Chance<i32> {
        Chance {
            runs: 10_000,
            seed: 2025,
            reached: 3742,
            failed: 0,
            target_year: 2025,
            rule: TargetRule {
                amount: Amount::Point(24280.0),
                comparator: Some(Comparator::AtLeast),
                better: Better::Higher,
                approx: false,
            },
            likely: Some(24000.0),
            fan: vec![
                Band {
                    year: 2024,
                    p10: 20000.0,
                    p50: 20500.0,
                    p90: 21000.0,
                },
                Band {
                    year: 2025,
                    p10: 22000.0,
                    p50: 24000.0,
                    p90: 25000.5,
                },
            ],
            drivers: vec![
                Driver {
                    input: 2025,
                    spread: Spread::Triangular {
                        low: 6.5,
                        likely: 8.0,
                        high: 9.5,
                    },
                    at_low: Some(23000.0),
                    at_high: Some(25000.0),
                    swing: 2000.0,
                },
                Driver {
                    input: 2024,
                    spread: Spread::Triangular {
                        low: 7.0,
                        likely: 8.0,
                        high: 9.0,
                    },
                    at_low: Some(23500.0),
                    at_high: Some(24500.0),
                    swing: 1000.0,
                },
            ],
        }
    }

    #[test]
    fn percentages_runs_and_echoes_are_worded() {
        text(percent_text(0.3742, Locale::Vi), "37,4%");
        text(percent_text(1.0, Locale::En), "100%");
        text(
            runs_text(10_000, 2025, 0, Locale::Vi),
            "10.000 lần chạy, hạt giống 2025.",
        );
        text(runs_text(10_000, 7, 0, Locale::En), "10,000 runs, seed 7.");
        assert!(runs_text(100, 7, 3, Locale::En).contains("3 runs could not be computed"));
        text(range_echo("6,5", "9,5", Locale::Vi), "6,5 – 9,5");
        text(
            range_echo("9", "6", Locale::En),
            cht(ChanceMsg::BadRange, Locale::En),
        );
        text(
            range_echo("6", "", Locale::En),
            cht(ChanceMsg::BadRange, Locale::En),
        );
        text(range_echo(" ", "", Locale::En), "");
        assert_eq!(meaning_lines(Locale::Vi).len(), 3);
        assert_eq!(Settings::default().runs, 10_000);
    }

    #[test]
    fn the_view_has_the_fan_its_table_and_sorted_bars() {
        let v = chance_view(
            &sample(),
            Some((2023, 18938.78)),
            "tỷ đồng",
            |y| year_label(*y, Locale::Vi),
            Locale::Vi,
        );
        assert_eq!(v.percent, "37,4%");
        assert_eq!(v.headline, "Khả năng đạt mục tiêu năm 2025:");
        assert_eq!(
            v.table.header,
            vec!["Năm", "Phân vị 10", "Trung vị", "Phân vị 90"]
        );
        assert_eq!(
            v.table.rows[1],
            vec!["2025", "22.000", "24.000", "25.000,5"]
        );
        assert!(
            v.description
                .contains("2025: 10% số lần chạy dưới 22.000, trung vị 24.000, 10% trên 25.000,5"),
            "{}",
            v.description
        );
        assert!(
            v.description.ends_with("Mục tiêu 2025: 24.280 (tỷ đồng)."),
            "{}",
            v.description
        );
        assert!(
            v.description
                .starts_with("Trục ngang: năm; trục dọc: tỷ đồng. "),
            "{}",
            v.description
        );
        assert_eq!(v.bars.len(), 2);
        assert_eq!(v.bars[0].label, "Giả định năm 2025");
        assert_eq!((v.bars[0].share, v.bars[1].share), (1.0, 0.5));
        assert_eq!(v.bars[0].detail, "6,5 – 9,5: 23.000 – 25.000");
        // The band goes out along the 90th percentile and back along the 10th, from the start.
        let scale = v.fan.scale();
        assert_eq!(scale.years, (2023, 2025));
        assert_eq!(v.fan.band_points(&scale).split(' ').count(), 6);
        assert_eq!(v.fan.median_points(&scale).split(' ').count(), 3);
    }

    #[test]
    fn the_assumptions_table_gains_the_ranges() {
        let table = Table {
            header: vec!["Năm".into(), "Giả định".into(), "Hiểu là".into()],
            rows: vec![
                vec!["2024".into(), "10".into(), "= 10%".into()],
                vec!["2025".into(), String::new(), String::new()],
            ],
        };
        let ranges =
            std::collections::BTreeMap::from([(2025, ("6,5".to_string(), "9,5".to_string()))]);
        let t = assumptions_table_with_ranges(table, &ranges, Locale::Vi);
        assert_eq!(
            t.header[3..],
            [
                "Khoảng: thấp nhất".to_string(),
                "Khoảng: cao nhất".to_string()
            ]
        );
        assert_eq!(t.rows[0][3..], [String::new(), String::new()]);
        assert_eq!(t.rows[1][3..], ["6,5".to_string(), "9,5".to_string()]);
    }

    #[test]
    fn chain_keys_and_history_are_labelled() {
        use crate::core::plan::chain::ChainInput;
        text(
            chain_key_label(&ChainKey::Growth(2025), Locale::En),
            "GRDP growth (%) 2025",
        );
        text(
            chain_key_label(&ChainKey::Input(ChainInput::Icor, 2024), Locale::Vi),
            "Hệ số ICOR 2024",
        );
        let h = HistorySpread {
            spread: Spread::Triangular {
                low: 6.47,
                likely: 7.5,
                high: 9.47,
            },
            paces: vec![(2021, 6.47), (2022, 9.47), (2023, 6.56)],
            mean: 7.5,
        };
        text(
            history_text(&h, PaceKind::Growth, Locale::Vi),
            "Từ kết quả các năm đã qua (2021: 6,47%; 2022: 9,47%; 2023: 6,56%): thấp nhất 6,47%, cao nhất 9,47%, khả dĩ nhất là trung bình 7,5%.",
        );
    }

    #[test]
    fn quarter_ranges_links_and_chain_history_are_worded() {
        use crate::core::plan::chance::Spread;
        let id = quarter_range_id(Sector::IndustryConstruction, 4);
        assert_eq!(id, "quarter:growth:industry:4");
        assert_eq!(
            quarter_range_of(&id),
            Some((Sector::IndustryConstruction, 4))
        );
        assert_eq!(quarter_range_of("quarter:base:industry:4"), None);
        assert_eq!(quarter_range_of("grdp_constant:2025"), None);
        assert_eq!(
            quarter_headline(2026, 8.0, Locale::Vi),
            "Khả năng GRDP cả năm 2026 tăng từ 8% trở lên:"
        );
        assert_eq!(
            quarter_key_label(&(Sector::Services, 2), Locale::En),
            "Services, Q2"
        );
        assert!(link_problem_text(LinkProblem::BadRanges(2), Locale::Vi).contains(" 2 khoảng"));
        let h = HistorySpread {
            spread: Spread::triangular(4.0, 5.0, 7.0).expect("range"),
            paces: vec![(2022, 4.0), (2023, 7.0), (2024, 4.0)],
            mean: 5.0,
        };
        let text = chain_history_text(ChainInput::Icor, &h, HistorySource::Icor, Locale::En);
        assert!(
            text.contains("2023: 7;") && text.contains("highest 7,"),
            "{text}"
        );
    }
}
