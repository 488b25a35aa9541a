#!/usr/bin/env bash
# make bench-dropout: panels that survive drop-outs (issue #14). Not part of `make test`.
#
# On the bench pools (bench/make_pools.py: 500, 1,000, 2,000 respondents) and the Zeist example (k = 150 everywhere):
#   1. times `select` and `select --alternates A` for A = 10, 15, 20 (same seed, same run, ratio to plain select);
#   2. replays 1,000 seeded drop-out patterns (10 % drop-out; ages 16-24 and low education twice as often, multiplied)
#      with no alternates, with the chosen A = 10, 15, 20, and with 15 alternates drawn uniformly at random, and prints
#      the share of patterns completed with every quota met and the mean seats off quota, (a) as `replace` does it
#      (alternates first, then the pool, least-breaking), (b) from the alternates only, and (c) for A = 0, the
#      `replace` of before issue #14, which refused when no quota-safe completion existed (the seats stayed empty).
# Usage: bench/dropout.sh PATH/TO/kleroterion      Output under bench/out/dropout/ (ignored by git).
# TIMES_ONLY=1 skips the drop-out patterns (timings only). Times are CPU seconds (user + system).
set -euo pipefail
BIN=${1:?usage: dropout.sh PATH/TO/kleroterion}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN" ;; esac
OUT="$ROOT/bench/out/dropout"
RUNS=${RUNS:-1000}
SIZES=${SIZES:-"500 1000 2000"}
mkdir -p "$OUT"
cd "$ROOT"

python3 bench/make_pools.py "$OUT/pools" $SIZES >/dev/null
printf 'feature,value,dropout_rate\n*,*,0.10\nage,16-24,0.20\neducation,low,0.20\n' > "$OUT/rates-bench.csv"
printf 'feature,value,dropout_rate\n*,*,0.10\nage_band,16-24,0.20\neducation,laag,0.20\n' > "$OUT/rates-zeist.csv"

# The Zeist example, as make demo builds it.
Z="$OUT/zeist"
if [ ! -f "$Z/respondents.csv" ]; then
  mkdir -p "$Z"
  python3 examples/zeist/generate_register.py --out "$Z/register.csv" >/dev/null
  "$BIN" invite --register "$Z/register.csv" --count 6500 --seed "Zeist demo, invitations, 2020-11-01" --out "$Z/invite" \
    --one-per-address street,house_number,postcode --strata district --min-age 16 --reference-date 2020-11-01 >/dev/null
  python3 examples/zeist/simulate_response.py --invitations "$Z/invite/invitations.csv" --out-dir "$Z" >/dev/null
  "$BIN" quotas --template nl-gemeente --register "$Z/register.csv" --shares strata-templates/shares/cbs-education-utrecht-2024.csv \
    --panel-size 150 --reference-date 2020-11-01 --min-age 16 --out "$Z/quotas.csv" >/dev/null
fi

# CPU seconds (user + system) of one run: steadier than wall time on a shared machine. Wall time goes to stderr.
seconds() { /usr/bin/time -f "%U %S %e" -o "$OUT/time.txt" "$@" >/dev/null 2>&1; python3 -c "u,s,e=open('$OUT/time.txt').read().split()[-3:]; print(f'{float(u)+float(s):.2f}')"; }

bench_one() {  # name people quotas households rates
  local name=$1 people=$2 quotas=$3 households=$4 rates=$5 dir="$OUT/$1"
  mkdir -p "$dir"
  local common=(select --people "$people" --quotas "$quotas" --panel-size 150 --seed "bench dropout $name" --household-columns "$households")
  local t0; t0=$(seconds "$BIN" "${common[@]}" --out "$dir/plain")
  echo "== $name: select ${t0} s CPU"
  for a in 10 15 20; do
    local t; t=$(seconds "$BIN" "${common[@]}" --out "$dir/alt$a" --alternates $a --dropout-rates "$rates")
    echo "   select --alternates $a: $t s CPU  (ratio $(python3 -c "print(f'{$t/$t0:.2f}')"))"
  done
  cmp -s "$dir/plain/panel.csv" "$dir/alt15/panel.csv" && echo "   the panel is the same with and without alternates" || echo "   WARNING: the panel differs"
  [ -n "${TIMES_ONLY:-}" ] && return 0
  for alt in none "$dir/alt10/alternates.csv" "$dir/alt15/alternates.csv" "$dir/alt20/alternates.csv" random:15; do
    local label=$alt; case "$alt" in */alt*/alternates.csv) label="chosen $(basename "$(dirname "$alt")" | sed 's/alt//')";; esac
    printf '   %-10s ' "$label"
    "$BIN" bench-dropout --people "$people" --quotas "$quotas" --panel "$dir/plain/panel.csv" --alternates "$alt" \
      --dropout-rates "$rates" --household-columns "$households" --runs "$RUNS" --seed "bench dropout patterns $name"
  done
}

for n in $SIZES; do
  bench_one "pool-$n" "$OUT/pools/pool-$n.csv" "$OUT/pools/quotas.csv" address,postcode "$OUT/rates-bench.csv"
done
bench_one zeist "$Z/respondents.csv" "$Z/quotas.csv" street,house_number,postcode "$OUT/rates-zeist.csv"
