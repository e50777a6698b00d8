#!/usr/bin/env bash
# Packs dist/NAME.tar.gz: the binary, the default Templates/, README.txt and TEMPLATES.md (the names
# each page's template may print, docs/templates.md).
# Deterministic: sorted names, fixed owner and time (the commit's), gzip without a name or time.
set -euo pipefail
binary="$1"; name="$2"
cd "$(dirname "$0")/.."
stage="dist/$name"
rm -rf "$stage" "dist/$name.tar.gz"
mkdir -p "$stage"
cp "$binary" "$stage/planpress"
strip "$stage/planpress" 2>/dev/null || true
cp -r Templates "$stage/Templates"
cp tools/dist-README.txt "$stage/README.txt"
cp docs/templates.md "$stage/TEMPLATES.md"
# What the binary still needs from the system (libcmark, libvips and what they pull in).
ldd "$stage/planpress" | awk '{print $1}' | sort > "dist/$name.libraries.txt"
when=$(git log -1 --format=%ct 2>/dev/null || echo 0)
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$when" -C dist -cf - "$name" | gzip -n -9 > "dist/$name.tar.gz"
rm -rf "$stage"
echo "dist/$name.tar.gz ($(du -h "dist/$name.tar.gz" | cut -f1)); system libraries in dist/$name.libraries.txt"
