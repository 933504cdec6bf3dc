#!/usr/bin/env bash
# Builds the release site into dist/ (static files; works from any sub-path).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PROJECT_ROOT"
trunk build --release --offline "$@"
