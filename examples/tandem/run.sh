#!/usr/bin/env bash
# The tandem pipeline with its fetch: starts the fixture pump API on a free loopback port
# (with its deliberate 500s and 429), builds the project (migrations -> fetch into raw_events
# -> the three parse stages -> marts) from HISTORY_START on, backfills the older history with
# `mallard ingest --start --end`, builds again to parse it, lets the API gain newer events and
# builds once more (the incremental fetch takes only those), then shows counts and mart rows.
#
#   examples/tandem/run.sh            EVENTS=30000 HISTORY_START=2022-01-15 ADDED=600 by default
#
# Writes target/ (the DuckDB file target/tandem.duckdb) in this folder.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
events="${EVENTS:-30000}"
history_start="${HISTORY_START:-2022-01-15}"
added="${ADDED:-600}"

api_out="$(mktemp)"
java "$here/fixture/PumpApi.java" --port 0 --events "$events" >"$api_out" 2>&1 &
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
export PUMP_API_URL="http://127.0.0.1:$port"
echo "== fixture pump API on $PUMP_API_URL with $events events from 2022-01-01"

mallard() { "$repo/mallard" "$@" --project-dir "$here"; }
api() { curl -fsS -X "$1" "$PUMP_API_URL$2"; echo; }
counts="select (select count(*) from raw_events) as raw_events, (select count(distinct source_event_id) from raw_events) as fetched_ids,
  (select count(*) from events) as events, (select count(*) from cgm_readings) as cgm_readings,
  (select count(*) from basal_deliveries) as basal_deliveries, (select min(event_ts) from raw_events) as first_event,
  (select max(event_ts) from raw_events) as last_event"

echo "== first build, from an empty database: migrations, then the events from $history_start on"
rm -rf "$here/target"
mallard build --vars "{pump_history_start: '$history_start'}"
mallard show --inline "$counts"

echo "== second build: only the last slot's events come again (the inclusive cursor), none is added"
mallard build

echo "== backfill the older history, 2022-01-01 to $history_start (resumable: a rerun goes on from the last commit)"
mallard ingest --start 2022-01-01 --end "$history_start"
mallard build
mallard show --inline "$counts"

echo "== $added newer events appear in the API"
api POST "/admin/add?n=$added"
mallard build
mallard show --inline "$counts"
mallard show --inline "select state from main.mallard_ingest_state"

echo "== the marts"
mallard show --inline "select * from daily_glucose order by day" --limit 5
mallard show --inline "select * from daily_basal order by day" --limit 5
mallard check
echo "== requests the API served"
api GET /admin/stats
