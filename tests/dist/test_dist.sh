#!/usr/bin/env bash
# The download works without Swift: unpack the dist archive, build the shipped
# Content/ with its binary and Templates/ while the Swift toolchain folder is hidden
# (a private mount namespace with an empty tmpfs over it), and compare the output
# with the normal build byte for byte. Usage: test_dist.sh ARCHIVE NORMAL_BINARY
set -euo pipefail
archive=$(realpath "$1"); normal=$(realpath "$2")
cd "$(dirname "$0")/../.."
repo=$PWD
toolchain=$(dirname "$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")")
work=$(mktemp -d /tmp/planpress-dist-test.XXXXXX)
trap 'rm -rf "$work"' EXIT
tar xzf "$archive" -C "$work"
unpacked=$(find "$work" -mindepth 1 -maxdepth 1 -name 'planpress-*' -type d)
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
"$normal" build --content "$repo/Content" --templates "$repo/Templates" --output "$work/normal" > "$work/normal.log" 2>&1 || { cat "$work/normal.log"; exit 1; }
$SUDO unshare -m bash -c "
  set -euo pipefail
  mount -t tmpfs none '$toolchain'
  if [ -e '$toolchain/usr/bin/swift' ]; then echo 'the toolchain is still visible'; exit 1; fi
  '$unpacked/planpress' --version
  '$unpacked/planpress' build --content '$repo/Content' --templates '$unpacked/Templates' --output '$work/shipped' > '$work/shipped.log' 2>&1 || { cat '$work/shipped.log'; exit 1; }
"
diff -r "$work/normal" "$work/shipped"
diff -r "$repo/Templates" "$unpacked/Templates"
test -s "$unpacked/README.txt"
grep -q '^## measure — `Templates/measure.mustache`' "$unpacked/TEMPLATES.md"
echo "dist: the archive's binary built the shipped site without $toolchain, byte for byte the same"
