#!/usr/bin/env python3
"""Generates a dbt project of N models for the docs-site benchmark.

    python3 bench/docs/generate.py N OUT_DIR

Ten seeds-free roots (stg_00..stg_09, each a select over range()) and N-10 models, each
joining two earlier models, with a schema.yml giving every model a Markdown description and
six documented columns with not_null/unique tests: a docs site about the size of a large
real project. Output is deterministic; OUT_DIR's models folder is replaced.
"""
import os
import shutil
import sys


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: generate.py N OUT_DIR")
    n, out = int(sys.argv[1]), sys.argv[2]
    models = os.path.join(out, "models")
    shutil.rmtree(models, ignore_errors=True)
    os.makedirs(models)
    names = []
    yml = ["version: 2", "models:"]
    for i in range(n):
        name = f"stg_{i:02d}" if i < 10 else f"m_{i:05d}"
        if i < 10:
            sql = (f"select i as id, i % 97 as customer_id, i * {i + 3} as amount, 'x' || i as label,\n"
                   f"       current_date as day, i % 2 = 0 as flag\nfrom range(10) t(i)\n")
        else:
            a, b = names[(i * 7919) % len(names)], names[(i * 104729) % len(names)]
            sql = (f"with a as (select * from {{{{ ref('{a}') }}}}),\n"
                   f"b as (select id, amount from {{{{ ref('{b}') }}}})\n"
                   "select a.id, a.customer_id, a.amount + coalesce(b.amount, 0) as amount, a.label,\n"
                   "       a.day, a.flag\nfrom a left join b on a.id = b.id\n")
        with open(os.path.join(models, name + ".sql"), "w") as f:
            f.write(sql)
        names.append(name)
        yml += [f"  - name: {name}",
                f"    description: \"Model **{name}**: amounts per customer for area {i % 37}, "
                f"see [the handbook](https://example.com/{i}).\"",
                "    columns:",
                "      - name: id",
                "        description: Primary key.",
                "        data_tests: [unique, not_null]",
                "      - name: customer_id",
                f"        description: The customer (region {i % 11}).",
                "      - name: amount",
                "        description: Amount in cents, summed over the joined model.",
                "      - name: label",
                "        description: A label.",
                "      - name: day",
                "        description: The day the row was computed.",
                "      - name: flag",
                "        description: Whether the id is even."]
    with open(os.path.join(models, "schema.yml"), "w") as f:
        f.write("\n".join(yml) + "\n")
    with open(os.path.join(out, "dbt_project.yml"), "w") as f:
        f.write("name: docs_bench\nprofile: docs_bench\nmodels:\n  docs_bench:\n    +materialized: view\n")


if __name__ == "__main__":
    main()
