#!/usr/bin/env bash
# make bench-register: times `kleroterion invite` on synthetic registers of 1,000,000 and 15,000,000 rows
# (the Zeist example's columns) against `wc -l` on the same file, the I/O floor. Prints figures; asserts nothing.
# Targets (issue #5): 1M rows -> 10,000 letters in < 2 s and < 300 MB peak RSS; 15M -> 70,000 in < 30 s and < 1.5 GB.
# Registers are generated once by bench/gen_register.c and cached in bench/out/ (ignored by git).
# Usage: bench/register.sh [BIN] [SIZES...]   (default: .build/release/kleroterion 1000000 15000000)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-.build/release/kleroterion}
shift || true
SIZES=${*:-1000000 15000000}
OUT=bench/out
mkdir -p "$OUT"
cc -O2 -o "$OUT/gen_register" bench/gen_register.c

letters_for() { case $1 in 1000000) echo 10000 ;; 15000000) echo 70000 ;; *) echo $(( $1 / 100 )) ;; esac; }
peak_mb() { awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"; }
wall_s() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.2f", s }' "$1"; }
cpu_s() { awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$1"; }

# The machine may be shared: CPU seconds (user + system) are the steadier figure; wall time is what a user waits.
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-10s %-32s %7s %7s %8s %8s %8s %9s\n' rows configuration wall_s cpu_s peak_MB wc_wall wc_cpu "cpu/wc"
for rows in $SIZES; do
  reg="$OUT/register-$rows.csv"
  if [ ! -s "$reg" ]; then
    echo "generating $reg ..." >&2
    "$OUT/gen_register" "$rows" > "$reg.tmp" && mv "$reg.tmp" "$reg"
  fi
  letters=$(letters_for "$rows")
  cat "$reg" > /dev/null   # warm the page cache so both timings read from memory
  /usr/bin/time -v wc -l "$reg" > /dev/null 2> "$OUT/time-wc.txt"
  wc=$(wall_s "$OUT/time-wc.txt"); wccpu=$(cpu_s "$OUT/time-wc.txt")
  for config in plain address; do
    args=(invite --register "$reg" --count "$letters" --seed "bench $rows" --out "$OUT/invite-$rows-$config" --replace
          --strata district,age_band --min-age 16 --reference-date 2026-01-01)
    [ "$config" = address ] && args+=(--one-per-address street,house_number,postcode)
    /usr/bin/time -v "$BIN" "${args[@]}" > /dev/null 2> "$OUT/time-invite.txt" || { cat "$OUT/time-invite.txt" >&2; exit 1; }
    wall=$(wall_s "$OUT/time-invite.txt"); cpu=$(cpu_s "$OUT/time-invite.txt"); peak=$(peak_mb "$OUT/time-invite.txt")
    ratio=$(awk -v a="$cpu" -v b="$wc" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')
    label="$letters letters, $config"
    [ "$config" = address ] && label="$letters letters, one per address"
    printf '%-10s %-32s %7s %7s %8s %8s %8s %9s\n' "$rows" "$label" "$wall" "$cpu" "$peak" "$wc" "$wccpu" "${ratio}x"
  done
done
