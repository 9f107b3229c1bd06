#!/usr/bin/env python3
"""Differential harness: builds each project with dbt-duckdb (the oracle) and with Mallard,
then compares every relation (kind, columns, types, rows) and every node result in
target/run_results.json (status, and the failures count of tests).

usage: harness.py [--skip-tests] [PROJECT_DIR | EXTERNAL_NAME ...]
       default: the projects of external.json, examples/* and conformance/projects/*

Run it through conformance/run.sh, which sets up the oracle venv and uses its python.

A project's optional `conformance.json` (for an external project: its external.json
entry) holds, all optional (conformance/README.md has the details):
  build_args          extra arguments of both builds, e.g. ["--vars", "{x: 1}"]
  steps               [{"overlay": DIR, "build_args": [...]}]: more builds on the same
                      database, each after copying the project's folder DIR over both copies
  setup               a script run once before `deps` (setup_steps.run_setup): makes git
                      repositories and tarballs for packages.yml
  oracle_errors       unique_ids on which dbt errors by design: compared like any result
  volatile_relations  "schema.name" of relations whose rows depend on the time of the build
  not_comparable      why the project is left out (listed, not failed)
A project with packages.yml or dependencies.yml gets `deps` before its first build (dbt's
inside dbt_expected.sh, Mallard's here). external.json lists projects outside the repo,
built from a copy of their whole root folder; an absent root is skipped with a note.

A build that exits non-zero is fine as long as it wrote run_results.json: a project may
hold tests that fail on purpose (dbt then exits 1). The oracle is broken only when it
wrote no run_results.json or a node not listed in oracle_errors ended in `error`.

Environment:
  CONFORMANCE_SKIP_TESTS=1  leave data tests out of the comparison: test results are
                            not compared, and both tools build the same nodes (see
                            skip_flags: dbt gets --exclude-resource-type test when
                            Mallard has no data tests or knows that flag too)
  CONFORMANCE_JOBS=N        projects built at the same time (default 2)
  CONFORMANCE_KEEP=1        keep the work folder (its path is printed)
  CONFORMANCE_EXTERNAL=0    leave the projects of external.json out of the default list
  MALLARD                   the Mallard launcher (default: <repo>/mallard)

Exits 1 when anything differs or a build is broken, 2 on a usage error.
"""
import argparse
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from compare import apply_known_differences, compare_databases  # noqa: E402
import setup_steps  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TARGET = "conformance"          # the same target name for both, so target.name agrees
DB_NAME = "conformance.duckdb"  # the same file name for both, so target.database agrees
TEST_HASH = re.compile(r"^[0-9a-f]{10}$")


# ---------------------------------------------------------------- run results

def load_results(path):
    """unique_id -> result dict, or None when the file is missing or unreadable."""
    try:
        with open(path) as f:
            doc = json.load(f)
    except (OSError, ValueError):
        return None
    return {r["unique_id"]: r for r in doc.get("results", [])}


def fallback_key(unique_id):
    """test.<pkg>.<name>.<hash> -> test.<pkg>.<name>; other ids unchanged."""
    parts = unique_id.split(".")
    if parts[0] == "test" and len(parts) == 4 and TEST_HASH.match(parts[3]):
        return ".".join(parts[:3])
    return unique_id


def pair_results(expected, actual):
    """Pairs results by unique_id, then the unpaired tests by name without the hash.

    Returns [(key, expected result or None, actual result or None)] sorted by key."""
    pairs = {}
    e_left, a_left = {}, {}
    for uid, r in expected.items():
        if uid in actual:
            pairs[uid] = (r, actual[uid])
        else:
            e_left[uid] = r
    for uid, r in actual.items():
        if uid not in expected:
            a_left[uid] = r
    a_by_name = {}
    for uid, r in a_left.items():
        a_by_name.setdefault(fallback_key(uid), []).append((uid, r))
    for uid, r in e_left.items():
        cands = a_by_name.get(fallback_key(uid))
        if cands:
            a_uid, a_r = cands.pop(0)
            del a_left[a_uid]
            pairs[fallback_key(uid)] = (r, a_r)
        else:
            pairs[uid] = (r, None)
    for uid, r in a_left.items():
        pairs[uid] = (None, r)
    return sorted((k, e, a) for k, (e, a) in pairs.items())


