#!/usr/bin/env python3
"""The floor of a finished `mallard build`: the SQL it compiled, run by one DuckDB process.

    python3 bench/build/floor.py write PROJECT_DIR OUT.json   the statements, as a JSON list
    python bench/build/floor.py run DB_FILE OUT.json           runs them in order (duckdb module)
    python bench/build/floor.py run DB_FILE OUT.json 2         runs them on 2 threads, each statement
                                                               once the relations it names exist

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


def run(db, statements, threads="1"):
    import duckdb
    con = duckdb.connect(db)
    todo = json.load(open(statements))
    if int(threads) == 1:
        for sql in todo:
            con.execute(sql).fetchall()
    else:
        run_threads(con, todo, int(threads))
    con.close()


def run_threads(con, todo, threads):
    """The floor of `--threads N`: N cursors (DuckDB connections) take statements in the given
    (DAG) order, each once every relation it names has been created; DuckDB gets one thread
    per cursor while more than one statement can run, as Mallard sets it."""
    import re
    import threading
    made = re.compile(r"create (?:table|view) (\S+) as", re.I)
    creates = [m.group(1) if (m := made.match(sql)) else None for sql in todo]
    names = {c for c in creates if c}
    needs = [{n for n in names if n != c and n in sql} for sql, c in zip(todo, creates)]
    done, started = set(), [False] * len(todo)
    cv = threading.Condition()
    failed = []

    def worker():
        cur = con.cursor()
        while True:
            with cv:
                while True:
                    if failed or all(started):
                        return
                    ready = [i for i, s in enumerate(started) if not s and needs[i] <= done]
                    if ready:
                        i = ready[0]
                        started[i] = True
                        break
                    cv.wait()
            try:
                cur.execute(todo[i]).fetchall()
            except Exception as e:  # noqa: BLE001 - reported after the join
                failed.append(e)
            with cv:
                if creates[i]:
                    done.add(creates[i])
                cv.notify_all()

    con.execute(todo[0]).fetchall()  # the first node runs alone, on all cores
    if creates[0]:
        done.add(creates[0])
    started[0] = True
    con.execute(f"set threads = {max(1, (os.cpu_count() or 1) // threads)}")
    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    if failed:
        raise failed[0]


if __name__ == "__main__":
    {"write": write, "run": run}[sys.argv[1]](*sys.argv[2:])
