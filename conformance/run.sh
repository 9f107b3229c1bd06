#!/usr/bin/env bash
# Differential harness: builds each project with dbt-duckdb (the oracle) and with Mallard
# and compares every relation (kind, columns, types, rows) and every node result of
# target/run_results.json (status; failures of tests). See conformance/harness.py.
#
#   conformance/run.sh [--skip-tests] [PROJECT_DIR ...]   default: examples/* and conformance/projects/*
#
# Installs dbt-core + dbt-duckdb into the venv when missing (conformance/oracle_env.sh;
# the venv is $MALLARD_VENV, by default <repo>/.venv). CONFORMANCE_SKIP_TESTS=1 leaves
# data tests out. Exits 1 when anything differs, 3 when the oracle cannot be set up.
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DBT="$("$HERE/oracle_env.sh")" || { echo "cannot set up the dbt oracle (conformance/oracle_env.sh failed)" >&2; exit 3; }
export DBT_SEND_ANONYMOUS_USAGE_STATS=false
exec "$(dirname "$DBT")/python" "$HERE/harness.py" "$@"
