#!/usr/bin/env bash
# Start-up benchmark: short commands, where the JVM's start and Mallard's own set-up are the
# whole cost. For each command: `mallard CMD`, the floor (a JVM printing one line: the least
# any Java program pays), dbt's same command with DBT=1, and BASELINE=<launcher> (another
# checkout's ./mallard) in the same rounds. Goals (issue 13): --version < 0.15 s on a quiet
# machine, < 0.3 s under load; small commands (debug, --help) < 0.4 s.
#
#   bench/startup/run.sh          RUNS=15 DBT=0 MALLARD=<launcher> BASELINE=<launcher>
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
GEN="$ROOT/bench/startup/generated"
RUNS="${RUNS:-15}"
MALLARD="${MALLARD:-$ROOT/mallard}"
DBT_BIN="$ROOT/.venv/bin/dbt"
export DBT_SEND_ANONYMOUS_USAGE_STATS=false

mkdir -p "$GEN"
# the floor: a JVM that prints one line, started like the launcher starts Mallard (C1, CDS)
cat > "$GEN/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] args) { System.out.println("mallard 0.1.0"); } }
JAVA
[ -f "$GEN/Hello.class" ] || javac -d "$GEN" "$GEN/Hello.java"
P="$GEN/tiny"
if [ ! -d "$P" ]; then
  (cd "$GEN" && "$MALLARD" init tiny >/dev/null)
fi
# the baseline gets a copy of its own: the saved parse (target/) names the mallard.jar that wrote it,
# so two launchers taking turns on one project would each make the other parse from scratch
PB="$GEN/tiny_baseline"
if [ -n "${BASELINE:-}" ] && [ ! -d "$PB" ]; then
  cp -r "$P" "$PB"
  rm -rf "$PB/target" "$PB/logs"
fi
# dbt needs a profile; Mallard finds its default DuckDB target without one
cat > "$GEN/profiles.yml" <<YML
tiny:
  target: dev
  outputs:
    dev:
      type: duckdb
      path: "$GEN/tiny_dbt.duckdb"
      threads: 1
YML

# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"
CLEAN=""
"$MALLARD" --version >/dev/null   # builds the jar and its CDS archive once
[ -z "${BASELINE:-}" ] || "$BASELINE" --version >/dev/null

bench() {  # bench LABEL DBT_ARGS ARGS... : one table row per command (DBT_ARGS "" skips dbt)
  local label="$1" dbt_args="$2"; shift 2
  unset times; declare -gA times
  for ((i = 1; i <= RUNS; i++)); do
    timed floor java -XX:TieredStopAtLevel=1 -Xshare:auto -cp "$GEN" Hello
    timed mallard bash -c 'cd "$0" && exec "$@"' "$P" "$MALLARD" "$@"
    if [ -n "${BASELINE:-}" ]; then timed baseline bash -c 'cd "$0" && exec "$@"' "$PB" "$BASELINE" "$@"; fi
    if [ "${DBT:-0}" = 1 ] && [ -x "$DBT_BIN" ] && [ -n "$dbt_args" ]; then
      # shellcheck disable=SC2086  # dbt_args is a word list
      timed dbt bash -c 'cd "$0" && exec "$@"' "$P" "$DBT_BIN" $dbt_args
    fi
  done
  report "$label"
}
bench "--version" "--version" --version
bench "--help" "" --help
bench "debug (tiny project)" "debug --profiles-dir $GEN" debug
bench "parse (tiny project)" "" parse
