"""dbt's own docs page on Mallard's artifacts, in a real browser, against the same page on dbt's.

For one project, dbt-core and Mallard each build a copy and write target/manifest.json and
target/catalog.json (`docs generate`); dbt's index.html (from the installed dbt package: the
oracle's page, not shipped with Mallard) is put beside each, served over HTTP, and opened in
headless Chromium. The checks:
  - the overview page renders a project overview (dbt's __overview__ or the project's own);
  - the lineage graph renders (its canvas is on the page);
  - every model page lists the same columns, with the same data test badges (U, N, F, A, +),
    as on dbt's artifacts.
Exit 0 when all match, 1 with the differences listed.
"""
import argparse
import functools
import http.server
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

PROFILES = """jaffle_shop:
  target: dev
  outputs:
    dev:
      type: duckdb
      path: target/jaffle_shop.duckdb
      threads: 1
"""
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def build(tool, executable, source, work, index_html):
    project = work / tool
    shutil.copytree(source, project, ignore=shutil.ignore_patterns("target", "logs", "*.duckdb"))
    (project / "profiles.yml").write_text(PROFILES)
    for command in (["build"], ["docs", "generate"]):
        p = subprocess.run([executable, *command, "--project-dir", str(project), "--profiles-dir", str(project)],
                           cwd=project, capture_output=True, text=True)
        if p.returncode != 0:
            sys.exit(f"{tool} {' '.join(command)} failed:\n{p.stdout}\n{p.stderr}")
    shutil.copy(index_html, project / "target" / "index.html")
    return project / "target"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory):
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def page(chromium, port, route):
    with tempfile.TemporaryDirectory() as profile:
        p = subprocess.run([chromium, *FLAGS, f"--user-data-dir={profile}", "--virtual-time-budget=20000",
                            "--dump-dom", f"http://127.0.0.1:{port}/index.html#!/{route}"],
                           capture_output=True, text=True, timeout=180)
    return p.stdout


def text_of(html):
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def columns_and_badges(html):
    """Column name -> sorted badges, from the model page's column table."""
    out = {}
    for row in re.findall(r'<tr[^>]*ng-repeat-start="column in[^"]*"[^>]*>(.*?)</tr>', html, flags=re.S):
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)
        if not cells:
            continue
        name = text_of(cells[0]).strip()
        if "{{" in name:  # the table's template row
            continue
        badges = sorted(re.findall(r'<span[^>]*ng-if="has_test\(column, \'([^\']+)\'\)"[^>]*>', row))
        out[name] = badges
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mallard", required=True)
    ap.add_argument("--dbt", required=True)
    ap.add_argument("--chromium", required=True)
    ap.add_argument("--index-html", required=True)
    ap.add_argument("--project", required=True)
    args = ap.parse_args()
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        targets = {tool: build(tool, exe, Path(args.project), work, args.index_html)
                   for tool, exe in (("dbt", args.dbt), ("mallard", args.mallard))}
        servers = {tool: serve(t) for tool, t in targets.items()}
        ports = {tool: s.server_address[1] for tool, s in servers.items()}
        import json
        models = sorted(k for k, v in json.loads((targets["dbt"] / "manifest.json").read_text())["nodes"].items()
                        if v["resource_type"] == "model")
        overview = text_of(page(args.chromium, ports["mallard"], "overview"))
        if "Overview" not in overview or not re.search(r"(Welcome|documentation)", overview):
            failures.append("the overview page shows no overview text")
        graph = page(args.chromium, ports["mallard"], "overview?g_v=1")
        if "<canvas" not in graph:
            failures.append("the lineage graph did not render (no canvas)")
        for uid in models:
            pages = {tool: page(args.chromium, port, "model/" + uid) for tool, port in ports.items()}
            got = {tool: columns_and_badges(html) for tool, html in pages.items()}
            if not got["dbt"]:
                failures.append(f"{uid}: no columns on dbt's own page (the check reads nothing)")
            elif got["dbt"] != got["mallard"]:
                failures.append(f"{uid}: columns/badges differ: dbt {got['dbt']} mallard {got['mallard']}")
            else:
                print(f"{uid}: {len(got['dbt'])} columns, badges "
                      f"{ {c: b for c, b in got['dbt'].items() if b} } on both")
        for s in servers.values():
            s.shutdown()
    for f in failures:
        print("DIFFERENT:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
