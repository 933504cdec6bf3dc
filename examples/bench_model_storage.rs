//! Measures what a person's own models take in browser storage, to choose between
//! localStorage and IndexedDB (README "Own models: where they are kept"). Builds model
//! files of the sizes the app is made for, with realistic text (Vietnamese names and
//! quotes of typical length, ten years of results, estimates and plans, a term target):
//! 500 and 2,000 indicators. Prints one JSON object; run by `scripts/bench.sh`. The
//! figures are generated, not real, and say so in their names. With `BENCH_MODEL_DIR`
//! set it also writes the compact texts there (`model-500.json`, `model-2000.json`) for
//! `scripts/bench/model-store.mjs`, which stores them in real IndexedDB.

use std::time::Instant;

use provincial_planner::core::codec::compress::{base64url_encode, compress};
use provincial_planner::core::model::catalog::UNITS_JSON;
use provincial_planner::core::model::file::{
    read_model_file, write_model_file, ModelFile, SourceText,
};
use provincial_planner::core::model::raw::{
    RawDocument, RawFigure, RawGroup, RawIndicator, RawModel, RawSource, RawTerm, RawText,
};

fn text(s: &str) -> RawText {
    RawText {
        vi: s.to_string(),
        en: s.to_string(),
    }
}

/// A model file of `n` indicators, each with results, estimates and plans for ten
/// years (2021-2030) and a term target, every figure quoting a cell of the table.
fn model_file(n: usize) -> ModelFile {
    let groups: Vec<RawGroup> = (0..10)
        .map(|g| RawGroup {
            id: format!("g{g}"),
            name: text(&format!("Nhóm chỉ tiêu thử số {g}")),
        })
        .collect();
    let mut indicators = Vec::with_capacity(n);
    let mut figures = Vec::with_capacity(n * 31);
    for i in 0..n {
        let id = format!("chi_tieu_thu_nghiem_so_{i}");
        indicators.push(RawIndicator {
            id: id.clone(),
            name: text(&format!(
                "Chỉ tiêu thử nghiệm số {i} về phát triển kinh tế - xã hội của tỉnh"
            )),
            group: format!("g{}", i % 10),
            unit: "bn_vnd".into(),
            better: "higher".into(),
            target_kind: "level".into(),
            price_basis: None,
            additions: None,
        });
        for year in 2021..=2030 {
            for (kind, heading) in [("actual", "TH"), ("estimate", "Ước TH"), ("plan", "KH")] {
                let v = 1000.0 + i as f64 * 3.7 + f64::from(year - 2021) * 41.3;
                figures.push(RawFigure {
                    indicator: id.clone(),
                    kind: kind.into(),
                    measure: Some("level".into()),
                    period: year.to_string(),
                    value: Some(v),
                    range: None,
                    unit: None,
                    comparator: None,
                    approx: false,
                    price_basis: None,
                    basis: None,
                    variant: None,
                    note: None,
                    source: Some(RawSource {
                        doc: "table".into(),
                        quote: format!("{heading} {year}: {v:.2}"),
                    }),
                    derivation: None,
                });
            }
        }
        figures.push(RawFigure {
            indicator: id,
            kind: "term_target".into(),
            measure: Some("level".into()),
            period: "2030".into(),
            value: Some(5000.0),
            range: None,
            unit: None,
            comparator: Some("ge".into()),
            approx: false,
            price_basis: None,
            basis: None,
            variant: None,
            note: None,
            source: Some(RawSource {
                doc: "table".into(),
                quote: "Mục tiêu 2030: từ 5.000 trở lên".into(),
            }),
            derivation: None,
        });
    }
    let table: String = (0..n)
        .map(|i| format!("{i}\tChỉ tiêu thử nghiệm số {i}\ttỷ đồng\t1.000,00\t1.041,30\n"))
        .collect();
    ModelFile {
        app: "provincial-planner".into(),
        kind: "model".into(),
        schema_version: 1,
        model: RawModel {
            schema_version: 1,
            id: format!("thu-nghiem-{n}"),
            province: text("Tỉnh thử nghiệm"),
            term: RawTerm {
                first_year: 2026,
                last_year: 2030,
                base_year: 2025,
            },
            data_version: "2026-12-01".into(),
            gaps: Vec::new(),
            groups,
            documents: vec![RawDocument {
                id: "table".into(),
                kind: "table".into(),
                file: "bang-thu.xlsx".into(),
                title: text("bang-thu.xlsx"),
                issuer: "Tỉnh thử nghiệm".into(),
                number: None,
                date: Some("2026-12-01".into()),
                date_note: None,
                url: None,
            }],
        },
        units: Vec::new(),
        indicators,
        figures,
        sources: vec![SourceText {
            doc: "table".into(),
            name: "bang-thu.xlsx".into(),
            text: table,
        }],
    }
}

fn main() {
    let mut rows = Vec::new();
    for n in [500usize, 2000] {
        let file = model_file(n);
        let started = Instant::now();
        let json = write_model_file(&file).expect("finite numbers");
        let write_ms = started.elapsed().as_secs_f64() * 1e3;
        let started = Instant::now();
        let compressed = compress(json.as_bytes());
        let compress_ms = started.elapsed().as_secs_f64() * 1e3;
        let encoded = base64url_encode(&compressed);
        let started = Instant::now();
        read_model_file(json.as_bytes(), UNITS_JSON).expect("valid");
        let read_ms = started.elapsed().as_secs_f64() * 1e3;
        // localStorage counts UTF-16 code units of key and value; storage keeps the
        // compact form, exports the pretty one.
        let compact = serde_json::to_string(&file).expect("serialises");
        let utf16_units = compact.encode_utf16().count();
        if let Ok(dir) = std::env::var("BENCH_MODEL_DIR") {
            std::fs::write(format!("{dir}/model-{n}.json"), &compact).expect("writes the text");
        }
        rows.push(format!(
            r#"{{"indicators":{n},"figures":{},"pretty_json_bytes":{},"compact_json_bytes":{},"localstorage_utf16_units":{utf16_units},"compressed_base64_chars":{},"write_ms":{write_ms:.1},"compress_ms":{compress_ms:.1},"read_and_validate_ms":{read_ms:.1}}}"#,
            file.figures.len(),
            json.len(),
            compact.len(),
            encoded.len()
        ));
    }
    println!("{{\"model_storage\":[{}]}}", rows.join(","));
}
