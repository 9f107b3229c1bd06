#!/usr/bin/env python3
"""Writes the Jinja conformance cases and what Python's Jinja2, set up as dbt does, makes of them.

    oracle.py generate OUT_DIR [--seed N] [--count N] [--jobs N] [--force]

OUT_DIR gets cases.jsonl (id, template, context or context_name, mode, ...), contexts.json
(named contexts shared by many cases), expected.jsonl (id, ok, out | error{type, phase,
message}) and meta.json. The Java side (Jinja2OracleTest in mallard-jinja) renders the same
cases and compares. Nothing is rewritten when the inputs have not changed (see meta.json's
stamps), and the 20,000 generated cases are reused when only case files changed; --force
recomputes everything.
"""
import argparse
import hashlib
import json
import multiprocessing
import os
import re
import resource
import signal
import sys
import time
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE))

import case_files  # noqa: E402
import corpus_cases  # noqa: E402
import dbt_env  # noqa: E402
import expr_gen  # noqa: E402

DEFAULT_SEED = 20240611
DEFAULT_COUNT = 20000
MAX_OUTPUT = 2000          # longer generated outputs are dropped: they only test memory
CASE_TIMEOUT_S = 2
GEN_CONTEXT_JSON = json.dumps(expr_gen.CONTEXT)
MEMORY_LIMIT = 2 << 30     # per worker: a runaway string repetition fails fast instead


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    gen = sub.add_parser("generate", help="write cases.jsonl, contexts.json, expected.jsonl, meta.json")
    gen.add_argument("out_dir", type=Path)
    gen.add_argument("--seed", type=int, default=DEFAULT_SEED)
    gen.add_argument("--count", type=int, default=DEFAULT_COUNT, help="generated expression cases")
    gen.add_argument("--jobs", type=int, default=min(4, os.cpu_count() or 1))
    gen.add_argument("--force", action="store_true", help="regenerate even when up to date")
    args = parser.parse_args(argv)
    return generate(args)


def generate(args):
    started = time.perf_counter()
    env, description = dbt_env.make_environment()
    with_dbt = dbt_env.is_dbt(description)
    gen_stamp = _gen_stamp(args, description)
    stamp = _stamp(gen_stamp)
    meta_path = args.out_dir / "meta.json"
    previous = {} if args.force or not meta_path.exists() else json.loads(meta_path.read_text())
    if previous.get("stamp") == stamp:
        print(f"jinja oracle: {args.out_dir} is up to date ({description['oracle']})")
        return 0

    try:
        written = case_files.read_case_dir(HERE / "cases")
    except case_files.CaseFileError as e:
        print(f"jinja oracle: {e}", file=sys.stderr)
        return 1
    corpus, note = corpus_cases.corpus_cases(REPO)
    if note:
        print(note)
    fixed = [c for c in written + corpus if with_dbt or not c["dbt_only"]]
    skipped = len(written) + len(corpus) - len(fixed)
    if skipped:
        print(f"NOTE: {skipped} cases need dbt's own tags and are left out with the fallback oracle")
    _warn_uncovered(env, written)

    fixed_results = _run_all(fixed, args.jobs)
    problems = [f"{c['where']}: {c['id']} " + (f"runs over {CASE_TIMEOUT_S}s" if r is None else
                                             "prints a memory address; its output differs on every run")
                for c, r in zip(fixed, fixed_results)
                if r is None or r["ok"] and dbt_env.ADDRESS.search(r["out"])]
    if problems:
        print("jinja oracle: " + "\n".join(problems), file=sys.stderr)
        return 1
    if previous.get("gen_stamp") == gen_stamp and all(
            (args.out_dir / name).is_file() for name in ("cases.jsonl", "expected.jsonl")):
        generated, gen_results = _previous_generated(args.out_dir)
        dropped = previous.get("counts", {}).get("generated_dropped", 0)
    else:
        generated, gen_results, dropped = _generated(args)

    cases = fixed + generated
    results = fixed_results + gen_results
    _write(args.out_dir, cases, results)
    counts = {"hand_written": len([c for c in fixed if not c["id"].startswith("dbt-utils.")]),
              "dbt_utils_parse": len([c for c in fixed if c["id"].startswith("dbt-utils.")]),
              "generated": len(generated), "generated_dropped": dropped,
              "expected_errors": sum(1 for r in results if not r["ok"]), "total": len(cases)}
    meta = {**description, "seed": args.seed, "stamp": stamp, "gen_stamp": gen_stamp, "counts": counts}
    meta_path.write_text(json.dumps(meta, indent=2) + "\n")
    print(f"jinja oracle: {counts['total']} cases ({counts['hand_written']} hand-written, "
          f"{counts['dbt_utils_parse']} dbt-utils parse, {counts['generated']} generated, "
          f"{counts['expected_errors']} expected errors) from {description['oracle']}, jinja2 "
          f"{description['jinja2']}, in {time.perf_counter() - started:.1f}s -> {args.out_dir}")
    return 0


