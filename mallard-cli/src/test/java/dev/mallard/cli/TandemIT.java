package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/tandem (seed 004): migrations own raw_events / events / cgm_readings /
 * basal_deliveries with sequences; one build applies them, loads the pump export, parses
 * raw events into the domain tables and builds the daily marts; up, down, up gives the
 * identical catalog.
 */
class TandemIT {
    @TempDir
    Path dir;

    /** Every object the migrations own, as DuckDB's catalog describes it (history and models left out). */
    private static final String CATALOG = """
            select 'table' as kind, table_name as name, sql as definition from duckdb_tables()
              where table_name in ('raw_events', 'events', 'cgm_readings', 'basal_deliveries')
            union all
            select 'column', table_name || '.' || column_name, column_index || ' ' || data_type || ' nullable='
                || is_nullable || ' default=' || coalesce(column_default, '-') from duckdb_columns()
              where table_name in ('raw_events', 'events', 'cgm_readings', 'basal_deliveries')
            union all
            select 'constraint', table_name || '.' || constraint_type, constraint_text from duckdb_constraints()
              where table_name in ('raw_events', 'events', 'cgm_readings', 'basal_deliveries')
            union all
            select 'index', index_name, sql from duckdb_indexes()
            union all
            select 'sequence', sequence_name, start_value || ' ' || increment_by || ' ' || min_value || ' '
                || max_value || ' ' || cycle from duckdb_sequences()
            order by 1, 2, 3
            """;

    private TestProject tandem() {
        return TestProject.copyOfExample("tandem", dir.resolve("tandem"));
    }

    @Test
    void oneBuildAppliesTheMigrationsParsesTheRawEventsAndBuildsTheMarts() {
        TestProject p = tandem();
        p.runOk("build").assertOutContains("Applying 3 pending migrations first (migrations: apply_on_build)",
                "Applying 1 create raw events", "Applying 3 create cgm and basal", "Done. PASS=10 WARN=0 ERROR=0");
        assertEquals("657", p.value("select count(*) from raw_events"));
        assertEquals("657", p.value("select count(*) from events"));
        assertEquals(List.of(List.of("600", "1", "600")), p.rows("select count(*), min(id), max(id) from cgm_readings"));
        assertEquals("50", p.value("select count(*) from basal_deliveries"));
        assertEquals(List.of(List.of("2025-06-01", "287", "127.2", "46", "200", "84.7"),
                        List.of("2025-06-02", "288", "128.3", "47", "199", "84.0"),
                        List.of("2025-06-03", "25", "120.6", "101", "140", "100.0")),
                p.rows("select * from daily_glucose order by day"));
        assertEquals(List.of(List.of("3")), p.rows("select count(*) from mallard_schema_history where success"));

        // a second build fetches nothing new and parses nothing twice
        p.runOk("build").assertOutContains("Done. PASS=10");
        assertFalse(p.run("build").out().contains("Applying"), "nothing is pending any more");
        assertEquals("600", p.value("select count(*) from cgm_readings"));
        p.runOk("check").assertOutContains("No drift");
    }

    @Test
    void upDownUpGivesTheIdenticalCatalog() {
        TestProject p = tandem();
        p.runOk("migrate", "up").assertOutContains("Applied 3 migration(s).");
        List<List<String>> first = p.rows(CATALOG);
        assertEquals(4, first.stream().filter(r -> r.get(0).equals("table")).count(), first.toString());
        assertEquals(4, first.stream().filter(r -> r.get(0).equals("sequence")).count(), first.toString());

        p.runOk("migrate", "down", "--to", "0");
        assertEquals(List.of(), p.rows(CATALOG));
        p.runOk("migrate", "up");
        assertEquals(first, p.rows(CATALOG));

        // and after real data went through (sequences advanced, foreign keys in use): all the
        // way down and up again gives empty tables of the very same shape
        p.runOk("build");
        assertNotEquals("0", p.value("select count(*) from cgm_readings"));
        assertNotEquals(first, p.rows(CATALOG), "the sequences advanced");
        p.runOk("migrate", "down", "--to", "0").assertOutContains("create raw events");
        p.runOk("migrate", "up");
        assertEquals(first, p.rows(CATALOG));
        assertEquals("0", p.value("select count(*) from cgm_readings"));
    }

    @Test
    void withoutApplyOnBuildABuildOverPendingMigrationsIsRefusedAndChangesNothing() {
        TestProject p = tandem();
        p.file("dbt_project.yml", p.read("dbt_project.yml").replace("apply_on_build: true", "apply_on_build: false")
                .replaceAll("(?s)on-run-start:.*?\\n\\n", ""));
        p.runOk("migrate", "up", "--to", "2");
        CommandResult r = p.run("build").assertExit(2);
        r.assertErrContains("models read tables that pending migrations change; nothing was built.",
                "model parse_cgm_readings (models/parse/parse_cgm_readings.sql) reads app.cgm_readings",
                "model daily_basal (models/marts/daily_basal.sql) reads app.basal_deliveries",
                "V3 create cgm and basal (migrations/V3__create_cgm_and_basal.sql)",
                "mallard migrate up");
        r.assertNoJavaInternals();
        assertEquals(List.of("main.events", "main.mallard_schema_history", "main.raw_events"), p.relations());

        p.runOk("migrate", "up");
        p.runOk("build").assertOutContains("Completed successfully");
    }
}
