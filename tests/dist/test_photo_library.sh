#!/usr/bin/env bash
# libvips is loaded only when a photo is converted (Sources/CVips): the binary does not
# link it, a site with a photo builds with it, and where it is missing the build stops
# with a message naming the file, its line and column and the package to install,
# leaving the previous output as it was. Usage: test_photo_library.sh BINARY
set -euo pipefail
binary=$(realpath "$1")
cd "$(dirname "$0")/../.."
work=$(mktemp -d /tmp/planpress-photo-library.XXXXXX)
trap 'rm -rf "$work"' EXIT
if ldd "$binary" | grep -E 'libvips|libglib|libgobject'; then
  echo "the binary links libvips or glib: they should load only for photos"; exit 1
fi
cp -r Content "$work/Content"
mkdir -p "$work/Content/updates/images"
# Any real picture will do: one of the documentation's screenshots.
cp docs/screenshots/editor-index.png "$work/Content/updates/images/rada.png"
cat > "$work/Content/updates/zasidannia-z-svitlynoiu.md" <<'MD'
---
title: "Тестове оновлення зі світлиною"
date: 2026-06-01
cover:
  image: updates/images/rada.png
  alt: "Тестова світлина"
---
Текст тестового оновлення.
MD
# With libvips: the cover's sizes are written.
"$binary" build --content "$work/Content" --templates Templates --output "$work/Public" > "$work/with.log" 2>&1 \
  || { cat "$work/with.log"; exit 1; }
ls "$work/Public/updates/zasidannia-z-svitlynoiu/" | grep -q '^cover\.480\.webp$' \
  || { ls -R "$work/Public/updates/zasidannia-z-svitlynoiu/"; echo "no converted cover"; exit 1; }
before=$(cd "$work/Public" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum)
# A machine without libvips (even with the conversion cached): the build fails, says what
# to install, and leaves the last good site as it was.
if PLANPRESS_LIBVIPS=/nonexistent/libvips.so.42 "$binary" build --content "$work/Content" --templates Templates \
     --output "$work/Public" > "$work/missing.log" 2>&1; then
  cat "$work/missing.log"; echo "the build passed without libvips"; exit 1
fi
grep -q "zasidannia-z-svitlynoiu.md:5:" "$work/missing.log" || { cat "$work/missing.log"; echo "no file:line:column"; exit 1; }
grep -q "sudo apt-get install libvips42" "$work/missing.log" || { cat "$work/missing.log"; echo "no install hint"; exit 1; }
grep -q "/nonexistent/libvips.so.42" "$work/missing.log" || { cat "$work/missing.log"; echo "no loader detail"; exit 1; }
after=$(cd "$work/Public" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum)
[ "$before" = "$after" ] || { echo "the failed build changed the output folder"; exit 1; }
echo "photo library: not linked, loaded for a photo, a clear error where it is missing"
