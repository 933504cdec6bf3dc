//! Checks the shipped data against the documents they quote: every model loads, every
//! data file is listed in the catalog, every quote stands verbatim in its document
//! (after NFC normalisation and white-space folding), and every value is written in its
//! own quote. These are the checks a person would do figure by figure.

mod util;

use std::collections::{BTreeMap, BTreeSet};

use provincial_planner::core::model::catalog::{load_shipped, shipped_path, SHIPPED};
use provincial_planner::core::model::load::figure_key;
use provincial_planner::core::model::{Amount, DocumentKind, Model, Source};
use util::{fold_text, numbers_in, read_repo_file, repo_root};

fn models() -> Vec<Model> {
    let (models, rejected) = load_shipped();
    assert!(
        rejected.is_empty(),
        "shipped data failed validation: {rejected:#?}"
    );
    models
}

#[test]
fn every_shipped_model_loads_and_kon_tum_is_first() {
    let models = models();
    assert_eq!(models.len(), SHIPPED.len());
    assert_eq!(models[0].id, "kon-tum-2021-2025");
    assert!(
        models.len() >= 2,
        "the app must hold more than one province"
    );
    for m in &models {
        assert!(
            !m.indicators.is_empty() && !m.figures.is_empty(),
            "{}",
            m.id
        );
    }
}

/// The app fetches exactly these paths beside `index.html` (the build copies `data/models/`
/// there): each must be a file of the repository.
#[test]
fn every_file_the_app_fetches_exists() {
    for (folder, files) in SHIPPED {
        let paths = files.paths();
        assert_eq!(paths.len(), files.figures.len() + 2, "{folder}");
        for (_, relative) in paths {
            let path = repo_root().join(shipped_path(folder, &relative));
            assert!(path.is_file(), "{} is not a file", path.display());
        }
    }
}

#[test]
fn catalog_lists_every_data_file() {
    let models_dir = repo_root().join("data/models");
    let mut on_disk = BTreeSet::new();
    for entry in std::fs::read_dir(&models_dir).expect("data/models") {
        let folder = entry.expect("entry").path();
        let name = folder
            .file_name()
            .expect("name")
            .to_string_lossy()
            .to_string();
        for f in std::fs::read_dir(folder.join("figures")).expect("figures folder") {
            let file = f.expect("entry").file_name().to_string_lossy().to_string();
            on_disk.insert(format!("{name}/{file}"));
        }
    }
    let listed: BTreeSet<String> = SHIPPED
        .iter()
        .flat_map(|(folder, files)| files.figures.iter().map(move |n| format!("{folder}/{n}")))
        .collect();
    assert_eq!(
        on_disk, listed,
        "data/models and src/core/model/catalog.rs disagree"
    );
    for (folder, _) in SHIPPED {
        let model: serde_json::Value =
            serde_json::from_str(&read_repo_file(format!("data/models/{folder}/model.json")))
                .expect("model.json");
        assert_eq!(model["id"], *folder, "model id must equal its folder name");
    }
}

