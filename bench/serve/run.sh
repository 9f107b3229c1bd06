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
#
# Knobs: DURATION=20s WARMUP=30s CONNECTIONS=8 WRK_THREADS=1 BASELINE_DURATION=20s
# Needs: a JDK 17, wrk (Debian package wrk), curl.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/serve"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-30s}"
CONNECTIONS="${CONNECTIONS:-8}"
WRK_THREADS="${WRK_THREADS:-1}"
BASELINE_DURATION="${BASELINE_DURATION:-$DURATION}"
MALLARD_PORT="${MALLARD_PORT:-18580}"
BASELINE_PORT="${BASELINE_PORT:-18581}"

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl is not installed" >&2; exit 2; }

pids=()
cleanup() { for p in "${pids[@]+"${pids[@]}"}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }

wait_for() {
  local url="$1"
  for _ in $(seq 1 120); do
    curl -fs "$url" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "server at $url did not come up" >&2
  exit 1
}

# CPU seconds (user + system, in clock ticks) a process has used so far
cpu_ticks() { sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'; }
TICKS_PER_SECOND="$(getconf CLK_TCK)"

load() {  # load LABEL BASE_URL PATH_TEMPLATE DURATION SERVER_PID -> prints the RESULT line, with the server's CPU per request
  local label="$1" base="$2" template="$3" duration="$4" pid="$5"
  echo "== $label: warm-up $WARMUP" >&2
  PATH_TEMPLATE="$template" wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$HERE/query.lua" "$base" >/dev/null
  echo "== $label: measuring $duration, $CONNECTIONS connections" >&2
  local before result after
  before="$(cpu_ticks "$pid")"
  result="$(PATH_TEMPLATE="$template" wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$duration" --timeout 10s \
    -s "$HERE/query.lua" "$base" | grep '^RESULT' | sed "s/^RESULT/$label/")"
  after="$(cpu_ticks "$pid")"
  echo "$result cpu_us=$(awk -v t="$((after - before))" -v hz="$TICKS_PER_SECOND" -v r="$(field "$result" requests)" \
    'BEGIN { if (r > 0) printf "%.1f", t / hz * 1e6 / r }')"
}

echo "== building the mart (1,000,000 rows)" >&2
"$ROOT/mallard" build --project-dir "$HERE/project" >&2
mart="$HERE/project/marts/events.parquet"
ls -l "$mart" >&2

start_mallard() {  # start_mallard EXTRA_FLAGS...
  local log="$HERE/project/target/serve.log"
  "$ROOT/mallard" serve --project-dir "$HERE/project" --port "$MALLARD_PORT" "$@" >"$log" 2>&1 &
  pids=($!)
  wait_for "http://127.0.0.1:$MALLARD_PORT/health"
  # the first request loads the mart; unless told not to, the server then copies it into memory
  # in the background: measure the server as it runs from then on, not while it copies
  curl -fs "http://127.0.0.1:$MALLARD_PORT/datasets/events/rows?user_id=42&limit=100" >/dev/null || true
  if [[ " $* " != *" --no-memory-index "* ]]; then
    for _ in $(seq 1 240); do grep -q 'is held in memory' "$log" && break; sleep 0.5; done
  fi
}
stop_servers() { cleanup; for p in "${pids[@]+"${pids[@]}"}"; do wait "$p" 2>/dev/null || true; done; pids=(); }

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
printf '%-17s %12s %10s %10s %8s %12s %s\n' server 'requests/s' 'p50 ms' 'p99 ms' non-2xx 'CPU us/req' 'ratio to baseline'
base_rps="$(field "$baseline_result" rps)"
for r in "${results[@]}"; do
  rps="$(field "$r" rps)"
  printf '%-17s %12s %10s %10s %8s %12s %s\n' "${r%% *}" "$rps" "$(field "$r" p50_ms)" "$(field "$r" p99_ms)" \
    "$(field "$r" non2xx)" "$(field "$r" cpu_us)" "$(awk -v a="$rps" -v b="$base_rps" 'BEGIN { if (b > 0) printf "%.0fx", a / b }')"
done
