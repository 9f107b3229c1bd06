#!/usr/bin/env python3
"""Re-records examples/<name>/expected/ from the reference dbt.

    .venv/bin/python conformance/record_expected.py [jaffle_shop causa_ganha ...]

For each example: runs conformance/dbt_expected.sh into a temporary DuckDB
file, then writes with DuckDB's COPY ... (HEADER)
  expected/<mart>.csv      full contents of each mart table, ordered by its key
  expected/row_counts.csv  relation,rows for every seed/model relation
Run with the venv's python (it needs the `duckdb` module; the venv from
conformance/oracle_env.sh has it).
"""
import os
import subprocess
import sys
import tempfile

import duckdb

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# example -> {mart table: order by}
MARTS = {
    "jaffle_shop": {"customers": "customer_id", "orders": "order_id"},
    "causa_ganha": {"advocate_ranking": "advocate"},
}


def record(name):
    project = os.path.join(ROOT, "examples", name)
    expected = os.path.join(project, "expected")
    os.makedirs(expected, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, f"{name}.duckdb")
        subprocess.run(
            [os.path.join(ROOT, "conformance", "dbt_expected.sh"), project, db],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        con = duckdb.connect(db, read_only=True)
        for table, key in MARTS[name].items():
            out = os.path.join(expected, f"{table}.csv")
            con.execute(
                f"copy (select * from main.{table} order by {key}) to '{out}' (header, delimiter ',')"
            )
        relations = [
            r[0]
            for r in con.execute(
                "select table_name from information_schema.tables "
                "where table_schema = 'main' order by table_name"
            ).fetchall()
        ]
        counts = " union all ".join(
            f"select '{r}' as relation, count(*) as rows from main.{r}" for r in relations
        )
        out = os.path.join(expected, "row_counts.csv")
        con.execute(f"copy (select * from ({counts}) order by relation) to '{out}' (header, delimiter ',')")
        con.close()
    print(f"{name}: wrote {expected}")


if __name__ == "__main__":
    for n in sys.argv[1:] or list(MARTS):
        record(n)
