"""Dumps every relation of a schema in a Spark warehouse (Hive metastore in Derby) as JSON.

usage: dump_relations.py WAREHOUSE_DIR METASTORE_DIR SCHEMA OUT.json

Each relation gives its kind, its column names and types, and its rows sorted, every value
as text, so two warehouses (one built by dbt-spark, one by Mallard) compare as row sets.
"""
import json
import sys

from pyspark.sql import SparkSession


def text(v):
    if v is None:
        return None
    if isinstance(v, float):
        return repr(round(v, 9))
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return str(v)


def main():
    warehouse, metastore, schema, out = sys.argv[1:5]
    spark = (SparkSession.builder.appName("dump").master("local[1]")
             .config("spark.sql.warehouse.dir", warehouse)
             .config("spark.hadoop.javax.jdo.option.ConnectionURL",
                     "jdbc:derby:;databaseName=" + metastore + ";create=false")
             .config("spark.ui.enabled", "false")
             .enableHiveSupport().getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    relations = {}
    for t in spark.catalog.listTables(schema):
        if t.isTemporary:
            continue
        df = spark.table("`%s`.`%s`" % (schema, t.name))
        rows = sorted(([text(v) for v in r] for r in df.collect()), key=lambda r: json.dumps(r))
        relations[t.name] = {
            "kind": "view" if t.tableType == "VIEW" else "table",
            "columns": [[f.name, f.dataType.simpleString()] for f in df.schema.fields],
            "rows": rows,
        }
    with open(out, "w") as f:
        json.dump(relations, f, indent=1, sort_keys=True)
    spark.stop()


if __name__ == "__main__":
    main()
