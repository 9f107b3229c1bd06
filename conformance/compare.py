#!/usr/bin/env python3
"""Compare every relation of two DuckDB files: kind, columns, types and rows as multisets.

usage: compare.py EXPECTED.duckdb ACTUAL.duckdb [--ignore-prefix PREFIX ...]
Prints one line per relation (match / difference) and exits 1 on any difference.
"""
import argparse
import collections
import sys

import duckdb


def relations(con):
    rows = con.execute(
        "select table_schema, table_name, table_type from information_schema.tables "
        "where table_schema not in ('information_schema', 'pg_catalog') order by 1, 2").fetchall()
    return {(s, t): kind for s, t, kind in rows}


def describe(con, schema, table):
    return [(c, ty) for c, ty in con.execute(
        "select column_name, data_type from information_schema.columns "
        "where table_schema = ? and table_name = ? order by ordinal_position", [schema, table]).fetchall()]


def content(con, schema, table):
    return collections.Counter(con.execute(f'select * from "{schema}"."{table}"').fetchall())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("expected")
    ap.add_argument("actual")
    ap.add_argument("--ignore-prefix", action="append", default=[])
    args = ap.parse_args()
    exp = duckdb.connect(args.expected, read_only=True)
    act = duckdb.connect(args.actual, read_only=True)
    e_rel, a_rel = relations(exp), relations(act)
    keep = lambda k: not any(k[1].startswith(p) for p in args.ignore_prefix)
    names = sorted(k for k in set(e_rel) | set(a_rel) if keep(k))
    diffs = 0
    for key in names:
        label = f"{key[0]}.{key[1]}"
        if key not in a_rel:
            print(f"DIFF   {label}: missing in actual"); diffs += 1; continue
        if key not in e_rel:
            print(f"DIFF   {label}: not in expected"); diffs += 1; continue
        problems = []
        if e_rel[key] != a_rel[key]:
            problems.append(f"kind {e_rel[key]} != {a_rel[key]}")
        ec, ac = describe(exp, *key), describe(act, *key)
        if ec != ac:
            problems.append(f"columns {ec} != {ac}")
        else:
            er, ar = content(exp, *key), content(act, *key)
            if er != ar:
                only_e = sum((er - ar).values()); only_a = sum((ar - er).values())
                problems.append(f"rows differ ({only_e} only in expected, {only_a} only in actual)")
        if problems:
            print(f"DIFF   {label}: " + "; ".join(problems)); diffs += 1
        else:
            print(f"match  {label} ({e_rel[key].lower()}, {sum(content(exp, *key).values())} rows)")
    print(f"{len(names) - diffs} passed, {diffs} failed")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
