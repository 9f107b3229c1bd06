#!/usr/bin/env bash
# Differential test of Mallard's Jinja engine against Python's Jinja2 as dbt sets it up:
# generates the cases (generate.sh), runs only Jinja2OracleTest, prints the summary.
#
#   conformance/jinja/run.sh [--force] [--seed N] [--count N]
#
# JINJA_ORACLE_MESSAGES=all|undefined|none picks which error messages must match (default:
# those of undefined errors). Every difference: target/jinja-oracle/report.txt.
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="${JINJA_ORACLE_DIR:-$ROOT/target/jinja-oracle}"
export JINJA_ORACLE_DIR="$OUT"

"$HERE/generate.sh" "$@" || exit $?
if [ ! -f "$OUT/cases.jsonl" ]; then
  echo "no cases in $OUT: nothing to compare" >&2
  exit 3
fi
cd "$ROOT"
rc=0
touch "$OUT/.started"
./mvnw -q -pl mallard-jinja test -Dtest=Jinja2OracleTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Djinja.oracle.dir="$OUT" -Djinja.oracle.messages="${JINJA_ORACLE_MESSAGES:-undefined}" >"$OUT/maven.log" 2>&1 || rc=$?
if [ -f "$OUT/summary.txt" ] && [ "$OUT/summary.txt" -nt "$OUT/.started" ]; then
  cat "$OUT/summary.txt"
  [ "$rc" -eq 0 ] && echo "OK: no unexplained differences" || echo "FAILED: every difference is in $OUT/report.txt"
else
  tail -40 "$OUT/maven.log"
  echo "FAILED: Jinja2OracleTest did not run (maven output: $OUT/maven.log)"
  [ "$rc" -eq 0 ] && rc=1
fi
exit "$rc"
