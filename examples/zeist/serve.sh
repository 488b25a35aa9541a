#!/usr/bin/env bash
# make serve: the web app on the Zeist example, with a synthetic register (no real persons) already uploaded,
# mapped and counted, at http://127.0.0.1:8080/ . The data stays in examples/zeist/web-data/ (ignored by git);
# delete that folder to start afresh. Stop the server with Ctrl-C.
# Usage: examples/zeist/serve.sh PATH/TO/kleroterion [PORT]
set -euo pipefail
BIN=${1:?usage: serve.sh PATH/TO/kleroterion [PORT]}
PORT=${2:-8080}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN" ;; esac
DATA="$HERE/web-data"
cd "$ROOT"
if [ ! -f "$DATA/kleroterion.sqlite" ]; then
  mkdir -p "$DATA"
  python3 "$HERE/generate_register.py" --out "$DATA/brp-zeist.csv"
  "$BIN" serve --data "$DATA" --port "$PORT" > "$DATA/preload.log" 2>&1 &
  PID=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/static/app.css" > /dev/null && break; sleep 0.1; done
  jar=$(mktemp)
  curl -s -c "$jar" "http://127.0.0.1:$PORT/" > /dev/null
  token=$(awk '$6 == "kl_csrf" { print $7 }' "$jar")
  curl -sf -b "$jar" -H 'Content-Type: application/json' \
    -d '{"name":"Burgerberaad Zeist (voorbeeld)","municipality":"Zeist","panelSize":150,"referenceDate":"2020-11-01","language":"nl"}' \
    "http://127.0.0.1:$PORT/assemblies" > /dev/null
  curl -sf -b "$jar" -X PUT -H 'Content-Type: text/csv' -H 'X-File-Name: brp-zeist.csv' --data-binary @"$DATA/brp-zeist.csv" \
    "http://127.0.0.1:$PORT/api/assemblies/1/register" > /dev/null
  curl -sf -b "$jar" -o /dev/null -d "csrf=$token&col0=id&col3=street&col4=house_number&col5=postcode&col6=district&col7=gender&col8=birth_date&address=street&address=house_number&address=postcode&minAge=16" \
    "http://127.0.0.1:$PORT/assemblies/1/register/mapping"
  for _ in $(seq 300); do curl -sf "http://127.0.0.1:$PORT/api/assemblies/1/census" > /dev/null && break; sleep 0.2; done
  kill $PID; wait $PID 2>/dev/null || true
  rm -f "$jar" "$DATA/brp-zeist.csv"
  echo "Pre-loaded: the assembly 'Burgerberaad Zeist (voorbeeld)' with its register counted."
fi
exec "$BIN" serve --data "$DATA" --port "$PORT"
