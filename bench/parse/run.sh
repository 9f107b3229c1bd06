#!/usr/bin/env bash
# Parse/compile benchmark: Mallard vs the reference dbt on generated projects.
#
#   bench/parse/run.sh
#
# Environment knobs:
#   SIZES="2000 10000"   project sizes (number of chained models)
#   RUNS=3               timed runs per Mallard command
#   DBT_RUNS=2           timed runs per dbt command
#   ONLY=mallard|dbt     run only one side
#   NO_HYPERFINE=1       time with date +%s.%N even if hyperfine is installed
#
# Projects are generated under bench/parse/generated/ (gitignored). Times are
# wall clock for the whole process (JVM / Python start-up included), measured
# with hyperfine when installed (mean of the runs), else with date +%s.%N.
# Mallard is ./mallard at the repo root; dbt is .venv/bin/dbt (see
# conformance/oracle_env.sh) and runs `dbt parse --no-partial-parse` with a
# temporary profiles dir. A side that is missing is reported and skipped.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/parse"
GEN="$HERE/generated"
SIZES="${SIZES:-2000 10000}"
RUNS="${RUNS:-3}"
DBT_RUNS="${DBT_RUNS:-2}"
ONLY="${ONLY:-}"
MALLARD="$ROOT/mallard"
DBT="$ROOT/.venv/bin/dbt"
PY="$(command -v python3 || command -v python)"

export DBT_SEND_ANONYMOUS_USAGE_STATS=false

have_mallard=0; have_dbt=0
if [ "$ONLY" != dbt ]; then
  if [ -x "$MALLARD" ]; then have_mallard=1
  else echo "note: $MALLARD not found (or not executable): skipping Mallard timings; build it first" >&2; fi
fi
if [ "$ONLY" != mallard ]; then
  if [ -x "$DBT" ]; then have_dbt=1
  else echo "note: $DBT not found: skipping dbt timings; create it with conformance/oracle_env.sh" >&2; fi
fi

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
      threads: 1
YAML

# time_cmd LABEL RUNS CMD... -> prints mean seconds on stdout, logs to stderr
time_cmd() {
  local label="$1" runs="$2"; shift 2
  echo "== $label: $*" >&2
  if [ -z "${NO_HYPERFINE:-}" ] && command -v hyperfine >/dev/null 2>&1; then
    local json="$TMP/hf.json"
    if ! hyperfine --style basic --runs "$runs" --export-json "$json" \
        --command-name "$label" -- "$(printf '%q ' "$@")" >&2; then
      echo "FAILED"; return
    fi
    "$PY" -c 'import json,sys; print("%.3f" % json.load(open(sys.argv[1]))["results"][0]["mean"])' "$json"
  else
    local total=0 i t0 t1
    for ((i = 0; i < runs; i++)); do
      t0=$(date +%s.%N)
      if ! "$@" >"$TMP/out.log" 2>&1; then
        tail -20 "$TMP/out.log" >&2; echo "FAILED"; return
      fi
      t1=$(date +%s.%N)
      total=$("$PY" -c "print($total + $t1 - $t0)")
      echo "  run $((i + 1)): $("$PY" -c "print('%.3f' % ($t1 - $t0))") s" >&2
    done
    "$PY" -c "print('%.3f' % ($total / $runs))"
  fi
}

ratio() {  # ratio A B -> A/B or '-'
  "$PY" - "$1" "$2" <<'PY'
import sys
try:
    print("%.1fx" % (float(sys.argv[1]) / float(sys.argv[2])))
except (ValueError, ZeroDivisionError):
    print("-")
PY
}

declare -A R
for n in $SIZES; do
  P="$GEN/chain_$n"
  "$PY" "$HERE/generate.py" "$n" "$P" >&2 || exit 1
  R[$n,mparse]="-"; R[$n,mcompile]="-"; R[$n,dbt]="-"
  if [ $have_mallard = 1 ]; then
    R[$n,mparse]=$(time_cmd "mallard parse ($n)" "$RUNS" "$MALLARD" parse --project-dir "$P")
    R[$n,mcompile]=$(time_cmd "mallard compile ($n)" "$RUNS" "$MALLARD" compile --project-dir "$P")
  fi
  if [ $have_dbt = 1 ]; then
    R[$n,dbt]=$(time_cmd "dbt parse ($n)" "$DBT_RUNS" "$DBT" parse --no-partial-parse \
      --project-dir "$P" --profiles-dir "$TMP/profiles" --quiet)
  fi
done

echo
printf '%-8s | %15s | %17s | %15s | %21s\n' models "mallard parse s" "mallard compile s" "dbt parse s" "dbt/mallard (parse)"
printf '%s\n' "---------+-----------------+-------------------+-----------------+----------------------"
for n in $SIZES; do
  printf '%-8s | %15s | %17s | %15s | %21s\n' "$n" "${R[$n,mparse]}" "${R[$n,mcompile]}" "${R[$n,dbt]}" \
    "$(ratio "${R[$n,dbt]}" "${R[$n,mparse]}")"
done
