"""State parity between dbt and Mallard: the manifest each writes for the same project,
taken as the other's --state, selects nothing as state:modified.

    python state_parity.py check    # both directions (run.sh calls this)
    python state_parity.py record   # rewrites expected/dbt_manifest.json from dbt

`record` keeps of dbt's manifest what a state comparison reads and is the project's own:
nodes, sources, exposures, the project's macros and docs (not dbt's built-in macros: their text is
dbt's). Mallard's StateParityIT compares with that file without needing Python.

Known difference, checked rather than hidden: dbt compares every macro of both manifests,
including its own library, whose text Mallard does not copy. So with Mallard's manifest as
the state, dbt selects the generic tests (they call dbt's test macros) through
state:modified.macros, and nothing through any other state check. Mallard leaves the
macros of dbt's own packages out of its comparison, so its direction is empty.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PROJECT = os.path.join(HERE, "project")
EXPECTED = os.path.join(HERE, "expected", "dbt_manifest.json")
PROFILE = "state_parity:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: state.duckdb\n"
CHECKS = ["state:modified.body", "state:modified.configs", "state:modified.relation",
          "state:modified.persisted_descriptions"]


def dbt_binary():
    return os.path.join(os.path.dirname(sys.executable), "dbt")


def mallard_binary():
    return os.environ.get("MALLARD", os.path.join(ROOT, "mallard"))


def copy_project(work, name):
    dest = os.path.join(work, name)
    shutil.copytree(PROJECT, dest)
    with open(os.path.join(work, "profiles.yml"), "w") as f:
        f.write(PROFILE)
    return dest


def run(cmd, cwd):
    env = dict(os.environ, DBT_SEND_ANONYMOUS_USAGE_STATS="false")
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env)
    if p.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({p.returncode}):\n{p.stdout}\n{p.stderr}")
    return p.stdout


def ls(tool, project, work, selector, state):
    if tool == "dbt":
        out = run([dbt_binary(), "ls", "-q", "--resource-type", "all", "-s", selector, "--state", state,
                   "--profiles-dir", work], project)
    else:
        out = run([mallard_binary(), "ls", "-q", "--output", "name", "-s", selector, "--state", state,
                   "--profiles-dir", work], project)
    return sorted(line.strip() for line in out.splitlines() if line.strip() and not line.startswith("\x1b"))


def trimmed(manifest):
    pkg = manifest["metadata"]["project_name"]
    out = {"metadata": manifest["metadata"]}
    for section in ("nodes", "sources", "exposures", "metrics", "semantic_models", "saved_queries", "groups"):
        out[section] = manifest[section]
        for node in out[section].values():
            node.pop("root_path", None)
    out["macros"] = {k: v for k, v in manifest["macros"].items() if v["package_name"] == pkg}
    out["docs"] = {k: v for k, v in manifest["docs"].items() if v["package_name"] == pkg}
    for section in ("selectors", "disabled", "unit_tests"):
        out[section] = {}
    return out


def record():
    with tempfile.TemporaryDirectory() as work:
        project = copy_project(work, "dbt")
        run([dbt_binary(), "parse", "--profiles-dir", work], project)
        with open(os.path.join(project, "target", "manifest.json")) as f:
            manifest = json.load(f)
    os.makedirs(os.path.dirname(EXPECTED), exist_ok=True)
    with open(EXPECTED, "w") as f:
        json.dump(trimmed(manifest), f, indent=1, sort_keys=True)
        f.write("\n")
    print(f"wrote {EXPECTED}")


def check():
    failures = []
    with tempfile.TemporaryDirectory() as work:
        dbt_project = copy_project(work, "dbt")
        mallard_project = os.path.join(work, "mallard")
        shutil.copytree(PROJECT, mallard_project)
        run([dbt_binary(), "parse", "--profiles-dir", work], dbt_project)
        run([mallard_binary(), "parse", "--profiles-dir", work], mallard_project)
        dbt_state = os.path.join(dbt_project, "target")
        mallard_state = os.path.join(mallard_project, "target")

        mine = ls("mallard", mallard_project, work, "state:modified", dbt_state)
        if mine:
            failures.append(f"mallard ls -s state:modified --state <dbt target>: {mine}")
        theirs = ls("dbt", dbt_project, work, "state:modified", mallard_state)
        through_macros = ls("dbt", dbt_project, work, "state:modified.macros", mallard_state)
        if theirs != through_macros:
            failures.append(f"dbt ls -s state:modified --state <mallard target>: {theirs}, "
                            f"of which not through dbt's macros: {sorted(set(theirs) - set(through_macros))}")
        for selector in CHECKS:
            found = ls("dbt", dbt_project, work, selector, mallard_state)
            if found:
                failures.append(f"dbt ls -s {selector} --state <mallard target>: {found}")
        print(f"mallard direction: {len(mine)} modified; dbt direction: {len(theirs)} modified, "
              f"all through dbt's built-in macros: {theirs}")
    for f in failures:
        print("DIFFERENT: " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "record":
        record()
    else:
        sys.exit(check())
