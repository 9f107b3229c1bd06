#!/usr/bin/env bash
# Writes the Jinja2 oracle's cases and expected results for mallard-jinja's Jinja2OracleTest.
#
#   conformance/jinja/generate.sh [oracle.py generate options: --force --seed N --count N]
#
# Output: $JINJA_ORACLE_DIR, by default <repo>/target/jinja-oracle. The oracle is the dbt
# venv's Python (conformance/oracle_env.sh installs it when missing), else a python3 with
# jinja2; with neither it prints a NOTE and exits 0 (the Java test is then skipped).
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="${JINJA_ORACLE_DIR:-$ROOT/target/jinja-oracle}"

PY=""
if command -v python3 >/dev/null 2>&1; then
  if DBT="$("$ROOT/conformance/oracle_env.sh" 2>/dev/null)" && [ -x "$(dirname "$DBT")/python" ]; then
    PY="$(dirname "$DBT")/python"
  elif python3 -c 'import jinja2' >/dev/null 2>&1; then
    PY="python3"
  fi
fi
if [ -z "$PY" ]; then
  echo "NOTE: no Python with jinja2 (neither the dbt venv nor python3); Jinja2 oracle cases not generated."
  exit 0
fi
exec "$PY" "$HERE/oracle.py" generate "$OUT" "$@"
