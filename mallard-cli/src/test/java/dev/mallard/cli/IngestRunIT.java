package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a source sees of a run and what its commits write, with the test source
 * {@link BatchFormsSource}: the three batch forms, declared and inferred columns, key merges,
 * state per commit, Jinja rendering, secrets and --start/--end.
 */
class IngestRunIT {
    @TempDir
    Path dir;

    private TestProject project(String specs) {
        return TestProject.in(dir).dbtProject("vars:\n  who: world\n").file("ingest/test.yml", "ingests:\n" + specs);
    }

    @Test
    void everyBatchFormLandsWithDeclaredAndInferredTypes() {
        TestProject p = project("""
                  - {name: by_rows, type: test_batches, table: raw.by_rows, form: rows, batches: 2, size: 3}
                  - {name: by_json, type: test_batches, table: raw.by_json, form: json, batches: 2, size: 3,
                     columns: {id: INTEGER}}
                  - {name: by_raw, type: test_batches, table: raw.by_raw, form: json_raw, batches: 1, size: 2}
                  - {name: by_query, type: test_batches, table: raw.by_query, form: query, batches: 3, size: 2,
                     label: "{{ var('who') }} from {{ cursor }}"}
                """);

        p.runOk("ingest");

        assertEquals(List.of(List.of("6", "1", "6")), p.rows("select count(*), min(id), max(id) from raw.by_rows"));
        assertEquals("DATE", p.value("select typeof(day) from raw.by_rows limit 1"));
        assertEquals("2026-01-02", p.value("select day from raw.by_rows where id = 1"));
        assertEquals(List.of(List.of("6", "INTEGER", "60")),
                p.rows("select count(*), any_value(typeof(id)), max(nested.x) from raw.by_json"));
        assertEquals(List.of("payload"), p.columns("select * from raw.by_raw"));
        assertEquals("2", p.value("select payload->>'id' from raw.by_raw order by 1 desc limit 1"));
        assertEquals(List.of(List.of("6", "world from 1")), p.rows("select count(*), any_value(label) from raw.by_query"));
        assertEquals(List.of(List.of("by_json", "raw.by_json", "{\"next\":7}"), List.of("by_query", "raw.by_query",
                "{\"next\":7}"), List.of("by_raw", "raw.by_raw", "{\"next\":3}"), List.of("by_rows", "raw.by_rows",
                "{\"next\":7}")), p.rows("select ingest, table_name, state::varchar from main.mallard_ingest_state order by 1"));

        // the next run goes on from the committed state
        p.runOk("ingest", "--select", "by_rows");
        assertEquals(List.of(List.of("12", "1", "12")), p.rows("select count(*), min(id), max(id) from raw.by_rows"));
    }

    @Test
    void aKeyMergesRowsAndANewColumnIsAdded() {
        TestProject p = project("  - {name: merged, type: test_batches, table: raw.merged, key: [id], form: query, size: 3}\n");
        p.runOk("ingest");
        p.writeSql("update main.mallard_ingest_state set state = '{\"next\": 2}'");
        p.file("ingest/test.yml", "ingests:\n  - {name: merged, type: test_batches, table: raw.merged, key: [id], "
                + "form: rows, size: 3}\n");

        p.runOk("ingest");

        assertEquals(List.of(List.of("1", "-..-"), List.of("2", "-..-"), List.of("3", "-..-"), List.of("4", "-..-")),
                p.rows("select id, \"window\" from raw.merged order by id"));
        assertEquals(List.of(java.util.Arrays.asList("1", null), List.of("2", "2026-01-03")),
                p.rows("select id, day::varchar from raw.merged where id <= 2 order by id"));
    }

    @Test
    void keptKeysAreNeitherReplacedNorDoubledAndKeepRawFillsTheDeclaredColumnsFromTheRecords() {
        // an application-owned raw table made by a migration (which `ingest` applies first): ids
        // from a sequence, and a table referencing them, so a replaced row would break the reference
        TestProject p = TestProject.in(dir).dbtProject("migrations:\n  apply_on_build: true\n")
                .file("migrations/V1__kept.sql", """
                        -- migrate:up
                        create schema raw;
                        create sequence raw.kept_seq;
                        create table raw.kept (row_id bigint primary key default nextval('raw.kept_seq'),
                            id bigint not null unique, label varchar, payload json);
                        create table raw.refs (row_id bigint references raw.kept (row_id));
                        -- migrate:down
                        drop schema raw cascade;
                        """)
                .file("ingest/test.yml", "ingests:\n  - {name: kept, type: test_batches, table: raw.kept, form: json_raw, "
                        + "size: 3, key: [id], on_existing_key: keep, columns: {id: BIGINT, label: VARCHAR}}\n");
        p.runOk("ingest").assertOutContains("Applying 1 pending migration first");
        p.writeSql("insert into raw.refs select row_id from raw.kept where id = 3");
        // the next run starts one id back (as an inclusive cursor does): id 3 comes again
        p.writeSql("update main.mallard_ingest_state set state = '{\"next\": 3}'");

        p.runOk("ingest");

        assertEquals(List.of(List.of("1", "1", "plain"), List.of("2", "2", "plain"), List.of("3", "3", "plain"),
                List.of("4", "4", "plain"), List.of("5", "5", "plain")),
                p.rows("select row_id, id, label from raw.kept order by id"));
        assertEquals("4", p.value("select payload->>'id' from raw.kept where row_id = 4"));
        assertEquals("3", p.value("select k.id from raw.refs r join raw.kept k using (row_id)"));
    }

