#!/usr/bin/env bash
# Build benchmark (issue 13): `mallard build` of examples/jaffle_shop and of a generated
# project of MODELS table models (generate.py: fan-out after one base table, so independent
# nodes exist), each into a fresh DuckDB file, against the floor: the SQL Mallard compiled
# (seeds read with read_csv, models as CREATE TABLE/VIEW ... AS in DAG order, the data
# tests' queries), run by one fresh Python process with the duckdb module (floor.py). The
# generated project is timed at --threads 1 and --threads 2, and so is its floor (`floor.py run
# ... 2`: two DuckDB cursors taking the statements in DAG order). With DBT=1, dbt-duckdb's
# `dbt build` is timed too. Runs are interleaved (one of each per round); medians are
# printed with their ratio to the floor, and the load average.
#
#   bench/build/run.sh            RUNS=3 MODELS=200 ROWS=100000 DBT=0 ONLY= MALLARD=<launcher> BASELINE=<launcher>
#
# ONLY=jaffle_shop times jaffle_shop alone, ONLY=models the generated project alone.
# BASELINE names a second Mallard launcher (an older checkout's ./mallard) timed in the same
# rounds. Projects are generated under bench/build/generated/ (gitignored).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/build"
GEN="$HERE/generated"
RUNS="${RUNS:-3}"
MODELS="${MODELS:-200}"
ROWS="${ROWS:-100000}"
PY="$ROOT/.venv/bin/python"
DBT="$ROOT/.venv/bin/dbt"
MALLARD="${MALLARD:-$ROOT/mallard}"
export DBT_SEND_ANONYMOUS_USAGE_STATS=false
[ -x "$PY" ] || PY="$("$ROOT/conformance/oracle_env.sh" | xargs dirname)/python"

# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"
rm -rf "$GEN"
mkdir -p "$GEN/floor"
"$MALLARD" --version >/dev/null   # builds the jar once
[ -z "${BASELINE:-}" ] || "$BASELINE" --version >/dev/null

profile() { # NAME DB_PATH THREADS
  cat <<YML
$1:
  target: dev
  outputs:
    dev:
      type: duckdb
      path: "$2"
      threads: $3
YML
}

ONLY="${ONLY:-}"
case "$ONLY" in ""|jaffle_shop|models) ;; *) echo "ONLY must be jaffle_shop or models" >&2; exit 2 ;; esac

# --- jaffle_shop: the example project, copied so its target/ stays out of the repo
if [ "$ONLY" != models ]; then
JS="$GEN/jaffle_shop"
cp -r "$ROOT/examples/jaffle_shop" "$JS"
rm -rf "$JS/target" "$JS/logs"
profile jaffle_shop "$JS/jaffle_shop.duckdb" 4 > "$JS/profiles.yml"
# the baseline builds a copy of its own: the saved parse (target/) names the mallard.jar that wrote
# it, so two launchers taking turns on one project would each make the other parse from scratch
JSB="$GEN/jaffle_shop_baseline"
cp -r "$JS" "$JSB"
profile jaffle_shop "$JSB/jaffle_shop.duckdb" 4 > "$JSB/profiles.yml"
"$MALLARD" build --project-dir "$JS" --profiles-dir "$JS" >/dev/null
[ -z "${BASELINE:-}" ] || "$BASELINE" build --project-dir "$JSB" --profiles-dir "$JSB" >/dev/null
"$PY" "$HERE/floor.py" write "$JS" "$GEN/jaffle_shop.json"
CLEAN="$JS/jaffle_shop.duckdb $JS/jaffle_shop.duckdb.wal $JSB/jaffle_shop.duckdb $JSB/jaffle_shop.duckdb.wal"
CLEAN="$CLEAN $GEN/floor/jaffle_shop.duckdb $GEN/floor/jaffle_shop.duckdb.wal"
for ((i = 1; i <= RUNS; i++)); do
  timed floor "$PY" "$HERE/floor.py" run "$GEN/floor/jaffle_shop.duckdb" "$GEN/jaffle_shop.json"
  timed mallard "$MALLARD" build --project-dir "$JS" --profiles-dir "$JS"
  if [ -n "${BASELINE:-}" ]; then timed baseline "$BASELINE" build --project-dir "$JSB" --profiles-dir "$JSB"; fi
  if [ "${DBT:-0}" = 1 ]; then timed dbt "$DBT" build --project-dir "$JS" --profiles-dir "$JS"; fi
done
report "build of jaffle_shop ($("$PY" -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["results"]))' "$JS/target/run_results.json") nodes, threads 4)"
unset times; declare -A times
fi
[ "$ONLY" != jaffle_shop ] || exit 0

# --- MODELS generated table models, at --threads 1 and 2
P="$GEN/models$MODELS"
python3 "$HERE/generate.py" "$MODELS" "$P" "$ROWS"
profile build_bench "$P/bench.duckdb" 1 > "$P/profiles.yml"
PB="$P-baseline"   # the baseline's own copy, as for jaffle_shop
cp -r "$P" "$PB"
profile build_bench "$PB/bench.duckdb" 1 > "$PB/profiles.yml"
"$MALLARD" build --project-dir "$P" --profiles-dir "$P" >/dev/null
[ -z "${BASELINE:-}" ] || "$BASELINE" build --project-dir "$PB" --profiles-dir "$PB" >/dev/null
"$PY" "$HERE/floor.py" write "$P" "$GEN/models.json"
CLEAN="$P/bench.duckdb $P/bench.duckdb.wal $PB/bench.duckdb $PB/bench.duckdb.wal"
CLEAN="$CLEAN $GEN/floor/bench.duckdb $GEN/floor/bench.duckdb.wal"
for ((i = 1; i <= RUNS; i++)); do
  timed floor "$PY" "$HERE/floor.py" run "$GEN/floor/bench.duckdb" "$GEN/models.json"
  timed floor_t2 "$PY" "$HERE/floor.py" run "$GEN/floor/bench.duckdb" "$GEN/models.json" 2
  timed mallard "$MALLARD" build --project-dir "$P" --profiles-dir "$P" --threads 1
  timed threads2 "$MALLARD" build --project-dir "$P" --profiles-dir "$P" --threads 2
  if [ -n "${BASELINE:-}" ]; then
    timed baseline "$BASELINE" build --project-dir "$PB" --profiles-dir "$PB" --threads 1
    timed base_t2 "$BASELINE" build --project-dir "$PB" --profiles-dir "$PB" --threads 2
  fi
  if [ "${DBT:-0}" = 1 ]; then timed dbt "$DBT" build --project-dir "$P" --profiles-dir "$P" --threads 1; fi
done
report "build of $MODELS table models over $ROWS rows (mallard, baseline, dbt: --threads 1)"
for pair in "floor floor_t2" "mallard threads2" "baseline base_t2"; do
  set -- $pair
  [ -n "${times[$1]:-}" ] || continue
  m1=$(echo "${times[$1]}" | median); m2=$(echo "${times[$2]}" | median)
  printf '  %-8s --threads 2: %7.2f s, %5.2fx faster than --threads 1   (runs: %s)\n' "$1" "$m2" "$(echo "$m1 / $m2" | bc -l)" "${times[$2]}"
done
