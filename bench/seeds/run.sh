#!/usr/bin/env bash
# Seed benchmark: `mallard seed` of a 1,000,000-row x 8-column CSV against the DuckDB floor
# (read_csv into a table, in a fresh Python process with the duckdb module) and, with
# DBT=1, dbt-duckdb's `dbt seed`. Runs are interleaved (one of each per round) and the
# median of each is printed with its ratio to the floor, and the load average.
#
#   bench/seeds/run.sh            ROWS=1000000 RUNS=3 DBT=0 MALLARD=<launcher> BASELINE=<launcher>
#
# BASELINE names a second Mallard launcher (e.g. an older checkout's ./mallard) timed in the
# same rounds, to compare two versions under the same load.
#
# The CSV and the project are generated under bench/seeds/generated/ (gitignored). Mallard
# is ./mallard at the repo root; Python and dbt come from the venv of
# conformance/oracle_env.sh (.venv), which has the duckdb module.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/seeds"
GEN="$HERE/generated"
ROWS="${ROWS:-1000000}"
RUNS="${RUNS:-3}"
PY="$ROOT/.venv/bin/python"
DBT="$ROOT/.venv/bin/dbt"
MALLARD="${MALLARD:-$ROOT/mallard}"
export DBT_SEND_ANONYMOUS_USAGE_STATS=false
[ -x "$PY" ] || PY="$("$ROOT/conformance/oracle_env.sh" | xargs dirname)/python"

P="$GEN/project"
mkdir -p "$P/seeds"
CSV="$P/seeds/big.csv"
if [ ! -f "$CSV" ] || [ "$(head -c 100 "$GEN/rows" 2>/dev/null)" != "$ROWS" ]; then
  echo "generating $ROWS rows..." >&2
  "$PY" - "$CSV" "$ROWS" <<'PYGEN'
import random, sys, datetime
path, rows = sys.argv[1], int(sys.argv[2])
rnd = random.Random(13)
base = datetime.datetime(2024, 1, 1)
with open(path, "w") as f:
    f.write("id,name,amount,qty,day,ts,flag,code\n")
    for i in range(rows):
        d = base + datetime.timedelta(seconds=rnd.randrange(0, 365 * 86400))
        f.write(f"{i},name_{rnd.randrange(100000)},{rnd.randrange(1, 10**6) / 100},{rnd.randrange(1000)},"
                f"{d:%Y-%m-%d},{d:%Y-%m-%d %H:%M:%S},{'true' if rnd.random() < .5 else 'false'},"
                f"C{rnd.randrange(10**6):06d}\n")
PYGEN
  echo "$ROWS" > "$GEN/rows"
fi
cat > "$P/dbt_project.yml" <<YML
name: seed_bench
profile: seed_bench
YML
cat > "$P/profiles.yml" <<YML
seed_bench:
  target: dev
  outputs:
    dev:
      type: duckdb
      path: "$GEN/bench.duckdb"
      threads: 2
YML

# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"
CLEAN="$GEN/bench.duckdb $GEN/bench.duckdb.wal $GEN/floor.duckdb"
"$MALLARD" --version >/dev/null   # builds the jar once
[ -z "${BASELINE:-}" ] || "$BASELINE" --version >/dev/null
for ((i = 1; i <= RUNS; i++)); do
  timed floor "$PY" -c "import duckdb; duckdb.connect('$GEN/floor.duckdb').sql(\"create table big as select * from read_csv('$CSV')\")"
  timed mallard "$MALLARD" seed --project-dir "$P" --profiles-dir "$P"
  if [ -n "${BASELINE:-}" ]; then timed baseline "$BASELINE" seed --project-dir "$P" --profiles-dir "$P"; fi
  if [ "${DBT:-0}" = 1 ]; then timed dbt "$DBT" seed --project-dir "$P" --profiles-dir "$P"; fi
done
report "seed of $ROWS rows x 8 columns"
