#!/usr/bin/env bash
# The procurement pipeline end to end: starts the fixture API on a free loopback port (with a
# bearer token, its deliberate 500s and 429), builds the project (ingest -> raw.notices ->
# staging -> marts, one of them a Java model -> Parquet), adds newer notices to the API and
# builds again (the incremental ingest fetches only those), then shows mart rows.
#
#   examples/procurement/run.sh            RECORDS=2500 ADDED=150 by default
#
# Writes target/ (the DuckDB file) and published/ (the Parquet mart) in this folder; serve
# the mart afterwards with: ./mallard serve --project-dir examples/procurement
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
records="${RECORDS:-2500}"
added="${ADDED:-150}"

export PROCUREMENT_API_TOKEN="${PROCUREMENT_API_TOKEN:-example-$RANDOM$RANDOM}"
api_out="$(mktemp)"
java "$here/fixture/ProcurementApi.java" --port 0 --records "$records" --page-size 100 >"$api_out" 2>&1 &
api_pid=$!
trap 'kill "$api_pid" 2>/dev/null || true; rm -f "$api_out"' EXIT

port=""
for _ in $(seq 1 300); do
  port="$(head -n 1 "$api_out" 2>/dev/null || true)"
  [[ "$port" =~ ^[0-9]+$ ]] && break
  kill -0 "$api_pid" 2>/dev/null || { cat "$api_out" >&2; exit 1; }
  sleep 0.1
done
[[ "$port" =~ ^[0-9]+$ ]] || { echo "the fixture API did not start" >&2; exit 1; }
export PROCUREMENT_API_URL="http://127.0.0.1:$port"
echo "== fixture API on $PROCUREMENT_API_URL with $records notices"

mallard() { "$repo/mallard" "$@" --project-dir "$here"; }
api() { curl -fsS -X "$1" "$PROCUREMENT_API_URL$2"; echo; }

echo "== first build, from an empty database: every notice is fetched"
rm -rf "$here/target" "$here/published"
mallard build
mallard show --inline "select count(*) as notices, max(updated_at) as last_updated from raw.notices"

echo "== second build: nothing new, only the last notice comes again (merged on id)"
mallard build

echo "== $added newer notices appear in the API"
api POST "/admin/add?n=$added"
mallard build
mallard show --inline "select count(*) as notices, count(distinct id) as ids, max(updated_at) as last_updated from raw.notices"

echo "== the marts"
mallard show --inline "select * from buyer_category_concentration order by hhi desc" --limit 7
mallard show --inline "select * from read_parquet('$here/published/buyer_daily_spend.parquet') order by published_date, buyer_name" --limit 14
echo "== requests the API served"
api GET /admin/stats
