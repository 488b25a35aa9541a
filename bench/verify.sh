#!/usr/bin/env bash
# Issue #11: what re-deriving the fairness costs. On the Zeist example (synthetic, 902 respondents) and the
# 2,000-respondent bench pool, times `commit`, `verify` (which re-solves LEXIMIN from the published files) and the
# independent docs/verify_fairness.py, and prints verify/commit as a ratio (target: at most 2) and the largest
# difference between the two recomputations (target: at most 1e-6).
# Usage: bench/verify.sh PATH/TO/kleroterion    (make bench-verify; needs .venv-verify, made by make venv-verify)
set -euo pipefail
BIN=${1:?usage: bench/verify.sh PATH/TO/kleroterion}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
OUT=${OUT:-bench/out/verify}
rm -rf "$OUT"; mkdir -p "$OUT"
PY=.venv-verify/bin/python
python3 examples/zeist/generate_register.py --out "$OUT/register.csv" > /dev/null
"$BIN" invite --register "$OUT/register.csv" --count 6500 --seed "Zeist demo, invitations, 2020-11-01" --out "$OUT/invite" \
  --one-per-address street,house_number,postcode --strata district --min-age 16 --reference-date 2020-11-01 > /dev/null
python3 examples/zeist/simulate_response.py --invitations "$OUT/invite/invitations.csv" --out-dir "$OUT" > /dev/null
"$BIN" quotas --template nl-gemeente --register "$OUT/register.csv" --shares strata-templates/shares/cbs-education-utrecht-2024.csv \
  --panel-size 150 --reference-date 2020-11-01 --min-age 16 --out "$OUT/quotas.csv" > /dev/null
python3 bench/make_pools.py "$OUT/pools" 2000 > /dev/null
seconds() { /usr/bin/time -f "%e %U" "$@" 2> "$OUT/time.txt" > "$OUT/last.log" || { cat "$OUT/last.log" >&2; exit 1; }; tail -1 "$OUT/time.txt"; }
printf '%-9s %14s %14s %18s %7s %12s\n' pool "commit s (cpu)" "verify s (cpu)" "fairness.py s (cpu)" ratio "max |Δ|"
for name in zeist pool-2000; do
  if [ "$name" = zeist ]; then P="$OUT/respondents.csv"; Q="$OUT/quotas.csv"; H=street,house_number,postcode
  else P="$OUT/pools/pool-2000.csv"; Q="$OUT/pools/quotas.csv"; H=address,postcode; fi
  C="$OUT/c-$name"
  read -r cw cu < <(seconds "$BIN" commit --people "$P" --quotas "$Q" --panel-size 150 --household-columns "$H" --seed-format lotto:6/45 --out "$C")
  read -r vw vu < <(seconds "$BIN" verify --commitment "$C" --seed "5 9 12 23 31 40")
  read -r fw fu < <(seconds "$PY" docs/verify_fairness.py "$C" --chances-out "$OUT/$name-py.csv")
  delta=$(python3 -c "
import csv,sys
o={r['pseudonym']:float(r['optimal_probability']) for r in csv.DictReader(open('$C/probabilities.csv'))}
p={r['pseudonym']:float(r['fair_chance']) for r in csv.DictReader(open('$OUT/$name-py.csv'))}
print('%.1e' % max(abs(o[k]-p[k]) for k in o))")
  printf '%-9s %7s (%5s) %7s (%5s) %10s (%5s) %7.2f %12s\n' "$name" "$cw" "$cu" "$vw" "$vu" "$fw" "$fu" "$(python3 -c "print($vu/$cu)")" "$delta"
done