def compare_results(expected, actual, skip_tests):
    """Returns ((tests matched, tests total), (other nodes matched, total), lines)."""
    if skip_tests:
        expected = {k: v for k, v in expected.items() if not k.startswith("test.")}
        actual = {k: v for k, v in actual.items() if not k.startswith("test.")}
    lines = []
    counts = {True: [0, 0], False: [0, 0]}  # is a test -> [matched, total]
    for key, e, a in pair_results(expected, actual):
        is_test = key.startswith("test.")
        counts[is_test][1] += 1
        if a is None:
            lines.append(f"DIFF   {key}: dbt {describe(e)}, missing in Mallard's run_results")
            continue
        if e is None:
            lines.append(f"DIFF   {key}: Mallard {describe(a)}, not in dbt's run_results")
            continue
        problems = []
        if e["status"] != a["status"]:
            problems.append(f"status {e['status']} != {a['status']}")
        if is_test and e.get("failures") != a.get("failures"):
            problems.append(f"failures {e.get('failures')} != {a.get('failures')}")
        if problems:
            msg = (a.get("message") or "").strip().splitlines()
            hint = f" (Mallard: {msg[0][:160]})" if msg and a["status"] in ("error", "fail") else ""
            lines.append(f"DIFF   {key}: " + "; ".join(problems) + hint)
        else:
            counts[is_test][0] += 1
            lines.append(f"match  {key} ({describe(e)})")
    return tuple(counts[True]), tuple(counts[False]), lines


def describe(r):
    if r["unique_id"].startswith("test.") and r.get("failures") is not None:
        return f"{r['status']}, failures={r['failures']}"
    return r["status"]


# ---------------------------------------------------------------- builds

copy_project = setup_steps.copy_tree


def write_profile(project, profiles_dir, db):
    profile = profile_name(project)
    os.makedirs(profiles_dir, exist_ok=True)
    with open(os.path.join(profiles_dir, "profiles.yml"), "w") as f:
        f.write(f"{profile}:\n  target: {TARGET}\n  outputs:\n    {TARGET}:\n"
                f"      type: duckdb\n      path: \"{db}\"\n      schema: main\n      threads: 2\n")


def profile_name(project):
    with open(os.path.join(project, "dbt_project.yml")) as f:
        for line in f:
            m = re.match(r"""^profile:\s*["']?([A-Za-z0-9_]+)""", line)
            if m:
                return m.group(1)
    raise SystemExit(f"no profile: in {project}/dbt_project.yml")


def conformance_config(project):
    path = os.path.join(project, "conformance.json")
    if not os.path.exists(path):
        return {}
    with open(path) as f:
        return json.load(f)


def build_steps(project, config):
    """[(overlay folder or None, extra args)]: the first build, then each listed step."""
    steps = [(None, [])]
    for step in config.get("steps", []):
        overlay = step.get("overlay")
        if overlay and not os.path.isdir(os.path.join(project, overlay)):
            raise SystemExit(f"{project}/conformance.json: overlay folder {overlay} does not exist")
        steps.append((overlay, list(step.get("build_args", []))))
    return steps


def apply_overlay(project_src, overlay, dst):
    shutil.copytree(os.path.join(project_src, overlay), dst, dirs_exist_ok=True)


def mallard_knows(mallard, flag):
    p = subprocess.run([mallard, "build", "--help"], capture_output=True, text=True)
    return flag in p.stdout + p.stderr


def mallard_has_tests(mallard):
    p = subprocess.run([mallard, "--help"], capture_output=True, text=True)
    return re.search(r"^\s+test\s", p.stdout + p.stderr, re.M) is not None


