#!/usr/bin/env bash
# A real client of dbt's CLI and artifacts: dagster-dbt's DbtCliResource runs `build` on a
# copy of examples/jaffle_shop (with one test made to fail), once with Mallard as its
# dbt executable and once with dbt-core, and the asset materializations and asset check
# results must be the same. See conformance/dagster/dagster_build.py.
#
#   conformance/dagster/run.sh
#
# The venv ($MALLARD_DAGSTER_VENV, default <repo>/.venv-dagster) gets dagster, dagster-dbt
# and the pinned dbt-core/dbt-duckdb on first use (about 2 minutes of pip). Exits 0 when
# both agree, 1 when they differ, 3 when python3 or pip is missing (a note, not a failure).
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
VENV="${MALLARD_DAGSTER_VENV:-$ROOT/.venv-dagster}"
PY="${PYTHON:-python3}"

if ! command -v "$PY" >/dev/null 2>&1; then
  echo "NOTE: python3 not found; dagster-dbt test skipped."
  exit 3
fi
want_ok() {
  [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c "import dagster, dagster_dbt, dbt.adapters.duckdb" 2>/dev/null
}
if ! want_ok; then
  echo "Installing dagster, dagster-dbt, dbt-core and dbt-duckdb into $VENV ..." >&2
  if ! { "$PY" -m venv "$VENV" && "$VENV/bin/pip" install -q --disable-pip-version-check \
      dagster dagster-dbt dbt-core==1.11.16 dbt-duckdb==1.11.1 duckdb==2.0.0 >&2; } || ! want_ok; then
    echo "NOTE: could not install dagster-dbt (pip failed?); dagster-dbt test skipped."
    exit 3
  fi
fi
# builds the jar when the sources changed, so that the timed run below measures the runs only
"$ROOT/mallard" --version >/dev/null || exit 1
export DBT_SEND_ANONYMOUS_USAGE_STATS=false DAGSTER_HOME="${DAGSTER_HOME:-$(mktemp -d)}"
exec "$VENV/bin/python" "$HERE/dagster_build.py" --mallard "$ROOT/mallard" --dbt "$VENV/bin/dbt" \
  --project "$ROOT/examples/jaffle_shop"
