#!/usr/bin/env bash
# HTTP ingest benchmark: RECORDS JSON records (default 1,000,000) from the local fixture API
# (examples/procurement/fixture/ProcurementApi.java) in pages of PAGE (default 1,000), read
# by the http ingest source (HttpSource, PARALLEL requests at once, PER_BATCH pages per
# commit) into NDJSON batches, each loaded into DuckDB with read_json in a transaction as the
# ingest framework does (HttpIngestBench.java, DuckDB JDBC). Timed, interleaved, RUNS rounds:
#   floor    DuckDB alone: read_json of the same records from NDJSON files into a table
#            (a fresh Python process with the duckdb module)
#   mallard  fixture API -> HttpSource -> NDJSON -> DuckDB read_json (a fresh JVM)
#   source   the same without DuckDB: fixture API -> HttpSource -> NDJSON files
#   api      the API alone: curl fetching every page (PARALLEL at once) to /dev/null, i.e. what
#            the fixture costs to serve on the same cores
# and the medians with records/s, ratios to the floor and the load average.
#
#   bench/ingest-http/run.sh        RECORDS=1000000 PAGE=1000 RUNS=3 PARALLEL=4 PER_BATCH=50
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/ingest-http"
GEN="$HERE/generated"
RECORDS="${RECORDS:-1000000}"
PAGE="${PAGE:-1000}"
RUNS="${RUNS:-3}"
PARALLEL="${PARALLEL:-4}"
PER_BATCH="${PER_BATCH:-50}"
PY="${PY:-$ROOT/.venv/bin/python}"
[ -x "$PY" ] || PY=/work/main/.venv/bin/python
[ -x "$PY" ] || PY="$("$ROOT/conformance/oracle_env.sh" | xargs dirname)/python"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
mkdir -p "$GEN"

echo "building mallard-core and the bench driver..." >&2
(cd "$ROOT" && ./mvnw -o -q package -DskipTests -pl mallard-core -am \
  && ./mvnw -o -q dependency:build-classpath -pl mallard-core -Dmdep.includeScope=test -Dmdep.outputFile="$GEN/cp.txt" >/dev/null)
CP="$ROOT/mallard-core/target/classes:$(cat "$GEN/cp.txt")"
rm -rf "$GEN/classes" && javac -cp "$CP" -d "$GEN/classes" "$HERE/HttpIngestBench.java"
CP="$GEN/classes:$CP"

export PROCUREMENT_API_TOKEN="bench-$RANDOM$RANDOM"
"$JAVA" "$ROOT/examples/procurement/fixture/ProcurementApi.java" --port 0 --records "$RECORDS" \
  --page-size "$PAGE" --faults none --rate 0 --threads 4 > "$GEN/fixture.out" &
FIXTURE=$!
trap 'kill $FIXTURE 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -s "$GEN/fixture.out" ] && break; sleep 0.1; done
BASE="http://127.0.0.1:$(head -1 "$GEN/fixture.out")"

bench() { # LOAD KEEP_DIR DB
  rm -rf "$2" "$3" "$3.wal"
  "$JAVA" -cp "$CP" HttpIngestBench "$BASE" "$3" "$2" "$PARALLEL" "$PER_BATCH" "$1"
}
PAGES=$(( (RECORDS + PAGE - 1) / PAGE ))
for ((p = 1; p <= PAGES; p++)); do
  printf 'url = "%s/notices?page=%d&page_size=%d"\noutput = "/dev/null"\n' "$BASE" "$p" "$PAGE"
done > "$GEN/curl.cfg"
api() { curl -sSf --parallel --parallel-max "$PARALLEL" -H "Authorization: Bearer $PROCUREMENT_API_TOKEN" -K "$GEN/curl.cfg"; }
echo "warm-up run (also writes the floor's NDJSON files)..." >&2
bench none "$GEN/ndjson" "$GEN/unused.duckdb" >&2

# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"
CLEAN="$GEN/floor.duckdb $GEN/floor.duckdb.wal"
for ((i = 1; i <= RUNS; i++)); do
  timed floor "$PY" -c "import duckdb; duckdb.connect('$GEN/floor.duckdb').sql(\"create table raw_notices as select * from read_json('$GEN/ndjson/*.ndjson', format = 'newline_delimited')\")"
  timed mallard bench duckdb "$GEN/keep" "$GEN/bench.duckdb"
  timed source bench none "$GEN/keep" "$GEN/unused.duckdb"
  timed api api
done
rows=$("$PY" -c "import duckdb; print(duckdb.connect('$GEN/bench.duckdb', read_only=True).sql('select count(*) from raw_notices').fetchall()[0][0])")
[ "$rows" = "$RECORDS" ] || { echo "mallard loaded $rows rows, expected $RECORDS" >&2; exit 1; }
floor=$(echo "${times[floor]}" | median)
echo "$RECORDS records in pages of $PAGE, parallel $PARALLEL, $PER_BATCH pages per batch; median of $RUNS interleaved runs; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for name in floor mallard source api; do
  m=$(echo "${times[$name]}" | median)
  printf '  %-8s %7.2f s  %9.0f records/s  %5.2fx the floor   (runs: %s)\n' "$name" "$m" \
    "$(echo "$RECORDS / $m" | bc -l)" "$(echo "$m / $floor" | bc -l)" "${times[$name]}"
done
