#!/usr/bin/env bash
# End-to-end suites over the real site. Filled in by the citizens' issue
# (nginx, chromium, validator); for now: build the real site into a temp
# folder and crawl it for broken links with the Python checker.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
.build/release/planpress build --output "$out/site" >/dev/null
python3 tests/e2e/linkcheck.py "$out/site"
