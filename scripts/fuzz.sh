#!/usr/bin/env bash
# Fuzzes every parser of outside input (fuzz/fuzz_targets/*.rs) with cargo-fuzz, each for
# FUZZ_SECONDS (default 600: ten minutes) — about two hours for all twelve; FUZZ_TARGETS
# (names separated by spaces, default all) runs only those. Needs a
# nightly toolchain, which cannot be downloaded here: without one it says so and exits
# 0. Not part of scripts/test.sh. Prints one line per target and a summary; crashes are
# kept under fuzz/artifacts/<target>/.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PROJECT_ROOT"
SECONDS_EACH="${FUZZ_SECONDS:-600}"
if ! rustup toolchain list | grep -q '^nightly'; then
  echo "[fuzz] no nightly toolchain installed (rustup toolchain list); fuzzing skipped"
  exit 0
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  echo "[fuzz] installing cargo-fuzz (once)"
  cargo install cargo-fuzz --locked || { echo "[fuzz] cargo-fuzz could not be installed; fuzzing skipped"; exit 0; }
fi
# The fuzz crate has its own target directory (sanitizer builds differ from the app's).
export CARGO_TARGET_DIR="${FUZZ_TARGET_DIR:-$HOME/.cache/provincial-planner/fuzz-target}"
targets=$(sed -n 's/^name = "\([a-z_]*\)"$/\1/p' fuzz/Cargo.toml | grep -v '^provincial')
if [ -n "${FUZZ_TARGETS:-}" ]; then
  for t in $FUZZ_TARGETS; do
    echo "$targets" | grep -qx "$t" || { echo "[fuzz] no target named $t"; exit 1; }
  done
  targets="$FUZZ_TARGETS"
fi
# Build every target first, so a build failure is reported as one, not as a crash.
build_log="$(mktemp)"
if ! cargo +nightly fuzz build >"$build_log" 2>&1; then
  echo "[fuzz] the fuzz targets do not build (see $build_log)"
  tail -20 "$build_log"
  exit 1
fi
crashed=0
for t in $targets; do
  mkdir -p "fuzz/corpus/$t" "fuzz/artifacts/$t"
  log="$(mktemp)"
  if cargo +nightly fuzz run "$t" "fuzz/corpus/$t" -- -max_total_time="$SECONDS_EACH" \
      -artifact_prefix="fuzz/artifacts/$t/" >"$log" 2>&1; then
    runs=$(grep -ao 'Done [0-9]* runs' "$log" | tail -1 | grep -o '[0-9][0-9]*')
    echo "[fuzz] $t: ${runs:-?} runs in ${SECONDS_EACH}s, no crash"
  else
    crashed=$((crashed + 1))
    echo "[fuzz] $t: CRASH (see fuzz/artifacts/$t/ and $log)"
    tail -20 "$log"
  fi
done
echo "[fuzz] $(echo "$targets" | wc -w) targets, $crashed crashed"
[ "$crashed" -eq 0 ]
