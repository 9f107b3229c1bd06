#!/usr/bin/env bash
# dbt and Mallard read each other's manifest.json as --state: nothing is state:modified.
# See state_parity.py. `run.sh record` rewrites expected/dbt_manifest.json from dbt.
# Exits 0 when both agree, 1 when they differ, 3 (skipped) without python3 or the oracle.
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
command -v python3 >/dev/null || { echo "skipped: no python3" >&2; exit 3; }
DBT="$("$HERE/../oracle_env.sh")" || { echo "skipped: cannot set up the dbt oracle" >&2; exit 3; }
exec "$(dirname "$DBT")/python" "$HERE/state_parity.py" "${1:-check}"
