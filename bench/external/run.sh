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

# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"
CLEAN="$GEN/bench.duckdb $GEN/bench.duckdb.wal $GEN/out/*.parquet $GEN/floor.parquet"
"$MALLARD" --version >/dev/null   # builds the jar once
[ -z "${BASELINE:-}" ] || "$BASELINE" --version >/dev/null
for ((i = 1; i <= RUNS; i++)); do
  timed floor "$PY" -c "import duckdb; duckdb.connect().sql(\"copy ($SELECT) to '$GEN/floor.parquet' (format parquet)\")"
  timed mallard "$MALLARD" run --project-dir "$P" --profiles-dir "$P"
  if [ -n "${BASELINE:-}" ]; then timed baseline "$BASELINE" run --project-dir "$P" --profiles-dir "$P"; fi
  if [ "${DBT:-0}" = 1 ]; then timed dbt "$DBT" run --project-dir "$P" --profiles-dir "$P"; fi
done
report "external Parquet model of $ROWS rows"
