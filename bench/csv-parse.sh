#!/usr/bin/env bash
# CSV parsing speed: the byte-level streaming reader (`kleroterion inspect`, which checks every row and looks at
# every field) against the I/O floor (`wc -l`) and Python's csv module, on the same synthetic register.
# Prints figures; asserts nothing. Usage: bench/csv-parse.sh [ROWS]   (default 1000000, about 76 MB)
# The register is the one `make bench-register` uses: bench/gen_register.c, cached in bench/out/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${1:-1000000}"
OUT=bench/out
mkdir -p "$OUT"
FILE="$OUT/register-$ROWS.csv"
if [ ! -s "$FILE" ]; then
  echo "generating $FILE"
  cc -O2 -o "$OUT/gen_register" bench/gen_register.c
  "$OUT/gen_register" "$ROWS" > "$FILE.tmp" && mv "$FILE.tmp" "$FILE"
fi
swift build -c release --product kleroterion >/dev/null
BIN=.build/release/kleroterion
cat "$FILE" >/dev/null # warm the page cache so every run reads from memory

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
run() { # label, command...: 5 runs; median wall seconds, user+sys CPU seconds, peak RSS MB
  local label="$1"; shift
  local walls="" cpus="" rss=""
  for _ in 1 2 3 4 5; do
    local t; t=$( { /usr/bin/time -f "%e %U %S %M" "$@" >/dev/null; } 2>&1 | tail -1)
    walls+="$(echo "$t" | awk '{print $1}')"$'\n'
    cpus+="$(echo "$t" | awk '{print $2 + $3}')"$'\n'
    rss+="$(echo "$t" | awk '{print $4 / 1024}')"$'\n'
  done
  printf "%-28s wall %6.2f s   cpu %6.2f s   peak RSS %6.0f MB\n" "$label" \
    "$(echo -n "$walls" | median)" "$(echo -n "$cpus" | median)" "$(echo -n "$rss" | median)"
}
echo "file: $FILE ($(wc -c <"$FILE") bytes, $ROWS rows; a quarter of the street names are quoted and hold a comma)"
echo "machine load: $(cut -d' ' -f1-3 /proc/loadavg) (wall times under load are unreliable; cpu times less so)"
run "wc -l (I/O floor)" wc -l "$FILE"
run "kleroterion inspect" "$BIN" inspect "$FILE"
run "python3 csv.reader" python3 -c 'import csv,sys
n=0
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    for row in csv.reader(f): n += 1
' "$FILE"
