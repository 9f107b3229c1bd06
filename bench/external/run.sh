#!/usr/bin/env bash
# External-model benchmark: `mallard run` of one model materialized as external Parquet
# (ROWS rows from range(), a few computed columns) against the DuckDB floor (the same
# SELECT through `COPY (...) TO 'file.parquet'` in a fresh Python process with the duckdb
# module) and, with DBT=1, dbt-duckdb's `dbt run`. Runs are interleaved (one of each per
# round); the median of each is printed with its ratio to the floor, and the load average.
#
#   bench/external/run.sh         ROWS=10000000 RUNS=3 DBT=0 MALLARD=<launcher> BASELINE=<launcher>
#
# BASELINE names a second Mallard launcher (e.g. an older checkout's ./mallard) timed in the
# same rounds. The project is generated under bench/external/generated/ (gitignored).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
GEN="$ROOT/bench/external/generated"
ROWS="${ROWS:-10000000}"
RUNS="${RUNS:-3}"
PY="$ROOT/.venv/bin/python"
DBT="$ROOT/.venv/bin/dbt"
MALLARD="${MALLARD:-$ROOT/mallard}"
export DBT_SEND_ANONYMOUS_USAGE_STATS=false
[ -x "$PY" ] || PY="$("$ROOT/conformance/oracle_env.sh" | xargs dirname)/python"

P="$GEN/project"
mkdir -p "$P/models" "$GEN/out"
SELECT="select i as id, i % 1000 as bucket, i * 1.5 as amount, 'name_' || (i % 100000) as name, date '2024-01-01' + (i % 365)::int as day from range($ROWS) t(i)"
cat > "$P/dbt_project.yml" <<YML
name: external_bench
profile: external_bench
YML
cat > "$P/profiles.yml" <<YML
external_bench:
  target: dev
  outputs:
    dev:
      type: duckdb
      path: "$GEN/bench.duckdb"
      threads: 2
YML
cat > "$P/models/big.sql" <<SQL
{{ config(materialized='external', location='$GEN/out/big.parquet') }}
$SELECT
SQL

now() { date +%s.%N; }
declare -A times
run() { # name command...
  local name="$1"; shift
  rm -f "$GEN/bench.duckdb" "$GEN/bench.duckdb.wal" "$GEN/out/"*.parquet "$GEN/floor.parquet"
  local t0; t0=$(now)
  "$@" >/dev/null 2>&1 || { echo "$name failed: $*" >&2; "$@" 2>&1 | tail -5 >&2; exit 1; }
  times[$name]+="$(echo "$(now) - $t0" | bc) "
}
"$MALLARD" --version >/dev/null   # builds the jar once
[ -z "${BASELINE:-}" ] || "$BASELINE" --version >/dev/null
for ((i = 1; i <= RUNS; i++)); do
  run floor "$PY" -c "import duckdb; duckdb.connect().sql(\"copy ($SELECT) to '$GEN/floor.parquet' (format parquet)\")"
  run mallard "$MALLARD" run --project-dir "$P" --profiles-dir "$P"
  if [ -n "${BASELINE:-}" ]; then run baseline "$BASELINE" run --project-dir "$P" --profiles-dir "$P"; fi
  if [ "${DBT:-0}" = 1 ]; then run dbt "$DBT" run --project-dir "$P" --profiles-dir "$P"; fi
done
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
floor=$(echo "${times[floor]}" | median)
echo "external Parquet model of $ROWS rows, median of $RUNS interleaved runs; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for name in floor mallard baseline dbt; do
  [ -n "${times[$name]:-}" ] || continue
  m=$(echo "${times[$name]}" | median)
  printf '  %-8s %7.2f s  %5.2fx the floor   (runs: %s)\n' "$name" "$m" "$(echo "$m / $floor" | bc -l)" "${times[$name]}"
done
