#!/usr/bin/env bash
# Parse benchmark: Mallard (and dbt with DBT=1) on generated projects of N chained models,
# each with a not_null test. Per size it measures, interleaved (one of each per round):
#   full      parse --no-partial-parse
#   cached    parse of the unchanged project (the partial-parse cache is hit): timed after an
#             untimed plain parse, so that it follows a parse of the same files as a user's
#             second `parse` would (the one after --no-partial-parse may rewrite its caches)
#   one-file  parse after one model's text changed (a comment appended before each run)
# then the peak resident memory of a full parse (/usr/bin/time's Maximum resident set size),
# and, with BUILD=1, of `build` (views + tests; the project is then made of chains of 50 so
# that DuckDB does not bind views nested thousands deep). Medians and ratios are printed
# with the load average.
#
#   bench/parse/run.sh     SIZES="2000 10000" RUNS=5 DBT=0 BUILD=0 MALLARD=<launcher> BASELINE=<launcher>
#
# BASELINE names a second Mallard launcher (e.g. an older checkout's ./mallard) timed in the
# same rounds. dbt is .venv/bin/dbt (conformance/oracle_env.sh) with a temporary profiles dir;
# its partial parse writes target/partial_parse.msgpack as usual. Projects are generated
# under bench/parse/generated/ (gitignored). Times include process start-up.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/parse"
GEN="$HERE/generated"
SIZES="${SIZES:-2000 10000}"
RUNS="${RUNS:-5}"
MALLARD="${MALLARD:-$ROOT/mallard}"
BASELINE="${BASELINE:-}"
DBT_BIN="$ROOT/.venv/bin/dbt"
PY="$(command -v python3 || command -v python)"
export DBT_SEND_ANONYMOUS_USAGE_STATS=false
# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/mallard-bench.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/profiles"
cat > "$TMP/profiles/profiles.yml" <<YAML
bench_parse:
  target: bench
  outputs:
    bench:
      type: duckdb
      path: "$TMP/bench.duckdb"
      threads: 4
YAML

sides=(mallard)
[ -n "$BASELINE" ] && sides+=(baseline)
if [ "${DBT:-0}" = 1 ]; then
  if [ -x "$DBT_BIN" ]; then sides+=(dbt); else echo "note: $DBT_BIN not found: skipping dbt" >&2; fi
fi

# cmd SIDE WHAT DIR -> the command line for one side ("full", "cached" or "build")
cmd() {
  local side="$1" what="$2" dir="$3" flag=""
  [ "$what" = full ] && flag="--no-partial-parse"
  local verb=parse; [ "$what" = build ] && verb=build
  case "$side" in
    mallard) echo "$MALLARD $verb $flag --project-dir $dir --profiles-dir $TMP/profiles" ;;
    baseline) echo "$BASELINE $verb $flag --project-dir $dir --profiles-dir $TMP/profiles" ;;
    dbt) echo "$DBT_BIN $verb $flag --project-dir $dir --profiles-dir $TMP/profiles --quiet" ;;
  esac
}

declare -A cpu
run_timed() {  # run_timed NAME COMMAND-LINE: appends wall seconds to times[NAME], user+sys to cpu[NAME]
  local name="$1"; shift
  # shellcheck disable=SC2086
  /usr/bin/time -f '%e %U %S' -o "$TMP/t" $* >"$TMP/out.log" 2>&1 \
    || { echo "$name failed: $*" >&2; tail -5 "$TMP/out.log" >&2; exit 1; }
  read -r wall user sys < <(tail -1 "$TMP/t")
  times[$name]+="$wall "
  cpu[$name]+="$(echo "$user + $sys" | bc) "
}

peak_mb() {  # peak_mb COMMAND-LINE -> megabytes of peak RSS
  # shellcheck disable=SC2086
  /usr/bin/time -f '%M' -o "$TMP/rss" $* >"$TMP/out.log" 2>&1 || { tail -5 "$TMP/out.log" >&2; echo "-"; return; }
  echo $(( $(tail -1 "$TMP/rss") / 1024 ))
}

for n in $SIZES; do
  P="$GEN/chain_$n"
  "$PY" "$HERE/generate.py" "$n" "$P" >&2
  edited="$P/models/g000/model_00002.sql"
  for side in "${sides[@]}"; do
    # shellcheck disable=SC2046
    $(cmd "$side" cached "$P") >/dev/null 2>&1 || true  # first parse: writes each side's cache
  done
  times=(); cpu=()
  for ((r = 0; r < RUNS; r++)); do
    for side in "${sides[@]}"; do
      run_timed "$side/full" "$(cmd "$side" full "$P")"
      # the unchanged project: a parse right after another plain parse of the same files (the
      # first parse after a --no-partial-parse one is not timed: it may still write its cache
      # or a whole manifest.json); the same definition for every side
      # shellcheck disable=SC2046
      $(cmd "$side" cached "$P") >/dev/null 2>&1
      run_timed "$side/cached" "$(cmd "$side" cached "$P")"
      echo "-- edit $r $side" >> "$edited"
      run_timed "$side/one-file" "$(cmd "$side" cached "$P")"
    done
  done
  echo
  echo "parse of $n models + $n tests, median of $RUNS interleaved rounds; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "  wall seconds (CPU seconds, user + sys, in brackets: less disturbed by other load)"
  for side in "${sides[@]}"; do
    line="  $(printf '%-9s' "$side")"
    for what in full cached one-file; do
      m=$(echo "${times[$side/$what]}" | median); c=$(echo "${cpu[$side/$what]}" | median)
      line+="$(printf '  %s %6.2f s (%5.2f)' "$what" "$m" "$c")"
    done
    echo "$line"
  done
  for other in baseline dbt; do
    [[ " ${sides[*]} " == *" $other "* ]] || continue
    for what in full cached one-file; do
      d=$(echo "${times[$other/$what]}" | median); m=$(echo "${times[mallard/$what]}" | median)
      dc=$(echo "${cpu[$other/$what]}" | median); mc=$(echo "${cpu[mallard/$what]}" | median)
      printf '  %s/mallard %-8s wall %5.1fx  cpu %5.1fx\n' "$other" "$what" "$(echo "$d / $m" | bc -l)" \
        "$(echo "$dc / $mc" | bc -l)"
    done
  done
  for side in "${sides[@]}"; do
    echo "  peak RSS, full parse, $side: $(peak_mb "$(cmd "$side" full "$P")") MB"
  done
  if [ "${BUILD:-0}" = 1 ]; then
    B="$GEN/views_$n"
    "$PY" "$HERE/generate.py" "$n" "$B" --depth 50 >&2
    for side in "${sides[@]}"; do
      rm -f "$TMP/bench.duckdb"
      t0=$(now)
      mb=$(peak_mb "$(cmd "$side" build "$B")")
      echo "  build of $n views + $n tests, $side: peak RSS $mb MB, $(echo "$(now) - $t0" | bc) s"
    done
  fi
done
