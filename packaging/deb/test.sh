#!/usr/bin/env bash
# make deb-test: installs the package into a fresh, empty root with dpkg --root (its own empty package database),
# then runs `kleroterion --version` and the whole Zeist example from the installed files only: the program, the
# templates and the example scripts under that root, with no Swift toolchain on the PATH or the library path.
# The root has no libc of its own, so the program runs with this machine's libgsl27/libglpk40 (the declared
# dependencies); ldd shows that nothing comes from the Swift toolchain.
# Usage: packaging/deb/test.sh kleroterion_VERSION_amd64.deb
set -euo pipefail
DEB=${1:?usage: test.sh PACKAGE.deb}
FRESH=$(mktemp -d /tmp/kleroterion-deb-root.XXXXXX)
OUT=$(mktemp -d /tmp/kleroterion-deb-out.XXXXXX)
trap 'rm -rf "$FRESH" "$OUT"' EXIT
mkdir -p "$FRESH/var/lib/dpkg/info" "$FRESH/var/lib/dpkg/updates" "$FRESH/var/log"
touch "$FRESH/var/lib/dpkg/status"
# The fresh database lists none of the dependencies, so dpkg is told to install anyway; it still reports them.
dpkg --root="$FRESH" --log=/dev/null --force-depends --force-not-root --force-script-chrootless -i "$DEB" 2>&1 | sed 's/^/  dpkg: /'
dpkg --root="$FRESH" -s kleroterion | grep -E "^(Status|Version|Depends):"
BIN="$FRESH/usr/bin/kleroterion"
fail() { echo "deb-test FAILED: $*" >&2; exit 1; }
[ -x "$BIN" ] || fail "no /usr/bin/kleroterion in the package"
if ldd "$BIN" | grep -E "swift|not found"; then fail "the program needs the Swift toolchain or a missing library"; fi
for page in kleroterion kleroterion-invite kleroterion-select kleroterion-verify; do
  [ -s "$FRESH/usr/share/man/man1/$page.1.gz" ] || fail "man page $page.1.gz missing"
done
[ -s "$FRESH/usr/share/kleroterion/strata-templates/nl-gemeente.yaml" ] || fail "templates missing"
CLEAN_ENV=(env -i HOME="$OUT" PATH="$FRESH/usr/bin:/usr/bin:/bin" LANG=C.UTF-8)
VERSION=$("${CLEAN_ENV[@]}" kleroterion --version) || fail "kleroterion --version"
echo "installed kleroterion --version: $VERSION"
"${CLEAN_ENV[@]}" kleroterion help quotas >/dev/null || fail "kleroterion help"
# The Zeist example from the installed package, writing into a folder of its own.
( cd "$OUT" && "${CLEAN_ENV[@]}" OUT="$OUT/zeist" bash "$FRESH/usr/share/kleroterion/examples/zeist/run-demo.sh" "$BIN" ) > "$OUT/demo.log" 2>&1 \
  || { tail -20 "$OUT/demo.log"; fail "the Zeist example"; }
for f in invite/invitations.csv quotas.csv panel/panel.csv panel/remaining.csv panel/report.html; do
  [ -s "$OUT/zeist/$f" ] || fail "the Zeist example wrote no $f"
done
PANEL=$(($(wc -l < "$OUT/zeist/panel/panel.csv") - 1))
[ "$PANEL" -eq 150 ] || fail "the panel has $PANEL members, not 150"
echo "deb-test passed: installed into a fresh root, --version $VERSION, Zeist example drew a panel of $PANEL"
