#!/usr/bin/env bash
# Differential harness: builds each project with dbt-duckdb (the oracle) and with Mallard
# into separate DuckDB files and compares every relation (kind, columns, types, rows).
#
#   conformance/run.sh [PROJECT_DIR ...]     default: examples/* and conformance/projects/*
#
# Installs dbt-core + dbt-duckdb into .venv when missing (conformance/oracle_env.sh).
# Exits non-zero when any relation differs.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HERE="$ROOT/conformance"
"$HERE/oracle_env.sh" >/dev/null || { echo "cannot set up the dbt oracle" >&2; exit 2; }
PY="$ROOT/.venv/bin/python"
if [ $# -gt 0 ]; then projects=("$@"); else
  projects=("$ROOT"/examples/*/)
  [ -d "$HERE/projects" ] && projects+=("$HERE"/projects/*/)
fi
WORK="$(mktemp -d "${TMPDIR:-/tmp}/mallard-conformance.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
failed=0
summary=()
for p in "${projects[@]}"; do
  p="$(cd "$p" && pwd)"; name="$(basename "$p")"
  out="$WORK/$name"; mkdir -p "$out/mallard"
  echo "=== $name"
  if ! "$HERE/dbt_expected.sh" "$p" "$out/dbt.duckdb" >"$out/dbt.log" 2>&1; then
    echo "dbt failed on $name (log below)"; tail -20 "$out/dbt.log"; failed=1; summary+=("$name: dbt failed"); continue
  fi
  cp -r "$p" "$out/mallard/project"
  rm -rf "$out/mallard/project/target"
  profile="$(sed -n 's/^profile:[[:space:]]*["'\'']\{0,1\}\([A-Za-z0-9_]*\).*/\1/p' "$p/dbt_project.yml" | head -1)"
  mkdir -p "$out/mallard/profiles"
  cat > "$out/mallard/profiles/profiles.yml" <<YAML
$profile:
  target: conformance
  outputs:
    conformance:
      type: duckdb
      path: "$out/mallard.duckdb"
      schema: main
      threads: 2
YAML
  if ! "$ROOT/mallard" build --project-dir "$out/mallard/project" --profiles-dir "$out/mallard/profiles" >"$out/mallard.log" 2>&1; then
    echo "mallard build failed on $name:"; tail -20 "$out/mallard.log"; failed=1; summary+=("$name: mallard failed"); continue
  fi
  if "$PY" "$HERE/compare.py" "$out/dbt.duckdb" "$out/mallard.duckdb"; then
    summary+=("$name: match")
  else
    failed=1; summary+=("$name: DIFFERENT")
  fi
done
echo
echo "Conformance summary:"
printf '  %s\n' "${summary[@]}"
exit $failed
