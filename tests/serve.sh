#!/usr/bin/env bash
# Builds the atlas (release) and serves it on http://127.0.0.1:8080, rebuilding on change.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$ROOT/tests/setup.sh"
cd "$ROOT"
exec trunk serve --release
