#!/usr/bin/env bash
# The three batch days of QuantFoot, one build per day, on DuckDB (default) or Postgres:
#
#   examples/quantfoot/run.sh                             DuckDB: target/quantfoot.duckdb
#   QUANTFOOT_TARGET=postgres examples/quantfoot/run.sh   Postgres: profiles.yml's 'postgres' target,
#                                                         from PGHOST, PGPORT, PGUSER, PGPASSWORD,
#                                                         PGDATABASE (and QUANTFOOT_SCHEMA)
#
# On DuckDB the models read the day's CSV files in place. On Postgres the day's extract is
# first loaded into the api_football schema (what an EL tool would do): each file into a
# table of varchar columns named after its header, emptied first, with psql's \copy.
# Day 3 fails on purpose (a 12-year-old player breaks the age check); the script goes on and
# exits with the status of the last day.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mallard="${MALLARD:-$here/../../mallard}"
target="${QUANTFOOT_TARGET:-dev}"

load_extract() {
  local day="$1" sql="create schema if not exists api_football;"
  for f in "$here/data/$day"/*.csv; do
    local t cols
    t=$(basename "$f" .csv)
    cols=$(head -1 "$f" | tr -d '\r' | sed 's/,/ varchar, /g; s/$/ varchar/')
    sql+=$'\n'"create table if not exists api_football.$t ($cols); truncate api_football.$t;"
    sql+=$'\n'"\\copy api_football.$t from '$f' with (format csv, header true)"
  done
  psql -X -q -v ON_ERROR_STOP=1 <<<"$sql"
}

status=0
for day in day1 day2 day3; do
  echo "== $day on $target"
  if [ "$target" = postgres ]; then
    load_extract "$day" || exit 1
  fi
  "$mallard" build --project-dir "$here" --target "$target" --vars "{batch: $day}"
  status=$?
done
exit $status
