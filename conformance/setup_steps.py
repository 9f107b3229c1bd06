"""What the harness does around the builds of a project that uses packages: external
projects (conformance/external.json), the per-project fixtures made by a `setup` script,
the local HTTP server that serves them (for tarball packages), running both tools side
by side (with `mallard deps`), and the oracle errors a project declares.

conformance/harness.py imports it; see its docstring and conformance/README.md.
"""
import functools
import http.server
import json
import os
import shutil
import subprocess
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
EXTERNAL_FILE = os.path.join(HERE, "external.json")
PACKAGE_FILES = ("packages.yml", "dependencies.yml")
COPY_IGNORE = shutil.ignore_patterns(
    "target", "logs", "dbt_packages", "*.duckdb", "*.duckdb.wal", ".git")


def copy_tree(src, dst):
    """Copies a project (or an external project's root) without build outputs and .git."""
    shutil.copytree(src, dst, ignore=COPY_IGNORE)


def has_packages(project):
    return any(os.path.exists(os.path.join(project, f)) for f in PACKAGE_FILES)


# ---------------------------------------------------------------- external projects

class External:
    """An entry of external.json: a project at ROOT/<root>/<project> that is built from a
    copy of the whole <root> folder, so that packages.yml may point outside the project
    (dbt-utils' integration_tests: `local: ../`). The entry's other keys are those of a
    conformance.json (build_args, steps, oracle_errors, setup, not_comparable)."""

    def __init__(self, entry):
        self.name = entry["name"]
        self.root = os.path.normpath(os.path.join(ROOT, entry["root"]))
        self.subdir = entry.get("project", ".")
        self.path = os.path.normpath(os.path.join(self.root, self.subdir))
        self.config = {k: v for k, v in entry.items() if k not in ("name", "root", "project")}
        self.root_given = entry["root"]

    def missing(self):
        """Why the project cannot run here, or None."""
        if not os.path.isdir(self.root):
            return f"{self.root_given} (resolved to {self.root}) is absent"
        if not os.path.exists(os.path.join(self.path, "dbt_project.yml")):
            return f"no dbt_project.yml in {self.path}"
        return None


def load_externals():
    if not os.path.exists(EXTERNAL_FILE):
        return []
    with open(EXTERNAL_FILE) as f:
        return [External(e) for e in json.load(f)]


# ---------------------------------------------------------------- fixtures

def run_setup(script, project_src, fixtures, env, log):
    """Runs a project's setup script once, before both tools' `deps`: its working folder
    is the empty FIXTURES folder (also $CONFORMANCE_FIXTURES), its argument the project's
    source folder (to read, never to write). It makes what packages.yml points at, e.g. a
    git repository for a file:// URL and a .tar.gz served at $CONFORMANCE_HTTP_URL.
    Returns the exit code; its output goes to LOG."""
    os.makedirs(fixtures, exist_ok=True)
    path = os.path.join(project_src, script)
    with open(log, "a") as out:
        return subprocess.run(["bash", path, project_src], cwd=fixtures, env=env,
                              stdout=out, stderr=subprocess.STDOUT).returncode


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class FileServer:
    """Serves a folder over http://127.0.0.1:<free port> from a thread of the harness:
    dbt downloads tarball packages with `requests`, which takes no file:// URL."""

    def __init__(self, folder):
        handler = functools.partial(_QuietHandler, directory=folder)
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def fixture_env(base_env, fixtures, url):
    """The environment of both tools (and of the setup script) for one project."""
    no_proxy = ",".join(x for x in (base_env.get("NO_PROXY", ""), "127.0.0.1,localhost") if x)
    return dict(base_env, CONFORMANCE_FIXTURES=fixtures, CONFORMANCE_HTTP_URL=url,
                NO_PROXY=no_proxy, no_proxy=no_proxy)


# ---------------------------------------------------------------- deps, oracle errors

def run_side_by_side(dbt, mallard):
    """Runs one build of each tool at the same time, each timed on its own.

    dbt = (command, env, log); mallard = (deps command or None, build command, project,
    env, log): Mallard's `deps`, when given, runs before its build, in its time.
    Returns ((dbt exit, seconds), (deps exit or None, build exit, seconds))."""
    cmd, env, log = dbt
    deps_cmd, m_cmd, project, m_env, m_log = mallard
    t0 = time.monotonic()
    with open(log, "a") as out:
        dbt_p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env)
    dbt_end = []
    waiter = threading.Thread(target=lambda: dbt_end.append((dbt_p.wait(), time.monotonic() - t0)))
    waiter.start()
    deps_rc = None
    with open(m_log, "a") as out:
        if deps_cmd:
            out.write("$ " + " ".join(deps_cmd) + "\n")
            out.flush()
            deps_rc = subprocess.run(deps_cmd, cwd=project, env=m_env, stdout=out,
                                     stderr=subprocess.STDOUT).returncode
        m_rc = subprocess.run(m_cmd, cwd=project, env=m_env, stdout=out,
                              stderr=subprocess.STDOUT).returncode
    m_s = time.monotonic() - t0
    waiter.join()
    return dbt_end[0], (deps_rc, m_rc, m_s)


def oracle_problems(expected, declared):
    """Problems of the oracle's run: nodes that errored without being declared in the
    project's "oracle_errors" (dbt's own limits, compared like other results), and
    declared ones that did not error (the list is stale)."""
    errored = {k for k, r in expected.items() if r["status"] in ("error", "runtime error")}
    declared = set(declared)
    out = []
    if errored - declared:
        out.append("errors in " + ", ".join(sorted(errored - declared)))
    if declared - errored:
        out.append("declared oracle_errors that did not error: " + ", ".join(sorted(declared - errored)))
    return out
