#!/usr/bin/env bash
# PlanPress vs Hugo on the same synthetic content, in one interleaved run (issue 19; docs/performance.md).
# Called by `make bench` after bench/run.py; `make bench-hugo` runs it alone.
# Installs Debian's hugo, cmark and GNU time when missing. Results: bench/results/hugo-compare/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
missing=""
command -v hugo >/dev/null 2>&1 || missing="$missing hugo"
command -v cmark >/dev/null 2>&1 || missing="$missing cmark"
[ -x /usr/bin/time ] || missing="$missing time"
if [ -n "$missing" ]; then
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing
fi
H=bench/hugo/hugo_vs_planpress.py
WORK="${HUGO_COMPARE_WORK:-$PWD/.build-bench/hugo}"
SIZES="${HUGO_COMPARE_SIZES:-5k,20k}"
PAIRS="${HUGO_COMPARE_PAIRS:-3}"
# A shared machine: wait at most 2 minutes for a quiet moment, then run anyway (flagged in the results).
COMMON=(--work "$WORK" --load-wait "${HUGO_COMPARE_LOAD_WAIT:-120}" --max-load "${HUGO_COMPARE_MAX_LOAD:-1.0}")
python3 "$H" setup --sizes "$SIZES" "${COMMON[@]}"
python3 "$H" full --sizes "$SIZES" --pairs "$PAIRS" "${COMMON[@]}"
python3 "$H" floor --sizes 20k --floor-reps 3 "${COMMON[@]}"
python3 "$H" report "${COMMON[@]}"
python3 "$H" clean "${COMMON[@]}"
