#!/usr/bin/env bash
# make bench-serve: the web app under load (issue #13). Prints figures; asserts nothing.
#  1. page latency p50/p99 under wrk (Debian's), 50 connections, on the main pages of a loaded assembly
#     (target p99 < 50 ms): as served (repeated views come from the page cache), then with every view rendered
#     afresh (a unique query per request);
#  2. the upload of the 1M- and 15M-row registers of bench/register.sh: time and the server's peak memory, against
#     `kleroterion invite` on the same file (target: within 1.5x);
#  3. the memory of an idle server.
# Usage: bench/serve.sh [BIN] [SIZES...]   (default: .build/release/kleroterion 1000000 15000000)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-.build/release/kleroterion}
shift || true
SIZES=${*:-1000000 15000000}
OUT=bench/out
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk (make deps installs it)" >&2; exit 2; }
cc -O2 -o "$OUT/gen_register" bench/gen_register.c
DATA=$(mktemp -d)
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$BIN" serve --data "$DATA" --port "$PORT" > "$OUT/serve.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/static/app.css" > /dev/null && break; sleep 0.1; done
rss() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' /proc/$PID/status; }
hwm() { awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' /proc/$PID/status; }
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "idle server: RSS $(rss) MB"

# An assembly with a counted Zeist register, so that its pages show real tables.
jar=$(mktemp)
curl -s -c "$jar" "http://127.0.0.1:$PORT/" > /dev/null
token=$(awk '$6 == "kl_csrf" { print $7 }' "$jar")
curl -s -b "$jar" -H 'Content-Type: application/json' -d '{"name":"Bench","municipality":"Zeist","panelSize":150,"referenceDate":"2020-11-01"}' \
  "http://127.0.0.1:$PORT/assemblies" > /dev/null
python3 examples/zeist/generate_register.py --out "$OUT/zeist-register.csv" > /dev/null
curl -s -b "$jar" -X PUT -H 'Content-Type: text/csv' -H 'X-File-Name: zeist.csv' --data-binary @"$OUT/zeist-register.csv" \
  "http://127.0.0.1:$PORT/api/assemblies/1/register" > /dev/null
MAPPING="col0=id&col3=street&col4=house_number&col5=postcode&col6=district&col7=gender&col8=birth_date&address=street&address=house_number&address=postcode&minAge=16"
curl -s -b "$jar" -o /dev/null -d "csrf=$token&$MAPPING" "http://127.0.0.1:$PORT/assemblies/1/register/mapping"
sleep 3
echo
printf '%-34s %10s %10s %10s %12s\n' page p50_ms p90_ms p99_ms requests/s
for path in / /assemblies/1 /assemblies/1/register /assemblies/1/quotas /verify /api/assemblies/1 /static/app.css; do
  wrk -t2 -c50 -d8s --latency -H "Cookie: kl_csrf=$token" "http://127.0.0.1:$PORT$path" > "$OUT/wrk.txt"
  awk -v p="$path" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    $1 == "50%" { p50 = ms($2) } $1 == "90%" { p90 = ms($2) } $1 == "99%" { p99 = ms($2) } /Requests\/sec/ { rps = $2 }
    END { printf "%-34s %10.2f %10.2f %10.2f %12.0f\n", p, p50, p90, p99, rps }' "$OUT/wrk.txt"
done
# The same pages when no view can come from the page cache (a unique ?n= per request): what rendering costs.
cat > "$OUT/fresh.lua" <<'LUA'
n = 0
request = function() n = n + 1; return wrk.format(nil, wrk.path .. "?n=" .. n .. "-" .. math.random(1e9)) end
LUA
echo
echo "every view rendered afresh (no page cache):"
printf '%-34s %10s %10s %10s %12s\n' page p50_ms p90_ms p99_ms requests/s
for path in / /assemblies/1 /assemblies/1/register /assemblies/1/quotas /verify; do
  wrk -t2 -c50 -d8s --latency -s "$OUT/fresh.lua" -H "Cookie: kl_csrf=$token" "http://127.0.0.1:$PORT$path" > "$OUT/wrk.txt"
  awk -v p="$path" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    $1 == "50%" { p50 = ms($2) } $1 == "90%" { p90 = ms($2) } $1 == "99%" { p99 = ms($2) } /Requests\/sec/ { rps = $2 }
    END { printf "%-34s %10.2f %10.2f %10.2f %12.0f\n", p, p50, p90, p99, rps }' "$OUT/wrk.txt"
done
echo "server after the load: RSS $(rss) MB, peak $(hwm) MB"
echo
printf '%-10s %10s %10s %10s %12s %12s %10s\n' rows upload_s census_s invite_s server_peak invite_peak ratio
for rows in $SIZES; do
  reg="$OUT/register-$rows.csv"
  [ -s "$reg" ] || { echo "generating $reg ..." >&2; "$OUT/gen_register" "$rows" > "$reg.tmp" && mv "$reg.tmp" "$reg"; }
  cat "$reg" > /dev/null
  before=$(hwm)
  start=$(date +%s.%N)
  curl -s -b "$jar" -T "$reg" -H 'Expect:' -H 'Content-Type: text/csv' -H "X-File-Name: register-$rows.csv" \
    "http://127.0.0.1:$PORT/api/assemblies/1/register" > "$OUT/upload.json"
  upload=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.2f", e - s }')
  grep -q sha256 "$OUT/upload.json" || { cat "$OUT/upload.json" >&2; exit 1; }
  # The census (residents, eligible, addresses, per district) is the job the mapping starts: one streamed pass.
  start=$(date +%s.%N)
  job=$(curl -s -b "$jar" -o /dev/null -w '%{redirect_url}' -d "csrf=$token&$MAPPING" "http://127.0.0.1:$PORT/assemblies/1/register/mapping" | sed 's|.*/jobs/||')
  until curl -s -b "$jar" "http://127.0.0.1:$PORT/api/jobs/$job" | grep -Eq '"state":"(done|failed|cancelled)"'; do sleep 0.2; done
  curl -s -b "$jar" "http://127.0.0.1:$PORT/api/jobs/$job" | grep -q '"state":"done"' || { echo "census job $job did not finish" >&2; exit 1; }
  census=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.2f", e - s }')
  /usr/bin/time -v "$BIN" invite --register "$reg" --count $((rows / 100)) --seed bench --out "$OUT/serve-invite-$rows" --replace \
    --strata district --household-columns street,house_number,postcode --min-age 16 --reference-date 2026-01-01 > /dev/null 2> "$OUT/time-invite.txt"
  invite=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.2f", s }' "$OUT/time-invite.txt")
  ipeak=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$OUT/time-invite.txt")
  printf '%-10s %10s %10s %10s %9s MB %9s MB %9sx\n' "$rows" "$upload" "$census" "$invite" "$(hwm)" "$ipeak" \
    "$(awk -v a="$upload" -v c="$census" -v b="$invite" 'BEGIN { printf "%.2f", (b > 0 ? (a + c) / b : 0) }')"
done
echo "(ratio = (upload + census) / invite; server_peak is the server's lifetime peak RSS, $before MB before the uploads; the upload streams to disk, so it should not grow with the file)"
