# Shared by run.sh and repeat.sh (sourced, not run): starting and stopping servers, and one
# measured wrk run with the server's CPU per request, the CPU other processes took meanwhile
# and how long the server's threads waited for a CPU. Expects ROOT, HERE, WARMUP, CONNECTIONS,
# WRK_THREADS and MALLARD_PORT to be set.

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
# CPU the whole machine has used so far, in clock ticks (user, nice, system, irq, softirq; every core)
machine_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }
# nanoseconds the process's threads have spent runnable but waiting for a CPU (threads alive now)
run_queue_ns() { cat /proc/"$1"/task/*/schedstat 2>/dev/null | awk '{ w += $2 } END { printf "%.0f\n", w }'; }
CORES="$(nproc)"
# wrk's own CPU, when /usr/bin/time is there to tell it (else counted among the others)
wrk_cpu=()
[[ -x /usr/bin/time ]] && wrk_cpu=(/usr/bin/time -f '%U %S' -o "$HERE/project/target/wrk.cpu")

# Waits (at most QUIET_WAIT seconds; 0: not at all) for a second in which processes other than the
# server (idle between runs) took at most QUIET_OTHERS_PCT% of the machine's CPU.
wait_for_quiet() {  # wait_for_quiet SERVER_PID
  local waited=0 m0 m1 t0 t1 pct
  while (( waited < ${QUIET_WAIT:-0} )); do
    m0="$(machine_ticks)"; t0="$(cpu_ticks "$1")"; sleep 1; m1="$(machine_ticks)"; t1="$(cpu_ticks "$1")"
    pct="$(awk -v m="$((m1 - m0 - (t1 - t0)))" -v hz="$TICKS_PER_SECOND" -v n="$CORES" 'BEGIN { printf "%.0f", 100 * m / hz / n }')"
    (( pct <= ${QUIET_OTHERS_PCT:-5} )) && return 0
    waited=$((waited + 1))
  done
  (( ${QUIET_WAIT:-0} > 0 )) && echo "== no quiet second in ${QUIET_WAIT} s (others at $pct%): measuring anyway" >&2
  return 0
}

load() {  # load LABEL BASE_URL PATH_TEMPLATE DURATION SERVER_PID -> prints the RESULT line, with the server's CPU per request
  local label="$1" base="$2" template="$3" duration="$4" pid="$5"
  if [[ "$WARMUP" != 0 && "$WARMUP" != 0s ]]; then
    echo "== $label: warm-up $WARMUP" >&2
    PATH_TEMPLATE="$template" wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$HERE/query.lua" "$base" >/dev/null
  fi
  echo "== $label: measuring $duration, $CONNECTIONS connections" >&2
  wait_for_quiet "$pid"
  local before result after machine_before machine_after wait_before wait_after wrk_s=0
  rm -f "$HERE/project/target/wrk.cpu"
  machine_before="$(machine_ticks)"
  wait_before="$(run_queue_ns "$pid")"
  before="$(cpu_ticks "$pid")"
  result="$(PATH_TEMPLATE="$template" ${wrk_cpu[@]+"${wrk_cpu[@]}"} wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$duration" \
    --timeout 10s -s "$HERE/query.lua" "$base" | grep '^RESULT' | sed "s/^RESULT/$label/")"
  after="$(cpu_ticks "$pid")"
  wait_after="$(run_queue_ns "$pid")"
  machine_after="$(machine_ticks)"
  [[ -f "$HERE/project/target/wrk.cpu" ]] && wrk_s="$(awk '{ print $1 + $2 }' "$HERE/project/target/wrk.cpu")"
  echo "$result cpu_us=$(awk -v t="$((after - before))" -v hz="$TICKS_PER_SECOND" -v r="$(field "$result" requests)" \
    'BEGIN { if (r > 0) printf "%.1f", t / hz * 1e6 / r }')" \
    "others_pct=$(awk -v m="$((machine_after - machine_before))" -v t="$((after - before))" -v w="$wrk_s" \
      -v hz="$TICKS_PER_SECOND" -v s="$(field "$result" seconds)" -v n="$CORES" \
      'BEGIN { o = (m - t) / hz - w; if (o < 0) o = 0; if (s > 0) printf "%.0f", 100 * o / (s * n) }')" \
    "waited_ms=$(awk -v w="$((wait_after - wait_before))" -v s="$(field "$result" seconds)" \
      'BEGIN { if (s > 0) printf "%.0f", w / 1e6 / s }')"
}

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
