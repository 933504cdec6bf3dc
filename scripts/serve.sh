#!/usr/bin/env bash
# Sets up, builds the release site and serves it locally; prints the address.
# Usage: scripts/serve.sh [--port 8080] [--prefix /quy-hoach/]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PROJECT_ROOT"
scripts/setup.sh
scripts/build.sh
exec node scripts/static-server.mjs --root dist "$@"