def skip_flags(mallard):
    """(dbt leaves tests out, Mallard leaves tests out) for CONFORMANCE_SKIP_TESTS.

    Both must build the same nodes, or the children of failing tests differ: both drop
    tests when Mallard knows --exclude-resource-type; a Mallard without data tests gets
    a dbt without them; otherwise both run their tests and only the comparison of test
    results is left out."""
    if mallard_knows(mallard, "--exclude-resource-type"):
        return True, True
    if not mallard_has_tests(mallard):
        return True, False
    return False, False


class Project:
    def __init__(self, path, work, mallard, skip_tests, skip, server, external=None):
        self.path = path
        self.external = external  # a setup_steps.External, or None
        self.name = external.name if external else os.path.basename(path)
        self.config = external.config if external else conformance_config(path)
        self.out = os.path.join(work, self.name)
        self.http_url = f"{server.url}/{self.name}/fixtures"
        self.mallard = mallard
        self.skip_tests = skip_tests
        self.dbt_drops_tests, self.mallard_drops_tests = skip
        self.lines = []
        self.rel = (0, 0)
        self.tests = (0, 0)
        self.nodes = (0, 0)
        self.verdict = "?"
        self.known = 0
        self.times = {}

    def say(self, line):
        self.lines.append(line)

    def run(self):
        start = time.monotonic()
        try:
            self._run()
        except Exception as e:  # report, never hide the other projects' results
            self.verdict = "HARNESS ERROR"
            self.say(f"harness error: {e!r}")
        took = ", ".join(f"{k} {v:.1f} s" for k, v in self.times.items())
        self.say(f"({time.monotonic() - start:.1f} s" + (f"; side by side: {took}" if took else "") + ")")
        return self

    def _run(self):
        why = self.config.get("not_comparable")
        if why:
            self.verdict = "not comparable"
            self.say(f"not built with dbt: {why}")
            return
        missing = self.external.missing() if self.external else None
        if missing:
            self.verdict = "skipped"
            self.say(f"external project skipped: {missing}")
            return
        args = list(self.config.get("build_args", []))
        dbt_dir = os.path.join(self.out, "dbt")
        m_dir = os.path.join(self.out, "mallard")
        os.makedirs(dbt_dir)
        os.makedirs(m_dir)
        dbt_db, m_db = os.path.join(dbt_dir, DB_NAME), os.path.join(m_dir, DB_NAME)
        dbt_results = os.path.join(dbt_dir, "run_results.json")
        dbt_log, m_log = os.path.join(dbt_dir, "build.log"), os.path.join(m_dir, "build.log")

        fixtures = os.path.join(self.out, "fixtures")
        base_env = setup_steps.fixture_env(dict(os.environ, DBT_SEND_ANONYMOUS_USAGE_STATS="false"),
                                           fixtures, self.http_url)
        env = dict(base_env, DBT_RESULTS_OUT=dbt_results, CONFORMANCE_TARGET=TARGET)
        dbt_extra = ["--exclude-resource-type", "test"] if self.dbt_drops_tests else []
        m_extra = ["--exclude-resource-type", "test"] if self.mallard_drops_tests else []

        # an external project is copied with its whole root folder (packages.yml may
        # point outside the project); dbt_expected.sh then runs in CONFORMANCE_SUBDIR
        sub = self.external.subdir if self.external else "."
        src = self.external.root if self.external else self.path
        copy_project(src, os.path.join(m_dir, "project"))
        m_project = os.path.normpath(os.path.join(m_dir, "project", sub))
        m_profiles = os.path.join(m_dir, "profiles")
        write_profile(self.path, m_profiles, m_db)
        # dbt_expected.sh copies its source each time; later steps give it this copy
        dbt_copy = os.path.join(dbt_dir, "project")
        copy_project(src, dbt_copy)
        dbt_project = os.path.normpath(os.path.join(dbt_copy, sub))
        env["CONFORMANCE_SUBDIR"] = sub

        if self.config.get("setup"):
            rc = setup_steps.run_setup(self.config["setup"], self.path, fixtures, base_env,
                                       os.path.join(self.out, "setup.log"))
            if rc != 0:
                self.say(f"setup script {self.config['setup']} exit {rc}; its log ends:")
                self.lines += ["  | " + l for l in tail(os.path.join(self.out, "setup.log"))]
                self.verdict = "HARNESS ERROR"
                return

        m_time = dbt_time = 0.0
        steps = build_steps(self.path, self.config)
        for i, (overlay, step_args) in enumerate(steps):
            if overlay:
                apply_overlay(self.path, overlay, dbt_project)
                apply_overlay(self.path, overlay, m_project)
            dbt_cmd = [os.path.join(HERE, "dbt_expected.sh"), dbt_copy, dbt_db] + args + step_args + dbt_extra
            m_cmd = [self.mallard, "build", "--project-dir", m_project,
                     "--profiles-dir", m_profiles] + args + step_args + m_extra
            step_env = dict(env, CONFORMANCE_KEEP_DB="1") if i > 0 else env
            # dbt_expected.sh runs dbt deps itself; Mallard's deps comes before its first build
            m_deps = [self.mallard, "deps", "--project-dir", m_project, "--profiles-dir", m_profiles] \
                if i == 0 and setup_steps.has_packages(m_project) else None
            (dbt_rc, dbt_s), (deps_rc, m_rc, m_s) = setup_steps.run_side_by_side(
                (dbt_cmd, step_env, dbt_log), (m_deps, m_cmd, m_project, base_env, m_log))
            dbt_time, m_time = dbt_time + dbt_s, m_time + m_s
            if deps_rc:
                self.say(f"mallard deps exit {deps_rc} (see the build below)")
            if len(steps) > 1:
                self.say(f"step {i + 1} of {len(steps)}: dbt exit {dbt_rc}, Mallard exit {m_rc}")
        self.times = {"dbt": dbt_time, "Mallard": m_time}

        expected = load_results(dbt_results)
        problems = ["wrote no run_results.json"] if expected is None else \
            setup_steps.oracle_problems(expected, self.config.get("oracle_errors", []))
        if problems:
            why = "; ".join(problems)
            self.say(f"dbt build broken (exit {dbt_rc}; {why}); its log ends:")
            self.lines += ["  | " + l for l in tail(dbt_log)]
            self.verdict = "DBT FAILED"
            return

        actual = load_results(os.path.join(m_project, "target", "run_results.json"))
        if actual is None:
            self.say(f"mallard build exit {m_rc} and no run_results.json; its log ends:")
            self.lines += ["  | " + l for l in tail(m_log)]
            actual = {}
        elif m_rc != 0:
            self.say(f"mallard build exit {m_rc} (dbt: {dbt_rc})")

        rm, rt, rlines = compare_databases(dbt_db, m_db, search_path=self.path,
                                          volatile=self.config.get("volatile_relations", ()))
        rm, rlines, known = apply_known_differences(self.name, rm, rlines)
        self.known = known
        self.rel = (rm, rt)
        self.say("relations:")
        self.lines += ["  " + l for l in rlines]
        self.tests, self.nodes, tlines = compare_results(expected, actual, self.skip_tests)
        self.say("results" + (" (tests skipped: CONFORMANCE_SKIP_TESTS)" if self.skip_tests else "") + ":")
        self.lines += ["  " + l for l in tlines]
        same = rm == rt and self.tests[0] == self.tests[1] and self.nodes[0] == self.nodes[1]
        if same and (m_rc == 0) == (dbt_rc == 0):
            self.verdict = "match" if not known else f"match ({known} known)"
        elif same:
            self.verdict = "DIFFERENT (exit code)"
            self.say(f"DIFF   exit code: dbt {dbt_rc}, Mallard {m_rc}")
        else:
            self.verdict = "DIFFERENT"