    @Test
    void anIngestIntoATableAPendingMigrationCreatesIsRefusedWithoutApplyOnBuild() {
        TestProject p = TestProject.in(dir).dbtProject("")
                .file("migrations/V1__kept.sql", "-- migrate:up\ncreate schema raw;\ncreate table raw.kept (id bigint);\n"
                        + "-- migrate:down\ndrop schema raw cascade;\n")
                .file("ingest/test.yml", "ingests:\n  - {name: kept, type: test_batches, table: raw.kept, size: 3}\n");

        CommandResult r = p.run("ingest").assertExit(2);
        r.assertErrContains("1 node uses a table that pending migrations change; nothing was run.",
                "ingest kept (ingest/test.yml) fills raw.kept", "V1 kept (migrations/V1__kept.sql)", "mallard migrate up");
        assertFalse(p.relations().contains("raw.kept"), p.relations().toString());

        p.runOk("migrate", "up");
        p.runOk("ingest");
        assertEquals("3", p.value("select count(*) from raw.kept"));
    }

    @Test
    void onExistingKeyNeedsAKeyAndAKnownValue() {
        project("  - {name: a, type: test_batches, table: raw.a, on_existing_key: keep}\n").run("ingest").assertExit(2)
                .assertErrContains("ingest/test.yml:2: ingest 'a': on_existing_key: needs a key:");
        project("  - {name: a, type: test_batches, table: raw.a, key: id, on_existing_key: skip}\n").run("ingest")
                .assertExit(2).assertErrContains("on_existing_key: must be replace or keep, not 'skip'");
    }

    @Test
    void aFailingSourceKeepsWhatItCommittedAndTheRerunResumes() {
        TestProject p = project("  - {name: flaky, type: test_batches, table: raw.flaky, form: rows, batches: 3, size: 2, "
                + "fail_after: 2}\n");

        CommandResult r = p.run("ingest").assertExit(1);
        assertTrue(r.all().contains("ingest/test.yml:2: ingest 'flaky': the test source fails on purpose"), r.all());
        assertEquals("4", p.value("select count(*) from raw.flaky"));
        assertEquals("{\"next\":5}", p.value("select state::varchar from main.mallard_ingest_state"));

        p.file("ingest/test.yml", "ingests:\n  - {name: flaky, type: test_batches, table: raw.flaky, form: rows, "
                + "batches: 1, size: 2}\n");
        p.runOk("ingest");
        assertEquals(List.of(List.of("6", "6")), p.rows("select count(*), count(distinct id) from raw.flaky"));
    }

    @Test
    void startAndEndReachTheSourceOnIngestAndBuild() {
        TestProject p = project("  - {name: windowed, type: test_batches, table: raw.windowed, form: query, size: 1}\n");

        p.runOk("ingest", "--start", "2026-01-01", "--end", "2026-02-01T00:00:00Z");
        p.runOk("build", "--start", "2026-03-01");
        assertEquals(List.of(List.of("2026-01-01..2026-02-01T00:00:00Z"), List.of("2026-03-01..-")),
                p.rows("select \"window\" from raw.windowed order by id"));
        p.run("ingest", "--start", "yesterday").assertExit(2);
    }

    @Test
    void secretsComeFromTheEnvironmentOrAFileOutsideTheProject() throws Exception {
        TestProject p = project("  - {name: secretive, type: test_batches, table: raw.secretive, form: query, size: 1, "
                + "secret: API_TOKEN}\n");
        Path secrets = Files.createTempFile("secrets", ".yml");
        Files.writeString(secrets, "API_TOKEN: from-the-file\n");
        try {
            CommandResult viaEnv = CliProcess.run(dir, Map.of("API_TOKEN", "s3cr3t"), "ingest").assertOk();
            CommandResult viaFile = CliProcess.run(dir, Map.of("MALLARD_SECRETS_FILE", secrets.toString()), "ingest").assertOk();
            assertEquals(List.of(List.of("6"), List.of("13")), p.rows("select secret_length from raw.secretive order by id"));
            assertFalse(viaEnv.all().contains("s3cr3t") || viaFile.all().contains("from-the-file"));

            p.file("secrets.yml", "API_TOKEN: zz-in-the-repo\n");
            CommandResult inside = CliProcess.run(dir, Map.of("MALLARD_SECRETS_FILE", dir.resolve("secrets.yml").toString()),
                    "ingest").assertExit(1);
            assertTrue(inside.all().contains("ingest 'secretive': the secrets file") && inside.all().contains("is inside the project"),
                    inside.all());
            assertFalse(inside.all().contains("zz-in-the-repo"), inside.all());
        } finally {
            Files.deleteIfExists(secrets);
        }
    }
}
