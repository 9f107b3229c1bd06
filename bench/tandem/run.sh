#!/usr/bin/env bash
# Seed 004's scale end to end: EVENTS pump events (default 1,000,000, about 3.2 years of one
# pump) fetched from the fixture pump API (examples/tandem/fixture/PumpApi.java, no injected
# faults) by examples/tandem's http ingest into the migration-owned raw_events (raw JSON kept,
# pages of PAGE, 20 pages a commit; seed 004's stage 1), then parsed (stage 2: events; stage 3:
# cgm_readings and basal_deliveries) and the two daily marts, each phase timed on its own, plus
# the same path as one `mallard build` from an empty database. Per round, interleaved, RUNS rounds:
#   migrate   mallard migrate up (an empty database; a JVM start-up, mostly)
#   fetch     mallard ingest: API -> NDJSON batches -> raw_events
#   stages    mallard run: parse_events (stage 2; the fetch into raw_events is stage 1),
#             parse_cgm_readings + parse_basal_deliveries (stage 3), each with its post-hook
#             insert, then daily_glucose + daily_basal;
#             the per-node times come from target/run_results.json
#   build     rm target, mallard build: migrations, fetch, stages, marts and their 4 tests
#   api       the API alone: curl fetching every page (2 at once, as the ingest's parallel: 2)
#             to /dev/null, i.e. what serving the pages costs on the same cores
# and the medians with events/s and the load average.
#
#   bench/tandem/run.sh        EVENTS=1000000 PAGE=1000 RUNS=3
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
GEN="$ROOT/bench/tandem/generated"
EVENTS="${EVENTS:-1000000}"
PAGE="${PAGE:-1000}"
RUNS="${RUNS:-3}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
PROJECT="$GEN/tandem"
rm -rf "$PROJECT" && mkdir -p "$GEN" && cp -r "$ROOT/examples/tandem" "$PROJECT" && rm -rf "$PROJECT/target"

"$JAVA" "$ROOT/examples/tandem/fixture/PumpApi.java" --port 0 --events "$EVENTS" --page-size "$PAGE" \
  --faults none --threads 4 > "$GEN/fixture.out" &
FIXTURE=$!
trap 'kill $FIXTURE 2>/dev/null || true' EXIT
for _ in $(seq 300); do [ -s "$GEN/fixture.out" ] && break; sleep 0.1; done
export PUMP_API_URL="http://127.0.0.1:$(head -1 "$GEN/fixture.out")"
VARS="{pump_page_size: $PAGE}"

PAGES=$(( (EVENTS + PAGE - 1) / PAGE ))
for ((p = 1; p <= PAGES; p++)); do
  printf 'url = "%s/events?start=2022-01-01T00:00:00Z&page=%d&page_size=%d"\noutput = "/dev/null"\n' "$PUMP_API_URL" "$p" "$PAGE"
done > "$GEN/curl.cfg"

mallard() { "$ROOT/mallard" "$@" --project-dir "$PROJECT" --vars "$VARS"; }
count() { mallard show --inline "select count(*) || ' ' || count(distinct source_event_id) as n from raw_events" 2>/dev/null | grep -Eo '[0-9]+ [0-9]+' | tail -1; }
# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"   # timed NAME COMMAND..., median, times[]
CLEAN=""
node_times() { # the execution_time of each model in run_results.json, as name=seconds
  python3 -c "
import json, sys
for r in json.load(open('$PROJECT/target/run_results.json'))['results']:
    if r['unique_id'].startswith('model.'):
        print(r['unique_id'].split('.')[-1] + '=' + format(r['execution_time'], '.2f'))"
}
declare -A nodes

"$ROOT/mallard" --version >/dev/null 2>&1 || true   # the launcher builds its jar once, outside the timings
echo "warm-up: every page once (the fixture's JIT)..." >&2
curl -sSf --parallel --parallel-max 2 -K "$GEN/curl.cfg" >/dev/null 2>&1
for ((i = 1; i <= RUNS; i++)); do
  echo "round $i of $RUNS (load average $(cut -d' ' -f1-3 /proc/loadavg))..." >&2
  rm -rf "$PROJECT/target"
  timed migrate mallard migrate up
  timed fetch mallard ingest
  [ "$(count)" = "$EVENTS $EVENTS" ] || { echo "fetched $(count), expected $EVENTS" >&2; exit 1; }
  timed stages mallard run
  while IFS='=' read -r n s; do nodes[$n]+="$s "; done < <(node_times)
  rm -rf "$PROJECT/target"
  timed build mallard build
  [ "$(count)" = "$EVENTS $EVENTS" ] || { echo "build fetched $(count), expected $EVENTS" >&2; exit 1; }
  timed api curl -sSf --parallel --parallel-max 2 -K "$GEN/curl.cfg"
done
cgm=$(mallard show --inline "select count(*) as n from cgm_readings" 2>/dev/null | grep -Eo '[0-9]+' | tail -1)

echo "$EVENTS pump events ($cgm CGM readings) in pages of $PAGE; median of $RUNS interleaved rounds; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for name in migrate fetch stages build api; do
  m=$(echo "${times[$name]}" | median)
  rate=$([ "$name" = migrate ] && echo "-" || printf '%.0f' "$(echo "$EVENTS / $m" | bc -l)")
  printf '  %-8s %7.2f s  %9s events/s   (runs: %s)\n' "$name" "$m" "$rate" "${times[$name]}"
done
echo "  within 'stages' (run_results.json execution_time, median):"
for n in parse_events parse_cgm_readings parse_basal_deliveries daily_glucose daily_basal; do
  printf '    %-24s %6.2f s   (runs: %s)\n' "$n" "$(echo "${nodes[$n]}" | median)" "${nodes[$n]}"
done