def _generated(args):
    """(cases, results, dropped): `count` generated cases whose outputs are small and stable."""
    gen = expr_gen.ExpressionGenerator(args.seed)
    cases, results, dropped, index = [], [], 0, 0
    while len(cases) < args.count:
        batch = []
        for _ in range(int((args.count - len(cases)) * 1.08) + 10):
            template, features = gen.template()
            batch.append({"id": f"gen.{index:05d}", "template": template, "mode": "render",
                          "context_name": "gen", "context_json": GEN_CONTEXT_JSON, "features": features})
            index += 1
        for case, result in zip(batch, _run_all(batch, args.jobs)):
            if len(cases) >= args.count:
                break
            if _unstable(result):
                dropped += 1
                continue
            cases.append(case)
            results.append(result)
    return cases, results, dropped


def _previous_generated(out_dir):
    """The generated cases of the last run, when neither the generator nor the oracle changed."""
    def rows(name):
        with open(out_dir / name, encoding="utf-8") as f:
            return [r for r in map(json.loads, f) if r["id"].startswith("gen.")]
    return rows("cases.jsonl"), rows("expected.jsonl")


def _unstable(result):
    if result is None:  # timed out
        return True
    if result["ok"]:
        return len(result["out"]) > MAX_OUTPUT or bool(dbt_env.ADDRESS.search(result["out"]))
    return result["error"]["type"] in ("MemoryError", "RecursionError")


# -- running cases in worker processes -----------------------------------------------------
_ENV = None


def _init_worker():
    global _ENV
    _ENV, _ = dbt_env.make_environment()
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard == resource.RLIM_INFINITY or hard > MEMORY_LIMIT:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, hard))
    signal.signal(signal.SIGALRM, _timeout)
    # Python's compiler warns about generated code such as `1[0]`; the template is meant so
    warnings.simplefilter("ignore", SyntaxWarning)


class _Timeout(BaseException):
    pass


def _timeout(signum, frame):
    raise _Timeout()


def _run_one(case):
    """The case's expected result, or None when it takes too long."""
    signal.alarm(CASE_TIMEOUT_S)
    try:
        return dbt_env.run_case(_ENV, case)
    except _Timeout:
        return None
    finally:
        signal.alarm(0)


def _run_all(cases, jobs):
    if not cases:
        return []
    with multiprocessing.get_context("fork").Pool(jobs, initializer=_init_worker) as pool:
        return pool.map(_run_one, cases, chunksize=max(1, min(500, len(cases) // (jobs * 8) or 1)))


# -- output -----------------------------------------------------------------------------
def _write(out_dir, cases, results):
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "contexts.json").write_text(json.dumps({"gen": expr_gen.CONTEXT}, indent=1) + "\n")
    with open(out_dir / "cases.jsonl", "w", encoding="utf-8") as f:
        for c in cases:
            row = {"id": c["id"], "template": c["template"], "mode": c["mode"]}
            if "context_name" in c:
                row["context_name"] = c["context_name"]
            elif "context_json" in c:
                row["context"] = json.loads(c["context_json"])
            for key in ("compare_message", "features", "where"):
                if key in c:
                    row[key] = c[key]
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    with open(out_dir / "expected.jsonl", "w", encoding="utf-8") as f:
        for r in results:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def _gen_stamp(args, description):
    """What the generated cases and their expected results depend on."""
    h = hashlib.sha256()
    h.update(json.dumps([args.seed, args.count, description]).encode())
    for path in sorted(HERE.glob("*.py")):
        h.update(path.name.encode() + path.read_bytes())
    return h.hexdigest()


def _stamp(gen_stamp):
    """What all the output depends on: the generated part, the case files and the corpus."""
    h = hashlib.sha256(gen_stamp.encode())
    for path in sorted((HERE / "cases").glob("*.cases")):
        h.update(path.name.encode() + path.read_bytes())
    root = corpus_cases.corpus_root(REPO)
    if root.is_dir():
        for path in sorted(root.rglob("*.sql")):
            h.update(str(path).encode() + path.read_bytes())
    return h.hexdigest()


def _warn_uncovered(env, cases):
    text = "\n".join(c["template"] for c in cases)
    filters = [f for f in sorted(env.filters) if not re.search(r"\|\s*%s\b" % re.escape(f), text)]
    tests = [t for t in sorted(env.tests) if t.isidentifier()
             and not re.search(r"\bis\s+(not\s+)?%s\b" % re.escape(t), text)]
    if filters or tests:
        print(f"NOTE: no hand-written case uses filters {filters} / tests {tests}")


if __name__ == "__main__":
    sys.exit(main())
