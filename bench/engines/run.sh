#!/usr/bin/env bash
# Engines benchmark (issue 15's figures): on each engine, Mallard and dbt on the same engine
# side by side, interleaved, each run a fresh process into a fresh schema/file:
#   jaffle  `build` of examples/jaffle_shop (seeds, 5 models, 20 data tests)
#   mart    `build` of a generated project whose table model holds ROWS rows (10,000,000 by
#           default: an id, a customer, a day and an amount per row) and a daily mart on it
# Engines: duckdb (dbt-duckdb from .venv, the conformance oracle) and postgres (dbt-postgres
# from .venv-pg; the server is started here by scripts/postgres-test-server.sh and stopped at
# the end). dbt is skipped for an engine whose venv is missing.
#
#   bench/engines/run.sh     RUNS=3 ROWS=10000000 ENGINES="duckdb postgres" PORT=55490 MALLARD=<launcher>
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
GEN="$ROOT/bench/engines/generated"
RUNS="${RUNS:-3}"
ROWS="${ROWS:-10000000}"
ENGINES="${ENGINES:-duckdb postgres}"
PORT="${PORT:-55490}"
MALLARD="${MALLARD:-$ROOT/mallard}"
export DBT_SEND_ANONYMOUS_USAGE_STATS=false
export PGPASSWORD=mallard

now() { date +%s.%N; }
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
declare -A times

rm -rf "$GEN"; mkdir -p "$GEN"
"$MALLARD" --version >/dev/null   # builds the jar once

dbt_for() { case "$1" in duckdb) echo "$ROOT/.venv/bin/dbt" ;; postgres) echo "$ROOT/.venv-pg/bin/dbt" ;; esac; }

profile() { # ENGINE PROFILE_NAME SCHEMA_OR_FILE
  if [ "$1" = duckdb ]; then
    printf '%s:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: "%s"\n      threads: 4\n' "$2" "$3"
  else
    printf '%s:\n  target: dev\n  outputs:\n    dev:\n      type: postgres\n      host: 127.0.0.1\n      port: %s\n      user: mallard\n      password: mallard\n      dbname: mallard_test\n      schema: %s\n      threads: 4\n' "$2" "$PORT" "$3"
  fi
}

# the generated mart project: one SQL text for both engines (generate_series on both)
MART="$GEN/mart_src"
mkdir -p "$MART/models"
cat > "$MART/dbt_project.yml" <<YML
name: engines_mart
version: '1.0'
profile: engines_mart
models:
  engines_mart:
    +materialized: table
YML
cat > "$MART/models/orders_big.sql" <<SQL
select g as order_id, g % 50000 as customer_id,
       cast('2020-01-01' as date) + cast(g % 1500 as integer) as order_date,
       cast((g % 997) * 1.5 as numeric(12, 2)) as amount
from generate_series(1, $ROWS) as t(g)
SQL
cat > "$MART/models/daily_revenue.sql" <<'SQL'
select order_date, count(*) as orders, count(distinct customer_id) as customers, sum(amount) as revenue
from {{ ref('orders_big') }}
group by order_date
SQL

pg_reset() { # SCHEMA...
  local s; for s in "$@"; do
    psql -h 127.0.0.1 -p "$PORT" -U mallard -d mallard_test -qAt -c "drop schema if exists $s cascade" >/dev/null 2>&1
  done
}

# prepare one copy per (engine, project, tool); prints the copy's dir
prepare() { # ENGINE PROJECT TOOL
  local dir="$GEN/$1-$2-$3" src name
  if [ "$2" = jaffle ]; then src="$ROOT/examples/jaffle_shop"; name=jaffle_shop; else src="$MART"; name=engines_mart; fi
  cp -r "$src" "$dir"; rm -rf "$dir/target" "$dir/logs" "$dir"/*.duckdb
  if [ "$1" = duckdb ]; then profile duckdb "$name" "$dir/bench.duckdb" > "$dir/profiles.yml"
  else profile postgres "$name" "bench_${2}_$3" > "$dir/profiles.yml"; fi
  echo "$dir"
}

timed() { # NAME ENGINE DIR COMMAND...
  local name="$1" engine="$2" dir="$3"; shift 3
  if [ "$engine" = duckdb ]; then rm -f "$dir/bench.duckdb" "$dir/bench.duckdb.wal"
  else pg_reset "$(sed -n 's/^ *schema: //p' "$dir/profiles.yml")"{,_dbt_test__audit}; fi
  rm -rf "$dir/target"
  local t0; t0=$(now)
  "$@" >"$GEN/last.log" 2>&1 || { echo "$name failed: $*" >&2; tail -20 "$GEN/last.log" >&2; exit 1; }
  times[$name]+="$(echo "$(now) - $t0" | bc) "
}

started_pg=""
cleanup() { [ -z "$started_pg" ] || "$ROOT/scripts/postgres-test-server.sh" stop "$GEN/pg" >/dev/null 2>&1 || true; }
trap cleanup EXIT

for engine in $ENGINES; do
  if [ "$engine" = postgres ]; then
    "$ROOT/scripts/postgres-test-server.sh" start "$GEN/pg" "$PORT" >/dev/null
    started_pg=1
  fi
  dbt="$(dbt_for "$engine")"
  [ -x "$dbt" ] || { echo "NOTE: no dbt for $engine ($dbt); Mallard alone"; dbt=""; }
  for project in jaffle mart; do
    m="$(prepare "$engine" "$project" mallard)"
    d="$(prepare "$engine" "$project" dbt)"
    for ((i = 1; i <= RUNS; i++)); do
      timed "$engine/$project/mallard" "$engine" "$m" "$MALLARD" build --project-dir "$m" --profiles-dir "$m"
      [ -z "$dbt" ] || timed "$engine/$project/dbt" "$engine" "$d" "$dbt" build --project-dir "$d" --profiles-dir "$d"
    done
    ml=$(echo "${times[$engine/$project/mallard]}" | median)
    if [ -n "$dbt" ]; then
      dl=$(echo "${times[$engine/$project/dbt]}" | median)
      printf '%-9s %-7s Mallard %7.2f s  dbt %7.2f s  dbt/Mallard %5.2fx   (Mallard runs: %s; dbt runs: %s) load %s\n' \
        "$engine" "$project" "$ml" "$dl" "$(echo "$dl / $ml" | bc -l)" "${times[$engine/$project/mallard]}" \
        "${times[$engine/$project/dbt]}" "$(cut -d' ' -f1-3 /proc/loadavg)"
    else
      printf '%-9s %-7s Mallard %7.2f s   (runs: %s) load %s\n' "$engine" "$project" "$ml" \
        "${times[$engine/$project/mallard]}" "$(cut -d' ' -f1-3 /proc/loadavg)"
    fi
  done
  if [ "$engine" = postgres ]; then "$ROOT/scripts/postgres-test-server.sh" stop "$GEN/pg" >/dev/null; started_pg=""; fi
done
echo "ROWS=$ROWS RUNS=$RUNS, medians, each run a fresh process into a fresh file/schema, times include start-up"
