"""Runs `build` through dagster-dbt's DbtCliResource with Mallard and with dbt-core, and compares.

Each executable gets its own copy of the project, in which one generic test is made to fail
(a duplicated customer id), so that the comparison covers a passing and a failing asset check
and the models that dbt skips after the failure. Each copy is parsed by its own executable
(dagster-dbt loads target/manifest.json), then built by DbtCliResource in a Dagster run.
"""
import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dagster import AssetExecutionContext, materialize
from dagster_dbt import DbtCliResource, dbt_assets

PROFILES = """jaffle_shop:
  target: dev
  outputs:
    dev:
      type: duckdb
      path: target/jaffle_shop.duckdb
      threads: 1
"""


def prepare(source: Path, into: Path) -> Path:
    project = into / "jaffle_shop"
    shutil.copytree(source, project, ignore=shutil.ignore_patterns("target", "logs", "expected", "dbt_packages"))
    (project / "profiles.yml").write_text(PROFILES)
    seed = project / "seeds" / "raw_customers.csv"
    rows = seed.read_text().splitlines()
    # the first customer twice: unique_stg_customers_customer_id fails, its children are skipped
    seed.write_text("\n".join(rows + [rows[1]]) + "\n")
    return project


def run(executable: str, project: Path) -> dict:
    parse = subprocess.run([executable, "parse", "--project-dir", str(project), "--profiles-dir", str(project)],
                           capture_output=True, text=True)
    if parse.returncode != 0:
        raise SystemExit(f"{executable} parse failed:\n{parse.stdout}\n{parse.stderr}")
    manifest = project / "target" / "manifest.json"

    @dbt_assets(manifest=manifest)
    def jaffle_assets(context: AssetExecutionContext, dbt: DbtCliResource):
        yield from dbt.cli(["build"], context=context, raise_on_error=False).stream()

    resource = DbtCliResource(project_dir=str(project), profiles_dir=str(project), dbt_executable=executable)
    started = time.monotonic()
    result = materialize([jaffle_assets], resources={"dbt": resource}, raise_on_error=False)
    elapsed = time.monotonic() - started
    materialized = sorted(e.asset_key.to_user_string() for e in result.get_asset_materialization_events())
    checks = sorted(
        (c.asset_key.to_user_string(), c.check_name, c.passed, str(c.severity.value))
        for c in result.get_asset_check_evaluations())
    return {"materialized": materialized, "checks": checks, "seconds": round(elapsed, 1)}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mallard", required=True)
    parser.add_argument("--dbt", required=True)
    parser.add_argument("--project", required=True, type=Path)
    args = parser.parse_args()
    outcomes = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, executable in (("dbt", args.dbt), ("mallard", args.mallard)):
            outcomes[name] = run(executable, prepare(args.project, Path(tmp) / name))
    dbt, mallard = outcomes["dbt"], outcomes["mallard"]
    print(f"dbt-core: {len(dbt['materialized'])} materializations, {len(dbt['checks'])} checks "
          f"in {dbt['seconds']}s; mallard: {len(mallard['materialized'])} materializations, "
          f"{len(mallard['checks'])} checks in {mallard['seconds']}s")
    failed = [c for c in dbt["checks"] if not c[2]]
    if not dbt["materialized"] or not failed:
        print("the dbt-core run gave no materializations or no failing check: the comparison would prove nothing")
        return 1
    same = True
    for key in ("materialized", "checks"):
        if dbt[key] != mallard[key]:
            same = False
            print(f"{key} differ:")
            print("  only with dbt-core: " + json.dumps([x for x in dbt[key] if x not in mallard[key]]))
            print("  only with mallard:  " + json.dumps([x for x in mallard[key] if x not in dbt[key]]))
    print("OK: same materializations and check results" if same else "FAILED")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
