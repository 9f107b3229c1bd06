package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mallard.core.ingest.postgres.PostgresTestServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Projects built on a Postgres target ({@code type: postgres}) from the command line, on a
 * server the test starts: examples/jaffle_shop builds, and again over its own relations, with
 * the relations, columns and row counts dbt-duckdb gave (expected/*.csv); and, where dbt-postgres is installed
 * ({@link DbtPostgresOracle}), every relation equals the one dbt-postgres builds from the same
 * project on the same server, in a schema of its own.
 */
class PostgresTargetIT {
    @TempDir
    static Path root;
    private static PostgresTestServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = PostgresTestServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static TestProject project(String example, String schema) {
        assumeTrue(server != null, PostgresTestServer.NO_POSTGRES);
        TestProject p = TestProject.copyOfExample(example, root.resolve(schema));
        return p.file("profiles.yml", profile(example, schema));
    }

    /** A dbt-postgres profile for the test server, with the keys dbt-postgres users write. */
    static String profile(String profileName, String schema) {
        return profileName + ":\n  target: pg\n  outputs:\n    pg:\n      type: postgres\n      host: 127.0.0.1\n"
                + "      port: " + server.port + "\n      user: mallard\n      password: " + PostgresTestServer.PASSWORD
                + "\n      dbname: mallard_test\n      schema: " + schema + "\n      threads: 2\n"
                + "      sslmode: disable\n      keepalives_idle: 0\n      connect_timeout: 10\n";
    }

    @Test
    void jaffleShopBuildsTwiceWithTheExpectedTables() throws Exception {
        TestProject p = project("jaffle_shop", "mallard_jaffle");
        p.run("build", "--profiles-dir", p.dir().toString()).assertOk()
                .assertOutContains("Completed successfully", "PASS=23", "ERROR=0 SKIP=0");
        // the second build replaces every relation: tables by swap, views re-created, seeds refilled
        p.run("build", "--profiles-dir", p.dir().toString()).assertOk().assertOutContains("PASS=23", "ERROR=0 SKIP=0");
        // the values follow Postgres' SQL (amount / 100 divides integers), so dbt-duckdb's expected rows are
        // compared by count and columns here, and value by value with dbt-postgres below
        Path expected = TestProject.examplesDir().resolve("jaffle_shop").resolve("expected");
        for (String table : List.of("customers", "orders")) {
            assertEquals(ExpectedCsv.read(expected.resolve(table + ".csv")).get(0), columns("mallard_jaffle", table),
                    table + " columns");
        }
        List<List<String>> counts = ExpectedCsv.read(expected.resolve("row_counts.csv"));
        counts.remove(0);
        for (List<String> r : counts) {
            assertEquals(List.of(List.of(r.get(1))), rows("select count(*) from mallard_jaffle." + r.get(0)),
                    "rows in " + r.get(0));
        }
        assertEquals(List.of("customers", "orders", "raw_customers", "raw_orders", "raw_payments", "stg_customers",
                "stg_orders", "stg_payments"), relations("mallard_jaffle").stream().map(r -> r.get(0)).toList());
    }

    @Test
    void jaffleShopEqualsWhatDbtPostgresBuilds() throws Exception {
        Path dbt = DbtPostgresOracle.find();
        assumeTrue(dbt != null, DbtPostgresOracle.MISSING);
        TestProject p = project("jaffle_shop", "mallard_vs_dbt");
        p.run("build", "--profiles-dir", p.dir().toString()).assertOk().assertOutContains("ERROR=0 SKIP=0");
        TestProject d = project("jaffle_shop", "dbt_oracle");
        DbtPostgresOracle.build(dbt, d.dir());
        assertSameRelations("mallard_vs_dbt", "dbt_oracle");
    }

    /** Three incremental strategies, a table and a view whose column changes type, built twice with new rows. */
    private static TestProject increments(String schema) {
        assumeTrue(server != null, PostgresTestServer.NO_POSTGRES);
        TestProject p = TestProject.in(root.resolve(schema)).named("pg_increments").dbtProject();
        String batch = "select id, kind, amount * {{ var('factor') }} as amount from {{ ref('events') }}\n"
                + "where id <= {{ var('upto') }}\n"
                + "{% if is_incremental() %} and id >= (select max(id) from {{ this }}) {% endif %}\n";
        return p.file("profiles.yml", profile("pg_increments", schema))
                .file("seeds/events.csv", "id,kind,amount,at\n1,a,10,2024-01-01\n2,b,20,2024-01-02\n3,a,30,2024-01-03\n")
                .file("models/inc_append.sql", "{{ config(materialized='incremental', incremental_strategy='append') }}\n"
                        + batch)
                .file("models/inc_delete_insert.sql", "{{ config(materialized='incremental', "
                        + "incremental_strategy='delete+insert', unique_key='id') }}\n" + batch)
                .file("models/inc_merge.sql", "{{ config(materialized='incremental', incremental_strategy='merge', "
                        + "unique_key='id') }}\n" + batch)
                .file("models/kinds.sql", "{{ config(materialized='table') }}\nselect kind, sum(amount) as total "
                        + "from {{ ref('inc_merge') }} group by kind")
                .file("models/shape.sql", "{{ config(materialized='view') }}\nselect id, "
                        + "{{ 'kind' if var('factor') == 1 else 'amount' }} as x from {{ ref('events') }}")
                .file("models/cross_database.sql", "select {{ dbt.dateadd('day', 3, \"date '2024-01-30'\") }} as added,\n"
                        + "{{ dbt.datediff(\"date '2024-01-31'\", \"date '2024-03-01'\", 'month') }} as months,\n"
                        + "{{ dbt.datediff(\"date '2024-01-01'\", \"date '2024-01-15'\", 'week') }} as weeks,\n"
                        + "{{ dbt.last_day(\"date '2024-02-10'\", 'month') }} as last_of_month,\n"
                        + "'{{ adapter.type() }}' as adapter_type,\n"
                        + "{{ dbt.current_timestamp() }} is not null as has_now,\n"
                        + "(select {{ dbt.listagg('kind', \"'|'\", 'order by kind desc') }} from {{ ref('events') }}) as kinds,\n"
                        + "(select {{ dbt.any_value('kind') }} from {{ ref('events') }} where id = 2) as one_kind")
                .file("models/contracted.sql", "{{ config(materialized='table') }}\nselect id, kind from {{ ref('events') }}")
                .file("models/schema.yml", """
                        version: 2
                        seeds:
                          - name: events
                            config: {event_time: at}
                        models:
                          - name: contracted
                            config: {contract: {enforced: true}}
                            columns:
                              - name: id
                                data_type: integer
                                constraints: [{type: primary_key}, {type: check, expression: "id > 0"}]
                              - name: kind
                                data_type: text
                        unit_tests:
                          - name: kinds_add_up
                            model: kinds
                            given:
                              - input: ref('inc_merge')
                                rows: [{id: 1, kind: a, amount: 1}, {id: 2, kind: a, amount: 2}]
                            expect:
                              rows: [{kind: a, total: 3}]
                        """);
    }

    @Test
    void incrementalStrategiesFoldNewRowsIn() throws Exception {
        // microbatch: merged on the unique_key that dbt-postgres requires (compared in PostgresConformanceIT)
        TestProject p = increments("mallard_increments").file("models/per_year.sql", "{{ config(materialized="
                + "'incremental', incremental_strategy='microbatch', event_time='at', batch_size='year', "
                + "begin='2023-01-01', unique_key='id') }}\nselect id, at from {{ ref('events') }}");
        p.run("build", "--profiles-dir", p.dir().toString(), "--vars", "{factor: 1, upto: 2}").assertOk();
        p.run("build", "--profiles-dir", p.dir().toString(), "--vars", "{factor: 2, upto: 3}").assertOk()
                .assertOutContains("ERROR=0 SKIP=0");
        String s = "mallard_increments.";
        assertEquals(List.of(List.of("1", "10"), List.of("2", "20"), List.of("2", "40"), List.of("3", "60")),
                rows("select id, amount from " + s + "inc_append order by id, amount"));
        for (String model : List.of("inc_delete_insert", "inc_merge")) {
            assertEquals(List.of(List.of("1", "10"), List.of("2", "40"), List.of("3", "60")),
                    rows("select id, amount from " + s + model + " order by id"), model);
        }
        assertEquals(List.of(List.of("a", "70"), List.of("b", "40")), rows("select * from " + s + "kinds order by 1"));
        assertEquals(List.of(List.of("integer")), rows("select data_type from information_schema.columns where "
                + "table_schema = 'mallard_increments' and table_name = 'shape' and column_name = 'x'"));
        // a contract's constraints, and a microbatch model over the seed's event time
        assertEquals(List.of(List.of("CHECK"), List.of("PRIMARY KEY")), rows("select distinct constraint_type from "
                + "information_schema.table_constraints where table_schema = 'mallard_increments' and table_name = "
                + "'contracted' and constraint_type in ('PRIMARY KEY', 'CHECK') order by 1"));
        assertEquals(List.of(List.of("3")), rows("select count(*) from " + s + "per_year"));
        // dbt's cross-database macros dispatch to their Postgres forms
        assertEquals(List.of(List.of("2024-02-02 00:00:00", "2", "2", "2024-02-29", "postgres", "t", "b|a|a", "b")),
                rows("select * from " + s + "cross_database"));
    }

    @Test
    void incrementalStrategiesEqualWhatDbtPostgresBuilds() throws Exception {
        Path dbt = DbtPostgresOracle.find();
        assumeTrue(dbt != null, DbtPostgresOracle.MISSING);
        TestProject p = increments("mallard_inc_vs_dbt");
        TestProject d = increments("dbt_inc_oracle");
        for (String vars : List.of("{factor: 1, upto: 2}", "{factor: 2, upto: 3}")) {
            p.run("build", "--profiles-dir", p.dir().toString(), "--vars", vars).assertOk();
            DbtPostgresOracle.build(dbt, d.dir(), "--vars", vars);
        }
        assertSameRelations("mallard_inc_vs_dbt", "dbt_inc_oracle");
    }

    /** Same relations of the same kinds, same columns with the same types in the same order, same rows. */
    @Test
    void anIngestIsRefusedOnAPostgresTargetBeforeAnythingIsWritten() throws Exception {
        assumeTrue(server != null, PostgresTestServer.NO_POSTGRES);
        TestProject p = TestProject.in(root.resolve("mallard_ingest")).dbtProject()
                .file("profiles.yml", profile(TestProject.DEFAULT_NAME, "mallard_ingest"))
                .file("data/x.csv", "id,name\n1,a\n")
                .file("ingest/files.yml", "ingests:\n  - name: xfiles\n    type: files\n    table: raw_x\n    path: data/*.csv\n");
        p.run("ingest", "--profiles-dir", p.dir().toString()).assertExit(1)
                .assertOutContains("ingest/files.yml:2: ingest 'xfiles' needs a DuckDB target");
        assertEquals(List.of(), relations("mallard_ingest"));
        assertEquals(List.of(List.of("0")), rows("select count(*) from information_schema.tables"
                + " where table_name = 'mallard_ingest_state'"));
    }

    static void assertSameRelations(String ours, String theirs) throws SQLException {
        List<List<String>> relations = relations(ours);
        assertFalse(relations.isEmpty());
        assertEquals(relations(theirs), relations, "relations of " + ours + " and " + theirs);
        for (List<String> r : relations) {
            String name = r.get(0);
            assertEquals(columnTypes(theirs, name), columnTypes(ours, name), "columns of " + name);
            String a = ours + ".\"" + name + "\"";
            String b = theirs + ".\"" + name + "\"";
            assertEquals(List.of(List.of("0", "0")), rows("select (select count(*) from (select * from " + a
                    + " except all select * from " + b + ") x), (select count(*) from (select * from " + b
                    + " except all select * from " + a + ") y)"), "rows of " + name + " differ");
        }
    }

    private static List<List<String>> relations(String schema) throws SQLException {
        return rows("select table_name, table_type from information_schema.tables where table_schema = '" + schema
                + "' order by table_name");
    }

    private static List<String> columns(String schema, String table) throws SQLException {
        return columnTypes(schema, table).stream().map(c -> c.get(0)).toList();
    }

    private static List<List<String>> columnTypes(String schema, String table) throws SQLException {
        return rows("select column_name, data_type, coalesce(numeric_precision, 0), coalesce(numeric_scale, 0) "
                + "from information_schema.columns where table_schema = '" + schema + "' and table_name = '" + table
                + "' order by ordinal_position");
    }

    static List<List<String>> rows(String sql) throws SQLException {
        try (Connection c = server.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            List<List<String>> out = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
            return out;
        }
    }

}
