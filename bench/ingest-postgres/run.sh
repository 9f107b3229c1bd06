#!/usr/bin/env bash
# 1,000,000-row Postgres table -> DuckDB through `mallard ingest` (the product: the launcher's JVM
# flags, the ingest framework's transactional commits into a DuckDB file) of a project whose one
# ingest is `type: postgres`, against the floor of Postgres alone writing the same rows out
# (COPY ... TO STDOUT into /dev/null). `mallard` takes the COPY fast path (Postgres CSV spooled
# per batch, read by DuckDB's read_csv); `baseline` is the same command with
# -Dmallard.ingest.postgres.copy=false, the row-by-row path (pgjdbc values, DuckDB's Appender).
# Times include process start-up; CPU seconds per run are printed too (the JVM with DuckDB in it,
# and the Postgres server), since wall times on a shared 2-core machine swing with its load.
# Starts its own PostgreSQL with scripts/postgres-test-server.sh.
#
#   bench/ingest-postgres/run.sh [ROWS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/lib.sh
ROWS="${1:-1000000}"; RUNS="${2:-3}"
work=$(mktemp -d); port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
trap 'scripts/postgres-test-server.sh stop "$work/pg" >/dev/null; rm -rf "$work"' EXIT
rc=0; scripts/postgres-test-server.sh start "$work/pg" "$port" >/dev/null || rc=$?
[ "$rc" -eq 3 ] && { echo "NOTE: no PostgreSQL binaries; bench skipped."; exit 0; }
[ "$rc" -ne 0 ] && exit "$rc"
bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/psql 2>/dev/null | sort -V | tail -1 || command -v psql)")
export PGPASSWORD=mallard BENCH_PG_PASSWORD=mallard
psql() { "$bin/psql" -q -h 127.0.0.1 -p "$port" -U mallard mallard_test "$@"; }
psql -c "CREATE TABLE orders AS SELECT g::bigint AS id, (g % 5000)::int AS customer_id,
  round((g % 100000) / 7.0, 2)::numeric(12,2) AS amount, (ARRAY['placed','shipped','returned'])[g % 3 + 1] AS status,
  'note ' || md5(g::text) AS note, timestamptz '2024-01-01' + g * interval '1 second' AS created_at,
  timestamp '2024-01-01' + g * interval '1 second' AS updated_at, g % 2 = 0 AS paid
  FROM generate_series(1, $ROWS) g;" -c "VACUUM ANALYZE orders;"
pgpid=$(head -1 "$work/pg/data/postmaster.pid")

mkdir -p "$work/proj/ingest"
printf "name: 'bench'\nversion: '1.0.0'\nconfig-version: 2\nprofile: 'bench'\n" > "$work/proj/dbt_project.yml"
cat > "$work/proj/ingest/orders.yml" <<YML
ingests:
  - name: pg_orders
    type: postgres
    table: raw.orders
    connection: {host: 127.0.0.1, port: $port, dbname: mallard_test, user: mallard, password_secret: BENCH_PG_PASSWORD}
    source_table: public.orders
YML
./mallard --version >/dev/null # builds mallard.jar (and its class-data archive) outside the timings

# CPU seconds (user+sys) of the mallard JVM and of the Postgres server (its exited backends)
pg_ticks() { awk '{print $14 + $15 + $16 + $17}' "/proc/$pgpid/stat"; }
ingest() { # label java-opts (timed: the command alone)
  pg_before=$(pg_ticks)
  MALLARD_JAVA_OPTS="$2" /usr/bin/time -f '%U %S' -o "$work/cpu" ./mallard ingest --project-dir "$work/proj" > "$work/out" 2>&1
}
account() { # label (untimed: checks the run, then its CPU seconds)
  sleep 0.2 # the backend's exit reaches the postmaster's counters
  grep -q "INGEST $ROWS rows" "$work/out" || { cat "$work/out" >&2; return 1; }
  printf '  %-8s JVM+DuckDB CPU %5.2f s, Postgres CPU %5.2f s, ingest step %s\n' "$1" \
    "$(awk '{print $1 + $2}' "$work/cpu")" "$(echo "($(pg_ticks) - $pg_before) / $(getconf CLK_TCK)" | bc -l)" \
    "$(grep -o 'in [0-9.]*s\]' "$work/out" | tr -d ']' | cut -c4-)" >> "$work/cpu.log"
}
CLEAN="$work/proj/target"
echo "rows: $ROWS; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for _ in $(seq "$RUNS"); do
  timed floor psql -c "COPY orders TO STDOUT"
  timed mallard ingest mallard ""; account mallard
  timed baseline ingest baseline "-Dmallard.ingest.postgres.copy=false"; account baseline
done
report "mallard ingest of $ROWS Postgres rows into DuckDB (baseline: the row-by-row path)"
for name in floor mallard baseline; do
  m=$(echo "${times[$name]}" | median)
  printf '  %-8s %8.0f rows/s\n' "$name" "$(echo "$ROWS / $m" | bc -l)"
done
cat "$work/cpu.log"
