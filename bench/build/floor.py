#!/usr/bin/env python3
"""The floor of a finished `mallard build`: the SQL it compiled, run by one DuckDB process.

    python3 bench/build/floor.py write PROJECT_DIR OUT.json   the statements, as a JSON list
    python bench/build/floor.py run DB_FILE OUT.json           runs them in order (duckdb module)

Reads PROJECT_DIR/target/run_results.json (results in completion order, which is a DAG
order) and manifest.json; each seed becomes CREATE TABLE ... AS read_csv, each model
CREATE TABLE/VIEW ... AS its compiled SQL, and each data test its count of failing rows.
"""
import json
import os
import sys


def write(project, out):
    target = os.path.join(project, "target")
    results = json.load(open(os.path.join(target, "run_results.json")))["results"]
    nodes = json.load(open(os.path.join(target, "manifest.json")))["nodes"]
    statements = []
    for r in results:
        node = nodes[r["unique_id"]]
        kind = node["resource_type"]
        relation = node.get("relation_name")
        if kind == "seed":
            csv = os.path.join(project, node["original_file_path"])
            statements.append(f"create table {relation} as select * from read_csv('{csv}')")
        elif kind == "model":
            what = "view" if node["config"]["materialized"] == "view" else "table"
            statements.append(f"create {what} {relation} as (\n{r['compiled_code']}\n)")
        elif kind == "test":
            statements.append(f"select count(*) from (\n{r['compiled_code']}\n) dbt_internal_test")
    with open(out, "w") as f:
        json.dump(statements, f, indent=1)


def run(db, statements):
    import duckdb
    con = duckdb.connect(db)
    for sql in json.load(open(statements)):
        con.execute(sql).fetchall()
    con.close()


if __name__ == "__main__":
    {"write": write, "run": run}[sys.argv[1]](sys.argv[2], sys.argv[3])
