#!/usr/bin/env python3
"""Records what dbt-duckdb renders for each call of dbt's macro library.

Each case is a template calling one of dbt's built-in macros (unqualified, through the
`dbt` namespace, or through `adapter.dispatch`). All cases become the models of one
temporary dbt project, compiled by a single `dbt compile`; the compiled SQL of every
model is written, with its template, to the JSON file Mallard's
`DbtMacroLibraryTest` compares against.

    conformance/macros/record_expected.py [--dbt PATH] [--out FILE]
"""
import argparse
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
DEFAULT_DBT = ROOT.parent / "main" / ".venv" / "bin" / "dbt"
DEFAULT_OUT = ROOT / "mallard-core/src/test/resources/dev/mallard/core/jinja/dbt_macros_expected.json"

# (case id, template, runs in DuckDB as `select <rendered>`?) — "stmt" means the rendered
# text is a whole statement; "expr" an expression; "none" that it does not run on its own;
# "text" that it does not run and is compared with runs of whitespace as one space.
CASES = [
    # data types
    ("type_string", "{{ type_string() }}", "type"),
    ("type_string_dbt", "{{ dbt.type_string() }}", "type"),
    ("type_string_dispatch", "{{ adapter.dispatch('type_string', 'dbt')() }}", "type"),
    ("type_timestamp", "{{ dbt.type_timestamp() }}", "type"),
    ("type_float", "{{ dbt.type_float() }}", "type"),
    ("type_numeric", "{{ dbt.type_numeric() }}", "type"),
    ("type_bigint", "{{ dbt.type_bigint() }}", "type"),
    ("type_int", "{{ type_int() }}", "type"),
    ("type_boolean", "{{ dbt.type_boolean() }}", "type"),
    ("translate_type", "{{ api.Column.translate_type('integer') }}|{{ api.Column.translate_type('string') }}"
     "|{{ api.Column.translate_type('varchar(10)') }}", "none"),
    # aggregates
    ("any_value", "{{ dbt.any_value('x') }}", "agg"),
    ("any_value_plain", "{{ any_value('x') }}", "agg"),
    ("bool_or", "{{ dbt.bool_or('x > 1') }}", "agg"),
    ("listagg_default", "{{ dbt.listagg('s') }}", "agg"),
    ("listagg_delim", "{{ dbt.listagg('s', \"', '\") }}", "agg"),
    ("listagg_order", "{{ dbt.listagg('s', \"'-'\", 'order by x desc') }}", "agg"),
    ("listagg_limit", "{{ dbt.listagg('s', \"','\", 'order by x', 2) }}", "agg"),
    ("listagg_limit_kw", "{{ listagg(measure='s', order_by_clause='order by s', limit_num=1) }}", "agg"),
    ("listagg_dispatch", "{{ adapter.dispatch('listagg', 'dbt')('s', \"','\", none, none) }}", "agg"),
    # arrays
    ("array_construct_empty", "{{ dbt.array_construct() }}", "expr"),
    ("array_construct", "{{ dbt.array_construct(['1', '2', '3']) }}", "expr"),
    ("array_construct_typed", "{{ array_construct([], 'varchar') }}", "expr"),
    ("array_construct_strings", "{{ array_construct([\"'a'\", \"'b'\"], 'varchar') }}", "expr"),
    ("array_append", "{{ dbt.array_append('[1, 2]', '3') }}", "expr"),
    ("array_concat", "{{ dbt.array_concat('[1]', '[2, 3]') }}", "expr"),
    # casts and literals
    ("cast", "{{ dbt.cast('1', 'varchar') }}", "expr"),
    ("cast_type_macro", "{{ cast(\"'2024-01-02'\", dbt.type_timestamp()) }}", "expr"),
    # dbt-duckdb's safe_cast is a plain cast: on DuckDB this one fails, as it does under dbt
    ("safe_cast", "{{ dbt.safe_cast(\"'x'\", 'integer') }}", "none"),
    ("safe_cast_type", "{{ safe_cast(\"'12'\", api.Column.translate_type('integer')) }}", "expr"),
    ("cast_bool_to_text", "{{ dbt.cast_bool_to_text('1 = 1') }}", "expr"),
    ("string_literal", "{{ dbt.string_literal('abc') }}", "expr"),
    ("string_literal_plain", "{{ string_literal(\"it's\") }}", "none"),
    ("escape_single_quotes", "'{{ dbt.escape_single_quotes(\"it's\") }}'", "expr"),
    ("escape_single_quotes_none", "'{{ escape_single_quotes('plain') }}'", "expr"),
    # strings
    ("concat", "{{ dbt.concat([\"'a'\", \"'b'\", \"'c'\"]) }}", "expr"),
    ("concat_one", "{{ concat([\"'a'\"]) }}", "expr"),
    ("hash", "{{ dbt.hash(\"'abc'\") }}", "expr"),
    ("length", "{{ dbt.length(\"'abc'\") }}", "expr"),
    ("position", "{{ dbt.position(\"'b'\", \"'abc'\") }}", "expr"),
    ("replace", "{{ dbt.replace(\"'abc'\", \"'b'\", \"'x'\") }}", "expr"),
    ("right", "{{ dbt.right(\"'abcdef'\", 2) }}", "expr"),
    ("split_part", "{{ dbt.split_part(\"'a,b,c'\", \"','\", 2) }}", "expr"),
    ("split_part_negative", "{{ dbt.split_part(\"'a,b,c'\", \"','\", -1) }}", "expr"),
    ("split_part_dispatch", "{{ adapter.dispatch('split_part', 'dbt')(\"'a-b'\", \"'-'\", 1) }}", "expr"),
    ("equals", "{{ dbt.equals('1', 'null') }}", "expr"),
    # set operators
    ("except", "select 1 {{ dbt.except() }} select 2", "stmt"),
    ("intersect", "select 1 {{ intersect() }} select 1", "stmt"),
    # dates
    ("date", "{{ dbt.date(2024, 2, 29) }}", "expr"),
    ("date_plain", "{{ date(2023, 12, 1) }}", "expr"),
    ("date_trunc", "{{ dbt.date_trunc('month', \"date '2024-02-15'\") }}", "expr"),
    ("date_trunc_plain", "{{ date_trunc('day', 'current_timestamp') }}", "expr"),
    ("date_trunc_dispatch", "{{ adapter.dispatch('date_trunc', 'dbt')('year', \"date '2024-02-15'\") }}", "expr"),
    ("dateadd_day", "{{ dbt.dateadd('day', 3, \"date '2024-02-27'\") }}", "expr"),
    ("dateadd_month", "{{ dateadd('month', -1, \"timestamp '2024-03-31 10:00:00'\") }}", "expr"),
    ("dateadd_quarter", "{{ dbt.dateadd(datepart='quarter', interval=1, from_date_or_timestamp=\"date '2024-01-01'\") }}", "expr"),
    ("dateadd_week", "{{ dbt.dateadd('week', 2, \"date '2024-01-01'\") }}", "expr"),
    ("datediff_day", "{{ dbt.datediff(\"date '2024-01-01'\", \"date '2024-03-01'\", 'day') }}", "expr"),
    ("datediff_month", "{{ datediff(\"date '2024-01-31'\", \"date '2024-03-01'\", 'month') }}", "expr"),
    ("datediff_week", "{{ dbt.datediff(\"date '2024-01-01'\", \"date '2024-03-01'\", 'week') }}", "expr"),
    ("datediff_hour", "{{ dbt.datediff(\"timestamp '2024-01-01 00:00:00'\", \"timestamp '2024-01-02 05:00:00'\", 'hour') }}", "expr"),
    ("datediff_quarter", "{{ dbt.datediff(\"date '2024-01-01'\", \"date '2024-12-01'\", 'quarter') }}", "expr"),
    ("datediff_year", "{{ dbt.datediff(\"date '2020-06-01'\", \"date '2024-01-01'\", 'year') }}", "expr"),
    ("last_day_month", "{{ dbt.last_day(\"date '2024-02-10'\", 'month') }}", "expr"),
    ("last_day_quarter", "{{ last_day(\"date '2024-02-10'\", 'quarter') }}", "expr"),
    ("last_day_year", "{{ dbt.last_day(\"date '2024-02-10'\", 'year') }}", "expr"),
    ("current_timestamp", "{{ dbt.current_timestamp() }}", "expr"),
    ("current_timestamp_plain", "{{ current_timestamp() }}", "expr"),
    ("current_timestamp_backcompat", "{{ dbt.current_timestamp_backcompat() }}", "expr"),
    ("current_timestamp_in_utc_backcompat", "{{ dbt.current_timestamp_in_utc_backcompat() }}", "expr"),
    ("snapshot_get_time", "{{ snapshot_get_time() }}", "expr"),
    # series and spines
    ("get_powers_of_two_1", "{{ dbt.get_powers_of_two(1) }}", "none"),
    ("get_powers_of_two_2", "{{ dbt.get_powers_of_two(2) }}", "none"),
    ("get_powers_of_two_9", "{{ dbt.get_powers_of_two(9) }}", "none"),
    ("get_powers_of_two_16", "{{ get_powers_of_two(16) }}", "none"),
    ("generate_series_5", "{{ dbt.generate_series(5) }}", "stmt"),
    ("generate_series_1", "{{ generate_series(1) }}", "stmt"),
    ("date_spine_day", "{{ dbt.date_spine('day', \"cast('2024-01-01' as date)\", \"cast('2024-01-08' as date)\") }}", "stmt"),
    ("date_spine_month", "{{ date_spine('month', \"cast('2023-11-01' as date)\", \"cast('2024-03-01' as date)\") }}", "stmt"),
    ("date_spine_week", "{{ dbt.date_spine(datepart='week', start_date=\"cast('2024-01-01' as date)\", end_date=\"cast('2024-02-01' as date)\") }}", "stmt"),
    # more argument sets: keywords, dispatch, other dateparts
    ("hash_column", "{{ hash('x') }} from (select 1 as x)", "expr"),
    ("length_plain", "{{ length(\"'ab' || 'c'\") }}", "expr"),
    ("position_kw", "{{ dbt.position(substring_text=\"'z'\", string_text=\"'abc'\") }}", "expr"),
    ("replace_dispatch", "{{ adapter.dispatch('replace', 'dbt')(\"'aaa'\", \"'a'\", \"''\") }}", "expr"),
    ("right_kw", "{{ right(string_text=\"'abc'\", length_expression='1') }}", "expr"),
    ("equals_strings", "{{ equals(\"'a'\", \"'a'\") }}", "expr"),
    ("concat_dispatch", "{{ adapter.dispatch('concat', 'dbt')([\"'x'\", '1']) }}", "expr"),
    ("cast_kw", "{{ dbt.cast(field=\"'5'\", type=dbt.type_bigint()) }}", "expr"),
    ("array_append_kw", "{{ array_append(array=dbt.array_construct(['1']), new_element='2') }}", "expr"),
    ("bool_or_plain", "{{ bool_or('x = 2') }}", "agg"),
    ("string_literal_number", "{{ dbt.string_literal(42) }}", "expr"),
    ("escape_single_quotes_many", "'{{ dbt.escape_single_quotes(\"a'b'c\") }}'", "expr"),
    ("dateadd_minute", "{{ dbt.dateadd('minute', 90, \"timestamp '2024-01-01 00:00:00'\") }}", "expr"),
    ("datediff_minute", "{{ dbt.datediff(\"timestamp '2024-01-01 00:00:00'\", \"timestamp '2024-01-01 01:30:00'\", 'minute') }}", "expr"),
    ("datediff_week_backwards", "{{ dbt.datediff(\"date '2024-03-01'\", \"date '2024-01-03'\", 'week') }}", "expr"),
    ("last_day_week", "{{ dbt.last_day(\"date '2024-02-14'\", 'week') }}", "expr"),
    ("get_intervals_between_dispatch", "{{ adapter.dispatch('get_intervals_between', 'dbt')(\"date '2024-01-01'\", \"date '2025-01-01'\", 'week') }}", "none"),
    ("date_spine_hour", "{{ date_spine('hour', \"timestamp '2024-01-01 00:00:00'\", \"timestamp '2024-01-01 05:00:00'\") }}", "stmt"),
    # the default__ implementations where dbt-duckdb has its own, called directly
    ("default__any_value", "{{ dbt.default__any_value('x') }}", "agg"),
    ("default__listagg", "{{ default__listagg('s', \"','\", 'order by s', none) }}", "none"),
    ("default__listagg_limit", "{{ default__listagg('s', \"','\", 'order by s', 2) }}", "none"),
    ("default__listagg_limit_unordered", "{{ default__listagg('s', \"','\", none, 2) }}", "none"),
    ("listagg_limit_unordered", "{{ listagg('s', \"','\", none, 2) }}", "agg"),
    ("default__split_part", "{{ default__split_part(\"'a,b'\", \"','\", 2) }}", "expr"),
    ("default__date", "{{ default__date(2024, 2, 9) }}", "none"),
    ("default__dateadd", "{{ default__dateadd('day', 1, 'd') }}", "none"),
    ("default__datediff", "{{ default__datediff('a', 'b', 'day') }}", "none"),
    ("default__last_day", "{{ default__last_day(\"date '2024-02-10'\", 'month') }}", "expr"),
    ("default__generate_series", "{{ default__generate_series(5) }}", "stmt"),
    ("default__generate_series_1", "{{ default__generate_series(1) }}", "stmt"),
    ("default__current_timestamp_backcompat", "{{ default__current_timestamp_backcompat() }}", "expr"),
    ("default__current_timestamp_in_utc_backcompat", "{{ default__current_timestamp_in_utc_backcompat() }}", "expr"),
    ("default__get_intervals_between", "{{ default__get_intervals_between(\"date '2024-01-01'\", \"date '2024-01-31'\", 'day') }}", "none"),
    ("get_intervals_between_month", "{{ dbt.get_intervals_between(\"date '2024-01-01'\", \"date '2024-06-15'\", 'month') }}", "none"),
    ("get_intervals_between_none", "{{ get_intervals_between(\"date '2024-01-01'\", \"date '2024-01-01'\", 'day') }}", "none"),
    ("dateadd_hour", "{{ dbt.dateadd('hour', 5, \"timestamp '2024-01-01 00:00:00'\") }}", "expr"),
    ("dateadd_year", "{{ dbt.dateadd('year', '2', \"date '2024-02-29'\") }}", "expr"),
    ("date_spine_year", "{{ dbt.date_spine('year', \"cast('2020-01-01' as date)\", \"cast('2024-01-01' as date)\") }}", "stmt"),
    ("translate_type_more", "{{ api.Column.translate_type('timestamp') }}|{{ api.Column.translate_type('float') }}|{{ api.Column.translate_type('boolean') }}|{{ api.Column.translate_type('STRING') }}|{{ api.Column.translate_type('int') }}", "none"),
    ("should_full_refresh", "{{ should_full_refresh() }}", "none"),
    ("should_store_failures", "{{ should_store_failures() }}", "none"),
    # where nodes are built; the node is a dict here
    ("default__generate_schema_name", "[{{ default__generate_schema_name(none, none) }}]"
     "[{{ default__generate_schema_name(' stg ', none) }}][{{ dbt.generate_schema_name('s', none) }}]", "none"),
    ("generate_schema_name_for_env", "{{ generate_schema_name_for_env('stg', none) }}", "none"),
    ("default__generate_alias_name", "[{{ default__generate_alias_name(' x ', none) }}]"
     "[{{ default__generate_alias_name(none, {'name': 'm', 'version': 2}) }}]"
     "[{{ generate_alias_name(none, {'name': 'm', 'version': '1.5'}) }}]"
     "[{{ default__generate_alias_name(none, {'name': 'm', 'version': none}) }}]", "none"),
    ("default__generate_database_name", "[{{ default__generate_database_name(' other ', none) }}]", "none"),
    ("snapshot_string_as_time", "{{ snapshot_string_as_time('2024-01-01 10:00:00') }}", "expr"),
    # relations and statements for materializations written in Jinja
    ("get_empty_subquery_sql", "{{ get_empty_subquery_sql('select 1 as a') }}", "stmt"),
    ("get_columns_in_query", "{% if execute %}{{ get_columns_in_query('select 1 as a, 2 as b') }}{% endif %}",
     "none"),
    ("get_create_table_as_sql", "{{ get_create_table_as_sql(False, api.Relation.create(database='db', "
     "schema='main', identifier='x'), 'select 1 as a') }}", "text"),
    ("get_create_table_as_sql_temp", "{{ get_create_table_as_sql(True, api.Relation.create(database='db', "
     "schema='main', identifier='x'), 'select 1 as a') }}", "text"),
    ("get_create_view_as_sql", "{{ get_create_view_as_sql(api.Relation.create(database='db', schema='main', "
     "identifier='x'), 'select 1 as a') }}", "text"),
    ("make_intermediate_relation", "{{ make_intermediate_relation(api.Relation.create(database='db', "
     "schema='main', identifier='x', type='table')) }}", "none"),
    ("make_backup_relation", "{{ make_backup_relation(api.Relation.create(database='db', schema='main', "
     "identifier='x', type='table'), 'view') }}|{{ make_backup_relation(api.Relation.create(database='db', "
     "schema='main', identifier='x'), 'table').type }}", "none"),
    ("make_temp_relation_shape", "{% set r = make_temp_relation(api.Relation.create(database='db', "
     "schema='main', identifier='x')) %}{{ r.schema }}|{{ r.database }}|{{ r.identifier[:10] }}", "none"),
    ("should_revoke", "{{ should_revoke(none) }}|{{ should_revoke(api.Relation.create(identifier='v', "
     "type='view'), True) }}|{{ should_revoke(api.Relation.create(identifier='t', type='table'), True) }}"
     "|{{ should_revoke(api.Relation.create(identifier='t', type='table'), False) }}", "none"),
    ("get_or_create_relation", "{% if execute %}{% set r = get_or_create_relation('db', 'main', 'nope', 'view') %}"
     "{{ r[0] }}|{{ r[1] }}|{{ r[1].type }}{% endif %}", "none"),
    ("list_relations_without_caching", "{% if execute %}{% set t = list_relations_without_caching(api.Relation.create("
     "database=target.database, schema='no_such_schema')) %}{{ t.column_names }}|{{ t.rows | length }}{% endif %}",
     "none"),
    ("powers_of_two_3", "{{ get_powers_of_two(3) }}|{{ get_powers_of_two(4) }}|{{ get_powers_of_two(5) }}|{{ get_powers_of_two(1024) }}|{{ get_powers_of_two(1025) }}", "none"),
]

