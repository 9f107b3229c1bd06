#!/usr/bin/env bash
# The distinct scenario of run.sh again and again, each time on a fresh server, to see how much
# its figure moves and why: per measured run, requests/s, p99, the server's CPU per request, the
# share of the machine's CPU other processes took meanwhile, and how long the server's threads
# waited for a CPU (see run.sh). A run slowed by the server itself (GC, JIT, a lock, its cache)
# shows more CPU per request or a server idle while wrk waits; a run slowed by other work shows
# the same CPU per request with "others %" and "waited ms/s" up.
#
#   bench/serve/repeat.sh                 # 5 servers, one 20 s run each after a 30 s warm-up
#   SERVERS=3 ROUNDS=4 DURATION=5s bench/serve/repeat.sh
#
# Knobs: SERVERS=5 ROUNDS=1 DURATION=20s WARMUP=30s CONNECTIONS=8 WRK_THREADS=1 QUIET_WAIT=0 (see run.sh); MALLARD_JAVA_OPTS
# reaches the server (say -Xlog:gc:file=/tmp/gc.log). Builds the mart first unless it exists.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/serve"
SERVERS="${SERVERS:-5}"
ROUNDS="${ROUNDS:-1}"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-30s}"
CONNECTIONS="${CONNECTIONS:-8}"
WRK_THREADS="${WRK_THREADS:-1}"
MALLARD_PORT="${MALLARD_PORT:-18582}"

# shellcheck source=measure.sh
source "$HERE/measure.sh"

[[ -f "$HERE/project/marts/events.parquet" ]] || "$ROOT/mallard" build --project-dir "$HERE/project" >&2
rows='/datasets/events/rows?user_id={id}&limit=100'
printf '%-6s %-5s %10s %8s %8s %11s %9s %12s %s\n' server run 'requests/s' 'p50 ms' 'p99 ms' 'CPU us/req' 'others %' \
  'waited ms/s' load
for s in $(seq 1 "$SERVERS"); do
  start_mallard
  curl -fs "http://127.0.0.1:$MALLARD_PORT/datasets/events/rows?user_id=42&limit=100" >/dev/null || true
  for r in $(seq 1 "$ROUNDS"); do
    # the first run of each server after its warm-up, the others right after it
    line="$(WARMUP="$([[ "$r" == 1 ]] && echo "$WARMUP" || echo 0s)" \
      load distinct "http://127.0.0.1:$MALLARD_PORT" "$rows" "$DURATION" "${pids[0]}" 2>/dev/null)"
    printf '%-6s %-5s %10s %8s %8s %11s %9s %12s %s\n' "$s" "$r" "$(field "$line" rps)" "$(field "$line" p50_ms)" \
      "$(field "$line" p99_ms)" "$(field "$line" cpu_us)" "$(field "$line" others_pct)" "$(field "$line" waited_ms)" \
      "$(cut -d' ' -f1 /proc/loadavg)"
  done
  stop_servers
done
