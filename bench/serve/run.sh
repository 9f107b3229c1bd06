#!/usr/bin/env bash
# Serve benchmark: `mallard serve` against seed 002's own design, same mart, same query.
#
#   bench/serve/run.sh
#
# 1. Builds bench/serve/project: one external model, 1,000,000 rows over 10,000 users,
#    published as marts/events.parquet (the rows of a user are spread over the file).
# 2. Starts `mallard serve --project-dir bench/serve/project` and loads it with wrk from a
#    second process on loopback: GET /datasets/events/rows?user_id=N&limit=100, N drawn at
#    random per request (about 100 rows each).
# 3. Starts the baseline (Baseline.java: per request a fresh in-memory DuckDB, one view per
#    Parquet file, the same query, behind the JDK's HTTP server) and loads it the same way.
#
# Knobs: DURATION=20s WARMUP=10s CONNECTIONS=8 WRK_THREADS=1 BASELINE_DURATION=20s
# Needs: a JDK 17, wrk (Debian package wrk), curl.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/serve"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-10s}"
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

wait_for() {
  local url="$1"
  for _ in $(seq 1 120); do
    curl -fs "$url" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "server at $url did not come up" >&2
  exit 1
}

load() {  # load LABEL BASE_URL PATH_TEMPLATE DURATION -> prints the RESULT line
  local label="$1" base="$2" template="$3" duration="$4"
  echo "== $label: warm-up $WARMUP" >&2
  PATH_TEMPLATE="$template" wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$HERE/query.lua" "$base" >/dev/null
  echo "== $label: measuring $duration, $CONNECTIONS connections" >&2
  PATH_TEMPLATE="$template" wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$duration" --timeout 10s \
    -s "$HERE/query.lua" "$base" | grep '^RESULT' | sed "s/^RESULT/$label/"
}

echo "== building the mart (1,000,000 rows)" >&2
"$ROOT/mallard" build --project-dir "$HERE/project" >&2
mart="$HERE/project/marts/events.parquet"
ls -l "$mart" >&2

"$ROOT/mallard" serve --project-dir "$HERE/project" --port "$MALLARD_PORT" >"$HERE/project/target/serve.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$MALLARD_PORT/health"
curl -fs "http://127.0.0.1:$MALLARD_PORT/datasets/events/rows?user_id=42&limit=100" | head -c 200 >&2; echo >&2
mallard_result="$(load mallard "http://127.0.0.1:$MALLARD_PORT" '/datasets/events/rows?user_id={id}&limit=100' "$DURATION")"
kill "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true; pids=()

java -cp "$ROOT/mallard-cli/target/mallard.jar" "$HERE/Baseline.java" "$BASELINE_PORT" "$(dirname "$mart")" \
  >"$HERE/project/target/baseline.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$BASELINE_PORT/health"
curl -fs "http://127.0.0.1:$BASELINE_PORT/rows?user_id=42" | head -c 200 >&2; echo >&2
baseline_result="$(load baseline "http://127.0.0.1:$BASELINE_PORT" '/rows?user_id={id}' "$BASELINE_DURATION")"

field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }
echo
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); wrk -t$WRK_THREADS -c$CONNECTIONS"
printf '%-10s %12s %10s %10s %10s\n' server 'requests/s' 'p50 ms' 'p99 ms' non-2xx
for r in "$mallard_result" "$baseline_result"; do
  printf '%-10s %12s %10s %10s %10s\n' "${r%% *}" "$(field "$r" rps)" "$(field "$r" p50_ms)" "$(field "$r" p99_ms)" \
    "$(field "$r" non2xx)"
done
awk -v a="$(field "$mallard_result" rps)" -v b="$(field "$baseline_result" rps)" \
  'BEGIN { if (b > 0) printf "ratio (mallard / baseline requests/s): %.1fx\n", a / b }'
