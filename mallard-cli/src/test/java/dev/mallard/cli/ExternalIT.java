package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * External models: the rows are published as files (atomically), and the database holds
 * a view over them that downstream models ref.
 */
class ExternalIT {
    @TempDir
    Path dir;

    private TestProject project(String modelSql) {
        return TestProject.in(dir).dbtProject()
                .file("seeds/src.csv", "id,kind,v\n1,a,10\n2,b,20\n3,a,30\n")
                .file("models/mart.sql", modelSql);
    }

    /** Rows read from a file with a separate in-memory DuckDB, as the seed's API does. */
    private static List<List<String>> readWithDuckDb(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            List<List<String>> rows = new java.util.ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new java.util.ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (java.sql.SQLException e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e);
        }
    }

    private static List<String> hiddenFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".") && n.contains(".tmp"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void defaultLocationIsTheModelNameUnderExternalRootAndADownstreamModelRefsTheView() {
        TestProject p = project("{{ config(materialized='external') }}\nselect id, v from {{ ref('src') }}")
                .file("models/downstream.sql", "select sum(v) as total from {{ ref('mart') }}");
        p.runOk("build");
        assertTrue(p.exists("mart.parquet"), "written under the project folder (external_root '.')");
        assertEquals("3", readWithDuckDb("select count(*) from read_parquet('" + dir.resolve("mart.parquet") + "')")
                .get(0).get(0));
        assertEquals("VIEW", p.tableType("mart"));
        assertTrue(p.value("select sql from duckdb_views() where view_name = 'mart'").contains("read_parquet("));
        assertEquals("60", p.value("select total from downstream"));
        assertEquals(List.of(), hiddenFiles(dir));
    }

    @Test
    void externalRootFromTheProfileAndANameTemplateInDbtProjectYml() {
        TestProject p = TestProject.in(dir).dbtProject("models:\n  proj:\n    marts:\n      +materialized: external\n"
                        + "      +location: 'out/marts/{name}.parquet'\n")
                .file("profiles.yml", "proj:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n"
                        + "      path: target/proj.duckdb\n      external_root: lake\n")
                .file("models/marts/orders.sql", "select 1 as id")
                .file("models/other.sql", "{{ config(materialized='external', format='csv') }}\nselect 2 as id");
        p.runOk("build", "--profiles-dir", dir.toString());
        assertTrue(p.exists("out/marts/orders.parquet"));
        assertTrue(p.exists("lake/other.csv"), "default location uses the profile's external_root");
        assertEquals("id\n2\n", p.read("lake/other.csv"));
        assertEquals("2", p.value("select id from other"));
    }

    @Test
    void seed002sExternalLocationOnModelsIsHonoured() {
        TestProject p = TestProject.in(dir).dbtProject("models:\n  proj:\n    +materialized: external\n"
                        + "    +external_location: \"{{ env_var('PARQUET_DIR', 'data/parquet') }}/mart/{name}.parquet\"\n")
                .file("models/revenue.sql", "select 42 as amount");
        p.runOk("run");
        assertTrue(p.exists("data/parquet/mart/revenue.parquet"));
        assertEquals("42", p.value("select amount from revenue"));
    }

    @Test
    void csvAndJsonFormatsAndCopyOptionsArePassedThrough() {
        TestProject p = project("{{ config(materialized='external', format='csv', options={'delimiter': '|'}) }}\n"
                + "select id, kind from {{ ref('src') }} order by id")
                .file("models/j.sql", "{{ config(materialized='external', location='j/{name}.json') }}\n"
                        + "select id from {{ ref('src') }} order by id")
                .file("models/zs.sql", "{{ config(materialized='external', options={'compression': 'zstd'}) }}\n"
                        + "select id from {{ ref('src') }}");
        p.runOk("build");
        assertEquals("id|kind\n1|a\n2|b\n3|a\n", p.read("mart.csv"));
        assertEquals("{\"id\":1}\n{\"id\":2}\n{\"id\":3}\n", p.read("j/j.json"));
        assertEquals("3", p.value("select count(*) from mart where kind in ('a', 'b')"));
        assertEquals("6", p.value("select sum(id) from j"));
        assertEquals("ZSTD", readWithDuckDb("select distinct compression from parquet_metadata('"
                + dir.resolve("zs.parquet") + "')").get(0).get(0));
    }

    @Test
    void partitionByWritesAVersionedDirectoryBehindALinkAndKeepsThePreviousAndRecentVersions() throws IOException {
        TestProject p = project("{{ config(materialized='external', partition_by='kind') }}\n"
                + "select id, kind from {{ ref('src') }}");
        for (int i = 0; i < 3; i++) {
            p.runOk("build");
        }
        // superseded versions stay readable for 30 s after the switch: all three are there
        try (Stream<Path> versions = Files.list(dir.resolve(".mart.versions"))) {
            assertEquals(3, versions.count(), "versions superseded less than 30 s ago");
        }
        System.setProperty("mallard.external.versionGraceMillis", "0");
        try {
            p.runOk("build");
        } finally {
            System.clearProperty("mallard.external.versionGraceMillis");
        }
        Path link = dir.resolve("mart");
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.isDirectory(link.resolve("kind=a")));
        try (Stream<Path> versions = Files.list(dir.resolve(".mart.versions"))) {
            assertEquals(2, versions.count(), "the current version and the one it replaced");
        }
        assertEquals(List.of(List.of("a", "2"), List.of("b", "1")),
                readWithDuckDb("select kind, count(*) from read_parquet('" + link.toRealPath()
                        + "/**/*.parquet', hive_partitioning = true) group by kind order by kind"));
        assertEquals("2", p.value("select count(*) from mart where kind = 'a'"));
    }

    @Test
    void aFailedBuildLeavesThePreviousFileAndNoTemporaryFiles() throws IOException {
        TestProject p = project("{{ config(materialized='external') }}\nselect id, v from {{ ref('src') }}");
        p.runOk("build");
        byte[] before = Files.readAllBytes(dir.resolve("mart.parquet"));
        p.file("models/mart.sql", "{{ config(materialized='external') }}\n"
                + "select id, case when id = 3 then error('boom') else v end as v from {{ ref('src') }}");
        CommandResult failed = p.run("run");
        assertNotEquals(0, failed.exitCode());
        assertTrue(failed.out().contains("boom"), failed.out());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(dir.resolve("mart.parquet"))));
        assertEquals(List.of(), hiddenFiles(dir));
        assertEquals("3", p.value("select count(*) from mart"));
    }

    @Test
    void aFailedCopyLeavesThePreviousFileAndAFailedPartitionedBuildThePreviousVersion() throws IOException {
        TestProject p = project("{{ config(materialized='external') }}\nselect id, v from {{ ref('src') }}")
                .file("models/parts.sql", "{{ config(materialized='external', partition_by='kind') }}\n"
                        + "select id, kind from {{ ref('src') }}");
        p.runOk("build");
        byte[] before = Files.readAllBytes(dir.resolve("mart.parquet"));
        Path version = dir.resolve("parts").toRealPath();
        p.file("models/mart.sql", "{{ config(materialized='external', options={'no_such_option': 1}) }}\n"
                + "select id, v from {{ ref('src') }}");
        p.file("models/parts.sql", "{{ config(materialized='external', partition_by='kind') }}\n"
                + "select id, case when id = 3 then error('boom') else kind end as kind from {{ ref('src') }}");
        assertNotEquals(0, p.run("run").exitCode());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(dir.resolve("mart.parquet"))));
        assertEquals(version, dir.resolve("parts").toRealPath());
        try (Stream<Path> versions = Files.list(dir.resolve(".parts.versions"))) {
            assertEquals(1, versions.count());
        }
        assertEquals(List.of(), hiddenFiles(dir));
        assertEquals("3", p.value("select count(*) from parts"));
    }

    @Test
    void aReaderNeverSeesAPartialFileWhileTheModelIsRebuiltFiftyTimes() throws Exception {
        TestProject p = project("{{ config(materialized='external') }}\n"
                + "select i as id, repeat('x', 50) as pad from range({{ var('n', 20000) }}) t(i)");
        p.runOk("run");
        String query = "select count(*) from read_parquet('" + dir.resolve("mart.parquet") + "')";
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger reads = new AtomicInteger();
        ConcurrentLinkedQueue<String> bad = new ConcurrentLinkedQueue<>();
        Thread reader = new Thread(() -> {
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
                while (!stop.get()) {
                    try (ResultSet rs = st.executeQuery(query)) {
                        rs.next();
                        long n = rs.getLong(1);
                        if (n != 20000 && n != 30000) {
                            bad.add("count " + n);
                        }
                        reads.incrementAndGet();
                    } catch (java.sql.SQLException e) {
                        bad.add(e.getMessage());
                    }
                }
            } catch (java.sql.SQLException e) {
                bad.add(e.getMessage());
            }
        });
        reader.start();
        try {
            for (int i = 0; i < 50; i++) {
                p.runOk("run", "--vars", "{n: " + (i % 2 == 0 ? 30000 : 20000) + "}");
            }
        } finally {
            stop.set(true);
            reader.join();
        }
        assertEquals(List.of(), List.copyOf(bad));
        assertTrue(reads.get() > 50, "reads: " + reads.get());
        assertEquals(List.of(), hiddenFiles(dir));
    }

    @Test
    void aReaderNeverSeesAMixedPartitionedOutput() throws Exception {
        TestProject p = project("{{ config(materialized='external', partition_by='k') }}\n"
                + "select i as id, i % 4 as k from range({{ var('n', 2000) }}) t(i)");
        p.runOk("run");
        Path link = dir.resolve("mart");
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<String> bad = new ConcurrentLinkedQueue<>();
        AtomicInteger reads = new AtomicInteger();
        Thread reader = new Thread(() -> {
            while (!stop.get()) {
                try {
                    // as a reader outside the database does: resolve the link once, then read that version
                    String version = link.toRealPath().toString();
                    long n = Long.parseLong(readWithDuckDb("select count(*) from read_parquet('" + version
                            + "/**/*.parquet', hive_partitioning = true)").get(0).get(0));
                    if (n != 2000 && n != 3000) {
                        bad.add("count " + n);
                    }
                    reads.incrementAndGet();
                } catch (IOException | AssertionError e) {
                    bad.add(e.getMessage());
                }
            }
        });
        reader.start();
        try {
            for (int i = 0; i < 50; i++) {
                p.runOk("run", "--vars", "{n: " + (i % 2 == 0 ? 3000 : 2000) + "}");
            }
        } finally {
            stop.set(true);
            reader.join();
        }
        assertEquals(List.of(), List.copyOf(bad));
        assertTrue(reads.get() > 20, "reads: " + reads.get());
    }

    @Test
    void incrementalAppendAddsTheNewRowsToThePublishedFile() {
        TestProject p = project("{{ config(materialized='external', incremental_strategy='append') }}\n"
                + "select id, v from {{ ref('src') }}\n"
                + "{% if is_incremental() %} where id > (select max(id) from {{ this }}) {% endif %}");
        p.runOk("build");
        p.file("seeds/src.csv", "id,kind,v\n1,a,10\n2,b,20\n3,a,30\n4,b,40\n");
        p.runOk("build");
        assertEquals(List.of(List.of("1", "10"), List.of("2", "20"), List.of("3", "30"), List.of("4", "40")),
                readWithDuckDb("select id, v from read_parquet('" + dir.resolve("mart.parquet") + "') order by id"));
    }

    @Test
    void withoutAFilterAppendAddsEveryRowAgainUntilAFullRefresh() {
        TestProject p = project("{{ config(materialized='external', incremental_strategy='append') }}\n"
                + "select id, v from {{ ref('src') }}");
        p.runOk("build");
        p.runOk("build");
        assertEquals("6", p.value("select count(*) from mart"));
        p.runOk("build", "--full-refresh");
        assertEquals("3", p.value("select count(*) from mart"));
        assertEquals("3", readWithDuckDb("select count(*) from read_parquet('" + dir.resolve("mart.parquet") + "')")
                .get(0).get(0));
    }

    @Test
    void incrementalMergeReplacesRowsWithTheSameKey() {
        TestProject p = project("{{ config(materialized='external', incremental_strategy='merge', unique_key='id',"
                + " format='csv') }}\nselect id, v from {{ ref('src') }}");
        p.runOk("build");
        p.file("seeds/src.csv", "id,kind,v\n2,b,21\n5,a,50\n");
        p.runOk("build");
        assertEquals(List.of(List.of("1", "10"), List.of("2", "21"), List.of("3", "30"), List.of("5", "50")),
                p.rows("select id, v from mart order by id"));
        assertFalse(p.read("mart.csv").contains("20"));
    }

    @Test
    void anUnknownFormatIsRefused() {
        TestProject p = project("{{ config(materialized='external', format='xlsx') }}\nselect 1 as id");
        CommandResult r = p.run("run");
        assertNotEquals(0, r.exitCode());
        assertTrue((r.out() + r.err()).contains("format 'xlsx' is not supported"), r.out() + r.err());
    }
}
