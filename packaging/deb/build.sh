#!/usr/bin/env bash
# make deb: builds kleroterion_VERSION_amd64.deb from a release binary built with the Swift runtime linked in
# statically (--static-swift-stdlib), so an organiser needs no Swift toolchain; only Debian's GSL and GLPK.
# Usage: packaging/deb/build.sh PATH/TO/kleroterion [OUT_DIR]
set -euo pipefail
BIN=${1:?usage: build.sh PATH/TO/kleroterion [OUT_DIR]}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT_DIR=${2:-$ROOT}
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN" ;; esac
VERSION=$(sed -n 's/^let kleroterionVersion = "\(.*\)"$/\1/p' "$ROOT/Sources/kleroterion/Version.swift")
[ -n "$VERSION" ] || { echo "error: no version in Sources/kleroterion/Version.swift" >&2; exit 2; }
[ "$("$BIN" --version)" = "$VERSION" ] || { echo "error: $BIN is not version $VERSION; run make deb again" >&2; exit 2; }
if ldd "$BIN" | grep -q "libswift\|libFoundation"; then
  echo "error: $BIN links the Swift runtime dynamically; build it with --static-swift-stdlib (make deb does)" >&2; exit 2
fi
ARCH=amd64
NAME="kleroterion_${VERSION}_${ARCH}"
STAGE="$ROOT/.build/deb/$NAME"
rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/usr/bin" "$STAGE/usr/share/kleroterion" "$STAGE/usr/share/man/man1" "$STAGE/usr/share/doc/kleroterion"

install -m 0755 "$BIN" "$STAGE/usr/bin/kleroterion"
strip --strip-unneeded "$STAGE/usr/bin/kleroterion" 2>/dev/null || true
# The templates and the example, where `--template NAME` and `--shares NAME` look (../share/kleroterion next to the program).
cp -r "$ROOT/strata-templates" "$STAGE/usr/share/kleroterion/strata-templates"
mkdir -p "$STAGE/usr/share/kleroterion/examples"
cp -r "$ROOT/examples/zeist" "$STAGE/usr/share/kleroterion/examples/zeist"
rm -rf "$STAGE/usr/share/kleroterion/examples/zeist/out" "$STAGE/usr/share/kleroterion/examples/zeist/__pycache__"
# Man pages from the argument parser's own description of every command.
python3 "$ROOT/packaging/deb/manpages.py" "$BIN" "$VERSION" "$STAGE/usr/share/man/man1"
gzip -9n "$STAGE"/usr/share/man/man1/*.1
# Documentation: the README, the guides, the licence.
cp "$ROOT/README.md" "$ROOT"/docs/*.md "$STAGE/usr/share/doc/kleroterion/"
cp "$ROOT/LICENSE" "$STAGE/usr/share/doc/kleroterion/copyright"
find "$STAGE" -type d -exec chmod 0755 {} +
find "$STAGE/usr/share" -type f -exec chmod 0644 {} +
chmod 0755 "$STAGE/usr/share/kleroterion/examples/zeist/run-demo.sh"

SIZE=$(du -sk "$STAGE/usr" | cut -f1)
cat > "$STAGE/DEBIAN/control" <<CONTROL
Package: kleroterion
Version: $VERSION
Section: science
Priority: optional
Architecture: $ARCH
Depends: libgsl27, libglpk40, libc6, libstdc++6, libgcc-s1
Recommends: python3, chromium
Installed-Size: $SIZE
Maintainer: Kleroterion project <kleroterion@localhost>
Homepage: https://example.invalid/kleroterion
Description: draw citizens' assemblies by lot (sortition)
 Invitation lottery over the population register, stratified panel selection
 under quotas (LEXIMIN, maximin, Nash, legacy), a verifiable public lottery
 (commit, public seed, draw, verify) and a representativeness report.
 Strata templates of real assemblies are in /usr/share/kleroterion.
CONTROL
mkdir -p "$OUT_DIR"
fakeroot dpkg-deb --build -Zxz "$STAGE" "$OUT_DIR/$NAME.deb" >/dev/null
echo "$OUT_DIR/$NAME.deb"