# Macros that run statements: (case id, setup SQL, template). Each runs, after its setup,
# inside one `dbt run-operation`; the statements dbt logs for it (its introspection
# queries, which start with `select`, left out) are what Mallard must run.
RELATIONS = ("{% set t1 = api.Relation.create(database='db', schema='main', identifier='t1', type='table') %}"
             "{% set t2 = api.Relation.create(database='db', schema='main', identifier='t2', type='table') %}"
             "{% set v1 = api.Relation.create(database='db', schema='main', identifier='v1', type='view') %}"
             "{% set v2 = api.Relation.create(database='db', schema='main', identifier='v2', type='view') %}"
             "{% set s1 = api.Relation.create(database='db', schema='probe', identifier='x') %}")
TABLE = "create or replace table main.t1 as select 1 as id"
VIEW = "create or replace view main.v1 as select 1 as id"
STATEMENT_CASES = [
    ("truncate_relation", TABLE, "{% do truncate_relation(t1) %}"),
    ("rename_relation_table", TABLE, "{% do rename_relation(t1, t2) %}"),
    ("rename_relation_view", VIEW, "{% do dbt.rename_relation(v1, v2) %}"),
    ("drop_relation_table", TABLE, "{% do drop_relation(t1) %}"),
    ("drop_relation_view", VIEW, "{% do adapter.dispatch('drop_relation', 'dbt')(v1) %}"),
    ("drop_relation_if_exists", VIEW, "{% do drop_relation_if_exists(v1) %}{% do drop_relation_if_exists(none) %}"),
    ("create_schema", "select 1", "{% do create_schema(s1) %}"),
    ("drop_schema", "create schema if not exists probe", "{% do dbt.drop_schema(s1) %}"),
]
MARKER = "select 'mallard case {}'"


