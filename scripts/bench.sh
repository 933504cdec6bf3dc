#!/usr/bin/env bash
# Builds the release and measures size, load, recompute, memory and the engine.
# Prints a table and writes bench-results/latest.json (and latest.md).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PROJECT_ROOT"
scripts/setup.sh
scripts/build.sh
# A second build with a synthetic model of 2,000 indicators, for the recompute target
# on a large model (never deployed: dist-bench/ is for this benchmark only).
trunk build --release --offline --features bench-synthetic --dist dist-bench
mkdir -p bench-results
cargo run --quiet --release --example bench_engine > bench-results/engine.json
cargo run --quiet --release --example static_dashboard > bench-results/static-dashboard.html
cargo run --quiet --release --example bench_seed_drafts > bench-results/seed-drafts.json
# The chance of reaching a target: 10,000 runs of the workbench projection and of the
# growth chain (Kon Tum), and of the workbench on the 2,000-indicator synthetic model.
cargo run --quiet --release --example bench_chance > bench-results/chance.json
# What a person's own models take in browser storage (chooses localStorage or IndexedDB);
# it also writes the model files of 500 and 2,000 indicators the browser runs below use.
BENCH_MODEL_DIR=bench-results cargo run --quiet --release --example bench_model_storage > bench-results/model-storage.json
node scripts/bench/bench.mjs bench-results/engine.json bench-results/static-dashboard.html bench-results/seed-drafts.json bench-results
node -e '
const rows = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).model_storage;
console.log("\n| Own model | Figures | JSON compact | localStorage units | LZ77+base64 | Compress | Read+validate |");
console.log("|---|---|---|---|---|---|---|");
for (const r of rows) console.log(`| ${r.indicators} indicators | ${r.figures} | ${(r.compact_json_bytes/1e6).toFixed(1)} MB | ${(r.localstorage_utf16_units/1e6).toFixed(1)} M | ${(r.compressed_base64_chars/1e6).toFixed(2)} M | ${r.compress_ms} ms | ${r.read_and_validate_ms} ms |`);
' bench-results/model-storage.json
# The same models in real IndexedDB in headless Chromium: write, start-up read, usage.
node scripts/bench/model-store.mjs bench-results
echo
echo "Chance, 10,000 runs (host, ms): $(cat bench-results/chance.json)"
