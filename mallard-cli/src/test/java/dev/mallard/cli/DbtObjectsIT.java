package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dbt's objects as packages use them (issue 11, points 4 and 5): relations, columns, query
 * results, mutable test arguments, and seeds typed as dbt-duckdb types them. Expected values
 * come from dbt 1.11.16 with dbt-duckdb 1.11.1 on the same files.
 */
class DbtObjectsIT {
    @TempDir
    static Path dir;

    static TestProject project;
    static CommandResult build;

    @BeforeAll
    static void buildProject() {
        project = TestProject.in(dir).dbtProject("""
                seeds:
                  proj:
                    typed:
                      +column_types: {t: time, z: varchar}
                """)
                .file("macros/lit.sql", """
                        {% macro lit(x) %}'{{ (x | string) | replace("'", "''") }}'{% endmacro %}
                        """)
                .file("models/base.sql", """
                        {{ config(materialized='table') }}
                        select 'a'::varchar as s, 1 as i
                        """)
                .file("models/relations.sql", """
                        {% set r = ref('base') %}
                        select {{ lit(r is mapping) }} as is_map,
                               {{ lit(r.get('identifier')) }} as got,
                               {{ lit(r.get('nope', 'dflt')) }} as got_default,
                               {{ lit(r.incorporate(type='view').is_view) }} as incorporated,
                               {{ lit(r.incorporate(path={'identifier': 'zz'}).identifier) }} as new_path,
                               {{ lit(r.include(database=false)) }} as included,
                               {{ lit(r.quote(identifier=false).include(database=false)) }} as unquoted,
                               {{ lit(r.path) }} as path,
                               {{ lit(api.Relation.create(schema='s', identifier='x')) }} as created
                        """)
                .file("models/columns.sql", """
                        -- depends_on: {{ ref('base') }}
                        {% set out = [] %}
                        {% if execute %}
                          {% for c in adapter.get_columns_in_relation(ref('base')) %}
                            {% do out.append(c.name ~ ':' ~ c.data_type ~ ':' ~ c.is_string() ~ ':' ~ c.is_number()) %}
                          {% endfor %}
                          {% set result = run_query('select s, i from ' ~ ref('base')) %}
                          {% for name, col in result.columns.items() %}
                            {% do out.append(name ~ '=' ~ (col.values() | join(','))) %}
                          {% endfor %}
                        {% endif %}
                        select {{ lit(out | join(';')) }} as cols
                        """)
                .file("tests/generic/appends.sql", """
                        {% test appends(model, column_name, cols) %}
                        {% do cols.append(column_name) %}
                        select * from {{ model }} where '{{ cols | join(",") }}' != 'q,i'
                        {% endtest %}
                        """)
                .file("models/schema.yml", """
                        version: 2
                        models:
                          - name: base
                            columns:
                              - name: i
                                data_tests:
                                  - appends:
                                      arguments:
                                        cols: ['q']
                        """)
                .file("seeds/tricky.csv", """
                        id,t,e,n,mixed,b1,b2,d1,d2,dt1,dt2,zero,neg,allnull
                        1,08:00:00,,null,1,True,yes,2024-01-05,2024/01/05,2024-01-05 08:00:00,2024-01-05T08:00:00,007,-2,
                        2,09:30:00,x,a,2.5,false,no,2024-1-6,2024/01/06,2024-01-06 09:00:00,2024-01-06T09:00:00Z,010,-3.0,
                        3,10:00:00,,,3,TRUE,yes,,2024/01/07,,,,,
                        """)
                .file("seeds/typed.csv", "t,z,w\n08:00:00,007,\n09:00:00,,\n");
        build = project.run("build");
    }

    private static List<List<String>> types(String table) {
        return project.rows("select column_name, data_type from information_schema.columns where table_name = '"
                + table + "' order by ordinal_position");
    }

    @Test
    void theProjectBuilds() {
        build.assertOk().assertOutContains("ERROR=0");
    }

    @Test
    void relationsAreMappingsAndGiveNewRelationsAsInDbt() {
        assertEquals(List.of(List.of("True", "base", "dflt", "True", "zz", "\"main\".\"base\"", "\"main\".base",
                "Path(database='" + project.value("select current_database()") + "', schema='main', identifier='base')",
                "\"s\".\"x\"")), project.rows("select * from relations"));
    }

    @Test
    void columnsAndQueryResultsAnswerAsDbtDuckdbs() {
        assertEquals("s:character varying(256):True:False;i:INTEGER:False:True;s=a;i=1",
                project.value("select cols from columns"));
    }

    @Test
    void aGenericTestMayAppendToItsListArgument() {
        // the test returns rows unless it saw its list with the column appended
        project.runOk("test").assertOutContains("PASS=1");
    }

    @Test
    void seedsAreTypedAsDbtDuckdbTypesThem() {
        assertEquals(List.of(List.of("id", "INTEGER"), List.of("t", "VARCHAR"), List.of("e", "VARCHAR"),
                List.of("n", "VARCHAR"), List.of("mixed", "DOUBLE"), List.of("b1", "BOOLEAN"), List.of("b2", "VARCHAR"),
                List.of("d1", "DATE"), List.of("d2", "VARCHAR"), List.of("dt1", "TIMESTAMP"), List.of("dt2", "TIMESTAMP"),
                List.of("zero", "INTEGER"), List.of("neg", "INTEGER"), List.of("allnull", "INTEGER")), types("tricky"));
        assertEquals(List.of(List.of("08:00:00", "null", "null", "7", "-2", "true"),
                        List.of("09:30:00", "x", "a", "10", "-3", "false"),
                        List.of("10:00:00", "null", "null", "null", "null", "true")),
                project.rows("select t, coalesce(e, 'null'), coalesce(n, 'null'), coalesce(zero::varchar, 'null'), "
                        + "coalesce(neg::varchar, 'null'), b1 from tricky order by id"));
    }

    @Test
    void seedColumnTypesStillWin() {
        assertEquals(List.of(List.of("t", "TIME"), List.of("z", "VARCHAR"), List.of("w", "INTEGER")), types("typed"));
        assertEquals(List.of(List.of("007"), List.of("null")), project.rows("select coalesce(z, 'null') from typed order by t"));
    }
}
