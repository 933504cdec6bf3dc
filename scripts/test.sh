#!/usr/bin/env bash
# Sets up and runs every test: formatting, lints (host and wasm), host unit and
# integration tests, wasm tests in headless Chromium, then the release build and the
# end-to-end tests against it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PROJECT_ROOT"
scripts/setup.sh

step() { printf '\n== %s\n' "$*"; }

step "rustfmt"
cargo fmt --all -- --check
step "clippy (host)"
cargo clippy --all-targets -- -D warnings
step "clippy (wasm32)"
cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings
step "wasm tests in headless Chromium (wasm-bindgen-test)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test --target wasm32-unknown-unknown --test web
step "host tests (cargo test)"
cargo test
step "release build (trunk)"
scripts/build.sh
step "size budgets (first load, whole app)"
node scripts/size-budget.mjs
step "end-to-end tests (Playwright + node --test)"
node --test --test-concurrency=1 --test-force-exit --test-timeout=300000 tests/e2e/