def tail(path, n=25):
    try:
        with open(path, errors="replace") as f:
            return f.read().splitlines()[-n:]
    except OSError:
        return []


# ---------------------------------------------------------------- main

def default_projects():
    """The external projects first (the longest), then examples/* and conformance/projects/*."""
    no_external = os.environ.get("CONFORMANCE_EXTERNAL", "") == "0"
    out = [] if no_external else setup_steps.load_externals()
    for parent in (os.path.join(ROOT, "examples"), os.path.join(HERE, "projects")):
        if os.path.isdir(parent):
            out += sorted(os.path.join(parent, d) for d in os.listdir(parent)
                          if os.path.exists(os.path.join(parent, d, "dbt_project.yml")))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("projects", nargs="*")
    ap.add_argument("--skip-tests", action="store_true",
                    help="same as CONFORMANCE_SKIP_TESTS=1")
    a = ap.parse_args()
    skip_tests = a.skip_tests or os.environ.get("CONFORMANCE_SKIP_TESTS", "") not in ("", "0")
    externals = {e.name: e for e in setup_steps.load_externals()}
    projects = [externals.get(p) or os.path.abspath(p.rstrip("/")) for p in a.projects] or default_projects()
    for p in projects:
        if isinstance(p, str) and not os.path.exists(os.path.join(p, "dbt_project.yml")):
            print(f"not a dbt project (nor a name in external.json): {p}", file=sys.stderr)
            return 2
    names = [p if isinstance(p, str) else p.name for p in projects]
    names = [os.path.basename(n) for n in names]
    if len(set(names)) != len(names):
        print("two projects share a folder name", file=sys.stderr)
        return 2

    mallard = os.environ.get("MALLARD", os.path.join(ROOT, "mallard"))
    # builds the jar (and its class-data archive) once, before parallel launches
    if subprocess.run([mallard, "--version"], stdout=subprocess.DEVNULL).returncode != 0:
        print("cannot start Mallard", file=sys.stderr)
        return 2
    skip = skip_flags(mallard) if skip_tests else (False, False)

    work = tempfile.mkdtemp(prefix="mallard-conformance.")
    server = setup_steps.FileServer(work)  # tarball packages made by setup scripts
    jobs = max(1, int(os.environ.get("CONFORMANCE_JOBS", "2")))
    started = time.monotonic()
    try:
        runs = [Project(p, work, mallard, skip_tests, skip, server) if isinstance(p, str)
                else Project(p.path, work, mallard, skip_tests, skip, server, external=p)
                for p in projects]
        with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
            for r in pool.map(Project.run, runs):  # printed in order as they finish
                print(f"=== {r.name}: {r.verdict}")
                for line in r.lines:
                    print(line)
                sys.stdout.flush()
    finally:
        server.close()
        if os.environ.get("CONFORMANCE_KEEP", "") not in ("", "0"):
            print(f"work folder kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)

    print()
    print(f"Conformance summary ({time.monotonic() - started:.0f} s"
          + (", test results not compared" if skip_tests else "") + "):")
    frac = lambda t: f"{t[0]}/{t[1]}"
    rows = [("project", "relations", "test outcomes", "other results", "verdict")]
    rows += [(r.name, frac(r.rel), frac(r.tests) if not skip_tests else "skipped", frac(r.nodes), r.verdict)
             for r in runs]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for i, row in enumerate(rows):
        print("  " + " | ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip())
        if i == 0:
            print("  " + "-+-".join("-" * w for w in widths))
    passed = sum(1 for r in runs if r.verdict.startswith("match"))
    left_out = sum(1 for r in runs if r.verdict == "not comparable")
    skipped = sum(1 for r in runs if r.verdict == "skipped")
    failed = len(runs) - passed - left_out - skipped
    print(f"conformance: {passed} passed, {failed} failed" + (f", {left_out} not comparable" if left_out else "")
          + (f", {skipped} skipped (external project absent)" if skipped else ""))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
