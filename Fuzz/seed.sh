#!/usr/bin/env bash
# Writes the fuzzer's seed corpus into $1 from the fixtures and the shipped content:
# each seed is one selector byte (which loader, see LoaderFuzzing.loaders) and a file's text.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$1"
mkdir -p "$out"
n=0
seed() {   # seed SELECTOR FILE
    n=$((n + 1))
    { printf "\\x$(printf %02x "$1")"; cat "$2"; } > "$out/seed-$n"
}
while IFS= read -r f; do
    case "$f" in
        */plans/*/plan.yaml) seed 0 "$f" ;;
        */updates/*.md) seed 1 "$f" ;;
        */commentary/*.md) seed 2 "$f" ;;
        */reports/*.yaml) seed 3 "$f" ;;
        */executors/*.yaml) seed 4 "$f" ;;
        */site.yaml) seed 5 "$f" ;;
    esac
done < <(find Tests/Fixtures Content -type f \( -name '*.yaml' -o -name '*.md' \) -not -path '*/expected/*' | sort)
i=0
for term in "2025–2026" "IV квартал" "щороку" "до 31 грудня 2025 р." "протягом 2024–2026 років" "I півріччя"; do
    i=$((i + 1)); { printf '\x06'; printf '%s' "$term"; } > "$out/term-$i"
done
for amount in "1 234,5" "-" "10,0" "0,25" "12 345 678,901"; do
    i=$((i + 1)); { printf '\x07'; printf '%s' "$amount"; } > "$out/amount-$i"
done
# Word documents (`import plan`): each fixture whole (selector 8), and its document.xml alone (9), within -max_len.
python3 tests/e2e/word_fixtures.py "$out/.word" >/dev/null
for f in Tests/Fixtures/word/*.docx "$out"/.word/*.docx; do
    if [ "$(stat -c %s "$f")" -lt 65000 ]; then seed 8 "$f"; fi
    unzip -p "$f" word/document.xml | head -c 65000 > "$out/.document.xml"; seed 9 "$out/.document.xml"
done
rm -rf "$out/.word" "$out/.document.xml"
# Inputs that once crashed or hung a loader stay in the corpus (and in FuzzRegressionTests).
if [ -d Fuzz/crashes ]; then cp Fuzz/crashes/* "$out/" 2>/dev/null || true; fi
echo "$n files and $i terms/amounts seeded into $out"
