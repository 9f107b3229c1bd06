#!/usr/bin/env bash
# 1,000,000-row Postgres table -> DuckDB through the postgres ingest source (pgjdbc server-side
# cursor, batches of 100k rows appended with DuckDB's Appender, as the ingest framework does),
# against the floor of Postgres alone writing the same rows out (COPY ... TO STDOUT into
# /dev/null). Starts its own PostgreSQL with scripts/postgres-test-server.sh.
#
#   bench/ingest-postgres/run.sh [ROWS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS="${1:-1000000}"; RUNS="${2:-3}"
work=$(mktemp -d); port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
trap 'scripts/postgres-test-server.sh stop "$work/pg"; rm -rf "$work"' EXIT
rc=0; scripts/postgres-test-server.sh start "$work/pg" "$port" >/dev/null || rc=$?
[ "$rc" -eq 3 ] && { echo "NOTE: no PostgreSQL binaries; bench skipped."; exit 0; }
[ "$rc" -ne 0 ] && exit "$rc"
bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/psql 2>/dev/null | sort -V | tail -1 || command -v psql)")
export PGPASSWORD=mallard PG_PASSWORD=mallard
psql() { "$bin/psql" -q -h 127.0.0.1 -p "$port" -U mallard mallard_test "$@"; }
psql -c "CREATE TABLE orders AS SELECT g::bigint AS id, (g % 5000)::int AS customer_id,
  round((g % 100000) / 7.0, 2)::numeric(12,2) AS amount, (ARRAY['placed','shipped','returned'])[g % 3 + 1] AS status,
  'note ' || md5(g::text) AS note, timestamptz '2024-01-01' + g * interval '1 second' AS created_at,
  timestamp '2024-01-01' + g * interval '1 second' AS updated_at, g % 2 = 0 AS paid
  FROM generate_series(1, $ROWS) g;" -c "VACUUM ANALYZE orders;"

./mvnw -o -q test-compile -pl mallard-core -am
./mvnw -o -q dependency:build-classpath -pl mallard-core -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test >/dev/null
cp="mallard-core/target/test-classes:mallard-core/target/classes:mallard-jinja/target/classes:$(cat "$work/cp.txt")"

echo "rows: $ROWS; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq "$RUNS"); do
  t0=$(date +%s.%N); psql -c "COPY orders TO STDOUT" >/dev/null; t1=$(date +%s.%N)
  printf 'floor (COPY TO STDOUT > /dev/null): %.2f s: %.0f rows/s\n' "$(echo "$t1 - $t0" | bc)" "$(echo "$ROWS / ($t1 - $t0)" | bc -l)"
  rm -f "$work/bench.duckdb"*
  java -cp "$cp" dev.mallard.core.ingest.postgres.PostgresIngestBench "$port" public.orders "$work/bench.duckdb" \
    | sed 's/^/mallard (postgres source -> DuckDB): /'
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
