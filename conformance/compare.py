#!/usr/bin/env python3
"""Compare every relation of two DuckDB files: kind, columns, types and rows as multisets.

usage: compare.py EXPECTED.duckdb ACTUAL.duckdb [--ignore-prefix PREFIX ...]
Prints one line per relation (match / difference) and exits 1 on any difference.
conformance/harness.py calls compare_databases() directly.
"""
import argparse
import collections
import json
import os
import sys

import duckdb

HERE = os.path.dirname(os.path.abspath(__file__))


def relations(con):
    rows = con.execute(
        "select table_schema, table_name, table_type from information_schema.tables "
        "where table_catalog = current_database() "
        "and table_schema not in ('information_schema', 'pg_catalog') order by 1, 2").fetchall()
    return {(s, t): kind for s, t, kind in rows}


def describe(con, schema, table):
    return [(c, ty) for c, ty in con.execute(
        "select column_name, data_type from information_schema.columns "
        "where table_catalog = current_database() and table_schema = ? and table_name = ? "
        "order by ordinal_position", [schema, table]).fetchall()]


def content(con, schema, table):
    return collections.Counter(tuple(_hashable(v) for v in row)
                               for row in con.execute(f'select * from "{schema}"."{table}"').fetchall())


def _hashable(value):
    """LIST, STRUCT and MAP values come back as lists and dicts: compared as tuples."""
    if isinstance(value, list):
        return tuple(_hashable(v) for v in value)
    if isinstance(value, dict):
        return tuple((k, _hashable(v)) for k, v in value.items())
    return value


def _example(counter, limit=3):
    return ", ".join(repr(r) for r in list(counter.elements())[:limit])


def compare_databases(expected, actual, ignore_prefixes=(), search_path=None, volatile=()):
    """Returns (matched, total, lines): one line per relation of either file.

    VOLATILE lists relations ("schema.name") whose rows depend on the time of the build
    (e.g. current_timestamp): only their kind and columns are compared.

    A missing ACTUAL file counts every expected relation as missing."""
    exp = duckdb.connect(expected, read_only=True)
    act = duckdb.connect(actual, read_only=True) if os.path.exists(actual) else None
    if search_path:
        # views over files with relative paths resolve against the project, as in the builds
        for con in (exp, act):
            if con is not None:
                con.execute("SET file_search_path = ?", [search_path])
    try:
        e_rel = relations(exp)
        a_rel = relations(act) if act is not None else {}
        keep = lambda k: not any(k[1].startswith(p) for p in ignore_prefixes)
        names = sorted(k for k in set(e_rel) | set(a_rel) if keep(k))
        lines, diffs = [], 0
        for key in names:
            label = f"{key[0]}.{key[1]}"
            if key not in a_rel:
                lines.append(f"DIFF   {label}: missing in actual"); diffs += 1; continue
            if key not in e_rel:
                lines.append(f"DIFF   {label}: not in expected"); diffs += 1; continue
            problems = []
            if e_rel[key] != a_rel[key]:
                problems.append(f"kind {e_rel[key]} != {a_rel[key]}")
            ec, ac = describe(exp, *key), describe(act, *key)
            er = content(exp, *key)
            if ec != ac:
                problems.append(f"columns {ec} != {ac}")
            elif label in volatile:
                pass
            else:
                ar = content(act, *key)
                if er != ar:
                    only_e, only_a = er - ar, ar - er
                    if sum(only_e.values()) == 1 and sum(only_a.values()) == 1:
                        (re_,), (ra,) = only_e.keys(), only_a.keys()
                        cells = [f"{c}: {x!r} != {y!r}" for (c, _), x, y in zip(ec, re_, ra) if x != y]
                        problems.append("one row differs: " + ", ".join(cells))
                    else:
                        problems.append(
                            f"rows differ ({sum(only_e.values())} only in expected, e.g. {_example(only_e)}; "
                            f"{sum(only_a.values())} only in actual, e.g. {_example(only_a)})")
            if problems:
                lines.append(f"DIFF   {label}: " + "; ".join(problems)); diffs += 1
            elif label in volatile:
                lines.append(f"match  {label} ({e_rel[key].lower()}, volatile: rows not compared)")
            else:
                lines.append(f"match  {label} ({e_rel[key].lower()}, {sum(er.values())} rows)")
        return len(names) - diffs, len(names), lines
    finally:
        exp.close()
        if act is not None:
            act.close()


KNOWN_FILE = os.path.join(HERE, "known_differences.json")


def apply_known_differences(project, matched, lines):
    """Relation differences listed in known_differences.json are reported as KNOWN with
    their reason and do not fail the run; each one is a documented gap to close."""
    if not os.path.exists(KNOWN_FILE):
        return matched, lines, 0
    with open(KNOWN_FILE) as f:
        known = json.load(f).get(project, {})
    out, count = [], 0
    for line in lines:
        label = line[7:].split(":", 1)[0].strip() if line.startswith("DIFF") else None
        if label in known:
            out.append(f"KNOWN  {label}: {known[label]} ({line[7:].split(':', 1)[1].strip()})")
            matched, count = matched + 1, count + 1
        else:
            out.append(line)
    return matched, out, count


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("expected")
    ap.add_argument("actual")
    ap.add_argument("--ignore-prefix", action="append", default=[])
    args = ap.parse_args()
    matched, total, lines = compare_databases(args.expected, args.actual, args.ignore_prefix)
    for line in lines:
        print(line)
    print(f"{matched} passed, {total - matched} failed")
    return 1 if matched != total else 0


if __name__ == "__main__":
    sys.exit(main())