def record_statements(dbt, project, env):
    """{case id: [statement, ...]} as dbt logs them for each statement case."""
    body = ["{% macro run_cases() %}", RELATIONS]
    for case_id, setup, template in STATEMENT_CASES:
        body.append("{% do run_query(\"" + setup + "\") %}")
        body.append("{% do run_query(\"" + MARKER.format(case_id) + "\") %}")
        body.append(template)
        body.append("{% do run_query(\"" + MARKER.format("done") + "\") %}")
    body.append("{% endmacro %}")
    (project / "macros").mkdir(exist_ok=True)
    (project / "macros" / "run_cases.sql").write_text("\n".join(body))
    done = subprocess.run([dbt, "run-operation", "run_cases", "--project-dir", str(project), "--profiles-dir",
                           str(project), "--log-level-file", "debug"], cwd=project, env=env, capture_output=True,
                          text=True)
    if done.returncode != 0:
        sys.exit(done.stdout + done.stderr)
    log = (project / "logs" / "dbt.log").read_text()
    # a statement is logged as "On macro_run_cases: /* {...} */\n<sql>" up to the next log line
    statements = re.findall(r"On macro_run_cases: /\* .*? \*/\n(.*?)(?=\n\x1b\[0m\d\d:)", log, re.S)
    out, current = {}, None
    for sql in statements:
        marker = re.fullmatch(r"select 'mallard case (.*)'", sql.strip())
        if marker:
            current = None if marker.group(1) == "done" else marker.group(1)
            if current is not None:
                out[current] = []
        elif current is not None and not sql.strip().lower().startswith("select"):
            out[current].append(sql)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dbt", default=str(DEFAULT_DBT))
    parser.add_argument("--out", default=str(DEFAULT_OUT))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mallard-macros-") as tmp:
        project = pathlib.Path(tmp)
        (project / "models").mkdir()
        (project / "dbt_project.yml").write_text(
            "name: macro_cases\nversion: '1.0'\nprofile: macro_cases\nconfig-version: 2\n")
        (project / "profiles.yml").write_text(
            "macro_cases:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n"
            f"      path: {project / 'db.duckdb'}\n")
        for case_id, template, _ in CASES:
            (project / "models" / f"{case_id}.sql").write_text(template)
        env = dict(os.environ, DBT_SEND_ANONYMOUS_USAGE_STATS="false")
        done = subprocess.run([args.dbt, "compile", "--project-dir", tmp, "--profiles-dir", tmp],
                              cwd=tmp, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(done.stdout + done.stderr)
        compiled = project / "target" / "compiled" / "macro_cases" / "models"
        cases = [{"id": case_id, "template": template, "kind": kind,
                  "sql": (compiled / f"{case_id}.sql").read_text()}
                 for case_id, template, kind in CASES]
        executed = record_statements(args.dbt, project, env)
        statement_cases = [{"id": case_id, "setup": setup, "template": RELATIONS + template,
                            "statements": executed[case_id]}
                           for case_id, setup, template in STATEMENT_CASES]
    out = pathlib.Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({
        "recorded_with": "dbt-core 1.11 + dbt-duckdb 1.11 (dbt compile)",
        "cases": cases, "statement_cases": statement_cases}, indent=2) + "\n")
    print(f"{len(cases)} cases and {len(statement_cases)} statement cases written to {out}")


if __name__ == "__main__":
    main()
