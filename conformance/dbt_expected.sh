#!/usr/bin/env bash
# Runs the reference dbt (dbt-duckdb) on a copy of a Mallard example project and
# leaves the resulting DuckDB database at OUT_DB.
#
#   conformance/dbt_expected.sh EXAMPLE_DIR OUT_DB [dbt build args...]
#
# The example is copied to a temporary directory (so target/, logs/ and
# dbt_packages/ never land in the repo), a temporary profiles.yml pointing at
# OUT_DB is written (profile name taken from dbt_project.yml, schema `main`), and
# `dbt build` (seeds + models + tests) is run with the copy as working directory,
# so relative paths such as read_parquet('raw/...') resolve as they would in
# the project directory. OUT_DB is replaced if it exists. Exits with dbt's exit code.
#
# Environment:
#   DBT_RESULTS_OUT     copy dbt's target/run_results.json there (also when dbt fails)
#   CONFORMANCE_TARGET  the profile's target name (default: oracle)
#   CONFORMANCE_KEEP_DB=1  build on OUT_DB as it is (a later step) instead of a new one
#   CONFORMANCE_SUBDIR  the project is this folder of EXAMPLE_DIR (an external project whose
#                       packages.yml points outside its folder, e.g. `local: ../`): the
#                       whole EXAMPLE_DIR is copied and dbt runs in the copy's SUBDIR
#
# When the project has a packages.yml or dependencies.yml, `dbt deps` runs in the copy
# before the build (a failing deps ends the script with its exit code).
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 EXAMPLE_DIR OUT_DB [extra dbt build args...]" >&2
  exit 2
fi
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SRC="$(cd "$1" && pwd)"
SUB="${CONFORMANCE_SUBDIR:-.}"
OUT_DB="$(realpath -m "$2")"
shift 2

DBT="$("$HERE/oracle_env.sh")"
export DBT_SEND_ANONYMOUS_USAGE_STATS=false
export DBT_PARTIAL_PARSE=false

TARGET="${CONFORMANCE_TARGET:-oracle}"
PROFILE="$(sed -n 's/^profile:[[:space:]]*["'\'']\{0,1\}\([A-Za-z0-9_]*\).*/\1/p' "$SRC/$SUB/dbt_project.yml" | head -1)"
[ -n "$PROFILE" ] || { echo "no profile: in $SRC/$SUB/dbt_project.yml" >&2; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/mallard-oracle.XXXXXX")"
PROJ="$WORK/project/$SUB"
finish() {
  if [ -n "${DBT_RESULTS_OUT:-}" ]; then
    rm -f "$DBT_RESULTS_OUT"
    if [ -f "$PROJ/target/run_results.json" ]; then
      cp "$PROJ/target/run_results.json" "$DBT_RESULTS_OUT"
    fi
  fi
  rm -rf "$WORK"
}
trap finish EXIT
mkdir -p "$WORK/project" "$WORK/profiles"
# copy the project without build outputs
tar -C "$SRC" --exclude=./target --exclude=./logs --exclude=./dbt_packages \
    --exclude='*.duckdb' --exclude='*.duckdb.wal' -cf - . | tar -C "$WORK/project" -xf -

cat > "$WORK/profiles/profiles.yml" <<YAML
$PROFILE:
  target: $TARGET
  outputs:
    $TARGET:
      type: duckdb
      path: "$OUT_DB"
      schema: main
      threads: 1
YAML

mkdir -p "$(dirname "$OUT_DB")"
if [ -z "${CONFORMANCE_KEEP_DB:-}" ]; then
  rm -f "$OUT_DB" "$OUT_DB.wal"
fi

cd "$PROJ"
if [ -f packages.yml ] || [ -f dependencies.yml ]; then
  "$DBT" deps --profiles-dir "$WORK/profiles" --project-dir "$PROJ" --target "$TARGET"
fi
"$DBT" build --profiles-dir "$WORK/profiles" --project-dir "$PROJ" \
  --target "$TARGET" --no-partial-parse "$@"
