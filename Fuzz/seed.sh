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
# They are made with python-docx (and PyYAML), installed here when missing: `make fuzz` runs before the
# end-to-end set-up that installs them too (tests/e2e/setup.sh).
python3 -c "import docx, yaml" 2>/dev/null || python3 -m pip install -q python-docx PyYAML >&2
python3 tests/e2e/word_fixtures.py "$out/.word" >/dev/null
for f in Tests/Fixtures/word/*.docx "$out"/.word/*.docx; do
    if [ "$(stat -c %s "$f")" -lt 65000 ]; then seed 8 "$f"; fi
    # Through a file: `unzip | head -c` ends unzip with SIGPIPE, which pipefail makes an error.
    unzip -p "$f" word/document.xml > "$out/.full.xml"
    head -c 65000 "$out/.full.xml" > "$out/.document.xml"; seed 9 "$out/.document.xml"
done
rm -rf "$out/.word" "$out/.document.xml" "$out/.full.xml"
# Workbooks (`import report`): a small filled report whole (selector 10) and its sheet alone (11).
python3 - "$out" <<'PY'
import sys, zipfile, io
out = sys.argv[1]
sheet = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
         '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Статус</t></is></c></row>'
         '<row r="2"><c r="A2" t="inlineStr"><is><t>1.1</t></is></c><c r="B2" t="s"><v>1</v></c><c r="C2"><f>1+1</f></c>'
         '<c r="D2"><v>2026</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="B2:B3"/></mergeCells></worksheet>')
strings = ('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Захід</t></si>'
           '<si><r><t>виконано</t></r><rPh><t>x</t></rPh></si></sst>')
workbook = ('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="Звіт" sheetId="1" r:id="rId1"/></sheets></workbook>')
rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
        'Target="worksheets/sheet1.xml"/></Relationships>')
buffer = io.BytesIO()
with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
    for name, text in [("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", rels),
                       ("xl/sharedStrings.xml", strings), ("xl/worksheets/sheet1.xml", sheet)]:
        z.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), text)
open(out + "/xlsx-workbook", "wb").write(b"\x0a" + buffer.getvalue())
open(out + "/xlsx-sheet", "wb").write(b"\x0b" + sheet.encode())
PY
# Inputs that once crashed or hung a loader stay in the corpus (and in FuzzRegressionTests).
if [ -d Fuzz/crashes ]; then cp Fuzz/crashes/* "$out/" 2>/dev/null || true; fi
echo "$n files and $i terms/amounts seeded into $out"