#[test]
fn every_quote_stands_in_its_document() {
    let mut sources: BTreeMap<String, String> = BTreeMap::new();
    let mut missing = Vec::new();
    for model in models() {
        for figure in &model.figures {
            let Source::Quote { doc, quote } = &figure.source else {
                continue;
            };
            let document = model.document(doc).expect("loader checked the reference");
            let text = sources.entry(document.file.clone()).or_insert_with(|| {
                fold_text(&read_repo_file(format!("data/sources/{}", document.file)))
            });
            let q = fold_text(quote);
            if q.chars().count() > 400 {
                missing.push(format!(
                    "{}: quote longer than 400 characters",
                    figure_key(figure)
                ));
            }
            if !text.contains(&q) {
                missing.push(format!("{} ({doc}): {q}", figure_key(figure)));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "{} quotes not found:\n{}",
        missing.len(),
        missing.join("\n")
    );
}

#[test]
fn every_value_is_written_in_its_own_quote() {
    let mut wrong = Vec::new();
    let mut checked = 0;
    for model in models() {
        for figure in &model.figures {
            let Source::Quote { doc, quote } = &figure.source else {
                continue;
            };
            let vietnamese = model.document(doc).expect("doc").kind == DocumentKind::Seed;
            let numbers = numbers_in(&fold_text(quote), vietnamese);
            let values = match figure.amount {
                Amount::Point(v) => vec![v],
                Amount::Range(lo, hi) => vec![lo, hi],
            };
            for v in values {
                checked += 1;
                // A fall is stored negative but written as a word ("giảm 8").
                if !numbers.iter().any(|n| (n - v.abs()).abs() < 1e-9) {
                    wrong.push(format!("{}: {v} not in {quote:?}", figure_key(figure)));
                }
            }
        }
    }
    assert!(checked > 600, "only {checked} values checked");
    assert!(
        wrong.is_empty(),
        "{} values not in their quotes:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn derived_figures_name_existing_inputs() {
    for model in models() {
        let keys: BTreeSet<String> = model.figures.iter().map(figure_key).collect();
        for figure in &model.figures {
            if let Source::Derived {
                formula,
                formula_vi,
                inputs,
            } = &figure.source
            {
                assert!(!formula.trim().is_empty(), "{}", figure_key(figure));
                // The Vietnamese interface reads the formula in Vietnamese (issue #17).
                let vi = formula_vi.as_deref().unwrap_or_default();
                assert!(
                    !vi.trim().is_empty(),
                    "{}: no formula_vi",
                    figure_key(figure)
                );
                for english in ["bn VND", "mn VND", "people", "growth", "share", "plan"] {
                    assert!(
                        !vi.contains(english),
                        "{}: formula_vi has '{english}': {vi}",
                        figure_key(figure)
                    );
                }
                assert!(!inputs.is_empty(), "{}", figure_key(figure));
                for input in inputs {
                    assert!(
                        keys.contains(input),
                        "{}: unknown input {input}",
                        figure_key(figure)
                    );
                }
            }
        }
    }
}

#[test]
fn source_copies_match_the_shared_seeds() {
    // data/sources holds verbatim copies of ../shared so the repository is self-contained;
    // where the shared folder is present (CI and developer machines) they must agree.
    let shared = repo_root().join("../shared");
    let pairs = [
        ("seeds/000_c4307274de79ab63.txt", "000_c4307274de79ab63.txt"),
        ("seeds/001_7a14bad6d89e6125.txt", "001_7a14bad6d89e6125.txt"),
        ("seeds/002_c823e4615e9b1f19.txt", "002_c823e4615e9b1f19.txt"),
        ("seeds/003_fda61611c0e909b0.txt", "003_fda61611c0e909b0.txt"),
        ("seeds/004_a8db17795d5bd9b8.txt", "004_a8db17795d5bd9b8.txt"),
        ("reference/public-figures.md", "public-figures.md"),
        (
            "reference/public-figures-2026-2030.md",
            "public-figures-2026-2030.md",
        ),
    ];
    for (shared_path, copy) in pairs {
        let ours = read_repo_file(format!("data/sources/{copy}"));
        assert!(!ours.is_empty(), "{copy} is empty");
        match std::fs::read_to_string(shared.join(shared_path)) {
            Ok(original) => assert_eq!(
                ours, original,
                "data/sources/{copy} differs from shared/{shared_path}"
            ),
            Err(_) => eprintln!("note: ../shared/{shared_path} not present; copy not compared"),
        }
    }
}

#[test]
fn every_document_is_cited_and_every_indicator_has_a_figure() {
    for model in models() {
        let cited: BTreeSet<&str> = model.figures.iter().filter_map(|f| f.doc_id()).collect();
        // Documents listed without a figure of their own, and why.
        let uncited_on_purpose = [
            "kt-000",              // the mid-term conclusion states no figure
            "pub-nvsk-2024-02-27", // second source of the 2030 row, named in its notes
        ];
        for d in &model.documents {
            assert!(
                cited.contains(d.id.as_str()) || uncited_on_purpose.contains(&d.id.as_str()),
                "{}: document {} is never cited",
                model.id,
                d.id
            );
        }
        for i in &model.indicators {
            assert!(
                model.figures_of(&i.id).next().is_some(),
                "{}: indicator {} has no figure",
                model.id,
                i.id
            );
        }
    }
}

#[test]
fn the_worked_example_inputs_are_in_the_data() {
    // The figures shared/domain.md's worked example starts from.
    let model = &models()[0];
    let value = |key: &str| {
        model
            .figures
            .iter()
            .find(|f| figure_key(f) == key)
            .map(|f| f.amount)
            .unwrap_or_else(|| panic!("missing {key}"))
    };
    assert_eq!(
        value("grdp_constant/2020/actual/level"),
        Amount::Point(15076.0)
    );
    assert_eq!(
        value("grdp_constant/2023/estimate/level"),
        Amount::Point(18938.78)
    );
    assert_eq!(
        value("grdp_constant/2021-2025/term_target/average_growth"),
        Amount::Point(10.0)
    );
    assert_eq!(
        value("ginseng_area/2025/term_target/level"),
        Amount::Point(4500.0)
    );
}

fn kon_tum() -> Model {
    models().into_iter().next().expect("kon tum")
}

#[test]
fn new_rural_communes_plan_is_not_made_up_from_the_additions_attainment() {
    use provincial_planner::core::plan::summary::{summarize, PlanValue};
    let model = kon_tum();
    let ind = model.indicator("new_rural_communes").expect("indicator");
    let s = summarize(&model, ind);
    // "có thêm 06 xã ..., đạt 100% kế hoạch": the 100 % is of the plan of 6 more
    // communes, so 42 ÷ 100 % = 42 is no plan for the count of communes.
    assert!(
        !matches!(s.plan, Some(PlanValue::FromAttainment { .. })),
        "{:?}",
        s.plan
    );
    let attainment = model
        .figures_of("new_rural_communes")
        .find(|f| f.measure == provincial_planner::core::model::Measure::Attainment)
        .expect("attainment");
    assert_eq!(attainment.variant.as_deref(), Some("additions_plan"));
}

#[test]
fn a_count_so_far_is_dated_to_the_report_not_the_year_end() {
    use provincial_planner::core::model::Period;
    let model = kon_tum();
    // "Đến nay toàn tỉnh đã có 42 xã" in a December 2023 report on eleven months.
    let so_far = model
        .figures_of("new_rural_communes")
        .find(|f| match &f.source {
            Source::Quote { quote, .. } => quote.starts_with("Đến nay"),
            Source::Derived { .. } => false,
        })
        .expect("so-far figure");
    assert_eq!(so_far.period, Period::YearToDate(2023, 11));
    // The year-end figure is derived: 42 + 6 = 48.
    let year_end = model
        .figures_of("new_rural_communes")
        .find(|f| {
            f.period == Period::Year(2023)
                && f.kind == provincial_planner::core::model::FigureKind::Derived
        })
        .expect("year-end");
    assert_eq!(year_end.amount, Amount::Point(48.0));
}

#[test]
fn the_congress_wording_outranks_a_later_paraphrase() {
    use provincial_planner::core::model::Comparator;
    use provincial_planner::core::plan::summary::summarize;
    let model = kon_tum();
    let ind = model.indicator("grdp_constant").expect("indicator");
    // "từ 10%/năm trở lên" (≥) from the Congress coverage, not "trên 10%/năm" (>).
    let target = summarize(&model, ind).term_target.expect("target");
    assert_eq!(target.comparator, Some(Comparator::AtLeast));
    let paraphrase = model
        .figures_of("grdp_constant")
        .find(|f| f.doc_id() == Some("pub-skhcn-2022-12-01") && f.period.end_year() == 2025)
        .expect("paraphrase");
    assert_eq!(paraphrase.variant.as_deref(), Some("paraphrase"));
}

#[test]
fn tourist_visits_are_compared_in_visits() {
    use provincial_planner::core::plan::assessment::{level_value, yearly_levels};
    let model = kon_tum();
    // 2.3 million visits (2024 estimate) against the 2024 plan of 1,700,000 visits:
    // 2,300,000 ÷ 1,700,000 = 135 % of the plan, not 2.3 ÷ 1,700,000.
    let levels = yearly_levels(&model, "tourist_visits");
    let v2024 = levels.get(&2024).map(|f| level_value(&model, f));
    assert_eq!(v2024, Some(2_300_000.0));
}

#[test]
fn about_4500_ha_of_ginseng_is_approximate() {
    use provincial_planner::core::plan::assessment::{assess, Assumptions};
    let model = kon_tum();
    let a = assess(&model, "ginseng_area", &Assumptions::default());
    let rule = a.rule.expect("rule");
    assert!(rule.approx);
    // 1 % short of 4,500 is 4,455 ha: still "khoảng 4.500"; 4,400 is not.
    assert!(rule.meets(4455.0));
    assert!(!rule.meets(4400.0));
}

#[test]
fn structure_shares_2023_are_derived_from_value_added() {
    use provincial_planner::core::model::{FigureKind, Period};
    let model = kon_tum();
    // Nominal GRDP 2023 = 58.42 mn VND × 568,780 × (601,000 ÷ 568,780)^(2/3) ÷ 1000
    // = 58.42 × 590,062 ÷ 1000 = 34,471.4 bn VND; shares: 6,623.27 ÷ 34,471.4 = 19.21 %,
    // 11,182.13 ÷ 34,471.4 = 32.44 %, 13,962 ÷ 34,471.4 = 40.50 %.
    for (id, want) in [
        ("structure_agriculture", 19.21),
        ("structure_industry_construction", 32.44),
        ("structure_services", 40.50),
    ] {
        let f = model
            .figures_of(id)
            .find(|f| f.period == Period::Year(2023) && f.kind == FigureKind::Derived)
            .expect(id);
        assert_eq!(f.amount, Amount::Point(want), "{id}");
    }
}

#[test]
fn gdp_per_capita_figures_carry_their_statistical_basis() {
    use provincial_planner::core::model::{FigureKind, Period, StatBasis};
    let model = kon_tum();
    let basis_of = |id: &str, year: i32, kind: FigureKind| {
        model
            .figures_of(id)
            .find(|f| f.period == Period::Year(year) && f.kind == kind)
            .map(|f| f.basis)
    };
    // The article of 07-12-2020 (41.27 for 2019, 46.58 estimated for 2020) and the
    // conclusion of 14-01-2021 ("trên 45 triệu") come from before the revision:
    // 24,003 ÷ 46.58 would be 515,307 people in 2020, 9.4 % fewer than 568,780 in 2021.
    assert_eq!(
        basis_of("grdp_per_capita", 2019, FigureKind::Actual),
        Some(Some(StatBasis::PreRevision))
    );
    assert_eq!(
        basis_of("grdp_per_capita", 2020, FigureKind::Estimate),
        Some(Some(StatBasis::PreRevision))
    );
    assert_eq!(
        basis_of("grdp_per_capita", 2020, FigureKind::Actual),
        Some(Some(StatBasis::PreRevision))
    );
    for (id, year) in [
        ("grdp_current", 2020),
        ("grdp_current", 2021),
        ("average_population", 2021),
    ] {
        assert_eq!(
            basis_of(id, year, FigureKind::Actual),
            Some(Some(StatBasis::Revised)),
            "{id} {year}"
        );
    }
    // A figure whose source says nothing has no basis.
    assert_eq!(
        basis_of("grdp_per_capita", 2022, FigureKind::Actual),
        Some(None)
    );
}

#[test]
fn gdp_per_capita_2021_is_derived_from_the_revised_series() {
    use provincial_planner::core::model::{FigureKind, Period, StatBasis};
    let model = kon_tum();
    // 26,698.59 bn VND ÷ 568,780 people × 1000 = 46.9401 mn VND, stored as 46.94.
    let f = model
        .figures_of("grdp_per_capita")
        .find(|f| f.period == Period::Year(2021) && f.kind == FigureKind::Derived)
        .expect("2021 per capita");
    assert_eq!(f.amount, Amount::Point(46.94));
    assert_eq!(f.basis, Some(StatBasis::Revised));
    let Source::Derived {
        formula, inputs, ..
    } = &f.source
    else {
        panic!("derived")
    };
    assert!(formula.contains("26,698.59") && formula.contains("568,780"));
    assert_eq!(
        inputs,
        &vec![
            "grdp_current/2021/actual/level".to_string(),
            "average_population/2021/actual/level".to_string()
        ]
    );
    // No 2020 population is in the data: the revised 2020 level is not made up.
    assert!(model
        .figures_of("average_population")
        .all(|f| f.period != Period::Year(2020)));
    assert!(model
        .figures_of("grdp_per_capita")
        .filter(|f| f.period == Period::Year(2020))
        .all(|f| f.basis == Some(StatBasis::PreRevision)));
}

fn quang_ngai() -> Model {
    models()
        .into_iter()
        .find(|m| m.id == "quang-ngai-2026-2030-cong-khai")
        .expect("the merged Quảng Ngãi model is shipped")
}

#[test]
fn quang_ngai_2026_2030_holds_the_term_targets_of_the_public_pages() {
    use provincial_planner::core::model::Comparator;
    use provincial_planner::core::plan::assessment::term_target;
    let model = quang_ngai();
    assert_eq!(
        (
            model.term.first_year,
            model.term.last_year,
            model.term.base_year
        ),
        (2026, 2030, 2025)
    );
    // (indicator, amount, comparator) as the reference table writes them.
    let want: [(&str, Amount, Option<Comparator>); 12] = [
        (
            "grdp_constant",
            Amount::Point(10.0),
            Some(Comparator::MoreThan),
        ),
        ("grdp_per_capita", Amount::Range(6900.0, 7000.0), None),
        (
            "structure_industry_services",
            Amount::Range(75.0, 76.0),
            None,
        ),
        (
            "structure_industry_construction",
            Amount::Range(44.0, 45.0),
            None,
        ),
        ("structure_services", Amount::Range(31.0, 32.0), None),
        ("va_services", Amount::Range(11.0, 12.0), None),
        (
            "total_social_investment",
            Amount::Point(560_000.0),
            Some(Comparator::AtLeast),
        ),
        ("labour_productivity", Amount::Range(8.5, 9.5), None),
        (
            "urbanisation_rate",
            Amount::Point(38.0),
            Some(Comparator::MoreThan),
        ),
        (
            "digital_economy_share",
            Amount::Point(30.0),
            Some(Comparator::AtLeast),
        ),
        ("income_per_capita", Amount::Range(9.0, 10.0), None),
        (
            "agricultural_labour_share",
            Amount::Point(38.7),
            Some(Comparator::LessThan),
        ),
    ];
    for (id, amount, comparator) in want {
        let t = term_target(&model, id).unwrap_or_else(|| panic!("{id}: no term target"));
        assert_eq!((t.amount, t.comparator), (amount, comparator), "{id}");
    }
    let certified = term_target(&model, "trained_labour_certified_rate").expect("certified");
    assert_eq!(certified.amount, Amount::Point(30.6));
    // The per-capita target is in USD, the results in million VND.
    let per_capita = term_target(&model, "grdp_per_capita").expect("per capita");
    assert_eq!(per_capita.unit, "usd");
    assert!(per_capita.approx, "khoảng 6.900 - 7.000 USD");
}

#[test]
fn quang_ngai_2025_vintages_pick_the_statistics_and_the_political_report() {
    use provincial_planner::core::model::{FigureKind, Measure, Period};
    use provincial_planner::core::plan::assessment::{level_value, yearly_levels};
    use provincial_planner::core::plan::summary::compare_vintages;
    let model = quang_ngai();
    // 2025 growth: 10.02 % (statistics, 05-01-2026) beats 10.59 % (estimate, 25-11-2025).
    let growth: Vec<_> = model
        .figures_of("grdp_constant")
        .filter(|f| {
            f.period == Period::Year(2025) && f.measure == Measure::Growth && f.kind.is_result()
        })
        .collect();
    assert_eq!(growth.len(), 2);
    let best = growth
        .iter()
        .copied()
        .max_by(|a, b| compare_vintages(&model, a, b))
        .expect("best");
    assert_eq!(
        (best.amount, best.kind),
        (Amount::Point(10.02), FigureKind::Actual)
    );
    // Current-price GRDP 2025: the political report's 188,701 over "nearly 192,000".
    let current = yearly_levels(&model, "grdp_current");
    assert_eq!(
        current.get(&2025).map(|f| level_value(&model, f)),
        Some(188_701.0)
    );
    assert_eq!(
        model
            .figures_of("grdp_current")
            .filter(|f| f.period == Period::Year(2025))
            .count(),
        2,
        "both vintages are kept"
    );
    // The 2025 base of the average-growth target and the per-capita result.
    let constant = yearly_levels(&model, "grdp_constant");
    assert_eq!(
        constant.get(&2025).map(|f| level_value(&model, f)),
        Some(92_340.0)
    );
    let per_capita = yearly_levels(&model, "grdp_per_capita");
    assert_eq!(
        per_capita.get(&2025).map(|f| level_value(&model, f)),
        Some(102.0)
    );
    // The 2026 budget estimate: 22,824 domestic + 10,800 import-export = 33,624.
    let plan = |id: &str| {
        model
            .figures_of(id)
            .find(|f| f.kind == FigureKind::Plan && f.period == Period::Year(2026))
            .map(|f| f.amount.central())
            .unwrap_or(f64::NAN)
    };
    assert_eq!(
        plan("budget_revenue_domestic") + plan("budget_revenue_import_export"),
        plan("budget_revenue")
    );
    assert_eq!(plan("budget_revenue"), 33_624.0);
}

#[test]
fn quang_ngai_says_what_the_public_pages_lack() {
    let model = quang_ngai();
    let all: String = model.gaps.iter().map(|g| g.en.clone()).collect();
    for what in [
        "annexes",
        "budget revenue over 2026-2030",
        "Forest cover",
        "New-rural",
        "Crop areas",
        "exchange rate",
    ] {
        assert!(all.contains(what), "gaps do not name {what}");
    }
    assert!(model.gaps.iter().all(|g| !g.vi.is_empty()));
}

#[test]
fn merged_province_figures_say_so() {
    let model = quang_ngai();
    // The 2021-2025 figures of Kon Tum and the old Quảng Ngãi together are not Kon Tum's.
    let merged = model
        .figures
        .iter()
        .filter(|f| f.period.to_string() == "2021-2025")
        .collect::<Vec<_>>();
    assert_eq!(merged.len(), 2);
    for f in merged {
        let note = f.note.as_ref().expect("note");
        assert!(note.en.contains("not a Kon Tum figure") || note.en.contains("together"));
    }
}

#[test]
fn kon_tum_2025_figures_of_the_merged_province_are_not_kon_tums() {
    use provincial_planner::core::plan::assessment::yearly_levels;
    let model = kon_tum();
    let merged: Vec<_> = model
        .figures
        .iter()
        .filter(|f| f.variant.as_deref() == Some("merged_province"))
        .collect();
    // 10.02 % growth in 2025, 7.30 % a year over 2021-2025, 170,204 bn VND of revenue.
    let values: Vec<f64> = merged.iter().map(|f| f.amount.central()).collect();
    assert_eq!(values, vec![10.02, 7.30, 170_204.0]);
    for f in &merged {
        assert!(f
            .note
            .as_ref()
            .is_some_and(|n| n.en.contains("not Kon Tum's alone")));
    }
    // A variant is never a Kon Tum result: no 2025 level appears.
    assert!(!yearly_levels(&model, "grdp_constant").contains_key(&2025));
}
