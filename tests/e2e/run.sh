#!/usr/bin/env bash
# End-to-end suites over the real site (pytest; see docs/accessibility.md):
# the site is built with --base-url http://127.0.0.1:PORT/plany/, served by
# Debian's nginx under /plany/, crawled over HTTP, validated with the Nu HTML
# Checker, and driven in headless Chromium (axe-core, keyboard, search).
# Installs what it needs when missing. Exits non-zero on any failure.
# Set UPDATE_SCREENSHOTS=1 to refresh docs/screenshots/ from the run.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PLANPRESS="${PLANPRESS:-$PWD/.build/release/planpress}"
axe=$(bash tests/e2e/setup.sh | tail -n 1)   # a plain assignment, so a failed set-up stops here
export AXE_JS="$axe"
# Open data (test_open_data.py) validates JSON with jsonschema: install it only when missing.
python3 -c "import jsonschema" 2>/dev/null || python3 -m pip install -q "jsonschema>=4.0" >&2
mkdir -p test-artifacts
exec python3 -m pytest tests/e2e -p no:cacheprovider -q -rfEs --junitxml=test-artifacts/e2e-junit.xml "$@"
