#!/usr/bin/env bash
# Serve benchmark: `mallard serve` against seed 002's own design, same mart, same query.
#
#   bench/serve/run.sh
#
# 1. Builds bench/serve/project: one external model, 1,000,000 rows over 10,000 users,
#    published as marts/events.parquet (the rows of a user are spread over the file).
# 2. Loads `mallard serve --project-dir bench/serve/project` with wrk from a second process
#    on loopback (once the server reports its in-memory copy of the mart ready): GET /datasets/events/rows?user_id=N&limit=100 (about 100 rows each), with
#    N drawn at random per request ("distinct"), and with one N repeated ("repeated", the
#    issue's "a selective filtered query"). Then again without the response cache, and
#    with SQL only (no cache, no in-memory index), to show what each layer gives.
# 3. Starts the baseline (Baseline.java: per request a fresh in-memory DuckDB, one view per
#    Parquet file, the same query, behind the JDK's HTTP server) and loads it the same way
#    with distinct queries. The last column is each row's requests/s over the baseline's.
#    "CPU us/req" is the server's CPU (user + system, from /proc) over the measured run per
#    request: steadier than requests/s when other work shares the machine.
#    "others %" is the CPU that processes other than the server and wrk used during the
#    measured run, as a share of the whole machine (all cores), and "waited ms/s" how long the
#    server's threads sat runnable without a CPU, per second of the run (/proc/PID/task/*/schedstat).
#    Requests/s and p99 are the server's only when both are near 0: the script says so at the end.
#
# Knobs: DURATION=20s WARMUP=30s CONNECTIONS=8 WRK_THREADS=1 BASELINE_DURATION=20s QUIET_OTHERS_PCT=5
#        QUIET_WAIT=0 (seconds to wait, before each measured run, for a second in which other
#        processes take at most QUIET_OTHERS_PCT% of the CPU; the runs are still checked after)
# Needs: a JDK 17, wrk (Debian package wrk), curl.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/serve"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-30s}"
CONNECTIONS="${CONNECTIONS:-8}"
WRK_THREADS="${WRK_THREADS:-1}"
BASELINE_DURATION="${BASELINE_DURATION:-$DURATION}"
QUIET_OTHERS_PCT="${QUIET_OTHERS_PCT:-5}"
MALLARD_PORT="${MALLARD_PORT:-18580}"
BASELINE_PORT="${BASELINE_PORT:-18581}"

# shellcheck source=measure.sh
source "$HERE/measure.sh"

echo "== building the mart (1,000,000 rows)" >&2
"$ROOT/mallard" build --project-dir "$HERE/project" >&2
mart="$HERE/project/marts/events.parquet"
ls -l "$mart" >&2

rows='/datasets/events/rows?user_id={id}&limit=100'
results=()

# 1. Mallard as shipped, distinct queries: 10,000 user ids drawn at random.
start_mallard
curl -fs "http://127.0.0.1:$MALLARD_PORT/datasets/events/rows?user_id=42&limit=100" | head -c 160 >&2 || true; echo >&2
results+=("$(load mallard-distinct "http://127.0.0.1:$MALLARD_PORT" "$rows" "$DURATION" "${pids[0]}")")
# 2. The issue's literal workload: one selective query, repeated.
results+=("$(load mallard-repeated "http://127.0.0.1:$MALLARD_PORT" '/datasets/events/rows?user_id=4242&limit=100' "$DURATION" "${pids[0]}")")
stop_servers

# 3. Without the response cache (every answer computed), distinct queries.
start_mallard --no-response-cache
results+=("$(load mallard-nocache "http://127.0.0.1:$MALLARD_PORT" "$rows" "$DURATION" "${pids[0]}")")
stop_servers

# 4. SQL only (no cache, no in-memory index): each request a prepared DuckDB query.
start_mallard --no-response-cache --no-memory-index
results+=("$(load mallard-sql "http://127.0.0.1:$MALLARD_PORT" "$rows" "$DURATION" "${pids[0]}")")
stop_servers

# 5. Seed 002's design: a fresh in-memory DuckDB per request.
java -cp "$ROOT/mallard-cli/target/mallard.jar" "$HERE/Baseline.java" "$BASELINE_PORT" "$(dirname "$mart")" \
  >"$HERE/project/target/baseline.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$BASELINE_PORT/health"
curl -fs "http://127.0.0.1:$BASELINE_PORT/rows?user_id=42" | head -c 160 >&2 || true; echo >&2
baseline_result="$(load baseline "http://127.0.0.1:$BASELINE_PORT" '/rows?user_id={id}' "$BASELINE_DURATION" "${pids[0]}")"
results+=("$baseline_result")
stop_servers

echo
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); wrk -t$WRK_THREADS -c$CONNECTIONS, $DURATION per run"
printf '%-17s %12s %10s %10s %8s %12s %9s %12s %s\n' server 'requests/s' 'p50 ms' 'p99 ms' non-2xx 'CPU us/req' \
  'others %' 'waited ms/s' 'ratio to baseline'
base_rps="$(field "$baseline_result" rps)"
busiest=0
for r in "${results[@]}"; do
  rps="$(field "$r" rps)"
  printf '%-17s %12s %10s %10s %8s %12s %9s %12s %s\n' "${r%% *}" "$rps" "$(field "$r" p50_ms)" "$(field "$r" p99_ms)" \
    "$(field "$r" non2xx)" "$(field "$r" cpu_us)" "$(field "$r" others_pct)" "$(field "$r" waited_ms)" \
    "$(awk -v a="$rps" -v b="$base_rps" 'BEGIN { if (b > 0) printf "%.0fx", a / b }')"
  others="$(field "$r" others_pct)"
  [[ "${r%% *}" == mallard-* ]] && (( ${others:-0} > busiest )) && busiest="$others"
done
if (( busiest > QUIET_OTHERS_PCT )); then
  echo "NOT A QUIET RUN: other processes took up to $busiest% of the machine's CPU during a mallard run" \
    "(more than $QUIET_OTHERS_PCT%): its requests/s and p99 are the machine's share, not the server's; CPU us/req still compares"
fi
