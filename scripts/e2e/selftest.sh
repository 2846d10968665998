#!/usr/bin/env bash
# Proves the real-editor harness end to end with a throwaway stand-in extension (no real extension needed):
# setup -> stand-in + .vsix -> mocha suite inside the extension host -> UI smoke with screenshots.
# Usage: bash scripts/e2e/selftest.sh [SCREENSHOT_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
SHOTS=${1:-${TMPDIR:-/tmp}/shipshape-e2e-selftest-screenshots}
STANDIN=$(mktemp -d "${TMPDIR:-/tmp}/shipshape-e2e-standin-XXXXXX")
trap 'rm -rf "$STANDIN"' EXIT
t() { date +%s%N; }; ms() { echo $(( ($(t) - $1) / 1000000 )); }
t0=$(t); bash scripts/e2e/setup.sh >/dev/null; echo "[selftest] setup $(ms "$t0") ms"
t0=$(t); VSIX=$(node scripts/e2e/make-standin.mjs "$STANDIN"); echo "[selftest] stand-in packaged in $(ms "$t0") ms: $VSIX"
t0=$(t); node scripts/e2e/run-ext-tests.mjs --extension "$STANDIN" --tests test/e2e/standin/index.js; echo "[selftest] extension-host suite PASS in $(ms "$t0") ms"
t0=$(t); node scripts/e2e/run-ui-smoke.mjs --vsix "$VSIX" --file Dockerfile --rule image-latest-tag --fix "Replace latest" --screenshots "$SHOTS"; echo "[selftest] UI smoke PASS in $(ms "$t0") ms; screenshots in $SHOTS"
