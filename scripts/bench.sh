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
node scripts/bench/bench.mjs bench-results/engine.json bench-results/static-dashboard.html bench-results/seed-drafts.json
