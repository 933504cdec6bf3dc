#!/usr/bin/env bash
# Builds the release and measures size, load, recompute, memory and the engine.
# Prints a table and writes bench-results/latest.json (and latest.md).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PROJECT_ROOT"
scripts/setup.sh
scripts/build.sh
mkdir -p bench-results
cargo run --quiet --release --example bench_engine > bench-results/engine.json
cargo run --quiet --release --example static_dashboard > bench-results/static-dashboard.html
node scripts/bench/bench.mjs bench-results/engine.json bench-results/static-dashboard.html
