#!/usr/bin/env python3
"""Generates a dbt project of N table models for the build benchmark.

    python3 bench/build/generate.py N OUT_DIR [ROWS]

base is a table of ROWS generated rows (range(), no seed); hub_01..hub_19 aggregate it;
every other model (leaf_0001...) joins base to one hub and aggregates, so after base the
hubs are independent of each other, and each leaf waits only for its hub: threads have
independent nodes to run at once. Each leaf reads all of base (small enough that DuckDB
runs it on one core), so the work per model is real but modest. Output is deterministic;
OUT_DIR's models folder is replaced.
"""
import os
import shutil
import sys

HUBS = 19


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: generate.py N OUT_DIR [ROWS]")
    n, out = int(sys.argv[1]), sys.argv[2]
    rows = int(sys.argv[3]) if len(sys.argv) == 4 else 100000
    if n < HUBS + 2:
        sys.exit(f"N must be >= {HUBS + 2}")
    models = os.path.join(out, "models")
    shutil.rmtree(models, ignore_errors=True)
    os.makedirs(models)

    def write(name, sql):
        with open(os.path.join(models, name + ".sql"), "w") as f:
            f.write(sql)

    write("base", "select i as id, i % 1000 as k, (i * 7919) % 100003 as v, 'item_' || (i % 5000) as label\n"
                  f"from range({rows}) t(i)\n")
    for h in range(1, HUBS + 1):
        write(f"hub_{h:02d}", "select k, label, count(*) as n, sum(v) as s, avg(v) as a, max(v) as mx\n"
                              f"from {{{{ ref('base') }}}}\nwhere id % {h + 1} <> 0\ngroup by k, label\n")
    for i in range(1, n - HUBS):
        hub = f"hub_{(i - 1) % HUBS + 1:02d}"
        write(f"leaf_{i:04d}", f"select b.k % {i % 50 + 2} as g, count(*) as n, sum(b.v * h.a) as weighted,\n"
                               f"       count(distinct b.label) as labels, max(h.mx) as mx\n"
                               f"from {{{{ ref('base') }}}} b\njoin {{{{ ref('{hub}') }}}} h using (k, label)\n"
                               f"where b.v % {i % 7 + 2} = 0\ngroup by 1\n")
    with open(os.path.join(out, "dbt_project.yml"), "w") as f:
        f.write("name: build_bench\nprofile: build_bench\nmodels:\n  build_bench:\n    +materialized: table\n")


if __name__ == "__main__":
    main()
