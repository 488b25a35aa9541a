#!/usr/bin/env bash
# schemathesis against the app's own /openapi.yaml: no server error, and every response as the schema says
# (status code, content type, body). Part of make test-web.
# Usage: Tests/e2e/schemathesis.sh PATH/TO/kleroterion VENV
set -euo pipefail
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
VENV=$2
DATA=$(mktemp -d)
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$BIN" serve --data "$DATA" --port "$PORT" > "$DATA/serve.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/static/app.css" > /dev/null && break; sleep 0.1; done
# One assembly, so that the {id} routes have something to answer about.
curl -sf -H 'Content-Type: application/json' -d '{"name":"Schema","municipality":"Zeist","panelSize":10,"referenceDate":"2026-01-01"}' \
  "http://127.0.0.1:$PORT/assemblies" > /dev/null
"$VENV/bin/schemathesis" run "http://127.0.0.1:$PORT/openapi.yaml" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
  --max-examples 25 --workers 1 --suppress-health-check all --exclude-checks positive_data_acceptance
kill -0 $PID 2>/dev/null || { echo "the server died during the schemathesis run:"; cat "$DATA/serve.log"; exit 1; }
