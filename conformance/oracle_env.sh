#!/usr/bin/env bash
# Creates (idempotently) the Python venv holding the reference dbt used as an
# oracle for Mallard's conformance tests, and prints the path of its dbt binary.
#
#   conformance/oracle_env.sh            -> /path/to/repo/.venv/bin/dbt
#
# The venv is $MALLARD_VENV (older name: $MALLARD_ORACLE_VENV), by default <repo>/.venv.
# A git worktree has no .venv of its own: point MALLARD_VENV at the main checkout's.
#
# Versions are pinned: dbt-core 1.12+ pulls dbt-core-experimental-parser, whose
# build step downloads a wheel from outside PyPI (not reachable here), so we stay
# on the 1.11 line. duckdb 2.0.0 matches the duckdb_jdbc 2.0.0.x used by Mallard.
set -euo pipefail

DBT_CORE_VERSION="1.11.16"
DBT_DUCKDB_VERSION="1.11.1"
DUCKDB_VERSION="2.0.0"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${MALLARD_VENV:-${MALLARD_ORACLE_VENV:-}}"
if [ -z "$VENV" ]; then
  VENV="$ROOT/.venv"
  # in a linked git worktree, reuse the main checkout's venv when this one has none
  if [ ! -x "$VENV/bin/dbt" ] && common="$(git -C "$ROOT" rev-parse --path-format=absolute --git-common-dir 2>/dev/null)" \
     && [ -x "$(dirname "$common")/.venv/bin/dbt" ]; then
    VENV="$(dirname "$common")/.venv"
  fi
fi
PY="${PYTHON:-python3}"

want_ok() {
  [ -x "$VENV/bin/dbt" ] || return 1
  "$VENV/bin/python" - "$DBT_CORE_VERSION" "$DBT_DUCKDB_VERSION" "$DUCKDB_VERSION" <<'PY' 2>/dev/null
import sys
from importlib.metadata import version
want = dict(zip(["dbt-core", "dbt-duckdb", "duckdb"], sys.argv[1:]))
sys.exit(0 if all(version(k) == v for k, v in want.items()) else 1)
PY
}

if ! want_ok; then
  if [ ! -x "$VENV/bin/python" ]; then
    "$PY" -m venv "$VENV" >&2
  fi
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check \
    "dbt-core==$DBT_CORE_VERSION" "dbt-duckdb==$DBT_DUCKDB_VERSION" "duckdb==$DUCKDB_VERSION" >&2
  want_ok || { echo "oracle_env: dbt install failed" >&2; exit 1; }
fi

echo "$VENV/bin/dbt"
