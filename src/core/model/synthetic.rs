//! A synthetic target model and synthetic drafts, made by a generator so that speed can
//! be measured on a model far larger than any province's (2,000 indicators) without
//! shipping one. Used by the benchmarks (`examples/bench_engine.rs`, and the browser
//! build with the `bench-synthetic` feature); the figures are made up and say so (the
//! province is "Tỉnh thử", the document "none"). Pure.

use crate::core::draft::record::{Draft, Entry, ModelRef};

/// A synthetic model: `n` indicators in 10 groups, each with yearly results 2020-2023,
/// plans for 2023-2025 and a term target of the kind its position picks.
pub fn synthetic_model(n: usize) -> (String, String) {
    let groups: Vec<String> = (0..10)
        .map(|g| format!(r#"{{"id":"g{g}","name":{{"vi":"Nhóm {g}","en":"Group {g}"}}}}"#))
        .collect();
    let model = format!(
        r#"{{"schema_version":1,"id":"synthetic-{n}","province":{{"vi":"Tỉnh thử","en":"Test province"}},"term":{{"first_year":2021,"last_year":2025,"base_year":2020}},"data_version":"bench","groups":[{}],"documents":[{{"id":"d","kind":"seed","file":"none","title":{{"vi":"t","en":"t"}},"issuer":"x","date":"2024-01-01"}}]}}"#,
        groups.join(",")
    );
    let mut indicators = Vec::with_capacity(n);
    let mut figures = Vec::with_capacity(n * 8);
    for i in 0..n {
        let kind = match i % 4 {
            0 => "level",
            1 => "average_growth",
            2 => "stock",
            _ => "share",
        };
        let unit = if kind == "share" { "percent" } else { "bn_vnd" };
        indicators.push(format!(
            r#"{{"id":"i{i}","name":{{"vi":"Chỉ tiêu {i}","en":"Indicator {i}"}},"group":"g{}","unit":"{unit}","better":"higher","target_kind":"{kind}"}}"#,
            i % 10
        ));
        let base = 100.0 + f64::from(u32::try_from(i % 97).unwrap_or(0));
        for (k, year) in (2020..=2023).enumerate() {
            let v = base * (1.0 + 0.05 * f64::from(u32::try_from(k).unwrap_or(0)));
            figures.push(format!(
                r#"{{"indicator":"i{i}","kind":"actual","period":"{year}","value":{v},"source":{{"doc":"d","quote":"q"}}}}"#
            ));
        }
        for year in 2023..=2025 {
            figures.push(format!(
                r#"{{"indicator":"i{i}","kind":"plan","period":"{year}","value":{},"source":{{"doc":"d","quote":"q"}}}}"#,
                base * 1.3
            ));
        }
        let target = if kind == "average_growth" {
            r#""measure":"average_growth","period":"2021-2025","value":8"#.to_string()
        } else {
            format!(r#""period":"2025","value":{}"#, base * 1.5)
        };
        figures.push(format!(
            r#"{{"indicator":"i{i}","kind":"term_target",{target},"source":{{"doc":"d","quote":"q"}}}}"#
        ));
    }
    let fragment = format!(
        r#"{{"indicators":[{}],"figures":[{}]}}"#,
        indicators.join(","),
        figures.join(",")
    );
    (model, fragment)
}

/// `count` drafts of `model` (id, province, term 2021-2025), each with `inputs`
/// assumptions on the indicators `indicators` (cycled) for 2024 and 2025, and a note.
pub fn synthetic_drafts(
    model: &str,
    indicators: &[String],
    count: usize,
    inputs: usize,
) -> Vec<Draft> {
    (0..count)
        .map(|d| {
            let mut draft = Draft {
                id: format!("bench-{d}"),
                name: format!("Kịch bản thử {d}"),
                note: "Bản nháp tạo để đo tốc độ (benchmark).".into(),
                model: ModelRef {
                    id: model.into(),
                    province: "Tỉnh thử".into(),
                    first_year: 2021,
                    last_year: 2025,
                    data_version: "bench".into(),
                },
                created_ms: 1_795_000_000_000,
                changed_ms: 1_795_000_000_000 + i64::try_from(d).unwrap_or(0),
                revision: 1,
                ..Draft::default()
            };
            for k in 0..inputs {
                let Some(id) = indicators.get((d + k) % indicators.len().max(1)) else {
                    continue;
                };
                let year = if k % 2 == 0 { 2024 } else { 2025 };
                let value = 5.0 + f64::from(u32::try_from((d + k) % 10).unwrap_or(0)) / 2.0;
                draft.overrides.scenario.insert(
                    (id.clone(), year),
                    Entry {
                        text: value.to_string().replace('.', ","),
                        value: Some(value),
                    },
                );
            }
            draft
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::catalog::UNITS_JSON;
    use crate::core::model::load::{load_model, ModelFiles};

    #[test]
    fn the_synthetic_model_loads_and_drafts_refer_to_it() {
        let (model, fragment) = synthetic_model(40);
        let m = load_model(
            UNITS_JSON,
            ModelFiles {
                model: &model,
                fragments: &[("synthetic", &fragment)],
            },
        )
        .unwrap();
        assert_eq!(m.indicators.len(), 40);
        let ids: Vec<String> = m.indicators.iter().map(|i| i.id.clone()).collect();
        let drafts = synthetic_drafts(&m.id, &ids, 3, 4);
        assert_eq!(drafts.len(), 3);
        assert!(drafts.iter().all(|d| d.overrides.scenario.len() == 4));
    }
}
