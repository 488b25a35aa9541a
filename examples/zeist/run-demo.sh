#!/usr/bin/env bash
# The Zeist example end to end, on a synthetic register (no real persons):
#   register (about 50,000 residents aged 16+) → 6,500 invitation letters (one per address) → simulated registrations
#   (about 935, skewed to highly educated people over 40) → quotas for 150 seats → panel → report.
# Usage: examples/zeist/run-demo.sh PATH/TO/kleroterion     (make demo does this)
# Everything is written under examples/zeist/out/ (ignored by git). Re-running gives the same files.
set -euo pipefail

BIN=${1:?usage: run-demo.sh PATH/TO/kleroterion}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN" ;; esac
[ -x "$BIN" ] || { echo "error: $BIN is not an executable; build it with: make release" >&2; exit 2; }
OUT=${OUT:-"$HERE/out"}                # OUT=DIR puts the files elsewhere (e.g. when run from the installed package)
REFERENCE_DATE=2020-11-01                       # letters went out in November 2020
INVITE_SEED="Zeist demo, invitations, 2020-11-01"
PANEL_SEED="Zeist demo, panel, 2021-01-05"
ADDRESS=street,house_number,postcode

cd "$ROOT"
rm -rf "$OUT"
mkdir -p "$OUT"

step() { printf '\n== %s\n' "$*"; }

step "1. Synthetic register"
python3 "$HERE/generate_register.py" --out "$OUT/register.csv"

step "2. Invitation lottery: 6,500 letters, one per address, in proportion to the districts"
"$BIN" invite --register "$OUT/register.csv" --count 6500 --seed "$INVITE_SEED" --out "$OUT/invite" \
  --household-columns "$ADDRESS" --strata district --min-age 16 --reference-date "$REFERENCE_DATE"

step "3. Simulated registrations (education self-reported)"
python3 "$HERE/simulate_response.py" --invitations "$OUT/invite/invitations.csv" --out-dir "$OUT"

step "4. Quotas for 150 seats from the register and CBS education shares"
"$BIN" quotas --template nl-gemeente --register "$OUT/register.csv" \
  --shares strata-templates/shares/cbs-education-utrecht-2024.csv \
  --panel-size 150 --reference-date "$REFERENCE_DATE" --min-age 16 --out "$OUT/quotas.csv"

step "5. Panel: 150 of the respondents, one per address, with LEXIMIN (the fairest panel lottery)"
"$BIN" select --people "$OUT/respondents.csv" --quotas "$OUT/quotas.csv" --panel-size 150 \
  --seed "$PANEL_SEED" --algorithm leximin --household-columns "$ADDRESS" --invitations "$OUT/invite" --out "$OUT/panel"

step "Done"
echo "Report:      $OUT/panel/report.html (and report.md, report.json)"
echo "Invitations: $OUT/invite/invitations-report.md"
echo "All files:   $OUT"
