#!/usr/bin/env python3
"""Generates a synthetic dbt project of N chained models for parse benchmarks.

    python3 bench/parse/generate.py N OUT_DIR [--depth D]

model_0001 selects literals; model_k selects from ref('model_{k-1}'). With
--depth D the models form N/D chains of D (model_k starts a new chain from
literals when k-1 is a multiple of D), so that `build` does not create views
nested thousands deep (DuckDB binds a view through all the views below it). Every
model carries a config() call with materialized='view' and tags; every 10th
model also has a Jinja loop, so some models need real Jinja rendering rather
than dbt's static parser. Models are spread over folders of 100, each with a
properties yml giving descriptions and a not_null test per model. Output is
deterministic; OUT_DIR is emptied of previous models first.
"""
import os
import shutil
import sys

GROUP = 100


def model_sql(k, depth):
    name = f"model_{k:05d}"
    group = f"g{(k - 1) // GROUP:03d}"
    lines = [f"{{{{ config(materialized='view', tags=['chain', '{group}']) }}}}", ""]
    if (k - 1) % depth == 0:
        lines += [
            "select",
            "    1 as id,",
            "    'origin' as label,",
            "    0 as depth",
        ]
    else:
        prev = f"model_{k - 1:05d}"
        lines += ["select", "    id,", "    label,", "    depth + 1 as depth"]
        if k % 10 == 0:
            lines += [
                "    {%- for i in range(3) %},",
                f"    id * {{{{ i }}}} as m{k}_c{{{{ i }}}}",
                "    {%- endfor %}",
            ]
        lines += [f"from {{{{ ref('{prev}') }}}}"]
    return name, group, "\n".join(lines) + "\n"


def main():
    args = sys.argv[1:]
    depth = None
    if "--depth" in args:
        i = args.index("--depth")
        depth = int(args[i + 1])
        del args[i:i + 2]
    if len(args) != 2:
        sys.exit("usage: generate.py N OUT_DIR [--depth D]")
    n = int(args[0])
    out = args[1]
    depth = depth or n
    if n < 1:
        sys.exit("N must be >= 1")
    os.makedirs(out, exist_ok=True)
    for sub in ("models", "target", "logs"):
        shutil.rmtree(os.path.join(out, sub), ignore_errors=True)

    with open(os.path.join(out, "dbt_project.yml"), "w") as f:
        f.write(
            "name: bench_parse\n"
            'version: "1.0.0"\n'
            "config-version: 2\n"
            "profile: bench_parse\n"
            'model-paths: ["models"]\n'
            'target-path: "target"\n'
            "models:\n"
            "  bench_parse:\n"
            "    +materialized: view\n"
        )

    groups = {}
    for k in range(1, n + 1):
        name, group, sql = model_sql(k, depth)
        d = os.path.join(out, "models", group)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, name + ".sql"), "w") as f:
            f.write(sql)
        groups.setdefault(group, []).append(name)

    for group, names in groups.items():
        with open(os.path.join(out, "models", group, "_models.yml"), "w") as f:
            f.write("version: 2\n\nmodels:\n")
            for name in names:
                f.write(
                    f"  - name: {name}\n"
                    f"    description: Step {int(name[6:])} of the benchmark chain.\n"
                    "    columns:\n"
                    "      - name: id\n"
                    "        data_tests: [not_null]\n"
                )
    print(f"generated {n} models in {out}")


if __name__ == "__main__":
    main()
