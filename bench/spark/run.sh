#!/usr/bin/env bash
# examples/jaffle_shop built on Spark local (method: session, a fresh warehouse each run):
# Mallard (mallard.jar + mallard-spark/target/lib) against dbt-spark 1.11 (.venv-spark),
# interleaved. Needs both: ./mvnw -Pspark -pl mallard-spark -am package -DskipTests, and the
# venv of mallard-spark's SparkOracleIT. RUNS=3 by default; MALLARD_JAR and MALLARD_ENGINES
# point at copies (so a build of the checkout cannot change the jars under a run).
# PROJECT=mart builds instead a generated project whose table model holds ROWS rows
# (10,000,000 by default; Spark's range()) and a daily mart on it, as bench/engines does on
# DuckDB and Postgres.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
RUNS="${RUNS:-3}"
work="$(mktemp -d "${TMPDIR:-/tmp}/bench-spark.XXXXXX")"
trap 'rm -rf "$work"' EXIT
jar="${MALLARD_JAR:-$repo/mallard-cli/target/mallard.jar}"
export SPARK_LOCAL_IP=127.0.0.1 DBT_SEND_ANONYMOUS_USAGE_STATS=false MALLARD_ENGINES="${MALLARD_ENGINES:-$repo/mallard-spark/target/lib}"
PROJECT="${PROJECT:-jaffle}"
ROWS="${ROWS:-10000000}"
mart() { # DIR: the generated mart project
  mkdir -p "$1/models"
  printf 'name: jaffle_shop\nversion: "1.0"\nprofile: jaffle_shop\nmodels:\n  jaffle_shop:\n    +materialized: table\n' > "$1/dbt_project.yml"
  cat > "$1/models/orders_big.sql" <<SQL
select id as order_id, id % 50000 as customer_id,
       date_add(cast('2020-01-01' as date), cast(id % 1500 as int)) as order_date,
       cast((id % 997) * 1.5 as decimal(12, 2)) as amount
from range(1, $ROWS + 1)
SQL
  cat > "$1/models/daily_revenue.sql" <<'SQL'
select order_date, count(*) as orders, count(distinct customer_id) as customers, sum(amount) as revenue
from {{ ref('orders_big') }}
group by order_date
SQL
}
fresh() {
  rm -rf "$work/p"
  if [ "$PROJECT" = mart ]; then mart "$work/p"; else cp -r "$repo/examples/jaffle_shop" "$work/p" && rm -rf "$work/p/target"; fi
  printf 'jaffle_shop:\n  target: dev\n  outputs:\n    dev:\n      type: spark\n      method: session\n      host: NA\n      schema: jaffle\n      threads: 1\n' > "$work/p/profiles.yml"
}
declare -A times
run() {
  local name="$1"; shift
  fresh
  local t0; t0=$(date +%s.%N)
  (cd "$work/p" && "$@" >"$work/$name.log" 2>&1) || { echo "$name failed:"; tail -20 "$work/$name.log"; exit 1; }
  times[$name]+="$(echo "$(date +%s.%N) - $t0" | bc) "
  echo "$name: $(echo "$(date +%s.%N) - $t0" | bc) s (load $(cut -d' ' -f1-3 /proc/loadavg))"
}
for _ in $(seq "$RUNS"); do
  run dbt "$repo/.venv-spark/bin/dbt" build --profiles-dir .
  run mallard java -jar "$jar" build --profiles-dir .
done
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
d=$(echo "${times[dbt]}" | median); m=$(echo "${times[mallard]}" | median)
echo "$PROJECT build on Spark local (ROWS=$ROWS for mart), median of $RUNS interleaved runs; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '  dbt-spark %7.1f s   (runs: %s)\n  mallard   %7.1f s   (runs: %s)\n  dbt/mallard %.2fx\n' "$d" "${times[dbt]}" "$m" "${times[mallard]}" "$(echo "$d / $m" | bc -l)"
