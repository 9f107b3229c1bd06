#!/usr/bin/env bash
# dbt's docs page (its index.html from the oracle's dbt package) on Mallard's manifest.json
# and catalog.json, in headless Chromium, against the same page on dbt's artifacts for
# examples/jaffle_shop: overview, lineage graph, and every model's columns and test badges.
# See check.py. Exits 0 when they agree, 1 when they differ, 3 (a note) when python3, the
# dbt oracle or Chromium is missing. `.ci/run` installs Chromium (Debian's) when it can.
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
command -v python3 >/dev/null || { echo "NOTE: no python3; docs page check skipped." >&2; exit 3; }
CHROMIUM="$(command -v chromium || command -v chromium-browser || true)"
[ -n "$CHROMIUM" ] || { echo "NOTE: no Chromium; docs page check skipped." >&2; exit 3; }
DBT="$("$ROOT/conformance/oracle_env.sh")" || { echo "NOTE: no dbt oracle; docs page check skipped." >&2; exit 3; }
PY="$(dirname "$DBT")/python"
INDEX="$("$PY" -c 'import dbt.task.docs, os; print(os.path.join(os.path.dirname(dbt.task.docs.__file__), "index.html"))')"
[ -f "$INDEX" ] || { echo "NOTE: dbt's index.html not found; docs page check skipped." >&2; exit 3; }
"$ROOT/mallard" --version >/dev/null || exit 1
export DBT_SEND_ANONYMOUS_USAGE_STATS=false
exec "$PY" "$HERE/check.py" --mallard "$ROOT/mallard" --dbt "$DBT" --chromium "$CHROMIUM" --index-html "$INDEX" \
  --project "$ROOT/examples/jaffle_shop"
