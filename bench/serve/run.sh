#!/usr/bin/env bash
# Serving benchmark: `mallard serve` answering a selective filtered query (at most 100
# rows) over a 1,000,000-row Parquet mart, measured with wrk.
#
#   bench/serve/run.sh
#
# Environment knobs:
#   ROWS=1000000      rows of the generated mart
#   THREADS=2         mallard serve --threads (serving DuckDB connections)
#   CONNECTIONS=32    wrk connections
#   DURATION=20s      wrk duration per query
#   PORT=18580        port to serve on
#
# The project is generated under bench/serve/generated/ (gitignored) and built with
# ./mallard (an external model: the mart is published as Parquet); the server is started
# from the same launcher, warmed up, measured, and stopped. Needs wrk on the PATH. wrk runs
# on the same machine and takes CPU from the server: on 2 cores, read the numbers as a floor.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
GEN="$ROOT/bench/serve/generated"
ROWS="${ROWS:-1000000}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
DURATION="${DURATION:-20s}"
PORT="${PORT:-18580}"

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }

rm -rf "$GEN"
mkdir -p "$GEN/models"
cat > "$GEN/dbt_project.yml" <<YAML
name: 'serve_bench'
version: '1.0.0'
config-version: 2
profile: 'serve_bench'
YAML
cat > "$GEN/models/orders.sql" <<SQL
{{ config(materialized='external') }}
select i as order_id,
       cast(hash(i) % 100000 as integer) as user_id,
       'status' || (i % 7) as status,
       cast(i * 0.25 as decimal(18, 2)) as amount,
       timestamp '2026-01-01' + to_seconds(i) as ordered_at
from range($ROWS) t(i)
SQL
"$ROOT/mallard" build --project-dir "$GEN" >/dev/null

"$ROOT/mallard" serve --project-dir "$GEN" --port "$PORT" --threads "$THREADS" > "$GEN/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
base="http://127.0.0.1:$PORT"
for _ in $(seq 1 100); do
  curl -sf "$base/health" >/dev/null 2>&1 && break
  sleep 0.2
done
head -1 "$GEN/serve.log"

run() {
  local label="$1" path="$2"; shift 2
  curl -sf "$base$path" >/dev/null
  wrk -t2 -c"$CONNECTIONS" -d5s "$@" "$base$path" >/dev/null   # warm-up: JIT, statement cache
  echo "== $label: GET $path $*"
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$base$path" | grep -E "Requests/sec|50%|90%|99%|Non-2xx"
}

# the same URL again and again: after the first, answered from the response cache
run "repeated: equality on an unsorted column (~10 rows)" "/datasets/orders/rows?user_id=42"
run "repeated: range on the sorted column (100 rows)" "/datasets/orders/rows?order_id=gte:500000&limit=100"
# a different user_id on every request: each one runs its query on DuckDB
run "uncached: equality on an unsorted column, random user_id" "/datasets/orders/rows" -s "$ROOT/bench/serve/random_user.lua"
run "health (SELECT 1)" "/health"
